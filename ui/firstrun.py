"""The first-run wizard: language, business, line, users — then the desk opens.

Five short pages for the person who installs the program in the office. What
they choose is written in one go at the end (``save_answers``), and every page
has its twin in the settings dialog, so nothing here is final. Cancelling
writes nothing and the wizard comes back at the next start.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
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
    QWizard,
    QWizardPage,
)

from customscreen.storage import settings, users
from customscreen.storage.store import Store
from ui import i18n

ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "customscreen.svg"
# The countries our customers' lines are in, the first is the default.
REGIONS = ("FR", "BE", "CH", "LU", "MC", "CA", "GB", "DE", "ES", "IT")
# The FRITZ!Box's own address out of the box; most offices never change it.
FRITZBOX_DEFAULT = "192.168.178.1"
MODEM, SIP, FRITZBOX, DEMO = "modem", "sip", "fritzbox", "demo"
#: The identity the wizard asks for; the logo and signature wait for the settings dialog.
ASKED = (settings.BUSINESS_NAME, settings.BUSINESS_ADDRESS, settings.BUSINESS_PHONE,
         settings.BUSINESS_FAX, settings.BUSINESS_EMAIL)


@dataclass
class Answers:
    """What the wizard asked, as plain values: what ``save_answers`` writes."""

    language: str = "fr"
    business: dict[settings.Setting[str], str] = field(default_factory=dict)
    region: str = "FR"
    line: str = DEMO
    modem_port: str = ""
    sip_server: str = ""
    sip_user: str = ""
    sip_password: str = ""
    fritzbox_host: str = FRITZBOX_DEFAULT
    users: list[str] = field(default_factory=list)
    autostart: bool = False


def needs_first_run(store: Store) -> bool:
    """True until the wizard has been finished once.

    A database set up before the wizard existed (it has a line and users) is
    not asked again: the office is already working.
    """
    if settings.get(store, settings.FIRST_RUN_DONE):
        return False
    return not (settings.sources(store) and users.list_users(store))


def source_url(answers: Answers) -> str:
    """The ``sources`` line for the chosen line, without any password in it."""
    if answers.line == MODEM:
        return f"modem:{answers.modem_port.strip()}?profile=auto"
    if answers.line == SIP:
        return f"sip://{quote(answers.sip_user.strip(), safe='')}@{answers.sip_server.strip()}"
    if answers.line == FRITZBOX:
        return f"fritzbox://{answers.fritzbox_host.strip()}:1012"
    return "demo:"


def save_answers(store: Store, answers: Answers) -> None:
    """Write the configuration, the users and that the first run is done, in one transaction."""
    url = source_url(answers)
    if answers.line == SIP:
        url = _keep_sip_password(url, answers)
    values: dict[settings.Setting[Any], object] = {
        setting: answers.business.get(setting, "").strip() for setting in ASKED}
    values |= {
        settings.LANGUAGE: answers.language,
        settings.REGION: answers.region,
        settings.SOURCES: [url],
        settings.FIRST_RUN_DONE: True,
    }
    with store.transaction():
        settings.set_many(store, values)
        for name in answers.users:
            users.add_user(store, name)
        if answers.users and not settings.get(store, settings.CURRENT_USER):
            settings.put(store, settings.CURRENT_USER, answers.users[0])
    if answers.autostart:
        from customscreen.care import autostart

        autostart.enable()


def _keep_sip_password(url: str, answers: Answers) -> str:
    """The password goes to the keyring (``customscreen.care.passwords``), never the database.

    An install without that module keeps it in the URL, as the line expects.
    """
    try:
        from customscreen.care import passwords
    except ImportError:
        user, rest = url.removeprefix("sip://").split("@", 1)
        return f"sip://{user}:{quote(answers.sip_password, safe='')}@{rest}"
    passwords.set_sip_password(
        answers.sip_user.strip(), answers.sip_server.strip(), answers.sip_password
    )
    return url


# -- the pages ---------------------------------------------------------------------


class _Page(QWizardPage):
    """A page whose words are set in ``retranslate`` and set again when the language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the page's words; every page has its own."""


class LanguagePage(_Page):
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


