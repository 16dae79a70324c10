"""Erasing a person or a company (GDPR art. 17) so that nothing of them is left to find.

What goes: the card (numbers, contract, custom fields); what identifies them
in their calls (number, network name, note: the calls stay, anonymised, for
the statistics) and in their queue items and callback slips; every mention of
their name or numbers in what people wrote anywhere else (other slips, notes,
queue notes, other cards' notes, register recipients); their search entry and
every search entry that mentions them (a company's employees are found by the
company's name). Then the raw file: deleted bytes are zeroed
(``secure_delete``), free space left by earlier edits is rewritten away
(``VACUUM``) and the WAL is copied back and truncated at once, even while
``listen`` keeps journaling into the file.

What stays: the register's entries (a legal record whose numbers must not leave
holes) with "(erased)" as recipient, the calls' times and outcomes, and a line
in the ``erasures`` table and the ledger beside the database with the erased
identifiers as salted hashes, so that a restored backup can be erased again
(``reapply_erasures``).
"""

from __future__ import annotations

import getpass
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from customscreen import contacts
from customscreen.calls import journal
from customscreen.care import erasure_ledger as ledgers
from customscreen.care.erasure_ledger import ErasureRecord
from customscreen.care.mentions import Mentions
from customscreen.storage import settings
from customscreen.storage.store import BUSY_TIMEOUT_S, Store

#: What replaces a name or a number in the texts that are kept.
ERASED = "(erased)"

#: How long the WAL's truncation waits for a reader (the desk scrolling the
#: journal, a backup being copied) to let go of an older snapshot of the file.
CHECKPOINT_WAIT_S = 5.0

# Free text where anyone may have written a name or a number: (table, key, columns).
_WRITTEN = (
    ("calls", "id", ("network_name", "note", "reason")),
    ("voicemail", "id", ("note",)),
    ("callbacks", "id", ("caller_name", "subject", "outcome")),
    ("documents", "id", ("recipient",)),
    ("contacts", "id", ("notes", "address")),
    ("custom_fields", "rowid", ("value",)),
)
# Columns that hold a number and nothing else: a mention empties them.
_NUMBER_COLUMNS = (("calls", "raw_number"), ("calls", "number"), ("callbacks", "number"))


@dataclass(frozen=True)
class Erased:
    contact_id: int
    name: str
    calls: int  # anonymised
    callbacks: int  # slips linked to them, cleared
    documents: int  # register entries kept without the name
    mentions: int  # texts elsewhere that named them, rewritten
    wiped: bool  # the raw file and its WAL no longer hold the erased bytes
    wipe_problem: str = ""


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def erase_contact(store: Store, contact_id: int, *, by: str | None = None,
                  wait_s: float = CHECKPOINT_WAIT_S) -> Erased:
    """Erase one contact everywhere, record it, then wipe the raw file."""
    contact = contacts.require(store, contact_id)
    who = by or settings.get(store, settings.CURRENT_USER) or getpass.getuser()
    ledger = ledgers.ledger_of(store.path)
    with _zeroing(store), store.transaction() as conn:
        numbers = _their_numbers(conn, contact_id)
        salt = ledgers.salt_for(conn, ledger)
        record = ErasureRecord(
            ledgers.new_id(), _now(), who, contact_id, contact.kind, salt,
            ledgers.hash_name(contact.name, salt),
            tuple(ledgers.hash_number(n, salt) for n in numbers))
        counts = _erase_in(conn, contact_id, contact.name, numbers)
        ledgers.record_in(conn, record, record.erased_at)
        # Written and synced before the commit: a crash in between leaves an
        # erasure the ledger holds and the file lacks, applied at the next start.
        ledgers.append(ledger, record)
    problem = wipe(store, wait_s)
    return Erased(contact_id, contact.name, *counts, wiped=not problem, wipe_problem=problem)


def _their_numbers(conn: sqlite3.Connection, contact_id: int) -> list[str]:
    rows = conn.execute("SELECT e164 FROM phones WHERE contact_id = ?", (contact_id,))
    return [r[0] for r in rows]


def _marks(values: list[object] | list[int] | list[str]) -> str:
    return ",".join("?" for _ in values) or "NULL"


def their_calls(conn: sqlite3.Connection, contact_id: int | None, numbers: list[str]) -> list[int]:
    rows = conn.execute(
        f"SELECT id FROM calls WHERE contact_id = ? OR number IN ({_marks(numbers)}) ORDER BY id",
        (contact_id, *numbers),
    )
    return [r[0] for r in rows]


