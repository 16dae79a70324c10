"""Contacts: the contact book, its search, phone numbers and address-book files.

``from customscreen import contacts`` gives the book and its search as one
namespace (``contacts.save``, ``contacts.search``); the other modules of the
room are imported by name (``customscreen.contacts.numbers``).
"""

from __future__ import annotations

from customscreen.contacts.book import (
    CONTRACT_STATUSES,
    MAX_FIELDS,
    PHONE_LABELS,
    Caller,
    Contact,
    ContactError,
    Contract,
    Phone,
    StoreError,
    company_ids,
    count,
    delete,
    find_caller,
    find_company,
    get,
    insert_many,
    people_of,
    require,
    save,
    save_in,
    shown_fields,
    tidy,
)
from customscreen.contacts.search import SearchHit, fts_query, reindex, reindex_all, search

__all__ = [
    "CONTRACT_STATUSES", "MAX_FIELDS", "PHONE_LABELS", "Caller", "Contact", "ContactError",
    "Contract", "shown_fields", "tidy",
    "Phone", "SearchHit", "StoreError", "company_ids", "count", "delete", "find_caller",
    "find_company", "fts_query", "get", "insert_many", "people_of", "reindex", "reindex_all",
    "require", "save", "save_in", "search",
]
