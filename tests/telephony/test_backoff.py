"""The one backoff rule every line and loop retries by: pure arithmetic, no clock."""

from __future__ import annotations

import random

import pytest

from telephony.backoff import Backoff


def delays(backoff: Backoff, count: int) -> list[float]:
    return [backoff.next_delay() for _ in range(count)]


def test_delays_double_from_the_first_up_to_the_cap() -> None:
    assert delays(Backoff(0.5, 30.0), 9) == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]


def test_failures_count_the_attempts_in_a_row() -> None:
    backoff = Backoff(1.0, 60.0)
    delays(backoff, 3)
    assert backoff.failures == 3


def test_reset_starts_again_from_the_first_delay() -> None:
    backoff = Backoff(2.0, 300.0)
    delays(backoff, 5)
    backoff.reset()
    assert backoff.failures == 0
    assert delays(backoff, 3) == [2, 4, 8]


def test_a_long_outage_stays_at_the_cap_without_overflowing() -> None:
    backoff = Backoff(1.0, 60.0)
    delays(backoff, 5000)
    assert backoff.next_delay() == 60.0


@pytest.mark.parametrize(("draw", "share"), [(0.0, 1.0), (0.5, 0.95), (0.999999, 0.9)])
def test_jitter_only_ever_shortens_a_delay_by_its_share(draw: float, share: float) -> None:
    backoff = Backoff(2.0, 300.0, jitter=0.1, random=lambda: draw)
    got = delays(backoff, 10)
    nominal = [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    assert got == pytest.approx([n * share for n in nominal], rel=1e-5)


def test_jittered_delays_stay_between_the_bounds_and_differ() -> None:
    backoff = Backoff(2.0, 300.0, jitter=0.1, random=random.Random(12).random)
    draws = []
    for _ in range(200):
        backoff.reset()
        first, second = backoff.next_delay(), backoff.next_delay()
        assert 1.8 <= first <= 2.0 and 3.6 <= second <= 4.0
        assert second > first  # still growing: the doubling outweighs the jitter
        draws.append(first)
    assert len(set(draws)) > 100  # two clients that failed together come back apart
    delays(backoff, 10)  # 16, 32 ... up to the cap
    for _ in range(20):
        assert 270.0 <= backoff.next_delay() <= 300.0  # the cap is the longest wait


@pytest.mark.parametrize(("first", "cap", "jitter"), [
    (0.0, 1.0, 0.0), (-1.0, 1.0, 0.0), (2.0, 1.0, 0.0), (1.0, 2.0, 1.0), (1.0, 2.0, -0.1)])
def test_nonsense_settings_are_refused(first: float, cap: float, jitter: float) -> None:
    with pytest.raises(ValueError):
        Backoff(first, cap, jitter=jitter)
