"""The callback slip: who calls back, by when, about what."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from customscreen.storage import users
from customscreen.storage.store import Store


class CallbackDialog(QDialog):
    """Choose a colleague, a due date and a subject; ``values()`` gives them back."""

    def __init__(self, store: Store, caller: str, due: date, me: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Callback slip"))
        self.colleague = QComboBox()
        for name in users.list_users(store):
            self.colleague.addItem(name, name)
        if me:
            self.colleague.setCurrentIndex(max(0, self.colleague.findData(me)))
        self.due = QDateEdit(QDate(due.year, due.month, due.day))
        self.due.setCalendarPopup(True)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("What it is about"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Caller:"), QLabel(caller or self.tr("unknown caller")))
        form.addRow(self.tr("Call back by:"), self.colleague)
        form.addRow(self.tr("Due:"), self.due)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> tuple[str, str, str]:
        """(colleague, due date ISO, subject)."""
        return (self.colleague.currentData() or "", self.due.date().toPython().isoformat(),
                self.subject.text().strip())


def ask_outcome(parent: QWidget, title: str) -> str | None:
    """A short note of what came of a callback; None when cancelled or empty."""
    text, ok = QInputDialog.getText(
        parent, title,
        QCoreApplication.translate("CallbackDialog", "In a few words, what came of it?"))
    return text.strip() if ok and text.strip() else None
