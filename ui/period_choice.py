"""The period chooser of the Statistics tab and the Documents dialog: presets, then dates.

The presets' dates come from ``customscreen.paper.periods``; this widget only
shows them. Both places use it, so "last month" means the same days in both.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QWidget

from customscreen.paper import periods, statistics
from customscreen.storage.store import Store


class PeriodChoice(QWidget):
    #: The period changed (a preset chosen, a date typed while "Chosen dates").
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.currentIndexChanged.connect(self._preset_chosen)
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._dates_typed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period)
        row.addWidget(self.since)
        row.addWidget(self.until)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.preset() if self.period.count() else periods.DEFAULT
        names = {
            "7": self.tr("Last 7 days"), "last_week": self.tr("Last week (Mon–Sun)"),
            "30": self.tr("Last 30 days"), "last_month": self.tr("Last month"),
            "90": self.tr("Last 90 days"), "365": self.tr("Last 12 months"),
            "all": self.tr("Whole journal"), "custom": self.tr("Chosen dates"),
        }
        self.period.blockSignals(True)
        self.period.clear()
        for code in periods.PRESETS:
            self.period.addItem(names[code], code)
        self.period.setCurrentIndex(self.period.findData(current))
        self.period.blockSignals(False)
        self._preset_chosen()

    def preset(self) -> str:
        return self.period.currentData() or periods.DEFAULT

    def dates(self) -> tuple[date, date]:
        """The chosen days, first and last included (possibly the wrong way round)."""
        return self.since.date().toPython(), self.until.date().toPython()

    def choose(self, preset: str, since: date | None = None, until: date | None = None) -> None:
        """Show ``preset``; for ``custom``, the dates ``since`` and ``until``."""
        if preset == "custom" and since is not None and until is not None:
            self._show_dates(since, until)
        self.period.setCurrentIndex(max(0, self.period.findData(preset)))
        self._preset_chosen()

    def _preset_chosen(self) -> None:
        preset = self.preset()
        custom = preset == "custom"
        self.since.setEnabled(custom)
        self.until.setEnabled(custom)
        if not custom:
            bounds = periods.bounds(preset, date.today())
            self._show_dates(*(bounds or statistics.period_of(self.store, None, None)))
        self.changed.emit()

    def _show_dates(self, since: date, until: date) -> None:
        for edit, value in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)

    def _dates_typed(self) -> None:
        if self.preset() == "custom":
            self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
