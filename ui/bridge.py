"""Switchboard notices, from the line threads into the UI thread as Qt signals.

The switchboard calls observers from whatever thread the line runs in. A
signal emitted there reaches slots of objects living in the UI thread through
a queued connection; when the switchboard is driven from the UI thread itself
(tests, the demo) the connection is direct, so a card pops within the same turn.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from customscreen.calls.switchboard import (
    CallAnnounced,
    CallFinished,
    CallUpdated,
    JournalAlarm,
    LineChanged,
    Notice,
)


class SwitchboardBridge(QObject):
    announced = Signal(object)  # CallView
    updated = Signal(object, object)  # CallView, changed fields
    finished = Signal(object, str, int)  # CallView, outcome, duration in seconds
    line_changed = Signal(str, str, str)  # source, state, detail
    alarm = Signal(str, int)  # message, writes waiting

    def __call__(self, notice: Notice) -> None:
        if isinstance(notice, CallAnnounced):
            self.announced.emit(notice.call)
        elif isinstance(notice, CallUpdated):
            self.updated.emit(notice.call, dict(notice.changed))
        elif isinstance(notice, CallFinished):
            self.finished.emit(notice.call, notice.outcome.value, notice.duration_s)
        elif isinstance(notice, LineChanged):
            self.line_changed.emit(notice.source, notice.status.state.value, notice.status.detail)
        elif isinstance(notice, JournalAlarm):
            self.alarm.emit(notice.message, notice.pending)
