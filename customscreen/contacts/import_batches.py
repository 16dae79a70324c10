"""How an import's rows reach the book: short batches, undone as a whole.

A desk imports 100,000 contacts while its line keeps ringing, and two promises
hold at once:

- **A ringing call is not kept waiting.** SQLite has one writer at a time, and
  the desk's store is one connection behind one lock: the switchboard looks
  the caller up and journals the call through that same lock, from the line's
  thread. So the import writes in batches, each its own short transaction
  (about ``BATCH_S`` of work; the size adapts to the machine), and pauses
  between batches. A call waits for a batch or two, never for the whole
  import.
- **A cancelled or failing import leaves the contacts as they were.** Batches
  are committed as they go, so "nothing stays" is kept by an undo rather than
  by a rollback: every batch records the ids it inserted and, before it
  updates a company the book already had, that company as it was. When the
  import is cancelled, or anything fails part way (a full disk, a bug), the
  undo deletes what was inserted and puts the companies back, in batches of
  the same size, before the error goes on to the caller.

The designs that were not chosen, and why: one transaction for the whole
import (what it was) holds the store for seconds, and a ringing call waits
for all of them; one transaction kept open while the lock is released between
batches cannot work on a shared connection (the switchboard's journal write
would join the import's transaction and vanish with its rollback) nor on a
second one (its BEGIN would wait for the import's COMMIT); a staging table and
one final copy make that final copy as long as the old single transaction.

What is visible meanwhile: a call that rings during an import finds the
contacts written so far, and after a cancel its journal row keeps the number
and forgets the contact, as after any deleted contact. A program killed in the
middle of an import keeps the batches committed before (the undo is in
memory); the import can then be run again, companies are matched by name.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from customscreen import contacts
from customscreen.contacts import Contact
from customscreen.storage.store import Store, StoreError

# What one batch's writing may take, COMMIT aside. The ring-to-card target is
# 50 ms at the 99th percentile and a call takes some 3 ms by itself; it may
# wait for a batch twice (its caller's lookup, then its journal write), and
# one COMMIT in ten takes 10-20 ms more, writing the pages the batch touched
# to the WAL and the search index's new segment (measured on this 2-core
# machine, on the bench's office of 100,000 contacts and 1,000,000 calls).
BATCH_S = 0.003
# The pause after each batch, in which a line thread waiting for the store
# gets it (a zero sleep may take the lock and the interpreter straight back).
# One or two milliseconds measured the same on ring to card; each costs the
# import some 0.7 s over 100,000 rows.
PAUSE_S = 0.001
# The first batch's size, before there is a measure: about ``BATCH_S`` here
# (writing a contact with its phones, contract and search row takes ~20 µs).
FIRST_BATCH = 150
# Bounds of the adapted size: a batch of a few rows would spend its time in
# COMMIT, one of thousands would break the promise on a slow disk.
MIN_BATCH, MAX_BATCH = 50, 5_000

# Rows freed at a time by ``let_go``: about a millisecond of work.
FREE_SLICE = 500

READING, WRITING, UNDOING = "reading", "writing", "undoing"


@dataclass(frozen=True)
class Progress:
    """How far an import got: lines of the file read, contacts written or taken back."""

    stage: str  # READING, WRITING or UNDOING
    done: int
    total: int


Report = Callable[[Progress], None]
Cancelled = Callable[[], bool]


class ImportCancelled(Exception):
    """The import was cancelled; what it had written is undone."""

    def __init__(self) -> None:
        super().__init__("the import was cancelled; the contacts are as they were")


def _never() -> bool:
    return False


def _silent(_: Progress) -> None:
    return None


@dataclass
class _Undo:
    #: Ids each batch inserted, first to last: ``insert_many`` gives a batch
    #: consecutive ids in its own transaction, so every id between is ours.
    inserted: list[tuple[int, int]] = field(default_factory=list)
    #: Companies the import updated, as they were, with their ``updated_at``.
    earlier: list[tuple[Contact, str]] = field(default_factory=list)


T = TypeVar("T")


class _Batches:
    """Short write transactions, each sized so that it holds the store about ``BATCH_S``."""

    def __init__(self, store: Store, report: Report, cancelled: Cancelled, total: int) -> None:
        self.store, self.report, self.cancelled = store, report, cancelled
        self.total, self.done, self.size = total, 0, FIRST_BATCH
        self.undo = _Undo()

    def run(self, items: Sequence[T], write: Callable[[Sequence[T]], None],
            stage: str = WRITING, can_cancel: bool = True,
            counts: Callable[[Sequence[T]], int] = len,
            foreign_keys: bool = True) -> None:
        """``write`` the items a batch at a time; ``foreign_keys=False`` runs the
        batches with SQLite's checks off (``write`` then does their work)."""
        start = 0
        while start < len(items):
            if can_cancel and self.cancelled():
                raise ImportCancelled
            chunk = items[start:start + self.size]
            with self.store.lock, _foreign_keys(self.store, foreign_keys), \
                    self.store.transaction():
                began = time.perf_counter()
                write(chunk)
                # Sized by the writing, not the COMMIT: a disk's fsync costs the
                # same for ten rows as for a thousand, smaller batches only add more.
                self._adapt(time.perf_counter() - began)
            start += len(chunk)
            self.done += counts(chunk)
            self.report(Progress(stage, self.done, self.total))
            time.sleep(PAUSE_S)

    def _adapt(self, seconds: float) -> None:
        wanted = self.size * BATCH_S / max(seconds, 1e-4)
        # Halve or double at most: one slow commit (a checkpoint) is not the machine.
        wanted = min(max(wanted, self.size / 2), self.size * 2)
        self.size = int(min(max(wanted, MIN_BATCH), MAX_BATCH))

    def insert(self, new: list[Contact], names: dict[int, str],
               uncounted: frozenset[int] = frozenset()) -> None:
        """Insert ``new``; progress counts rows of the file, not the ``uncounted``
        companies that only a person's Société column named."""
        def write(chunk: Sequence[Contact]) -> None:
            contacts.insert_many(self.store.conn, list(chunk), names)
            if chunk[0].id is not None and chunk[-1].id is not None:
                self.undo.inserted.append((chunk[0].id, chunk[-1].id))

        self.run(new, write, counts=lambda chunk: sum(id(c) not in uncounted for c in chunk))

    def update(self, companies: list[Contact], names: dict[int, str]) -> None:
        inserted = {i for first, last in self.undo.inserted for i in range(first, last + 1)}

        def write(chunk: Sequence[Contact]) -> None:
            for c in chunk:
                assert c.id is not None
                # A company this import inserted goes with the undo's deletions.
                earlier = None if c.id in inserted else contacts.get(self.store, c.id)
                stamp = self.store.one("SELECT updated_at FROM contacts WHERE id = ?", (c.id,))
                if earlier is not None and stamp is not None:
                    self.undo.earlier.append((earlier, stamp[0]))
                contacts.save_in(self.store.conn, c)
                names[c.id] = c.name.strip()

        self.run(companies, write)

    def take_back(self) -> None:
        """Undo every batch written so far: the contacts as they were."""
        # Newest first: people go before the companies they point to.
        inserted = [i for first, last in reversed(self.undo.inserted)
                    for i in range(last, first - 1, -1)]
        earlier = self.undo.earlier[::-1]
        self.done, self.total = 0, len(inserted) + len(earlier)
        conn = self.store.conn
        with self.store.lock:
            children = _children_of_contacts(conn)

        def delete(chunk: Sequence[int]) -> None:
            # By ranges: the search index deletes a range three times faster
            # than the same rows one by one.
            for low, high in _runs(chunk):
                _delete_contacts(conn, children, low, high)

        def restore(chunk: Sequence[tuple[Contact, str]]) -> None:
            for contact, updated_at in chunk:
                contacts.save_in(conn, contact)
                conn.execute("UPDATE contacts SET updated_at = ? WHERE id = ?",
                             (updated_at, contact.id))

        self.run(inserted, delete, UNDOING, can_cancel=False, foreign_keys=False)
        self.run(earlier, restore, UNDOING, can_cancel=False)


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


