"""An address-book file read a line at a time: the memory an import takes does not
grow with the file.

A 200 MB spreadsheet read whole (bytes, then text, then a list of rows) took
3.3 GB. Here the file is scanned once in chunks (its encoding, its lines, for
the progress), then read a line at a time; a line longer than ``MAX_LINE`` is
skipped in chunks too, and said (``Cut``), never held.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from customscreen.contacts.import_batches import ImportCancelled
from customscreen.storage.store import StoreError

# One line of a file, in characters. A contact's row is a few hundred; a row of
# full cells (see ``sheets.MAX_CELL``) is refused anyway, and a header of 100,000
# columns is 1.2 MB. Four megabytes bound
# what one line costs without refusing any row a person could have typed.
MAX_LINE = 4 * 1024 * 1024
# The scan reads this much at a time: some milliseconds of work between two
# looks at the cancel button.
SCAN_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Scan:
    encoding: str  # "utf-8-sig", or "cp1252" as French Excel writes
    lines: int  # for the progress (a quoted cell may hold several)


@dataclass(frozen=True)
class Cut:
    """A line longer than ``MAX_LINE``: its beginning and its length, not the line."""

    head: str
    length: int


def scan(path: Path, cancelled: Callable[[], bool] = lambda: False) -> Scan:
    """The file's encoding (UTF-8, with or without BOM, else Windows-1252) and lines."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines, last = True, 0, b""
    try:
        with open(path, "rb") as f:
            while chunk := f.read(SCAN_CHUNK):
                if cancelled():
                    raise ImportCancelled
                lines += chunk.count(b"\n")
                last = chunk[-1:]
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return Scan("utf-8-sig" if utf8 else "cp1252", lines + (last not in (b"", b"\n")))


def open_text(path: Path, encoding: str) -> TextIO:
    """The file as text; line ends are left to the readers (a CSV cell may hold one)."""
    try:
        return open(path, encoding=encoding, errors="replace", newline="")
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None


def lines(f: TextIO, limit: int = MAX_LINE) -> Iterator[str | Cut]:
    """Each line of ``f`` with its line end, or a ``Cut`` for one longer than ``limit``."""
    while line := f.readline(limit):
        if len(line) < limit or line.endswith(("\n", "\r")):
            yield line
            continue
        head, length = line[:80], len(line)
        while more := f.readline(limit):
            length += len(more)
            if more.endswith(("\n", "\r")):
                break
        yield Cut(head, length)
