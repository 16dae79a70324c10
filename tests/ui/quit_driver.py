"""Drives the real desk as a receptionist would: every dialog opened and closed, then Quit.

Run in a process of its own (``python -c``, see tests/ui/test_quit_cleanly.py):
the program is started by ``app.cli.main`` exactly as ``customscreen --db X``
starts it; this module only adds a timer that answers the dialogs. Each step
waits for what a person would see (a dialog shown, a dialog gone), never for a
guessed time. The exit code is the program's own; a step that waits in vain
prints what it waited for and ends the process with ``STUCK``.

``QUIT_DRIVER_ONLY=settings,import`` opens only the dialogs named: how a
failure is narrowed down to the dialog it follows.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Generator, Iterator

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

#: Exit code of a drive that never reached its end (not one the program uses).
STUCK = 97
#: A dialog opens in well under a second even on a loaded machine.
STEP_SECONDS = 30.0
POLL_MS = 20

Wait = Callable[[], object]


def _shown(kind: str) -> Wait:
    """The visible top-level dialog whose class is named ``kind``."""
    def find() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and type(widget).__name__ == kind:
                return widget
        return None
    find.__name__ = f"the {kind} to be shown"
    return find


def _no_dialog() -> bool:
    return not any(w.isVisible() and isinstance(w, QDialog) for w in QApplication.topLevelWidgets())


def _window() -> QWidget | None:
    from ui.mainwindow import MainWindow

    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()), None)


def _later(do: Callable[[], object]) -> None:
    """Trigger from a fresh event: a dialog's exec() must not block the driving timer."""
    QTimer.singleShot(0, do)


def _dialogs(win) -> Iterator[tuple[str, Callable[[], object], str]]:  # noqa: ANN001
    """(what, how to open it, the class of what opens) for every dialog of the desk."""
    from ui.mainwindow import TAB_CONTACTS

    def print_selected_contact() -> None:
        win.tabs.setCurrentIndex(TAB_CONTACTS)
        win.contacts.results.setCurrentCell(0, 0)
        win.print_action.trigger()

    yield "settings", win.settings_action.trigger, "SettingsDialog"
    yield "documents", win.documents_action.trigger, "DocumentsDialog"
    yield "print preview", print_selected_contact, "DocumentPreview"
    yield "new contact", win.new_contact_action.trigger, "ContactEditor"
    yield "edit contact", win.contacts.edit_current, "ContactEditor"
    yield "import", win.import_action.trigger, QFileDialog.__name__
    yield "export", win.export_action.trigger, QFileDialog.__name__
    yield "change user", win.user_action.trigger, "UserDialog"
    yield "settings again", win.settings_action.trigger, "SettingsDialog"


def _drive() -> Generator[Wait, object, None]:
    user = yield _shown("UserDialog")
    user.accept()  # type: ignore[attr-defined]
    win = yield _window
    only = os.environ.get("QUIT_DRIVER_ONLY")
    for what, open_it, kind in _dialogs(win):
        if only and what not in only.split(","):
            continue
        yield _no_dialog
        _later(open_it)
        dialog = yield _shown(kind)
        print(f"closed {what}", flush=True)
        dialog.reject()  # type: ignore[attr-defined]
    yield _no_dialog
    # Quit the way a person does: File ▸ Quit (Ctrl+Q).
    _later(win.quit_action.trigger)  # type: ignore[attr-defined]


def start() -> QTimer:
    """Answer the desk's dialogs from a timer; call before the program's main()."""
    steps = _drive()
    state: dict[str, object] = {"wait": next(steps), "since": time.monotonic()}

    def poll() -> None:
        wait = state["wait"]
        assert callable(wait)
        value = wait()
        if not value:
            if time.monotonic() - float(state["since"]) > STEP_SECONDS:  # type: ignore[arg-type]
                print(f"quit driver: waited {STEP_SECONDS:g} s, in vain, for "
                      f"{getattr(wait, '__name__', wait)}", file=sys.stderr, flush=True)
                os._exit(STUCK)
            return
        try:
            state["wait"], state["since"] = steps.send(value), time.monotonic()
        except StopIteration:
            timer.stop()

    timer = QTimer(interval=POLL_MS)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def main(argv: list[str]) -> int:
    from app.cli import main as program
    from ui.app import application

    application()  # the desk's own QApplication, so the timer has an event loop to run in
    timer = start()
    try:
        return program(argv)
    finally:
        timer.stop()

