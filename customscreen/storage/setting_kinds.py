"""How each type of setting is written as text in the ``settings`` table, and read back.

A kind turns the stored text into a Python value (``decode``) and a value into
the text to store (``encode``); both raise ``ValueError`` for what the kind
does not take. The text formats are those earlier versions wrote ("1"/"0",
"HH:MM", one URL a line…), so an existing database reads the same.
``describe`` says what the kind takes, in the words the README's settings
table and the error messages use.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from os import PathLike
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class Kind(ABC, Generic[T]):
    """The type of a setting: its text form in the database and what it takes."""

    @abstractmethod
    def describe(self) -> str:
        """What the setting takes, as the README's type column says it."""

    @abstractmethod
    def decode(self, text: str) -> T:
        """The value of a non-empty stored text; ``ValueError`` when it does not read."""

    @abstractmethod
    def encode(self, value: T) -> str:
        """The text to store; ``ValueError`` when the value is not one the kind takes."""


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return value


@dataclass(frozen=True)
class Text(Kind[str]):
    """Any text, kept as written."""

    what: str = "text"

    def describe(self) -> str:
        return self.what

    def decode(self, text: str) -> str:
        return text

    def encode(self, value: str) -> str:
        return _string(value)


@dataclass(frozen=True)
class Lines(Kind[list[str]]):
    """Items one a line; blank lines and the spaces around an item do not count."""

    what: str = "text, one item a line"

    def describe(self) -> str:
        return self.what

    def decode(self, text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    def encode(self, value: list[str]) -> str:
        # A lone string is a mistake, not a list of its characters.
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise ValueError(value)
        items = [_string(item).strip() for item in value]
        if any("\n" in item or "\r" in item for item in items):
            raise ValueError(value)
        return "\n".join(item for item in items if item)


@dataclass(frozen=True)
class Choice(Kind[str]):
    """One word of a few; ``aliases`` are other spellings read as one of them."""

    choices: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        words = [f"`{choice}`" for choice in self.choices]
        return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else words[0]

    def decode(self, text: str) -> str:
        word = text.strip().lower()
        word = dict(self.aliases).get(word, word)
        if word not in self.choices:
            raise ValueError(text)
        return word

    def encode(self, value: str) -> str:
        if value not in self.choices:
            raise ValueError(value)
        return value


@dataclass(frozen=True)
class Flag(Kind[bool]):
    """Yes or no. Any text but ``yes`` reads as no, as earlier versions read it."""

    yes: str = "1"
    no: str = "0"

    def describe(self) -> str:
        return f"`{self.yes}` or `{self.no}`"

    def decode(self, text: str) -> bool:
        return text == self.yes

    def encode(self, value: bool) -> str:
        if not isinstance(value, bool):
            raise ValueError(value)
        return self.yes if value else self.no


@dataclass(frozen=True)
class Count(Kind[int | None]):
    """A whole number of something, at least ``minimum``; empty is none."""

    unit: str
    minimum: int = 1

    def describe(self) -> str:
        return f"a whole number of {self.unit}, {self.minimum} or more"

    def decode(self, text: str) -> int | None:
        digits = text.strip()
        if not digits:
            return None
        if not (digits.isascii() and digits.isdigit()) or int(digits) < self.minimum:
            raise ValueError(text)
        return int(digits)

    def encode(self, value: int | None) -> str:
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            raise ValueError(value)
        return str(value)


@dataclass(frozen=True)
class TimeOfDay(Kind[time]):
    """A local time of day, ``HH:MM``."""

    def describe(self) -> str:
        return "a time of day, HH:MM"

    def decode(self, text: str) -> time:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))

    def encode(self, value: time) -> str:
        if not isinstance(value, time):
            raise ValueError(value)
        return f"{value:%H:%M}"


@dataclass(frozen=True)
class Country(Kind[str]):
    """A two-letter country code, stored in capitals.

    Read as written: what an older version let through is for the doctor to
    point out, not for the desk to refuse at start.
    """

    def describe(self) -> str:
        return "a two-letter country code"

    def decode(self, text: str) -> str:
        return text.upper()

    def encode(self, value: str) -> str:
        code = _string(value).strip()
        if code and not (len(code) == 2 and code.isascii() and code.isalpha()):
            raise ValueError(value)
        return code.upper()


@dataclass(frozen=True)
class Folder(Kind[Path | None]):
    """A folder; ``~`` is the user's home. Empty is none."""

    def describe(self) -> str:
        return "a folder"

    def decode(self, text: str) -> Path | None:
        return Path(text).expanduser()

    def encode(self, value: Path | None) -> str:
        if value is None:
            return ""
        if not isinstance(value, str | PathLike):
            raise ValueError(value)
        return str(value)


@dataclass(frozen=True)
class Moment(Kind[datetime | None]):
    """A date and time in ISO 8601, to the second."""

    def describe(self) -> str:
        return "a date and time, ISO 8601"

    def decode(self, text: str) -> datetime | None:
        return datetime.fromisoformat(text.strip())

    def encode(self, value: datetime | None) -> str:
        if value is None:
            return ""
        if not isinstance(value, datetime):
            raise ValueError(value)
        return value.isoformat(timespec="seconds")


@dataclass(frozen=True)
class Day(Kind[date | None]):
    """A date in ISO 8601."""

    def describe(self) -> str:
        return "a date, ISO 8601"

    def decode(self, text: str) -> date | None:
        return date.fromisoformat(text.strip())

    def encode(self, value: date | None) -> str:
        if value is None:
            return ""
        if not isinstance(value, date) or isinstance(value, datetime):
            raise ValueError(value)
        return value.isoformat()
