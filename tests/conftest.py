"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from tests import vectors

REPO = Path(__file__).resolve().parents[1]
CUSTOMSCREEN = [sys.executable, "-m", "app"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")


def wait_until(predicate: Callable[[], T], timeout: float = 10.0,
               message: str | Callable[[], str] = "", *, interval: float = 0.01,
               idle: Callable[[float], object] = time.sleep) -> T:
    """Wait for ``predicate()`` to be true and return what it returned.

    Tests wait on the condition itself, never for a guessed time: a fast
    machine does not wait for nothing and a slow one does not fail for nothing.
    On timeout the test fails saying what it waited for: ``message``, or what
    ``message()`` says then (the events seen so far, a peer's log). ``idle`` is
    how an interval passes: a Qt test gives ``lambda s: qtbot.wait(int(s * 1000))``
    so that the event loop runs meanwhile.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            what = message() if callable(message) else message
            pytest.fail(f"waited {timeout:g} s, in vain, for "
                        f"{what or getattr(predicate, '__name__', 'the condition')}")
        idle(interval)


def new_journal(path: Path) -> Path:
    """An empty journal at ``path``, as ``customscreen office init`` creates it.

    Commands refuse a path with no journal (a mistyped --db), so a test that
    starts from nothing creates the journal first, as a person would.
    """
    from customscreen.storage.store import Store

    Store(path).close()
    return path


@pytest.fixture
def store(tmp_path: Path):
    from customscreen.storage.store import Store

    s = Store(tmp_path / "journal.sqlite")
    yield s
    s.close()


@pytest.fixture
def demo_store(tmp_path: Path):
    """A seeded demo database (a few hundred contacts, 400 calls of history)."""
    from customscreen.demo import seed
    from customscreen.storage.store import Store

    s = Store(tmp_path / "demo.sqlite")
    seed(s, calls=400)
    yield s
    s.close()


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """SIP passwords in a private file under tmp, here and in the processes started
    (``CUSTOMSCREEN_CONFIG_DIR``), never in the keyring of the person running the tests."""
    import keyring
    from keyring.backends import fail

    folder = tmp_path / "config"
    monkeypatch.setenv("CUSTOMSCREEN_CONFIG_DIR", str(folder))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield folder
    keyring.set_keyring(previous)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say which caller-ID vector sets this run replayed, and how many cases each held."""
    try:
        line = vectors.summary()
    except (OSError, ValueError) as exc:  # a broken file already failed its tests
        line = f"caller-ID vectors: unreadable ({exc})"
    terminalreporter.write_line(line)
