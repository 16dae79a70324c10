"""The document register: every issued paper gets the next number of its year.

Like the paper "cahier des affaires" it replaces, the register never reuses a
number and never leaves a hole: a number is taken inside the same write
transaction (``BEGIN IMMEDIATE``) that renders and files the document, so two
desks issuing at the same second queue for the lock, and a document that fails
to render or to be written rolls its number back. ``UNIQUE(year, seq)`` in the
schema is the backstop should anything else ever write the table.

The hash and the QR code
------------------------
A PDF cannot contain its own SHA-256. We use PDF's incremental updates to cut
the knot honestly:

1. The document is rendered completely — text, boxes, the register number,
   and an *empty* placeholder where the QR code goes. These bytes are the
   document's first revision, and their SHA-256 is what the register records.
2. The QR code (payload ``CUSTOMSCREEN <number> SHA256 <HEX>``) and the first
   characters of the hash are then *appended* as a second revision that only
   fills the placeholder. The first revision's bytes are left untouched.

So ``verify(store, number, pdf_bytes)`` takes the bytes of the issued file up
to the end of its first revision (its first ``%%EOF`` line), hashes them and
compares with the register: any change to the text, the amounts, the
recipient or the number changes that hash. A paper copy is matched by scanning
its QR code: the number finds the record, the hash must equal the record's.
What is *not* covered by the hash is the QR drawing itself, which is derived
from the record anyway.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from customscreen.storage.store import Store

#: The register's numbers read "2026-0001"; four digits hold a busy office's year.
SEQ_DIGITS = 4
QR_PREFIX = "CUSTOMSCREEN"

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

    @property
    def qr_payload(self) -> str:
        # Upper case keeps the QR code in its compact alphanumeric mode: fewer,
        # larger modules, which survive a fax. Compare hashes case-insensitively.
        return f"{QR_PREFIX} {self.number} SHA256 {self.sha256.upper()}"


def format_number(year: int, seq: int) -> str:
    return f"{year}-{seq:0{SEQ_DIGITS}d}"


def _entry(row: sqlite3.Row) -> RegisterEntry:
    return RegisterEntry(
        number=row["number"], year=row["year"], seq=row["seq"], kind=row["kind"],
        contact_id=row["contact_id"], recipient=row["recipient"], author=row["author"],
        issued_at=datetime.fromisoformat(row["issued_at"]), sha256=row["sha256"] or "",
    )


def allocate(conn: sqlite3.Connection, *, kind: str, contact_id: int | None, recipient: str,
             author: str | None, issued_at: datetime) -> RegisterEntry:
    """Take the next number of the year, inside a write transaction the caller holds."""
    if not conn.in_transaction:
        raise RuntimeError("register.allocate needs store.transaction(): numbers would race")
    year = issued_at.year
    (seq,) = conn.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM documents WHERE year = ?", (year,)
    ).fetchone()
    entry = RegisterEntry(format_number(year, seq), year, seq, kind, contact_id, recipient,
                          author, issued_at)
    conn.execute(
        "INSERT INTO documents(number, year, seq, kind, contact_id, recipient, author, "
        "issued_at) VALUES (?,?,?,?,?,?,?,?)",
        (entry.number, year, seq, kind, contact_id, recipient, author,
         issued_at.isoformat(timespec="seconds")),
    )
    return entry


def seal(conn: sqlite3.Connection, entry: RegisterEntry, content: bytes) -> RegisterEntry:
    """Record the SHA-256 of the document's first revision."""
    digest = hashlib.sha256(content).hexdigest()
    conn.execute("UPDATE documents SET sha256 = ? WHERE number = ?", (digest, entry.number))
    return replace(entry, sha256=digest)


def issue(store: Store, *, kind: str, contact_id: int | None, recipient: str,
          author: str | None, render: Callable[[RegisterEntry], bytes],
          deliver: Callable[[RegisterEntry, bytes], None],
          now: datetime | None = None) -> RegisterEntry:
    """Number, render, seal and deliver one document, all or nothing.

    ``render`` draws the numbered document (its first revision); ``deliver``
    stamps and writes it. If either raises, the number is not consumed.
    """
    issued_at = now or datetime.now().astimezone()
    with store.transaction() as conn:
        entry = allocate(conn, kind=kind, contact_id=contact_id, recipient=recipient,
                         author=author, issued_at=issued_at)
        content = render(entry)
        entry = seal(conn, entry, content)
        deliver(entry, content)
    return entry


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


def first_revision(pdf_bytes: bytes) -> bytes:
    """The bytes of the PDF up to the end of its first revision (all of it if unrevised)."""
    match = _EOF.search(pdf_bytes)
    return pdf_bytes if match is None else pdf_bytes[: match.end()]


def verify(store: Store, number: str, pdf_bytes: bytes) -> bool:
    """True when ``pdf_bytes`` is the document the register filed under ``number``."""
    entry = lookup(store, number)
    if entry is None or not entry.sha256:
        return False
    # The first "%%EOF" ends the first revision; trying each one also copes with
    # the (astronomically rare) "%%EOF" inside a compressed stream.
    ends = [m.end() for m in _EOF.finditer(pdf_bytes)] or [len(pdf_bytes)]
    return any(hashlib.sha256(pdf_bytes[:end]).hexdigest() == entry.sha256 for end in ends)
