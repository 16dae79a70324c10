"""The desk's side of ``customscreen bench``: ring to card (alone, and while a
big import runs), journal view, start-up, memory.

Ring to card runs the real desk offscreen: the line's bytes go through the
switchboard and the bridge's queued signal to ``Desk.pop``, and the clock
stops when the card is on screen. Start-up and memory are measured in a child
process, so that they count what a receptionist's computer really loads.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from customscreen.benchmark import rings
from customscreen.benchmark.timing import Distribution, FinishLine, time_ms
from customscreen.storage.store import Store
from ui.card_data import CardCall

# Start-up and memory are each measured this many times; the median counts.
CHILD_RUNS = 3


class _Done(QObject):
    finished = Signal()


def _application() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application

    return application()


def _in_worker(work: Callable[[], list[float]]) -> list[float]:
    """Run ``work`` in a thread while this thread runs the Qt event loop."""
    loop = QEventLoop()
    done = _Done()
    done.finished.connect(loop.quit)
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the UI thread
            box["error"] = exc
        finally:
            done.finished.emit()

    worker = threading.Thread(target=run, name="bench-driver", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _finish_at_each_card(desk: Any) -> FinishLine:
    """A finish line the desk crosses each time it pops a card, which then closes."""
    finish = FinishLine()
    show_card = desk.pop

    def pop_and_mark(call: CardCall) -> Any:
        card = show_card(call)
        finish.mark(call.number)
        QTimer.singleShot(0, card.close)  # two hundred stacked cards would be a test of Qt
        return card

    desk.pop = pop_and_mark
    return finish


def ring_to_card(db_path: Path, calls: int) -> dict[str, Distribution]:
    from ui.desk import Desk

    _application()
    store = Store(db_path)
    desk = Desk(store, "FR", None)
    finish = _finish_at_each_card(desk)
    try:
        modem = _in_worker(lambda: rings.modem(desk.board, finish, calls))
        sip = _in_worker(lambda: rings.sip(desk.board, finish, calls))
    finally:
        desk.stop()
        _dispose(desk.window, desk)
        store.close()
    return {"ring_to_card_modem_ms": Distribution.of(modem),
            "ring_to_card_sip_ms": Distribution.of(sip)}


# A call rings this often while the import runs: some hundred calls over it.
RING_DURING_IMPORT_EVERY_S = 0.1


def ring_to_card_during_import(db_path: Path, rows: int = 100_000) -> Distribution:
    """Ring to card on the modem line while the desk imports ``rows`` contacts.

    The desk runs on a copy of the office (the import must not stay in the
    cached one) and imports from its Contacts tab, progress dialog and all,
    while a call rings every ``RING_DURING_IMPORT_EVERY_S`` until it ends.
    """
    from customscreen.benchmark import measures
    from ui.desk import Desk

    _application()
    folder = Path(tempfile.mkdtemp(prefix="customscreen-bench-"))
    try:
        office = Store(db_path, readonly=True)
        office.backup_to(folder / "office.sqlite")
        office.close()
        sheet = measures.import_sheet(folder, rows)
        store = Store(folder / "office.sqlite")
        desk = Desk(store, "FR", None)
        finish = _finish_at_each_card(desk)
        try:
            op = desk.window.contacts.start_import(sheet)
            assert op is not None
            samples = _in_worker(lambda: rings.modem(
                desk.board, finish, calls=100_000, until=op.done.is_set,
                pause_s=RING_DURING_IMPORT_EVERY_S))
            if op.running:  # its end is on its way to this thread
                loop = QEventLoop()
                op.ended.connect(loop.quit)
                loop.exec()
            if op.outcome != "succeeded":
                raise RuntimeError(f"the benchmark import ended {op.outcome}")
        finally:
            desk.stop()
            _dispose(desk.window, desk)
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Distribution.of(samples)


def journal_view(db_path: Path, runs: int = 10) -> dict[str, Distribution]:
    """The Calls tab's table: first page shown, then a jump to the middle."""
    from PySide6.QtWidgets import QTableView

    from ui.calls_model import CallsModel

    app = _application()
    store = Store(db_path, readonly=True)
    views: list[QTableView] = []

    def first_page() -> None:
        view = QTableView()
        view.resize(1000, 700)
        view.setModel(CallsModel(store, "FR", view))
        view.show()
        app.processEvents()
        views.append(view)

    first = time_ms(first_page, runs)
    view = views[-1]
    model = view.model()

    def jump() -> None:
        view.scrollTo(model.index(model.rowCount() // 2 + len(views), 0))
        views.append(view)
        app.processEvents()

    middle = time_ms(jump, runs)
    _dispose(*set(views))
    store.close()
    return {"journal_first_page_ms": first, "journal_jump_ms": middle}


def _dispose(*objects: QObject) -> None:
    """Delete Qt objects now, while Python still runs: left to the interpreter's
    exit, PySide6 may free them after the objects they point to."""
    for obj in objects:
        if isinstance(obj, QWidget):
            obj.close()
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _child(probe: str, db_path: Path) -> tuple[float, str]:
    """Run a probe in a fresh interpreter; (seconds to its answer, its answer)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "ui.benchmark", probe, str(db_path)],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )
    return time.perf_counter() - start, done.stdout.strip().splitlines()[-1]


def startup_and_memory(db_path: Path) -> dict[str, float]:
    startups = []
    for _ in range(CHILD_RUNS):
        _, answer = _child("startup", db_path)
        startups.append(float(answer))
    peaks = [float(_child("memory", db_path)[1]) for _ in range(CHILD_RUNS)]
    return {"startup_s": round(sorted(startups)[len(startups) // 2], 3),
            "peak_rss_mb": round(sorted(peaks)[len(peaks) // 2], 1)}


def measure(db_path: Path, calls: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    results.update(ring_to_card(db_path, calls))
    results["ring_to_card_during_import_ms"] = ring_to_card_during_import(db_path)
    results.update(journal_view(db_path))
    results.update(startup_and_memory(db_path))
    return results


# -- the child processes ---------------------------------------------------------


def _open_desk(db_path: Path) -> Any:
    from ui.desk import Desk

    app = _application()
    store = Store(db_path)
    desk = Desk(store, "FR", None)
    desk.window.show()
    app.processEvents()
    return app, desk


def _startup_probe(db_path: Path, launched: float) -> None:
    """Seconds from this interpreter starting to the main window on screen."""
    _open_desk(db_path)
    print(round(time.time() - launched, 3))


def _memory_probe(db_path: Path) -> None:
    """Peak resident megabytes with the journal scrolled from top to bottom."""
    app, desk = _open_desk(db_path)
    table = desk.window.calls.table
    model = table.model()
    rows = model.rowCount()
    step = max(1, rows // 400)
    for row in range(0, rows, step):
        table.scrollTo(model.index(row, 0))
        app.processEvents()
    print(round(_peak_kb() / 1024, 1))


def _peak_kb() -> int:
    """This process's peak resident size.

    ``ru_maxrss`` would carry the parent's peak across fork and exec (the
    benchmark itself is large); Linux's VmHWM belongs to this image alone.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    # Interpreter start time, as close as Python lets us see it: the process's
    # own start from /proc, else now.
    launched = time.time()
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        with open("/proc/self/stat") as stat:
            start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as uptime:
            booted = time.time() - float(uptime.read().split()[0])
        launched = booted + start_ticks / ticks
    except (OSError, ValueError):
        launched = time.time()
    probe, path = sys.argv[1], Path(sys.argv[2])
    if probe == "startup":
        _startup_probe(path, launched)
    else:
        _memory_probe(path)
