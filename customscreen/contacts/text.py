"""Text as people may see it: no invisible characters that reorder or hide what is shown.

A name comes from a spreadsheet, a vCard, a SIP display name or a modem's NAME
field. Any of them may carry a right-to-left override (U+202E), which makes
"SARL Dupont" print as "tnopuD LRAS" on a card and on paper, or a NUL, which
cuts a C string short and some PDF viewers' text with it. ``clean`` removes
them. It is applied where text enters (imports, ``contacts.save``, the
switchboard's caller names) and again where text is shown (the caller card,
the printed documents), because the journal holds names written before.
"""

from __future__ import annotations

import re

# Unicode's Bidi_Control characters: the embeddings and overrides (U+202A-202E),
# the isolates (U+2066-2069) and the marks (U+200E, U+200F, U+061C). A name
# never needs them: the display's own bidirectional algorithm orders real
# Arabic or Hebrew text.
BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"])
# C0 controls, DEL and the C1 controls. Tab and line feed are text in a note or
# an address; everywhere else they become a space.
CONTROLS = frozenset([chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)])

_REMOVED = {ord(ch): None for ch in BIDI_CONTROLS | CONTROLS}
# A search in C finds that most text holds none of them; only then is it
# translated, character by character (ten times slower on a long note).
_ANY = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ANY_BUT_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ONE_LINE = {**_REMOVED, ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
# A form feed or a vertical tab (pasted from a word processor) ends a line.
_LINES = {**_REMOVED, ord("\t"): "\t", ord("\n"): "\n", ord("\f"): "\n", ord("\v"): "\n"}


def clean(text: str | None) -> str:
    """One line of text as it may be shown: a name, a company, a label."""
    if not text:
        return ""
    return text.translate(_ONE_LINE) if _ANY.search(text) else text


def clean_lines(text: str | None) -> str:
    """Text of several lines (notes, an address): tabs and line ends are kept."""
    if not text or not _ANY_BUT_LINES.search(text):
        return text or ""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINES)

