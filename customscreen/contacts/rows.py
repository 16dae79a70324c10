"""What the readers of address-book files hand to the import, one row at a time.

A reader yields, in the order of the file, a ``Row`` for each contact it read,
a plain ``str`` ("FILE:LINE: problem") for each row it refuses, and a
``Dropped`` for a part of a row it leaves out while keeping the row.
"""

from __future__ import annotations

from dataclasses import dataclass

from customscreen.contacts.book import Contact

# Listed problems and warnings: beyond these, an import counts them. A file of
# a million bad rows must not make a million messages in memory, and nobody
# reads past the first screens of them.
MAX_LISTED = 1_000


@dataclass
class Row:
    line: int
    contact: Contact
    company: str = ""
    #: What the row says, by field: an update changes these and keeps the rest
    #: (a re-import never blanks a note typed at the desk since).
    given: frozenset[str] = frozenset()
    #: Characters of the row's text: batches bound their memory by it.
    size: int = 0


class Dropped(str):
    """``FILE:LINE: what`` was left out of a row that is imported all the same."""


class Listing:
    """Messages kept up to ``MAX_LISTED``, and how many there were."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        self.count = 0

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.kept) < MAX_LISTED:
            self.kept.append(str(message))

    def listed(self) -> list[str]:
        """The messages kept, and a last line saying how many more there were."""
        more = self.count - len(self.kept)
        return self.kept + ([f"… and {more:,} more"] if more else [])
