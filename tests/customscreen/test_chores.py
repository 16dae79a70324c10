"""The chores thread runs the way every line does: rounds on a BackgroundLoop."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from customscreen.bulletins import Bulletin
from customscreen.care.chores import Chores

pytestmark = pytest.mark.timeout(30)


class WaitingJournal:
    """A switchboard stub whose journal is always behind, so every round has news."""

    journal_failing = True
    pending_writes = 1

    def retry_journal(self) -> bool:
        return True


def test_a_failing_report_is_logged_and_the_chores_go_on(
        store, caplog: pytest.LogCaptureFixture) -> None:
    told: list[str] = []
    three = threading.Event()

    def broken_status_bar(bulletin: Bulletin) -> None:
        told.append(bulletin.text)
        if len(told) >= 3:
            three.set()
        raise RuntimeError("the status bar is gone")

    chores = Chores(store, board=WaitingJournal(), on_report=broken_status_bar,  # type: ignore[arg-type]
                    interval=0.01)
    with caplog.at_level(logging.ERROR, logger="telephony.running"):
        chores.start()
        try:
            assert three.wait(10)
        finally:
            chores.stop()
    assert all("the journal is written again" in text for text in told if "journal" in text)
    assert any("chores: an observer failed" in r.getMessage() for r in caplog.records)


def test_stop_does_not_wait_for_the_next_round(store) -> None:
    rounds = threading.Event()
    chores = Chores(store, on_report=lambda text: None, interval=3600)
    original = chores.run_once

    def counted() -> list[str]:
        said = original()
        rounds.set()
        return said

    chores.run_once = counted  # type: ignore[method-assign]
    chores.start()
    assert rounds.wait(10)
    started = time.monotonic()
    chores.stop()
    assert time.monotonic() - started < 1.0
