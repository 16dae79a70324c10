"""Search as you type: the contacts' full-text index and the queries over it.

The index (``contacts_fts``) is derived data: every write of a contact refreshes
its row here, and a database upgraded from a file without it is indexed again
by ``rebuild`` the first time it is opened for writing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from customscreen.contacts import numbers
from customscreen.contacts.typed import read_query
from customscreen.storage.store import Store, register_rebuild

if TYPE_CHECKING:
    from customscreen.contacts.book import Contact

def reindex(conn: sqlite3.Connection, contact_id: int) -> None:
    """Refresh one contact's row of the full-text index."""
    row = conn.execute(
        "SELECT c.name, c.notes, co.name AS company FROM contacts c "
        "LEFT JOIN contacts co ON co.id = c.company_id WHERE c.id = ?",
        (contact_id,),
    ).fetchone()
    conn.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))
    if row is None:
        return
    phones = [r[0] for r in conn.execute(
        "SELECT e164 FROM phones WHERE contact_id = ?", (contact_id,)
    )]
    searchable_numbers = " ".join(numbers.search_tokens(e) for e in phones)
    field_values = " ".join(r[0] for r in conn.execute(
        "SELECT value FROM custom_fields WHERE contact_id = ?", (contact_id,)
    ))
    conn.execute(
        "INSERT INTO contacts_fts(rowid, name, company, notes, numbers) VALUES (?,?,?,?,?)",
        (contact_id, row[0], row[2] or "", f"{row[1]} {field_values}".strip(), searchable_numbers),
    )


def reindex_all(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM contacts_fts")
    for (contact_id,) in conn.execute("SELECT id FROM contacts").fetchall():
        reindex(conn, contact_id)



def index_new(conn: sqlite3.Connection, new: Iterable[Contact],
              company_names: dict[int, str]) -> None:
    """Index contacts just inserted by ``book.insert_many``, in one statement."""
    conn.executemany(
        "INSERT INTO contacts_fts(rowid, name, company, notes, numbers) VALUES (?,?,?,?,?)",
        [(c.id, c.name.strip(), company_names.get(c.company_id or 0, ""),
          " ".join([c.notes, *c.fields.values()]).strip(),
          " ".join(numbers.search_tokens(p.e164) for p in c.phones)) for c in new],
    )


# Migration 2 creates the index empty (a migration is frozen SQL); the tokens of
# a number come from today's numbers module, so the rebuild is ours.
register_rebuild("contacts_fts", reindex_all)


@dataclass(frozen=True)
class SearchHit:
    id: int
    name: str
    company: str
    kind: str
    numbers: str  # E.164, comma-separated


_TOKEN = re.compile(r"\w+", re.UNICODE)
#: Queries this short are shown alphabetically rather than ranked.
SHORT_QUERY = 3


def fts_query(text: str, region: str = numbers.FALLBACK_REGION) -> str | None:
    """Each word the user typed as a quoted prefix: ``dup sa`` → ``"dup"* "sa"*``.

    A number is one prefix, its groups joined and read as ``typed`` reads
    them: ``05 36`` → ``"0536"*``, ``+33 (0)5 36`` → ``"33536"*``; the index
    holds each number as ``numbers.search_tokens`` writes it.
    """
    return _as_prefixes(_tokens(text, region))


def _as_prefixes(tokens: list[str]) -> str | None:
    return " ".join(f'"{t}"*' for t in tokens) if tokens else None


def _tokens(text: str, region: str) -> list[str]:
    read = read_query(text, region)
    return [t for word in read.words for t in _TOKEN.findall(word)] + [
        n.digits for n in read.numbers]


def search(store: Store, text: str, limit: int = 50, offset: int = 0,
           region: str = numbers.FALLBACK_REGION) -> list[SearchHit]:
    """Search as you type over names, companies, notes, custom fields and numbers.

    ``region`` says how a typed number is read (its international prefix:
    "00" in Europe, "011" in North America).
    """
    tokens = _tokens(text, region)
    query = _as_prefixes(tokens)
    select = (
        "SELECT c.id, c.name, COALESCE(co.name, '') AS company, c.kind, "
        "(SELECT group_concat(e164, ', ') FROM phones p WHERE p.contact_id = c.id) AS numbers "
    )
    typed = text.strip()
    if query is None or (len(typed) == 1 and typed.isalpha()):
        # No text, or the first letter: the phone book's alphabetical order,
        # straight from the name index (a letter matches a fifth of the words).
        rows = store.query(
            f"{select} FROM contacts c LEFT JOIN contacts co ON co.id = c.company_id "
            "WHERE c.name LIKE ? ORDER BY c.name COLLATE NOCASE LIMIT ? OFFSET ?",
            (f"{typed}%" if query else "%", limit, offset),
        )
    else:
        # The first letters typed match a fifth of the contacts: ranking them
        # all costs tens of milliseconds and says nothing, so they come in
        # alphabetical order; from four letters on, the best matches come first.
        order = "c.name COLLATE NOCASE" if len(typed) <= SHORT_QUERY else "f.rank"
        if len(tokens) == 1 and len(tokens[0]) == 1 and tokens[0].isdigit():
            # One digit begins every number of a region: any order will do,
            # and the index's own order costs nothing.
            order, query = "f.rowid", f"numbers : {query}"
        rows = store.query(
            f"{select} FROM contacts_fts f JOIN contacts c ON c.id = f.rowid "
            "LEFT JOIN contacts co ON co.id = c.company_id "
            f"WHERE contacts_fts MATCH ? ORDER BY {order} LIMIT ? OFFSET ?",
            (query, limit, offset),
        )
    return [SearchHit(r["id"], r["name"], r["company"], r["kind"], r["numbers"] or "")
            for r in rows]
