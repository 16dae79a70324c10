"""Tells the desk when a callback falls due, once per callback.

Checked every minute by a timer; the clock is a parameter so a test can move
time forward instead of waiting for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from customscreen.calls import callbacks
from customscreen.calls.callbacks import Callback
from customscreen.storage.store import Store

CHECK_EVERY_MS = 60_000


def due_moment(callback: Callback) -> datetime:
    """A date-only due date falls due when the day starts, local time."""
    text = callback.due_at if len(callback.due_at) > 10 else callback.due_at + "T00:00:00"
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.astimezone()


class CallbackNotifier(QObject):
    due = Signal(list)  # callbacks that fell due since the last check

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock or (lambda: datetime.now().astimezone())
        self._told: set[int] = set()
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        # Callbacks already overdue when the desk opens are on the Callbacks
        # tab; the notification is for the ones that fall due while it runs.
        now = self.clock()
        self._told = {c.id for c in callbacks.open_callbacks(self.store) if due_moment(c) <= now}
        self.timer.start()

    def check(self) -> list[Callback]:
        now = self.clock()
        fresh = [c for c in callbacks.open_callbacks(self.store)
                 if c.id not in self._told and due_moment(c) <= now]
        self._told.update(c.id for c in fresh)
        if fresh:
            self.due.emit(fresh)
        return fresh
