"""The first-run wizard: language, business, line, users — then the desk opens.

Five short pages for the person who installs the program in the office. What
they choose is written in one go at the end (``save_answers``), and every page
has its twin in the settings dialog, so nothing here is final. Cancelling
writes nothing and the wizard comes back at the next start.

The answers and their saving are in ``ui.firstrun_answers``, the pages in
``ui.firstrun_pages`` and ``ui.firstrun_line``; here are the last page and the
wizard that strings them together.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QVBoxLayout, QWidget, QWizard

from customscreen.storage import passwords, settings, users
from customscreen.storage.store import Store
from ui import i18n
from ui.firstrun_answers import (
    DEMO,
    FRITZBOX,
    MODEM,
    SIP,
    Answers,
    needs_first_run,
    save_answers,
    sip_account,
)
from ui.firstrun_line import LinePage
from ui.firstrun_pages import BusinessPage, LanguagePage, Page, UsersPage, country_name

__all__ = ["Answers", "FirstRunWizard", "needs_first_run", "run_first_run", "save_answers"]

ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "customscreen.svg"


class ReadyPage(Page):
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
            SIP: sip_account(answers),  # never the password, even pasted in a field
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
        try:
            save_answers(self.store, self.answers())
        except passwords.PasswordError as exc:  # nowhere to keep it: nothing written
            QMessageBox.warning(
                self, QCoreApplication.translate("FirstRun", "SIP password"), str(exc))
            return
        super().accept()


def run_first_run(store: Store, parent: QWidget | None = None) -> bool:
    """Show the wizard; True when it was finished and the configuration written."""
    wizard = FirstRunWizard(store, parent)
    return wizard.exec() == QWizard.DialogCode.Accepted
