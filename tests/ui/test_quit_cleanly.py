"""Quitting the desk ends the program cleanly, whatever dialogs were opened (issue 14, item 3).

After Settings had been opened and closed, one quit in two ended in
"QObject: shared QObject was deleted directly" and a malloc abort (134) or a
segfault (139): the teardown order at exit is a hash order, so the test
quits many times in a row, on a real X display with a window manager.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, new_journal
from tests.ui.xserver import x_display  # noqa: F401 - the fixture

CYCLES = 20
#: The desk starts, opens nine dialogs and quits in about a second and a half.
CYCLE_SECONDS = 60
DOUBLE_DELETE = "shared QObject was deleted directly"
DIALOGS = ("settings", "documents", "print preview", "new contact", "edit contact",
           "import", "export", "change user", "settings again")
DRIVE = ("import sys; from tests.ui import quit_driver; "
         "raise SystemExit(quit_driver.main(sys.argv[1:]))")


def _office(path: Path) -> Path:
    """The demo firm's journal in French, set up: the desk opens without the wizard."""
    from customscreen.demo import seed
    from customscreen.storage import settings
    from customscreen.storage.store import Store

    store = Store(new_journal(path))
    try:
        seed(store, calls=60, companies=12)
        settings.put(store, settings.LANGUAGE, "fr")
        settings.put(store, settings.FIRST_RUN_DONE, True)
    finally:
        store.close()
    return path


@pytest.mark.slow
def test_desk_quits_cleanly_after_every_dialog_twenty_times(x_display: str,  # noqa: F811
                                                            tmp_path: Path) -> None:
    db = _office(tmp_path / "desk.sqlite")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8",
           "PYTHONPATH": str(REPO), "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "CUSTOMSCREEN_CONFIG_DIR": str(home / "customscreen")}
    for cycle in range(1, CYCLES + 1):
        done = subprocess.run([sys.executable, "-c", DRIVE, "--db", str(db)], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=CYCLE_SECONDS)
        code = done.returncode
        how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        said = f"quit {cycle} of {CYCLES}: {how}\n{done.stderr[-3000:]}"
        assert done.stdout.split("\n")[:-1] == [f"closed {d}" for d in DIALOGS], said
        assert DOUBLE_DELETE not in done.stderr, said
        assert done.returncode == 0, said



def _print_first_contact(desk) -> None:  # noqa: ANN001 - a ui.desk.Desk
    desk.window.contacts.results.setCurrentCell(0, 0)
    desk.print_current()


OPENINGS = {
    "settings": (lambda desk: desk.edit_settings(), "ui.settings_dialog", "SettingsDialog"),
    "new contact": (lambda desk: desk.window.contacts.create(), "ui.contact_editor",
                    "ContactEditor"),
    "change user": (lambda desk: desk.change_user(), "ui.user_dialog", "UserDialog"),
    "print preview": (_print_first_contact, "ui.print_preview", "DocumentPreview"),
}


@pytest.mark.parametrize("what", OPENINGS)
def test_a_closed_dialog_is_gone_not_kept_until_exit(qtbot, desk, what: str) -> None:
    """Each opening left one more dialog under the window, alive until the quit."""
    import importlib

    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    open_it, module, name = OPENINGS[what]
    kind = getattr(importlib.import_module(module), name)
    desk.window.tabs.setCurrentIndex(1)
    for _ in range(3):
        QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
        open_it(desk)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert desk.window.findChildren(kind) == [], f"closed {what} dialogs kept"
