"""``customscreen demo``: the desk on the demo database, on screen or as pictures.

With a display the desk opens with the ``demo:`` line ringing every few
seconds. Without one (or with ``--offscreen``) the demo line's script is played
straight into the switchboard, and the window, the cards and the queue are
saved as PNG files in French and in English.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, qInstallMessageHandler

from customscreen.calls import journal
from customscreen.calls.switchboard import CallAnnounced, Notice
from customscreen.contacts import numbers
from customscreen.storage import settings
from customscreen.storage.store import Store
from telephony.simulator import DEMO_SCRIPT, DemoLine, ScriptedCall

DEMO_USER = "Claire"
TAB_NAMES = ("calls", "contacts", "voicemail", "callbacks", "stats")
# Large enough for five columns of the journal and the statistics' four charts.
WINDOW_SIZE = (1280, 800)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_demo(db_path: Path, region: str | None, offscreen: bool, shots: Path | None) -> int:
    interactive = has_display() and not offscreen
    if not interactive:
        # Must be chosen before the QApplication exists.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui import i18n
    from ui.app import application
    from ui.desk import Desk

    app = application()
    store = Store(db_path)
    region = numbers.default_region(region, settings.get(store, settings.REGION))
    language = i18n.LanguageSwitch()
    language.apply(settings.get(store, settings.LANGUAGE))
    desk = Desk(store, region, DEMO_USER, language)
    desk.mode.set_mode("normal")
    desk.window.resize(*WINDOW_SIZE)
    if interactive:
        desk.window.show()
        desk.start()
        desk.attach(DemoLine("demo:", calls=0))
        try:
            return app.exec()
        finally:
            desk.stop()
            store.close()
    folder = shots or Path("shots")
    folder.mkdir(parents=True, exist_ok=True)
    announced: list[int] = []

    def remember(notice: Notice) -> None:
        if isinstance(notice, CallAnnounced) and notice.call.id is not None:
            announced.append(notice.call.id)

    desk.board.add_observer(remember)
    quiet = qInstallMessageHandler(_without_offscreen_chatter)
    desk.window.show()
    written = _play_and_shoot(desk, app, language, folder)
    _report(store, region, announced, written)
    desk.mode.set_mode("normal")
    desk.stop()
    # Qt objects go before the Python wrappers do, in Qt's order, not the collector's.
    desk.window.deleteLater()
    desk.tray.menu.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qInstallMessageHandler(quiet)
    store.close()
    return 0


def _without_offscreen_chatter(kind, context, message: str) -> None:  # noqa: ANN001
    """The offscreen platform says it cannot raise windows; that is no news for pictures."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def _play(desk, call: ScriptedCall, key: str) -> None:  # noqa: ANN001 - a ui.desk.Desk
    """One scripted call, straight into the switchboard from the UI thread."""
    line = desk.demo_line
    line.play(lambda event: desk.board.receive(line, event), key, call)


def _play_and_shoot(desk, app, language, folder: Path) -> list[Path]:  # noqa: ANN001
    desk.demo_line = DemoLine("demo:?interval=0&ring=0", interval=0, ring=0)
    by_number = {c.number: c for c in DEMO_SCRIPT}
    cards = {}
    # A normal morning: every caller pops; keep the cards worth showing.
    for n, call in enumerate(DEMO_SCRIPT, start=1):
        _play(desk, call, f"shot-{n}")
        app.processEvents()
        top = desk.cards.top()
        if call.role == "contract" and "contract" not in cards:
            cards["contract"] = top
        elif call.number == "0639981234":
            cards["unknown"] = top
    for card in list(desk.cards.cards):
        if card not in cards.values():
            card.close()
    # A busy day: the expired contract and the unknown caller go to the queue.
    desk.mode.set_mode("priority")
    _play(desk, by_number["0353012233"], "shot-busy-1")
    _play(desk, by_number["0199001234"], "shot-busy-2")
    app.processEvents()
    queue = desk.window.voicemail
    queue.refresh()
    roux = next(i for i in queue.items if i.raw_number == "0353012233")
    record = journal.get(desk.store, roux.call_id)
    cards["diverted"] = desk.open_card_for(record)

    written = []
    for code in ("fr", "en"):
        language.apply(code)
        app.processEvents()
        app.processEvents()
        desk.cards.place()
        for name, card in cards.items():
            written.append(_save(card.grab(), folder / f"{code}-card-{name}.png"))
        for index, name in enumerate(TAB_NAMES):
            desk.window.tabs.setCurrentIndex(index)
            app.processEvents()
            written.append(_save(desk.window.grab(), folder / f"{code}-main-{name}.png"))
        desk.window.tabs.setCurrentIndex(0)
    return written


def _save(pixmap, path: Path) -> Path:  # noqa: ANN001 - a QPixmap
    if not pixmap.save(str(path)):
        raise OSError(f"{path}: cannot write the picture")
    return path


def _report(store: Store, region: str, announced: list[int], written: list[Path]) -> None:
    print(f"journaled {len(announced)} demo calls:")
    for call_id in announced:
        record = journal.get(store, call_id)
        if record is None:
            continue
        shown = numbers.display(record.number, region, record.raw_number) or "withheld"
        print(f"  {record.started_at[11:19]}  {shown:<16} {record.display_name or '—':<22} "
              f"{record.decision:<7} {record.outcome or 'ringing'}")
    folders = sorted({str(p.parent) for p in written})
    print(f"{len(written)} pictures in {', '.join(folders)}:")
    for path in written:
        print(f"  {path.name}")
    sys.stdout.flush()
