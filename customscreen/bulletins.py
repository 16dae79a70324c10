"""What the program tells by itself (a backup taken, a password moved): a stable
code, its values, and the English sentence.

The command line prints the sentence (``str(bulletin)``); the desk shows its own
words for the code, in its language (``ui.i18n.bulletin``), the way a routing
reason is journaled as a code and worded at display time.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bulletin:
    """One thing to tell: ``code`` says what, ``values`` the details, ``text`` in English."""

    code: str
    text: str
    values: dict[str, str] = field(default_factory=dict)
    #: Worth interrupting for (a backup failed or is old, erasures re-applied, a
    #: password moved): the desk shows a balloon; routine news (the daily backup
    #: taken) goes to the status bar only.
    warning: bool = False

    def __str__(self) -> str:
        return self.text
