"""The first-run wizard's line page: where the desk hears the calls.

A modem on one of the serial ports found (proposed first when there is one),
a SIP account, a FRITZ!Box's call monitor, or the demo line. The page gives
plain values; ``ui.firstrun_answers.source_url`` makes the line's URL of them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from ui.firstrun_answers import DEMO, FRITZBOX, FRITZBOX_DEFAULT, MODEM, SIP
from ui.firstrun_pages import Page, form_rows, indented


class LinePage(Page):
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
        self.sip_labels = form_rows(
            self.sip_form, (self.sip_server, self.sip_user, self.sip_password)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.modem)
        layout.addLayout(indented(self.port))
        layout.addLayout(indented(self.no_port))
        layout.addWidget(self.sip)
        layout.addLayout(indented(self.sip_form))
        layout.addWidget(self.fritzbox)
        layout.addLayout(indented(self.fritzbox_host))
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

