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
  updates a contact the book already had (a re-import, see ``matching``),
  that contact as it was. When the import is cancelled, or anything fails
  part way (a full disk, a bug), the undo deletes what was inserted and puts
  the updated contacts back as they were, in batches of the same size, before
  the error goes on to the caller. A contact that existed before the import
  is never deleted by its undo.

The rows come one at a time from the file's reader and go in a batch at a
time (``Writer.add``): no list of the whole file is ever built, and the undo's
copies of updated contacts wait in a temporary table of the connection, not
in memory, so an import's memory does not grow with the file.

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
memory); the import can then be run again: it updates the contacts it
finds instead of making them twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from customscreen import contacts
from customscreen.contacts import Contact, matching
from customscreen.contacts.import_undo import Undo
from customscreen.contacts.rows import Row
from customscreen.contacts.text import clean
from customscreen.storage.store import Store

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

# Characters of row text a batch holds at most, whatever its count: a file of
# long rows (64 KB notes) must not hold thousands of them at once.
BATCH_CHARS = 4 * 1024 * 1024

READING, WRITING, UNDOING = "reading", "writing", "undoing"


@dataclass(frozen=True)
class Progress:
    """How far an import got: lines of the file read, contacts written or taken back."""

    stage: str  # READING (the file, then only checking it), WRITING or UNDOING
    done: int  # lines of the file, or contacts taken back
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


#: Renamings listed to the person importing; past them, a count is enough.
MAX_RENAMED_KEPT = 1_000


class Writer:
    """Rows into the book a short batch at a time; ``take_back`` undoes them all.

    ``add`` each row as the reader gives it and ``finish`` at the end; a row
    either updates the contact it already is (``matching.existing``) or makes a
    new one. ``imported`` and ``updated`` count rows: a row whose contact the
    book did not hold before the import counts as imported.
    """

    def __init__(self, store: Store, report: Report | None = None,
                 cancelled: Cancelled | None = None, lines: int = 0) -> None:
        self.store, self.report = store, report or _silent
        self.cancelled = cancelled or _never
        self.lines, self.size = lines, FIRST_BATCH
        self.imported = self.updated = 0
        #: (line, old name, new name): people a number matched under another name.
        self.renamed: list[tuple[int, str, str]] = []
        self.writing = True  # False once taken back: the rest is only checked
        self.pending: list[Row] = []
        self.pending_chars = 0
        self.checked = 0
        #: Ids each batch inserted, first to last, adjacent runs joined.
        self.undo = Undo(store)
        with store.lock:
            row = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM contacts").fetchone()
        self.before = int(row[0])

    def add(self, row: Row) -> None:
        if not self.writing:
            self.checked += 1
            if self.checked % _CHECK_REPORT_ROWS == 0:
                if self.cancelled():
                    raise ImportCancelled
                self.report(Progress(READING, min(row.line, self.lines), self.lines))
            return
        self.pending.append(row)
        self.pending_chars += row.size
        if len(self.pending) >= self.size or self.pending_chars >= BATCH_CHARS:
            self._flush()

    def finish(self) -> None:
        if self.writing and self.pending:
            self._flush()
        self.report(Progress(WRITING if self.writing else READING, self.lines, self.lines))
        self.undo.drop()

    def _flush(self) -> None:
        if self.cancelled():
            raise ImportCancelled
        batch, self.pending, self.pending_chars = self.pending, [], 0
        with self.store.lock, self.store.transaction():
            began = time.perf_counter()
            self._write(batch)
            # Sized by the writing, not the COMMIT: a disk's fsync costs the
            # same for ten rows as for a thousand, smaller batches only add more.
            self._adapt(time.perf_counter() - began)
        self.report(Progress(WRITING, min(batch[-1].line, self.lines), self.lines))
        time.sleep(PAUSE_S)

    def _adapt(self, seconds: float) -> None:
        wanted = self.size * BATCH_S / max(seconds, 1e-4)
        # Halve or double at most: one slow commit (a checkpoint) is not the machine.
        wanted = min(max(wanted, self.size / 2), self.size * 2)
        self.size = int(min(max(wanted, MIN_BATCH), MAX_BATCH))

    # -- one batch, in one transaction --------------------------------------------

    def _write(self, batch: list[Row]) -> None:
        """Companies first, whatever the order of the rows: a person's "Société"
        column may name a company whose own row comes later."""
        conn = self.store.conn
        names: dict[int, str] = {}
        new: dict[str, Row] = {}  # companies of this batch not in the book yet
        for row in batch:
            contacts.tidy(row.contact)
            if row.contact.kind == "company":
                key = matching.same_name(row.contact.name)
                if key in new:  # the same company twice in a batch: the last row wins
                    self._count(None)
                    row = Row(row.line, matching.merged(new[key].contact, row), "", row.given)
                    new[key] = row
                elif not self._update(row):
                    new[key] = row
        self._insert([r.contact for r in new.values()], names)
        people = [r for r in batch if r.contact.kind != "company"]
        companies: dict[str, tuple[int, str]] = {}  # a batch's lookups, by folded name
        placeholders: dict[str, Contact] = {}
        for row in people:
            if not row.company:
                continue
            row.company = " ".join(clean(row.company).split())
            key = matching.same_name(row.company)
            if key in companies or key in placeholders:
                continue
            found = matching.company(conn, row.company)
            if found is None:
                placeholders[key] = Contact(name=row.company, kind="company")
            else:
                companies[key] = found
        # Companies only named in a person's "Société" column, not by a row of their own.
        self._insert(list(placeholders.values()), names, counted=False)
        for key, placeholder in placeholders.items():
            assert placeholder.id is not None
            companies[key] = (placeholder.id, placeholder.name)
        fresh = []
        for row in people:
            if row.company:
                row.contact.company_id, names_it = companies[matching.same_name(row.company)]
                names[row.contact.company_id] = names_it
            # A book empty before the import holds nobody a person's row could be.
            if not (self.before and self._update(row)):
                fresh.append(row.contact)
        self._insert(fresh, names)

    def _update(self, row: Row) -> bool:
        """Update the contact ``row`` already is, if any; the undo keeps it as it was."""
        conn = self.store.conn
        found = matching.existing(conn, row.contact, self.before)
        if found is None:
            return False
        old = contacts.get(self.store, found)
        assert old is not None
        if found <= self.before:
            self.undo.keep(old)
        updated = matching.merged(old, row)
        if old.kind == "person" and matching.same_name(old.name) != matching.same_name(
                updated.name) and len(self.renamed) < MAX_RENAMED_KEPT:
            # Matched by number under another name: a new spelling, a married
            # name, or a colleague on a shared line; the person importing decides.
            self.renamed.append((row.line, old.name, updated.name))
        contacts.save_in(conn, updated)
        self._count(found)
        return True

    def _insert(self, new: list[Contact], names: dict[int, str], counted: bool = True) -> None:
        if not new:
            return
        contacts.insert_many(self.store.conn, new, names)
        first, last = new[0].id, new[-1].id
        assert first is not None and last is not None
        self.undo.inserted(first, last)
        if counted:
            self.imported += len(new)

    def _count(self, found: int | None) -> None:
        if found is not None and found <= self.before:
            self.updated += 1
        else:
            self.imported += 1

    def take_back(self) -> None:
        """Undo every batch written so far: the contacts as they were."""
        self.writing, self.pending = False, []
        self.undo.take_back(self.size, lambda done, total: self.report(
            Progress(UNDOING, done, total)))


# While only checking the rest of a refused file, progress is told every this
# many rows: a few milliseconds of parsing.
_CHECK_REPORT_ROWS = 500
