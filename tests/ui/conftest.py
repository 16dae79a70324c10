"""Qt runs offscreen in tests; a seeded demo desk is one fixture away."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402 - the platform must be chosen before Qt loads

import pytest  # noqa: E402


@pytest.fixture
def desk_store(tmp_path: Path):
    """The demo firm's database: contacts of the demo line and some history."""
    from customscreen.demo import seed
    from customscreen.storage.store import Store

    store = Store(tmp_path / "desk.sqlite")
    seed(store, calls=300, companies=40)
    yield store
    store.close()


@pytest.fixture
def desk(qtbot, desk_store):
    """The desk in English, Claire at the desk, no line attached."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui.desk import Desk

    desk = Desk(desk_store, "FR", "Claire")
    desk.set_language("en")
    yield desk
    desk.stop()
    # The window must be gone before its database closes: a language change
    # still queued would make it read the closed file.
    desk.window.close()
    desk.window.deleteLater()
    desk.tray.menu.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
