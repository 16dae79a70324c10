"""The Statistics tab: the manager's view of a chosen period."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from customscreen.paper import statistics
from customscreen.storage.store import Store
from ui import i18n
from ui.charts import HeatMap, OutcomeBars, PerDayChart, ShareDonut

PERIODS = (("7", 7), ("30", 30), ("90", 90), ("365", 365), ("all", 0), ("custom", -1))


class StatsTab(QWidget):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._custom_dates)
        self.figures = QLabel()
        self.per_day, self.heat = PerDayChart(), HeatMap()
        self.outcomes, self.share = OutcomeBars(), ShareDonut()
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.since)
        bar.addWidget(self.until)
        bar.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.per_day, 0, 0)
        grid.addWidget(self.heat, 0, 1)
        grid.addWidget(self.outcomes, 1, 0)
        grid.addWidget(self.share, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.figures)
        layout.addLayout(grid, 1)
        self.stats: statistics.CallStatistics | None = None
        self.retranslate()

    def retranslate(self) -> None:
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        names = (self.tr("Last 7 days"), self.tr("Last 30 days"), self.tr("Last 90 days"),
                 self.tr("Last 12 months"), self.tr("Whole journal"), self.tr("Chosen dates"))
        for (code, _), name in zip(PERIODS, names, strict=True):
            self.period.addItem(name, code)
        self.period.setCurrentIndex(current if current >= 0 else 1)
        self.period.blockSignals(False)
        self.per_day.title = self.tr("Calls per day")
        self.heat.title = self.tr("When calls come (weekday × hour)")
        self.outcomes.title = self.tr("How calls ended")
        self.share.title = self.tr("Callers under contract")
        self._period_chosen()

    def _period_chosen(self) -> None:
        days = dict(PERIODS).get(self.period.currentData() or "30", 30)
        custom = days < 0
        self.since.setEnabled(custom)
        self.until.setEnabled(custom)
        if custom:
            self.refresh()
            return
        today = date.today()
        if days:
            since, until = today - timedelta(days=days - 1), today
        else:
            since, until = statistics.period_of(self.store, None, None)
        for edit, value in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self.refresh()

    def _custom_dates(self) -> None:
        if self.period.currentData() == "custom":
            self.refresh()

    def refresh(self) -> None:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        if until < since:
            since, until = until, since
        self.stats = stats = statistics.compute(self.store, since, until)
        self.per_day.per_day = stats.per_day
        self.heat.heat = stats.heat
        self.outcomes.outcomes = stats.outcomes
        self.share.share = stats.contract_share
        self.share.caption = self.tr(
            "%1 of %2 calls came from callers under contract; %3 from known contacts."
        ).replace("%1", i18n.number(stats.contract_calls)).replace(
            "%2", i18n.number(stats.total)).replace("%3", i18n.number(stats.known_calls))
        text = self.tr(
            "<b>%1</b> calls · <b>%2</b> a day on average · <b>%3</b> overdue callbacks · "
            "<b>%4</b> open in the voicemail queue"
        ).replace("%1", i18n.number(stats.total)).replace(
            "%2", i18n.number(stats.total / max(1, stats.days), 1)).replace(
            "%3", i18n.number(stats.overdue_callbacks)).replace(
            "%4", i18n.number(stats.open_voicemail))
        if stats.median_callback_hours is not None:
            text += " · " + self.tr("called back after <b>%1</b> h (median)").replace(
                "%1", i18n.number(stats.median_callback_hours, 1))
        self.figures.setText(text)
        for chart in (self.per_day, self.heat, self.outcomes, self.share):
            chart.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
