"""The one way a background loop runs: named daemon thread, prompt stop, failures survived."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import pytest

from telephony import running
from telephony.running import BackgroundLoop, notify

pytestmark = pytest.mark.timeout(30)


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_rounds_run_in_a_named_daemon_thread_until_stopped() -> None:
    seen: list[threading.Thread] = []
    ended = threading.Event()
    loop = BackgroundLoop("modem:/dev/ttyUSB0", lambda: seen.append(threading.current_thread())
                          or 0.0, on_end=ended.set)
    loop.start()
    wait_until(lambda: len(seen) >= 3)
    loop.stop()
    assert ended.is_set() and not loop.running
    assert {t.name for t in seen} == {"modem:/dev/ttyUSB0"} and seen[0].daemon


def test_stop_wakes_a_loop_waiting_between_rounds() -> None:
    rounds: list[int] = []
    loop = BackgroundLoop("chores", lambda: rounds.append(1) or 3600.0)
    loop.start()
    wait_until(lambda: rounds == [1])
    started = time.monotonic()
    loop.stop()
    assert time.monotonic() - started < 1.0
    loop.stop()  # idempotent


def test_a_round_that_returns_none_ends_the_loop() -> None:
    ended = threading.Event()
    loop = BackgroundLoop("demo:", lambda: None, on_end=ended.set)
    loop.start()
    assert ended.wait(5)
    loop.stop()


def test_a_round_that_raises_is_logged_and_the_loop_goes_on(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(running, "FAILED_ROUND_FIRST_S", 0.01)
    calls: list[int] = []

    def round_() -> float:
        calls.append(1)
        if len(calls) <= 2:
            raise RuntimeError("a bug in one round")
        return 0.0

    loop = BackgroundLoop("fritzbox://box", round_)
    with caplog.at_level(logging.ERROR, logger="telephony.running"):
        loop.start()
        wait_until(lambda: len(calls) >= 5)
        loop.stop()
    failures = [r for r in caplog.records if "fritzbox://box failed unexpectedly" in r.message]
    assert len(failures) == 2 and failures[0].exc_info is not None


def test_stop_from_the_loop_itself_does_not_wait_for_itself() -> None:
    ended = threading.Event()
    holder: list[BackgroundLoop] = []

    def round_() -> float:
        holder[0].stop()
        return 0.0

    holder.append(BackgroundLoop("self-stopping", round_, on_end=ended.set))
    holder[0].start()
    assert ended.wait(5)


def test_interrupt_is_called_by_stop() -> None:
    woken = threading.Event()
    loop = BackgroundLoop("fritzbox://box", lambda: 0.0 if woken.wait(10) else 0.0,
                          interrupt=woken.set)
    loop.start()
    started = time.monotonic()
    loop.stop()
    assert woken.is_set() and time.monotonic() - started < 5


def test_starting_a_running_loop_twice_is_refused() -> None:
    loop = BackgroundLoop("chores", lambda: 3600.0)
    loop.start()
    try:
        with pytest.raises(RuntimeError, match="already running"):
            loop.start()
    finally:
        loop.stop()


def test_notify_logs_a_failing_observer_with_the_name_and_returns(
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(value: str) -> None:
        raise ValueError("observer bug")

    with caplog.at_level(logging.ERROR, logger="telephony.running"):
        notify(broken, "RING", "modem:/dev/ttyUSB0")
    (record,) = caplog.records
    assert "modem:/dev/ttyUSB0" in record.getMessage() and "'RING'" in record.getMessage()
    assert record.exc_info is not None
