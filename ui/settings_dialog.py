"""The settings: lines, language and region, schedule, business identity, users."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from customscreen.calls import schedule
from customscreen.care import autostart
from customscreen.storage import passwords, settings, users
from customscreen.storage.store import Store
from ui.settings_lines import LinesPage


class ImageButton(QPushButton):
    """The "Choose…" beside a field holding the path of an image (the logo, the signature).

    Its slot is its own bound method, which holds no reference to the dialog.
    It was a lambda calling the dialog's method: the connection, owned by this
    child of the dialog, held the dialog's Python wrapper, a cycle through C++
    that Python's collector cannot see. PySide's QDialog.exec() hands the
    dialog back to Python, to be deleted when its last reference goes; that
    cycle kept it alive as the window's child until exit, where PySide's
    teardown (in hash order, hence one quit in two) freed the lambda while Qt
    was deleting the window's children, and shiboken deleted the dialog a
    second time: "QObject: shared QObject was deleted directly", then a malloc
    abort (134) or a segfault (139). Never capture a dialog in a lambda
    connected to one of its own widgets.
    """

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(self.tr("Choose…"))
        self.edit = edit
        self.clicked.connect(self.choose)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), self.edit.text(),
                                              self.tr("Images (*.png *.jpg *.jpeg *.svg)"))
        if name:
            self.edit.setText(name)


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 600)
        self.lines = LinesPage(settings.sources(store))
        tabs = QTabWidget()
        tabs.addTab(self.lines, self.tr("&Lines"))
        tabs.addTab(self._general(), self.tr("&General"))
        tabs.addTab(self._business(), self.tr("&Business"))
        tabs.addTab(self._users(), self.tr("&Users"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        # Qt's own "OK" has no letter on every desktop: Alt+O reaches it everywhere.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&OK"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(QLabel(self.tr("New lines are opened the next time the desk starts.")))
        layout.addWidget(buttons)

    def _general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(
            settings.get(self.store, settings.LANGUAGE))))
        self.region = QLineEdit(settings.get(self.store, settings.REGION))
        self.region.setMaxLength(2)
        self.region.setPlaceholderText("FR")
        self.schedule = QPlainTextEdit(settings.get(self.store, settings.SCHEDULE))
        self.schedule.setPlaceholderText("Mon-Fri 08:00-10:00 priority\nSat 00:00-24:00 closed")
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Default region:"), self.region)
        form.addRow(self.tr("Weekly mode schedule:"), self.schedule)
        form.addRow("", QLabel(self.tr("One slot a line: days, hours, mode "
                                       "(normal, priority, closed).")))
        self.autostart = QCheckBox(self.tr("Start CustomScreen when I log in"))
        self.autostart.setChecked(autostart.is_enabled())
        # Windows starts programs through the installer's Startup shortcut.
        self.autostart.setVisible(sys.platform.startswith("linux"))
        form.addRow("", self.autostart)
        return page

    def _business(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        labels = {
            settings.BUSINESS_NAME: self.tr("Name:"),
            settings.BUSINESS_ADDRESS: self.tr("Address:"),
            settings.BUSINESS_PHONE: self.tr("Phone:"), settings.BUSINESS_FAX: self.tr("Fax:"),
            settings.BUSINESS_EMAIL: self.tr("Email:"), settings.BUSINESS_LOGO: self.tr("Logo:"),
            settings.BUSINESS_SIGNATURE: self.tr("Signature image:"),
        }
        self.business: dict[settings.Setting[str], QLineEdit] = {}
        for key, value in settings.business(self.store).items():
            edit = QLineEdit(value)
            self.business[key] = edit
            if key in (settings.BUSINESS_LOGO, settings.BUSINESS_SIGNATURE):
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(ImageButton(edit))
                form.addRow(labels[key], row)
            else:
                form.addRow(labels[key], edit)
        return page

    def _users(self) -> QWidget:
        page = QWidget()
        self.user_list = QListWidget()
        self.user_list.addItems(users.list_users(self.store))
        add, remove = QPushButton(self.tr("&Add…")), QPushButton(self.tr("&Remove"))
        add.clicked.connect(self._add_user)
        remove.clicked.connect(self._remove_user)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.user_list)
        layout.addLayout(row)
        return page

    def _add_user(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a user"), self.tr("Name:"))
        if ok and name.strip():
            users.add_user(self.store, name)
            self.user_list.clear()
            self.user_list.addItems(users.list_users(self.store))

    def _remove_user(self) -> None:
        item = self.user_list.currentItem()
        if item is not None:
            users.remove_user(self.store, item.text())
            self.user_list.takeItem(self.user_list.row(item))

    def values(self) -> dict[settings.Setting[Any], object]:
        values: dict[settings.Setting[Any], object] = {
            key: edit.text().strip() for key, edit in self.business.items()}
        values[settings.LANGUAGE] = self.language.currentData()
        values[settings.SCHEDULE] = self.schedule.toPlainText().strip()
        values[settings.SOURCES] = self.lines.urls()
        if self.region.text().strip():
            values[settings.REGION] = self.region.text().strip().upper()
        return values

    def accept(self) -> None:
        try:
            schedule.parse(self.schedule.toPlainText())
        except schedule.ScheduleError as exc:
            QMessageBox.warning(self, self.tr("Weekly mode schedule"), str(exc))
            return
        try:
            settings.encode(settings.REGION, self.region.text().strip())
        except settings.SettingError:
            QMessageBox.warning(self, self.tr("Default region"), self.tr(
                "Write the country of the line in two letters, such as FR or BE."))
            return
        try:
            self.lines.keep_passwords_apart()
        except passwords.PasswordError as exc:
            QMessageBox.warning(self, self.tr("SIP password"), str(exc))
            return
        settings.set_many(self.store, self.values())
        if not self.autostart.isHidden() and self.autostart.isChecked() != autostart.is_enabled():
            if self.autostart.isChecked():
                autostart.enable()
            else:
                autostart.disable()
        super().accept()