def anonymise_calls(conn: sqlite3.Connection, ids: list[int]) -> int:
    """Clear what identifies the caller. Routing's reason is a code and stays (the
    desk still says why the call was routed, of "the caller"); a reason a person
    wrote may name someone, like a note, and goes."""
    for call_id in ids:
        journal.update_call(conn, call_id, number=None, raw_number=None, network_name=None,
                            note="", contact_id=None, reason="")
        conn.execute("UPDATE voicemail SET note = '' WHERE call_id = ?", (call_id,))
    return len(ids)


def _erase_in(conn: sqlite3.Connection, contact_id: int | None, name: str | None,
              numbers: list[str]) -> tuple[int, int, int, int]:
    """Everything but the wipe, inside the caller's transaction.

    ``contact_id`` is None and ``name`` unknown when a restored copy no longer
    has the card but still has calls from the erased numbers.
    """
    call_ids = their_calls(conn, contact_id, numbers)
    calls = anonymise_calls(conn, call_ids)
    items = [r[0] for r in conn.execute(
        f"SELECT id FROM voicemail WHERE call_id IN ({_marks(call_ids)})", call_ids)]
    # A slip about them says nothing once they are gone: what was written on it
    # goes with the name, like a call's note; the slip stays, done or not.
    slips = conn.execute(
        "UPDATE callbacks SET number = NULL, caller_name = ?, subject = '', outcome = '', "
        f"contact_id = NULL WHERE contact_id = ? OR number IN ({_marks(numbers)}) "
        f"OR call_id IN ({_marks(call_ids)}) OR voicemail_id IN ({_marks(items)})",
        (ERASED, contact_id, *numbers, *call_ids, *items),
    ).rowcount
    documents = conn.execute(
        "UPDATE documents SET recipient = ?, contact_id = NULL WHERE contact_id = ?",
        (ERASED, contact_id),
    ).rowcount
    staff: list[int] = []
    if contact_id is not None:
        staff = [r[0] for r in conn.execute(
            "SELECT id FROM contacts WHERE company_id = ?", (contact_id,))]
        conn.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
    rewritten, named = _rewrite_mentions(conn, Mentions([name] if name else [], numbers))
    for person in {*staff, *named}:
        contacts.reindex(conn, person)  # their entry named the company, or a note did
    # A search index keeps a deleted entry's words until its segments are merged.
    conn.execute("INSERT INTO contacts_fts(contacts_fts) VALUES ('optimize')")
    return calls, slips, documents, rewritten


def _rewrite_mentions(conn: sqlite3.Connection, mentions: Mentions) -> tuple[int, set[int]]:
    """Replace every mention in free text; returns how many texts and which cards changed."""
    if not mentions.names and not mentions.numbers:
        return 0, set()
    rewritten = 0
    cards: set[int] = set()
    for table, key, columns in _WRITTEN:
        picked = ", ".join(columns)
        owner = "contact_id" if table == "custom_fields" else key
        for row in conn.execute(f"SELECT {key}, {owner}, {picked} FROM {table}").fetchall():
            texts = {c: row[i + 2] for i, c in enumerate(columns)}
            changed = {c: new for c, text in texts.items()
                       if (new := mentions.replace(text, ERASED)) != text}
            if not changed:
                continue
            sets = ", ".join(f"{c} = ?" for c in changed)
            conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?", (*changed.values(), row[0]))
            rewritten += 1
            if table in ("contacts", "custom_fields"):
                cards.add(row[1])
    for table, column in _NUMBER_COLUMNS:
        for row in conn.execute(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
                                ).fetchall():
            if mentions.has_number(row[1]):
                conn.execute(f"UPDATE {table} SET {column} = NULL WHERE id = ?", (row[0],))
                rewritten += 1
    return rewritten, cards


_SECURE_DELETE = {0: "PRAGMA secure_delete = OFF", 1: "PRAGMA secure_delete = ON",
                  2: "PRAGMA secure_delete = FAST"}


