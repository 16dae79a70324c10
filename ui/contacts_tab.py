"""The Contacts tab: search as you type, a company with its people, the editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from customscreen import contacts
from customscreen.contacts import files as contacts_io
from customscreen.contacts import import_batches, numbers
from customscreen.contacts.text import clean_lines
from customscreen.storage.store import Store, StoreError
from ui import i18n
from ui.contact_editor import ContactEditor
from ui.keys import on_enter, tab_leaves
from ui.operations import Changes, Operation, OperationProgress, Operations, Report

# Enough hits to fill the list; a search narrows faster than anyone scrolls.
SEARCH_LIMIT = 200


class ContactsTab(QWidget):
    show_calls = Signal(int, str)
    changed = Signal()

    def __init__(self, store: Store, region: str, operations: Operations | None = None) -> None:
        super().__init__()
        self.store, self.region = store, region
        self.operations = operations or Operations(self)
        self.operations.changed.connect(self._changed)
        self.importing: Operation | None = None
        self.import_progress: OperationProgress | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.results = QTableWidget(0, 3)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().setVisible(False)
        self.results.setWordWrap(False)
        self.results.verticalHeader().setDefaultSectionSize(24)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 170)
        header.resizeSection(2, 150)
        self.results.currentCellChanged.connect(lambda *_: self._show_current())
        self.results.doubleClicked.connect(lambda _: self.edit_current())
        tab_leaves(self.results)
        on_enter(self.results, self.edit_current)
        # Typing a name and Enter opens the contact found first.
        self.search.returnPressed.connect(self.edit_current)
        self.details = QTextBrowser()
        self.people = QListWidget()
        self.people.itemDoubleClicked.connect(
            lambda item: self.edit(item.data(Qt.ItemDataRole.UserRole)))
        on_enter(self.people, self._edit_person)
        self.people_label = QLabel()
        self.new, self.edit_button, self.delete_button, self.calls_button = (
            QPushButton(), QPushButton(), QPushButton(), QPushButton())
        self.new.clicked.connect(lambda: self.create())
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.calls_button.clicked.connect(self._calls_of_current)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.search)
        left_box.addWidget(self.results)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.details, 2)
        right_box.addWidget(self.people_label)
        right_box.addWidget(self.people, 1)
        buttons = QHBoxLayout()
        for button in (self.new, self.edit_button, self.calls_button, self.delete_button):
            buttons.addWidget(button)
        right_box.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 440])
        QVBoxLayout(self).addWidget(split)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search a name, company, number or note…"))
        self.results.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Company"), self.tr("Numbers")])
        self.people_label.setText(self.tr("People of this company"))
        self.new.setText(self.tr("&New…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.calls_button.setText(self.tr("T&heir calls"))
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- list and details ------------------------------------------------------------

    def refresh(self) -> None:
        hits = contacts.search(self.store, self.search.text(), limit=SEARCH_LIMIT,
                               region=self.region)
        self.results.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            shown = ", ".join(numbers.display(n, self.region) for n in hit.numbers.split(", ") if n)
            name = QTableWidgetItem(hit.name)
            name.setData(Qt.ItemDataRole.UserRole, hit.id)
            if hit.kind == "company":
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            self.results.setItem(row, 0, name)
            self.results.setItem(row, 1, QTableWidgetItem(hit.company))
            self.results.setItem(row, 2, QTableWidgetItem(shown))
        if hits:
            self.results.setCurrentCell(0, 0)
        self._show_current()

    def current_id(self) -> int | None:
        item = self.results.item(self.results.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_current(self) -> None:
        contact_id = self.current_id()
        contact = contacts.get(self.store, contact_id) if contact_id else None
        for button in (self.edit_button, self.delete_button, self.calls_button):
            button.setEnabled(contact is not None)
        self.people.clear()
        if contact is None:
            self.details.setHtml(f"<p>{self.tr('No contact selected')}</p>")
            return
        self.details.setHtml(self._describe(contact))
        people = contacts.people_of(self.store, contact.id) if contact.kind == "company" else []
        self.people_label.setVisible(bool(people))
        self.people.setVisible(bool(people))
        for person in people:
            self.people.addItem(person.name)
            self.people.item(self.people.count() - 1).setData(Qt.ItemDataRole.UserRole, person.id)

    def _describe(self, c: contacts.Contact) -> str:
        esc = _escape
        lines = [f"<h2>{esc(c.name)}</h2>"]
        if c.company_name:
            lines.append(f"<p><b>{esc(c.company_name)}</b></p>")
        k = c.contract
        status = i18n.contract(k.effective_status(date.today()))
        extra = " · ".join(x for x in (k.reference, k.level, i18n.day(k.end_date) if k.end_date
                                       else "") if x)
        lines.append(f"<p>{esc(status)}{' — ' + esc(extra) if extra else ''}</p>")
        for phone in c.phones:
            text = self.tr("%1: %2").replace("%1", i18n.phone_label(phone.label)).replace(
                "%2", numbers.display(phone.e164, self.region))
            lines.append(f"<div>{esc(text)}</div>")
        for value in (c.email, c.address):
            if value:
                lines.append(f"<div>{esc(value)}</div>")
        if c.always:
            lines.append(f"<p>{esc(self.tr('Always gets through, even on busy days'))}</p>")
        if c.blocked:
            lines.append(f"<p style='color:#b71c1c'>{esc(self.tr('Blocked'))}</p>")
        if c.fields:
            lines.append("<table>" + "".join(
                f"<tr><td><i>{esc(k2)}</i>&nbsp;&nbsp;</td><td>{esc(i18n.field_value(v))}</td></tr>"
                for k2, v in contacts.shown_fields(c)[0]) + "</table>")
        if c.notes:
            lines.append(f"<p>{esc(c.notes)}</p>")
        return "".join(lines)

    # -- editing ------------------------------------------------------------------------

    def create(self, number: str | None = None) -> int | None:
        editor = ContactEditor(self.store, self.region, number=number, parent=self)
        accepted = editor.exec() == QDialog.DialogCode.Accepted
        contact_id = editor.contact.id if accepted else None
        editor.deleteLater()  # deleted once closed (see ui/desk.py edit_settings)
        if not accepted:
            return None
        self._after_edit(contact_id)
        return contact_id

    def edit(self, contact_id: int) -> None:
        contact = contacts.get(self.store, contact_id)
        if contact is None:
            return
        editor = ContactEditor(self.store, self.region, contact, parent=self)
        accepted = editor.exec() == QDialog.DialogCode.Accepted
        editor.deleteLater()  # deleted once closed (see ui/desk.py edit_settings)
        if accepted:
            self._after_edit(contact_id)

    def _edit_person(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.edit(item.data(Qt.ItemDataRole.UserRole))

    def edit_current(self) -> None:
        contact_id = self.current_id()
        if contact_id:
            self.edit(contact_id)

    def _after_edit(self, contact_id: int | None) -> None:
        self.refresh()
        self.select(contact_id)
        self.changed.emit()

    def select(self, contact_id: int | None) -> None:
        for row in range(self.results.rowCount()):
            if self.results.item(row, 0).data(Qt.ItemDataRole.UserRole) == contact_id:
                self.results.setCurrentCell(row, 0)
                return
        contact = contacts.get(self.store, contact_id) if contact_id else None
        if contact is not None:
            self.search.setText(contact.name)

    def delete_current(self) -> None:
        contact_id = self.current_id()
        contact = contacts.get(self.store, contact_id) if contact_id else None
        if contact is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete contact"),
            self.tr("Delete %1? Their calls stay in the journal.").replace("%1", contact.name))
        if answer == QMessageBox.StandardButton.Yes:
            contacts.delete(self.store, contact.id)
            self.refresh()
            self.changed.emit()

    def _calls_of_current(self) -> None:
        contact_id = self.current_id()
        if contact_id:
            self.show_calls.emit(contact_id, self.results.item(self.results.currentRow(), 0).text())

    # -- import and export ---------------------------------------------------------------

    def import_contacts(self, path: Path | None = None,
                        skip_invalid: bool = False) -> Operation | None:
        """Ask for a file and import it off the UI thread; the result is said at the end."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import contacts"), "", self.tr("Contacts (*.csv *.vcf)"))
            if not name:
                return None
            path = Path(name)
        op = self.start_import(path, skip_invalid)
        if op is not None:
            op.succeeded.connect(self._imported)
            op.failed.connect(lambda exc: self._import_failed(path, exc))
        return op

    def start_import(self, path: Path, skip_invalid: bool = False) -> Operation | None:
        """The import in the background under its progress dialog; None while one runs."""
        if self.importing is not None and self.importing.running:
            return None
        store, region = self.store, self.region

        def work(report: Report, cancelled: Callable[[], bool]) -> contacts_io.ImportResult:
            return contacts_io.import_file(store, path, region, skip_invalid,
                                           progress=report, cancelled=cancelled)

        op = self.operations.start(work, Changes(contacts=True),
                                   cancelled_by=(contacts_io.ImportCancelled,))
        self.importing = op
        op.ended.connect(lambda: self._import_ended(op))
        self.import_progress = OperationProgress(
            op, self.tr("Import contacts"), self._describe_import, self.window())
        return op

    def _describe_import(self, progress: import_batches.Progress) -> tuple[str, int, int]:
        """The label, and the bar in thousandths of the file's lines."""
        done, total = progress.done, max(progress.total, 1)

        def count(text: str) -> str:
            return text.replace("%1", i18n.number(done)).replace(
                "%2", i18n.number(progress.total))

        if progress.stage == import_batches.READING:
            return count(self.tr("Checking the file… line %1 of %2")), 1000 * done // total, 1000
        if progress.stage == import_batches.WRITING:
            return count(self.tr("Importing contacts… line %1 of %2")), 1000 * done // total, 1000
        return count(self.tr("Taking back what was imported… %1 of %2")), done, total

    def _import_ended(self, op: Operation) -> None:
        if self.importing is op:
            self.importing = None

    def _imported(self, result: contacts_io.ImportResult) -> None:
        QMessageBox.information(self, self.tr("Import contacts"), self.tr(
            "%1 imported, %2 updated, %3 refused.").replace(
                "%1", i18n.number(result.imported)).replace(
                "%2", i18n.number(result.updated)).replace("%3", i18n.number(result.refused))
            + "".join(f"\n{w}" for w in result.warnings[:5]))

    def _import_failed(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, contacts_io.ImportError_):
            if self._offer_skip(exc.problems):
                self.import_contacts(path, skip_invalid=True)
            return
        QMessageBox.warning(self, self.tr("Import contacts"), self.tr(
            "%1\n\nNothing was imported: the contacts are as they were.").replace(
                "%1", str(exc)))

    def _changed(self, changes: Changes) -> None:
        if changes.contacts:
            self.refresh()

    def _offer_skip(self, problems: list[str]) -> bool:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Some rows cannot be imported"))
        listing = QListWidget()
        listing.addItems(problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        skip = buttons.addButton(self.tr("&Skip invalid rows and import the others"),
                                 QDialogButtonBox.ButtonRole.AcceptRole)
        skip.clicked.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("Nothing was imported. These rows are wrong:")))
        layout.addWidget(listing)
        layout.addWidget(buttons)
        dialog.resize(640, 360)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def export_contacts(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export contacts"), "contacts.csv",
                self.tr("CSV (*.csv);;vCard (*.vcf)"))
            if not name:
                return
            path = Path(name)
        try:
            written = contacts_io.export_file(self.store, path)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Export contacts"), str(exc))
            return
        QMessageBox.information(self, self.tr("Export contacts"), self.tr(
            "%1 contacts written to %2.").replace("%1", i18n.number(written)).replace(
                "%2", str(path)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _escape(text: str) -> str:
    text = clean_lines(text)  # no override reverses a name, no NUL cuts it
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

