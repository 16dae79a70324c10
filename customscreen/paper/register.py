"""The document register: every issued paper gets the next number of its year.

Like the paper "cahier des affaires" it replaces, the register never reuses a
number and never leaves a hole nobody can see. A document is issued in two
steps, each its own write transaction:

1. The number is taken (``BEGIN IMMEDIATE``: two desks issuing at the same
   second queue for the lock) and committed as ``issuing``, naming the
   process that issues it.
2. The document is drawn and its PDF written (a temporary file, synced, then
   renamed into place); then the entry is completed with its hashes and
   becomes ``issued``.

A crash between the two (``kill -9``, a power cut) leaves the number taken
and visible: an ``issuing`` entry whose process is gone reads
``interrupted`` in ``register list`` and is never given to another document,
whether or not its PDF reached the disk. A document that fails to draw or to
be written in a live process gives its number back when it is still the
year's last one, and is left ``interrupted`` otherwise (a later number is
already out: taking it back would open a hole). ``UNIQUE(year, seq)`` in the
schema is the backstop should anything else ever write the table.

The hash and the QR code
------------------------
A PDF cannot contain its own SHA-256. We use PDF's incremental updates to cut
the knot honestly:

1. The document is rendered completely — text, boxes, the register number,
   and an *empty* placeholder where the QR code goes. These bytes are the
   document's first revision, and their SHA-256 is what the QR code carries.
2. The QR code (payload ``CUSTOMSCREEN <number> SHA256 <HEX>``) and the first
   characters of the hash are then *appended* as a second revision that only
   fills the placeholder (``customscreen.paper.documents.stamp``). The first
   revision's bytes are left untouched.

The register records both the first revision's hash and the whole file's.
``customscreen.paper.verification`` accepts exactly the bytes the program
wrote and says why anything else is refused: a changed first revision, a
further update appended (the classic way to change a signed PDF's total), a
QR code of another entry. A paper copy is matched by scanning its QR code:
the number finds the record, the hash must equal the record's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from customscreen.storage.store import Store, StoreError

#: The register's numbers read "2026-0001"; four digits hold a busy office's year.
SEQ_DIGITS = 4
QR_PREFIX = "CUSTOMSCREEN"

#: An entry's state. The table holds the first two; ``interrupted`` is an
#: ``issuing`` entry whose process is gone, read so when the entry is read.
ISSUING, ISSUED, INTERRUPTED = "issuing", "issued", "interrupted"

# The end of a PDF revision: "%%EOF" and its line break.
_EOF = re.compile(rb"%%EOF(\r\n|\r|\n)?")


@dataclass(frozen=True)
class RegisterEntry:
    number: str  # "2026-0001"
    year: int
    seq: int
    kind: str  # the template: "bon-pour-accord", "devis", …
    contact_id: int | None
    recipient: str
    author: str | None
    issued_at: datetime
    sha256: str = ""  # of the document's first revision; see the module's docstring
    file_sha256: str = ""  # of the whole file as written; "" for entries issued before v4
    state: str = ISSUED

    @property
    def qr_payload(self) -> str:
        # Upper case keeps the QR code in its compact alphanumeric mode: fewer,
        # larger modules, which survive a fax. Compare hashes case-insensitively.
        return f"{QR_PREFIX} {self.number} SHA256 {self.sha256.upper()}"


def format_number(year: int, seq: int) -> str:
    return f"{year}-{seq:0{SEQ_DIGITS}d}"


# -- who is issuing ----------------------------------------------------------------


def _started(pid: int) -> str:
    """When ``pid`` started (clock ticks since which boot), so that a reused process
    id is not taken for the process that died; "" where the system does not say."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""
    # The command name in parentheses may hold spaces; field 22 is the start time.
    return f"{stat.rpartition(')')[2].split()[19]}@{boot}"


def _running(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process, alive
        return True
    return True


def this_process() -> str:
    """How an ``issuing`` entry names the process completing it: host, pid, start."""
    pid = os.getpid()
    return f"{socket.gethostname()} {pid} {_started(pid)}".rstrip()


def _alive(issuer: str | None) -> bool:
    """Is the process that took this number still there to complete it?

    A SQLite register lives on one computer (DESIGN.md: never on a network
    share), so an issuer named from another host cannot be completing it here.
    """
    host, _, rest = (issuer or "").partition(" ")
    pid_text, _, started = rest.partition(" ")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    return _running(pid) and _started(pid) == started


def _entry(row: sqlite3.Row) -> RegisterEntry:
    state = row["state"]
    if state == ISSUING and not _alive(row["issuer"]):
        state = INTERRUPTED
    return RegisterEntry(
        number=row["number"], year=row["year"], seq=row["seq"], kind=row["kind"],
        contact_id=row["contact_id"], recipient=row["recipient"], author=row["author"],
        issued_at=datetime.fromisoformat(row["issued_at"]), sha256=row["sha256"] or "",
        file_sha256=row["file_sha256"] or "", state=state,
    )


# -- issuing -----------------------------------------------------------------------


def allocate(conn: sqlite3.Connection, *, kind: str, contact_id: int | None, recipient: str,
             author: str | None, issued_at: datetime) -> RegisterEntry:
    """Take the next number of the year as ``issuing``, inside a write transaction the
    caller holds."""
    if not conn.in_transaction:
        raise RuntimeError("register.allocate needs store.transaction(): numbers would race")
    year = issued_at.year
    (seq,) = conn.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM documents WHERE year = ?", (year,)
    ).fetchone()
    entry = RegisterEntry(format_number(year, seq), year, seq, kind, contact_id, recipient,
                          author, issued_at, state=ISSUING)
    conn.execute(
        "INSERT INTO documents(number, year, seq, kind, contact_id, recipient, author, "
        "issued_at, state, issuer) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (entry.number, year, seq, kind, contact_id, recipient, author,
         issued_at.isoformat(timespec="seconds"), ISSUING, this_process()),
    )
    return entry


