"""Long desk actions off the UI thread, and what they changed (as Anki's operations).

An ``Operation`` runs a plain function of ``customscreen`` in a worker thread
and gives it two plain callables, ``report(progress)`` and ``cancelled()``,
so the core never sees Qt. What it reports reaches the UI thread as
``progressed``; its end as exactly one of ``succeeded(result)``,
``failed(error)`` or ``was_cancelled()``, then ``ended()``. Then the hub
(``Operations``) announces the operation's ``Changes``, and each view decides
from them whether to refresh itself, instead of every action refreshing every
tab by hand. Changes are announced whatever the end: a cancelled or failed
operation promises to have changed nothing, and a refresh of views that show
the same rows again costs nothing.

``OperationProgress`` is the dialog over the window while one runs: its
Cancel asks the work to stop and stays up, saying so, until the work has
taken back what it did.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget

Report = Callable[[Any], None]
Work = Callable[[Report, Callable[[], bool]], Any]

# While an operation runs, a thread that waits for the interpreter (a line
# journaling a call, the UI thread popping its card) gets it within this
# long, not Python's default 5 ms, a wait repeated at every SQLite call: the
# median ring to card during a 100,000-contact import went from 18 ms at 1 ms
# to 14 ms at this. A thread that waits for nothing costs nothing.
SWITCH_INTERVAL_S = 0.0002
# ... and the collector leaves the oldest generation alone: a full collection
# walks the whole heap without letting go of the interpreter, and a parsed
# 100,000-row file is a million objects (a pause of 100-300 ms, measured).
# The young generations are still collected; the full pass comes afterwards.
NO_FULL_COLLECTION = 1_000_000_000

# A dialog shows itself once an operation has run this long: a three-row
# import should not flash a window at the receptionist.
SHOW_AFTER_MS = 400


class _Calm:
    """The interpreter's settings for background work, while any runs (process-wide)."""

    running = 0
    saved: tuple[tuple[int, int, int], float] = ((700, 10, 10), 0.005)

    @classmethod
    def enter(cls) -> None:
        if cls.running == 0:
            cls.saved = gc.get_threshold(), sys.getswitchinterval()
            young, middle, _ = cls.saved[0]
            gc.set_threshold(young, middle, NO_FULL_COLLECTION)
            sys.setswitchinterval(min(SWITCH_INTERVAL_S, cls.saved[1]))
        cls.running += 1

    @classmethod
    def leave(cls) -> None:
        cls.running -= 1
        if cls.running == 0:
            gc.set_threshold(*cls.saved[0])
            sys.setswitchinterval(cls.saved[1])


@dataclass(frozen=True)
class Changes:
    """What an operation may have changed; views refresh from these flags."""

    contacts: bool = False
    calls: bool = False


class Operation(QObject):
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    was_cancelled = Signal()
    ended = Signal()
    # From the worker thread to this object, which lives in the UI thread.
    _finished = Signal(str, object)

    def __init__(self, work: Work, changes: Changes,
                 cancelled_by: tuple[type[BaseException], ...] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work, self.changes, self.cancelled_by = work, changes, cancelled_by
        self.cancel_requested = threading.Event()
        self.done = threading.Event()
        self.outcome: str | None = None  # "succeeded", "failed" or "cancelled" once ended
        self._finished.connect(self._end)

    def cancel(self) -> None:
        """Ask the work to stop; it ends as cancelled (or as it was about to)."""
        self.cancel_requested.set()

    @property
    def running(self) -> bool:
        return self.outcome is None

    def run(self) -> None:
        """The worker thread's part."""
        try:
            result = self.work(self.progressed.emit, self.cancel_requested.is_set)
        except self.cancelled_by:
            self._finished.emit("cancelled", None)
        except Exception as exc:  # noqa: BLE001 - shown to the user on the UI thread
            self._finished.emit("failed", exc)
        else:
            self._finished.emit("succeeded", result)
        finally:
            self.done.set()

    def _end(self, outcome: str, value: object) -> None:
        self.outcome = outcome
        if outcome == "succeeded":
            self.succeeded.emit(value)
        elif outcome == "failed":
            self.failed.emit(value)
        else:
            self.was_cancelled.emit()
        self.ended.emit()


class Operations(QObject):
    """The window's operations: starts them, and announces what each changed."""

    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.running: list[Operation] = []

    def start(self, work: Work, changes: Changes,
              cancelled_by: tuple[type[BaseException], ...] = ()) -> Operation:
        op = Operation(work, changes, cancelled_by, parent=self)
        _Calm.enter()
        self.running.append(op)
        op.ended.connect(lambda: self._ended(op))
        self.pool.start(op.run)
        return op

    def _ended(self, op: Operation) -> None:
        self.running.remove(op)
        _Calm.leave()
        self.changed.emit(op.changes)
        op.deleteLater()

    def finish(self) -> None:
        """Cancel what runs and wait for it: the store is about to close."""
        for op in self.running:
            op.cancel()
        self.pool.waitForDone()


class OperationProgress(QProgressDialog):
    """Progress of one operation over the window, with Cancel.

    ``describe(progress)`` gives the label and ``(done, total)`` for the bar.
    """

    def __init__(self, op: Operation, title: str,
                 describe: Callable[[Any], tuple[str, int, int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op, self.describe = op, describe
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.setRange(0, 0)
        # The label counts what people know (rows of their file); a percentage
        # of the whole work beside it would seem to disagree.
        bar = QProgressBar()
        bar.setTextVisible(False)
        self.setBar(bar)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.setCancelButton(self.cancel_button)
        # Our Cancel asks the work to stop and keeps the dialog up until it has;
        # QProgressDialog's own would hide it at once.
        self.canceled.disconnect(self.cancel)
        self.canceled.connect(self._cancel)
        op.progressed.connect(self.show_progress)
        op.ended.connect(self._close)

    def show_progress(self, progress: Any) -> None:
        text, done, total = self.describe(progress)
        if self.op.cancel_requested.is_set():
            text = self.tr("Cancelling…") + "\n" + text
        self.setLabelText(text)
        self.setRange(0, max(total, 1))
        self.setValue(min(done, max(total, 1)))

    def _cancel(self) -> None:
        self.op.cancel()
        self.setLabelText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    def _close(self) -> None:
        self.done(0)
        self.deleteLater()

    def reject(self) -> None:  # Escape: cancel, the dialog closes when the work has stopped
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.op.running:
            event.ignore()
            self.canceled.emit()
        else:
            super().closeEvent(event)