class _zeroing:
    """``secure_delete`` for the erasure: what it deletes is overwritten with zeros."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        with self.store.lock:
            self.before = self.store.conn.execute("PRAGMA secure_delete").fetchone()[0]
            self.store.conn.execute("PRAGMA secure_delete = ON")

    def __exit__(self, *exc: object) -> None:
        with self.store.lock:
            self.store.conn.execute(_SECURE_DELETE[int(self.before)])


def wipe(store: Store, wait_s: float = CHECKPOINT_WAIT_S) -> str:
    """Rewrite the file without free space, copy the WAL back and truncate it.

    Returns what could not be done ("" when all was). A ``listen`` journaling
    into the same file lets the checkpoint through between two calls; a reader
    holding an old snapshot blocks it until it lets go, so it is waited for
    ``wait_s`` seconds and then reported: the bytes leave the WAL when that
    reader finishes, at the latest when the last program closes the file.
    """
    with store.lock:
        try:
            # Earlier edits of the card left copies in free space that no
            # secure_delete reached; VACUUM writes the file afresh. An office's
            # journal of a few tens of megabytes takes a second or two.
            with _zeroing(store):
                store.conn.execute("VACUUM")
        except sqlite3.Error as exc:
            return f"the database's free space could not be rewritten ({exc})"
        # SQLite's busy handler waits for the readers; ours is shortened for it.
        store.conn.execute(f"PRAGMA busy_timeout = {int(wait_s * 1000)}")
        try:
            busy = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error as exc:
            return f"could not truncate the WAL ({exc})"
        finally:
            store.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    if busy:
        return (f"could not truncate the WAL within {wait_s:g} s: another program is reading "
                "the database; the erased bytes leave the WAL once it has finished (at the "
                "latest when the desk or listen closes)")
    return ""


# -- after a restore ---------------------------------------------------------------------


@dataclass(frozen=True)
class Reapplied:
    record: ErasureRecord
    contact_id: int | None  # the card erased again, None when the copy had no card left
    calls: int


@dataclass(frozen=True)
class Reapplication:
    erasures: tuple[Reapplied, ...]
    wipe_problem: str = ""  # what ``wipe`` could not do, "" when all was

    def summary(self, copy: str = "copy") -> str:
        """What to tell the person who restored: ``copy`` is "backup" after ``restore``."""
        count = len(self.erasures)
        said = (f"re-applied {count} erasure{'s' if count != 1 else ''} recorded after this "
                f"{copy} was made")
        return f"{said}; but {self.wipe_problem}" if self.wipe_problem else said


def reapply_to(db_path: Path) -> Reapplication:
    """``reapply_erasures`` on a file just restored, before anything else opens it."""
    store = Store(db_path)
    try:
        return reapply_erasures(store)
    finally:
        store.close()


def reapply_erasures(store: Store, ledger: Path | None = None) -> Reapplication:
    """Erase again, in a restored copy, everyone the ledger says was erased since.

    A card matches an erasure when it has the erased card's id and its name or
    one of its numbers, or its name and one of its numbers (a copy made by hand
    from another file). When no card matches, the calls and slips from the
    erased numbers are still anonymised.
    """
    ledger = ledger or ledgers.ledger_of(store.path)
    done: list[Reapplied] = []
    with _zeroing(store), store.transaction() as conn:
        for record in ledgers.missing_from(conn, ledger):
            found = _matching_card(conn, record)
            numbers = _numbers_hashed(conn, record)
            if found is not None:
                numbers = sorted({*numbers, *_their_numbers(conn, found[0])})
            calls = _erase_in(conn, found[0] if found else None, found[1] if found else None,
                              numbers)[0]
            ledgers.record_in(conn, record, _now())
            done.append(Reapplied(record, found[0] if found else None, calls))
    return Reapplication(tuple(done), wipe(store) if done else "")


def _matching_card(conn: sqlite3.Connection, record: ErasureRecord) -> tuple[int, str] | None:
    wanted = set(record.numbers_sha256)
    for contact_id, name in conn.execute("SELECT id, name FROM contacts").fetchall():
        same_name = ledgers.hash_name(name, record.salt) == record.name_sha256
        same_number = any(ledgers.hash_number(n, record.salt) in wanted
                          for n in _their_numbers(conn, contact_id))
        if (contact_id == record.contact_id and (same_name or same_number)) or (
                same_name and same_number):
            return contact_id, name
    return None


def _numbers_hashed(conn: sqlite3.Connection, record: ErasureRecord) -> list[str]:
    """The clear numbers of this copy whose hash the erasure recorded."""
    wanted = set(record.numbers_sha256)
    held = {r[0] for r in conn.execute(
        "SELECT number FROM calls WHERE number IS NOT NULL UNION "
        "SELECT number FROM callbacks WHERE number IS NOT NULL UNION SELECT e164 FROM phones")}
    return sorted(n for n in held if ledgers.hash_number(n, record.salt) in wanted)
