"""The undo of an import: what its batches inserted, and the contacts it updated as they were.

Batches commit as they go (``import_batches`` says why), so a cancelled or
failing import is taken back by this undo. It holds the ids inserted, as runs
of consecutive ids, and a copy of each contact the import updated, taken
before its first update, in a temporary table of the connection: a
re-import of 200 MB updates a million contacts, and their copies must not
be in memory. Taking back deletes what was inserted, newest first (people
before the companies they point to), then puts the updated contacts back
with their ``updated_at``. It never deletes a contact that existed before.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date

from customscreen import contacts
from customscreen.contacts import Contact, Contract, Phone
from customscreen.storage.store import Store, StoreError

# The pause after each batch of the undo, for the line's thread (see
# ``import_batches.PAUSE_S``).
PAUSE_S = 0.001


class Undo:
    def __init__(self, store: Store) -> None:
        self.store = store
        #: Ids inserted, first to last, adjacent runs joined.
        self.runs: list[list[int]] = []
        self.copies = 0
        self.drop()  # a copy left by an import that failed to finish is no one's now

    def inserted(self, first: int, last: int) -> None:
        if self.runs and self.runs[-1][1] + 1 == first:
            self.runs[-1][1] = last
        else:
            self.runs.append([first, last])

    def keep(self, old: Contact) -> None:
        """``old`` as it was, in the transaction that updates it; the first copy stays."""
        conn = self.store.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_undo (seq INTEGER PRIMARY KEY, "
                     "contact_id INTEGER UNIQUE, updated_at TEXT, contact TEXT)")
        stamp = conn.execute("SELECT updated_at FROM contacts WHERE id = ?", (old.id,)).fetchone()
        cur = conn.execute(
            "INSERT OR IGNORE INTO temp.import_undo(contact_id, updated_at, contact) "
            "VALUES (?, ?, ?)", (old.id, stamp[0], json.dumps(asdict(old), default=str)))
        self.copies += cur.rowcount

    def take_back(self, size: int, report: Callable[[int, int], None]) -> None:
        """Undo every batch written so far, ``size`` contacts a transaction."""
        total = sum(last - first + 1 for first, last in self.runs) + self.copies
        done = 0
        conn = self.store.conn
        with self.store.lock:
            children = _children_of_contacts(conn)
        for first, last in reversed(self.runs):
            high = last
            while high >= first:
                low = max(first, high - size + 1)
                with self.store.lock, _foreign_keys(self.store, False), \
                        self.store.transaction():
                    # By ranges: the search index deletes a range three times
                    # faster than the same rows one by one.
                    _delete_contacts(conn, children, low, high)
                done += high - low + 1
                high = low - 1
                report(done, total)
                time.sleep(PAUSE_S)
        self.runs = []
        seq = 0
        while self.copies:
            with self.store.lock, self.store.transaction():
                chunk = conn.execute(
                    "SELECT seq, updated_at, contact FROM temp.import_undo WHERE seq > ? "
                    "ORDER BY seq LIMIT ?", (seq, size)).fetchall()
                for _, updated_at, copy in chunk:
                    contact = _contact(json.loads(copy))
                    contacts.save_in(conn, contact)
                    conn.execute("UPDATE contacts SET updated_at = ? WHERE id = ?",
                                 (updated_at, contact.id))
            if not chunk:
                break
            seq = chunk[-1][0]
            done += len(chunk)
            report(done, total)
            time.sleep(PAUSE_S)
        self.copies = 0
        self.drop()

    def drop(self) -> None:
        with self.store.lock, self.store.transaction() as conn:
            conn.execute("DROP TABLE IF EXISTS temp.import_undo")


def _contact(data: dict[str, object]) -> Contact:
    """A contact back from the undo's JSON copy."""
    k = dict(data.pop("contract"))  # type: ignore[call-overload]
    for key in ("start_date", "end_date"):
        k[key] = date.fromisoformat(k[key]) if k[key] else None
    phones = [Phone(**p) for p in data.pop("phones")]  # type: ignore[attr-defined]
    return Contact(**data, phones=phones, contract=Contract(**k))  # type: ignore[arg-type]


@contextmanager
def _foreign_keys(store: Store, on: bool) -> Iterator[None]:
    """SQLite's foreign-key checks off for one transaction; the caller holds the lock,
    so no other thread's write runs without them."""
    if on:
        yield
        return
    was = store.conn.execute("PRAGMA foreign_keys").fetchone()[0]
    store.conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction
    try:
        yield
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON" if was else "PRAGMA foreign_keys = OFF")


def _children_of_contacts(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Every ``(table, column, on delete)`` whose foreign key points at a contact."""
    keys = [tuple(r) for r in conn.execute(
        "SELECT m.name, f.\"table\", f.\"from\", f.on_delete FROM sqlite_master m, "
        "pragma_foreign_key_list(m.name) f WHERE m.type = 'table'")]
    parents = {parent for _, parent, _, _ in keys}
    children = [(t, column, action) for t, parent, column, action in keys
                if parent == "contacts"]
    for table, _, action in children:
        if action == "CASCADE" and table in parents:
            raise StoreError(f"contacts: {table} cascades further; the undo cannot follow it")
    return children


def _delete_contacts(conn: sqlite3.Connection, children: list[tuple[str, str, str]],
                     low: int, high: int) -> None:
    """Delete contacts ``low``..``high`` doing, set-based, what their foreign keys say.

    SQLite applies ``ON DELETE`` row by row and, where the child column has no
    index (callbacks, documents), scans the child table for every contact:
    1.3 ms a contact with 20,000 callbacks, two minutes to take back a big
    import. One statement per child table and range does the same work.
    """
    for table, column, action in children:
        where = f"FROM {_quote(table)} WHERE {_quote(column)} BETWEEN ? AND ?"
        if action == "CASCADE":
            conn.execute(f"DELETE {where}", (low, high))
        elif action == "SET NULL":
            conn.execute(f"UPDATE {_quote(table)} SET {_quote(column)} = NULL "
                         f"WHERE {_quote(column)} BETWEEN ? AND ?", (low, high))
        elif conn.execute(f"SELECT 1 {where} LIMIT 1", (low, high)).fetchone():
            raise StoreError(f"contacts {low}-{high} are still named in {table}")
    conn.execute("DELETE FROM contacts_fts WHERE rowid BETWEEN ? AND ?", (low, high))
    conn.execute("DELETE FROM contacts WHERE id BETWEEN ? AND ?", (low, high))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
