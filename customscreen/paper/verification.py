"""Is this PDF, or this scanned QR code, the document the register filed?

A file is accepted when it is exactly the bytes the program wrote: its
SHA-256 equals the one the register recorded for the whole file. Entries
issued before that hash was recorded (schema 3 and older) keep only the
first revision's; for them the file must be that revision followed by
exactly the update ``stamp`` appends for this entry, which stamping the
first revision again reproduces byte for byte (stamping reads no clock and
no randomness: ``tests/customscreen/test_register_verify.py`` checks it).

Anything else is refused, with the reason a person can act on: the number is
not in the register, its issue was interrupted, the content is another
entry's, an update was appended after the program's (the classic way to
change a signed PDF's total: the first revision is still there, intact), or
the QR code names another entry.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from customscreen.paper import register
from customscreen.paper.documents import stamp
from customscreen.paper.documents.errors import DocumentError
from customscreen.paper.register import RegisterEntry
from customscreen.storage.store import Store

CHANGED = "the file was changed after it was issued"
_PAYLOAD = re.compile(rf"{register.QR_PREFIX} (\S+) SHA256 ([0-9A-Fa-f]{{64}})")
# The stamp's caption: the first hex digits of the hash the QR code carries.
_CAPTION = re.compile(rb"\(SHA-256 ([0-9a-f]{%d})\) Tj" % stamp.CAPTION_DIGITS)


@dataclass(frozen=True)
class Verdict:
    """True when the file (or code) is the register's; else ``reason`` says why not."""

    number: str
    reason: str = ""

    def __bool__(self) -> bool:
        return not self.reason


def _unfinished(entry: RegisterEntry | None) -> str:
    """Why an entry cannot vouch for any document, or "" when it can."""
    if entry is None:
        return "no such number in the register"
    if entry.state == register.INTERRUPTED:
        return "its issue was interrupted, the register holds no document for this number"
    if entry.state == register.ISSUING:
        return "it is still being issued, try again in a moment"
    return ""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _restamped(first: bytes, entry: RegisterEntry) -> bytes | None:
    """The whole file the program wrote for ``entry``, from its first revision."""
    try:
        return stamp.stamp(first, entry.qr_payload, entry.sha256)
    except DocumentError:  # a first revision without a placeholder: not ours
        return None


def verify(store: Store, number: str, pdf_bytes: bytes) -> Verdict:
    """Is ``pdf_bytes`` exactly the document the register filed under ``number``?"""
    entry = register.lookup(store, number)
    why = _unfinished(entry)
    if entry is None or why:
        return Verdict(number.strip(), why)
    if entry.file_sha256:
        if _sha256(pdf_bytes) == entry.file_sha256:
            return Verdict(entry.number)
    else:
        first = _first_revision_of(entry, pdf_bytes)
        if first is not None and pdf_bytes == _restamped(first, entry):
            return Verdict(entry.number)
    return Verdict(entry.number, _why_not(store, entry, pdf_bytes))


def _first_revision_of(entry: RegisterEntry, pdf_bytes: bytes) -> bytes | None:
    # The first "%%EOF" ends the first revision; trying each one also copes with
    # the (astronomically rare) "%%EOF" inside a compressed stream.
    for end in register.revision_ends(pdf_bytes):
        if _sha256(pdf_bytes[:end]) == entry.sha256:
            return pdf_bytes[:end]
    return None


def _why_not(store: Store, entry: RegisterEntry, pdf_bytes: bytes) -> str:
    first = _first_revision_of(entry, pdf_bytes)
    if first is None:
        for end in register.revision_ends(pdf_bytes):
            other = store.one("SELECT number FROM documents WHERE sha256 = ? AND state = ?",
                              (_sha256(pdf_bytes[:end]), register.ISSUED))
            if other is not None:
                return f"it is the document issued as {other[0]}, not {entry.number}"
        return f"its content is not the document issued as {entry.number}"
    written = _restamped(first, entry)
    issued = [end for end in register.revision_ends(pdf_bytes)
              if _sha256(pdf_bytes[:end]) == entry.file_sha256]
    if written is not None and pdf_bytes.startswith(written):
        issued.append(len(written))
    if issued:
        if b"%%EOF" in pdf_bytes[issued[0]:]:
            return f"{CHANGED}: an update was appended"
        return f"{CHANGED}: bytes were added after its end"
    if len(pdf_bytes) == len(first):
        return f"{CHANGED}: its QR code was taken off"
    named = _named_by_qr(store, pdf_bytes[len(first):])
    if named is not None and named != entry.number:
        return f"its QR code names {named}, not {entry.number}"
    return f"{CHANGED}: its QR code update was altered"


def _named_by_qr(store: Store, update: bytes) -> str | None:
    """The register entry whose QR code this update draws, if any.

    The caption's first digits of the hash find the candidates; the QR
    drawing must then be exactly the one of a candidate's payload.
    """
    caption = _CAPTION.search(update)
    if caption is None:
        return None
    rows = store.query("SELECT number FROM documents WHERE sha256 LIKE ? AND state = ?",
                       (caption.group(1).decode() + "%", register.ISSUED))
    for row in rows:
        candidate = register.lookup(store, row[0])
        if candidate is not None and \
                stamp.qr_operators(candidate.qr_payload).encode() in update:
            return candidate.number
    return None


def verify_scan(store: Store, payload: str) -> Verdict:
    """Is a QR code read from a paper copy one the register issued?"""
    match = _PAYLOAD.fullmatch(payload.strip())
    if match is None:
        return Verdict("", "this is not a CustomScreen register code")
    number, digest = match.groups()
    entry = register.lookup(store, number)
    why = _unfinished(entry)
    if entry is None or why:
        return Verdict(number, why)
    if digest.lower() != entry.sha256.lower():
        return Verdict(number, f"its QR code's hash is not the one recorded for {number}")
    return Verdict(number)
