"""Where a person's name and numbers appear in what people wrote, and their removal.

People write a name as it comes ("l'hotel girard", "HÔTEL  GIRARD") and a
number the way it is said ("05.61.23.45.67", "+33 (0)5 61 23 45 67"), so both
are found ignoring case, accents, repeated spaces and the separators between
digits. A name is matched as whole words: erasing "Jean" leaves "Jeanne".
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

import phonenumbers
from phonenumbers import NumberParseException

#: Shorter names would blank ordinary words ("Al", "Bo"); such a person's
#: linked rows are still cleared, only free text is not searched for them.
MIN_NAME_LENGTH = 3

_SEPARATOR = r"[\s.\-/]?"
_SPACES = re.compile(r"\s+")


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without case, accents or repeated spaces, and where each folded
    character came from in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if folded and folded[-1] == " ":
                continue
            pieces = " "
        else:
            pieces = "".join(c for c in unicodedata.normalize("NFKD", char)
                             if not unicodedata.combining(c)).casefold()
        for piece in pieces:
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def folded_name(name: str) -> str:
    """The form names are compared and hashed in."""
    return fold(name.strip())[0]


def _number_pattern(e164: str) -> re.Pattern[str]:
    """A number written with or without its country code or trunk 0, any separators."""
    try:
        parsed = phonenumbers.parse(e164, None)
        country = str(parsed.country_code)
        significant = phonenumbers.national_significant_number(parsed)
    except NumberParseException:
        country, significant = "", re.sub(r"\D", "", e164)
    prefixes = [r"0" + _SEPARATOR]
    if country:
        international = rf"(?:(?:\+|00){_SEPARATOR})?{country}{_SEPARATOR}"
        prefixes.insert(0, rf"{international}(?:\(0\){_SEPARATOR})?")
    body = _SEPARATOR.join(re.escape(d) for d in significant)
    return re.compile(rf"(?<!\d)(?:{'|'.join(prefixes)})?{body}(?!\d)")


class Mentions:
    """The names and numbers (E.164) of someone erased, ready to be looked for."""

    def __init__(self, names: list[str], numbers: list[str]) -> None:
        self.names = names
        self.numbers = numbers
        self._names = sorted({n for n in map(folded_name, names) if len(n) >= MIN_NAME_LENGTH},
                             key=len, reverse=True)
        self._numbers = [_number_pattern(n) for n in numbers if n]

    def replace(self, text: str | None, by: str) -> str | None:
        """``text`` with every mention replaced by ``by``; None stays None."""
        if not text:
            return text
        for pattern in self._numbers:
            text = pattern.sub(by, text)
        for name in self._names:
            text = _replace_name(text, name, by)
        return text

    def has_number(self, text: str | None) -> bool:
        if not text:
            return False
        return any(pattern.search(text) for pattern in self._numbers)


@functools.cache
def _without_marks() -> dict[int, None]:
    """Every combining mark, for ``str.translate`` (built once, in a fifth of a second)."""
    return {c: None for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))}


def _quick_fold(text: str) -> str:
    """What ``fold`` gives, without the origins, at C speed: the same steps on the
    whole string rather than on each character (a journal has 100,000 calls)."""
    bare = unicodedata.normalize("NFKD", text).translate(_without_marks()).casefold()
    return _SPACES.sub(" ", bare)


def _replace_name(text: str, name: str, by: str) -> str:
    if name not in _quick_fold(text):
        return text
    folded, origin = fold(text)
    spans: list[tuple[int, int]] = []
    start = folded.find(name)
    while start >= 0:
        end = start + len(name)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not before.isalnum() and not after.isalnum():
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(name, end)
        else:
            start = folded.find(name, start + 1)
    for first, last in reversed(spans):
        text = text[:first] + by + text[last:]
    return text
