"""The Statistics tab: the manager's view of a chosen period."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from customscreen.paper import statistics
from customscreen.storage.store import Store
from ui import i18n
from ui.charts import HeatMap, OutcomeBars, PerDayChart, ShareDonut
from ui.period_choice import PeriodChoice


class StatsTab(QWidget):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.stats: statistics.CallStatistics | None = None
        self.choice = PeriodChoice(store)
        # The Documents dialog opens on the period chosen here.
        choice = self.choice
        self.period, self.since, self.until = choice.period, choice.since, choice.until
        self.figures = QLabel()
        self.per_day, self.heat = PerDayChart(), HeatMap()
        self.outcomes, self.share = OutcomeBars(), ShareDonut()
        bar = QHBoxLayout()
        bar.addWidget(self.choice)
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
        self.retranslate()
        self.choice.changed.connect(self.refresh)

    def retranslate(self) -> None:
        self.per_day.title = self.tr("Calls per day")
        self.heat.title = self.tr("When calls come (weekday × hour)")
        self.outcomes.title = self.tr("How calls ended")
        self.share.title = self.tr("Callers under contract")
        self.refresh()

    def refresh(self) -> None:
        since, until = self.choice.dates()
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
            "<b>%1</b> calls · <b>%2</b> a day on average, weekends included · "
            "<b>%3</b> overdue callbacks · <b>%4</b> open in the voicemail queue"
        ).replace("%1", i18n.number(stats.total)).replace(
            "%2", i18n.number(stats.per_day_average, 1)).replace(
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
