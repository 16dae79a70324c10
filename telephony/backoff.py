"""How long to wait before trying again: doubling from a first delay up to a cap.

Every line that reconnects (the modem, the FRITZ!Box), the SIP registration and
any background loop that failed use this one rule; what differs between them
is only the numbers, which each names where it knows why::

    backoff = Backoff(first=0.5, cap=30.0)
    backoff.next_delay()  # 0.5, then 1, 2, 4 ... 30, 30
    backoff.reset()       # connected again: the next failure waits 0.5 again

``jitter`` shaves a random share off each delay, so that many clients that
failed at the same moment (every phone of a hosted PBX that rebooted) do not
all come back at the same moment. It only ever shortens a delay: the cap stays
the longest wait, which is what the constants promise.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

#: Each failure in a row doubles the delay: the usual choice (TCP's
#: retransmission timer, RFC 6298 §5.5; SIP Outbound, RFC 5626 §4.5), so a
#: handful of quick tries catch a glitch and a long outage costs a try per cap.
GROWTH = 2.0
# 2.0 ** 1000 is still a float; past it the cap has long been reached anyway.
_MAX_DOUBLINGS = 1000


@dataclass
class Backoff:
    """Delays between attempts: ``first``, doubling at each failure in a row, at most ``cap``.

    ``jitter`` (0 to <1) is the largest share taken off a delay at random;
    ``random`` gives numbers in [0, 1) and is there so that tests can fix it.
    """

    first: float
    cap: float
    jitter: float = 0.0
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)
    #: Failures in a row so far; ``reset`` sets it back to 0.
    failures: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if not 0 < self.first <= self.cap:
            raise ValueError(f"backoff needs 0 < first <= cap, not {self.first} and {self.cap}")
        if not 0 <= self.jitter < 1:
            raise ValueError(f"backoff jitter is a share from 0 to below 1, not {self.jitter}")

    def next_delay(self) -> float:
        """Count one more failure; return how long to wait before the next attempt."""
        doublings = min(self.failures, _MAX_DOUBLINGS)
        self.failures += 1
        nominal = min(self.first * GROWTH**doublings, self.cap)
        if not self.jitter:
            return nominal
        return nominal * (1.0 - self.jitter * self.random())

    def reset(self) -> None:
        """It worked: the next failure starts again from ``first``."""
        self.failures = 0
