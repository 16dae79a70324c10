"""The contact editor: phones, contract, flags, custom fields and notes of one card."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from customscreen import contacts
from customscreen.contacts import CONTRACT_STATUSES, PHONE_LABELS, Contact, Contract, Phone, numbers
from customscreen.storage.store import Store
from ui import i18n


class ContactEditor(QDialog):
    def __init__(self, store: Store, region: str, contact: Contact | None = None,
                 number: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.region = store, region
        self.contact = contact or Contact(name="")
        if number:
            self.contact.phones.append(Phone(number, numbers.phone_label(number)))
        self.setWindowTitle(self.tr("Contact") if contact is None or contact.id is None
                            else self.tr("Contact: %1").replace("%1", contact.name))
        self.resize(620, 520)
        tabs = QTabWidget()
        tabs.addTab(self._identity(), self.tr("&Identity"))
        tabs.addTab(self._contract(), self.tr("Co&ntract"))
        tabs.addTab(self._fields(), self.tr("Custom &fields"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        # What the receptionist types when the editor opens is the caller's name,
        # often while the caller spells it: it must not go to the tabs' bar.
        self.name.setFocus()

    # -- pages ---------------------------------------------------------------

    def _identity(self) -> QWidget:
        c = self.contact
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit(c.name)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Person"), "person")
        self.kind.addItem(self.tr("Company"), "company")
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self.company = QLineEdit(c.company_name)
        self.company.setPlaceholderText(self.tr("Company this person works for"))
        self.email, self.address = QLineEdit(c.email), QLineEdit(c.address)
        self.phones = QTableWidget(0, 2)
        self.phones.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Kind")])
        self.phones.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for phone in c.phones:
            self._add_phone(numbers.display(phone.e164, self.region), phone.label)
        add = QPushButton(self.tr("&Add number"))
        add.clicked.connect(lambda: self._add_phone("", "phone"))
        remove = QPushButton(self.tr("&Remove number"))
        remove.clicked.connect(lambda: self.phones.removeRow(self.phones.currentRow()))
        self.always = QCheckBox(self.tr("Always &gets through, even on busy days"))
        self.always.setChecked(c.always)
        self.blocked = QCheckBox(self.tr("&Blocked: never put through"))
        self.blocked.setChecked(c.blocked)
        self.notes = QPlainTextEdit(c.notes)
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Phones:"), self.phones)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow("", self.always)
        form.addRow("", self.blocked)
        form.addRow(self.tr("Notes:"), self.notes)
        return page

    def _add_phone(self, text: str, label: str) -> None:
        row = self.phones.rowCount()
        self.phones.insertRow(row)
        self.phones.setItem(row, 0, QTableWidgetItem(text))
        kinds = QComboBox()
        for code in PHONE_LABELS:
            kinds.addItem(i18n.phone_label(code), code)
        kinds.setCurrentIndex(max(0, kinds.findData(label)))
        self.phones.setCellWidget(row, 1, kinds)

    def _contract(self) -> QWidget:
        k = self.contact.contract
        box = QGroupBox(self.tr("Maintenance contract"))
        form = QFormLayout(box)
        self.status = QComboBox()
        for code in CONTRACT_STATUSES:
            self.status.addItem(i18n.contract(code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(k.status)))
        self.reference, self.level = QLineEdit(k.reference), QLineEdit(k.level)
        self.level.setPlaceholderText(self.tr("gold, 24/7, standard…"))
        self.start, self.end = self._date(k.start_date), self._date(k.end_date)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Reference:"), self.reference)
        form.addRow(self.tr("Start:"), self.start)
        form.addRow(self.tr("End:"), self.end)
        form.addRow(self.tr("Maintenance level:"), self.level)
        page = QWidget()
        QVBoxLayout(page).addWidget(box)
        return page

    def _date(self, value: date | None) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        # The minimum date reads as "no date" (special value text).
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("no date"))
        edit.setDate(QDate(value.year, value.month, value.day) if value else edit.minimumDate())
        return edit

    def _fields(self) -> QWidget:
        page = QWidget()
        self.fields = QTableWidget(0, 2)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for key, value in self.contact.fields.items():
            self._add_field(key, value)
        add = QPushButton(self.tr("A&dd field"))
        add.clicked.connect(lambda: self._add_field("", ""))
        remove = QPushButton(self.tr("Remove fi&eld"))
        remove.clicked.connect(lambda: self.fields.removeRow(self.fields.currentRow()))
        layout = QVBoxLayout(page)
        layout.addWidget(self.fields)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _add_field(self, key: str, value: str) -> None:
        row = self.fields.rowCount()
        self.fields.insertRow(row)
        self.fields.setItem(row, 0, QTableWidgetItem(key))
        self.fields.setItem(row, 1, QTableWidgetItem(value))

    # -- saving -------------------------------------------------------------------

    def collect(self) -> Contact:
        """The contact as the form says; raises ContactError on a bad number."""
        c = self.contact
        c.name = self.name.text().strip()
        c.kind = self.kind.currentData()
        c.email, c.address = self.email.text().strip(), self.address.text().strip()
        c.always, c.blocked = self.always.isChecked(), self.blocked.isChecked()
        c.notes = self.notes.toPlainText().strip()
        company = self.company.text().strip()
        c.company_id = contacts.find_company(self.store, company) if company else None
        if company and c.company_id is None:
            raise contacts.ContactError(
                self.tr("There is no company called %1; create it first").replace("%1", company))
        phones = []
        for row in range(self.phones.rowCount()):
            item = self.phones.item(row, 0)
            text = item.text().strip() if item else ""
            if not text:
                continue
            e164 = numbers.normalize(text, self.region)
            if e164 is None:
                raise contacts.ContactError(
                    self.tr("%1 is not a phone number").replace("%1", text))
            phones.append(Phone(e164, self.phones.cellWidget(row, 1).currentData()))
        c.phones = phones
        c.contract = Contract(
            self.status.currentData(), self.reference.text().strip(),
            self._read_date(self.start), self._read_date(self.end), self.level.text().strip(),
        )
        c.fields = {}
        for row in range(self.fields.rowCount()):
            key, value = self.fields.item(row, 0), self.fields.item(row, 1)
            if key and key.text().strip():
                c.fields[key.text().strip()] = value.text() if value else ""
        return c

    def _read_date(self, edit: QDateEdit) -> date | None:
        return None if edit.date() == edit.minimumDate() else edit.date().toPython()

    def accept(self) -> None:
        try:
            contact = self.collect()
            if not contact.name:
                raise contacts.ContactError(self.tr("A contact needs a name"))
            contacts.save(self.store, contact)
        except contacts.ContactError as exc:
            QMessageBox.warning(self, self.tr("Contact not saved"), str(exc))
            return
        super().accept()
