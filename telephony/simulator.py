"""A scripted line for the demo and for tests: ``demo:`` rings every few seconds.

Numbers come from the ranges ARCEP reserves for fiction (01 99 00, 02 61 91,
03 53 01, 04 65 71, 05 36 49, 06 39 98). The default script is a realistic
morning at a small French business: clients under contract, an expired
contract, unknown numbers, a withheld caller, and a modem-like caller whose
NAME arrives after the number. The demo database
(``customscreen.demo``) is seeded with these same numbers, so the calls land on
real cards.

URL parameters: ``interval`` seconds between calls (default 4), ``calls`` how
many before the line goes quiet (default: the script once, ``0`` = forever),
``ring`` seconds a call rings (default 1.5).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs

from telephony.events import Answered, CallerId, Ended, Outcome, Presentation, Ring
from telephony.running import ThreadedSource
from telephony.source import Clock, Emit, SourceError, local_now, mask_password, parse_url


@dataclass(frozen=True)
class ScriptedCall:
    number: str | None
    name: str | None = None
    presentation: Presentation = Presentation.AVAILABLE
    #: The NAME arrives after the number, as many modems send it.
    name_late: bool = False
    answered: bool = True
    #: What the demo database knows of this caller; used by the demo seed.
    role: str = "unknown"


DEMO_SCRIPT: tuple[ScriptedCall, ...] = (
    ScriptedCall("0536490123", "DUPONT SARL", role="contract"),
    ScriptedCall("0639981234", None, role="unknown", answered=False),
    ScriptedCall("0536490177", "PLOMBERIE MARTIN", name_late=True, role="contract"),
    ScriptedCall(None, None, Presentation.PRIVATE, role="withheld", answered=False),
    ScriptedCall("0353012233", "CABINET ROUX", role="expired"),
    ScriptedCall("0465710011", "BOULANGERIE", role="always"),
    ScriptedCall("0199001234", None, role="unknown"),
    ScriptedCall("0261914455", "TRANSPORTS LEBLANC", role="contract", answered=False),
)


class DemoLine(ThreadedSource):
    kind = "demo"

    def __init__(
        self,
        url: str,
        script: tuple[ScriptedCall, ...] = DEMO_SCRIPT,
        interval: float = 4.0,
        ring: float = 1.5,
        calls: int | None = None,
        clock: Clock = local_now,
    ) -> None:
        super().__init__(url, clock)
        self.script = script
        self.interval = interval
        self.ring = ring
        self.calls = len(script) if calls is None else calls
        self._numbers: Iterator[int] = iter(())
        self._diverted: set[str] = set()
        self._lock = threading.Lock()

    @property
    def can_divert(self) -> bool:  # type: ignore[override]
        return True  # the demo plays a PBX that sends diverted calls to voicemail

    def divert(self, key: str, action: str) -> bool:
        with self._lock:
            self._diverted.add(key)
        return True

    def prepare(self) -> None:
        self._numbers = itertools.count(1) if self.calls == 0 else iter(range(1, self.calls + 1))

    def run_round(self) -> float | None:
        """Play the next call of the script; None once the script is played out."""
        n = next(self._numbers, None)
        if n is None:
            return None
        self.play(self.emit, f"demo-{n}", self.script[(n - 1) % len(self.script)])
        return self.interval

    def play(self, emit: Emit, key: str, call: ScriptedCall) -> None:
        """Play one call: ring, caller ID (maybe in two parts), rings, end."""
        emit(Ring(key, self.clock()))
        first_name = None if call.name_late else call.name
        emit(CallerId(key, self.clock(), call.number, first_name, call.presentation))
        if call.name_late and call.name:
            self.wait(min(self.ring / 3, 0.5))
            emit(CallerId(key, self.clock(), call.number, call.name, call.presentation))
        with self._lock:
            diverted = key in self._diverted
        if diverted:
            emit(Ended(key, self.clock(), Outcome.DIVERTED, 0))
            return
        self.wait(self.ring)
        if call.answered:
            emit(Answered(key, self.clock(), "12"))
            emit(Ended(key, self.clock(), Outcome.ANSWERED, 30))
        else:
            emit(Ended(key, self.clock(), Outcome.MISSED, 0))


def open_url(url: str, clock: Clock = local_now) -> DemoLine:
    shown = mask_password(url)  # the password, if any, never in a message
    parts = parse_url(url)
    query = parse_qs(parts.query or (parts.path.split("?", 1)[1] if "?" in parts.path else ""))
    try:
        interval = float(query.get("interval", ["4"])[0])
        ring = float(query.get("ring", ["1.5"])[0])
        calls = int(query["calls"][0]) if "calls" in query else None
    except ValueError as exc:
        raise SourceError(f"{shown!r}: bad demo parameter ({exc})") from None
    if interval < 0 or ring < 0 or (calls is not None and calls < 0):
        raise SourceError(f"{shown!r}: demo parameters must not be negative")
    return DemoLine(url, interval=interval, ring=ring, calls=calls, clock=clock)
