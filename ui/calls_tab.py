"""The Calls tab: the journal, newest first, filtered, with a note on any call."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from customscreen.calls import journal
from customscreen.calls.journal import DECISIONS, OUTCOMES, CallFilter, CallRecord
from customscreen.storage import users
from customscreen.storage.store import Store
from ui import i18n
from ui.calls_model import CallsModel
from ui.keys import on_enter, tab_leaves

# Typing in the search box waits this long for the next key before querying,
# so a fast typist does not run one query per letter on a big journal.
SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 100


class CallsTab(QWidget):
    open_card = Signal(object)  # CallRecord
    open_contact = Signal(int)  # the selected call's contact, on Enter
    note_saved = Signal(int)

    def __init__(self, store: Store, region: str, user: str | None) -> None:
        super().__init__()
        self.store, self.user = store, user
        self.contact_id: int | None = None
        self.model = CallsModel(store, region, self)
        # Live calls reload the journal at most every REFRESH_DELAY_MS: a
        # reload counts a million rows, and a burst of calls needs one count,
        # not one per event, while the next card waits for the UI thread.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        self.dates = QCheckBox()
        self.dates.toggled.connect(self._apply)
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self._apply)
        self.today = QPushButton()
        self.today.clicked.connect(self.show_today)
        self.outcome, self.decision, self.handled = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.outcome, self.decision, self.handled):
            # Re-fitted at each language change: "Anyone" is "Tout le monde".
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._delay.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _: self._delay.start())
        self.contact_chip = QToolButton()
        self.contact_chip.setVisible(False)
        self.contact_chip.clicked.connect(self.clear_contact)

        bar = QHBoxLayout()
        self.to_label = QLabel()
        for widget in (self.dates, self.since, self.to_label, self.until, self.today, self.outcome,
                       self.decision, self.handled, self.contact_chip):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights let the view compute the scroll range without
        # asking for a million rows' sizes.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 140, 220, 90, 120, 60, 90)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(self._open_card)
        tab_leaves(self.table)
        on_enter(self.table, self._open_contact)

        self.editor = QGroupBox()
        self.note, self.reason = QLineEdit(), QLineEdit()
        # Why routing sent the call where it went, in the desk's language; the
        # Reason field beside it is only for what a person writes.
        self.routing = QLabel()
        self.routing.setWordWrap(True)
        self.save = QPushButton()
        self.save.clicked.connect(self.save_note)
        self.note.returnPressed.connect(self.save_note)
        self.form = QFormLayout(self.editor)
        self.note_label, self.reason_label = QLabel(), QLabel()
        self.routing_label = QLabel()
        self.form.addRow(self.note_label, self.note)
        self.form.addRow(self.routing_label, self.routing)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow("", self.save)
        self.editor.setEnabled(False)
        self.total = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.editor, 1)
        bottom.addWidget(self.total, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        self.retranslate()
        self._apply()

    # -- filters ----------------------------------------------------------------

    def retranslate(self) -> None:
        self.dates.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.until.setToolTip(self.tr("To (inclusive)"))
        self.today.setText(self.tr("&Today"))
        self.search.setPlaceholderText(self.tr("Search number, name or note…"))
        self._fill(self.outcome, self.tr("All outcomes"), [(o, i18n.outcome(o)) for o in OUTCOMES])
        self._fill(self.decision, self.tr("All decisions"),
                   [(d, i18n.decision(d)) for d in DECISIONS])
        self._fill(self.handled, self.tr("Anyone"), [(u, u) for u in users.list_users(self.store)])
        self.editor.setTitle(self.tr("Selected call"))
        self.note_label.setText(self.tr("Note:"))
        self.routing_label.setText(self.tr("Routing:"))
        self.reason_label.setText(self.tr("Reason:"))
        self.save.setText(self.tr("Save &note"))
        self.contact_chip.setToolTip(self.tr("Show the calls of everyone again"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CallsModel.COLUMNS) - 1)
        self.model.reload()
        self._update_total()
        self._show_selected()

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def current_filter(self) -> CallFilter:
        since = until = None
        if self.dates.isChecked():
            since, until = self.since.date().toPython(), self.until.date().toPython()
        return CallFilter(
            since=since, until=until, outcome=self.outcome.currentData(),
            decision=self.decision.currentData(), contact_id=self.contact_id,
            handled_by=self.handled.currentData(), text=self.search.text().strip() or None,
            region=self.model.region,
        )

    def _apply(self) -> None:
        self.since.setEnabled(self.dates.isChecked())
        self.until.setEnabled(self.dates.isChecked())
        self.model.set_filter(self.current_filter())
        self._update_total()

    def _update_total(self) -> None:
        self.total.setText(self.tr("%1 calls").replace("%1", i18n.number(self.model.total)))

    def show_today(self) -> None:
        today = QDate.currentDate()
        self.since.setDate(today)
        self.until.setDate(today)
        self.dates.setChecked(True)
        self._apply()

    def show_contact(self, contact_id: int, name: str) -> None:
        self.contact_id = contact_id
        self.contact_chip.setText(f"{name} ×")
        self.contact_chip.setVisible(True)
        self._apply()

    def clear_contact(self) -> None:
        self.contact_id = None
        self.contact_chip.setVisible(False)
        self._apply()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- the selected call ------------------------------------------------------------

    def selected(self) -> CallRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _show_selected(self) -> None:
        record = self.selected()
        self.editor.setEnabled(record is not None)
        self.note.setText(record.note if record else "")
        self.routing.setText(
            i18n.reason(record.reason_code, record.display_name) if record else "")
        self.reason.setText(record.reason if record else "")

    def save_note(self) -> None:
        record = self.selected()
        if record is None:
            return
        row = self.table.currentIndex().row()
        journal.set_note(self.store, record.id, self.note.text().strip(),
                         handled_by=None if record.handled_by else self.user)
        if self.reason.text().strip() != record.reason:
            journal.set_reason(self.store, record.id, self.reason.text().strip())
        self.note_saved.emit(record.id)
        self.refresh()
        self.select_row(row)

    def _open_card(self) -> None:
        record = self.selected()
        if record is not None:
            self.open_card.emit(record)

    def _open_contact(self) -> None:
        """Enter: the selected call's contact; a caller who is none has their card."""
        record = self.selected()
        if record is not None and record.contact_id is not None:
            self.open_contact.emit(record.contact_id)
        else:
            self._open_card()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self.model.reload()
        self._update_total()

    def refresh_soon(self) -> None:
        """A call came or changed: reload shortly, once for a burst."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

