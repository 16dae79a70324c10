"""The first-run wizard's line page: where the desk hears the calls.

The demo line, a modem on one of the serial ports, a SIP account or a
FRITZ!Box's call monitor. Every serial port is asked ATI off the UI thread
(``line_checks.answering_modems``, about a second): a port is proposed only
when a modem answered there, else the demo line is, and the page says which
and why. It gives plain values; ``ui.firstrun_answers.source_url`` makes the
line's URL of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from ui import i18n
from ui.firstrun_answers import DEMO, FRITZBOX, FRITZBOX_DEFAULT, MODEM, SIP
from ui.firstrun_pages import Page, form_rows, indented

#: Asks the serial ports; gives the devices where a modem answered.
Probe = Callable[[list[str]], list[str]]
#: How often the page looks whether the search has ended (it never waits for it).
SEARCH_POLL_MS = 50
SEARCHING, NONE_ANSWERED, ANSWERED = "searching", "none", "answered"


def _answering_modems(devices: list[str]) -> list[str]:
    from customscreen.care.line_checks import answering_modems

    return answering_modems(devices)


class LinePage(Page):
    def __init__(self, ports: list[tuple[str, str]], probe: Probe = _answering_modems) -> None:
        super().__init__()
        self.search = SEARCHING
        self.answered: str | None = None  # the port where a modem answered
        self._by_hand = False  # the person chose a line: the search's result does not override
        self.choice = QButtonGroup(self)
        self.modem = QRadioButton()
        self.sip = QRadioButton()
        self.fritzbox = QRadioButton()
        self.demo = QRadioButton()
        for button in (self.modem, self.sip, self.fritzbox, self.demo):
            self.choice.addButton(button)
        self.port = QComboBox()
        self.port.setEditable(True)
        self.ports = ports
        self.answering: list[str] = []  # where a modem answered, once searched
        self.sip_server, self.sip_user, self.sip_password = QLineEdit(), QLineEdit(), QLineEdit()
        self.sip_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sip_server.setPlaceholderText("pbx.local")
        self.sip_user.setPlaceholderText("201")
        self.fritzbox_host = QLineEdit(FRITZBOX_DEFAULT)
        self.no_port = QLabel()
        self.no_port.setWordWrap(True)
        self.why = QLabel()  # which line is proposed, and why
        self.why.setWordWrap(True)
        self.sip_form = QFormLayout()
        self.sip_labels = form_rows(
            self.sip_form, (self.sip_server, self.sip_user, self.sip_password)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        # The demo first: it is what is proposed unless a modem answered.
        layout.addWidget(self.demo)
        layout.addWidget(self.modem)
        layout.addLayout(indented(self.port))
        layout.addLayout(indented(self.no_port))
        layout.addWidget(self.sip)
        layout.addLayout(indented(self.sip_form))
        layout.addWidget(self.fritzbox)
        layout.addLayout(indented(self.fritzbox_host))
        layout.addStretch(1)
        # The demo until a modem answers: a port listed is not a modem plugged in.
        self.demo.setChecked(True)
        self.no_port.setVisible(not ports)
        self.choice.buttonClicked.connect(self._chosen_by_hand)
        self.port.activated.connect(self._chosen_by_hand)
        self.port.lineEdit().textEdited.connect(self._chosen_by_hand)
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
        self._start_search(probe)

    def _start_search(self, probe: Probe) -> None:
        devices = [device for device, _ in self.ports]
        if not devices:
            self._searched([])
            return
        # The thread touches no Qt object: the page looks at its result on a
        # timer, so a wizard closed during the search has nothing to crash on.
        result: list[list[str]] = []
        threading.Thread(target=lambda: result.append(probe(devices)),
                         name="modem search", daemon=True).start()
        self._search_timer = QTimer(self)
        self._search_timer.setInterval(SEARCH_POLL_MS)
        self._search_timer.timeout.connect(lambda: result and self._searched(result[0]))
        self._search_timer.start()

    def _searched(self, answered: list[str]) -> None:
        if hasattr(self, "_search_timer"):
            self._search_timer.stop()
        self.search = ANSWERED if answered else NONE_ANSWERED
        self.answered = answered[0] if answered else None
        self.answering = answered
        self._fill_ports()
        if self.answered is not None and not self._by_hand:
            self.port.setCurrentIndex(self.port.findData(self.answered))
            self.modem.setChecked(True)
        self.retranslate()

    def _fill_ports(self) -> None:
        """The ports, those where a modem answered first, in words a person reads;
        what was chosen or typed stays."""
        chosen = self.port_device() if self.port.count() else ""
        typed = self.port.currentText() if self._by_hand else None
        answered = self.answering
        self.port.blockSignals(True)
        self.port.clear()
        for device, description in sorted(self.ports, key=lambda port: port[0] not in answered):
            label = i18n.port_label(device, description)
            if device in answered:
                label += " " + QCoreApplication.translate("FirstRun", "(a modem answers)")
            self.port.addItem(label, device)
        if chosen:
            self.port.setCurrentIndex(self.port.findData(chosen))
        if typed is not None and self.port.currentIndex() < 0:
            self.port.setEditText(typed)
        self.port.blockSignals(False)

    def _chosen_by_hand(self) -> None:
        self._by_hand = True

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
        self.why.setText(self._why())
        self._fill_ports()
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


    def _why(self) -> str:
        if self.search == SEARCHING:
            return QCoreApplication.translate(
                "FirstRun", "Looking for a modem on this computer's serial ports…")
        if self.search == ANSWERED:
            return QCoreApplication.translate(
                "FirstRun", "A modem answered on %1: it is chosen as the line."
            ).replace("%1", self.answered or "")
        return QCoreApplication.translate(
            "FirstRun",
            "No modem answered on this computer's serial ports: the demo line is chosen "
            "so you can try the program; add your line later in the settings.",
        )