class BusinessPage(_Page):
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
        self.labels = _form_rows(
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
            QCoreApplication.translate("FirstRun", "&Name:"),
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


class LinePage(_Page):
    def __init__(self, ports: list[tuple[str, str]]) -> None:
        super().__init__()
        self.choice = QButtonGroup(self)
        self.modem = QRadioButton()
        self.sip = QRadioButton()
        self.fritzbox = QRadioButton()
        self.demo = QRadioButton()
        for button in (self.modem, self.sip, self.fritzbox, self.demo):
            self.choice.addButton(button)
        self.port = QComboBox()
        self.port.setEditable(True)
        for device, description in ports:
            self.port.addItem(
                f"{device} — {description}" if description != device else device, device
            )
        self.sip_server, self.sip_user, self.sip_password = QLineEdit(), QLineEdit(), QLineEdit()
        self.sip_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sip_server.setPlaceholderText("pbx.local")
        self.sip_user.setPlaceholderText("201")
        self.fritzbox_host = QLineEdit(FRITZBOX_DEFAULT)
        self.no_port = QLabel()
        self.no_port.setWordWrap(True)
        self.sip_form = QFormLayout()
        self.sip_labels = _form_rows(
            self.sip_form, (self.sip_server, self.sip_user, self.sip_password)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.modem)
        layout.addLayout(_indented(self.port))
        layout.addLayout(_indented(self.no_port))
        layout.addWidget(self.sip)
        layout.addLayout(_indented(self.sip_form))
        layout.addWidget(self.fritzbox)
        layout.addLayout(_indented(self.fritzbox_host))
        layout.addWidget(self.demo)
        layout.addStretch(1)
        # With a modem plugged in, that is most likely the line; else try the demo.
        (self.modem if ports else self.demo).setChecked(True)
        self.no_port.setVisible(not ports)
        for signal in (
            self.choice.buttonToggled,
            self.port.currentTextChanged,
            self.sip_server.textChanged,
            self.sip_user.textChanged,
            self.fritzbox_host.textChanged,
        ):
            signal.connect(self._changed)
        self._changed()
        self.retranslate()

    def line(self) -> str:
        return {id(self.modem): MODEM, id(self.sip): SIP, id(self.fritzbox): FRITZBOX}.get(
            id(self.choice.checkedButton()), DEMO
        )

    def port_device(self) -> str:
        text = self.port.currentText()
        if self.port.currentIndex() >= 0 and text == self.port.itemText(self.port.currentIndex()):
            return str(self.port.currentData())
        return text.split(" — ")[0].strip()  # typed by hand: COM3, /dev/ttyACM0

    def _changed(self) -> None:
        line = self.line()
        self.port.setEnabled(line == MODEM)
        for widget in (self.sip_server, self.sip_user, self.sip_password):
            widget.setEnabled(line == SIP)
        self.fritzbox_host.setEnabled(line == FRITZBOX)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        line = self.line()
        if line == MODEM:
            return bool(self.port_device())
        if line == SIP:
            return bool(self.sip_server.text().strip() and self.sip_user.text().strip())
        if line == FRITZBOX:
            return bool(self.fritzbox_host.text().strip())
        return True

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "The telephone line"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun",
                "Where CustomScreen hears the calls. Other lines can be added "
                "later in the settings.",
            )
        )
        self.modem.setText(
            QCoreApplication.translate("FirstRun", "A caller-ID &modem on this computer")
        )
        self.no_port.setText(
            QCoreApplication.translate(
                "FirstRun",
                "No serial port found: plug the modem in, or type its port (COM3, /dev/ttyUSB0).",
            )
        )
        self.sip.setText(QCoreApplication.translate("FirstRun", "A &SIP account on the office PBX"))
        for label, text in zip(
            self.sip_labels,
            (
                QCoreApplication.translate("FirstRun", "Server:"),
                QCoreApplication.translate("FirstRun", "User:"),
                QCoreApplication.translate("FirstRun", "Password:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.fritzbox.setText(
            QCoreApplication.translate("FirstRun", "A &FRITZ!Box (its call monitor)")
        )
        self.fritzbox_host.setToolTip(
            QCoreApplication.translate(
                "FirstRun",
                "Switch the call monitor on by dialling #96*5* "
                "from a telephone plugged into the box.",
            )
        )
        self.demo.setText(
            QCoreApplication.translate("FirstRun", "Try the &demo line first (made-up calls)")
        )


class UsersPage(_Page):
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


class ReadyPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.autostart = QCheckBox()
        # On Windows the installer's "Start with Windows" task does this.
        self.autostart.setVisible(sys.platform.startswith("linux"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.autostart)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            self.summary.setText(wizard.summary())

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Ready"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Finish writes this configuration and opens the desk."
            )
        )
        self.autostart.setText(
            QCoreApplication.translate("FirstRun", "&Start CustomScreen when I log in")
        )
        self.initializePage()


def _form_rows(form: QFormLayout, fields: tuple[QWidget, ...]) -> list[QLabel]:
    """One row per field; the labels are returned to be worded by ``retranslate``."""
    labels = []
    for widget in fields:
        label = QLabel()
        label.setBuddy(widget)  # the label's &-shortcut moves to its field
        form.addRow(label, widget)
        labels.append(label)
    return labels


def _indented(item: QWidget | QFormLayout) -> QHBoxLayout:
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


class FirstRunWizard(QWizard):
    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        ports: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.language_switch = i18n.LanguageSwitch()
        language = i18n.resolve(settings.get(store, settings.LANGUAGE))
        self.language_switch.apply(language)
        if ports is None:
            from telephony.modem.transport import list_ports

            ports = list_ports()
        self.language_page = LanguagePage(self.language_switch, language)
        self.business_page = BusinessPage(
            settings.business(store), settings.get(store, settings.REGION) or "FR"
        )
        self.line_page = LinePage(ports)
        self.users_page = UsersPage(users.list_users(store))
        self.ready_page = ReadyPage()
        for page in (
            self.language_page,
            self.business_page,
            self.line_page,
            self.users_page,
            self.ready_page,
        ):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        icon = QIcon(str(ICON))
        self.setWindowIcon(icon)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon.pixmap(QSize(48, 48)))
        self.setMinimumSize(620, 480)
        self.setWindowTitle(QCoreApplication.translate("FirstRun", "CustomScreen — first start"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(
                QCoreApplication.translate("FirstRun", "CustomScreen — first start")
            )
        super().changeEvent(event)

    def answers(self) -> Answers:
        line = self.line_page
        return Answers(
            language=self.language_page.language(),
            business=self.business_page.values(),
            region=self.business_page.region.currentData(),
            line=line.line(),
            modem_port=line.port_device(),
            sip_server=line.sip_server.text(),
            sip_user=line.sip_user.text(),
            sip_password=line.sip_password.text(),
            fritzbox_host=line.fritzbox_host.text(),
            users=self.users_page.users(),
            autostart=self.ready_page.autostart.isChecked(),
        )

    def summary(self) -> str:
        answers = self.answers()
        line = {
            MODEM: QCoreApplication.translate("FirstRun", "modem on %1"),
            SIP: QCoreApplication.translate("FirstRun", "SIP account %1"),
            FRITZBOX: QCoreApplication.translate("FirstRun", "FRITZ!Box at %1"),
            DEMO: QCoreApplication.translate("FirstRun", "the demo line"),
        }[answers.line]
        where = {
            MODEM: answers.modem_port,
            SIP: f"{answers.sip_user}@{answers.sip_server}",
            FRITZBOX: answers.fritzbox_host,
            DEMO: "",
        }[answers.line]
        language = "Français" if answers.language == "fr" else "English"
        return "\n".join(
            [
                QCoreApplication.translate("FirstRun", "Language: %1").replace("%1", language),
                QCoreApplication.translate("FirstRun", "Business: %1").replace(
                    "%1", answers.business.get(settings.BUSINESS_NAME, "")
                ),
                QCoreApplication.translate("FirstRun", "Country of the line: %1").replace(
                    "%1", country_name(answers.region)
                ),
                QCoreApplication.translate("FirstRun", "Line: %1").replace(
                    "%1", line.replace("%1", where)
                ),
                QCoreApplication.translate("FirstRun", "Users: %1").replace(
                    "%1", ", ".join(answers.users)
                ),
                "",
                QCoreApplication.translate(
                    "FirstRun", "You can change all of this later in the settings."
                ),
            ]
        )

    def accept(self) -> None:
        save_answers(self.store, self.answers())
        super().accept()


def run_first_run(store: Store, parent: QWidget | None = None) -> bool:
    """Show the wizard; True when it was finished and the configuration written."""
    wizard = FirstRunWizard(store, parent)
    return wizard.exec() == QWizard.DialogCode.Accepted
