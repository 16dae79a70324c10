"""The desk's mode — normal, busy day, closed — chosen by hand or by the weekly schedule.

The same actions sit in the toolbar, the Mode menu and the tray menu, so the
mode is visible and switchable from wherever the receptionist is looking.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from customscreen.calls import schedule
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import Switchboard
from customscreen.storage import settings
from customscreen.storage.store import Store
from ui import i18n

CHECK_EVERY_MS = 30_000


class ModeControl(QObject):
    changed = Signal(str)

    def __init__(self, store: Store, board: Switchboard,
                 clock: Callable[[], datetime] = datetime.now, parent: QObject | None = None):
        super().__init__(parent)
        self.store, self.board, self.clock = store, board, clock
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for code, key in (("normal", "Ctrl+Alt+N"), ("priority", "Ctrl+Alt+P"),
                          ("closed", "Ctrl+Alt+C")):
            action = QAction(self, checkable=True)
            action.setShortcut(QKeySequence(key))
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.actions[code] = action
        self.follow = QAction(self, checkable=True)
        self.follow.setChecked(settings.get(store, settings.FOLLOW_SCHEDULE))
        self.follow.toggled.connect(self._follow_toggled)
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.apply_schedule)
        self.set_mode(settings.get(store, settings.MODE), remember=False)
        self.retranslate()

    @property
    def mode(self) -> str:
        return self.board.mode.value

    def retranslate(self) -> None:
        texts = {"normal": self.tr("&Normal"), "priority": self.tr("&Busy day (priority)"),
                 "closed": self.tr("&Closed")}
        tips = {
            "normal": self.tr("Every caller's card pops"),
            "priority": self.tr("Only callers under contract and 'always' callers pop; "
                                "the others go to the voicemail queue"),
            "closed": self.tr("Every call goes to the voicemail queue"),
        }
        for code, action in self.actions.items():
            action.setText(texts[code])
            action.setToolTip(tips[code])
        self.follow.setText(self.tr("Follow the weekly &schedule"))

    def choose(self, code: str) -> None:
        """A choice by hand wins over the schedule until the schedule is followed again."""
        if self.follow.isChecked():
            self.follow.setChecked(False)
        self.set_mode(code)

    def set_mode(self, code: str, remember: bool = True) -> None:
        self.board.mode = Mode(code)
        self.actions[code].setChecked(True)
        if remember:
            settings.put(self.store, settings.MODE, code)
        self.changed.emit(code)

    def start(self) -> None:
        self.timer.start()
        self.apply_schedule()

    def _follow_toggled(self, on: bool) -> None:
        settings.put(self.store, settings.FOLLOW_SCHEDULE, on)
        if on:
            self.apply_schedule()

    def apply_schedule(self) -> str | None:
        """Set the scheduled mode now; outside every slot the mode is normal."""
        if not self.follow.isChecked():
            return None
        try:
            slots = schedule.parse(settings.get(self.store, settings.SCHEDULE))
        except schedule.ScheduleError:
            return None  # the settings dialog refuses a bad schedule; an old file may hold one
        wanted = schedule.mode_at(slots, self.clock()) or "normal"
        if wanted != self.mode:
            self.set_mode(wanted)
        return wanted

    def label(self) -> str:
        return i18n.mode(self.mode)
