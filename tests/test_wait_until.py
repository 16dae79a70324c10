"""The one way tests wait: on the condition itself (tests/conftest.py ``wait_until``)."""

from __future__ import annotations

import time

import pytest

from tests.conftest import wait_until


def test_returns_what_the_condition_gave_as_soon_as_it_holds() -> None:
    asked: list[int] = []

    def third_time() -> list[int] | None:
        asked.append(1)
        return asked if len(asked) == 3 else None

    idled: list[float] = []
    assert wait_until(third_time, 5, interval=0.5, idle=idled.append) == [1, 1, 1]
    assert idled == [0.5, 0.5]  # no interval passed once it held


def test_fails_on_timeout_saying_what_it_waited_for_at_that_moment() -> None:
    seen = ["ring"]

    def idle(seconds: float) -> None:
        time.sleep(seconds)
        seen[1:] = ["late"]  # something happened while it waited

    with pytest.raises(pytest.fail.Exception,
                       match=r"waited 0.05 s, in vain, for the end; so far \['ring', 'late'\]"):
        wait_until(lambda: False, 0.05, lambda: f"the end; so far {seen}", idle=idle)
