"""The Callbacks tab: due today, overdue, all; who calls back; marking one done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from customscreen.calls import callbacks
from customscreen.calls.callbacks import Callback, CallbackError
from customscreen.contacts import numbers
from customscreen.storage.store import Store
from ui import i18n
from ui.callback_dialog import ask_outcome
from ui.keys import tab_leaves

VIEWS = ("today", "overdue", "open", "all")


class CallbacksTab(QWidget):
    changed = Signal()

    def __init__(self, store: Store, region: str, user: str | None) -> None:
        super().__init__()
        self.store, self.region, self.user = store, region, user
        self.rows: list[Callback] = []
        self.view = QComboBox()
        self.view.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.view.currentIndexChanged.connect(self.refresh)
        self.table = QTableWidget(0, 7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        tab_leaves(self.table)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 200, 140, 180, 100, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.done_button, self.later_button = QPushButton(), QPushButton()
        self.done_button.clicked.connect(lambda: self.mark_done())
        self.later_button.clicked.connect(self.again_in_six_months)
        top = QHBoxLayout()
        top.addWidget(self.view)
        top.addStretch(1)
        top.addWidget(self.later_button)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.view.currentIndex()
        self.view.blockSignals(True)
        self.view.clear()
        for code, text in zip(VIEWS, (self.tr("Due today"), self.tr("Overdue"),
                                      self.tr("All open callbacks"), self.tr("All callbacks")),
                              strict=True):
            self.view.addItem(text, code)
        self.view.setCurrentIndex(max(0, current) if current >= 0 else 2)
        self.view.blockSignals(False)
        self.table.setHorizontalHeaderLabels([
            self.tr("Due"), self.tr("Caller"), self.tr("Number"), self.tr("Subject"),
            self.tr("Assigned to"), self.tr("Created by"), self.tr("Outcome"),
        ])
        self.done_button.setText(self.tr("Mark &done…"))
        self.later_button.setText(self.tr("Call back again in &6 months"))
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        view = self.view.currentData() or "open"
        self.rows = {
            "today": lambda: callbacks.due_today(self.store, today),
            "overdue": lambda: callbacks.overdue(self.store, today),
            "open": lambda: callbacks.open_callbacks(self.store),
            "all": lambda: callbacks.all_callbacks(self.store),
        }[view]()
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            due = i18n.when(item.due_at)
            if item.is_overdue(today):
                due += " · " + self.tr("overdue")
            cells = (
                due, item.caller_name or self.tr("unknown caller"),
                numbers.display(item.number, self.region), item.subject,
                item.assigned_to or "", item.created_by or "",
                item.outcome or (self.tr("done") if item.done_at else ""),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if item.is_overdue(today):
                    cell.setForeground(QColor("#c62828"))
                self.table.setItem(row, column, cell)
        if self.rows:
            self.table.setCurrentCell(0, 0)

    def current(self) -> Callback | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def mark_done(self, outcome: str | None = None) -> None:
        item = self.current()
        if item is None or item.done_at:
            return
        outcome = outcome or ask_outcome(self, self.tr("Callback done"))
        if not outcome:
            return
        try:
            callbacks.complete(self.store, item.id, outcome)
        except CallbackError as exc:
            QMessageBox.warning(self, self.tr("Callbacks"), str(exc))
        self.refresh()
        self.changed.emit()

    def again_in_six_months(self) -> None:
        item = self.current()
        if item is None:
            return
        due = callbacks.months_later(date.today(), 6)
        callbacks.create(
            self.store, due_at=due.isoformat(), contact_id=item.contact_id,
            number=item.number, caller_name=item.caller_name, subject=item.subject,
            assigned_to=item.assigned_to, created_by=self.user,
        )
        self.refresh()
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
