"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests import vectors

REPO = Path(__file__).resolve().parents[1]
CUSTOMSCREEN = [sys.executable, "-m", "app"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say which caller-ID vector sets this run replayed, and how many cases each held."""
    try:
        line = vectors.summary()
    except (OSError, ValueError) as exc:  # a broken file already failed its tests
        line = f"caller-ID vectors: unreadable ({exc})"
    terminalreporter.write_line(line)
