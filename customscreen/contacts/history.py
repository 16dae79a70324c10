"""A contact's history: the journal's calls from their numbers follow the book.

The switchboard links a call to the contact who owns its number when it
rings; a number written into the book later (the receptionist creates the
caller's contact from the card, an import brings it) would leave its earlier
calls unlinked, and the new card would say there was no earlier call. So
saving a contact links the unlinked calls of its numbers, and a number taken
away takes its calls with it: to whoever else holds the number, chosen as the
switchboard chooses (a person before their company's switchboard), or to
nobody.

Calls linked to another contact on a shared number (a company's switchboard
and its accountant) stay theirs: which of the two a call was is a fact of the
day it rang, not something a later edit should move.

Every statement finds its calls through ``calls_number``: a million-call
journal is never scanned. The contact id is kept out of the index choice
(``+contact_id``): most calls of a busy journal are unknown callers, and the
index on ``contact_id`` would walk all of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

# The contact the switchboard would find for a call's number (see
# ``book._CALLER_SQL``), or NULL when the book no longer holds it.
_OWNER = (
    "(SELECT p.contact_id FROM phones p JOIN contacts c ON c.id = p.contact_id "
    "WHERE p.e164 = calls.number ORDER BY c.kind = 'company', c.id LIMIT 1)"
)


def link_sql(count: int) -> str:
    """Unlinked calls of ``count`` numbers, linked to the contact given first."""
    return (f"UPDATE calls SET contact_id = ? WHERE number IN ({_marks(count)}) "
            "AND +contact_id IS NULL")


def unlink_sql(count: int) -> str:
    """A contact's calls from ``count`` numbers it no longer has, to their next owner."""
    return (f"UPDATE calls SET contact_id = {_OWNER} WHERE number IN ({_marks(count)}) "
            "AND +contact_id = ?")


#: The unlinked calls of the numbers of contacts ``?``..``?`` (an import's batch).
LINK_RANGE_SQL = (
    f"UPDATE calls SET contact_id = {_OWNER} WHERE number IN "
    "(SELECT e164 FROM phones WHERE contact_id BETWEEN ? AND ?) AND +contact_id IS NULL"
)


def follow(conn: sqlite3.Connection, contact_id: int, before: Collection[str],
           after: Collection[str]) -> None:
    """Calls follow a contact's numbers going from ``before`` to ``after``.

    Run after the contact's phones are written, in the same transaction.
    """
    now = sorted(set(after))
    if now:
        conn.execute(link_sql(len(now)), (contact_id, *now))
    gone = sorted(set(before) - set(after))
    if gone:
        conn.execute(unlink_sql(len(gone)), (*gone, contact_id))


def follow_range(conn: sqlite3.Connection, first: int, last: int) -> None:
    """New contacts ``first``..``last`` get the unlinked calls of their numbers, in one
    statement (an import's batch)."""
    conn.execute(LINK_RANGE_SQL, (first, last))


def _marks(count: int) -> str:
    return ", ".join("?" * count)
