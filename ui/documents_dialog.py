"""File ▸ Documents: every paper the desk makes, previewed, printed or saved as PDF.

A caller's card, the call log or the statistics of a period, and the fax
templates with their fields typed in. The PDFs come from
``customscreen.paper.documents``; a fax takes its register number only when it is
printed or saved, never for a preview.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from customscreen import contacts
from customscreen.paper.documents import (
    TEMPLATES,
    DocumentError,
    fax,
    print_calllog,
    print_card,
    print_fax,
    print_stats,
)
from customscreen.paper.register import RegisterEntry
from customscreen.storage.store import Store, StoreError
from ui import print_preview
from ui.period_choice import PeriodChoice

CARD, CALLLOG, STATS = "card", "calllog", "stats"
#: Fields that hold paragraphs or one order line a line.
MULTILINE_FIELDS = ("lignes", "corps", "message", "conditions")
#: A period as the Statistics tab holds it: its preset, its first and last day.
ChosenPeriod = tuple[str, date, date]
CONTACTS_SHOWN = 50


class CannotMake(Exception):
    """What the person must fix in the dialog before the document can be made."""


def _file_stem(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-") or "document"


class DocumentsDialog(QDialog):
    def __init__(self, store: Store, region: str, user: str | None,
                 contact_id: int | None = None, parent: QWidget | None = None,
                 period: ChosenPeriod | None = None, kind: str | None = None) -> None:
        super().__init__(parent)
        self.store, self.region, self.user = store, region, user
        self.folder = tempfile.TemporaryDirectory(prefix="customscreen-documents-")
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.setWindowTitle(self.tr("Documents"))

        self.kind = QComboBox()
        for code, label in self._kinds():
            self.kind.addItem(label, code)
        self.contact_box = QGroupBox(self.tr("Contact"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a name, company, number or note…"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMinimumHeight(150)
        contact_layout = QVBoxLayout(self.contact_box)
        contact_layout.addWidget(self.search)
        contact_layout.addWidget(self.matches)

        self.period_box = QGroupBox(self.tr("Period"))
        # The presets of the Statistics tab, and the period chosen there.
        self.choice = PeriodChoice(store)
        if period is not None:
            self.choice.choose(*period)
        self.since, self.until = self.choice.since, self.choice.until
        period_layout = QHBoxLayout(self.period_box)
        period_layout.addWidget(self.choice)
        period_layout.addStretch()

        self.fields_box = QGroupBox(self.tr("Fields"))
        self.form = QFormLayout(self.fields_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        for button, slot in ((self.preview_button, self.preview),
                             (self.print_button, self.print_document),
                             (self.save_button, self.save)):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
            button.clicked.connect(slot)

        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("Document:"), self.kind)
        layout.addLayout(top)
        # The contact list takes the room there is; without it the stretch does.
        layout.addWidget(self.contact_box, 1)
        layout.addWidget(self.period_box)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(buttons)

        self.search.textChanged.connect(self._find_contacts)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self._find_contacts("")
        if contact_id:
            self.choose_contact(contact_id)
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._kind_chosen()

    # -- what can be made ----------------------------------------------------------

    def _kinds(self) -> list[tuple[str, str]]:
        names = {
            "bon-pour-accord": self.tr("Order confirmation (bon pour accord)"),
            "devis": self.tr("Quote (devis)"),
            "fiche-rappel": self.tr("Callback slip (fiche de rappel)"),
            "lettre": self.tr("Letter (lettre)"),
        }
        return [(CARD, self.tr("Caller card")), (CALLLOG, self.tr("Call log of a period")),
                (STATS, self.tr("Statistics report of a period")),
                *((name, names.get(name, name)) for name in TEMPLATES)]

    def _field_labels(self) -> dict[str, str]:
        return {
            "objet": self.tr("Subject:"), "lignes": self.tr("Lines:"),
            "prix": self.tr("Price excl. VAT:"), "date": self.tr("Date:"),
            "lieu": self.tr("Place:"), "tva": self.tr("VAT rate (%):"),
            "conditions": self.tr("Conditions:"), "validite": self.tr("Valid until:"),
            "pour": self.tr("For (who calls back):"), "appelant": self.tr("Caller:"),
            "numero": self.tr("Number:"), "recu_le": self.tr("Received:"),
            "rappeler_avant": self.tr("Call back before:"), "message": self.tr("Message:"),
            "pris_par": self.tr("Taken by:"), "corps": self.tr("Body:"),
            "civilite": self.tr("Salutation:"), "formule": self.tr("Closing:"),
            "reference": self.tr("Their reference:"), "notes": self.tr("Notes:"),
        }

    def _field_hints(self) -> dict[str, str]:
        return {
            "lignes": self.tr("One line each: designation|quantity|unit price excl. VAT, "
                              "e.g. Boiler service|1|120"),
            "tva": "20", "validite": self.tr("30 days after issue"),
            "appelant": self.tr("the contact"), "numero": self.tr("the contact's first number"),
            "recu_le": self.tr("now"), "pris_par": self.user or "",
            "corps": self.tr("One paragraph a line"),
        }

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _kind_chosen(self) -> None:
        kind = self.current_kind()
        self.contact_box.setVisible(kind not in (CALLLOG, STATS))
        self.period_box.setVisible(kind in (CALLLOG, STATS))
        self.fields_box.setVisible(kind in TEMPLATES)
        self.status.clear()
        if kind in TEMPLATES:
            self._build_fields(kind)
        # As tall as what the document needs: a period is one line, a letter a form.
        self.layout().activate()
        self.resize(max(self.width(), 560), self.sizeHint().height())

    def _build_fields(self, name: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields.clear()
        chosen, labels, hints = TEMPLATES[name], self._field_labels(), self._field_hints()
        for key in chosen.accepted:
            edit: QLineEdit | QPlainTextEdit
            if key in MULTILINE_FIELDS:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4)
            else:
                edit = QLineEdit()
            edit.setPlaceholderText(hints.get(key, ""))
            label = QLabel(labels.get(key, f"{key}:"))
            if key in chosen.required:
                bold = QFont(label.font())
                bold.setBold(True)
                label.setFont(bold)
            label.setBuddy(edit)
            self.form.addRow(label, edit)
            self.fields[key] = edit
        self.form.addRow(QLabel(self.tr("Fields in bold are required.")))

    # -- the contact -------------------------------------------------------------------

    def _find_contacts(self, text: str) -> None:
        self.matches.clear()
        for hit in contacts.search(self.store, text, limit=CONTACTS_SHOWN):
            label = f"{hit.name} — {hit.company}" if hit.company else hit.name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def choose_contact(self, contact_id: int) -> None:
        contact = contacts.get(self.store, contact_id)
        if contact is None:
            return
        self.search.setText(contact.name)
        for row in range(self.matches.count()):
            if self.matches.item(row).data(Qt.ItemDataRole.UserRole) == contact_id:
                self.matches.setCurrentRow(row)
                return

    def contact_id(self) -> int:
        item = self.matches.currentItem()
        if item is None:
            raise CannotMake(self.tr("Choose a contact first."))
        return item.data(Qt.ItemDataRole.UserRole)

    # -- the request ---------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        if since > until:
            raise CannotMake(self.tr("The period ends before it starts."))
        return since, until

    def field_values(self) -> dict[str, str]:
        values = {}
        for key, edit in self.fields.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            if text.strip():
                values[key] = text.strip()
        labels = self._field_labels()
        missing = [labels.get(k, k).rstrip(": ") for k in TEMPLATES[self.current_kind()].required
                   if k not in values]
        if missing:
            raise CannotMake(self.tr("Fill in the required fields: %1").replace(
                "%1", ", ".join(missing)))
        return values

    def suggested_name(self) -> str:
        kind = self.current_kind()
        if kind in (CALLLOG, STATS):
            since, until = self.period()
            return f"{kind}-{since.isoformat()}-{until.isoformat()}.pdf"
        item = self.matches.currentItem()
        who = _file_stem(item.text().split(" — ")[0]) if item else "contact"
        return f"{'card' if kind == CARD else kind}-{who}.pdf"

    # -- making the PDF ----------------------------------------------------------------

    def build(self) -> Path:
        """The document as asked, in the temp folder; a fax as an unnumbered draft."""
        kind = self.current_kind()
        target = Path(self.folder.name) / self.suggested_name()
        if kind == CARD:
            print_card(self.store, self.contact_id(), target, region=self.region)
        elif kind in (CALLLOG, STATS):
            since, until = self.period()
            make = print_calllog if kind == CALLLOG else print_stats
            make(self.store, since, until, target, region=self.region)
        else:
            target = target.with_name("draft-" + target.name)
            target.write_bytes(self._draft_fax())
        return target

    def _draft_fax(self) -> bytes:
        # fax.prepare checks what print_fax checks; render draws the page for an
        # entry we make up here, which no register transaction ever sees.
        values = self.field_values()
        job = fax.prepare(self.store, self.contact_id(), self.current_kind(), values,
                          self.user, self.region)
        now = datetime.now().astimezone()
        draft = RegisterEntry(self.tr("PREVIEW"), now.year, 0, job.template.name,
                              job.contact.id, job.recipient.name, job.author, now)
        return fax.render(job, draft)

    def issue(self, target: Path) -> RegisterEntry:
        """Number the fax in the register and write it to ``target``."""
        entry = print_fax(self.store, self.contact_id(), self.current_kind(),
                          self.field_values(), target, author=self.user, region=self.region)
        self.status.setText(self.tr("Issued under register number %1: %2").replace(
            "%1", entry.number).replace("%2", str(target)))
        return entry

    def _attempt(self, action):  # noqa: ANN001, ANN202 - any of the three buttons' work
        try:
            return action()
        except (CannotMake, DocumentError, StoreError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Documents"), str(exc))
            return None

    # -- the three buttons ------------------------------------------------------------------

    def preview(self) -> None:
        pdf = self._attempt(self.build)
        if pdf is not None:
            print_preview.preview(pdf, self)

    def print_document(self) -> None:
        pdf = self._attempt(self.build)
        if pdf is None:
            return
        printer = print_preview.ask_printer(pdf, self)
        if printer is None:
            return
        if self.current_kind() in TEMPLATES:
            # The number is taken once the printer is chosen: a cancel costs none.
            pdf = Path(self.folder.name) / self.suggested_name()
            if self._attempt(lambda: self.issue(pdf)) is None:
                return
        print_preview.print_on(printer, pdf, self)

    def save(self) -> None:
        if self.current_kind() not in TEMPLATES:
            pdf = self._attempt(self.build)
            if pdf is not None:
                print_preview.save_pdf(pdf, self, self.suggested_name())
            return
        # A fax is checked, then issued straight into the chosen file.
        if self._attempt(self.field_values) is None or self._attempt(self.contact_id) is None:
            return
        target = print_preview.ask_pdf_path(self, self.suggested_name())
        if target is not None:
            self._attempt(lambda: self.issue(target))

    def done(self, result: int) -> None:
        super().done(result)
        self.folder.cleanup()