def _runs(descending: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive ids as ``(low, high)`` ranges: ``9 8 7 3 2`` → ``(7, 9), (2, 3)``."""
    runs: list[tuple[int, int]] = []
    for i in descending:
        if runs and runs[-1][0] == i + 1:
            runs[-1] = (i, runs[-1][1])
        else:
            runs.append((i, i))
    return runs


def let_go(rows: list[Any]) -> None:
    """Free parsed rows a few hundred at a time, not in one go.

    A parsed 100,000-row file is a million objects; dropping the last
    reference to all of them at once frees them in one stretch of C that
    keeps the interpreter for some 100 ms, and a call ringing then waits for
    its card (measured). Between two slices another thread can run.
    """
    while rows:
        del rows[-FREE_SLICE:]


def save(store: Store, rows: list[tuple[Contact, str]], report: Report | None = None,
         cancelled: Cancelled | None = None) -> None:
    """Write ``(contact, company name)`` rows; companies first, whatever the row order.

    A company row whose name is already known updates that company; new
    contacts go in with ``contacts.insert_many``. Raises ``ImportCancelled``
    when ``cancelled()`` says so between two batches; on that or any other
    error, what was written is taken back before the error goes on. The
    list is used up: it is empty when ``save`` returns or raises.
    """
    with store.lock:
        known = contacts.company_ids(store.conn)
    names = {cid: name for name, cid in known.items()}
    new_companies: dict[str, Contact] = {}
    # Companies only named in a person's Société column, not yet by a row of their own.
    placeholders: set[str] = set()
    updates: list[Contact] = []
    for c, company in rows:
        key = c.name.strip().casefold()
        if c.kind != "company":
            named = company.casefold()
            if company and named not in known and named not in new_companies:
                new_companies[named] = Contact(name=company, kind="company")
                placeholders.add(named)
        elif key in known or (key in new_companies and key not in placeholders):
            updates.append(c)  # a company seen before: this row updates it
        else:
            new_companies[key] = c
            placeholders.discard(key)
    people = [(c, company) for c, company in rows if c.kind != "company"]
    batches = _Batches(store, report or _silent, cancelled or _never, len(rows))
    try:
        batches.insert(list(new_companies.values()), names,
                       frozenset(id(new_companies[k]) for k in placeholders))
        known.update({c.name.strip().casefold(): c.id for c in new_companies.values()
                      if c.id is not None})
        for c in updates:
            c.id = known[c.name.strip().casefold()]
        batches.update(updates, names)
        for c, company in people:
            if company:
                c.company_id = known[company.casefold()]
        # insert_many added the new companies to ``names``: the people's
        # search rows carry their company's name without another query.
        batches.insert([c for c, _ in people], names)
    except BaseException as exc:
        try:
            batches.take_back()
        except Exception as undo_failed:
            raise StoreError(
                f"{store.path}: the import stopped ({exc or type(exc).__name__}) and what it "
                f"had written could not be taken back ({undo_failed}); those contacts stay"
            ) from undo_failed
        raise
    finally:
        # An error's traceback keeps this frame alive: let go of the rows here.
        fresh = list(new_companies.values())
        new_companies.clear()
        for held in (people, rows, fresh, updates):
            let_go(held)
