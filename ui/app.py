"""``customscreen`` with no command: the desk window with the configured lines."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from customscreen.contacts import numbers
from customscreen.storage import ownership, settings
from customscreen.storage.store import Store, StoreError
from ui import i18n
from ui.desk import Desk
from ui.firstrun import needs_first_run, run_first_run
from ui.user_dialog import choose_user


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CustomScreen")
    app.setOrganizationName("CustomScreen")
    # The card and the tray keep the desk alive when the window is hidden.
    app.setQuitOnLastWindowClosed(True)
    return app  # type: ignore[return-value]


def run_desk(db_path: Path, region: str | None) -> int:
    # One process journals a database: a second desk on the same file (the
    # manager's office, a second screen) shows it read-only and takes no calls.
    try:
        if not db_path.exists():
            # The first run on the default path (a --db given was checked before):
            # the journal is created here and the wizard fills it in.
            Store(db_path).close()
        owner = ownership.claim(db_path)
        held = owner if isinstance(owner, ownership.Held) else None
        store = Store(db_path, readonly=held is not None)
    except StoreError as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return 1
    app = application()
    language = i18n.LanguageSwitch()
    language.apply(settings.get(store, settings.LANGUAGE))
    if held is not None:
        return _run_read_only(store, region, language, held)
    if needs_first_run(store):
        if not run_first_run(store):
            store.close()
            return 0  # closed before the end: nothing configured, nothing started
        language.apply(settings.get(store, settings.LANGUAGE))
    desk = open_desk(store, region, language)
    try:
        return app.exec()
    finally:
        desk.stop()
        store.close()
        if isinstance(owner, ownership.Claim):
            owner.release()


def open_desk(store: Store, region: str | None, language: i18n.LanguageSwitch) -> Desk:
    """The desk of a journal this process owns, shown, its chores and lines started."""
    # Before the chores start: the backup they may take at once must not have it.
    moved = settings.move_passwords_out(store)
    user = choose_user(store)
    desk = Desk(store, numbers.default_region(region, settings.get(store, settings.REGION)), user,
                language)
    desk.window.show()
    desk.start()
    for said in moved:
        desk.chores_report(said)
    desk.warn(desk.open_sources(settings.sources(store)))
    return desk


def _run_read_only(store: Store, region: str | None, language: i18n.LanguageSwitch,
                   held: ownership.Held) -> int:
    desk = Desk(store, numbers.default_region(region, settings.get(store, settings.REGION)),
                settings.get(store, settings.CURRENT_USER) or None, language)
    tr = partial(QCoreApplication.translate, "ReadOnlyDesk")
    desk.window.setWindowTitle(desk.window.windowTitle() + " — " + tr("read-only"))
    desk.window.show()
    QMessageBox.information(
        desk.window, tr("Read-only"),
        tr("Another CustomScreen journals the calls of this database:\n%1\n\n"
           "This window shows the journal but takes no calls and saves nothing.")
        .replace("%1", held.explain()))
    try:
        return application().exec()
    finally:
        desk.stop()
        store.close()
