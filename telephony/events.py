"""The events every caller-ID source emits.

Sources (a modem, a SIP user agent, a FRITZ!Box, the demo line) turn bytes into
these small immutable values; the switchboard turns them into journaled calls.
Each event carries ``key``, a call key local to its source: a late field (a
NAME after the NMBR) is a second ``CallerId`` with the same key, never a new
call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Presentation(StrEnum):
    """Whether the network gave us the caller's number."""

    AVAILABLE = "available"
    PRIVATE = "private"  # withheld by the caller (P, A, Privacy: id, anonymous URI)
    UNAVAILABLE = "unavailable"  # the network could not tell (O, no caller ID at all)


class Outcome(StrEnum):
    """How a call ended, as far as the source can tell."""

    ANSWERED = "answered"
    MISSED = "missed"
    DIVERTED = "diverted"
    BLOCKED = "blocked"


class LineState(StrEnum):
    UP = "up"
    RECONNECTING = "reconnecting"
    DOWN = "down"


@dataclass(frozen=True, slots=True)
class Ring:
    """The line rings. Not yet a call: caller ID may follow."""

    key: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CallerId:
    """What the network said about the caller.

    ``number`` is the number as received (``None`` when withheld or absent);
    ``network_date`` (MMDD) and ``network_time`` (HHMM) are what the network
    sent, when it sent anything valid; ``at`` is when we received it.
    """

    key: str
    at: datetime
    number: str | None
    name: str | None = None
    presentation: Presentation = Presentation.AVAILABLE
    network_date: str | None = None
    network_time: str | None = None


@dataclass(frozen=True, slots=True)
class Answered:
    """Someone picked the call up (a desk phone, an extension)."""

    key: str
    at: datetime
    extension: str | None = None


@dataclass(frozen=True, slots=True)
class Ended:
    """The call is over.

    ``outcome`` is ``None`` when the source cannot tell (a modem only sees the
    rings stop); the switchboard then decides from what it saw.
    """

    key: str
    at: datetime
    outcome: Outcome | None = None
    duration_s: int | None = None


@dataclass(frozen=True, slots=True)
class LineStatus:
    """The line itself went up or down (modem unplugged, PBX unreachable)."""

    state: LineState
    at: datetime
    detail: str = ""


CallEvent = Ring | CallerId | Answered | Ended
Event = CallEvent | LineStatus
