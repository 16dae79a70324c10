"""Who is at the desk: chosen at start, remembered, written on calls and notes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from customscreen.storage import settings, users
from customscreen.storage.store import Store


class UserDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Who is at the desk?"))
        self.names = QListWidget()
        self.names.itemDoubleClicked.connect(lambda _: self.accept())
        add = QPushButton(self.tr("&Add a user…"))
        add.clicked.connect(self._add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Your name is written on the calls you take "
                                        "and the notes you write.")))
        layout.addWidget(self.names)
        layout.addWidget(add)
        layout.addWidget(buttons)
        self._fill(settings.get(store, settings.CURRENT_USER))

    def _fill(self, selected: str | None) -> None:
        self.names.clear()
        for name in users.list_users(self.store):
            self.names.addItem(name)
            if name == selected:
                self.names.setCurrentRow(self.names.count() - 1)
        if self.names.currentRow() < 0 and self.names.count():
            self.names.setCurrentRow(0)

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a user"), self.tr("Name:"))
        if ok and name.strip():
            users.add_user(self.store, name)
            self._fill(name.strip())

    def chosen(self) -> str | None:
        item = self.names.currentItem()
        return item.text() if item else None


def choose_user(store: Store, parent: QWidget | None = None) -> str | None:
    """Ask who is at the desk; the answer is remembered for next time."""
    dialog = UserDialog(store, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    name = dialog.chosen()
    dialog.deleteLater()  # deleted once closed (see ui/desk.py edit_settings)
    if not accepted:
        return settings.get(store, settings.CURRENT_USER) or None
    if name:
        settings.put(store, settings.CURRENT_USER, name)
    return name
