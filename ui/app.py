"""``customscreen`` with no command: the desk window with the configured lines."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from customscreen import numbers, settings
from customscreen.store import Store, StoreError

from . import i18n
from .desk import Desk
from .firstrun import needs_first_run, run_first_run
from .user_dialog import choose_user


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CustomScreen")
    app.setOrganizationName("CustomScreen")
    # The card and the tray keep the desk alive when the window is hidden.
    app.setQuitOnLastWindowClosed(True)
    return app  # type: ignore[return-value]


def run_desk(db_path: Path, region: str | None) -> int:
    try:
        store = Store(db_path)
    except StoreError as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return 1
    app = application()
    language = i18n.LanguageSwitch()
    language.apply(store.setting(settings.LANGUAGE, "system"))
    if needs_first_run(store):
        if not run_first_run(store):
            store.close()
            return 0  # closed before the end: nothing configured, nothing started
        language.apply(store.setting(settings.LANGUAGE, "system"))
    user = choose_user(store)
    desk = Desk(store, numbers.default_region(region, store.setting(settings.REGION)), user,
                language)
    desk.window.show()
    desk.start()
    desk.warn(desk.open_sources(settings.sources(store)))
    try:
        return app.exec()
    finally:
        desk.stop()
        store.close()
