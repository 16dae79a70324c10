"""The voicemail queue: callers sent away on a busy day, oldest first, worked later."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from customscreen.calls import journal, voicemail
from customscreen.calls.voicemail import QueueError, QueueItem
from customscreen.contacts import numbers
from customscreen.storage.store import Store
from ui import i18n
from ui.callback_dialog import CallbackDialog
from ui.keys import on_enter, tab_leaves


class VoicemailTab(QWidget):
    count_changed = Signal(int)  # new items
    open_card = Signal(object)  # CallRecord
    callbacks_changed = Signal()

    def __init__(self, store: Store, region: str, user: str | None) -> None:
        super().__init__()
        self.store, self.region, self.user = store, region, user
        self.items: list[QueueItem] = []
        self.show_all = QCheckBox()
        self.show_all.toggled.connect(self.refresh)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 220, 140, 100, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.show_card())
        tab_leaves(self.table)
        on_enter(self.table, self.show_card)
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self.forward_button, self.called_button, self.close_button, self.card_button = (
            QPushButton(), QPushButton(), QPushButton(), QPushButton())
        self.forward_button.clicked.connect(lambda: self.forward())
        self.called_button.clicked.connect(lambda: self.move("called_back"))
        self.close_button.clicked.connect(lambda: self.move("closed"))
        self.card_button.clicked.connect(self.show_card)
        buttons = QHBoxLayout()
        for button in (self.card_button, self.forward_button, self.called_button,
                       self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Called at"), self.tr("Caller"), self.tr("Number"), self.tr("State"),
            self.tr("Assigned to"), self.tr("Why"),
        ])
        self.show_all.setText(self.tr("Show &worked items too"))
        self.forward_button.setText(self.tr("Forwar&d to a colleague…"))
        self.called_button.setText(self.tr("Called bac&k"))
        self.close_button.setText(self.tr("C&lose"))
        self.card_button.setText(self.tr("Show ca&rd"))
        self.refresh()

    def refresh(self) -> None:
        states = None if self.show_all.isChecked() else ("new", "forwarded")
        self.items = voicemail.items(self.store, states)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (
                i18n.when(item.created_at),
                item.caller_name or self.tr("unknown caller"),
                numbers.display(item.number, self.region, item.raw_number) or self.tr("withheld"),
                i18n.queue_state(item.state),
                item.assigned_to or "",
                i18n.why(item.reason_code, item.caller_name, item.reason),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if item.state == "new":
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)
        if self.items and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self._enable()
        self.count_changed.emit(self.new_count())

    def new_count(self) -> int:
        return voicemail.count_new(self.store)

    def current(self) -> QueueItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _enable(self) -> None:
        item = self.current()
        state = item.state if item else "closed"
        self.forward_button.setEnabled(state == "new")
        self.called_button.setEnabled(state in ("new", "forwarded"))
        self.close_button.setEnabled(state != "closed")
        self.card_button.setEnabled(item is not None)

    def forward(self, choose: CallbackDialog | None = None) -> int | None:
        """Hand the caller to a colleague as a callback slip; returns the callback id."""
        item = self.current()
        if item is None:
            return None
        dialog = choose or CallbackDialog(self.store, item.caller_name,
                                          date.today() + timedelta(days=1), None, self)
        if choose is None and dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        colleague, due, subject = dialog.values()
        try:
            callback_id = voicemail.forward(self.store, item.id, colleague, due, subject,
                                            by=self.user)
        except QueueError as exc:
            QMessageBox.warning(self, self.tr("Voicemail queue"), str(exc))
            return None
        self.refresh()
        self.callbacks_changed.emit()
        return callback_id

    def move(self, state: str) -> None:
        item = self.current()
        if item is None:
            return
        try:
            voicemail.move(self.store, item.id, state)
        except QueueError as exc:
            QMessageBox.warning(self, self.tr("Voicemail queue"), str(exc))
        self.refresh()

    def show_card(self) -> None:
        item = self.current()
        record = journal.get(self.store, item.call_id) if item else None
        if record is not None:
            self.open_card.emit(record)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


