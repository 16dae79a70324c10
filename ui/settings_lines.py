"""The Lines page of the settings: where calls come from, and a test for a SIP account."""

from __future__ import annotations

import importlib
import threading
import time
from urllib.parse import quote

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from customscreen.storage import passwords
from telephony.events import LineState, LineStatus
from telephony.source import Source, SourceError, open_source
from ui import i18n

# A PBX on the office network answers a REGISTER in well under a second; a
# few seconds covers a slow one without leaving the receptionist waiting.
SIP_TEST_SECONDS = 5.0


def serial_ports() -> list[tuple[str, str]]:
    """(device, description) of the serial ports, or none if the modem part is missing."""
    try:
        transport = importlib.import_module("telephony.modem.transport")
        return list(transport.list_ports())
    except (ImportError, AttributeError, OSError):
        return []


class LinesPage(QWidget):
    def __init__(self, urls: list[str]) -> None:
        super().__init__()
        self.sources = QPlainTextEdit("\n".join(urls))
        # No password in the example: the settings are in the database, which
        # goes to backups; a password is kept apart (customscreen.storage.passwords).
        self.sources.setPlaceholderText("modem:/dev/ttyUSB0\nsip://201@pbx.local\n"
                                        "fritzbox://192.168.178.1:1012\ndemo:")
        self.sources.setMaximumHeight(110)
        self.password_hint = QLabel(self.tr(
            "SIP passwords are kept apart from the settings, in the system keyring or a "
            "file only you can read: one typed in an address is moved there when you "
            "press OK, and the address is saved without it."))
        self.password_hint.setWordWrap(True)

        self.port = QComboBox()
        self.port.setEditable(True)
        for device, description in serial_ports():
            self.port.addItem(i18n.port_label(device, description), device)
        add_modem = QPushButton(self.tr("Add &modem"))
        add_modem.clicked.connect(self._add_modem)

        self.sip_user, self.sip_password = QLineEdit(), QLineEdit()
        self.sip_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sip_host, self.sip_voicemail = QLineEdit(), QLineEdit()
        self.sip_host.setPlaceholderText("pbx.local")
        self.sip_voicemail.setPlaceholderText("sip:*97@pbx.local")
        add_sip = QPushButton(self.tr("Add &SIP line"))
        add_sip.clicked.connect(self._add_sip)
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.clicked.connect(self.test_sip)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)

        self.fritz_host = QLineEdit()
        self.fritz_host.setPlaceholderText("192.168.178.1")
        add_fritz = QPushButton(self.tr("Add &FRITZ!Box"))
        add_fritz.clicked.connect(
            lambda: self._append(f"fritzbox://{self.fritz_host.text().strip()}:1012")
            if self.fritz_host.text().strip() else None)

        modem = QGroupBox(self.tr("Modem"))
        modem_row = QHBoxLayout(modem)
        modem_row.addWidget(self.port, 1)
        modem_row.addWidget(add_modem)
        sip = QGroupBox(self.tr("SIP account"))
        sip_form = QFormLayout(sip)
        sip_form.addRow(self.tr("User:"), self.sip_user)
        sip_form.addRow(self.tr("Password:"), self.sip_password)
        sip_form.addRow(self.tr("PBX:"), self.sip_host)
        sip_form.addRow(self.tr("Voicemail:"), self.sip_voicemail)
        sip_buttons = QHBoxLayout()
        sip_buttons.addWidget(add_sip)
        sip_buttons.addWidget(self.test_button)
        sip_buttons.addStretch(1)
        sip_form.addRow("", sip_buttons)
        sip_form.addRow("", self.test_result)
        fritz = QGroupBox(self.tr("FRITZ!Box"))
        fritz_row = QHBoxLayout(fritz)
        fritz_row.addWidget(self.fritz_host, 1)
        fritz_row.addWidget(add_fritz)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Lines, one address a line:")))
        layout.addWidget(self.sources)
        layout.addWidget(self.password_hint)
        layout.addWidget(modem)
        layout.addWidget(sip)
        layout.addWidget(fritz)
        layout.addStretch(1)
        self._probe: Source | None = None

    def urls(self) -> list[str]:
        return [u.strip() for u in self.sources.toPlainText().splitlines() if u.strip()]

    def keep_passwords_apart(self) -> list[str]:
        """The lines to save: a password typed in one goes to the keyring, not the settings.

        The field then shows the addresses as saved. Raises
        ``passwords.PasswordError`` when a password cannot be kept.
        """
        urls = [passwords.take_from_url(url) for url in self.urls()]
        if urls != self.urls():
            self.sources.setPlainText("\n".join(urls))
        return urls

    def _append(self, url: str | None) -> None:
        if url and url not in self.urls():
            self.sources.setPlainText("\n".join([*self.urls(), url]))

    def _add_modem(self) -> None:
        device = self.port.currentData() or self.port.currentText().split(" — ")[0].strip()
        if device:
            self._append(f"modem:{device}?profile=auto")

    def sip_url(self, with_secret: bool = False) -> str | None:
        """The line's URL; the saved one carries no password (it is kept apart)."""
        host = self.sip_host.text().strip()
        if not host:
            return None
        user = quote(self.sip_user.text().strip(), safe="")
        secret = quote(self.sip_password.text(), safe="")
        auth = (f"{user}:{secret}@" if with_secret and secret else f"{user}@") if user else ""
        voicemail = self.sip_voicemail.text().strip()
        return f"sip://{auth}{host}" + (f"?voicemail={voicemail}" if voicemail else "")

    def _add_sip(self) -> None:
        user, host = self.sip_user.text().strip(), self.sip_host.text().strip()
        if user and host and self.sip_password.text():
            # The keyring (or a file only this user reads), never the settings.
            passwords.set_sip_password(user, host, self.sip_password.text())
        self._append(self.sip_url())

    def test_sip(self) -> None:
        """Open the SIP line and wait a few seconds for it to say it is up."""
        url = self.sip_url(with_secret=True)
        if url is None:
            self.test_result.setText(self.tr("Type the PBX address first."))
            return
        try:
            self._probe = open_source(url)
        except (SourceError, OSError) as exc:
            self.test_result.setText(str(exc))
            return
        up, last = threading.Event(), [""]

        def emit(event: object) -> None:
            if isinstance(event, LineStatus):
                last[0] = event.detail or event.state.value
                if event.state is LineState.UP:
                    up.set()

        self._probe.start(emit)
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing…"))
        deadline = time.monotonic() + SIP_TEST_SECONDS
        poll = QTimer(self, interval=100)

        def check() -> None:
            if not up.is_set() and time.monotonic() < deadline:
                return
            poll.stop()
            assert self._probe is not None
            self._probe.stop()
            self.test_button.setEnabled(True)
            if up.is_set():
                self.test_result.setText(self.tr("The line is up: the PBX accepted the account."))
            else:
                self.test_result.setText(self.tr("No answer from the PBX: %1").replace(
                    "%1", last[0] or self.tr("nothing received")))

        poll.timeout.connect(check)
        poll.start()
