"""Medians and 99th percentiles: how the benchmark reports a distribution."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Distribution:
    p50: float
    p99: float
    runs: int

    @classmethod
    def of(cls, samples: list[float]) -> Distribution:
        if not samples:
            raise ValueError("no samples to summarise")
        ordered = sorted(samples)
        # Nearest-rank 99th percentile: with 200 samples, the 198th.
        rank = max(0, min(len(ordered) - 1, round(0.99 * len(ordered)) - 1))
        return cls(round(statistics.median(ordered), 3), round(ordered[rank], 3), len(ordered))

    def as_json(self) -> dict[str, float]:
        return {"p50": self.p50, "p99": self.p99}


def time_ms(action: Callable[[], object], runs: int) -> Distribution:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return Distribution.of(samples)


class FinishLine:
    """When each call (by its E.164 number) crossed the finish line.

    The line's thread, or the desk's, calls ``mark``; the benchmark's driver
    waits on it. Times are ``time.perf_counter()``.
    """

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}
        self._cond = threading.Condition()

    def mark(self, number: str | None) -> None:
        now = time.perf_counter()
        with self._cond:
            self._seen.setdefault(number or "", now)
            self._cond.notify_all()

    def wait(self, number: str, timeout: float = 5.0) -> float | None:
        with self._cond:
            self._cond.wait_for(lambda: number in self._seen, timeout)
            return self._seen.get(number)
