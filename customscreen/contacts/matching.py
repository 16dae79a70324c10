"""Which contact of the book a row of an import is, and what the row changes of it.

Importing the same file twice used to make every person twice. A row is now
the contact of the same kind that already holds one of its numbers; failing
that, the contact of the same kind with the same name (spaces and case
aside). When several contacts share the row's number (an office's
switchboard), the one with the row's name is taken, else the name decides.

People are matched against the contacts the book held before the import:
two people of one name in one file are two people. Companies are also
matched against those the import has just written, so that a company's row
fills the card its employees' "Société" column made ("the last row wins").
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from customscreen.contacts.book import MAX_FIELDS, Contact, Contract
from customscreen.contacts.rows import Row
from customscreen.contacts.text import clean

_ANY = 2**63 - 1  # the highest id SQLite gives: no bound


def same_name(name: str) -> str:
    """A name as matching compares it: clean, single spaces, case folded."""
    return " ".join(clean(name).split()).casefold()


def existing(conn: sqlite3.Connection, contact: Contact, before: int) -> int | None:
    """The id of the contact ``contact`` (a row's) already is, or None.

    ``before`` is the highest id the book held before the import.
    """
    highest = before if contact.kind == "person" else _ANY
    wanted = same_name(contact.name)
    holders: dict[int, str] = {}
    for e164 in dict.fromkeys(p.e164 for p in contact.phones):
        holders.update(conn.execute(
            "SELECT c.id, c.name FROM phones p JOIN contacts c ON c.id = p.contact_id "
            "WHERE p.e164 = ? AND c.kind = ? AND c.id <= ?", (e164, contact.kind, highest)))
    if len(holders) == 1:
        return next(iter(holders))
    for contact_id in sorted(holders):
        if same_name(holders[contact_id]) == wanted:
            return contact_id
    for contact_id, name in conn.execute(
            "SELECT id, name FROM contacts WHERE name = ? COLLATE NOCASE AND kind = ? "
            "AND id <= ? ORDER BY id", (contact.name.strip(), contact.kind, highest)):
        if same_name(name) == wanted:
            return int(contact_id)
    return None


def company(conn: sqlite3.Connection, name: str) -> tuple[int, str] | None:
    """The company a person's "Société" column names (the first of that name)."""
    row = conn.execute("SELECT id, name FROM contacts WHERE kind = 'company' AND name = ? "
                       "COLLATE NOCASE ORDER BY id LIMIT 1", (name.strip(),)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def merged(old: Contact, row: Row) -> Contact:
    """``old`` with what ``row`` says: the fields it gives change, the others stay.

    Numbers and custom fields are added to those the contact has (a custom
    field the row gives again takes the row's value), up to ``MAX_FIELDS``.
    """
    new, given = row.contact, row.given
    out = replace(old, phones=list(old.phones), fields=dict(old.fields),
                  contract=replace(old.contract))
    out.name = new.name or old.name
    for attr in ("email", "address", "notes", "always", "blocked"):
        if attr in given:
            setattr(out, attr, getattr(new, attr))
    if "company" in given:
        out.company_id = new.company_id
    contract: Contract = out.contract
    for key, attr in (("contract", "status"), ("contract_reference", "reference"),
                      ("level", "level"), ("contract_start", "start_date"),
                      ("contract_end", "end_date")):
        if key in given:
            setattr(contract, attr, getattr(new.contract, attr))
    held = {p.e164 for p in out.phones}
    for phone in new.phones:
        if phone.e164 not in held:
            out.phones.append(phone)
            held.add(phone.e164)
    for key, value in new.fields.items():
        if key in out.fields or len(out.fields) < MAX_FIELDS:
            out.fields[key] = value
    return out
