"""CSV cells a spreadsheet would run, written as plain text (OWASP "CSV injection").

A caller chooses their own SIP display name, and a contact's notes come from
anybody's spreadsheet: a cell such as ``=HYPERLINK("http://…","…")`` is a
formula to Excel and LibreOffice, run when the receptionist opens the export.
Every CSV the program writes goes through ``SheetWriter``: a cell that begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written behind a
single quote, which spreadsheets take for "this is text". A phone number in a
column of its own stays as it is (``+33536490123``) as long as it is nothing
but a number.

``plain`` undoes ``cell`` when the program reads a CSV back, so an import of
its own export gives the original text. The quote is also put before leading
quotes that end in one of those characters (``'=x`` is written ``''=x``), and
only such a quote is taken away: a genuine leading apostrophe (``'t Hooft``,
``'=x``) comes back as it was.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

#: What a spreadsheet reads as the start of a formula (or, for tab and carriage
#: return, what lets one hide behind whitespace).
FORMULA_STARTS = frozenset("=+-@\t\r")
GUARD = "'"
#: A phone number and nothing else: digits, a leading +, the separators people
#: write (and " / " between several numbers). No letter, so no function to call.
_NUMBER = re.compile(r"\+?[0-9][0-9 +./()-]*")

#: How to read a CSV back. Spreadsheets quote with ``"``; ``csv.Sniffer``, seeing
#: cells that begin with the guard, would take ``'`` for the quote character.
READING: dict[str, Any] = {"quotechar": '"', "doublequote": True}


def _guarded(text: str) -> bool:
    return text.lstrip(GUARD)[:1] in FORMULA_STARTS


def cell(value: object) -> str:
    """``value`` as a cell a spreadsheet shows and never runs."""
    text = "" if value is None else str(value)
    return GUARD + text if text and _guarded(text) else text


def number_cell(value: object) -> str:
    """A phone number as it is; anything else in a number's column like ``cell``."""
    text = "" if value is None else str(value)
    return text if _NUMBER.fullmatch(text) else cell(text)


def plain(text: str) -> str:
    """The text ``cell`` was given: one guard quote taken off, only where it put one."""
    return text[1:] if text[:1] == GUARD and _guarded(text[1:]) else text


class SheetWriter:
    """A ``csv.writer`` whose every cell is safe to open; ``number_columns`` names
    the header's columns that hold phone numbers."""

    def __init__(self, f: SupportsWrite[str], header: Sequence[str],
                 number_columns: Collection[str] = (), **fmt: Any) -> None:
        self._out = csv.writer(f, **fmt)
        self._numbers = [name in number_columns for name in header]
        # Headers are data too: custom field names come from the user's files.
        self._out.writerow([cell(name) for name in header])

    def writerow(self, values: Iterable[object]) -> None:
        self._out.writerow([
            number_cell(value) if is_number else cell(value)
            for value, is_number in zip(values, self._numbers, strict=True)
        ])
