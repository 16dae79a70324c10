"""The first-run wizard's pages that ask about the office: its language, business and people.

Each page sets its words in ``retranslate`` and sets them again when the
language changes, so choosing French on the first page turns the next pages
French at once. The line page is in ``ui.firstrun_line``.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from customscreen.storage import settings
from ui import i18n

# The countries our customers' lines are in, the first is the default.
REGIONS = ("FR", "BE", "CH", "LU", "MC", "CA", "GB", "DE", "ES", "IT")


class Page(QWizardPage):
    """A page whose words are set in ``retranslate`` and set again when the language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the page's words; every page has its own."""


class LanguagePage(Page):
    def __init__(self, switch: i18n.LanguageSwitch, current: str) -> None:
        super().__init__()
        self.switch = switch
        # Each language is written in itself: someone who reads only one finds it.
        self.french = QRadioButton("Français")
        self.english = QRadioButton("English")
        (self.english if current == "en" else self.french).setChecked(True)
        self.french.toggled.connect(self._changed)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.french)
        layout.addWidget(self.english)
        layout.addStretch(1)
        self.retranslate()

    def language(self) -> str:
        return "fr" if self.french.isChecked() else "en"

    def _changed(self) -> None:
        # Switch at once so the following pages speak the chosen language.
        self.switch.apply(self.language())

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Welcome to CustomScreen"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun",
                "A few questions to set up this desk; everything can be "
                "changed later in the settings.",
            )
        )
        self.intro.setText(
            QCoreApplication.translate("FirstRun", "Which language should the desk speak?")
        )


def country_name(code: str) -> str:
    names = {
        "FR": QCoreApplication.translate("FirstRun", "France"),
        "BE": QCoreApplication.translate("FirstRun", "Belgium"),
        "CH": QCoreApplication.translate("FirstRun", "Switzerland"),
        "LU": QCoreApplication.translate("FirstRun", "Luxembourg"),
        "MC": QCoreApplication.translate("FirstRun", "Monaco"),
        "CA": QCoreApplication.translate("FirstRun", "Canada"),
        "GB": QCoreApplication.translate("FirstRun", "United Kingdom"),
        "DE": QCoreApplication.translate("FirstRun", "Germany"),
        "ES": QCoreApplication.translate("FirstRun", "Spain"),
        "IT": QCoreApplication.translate("FirstRun", "Italy"),
    }
    return names.get(code, code)


class BusinessPage(Page):
    def __init__(self, business: dict[settings.Setting[str], str], region: str) -> None:
        super().__init__()
        self.name = QLineEdit(business.get(settings.BUSINESS_NAME, ""))
        self.address = QPlainTextEdit(business.get(settings.BUSINESS_ADDRESS, ""))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.phone = QLineEdit(business.get(settings.BUSINESS_PHONE, ""))
        self.fax = QLineEdit(business.get(settings.BUSINESS_FAX, ""))
        self.email = QLineEdit(business.get(settings.BUSINESS_EMAIL, ""))
        self.region = QComboBox()
        for code in REGIONS:
            self.region.addItem(code, code)
        if region not in REGIONS:
            self.region.addItem(region, region)  # set before, in the settings
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.phone.setPlaceholderText("05 36 49 01 23")
        self.email.setPlaceholderText("accueil@example.fr")
        self.name.textChanged.connect(self.completeChanged)
        self.email.textChanged.connect(self.completeChanged)
        self.form = QFormLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows stay together at the top, as on a paper form
        self.labels = form_rows(
            self.form, (self.name, self.address, self.phone, self.fax, self.email, self.region)
        )
        self.retranslate()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        email = self.email.text().strip()
        return bool(self.name.text().strip()) and (not email or "@" in email)

    def values(self) -> dict[settings.Setting[str], str]:
        return {
            settings.BUSINESS_NAME: self.name.text(),
            settings.BUSINESS_ADDRESS: self.address.toPlainText(),
            settings.BUSINESS_PHONE: self.phone.text(),
            settings.BUSINESS_FAX: self.fax.text(),
            settings.BUSINESS_EMAIL: self.email.text(),
        }

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Your business"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Printed at the top of quotes, order confirmations and callback slips."
            )
        )
        labels = (
            QCoreApplication.translate("FirstRun", "Na&me:"),
            QCoreApplication.translate("FirstRun", "&Address:"),
            QCoreApplication.translate("FirstRun", "&Phone:"),
            QCoreApplication.translate("FirstRun", "Fa&x:"),
            QCoreApplication.translate("FirstRun", "&Email:"),
            QCoreApplication.translate("FirstRun", "&Country of the line:"),
        )
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        for index in range(self.region.count()):
            code = self.region.itemData(index)
            self.region.setItemText(index, f"{country_name(code)} ({code})")
        self.region.setToolTip(
            QCoreApplication.translate(
                "FirstRun",
                "Numbers written without a country code are read as numbers of this country.",
            )
        )


class UsersPage(Page):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = QListWidget()
        self.names.addItems(names)
        self.new_name = QLineEdit()
        self.add = QPushButton()
        self.remove = QPushButton()
        self.add.clicked.connect(self._add)
        self.new_name.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.remove.setEnabled(False)
        self.names.itemSelectionChanged.connect(
            lambda: self.remove.setEnabled(bool(self.names.selectedItems()))
        )
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add)
        # Typing comes first, the list of who is in below it, as in a guest book.
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        if not names:
            # The person installing is usually the first user; they can rename it.
            self.new_name.setText(_login_name())
        self.retranslate()

    def users(self) -> list[str]:
        return [self.names.item(i).text() for i in range(self.names.count())]

    def _add(self) -> None:
        name = self.new_name.text().strip()
        if name and name not in self.users():
            self.names.addItem(name)
            self.new_name.clear()
            self.completeChanged.emit()

    def _remove(self) -> None:
        for item in self.names.selectedItems():
            self.names.takeItem(self.names.row(item))
        self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self._add()  # a name typed but not added is meant to be added
        return bool(self.users())

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.users() or self.new_name.text().strip())

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "The people at the desk"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun",
                "Their names go on the calls they take and the notes they write. At least one.",
            )
        )
        self.new_name.setPlaceholderText(
            QCoreApplication.translate("FirstRun", "First name, or first name and initial")
        )
        self.add.setText(QCoreApplication.translate("FirstRun", "&Add"))
        self.remove.setText(QCoreApplication.translate("FirstRun", "&Remove"))


def form_rows(form: QFormLayout, fields: tuple[QWidget, ...]) -> list[QLabel]:
    """One row per field; the labels are returned to be worded by ``retranslate``."""
    labels = []
    for widget in fields:
        label = QLabel()
        label.setBuddy(widget)  # the label's &-shortcut moves to its field
        form.addRow(label, widget)
        labels.append(label)
    return labels


def indented(item: QWidget | QFormLayout) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addSpacing(24)
    if isinstance(item, QWidget):
        row.addWidget(item, 1)
    else:
        row.addLayout(item, 1)
    return row


def _login_name() -> str:
    try:
        return getpass.getuser().replace(".", " ").title()
    except (OSError, KeyError):  # no login name (a service account, a container)
        return ""