def complete(conn: sqlite3.Connection, entry: RegisterEntry, content: bytes,
             written: bytes) -> RegisterEntry:
    """Record the hashes of the first revision and of the file written: issued."""
    first = hashlib.sha256(content).hexdigest()
    whole = hashlib.sha256(written).hexdigest()
    done = conn.execute(
        "UPDATE documents SET sha256 = ?, file_sha256 = ?, state = ?, issuer = NULL "
        "WHERE number = ? AND state = ?", (first, whole, ISSUED, entry.number, ISSUING))
    if done.rowcount != 1:
        raise StoreError(f"the register entry {entry.number} is no longer being issued")
    return replace(entry, sha256=first, file_sha256=whole, state=ISSUED)


def _give_back(store: Store, entry: RegisterEntry) -> None:
    """A live process failed to issue: the number goes back if it is still the year's
    last, else it stays, ``interrupted`` for everyone (never a silent hole)."""
    with contextlib.suppress(StoreError), store.transaction() as conn:
        conn.execute(
            "DELETE FROM documents WHERE number = ? AND state = ? AND NOT EXISTS "
            "(SELECT 1 FROM documents WHERE year = ? AND seq > ?)",
            (entry.number, ISSUING, entry.year, entry.seq))
        conn.execute("UPDATE documents SET issuer = NULL WHERE number = ? AND state = ?",
                     (entry.number, ISSUING))


def issue(store: Store, *, kind: str, contact_id: int | None, recipient: str,
          author: str | None, render: Callable[[RegisterEntry], bytes],
          deliver: Callable[[RegisterEntry, bytes], bytes | None],
          now: datetime | None = None) -> RegisterEntry:
    """Number, render, deliver and complete one document (see the module's docstring).

    ``render`` draws the numbered document (its first revision); ``deliver``
    stamps and writes it, and returns the bytes it wrote (None: the first
    revision as it is). If either raises, the number is given back when it can be.
    """
    issued_at = now or datetime.now().astimezone()
    with store.transaction() as conn:
        entry = allocate(conn, kind=kind, contact_id=contact_id, recipient=recipient,
                         author=author, issued_at=issued_at)
    # Committed: from here on a crash leaves this number interrupted, never reused.
    try:
        content = render(entry)
        entry = replace(entry, sha256=hashlib.sha256(content).hexdigest())
        written = deliver(entry, content)
        with store.transaction() as conn:
            return complete(conn, entry, content, content if written is None else written)
    except BaseException:
        _give_back(store, entry)
        raise


def lookup(store: Store, number: str) -> RegisterEntry | None:
    row = store.one("SELECT * FROM documents WHERE number = ?", (number.strip(),))
    return None if row is None else _entry(row)


def entries(store: Store, year: int | None = None) -> list[RegisterEntry]:
    """The register in number order, one year or all; a few thousand rows at most."""
    if year is None:
        rows = store.query("SELECT * FROM documents ORDER BY year, seq")
    else:
        rows = store.query("SELECT * FROM documents WHERE year = ? ORDER BY seq", (year,))
    return [_entry(r) for r in rows]


def interrupted(store: Store) -> list[RegisterEntry]:
    """The numbers whose issue stopped half way (a crash, a kill): void, to be said."""
    rows = store.query("SELECT * FROM documents WHERE state = ? ORDER BY year, seq", (ISSUING,))
    return [entry for entry in map(_entry, rows) if entry.state == INTERRUPTED]


def revision_ends(pdf_bytes: bytes) -> list[int]:
    """Where each revision of the PDF ends (after its "%%EOF" line); the whole if none."""
    return [m.end() for m in _EOF.finditer(pdf_bytes)] or [len(pdf_bytes)]


def first_revision(pdf_bytes: bytes) -> bytes:
    """The bytes of the PDF up to the end of its first revision (all of it if unrevised)."""
    return pdf_bytes[: revision_ends(pdf_bytes)[0]]
