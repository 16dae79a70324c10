"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# CI clones the repository with shared/ beside it.
TESTDATA = REPO.parent / "shared" / "testdata" / "callerid"
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
