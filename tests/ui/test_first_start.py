"""The first start as a new office lives it: the line page proposes what works
here, and the desk's first words after the wizard are calm and in its language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from customscreen.storage import settings
from customscreen.storage.store import Store
from telephony.modem.fake import FakeModem
from ui import i18n
from ui.firstrun import FirstRunWizard
from ui.firstrun_line import SEARCHING
from ui.user_dialog import UserDialog


@pytest.fixture(autouse=True)
def english_afterwards():
    """The wizard switches the application's language; put it back for the other tests."""
    locale = QLocale()
    yield
    i18n.LanguageSwitch().apply("en")
    QLocale.setDefault(locale)


@pytest.fixture
def silent_port():
    """A serial port with nothing behind it: it opens, and nobody ever answers ATI."""
    master, slave = os.openpty()
    yield os.ttyname(slave)
    os.close(slave)
    os.close(master)


def _wizard(qtbot, store: Store, ports: list[tuple[str, str]], french: bool) -> FirstRunWizard:
    wizard = FirstRunWizard(store, ports=ports)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    (wizard.language_page.french if french else wizard.language_page.english).setChecked(True)
    wizard.next()
    wizard.business_page.name.setText("Plomberie Dupont SARL")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.line_page.search != SEARCHING, timeout=5000)
    return wizard


def _port_labels(wizard: FirstRunWizard) -> list[str]:
    port = wizard.line_page.port
    return [port.itemText(index) for index in range(port.count())]


def test_no_modem_answering_proposes_the_demo_line_and_says_why(
        qtbot, store: Store, tmp_path: Path, silent_port: str) -> None:
    # /dev/ttyS0 is listed on every PC, with or without anything behind it.
    ports = [(str(tmp_path / "ttyS0"), "n/a"), (silent_port, "n/a")]
    wizard = _wizard(qtbot, store, ports, french=False)
    page = wizard.line_page
    assert page.demo.isChecked(), "no modem answered: the demo line is proposed"
    assert not page.modem.isChecked()
    assert page.why.isVisible()
    assert page.why.text().startswith("No modem answered on this computer's serial ports: "
                                      "the demo line is chosen")
    wizard.next()
    wizard.users_page.new_name.setText("Claire")
    wizard.next()
    wizard.accept()
    assert settings.sources(store) == ["demo:"]


def test_the_port_where_a_modem_answers_is_proposed(qtbot, store: Store,
                                                     tmp_path: Path) -> None:
    with FakeModem() as modem:
        ports = [(str(tmp_path / "ttyS0"), "n/a"), (modem.device, "USB Modem CX93010")]
        wizard = _wizard(qtbot, store, ports, french=False)
        page = wizard.line_page
        assert page.modem.isChecked(), "a modem answered: it is the line"
        assert page.port_device() == modem.device
        assert page.why.text() == f"A modem answered on {modem.device}: it is chosen as the line."
        assert "ATI" in modem.commands
        wizard.next()
        wizard.users_page.new_name.setText("Claire")
        wizard.next()
        wizard.accept()
    assert settings.sources(store) == [f"modem:{modem.device}?profile=auto"]


def test_a_port_without_description_is_said_so_in_french(qtbot, store: Store,
                                                          tmp_path: Path) -> None:
    device = str(tmp_path / "ttyS0")
    wizard = _wizard(qtbot, store, [(device, "n/a")], french=True)
    assert _port_labels(wizard) == [f"{device} — aucune description"]
    assert wizard.line_page.why.text().startswith(
        "Aucun modem n'a répondu sur les ports série de cet ordinateur")


def _accept_user_dialogs() -> QTimer:
    """Who is at the desk? The first user the wizard wrote, as a person would click OK."""
    timer = QTimer()
    timer.setInterval(20)

    def accept() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, UserDialog) and widget.isVisible():
                widget.accept()

    timer.timeout.connect(accept)
    timer.start()
    return timer


def test_after_the_wizard_the_desk_says_nothing_alarming_and_speaks_french(
        qtbot, store: Store) -> None:
    from ui.app import open_desk

    wizard = _wizard(qtbot, store, [], french=True)
    wizard.next()
    wizard.users_page.new_name.setText("Claire")
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted

    language = i18n.LanguageSwitch()
    language.apply(settings.get(store, settings.LANGUAGE))
    clicker = _accept_user_dialogs()
    desk = open_desk(store, None, language)
    clicker.stop()
    try:
        shown = [desk.window.statusBar().currentMessage()]
        desk.window.statusBar().messageChanged.connect(shown.append)
        balloons: list[str] = []
        desk.tray.message_shown.connect(lambda _title, text: balloons.append(text))
        if desk.tray.last_message:
            balloons.append(desk.tray.last_message[1])
        # The brand-new journal's first backup is simply taken, and said in French.
        qtbot.waitUntil(lambda: any(s.startswith("Sauvegarde quotidienne écrite et vérifiée")
                                    for s in shown), timeout=15000)
        assert list((store.path.parent / "backups").glob("customscreen-*.sqlite"))
        said = [text for text in shown if text]
        assert said[0].startswith("Sauvegarde quotidienne écrite et vérifiée"), said
        english = ("never been backed up", "daily backup", "backed up", "last verified backup")
        assert not any(words in text for text in said + balloons for words in english), \
            said + balloons
        assert not any("sauvegard" in text.lower() for text in balloons), \
            "a backup taken as planned interrupts nobody"
    finally:
        desk.stop()
        desk.window.close()
        desk.window.deleteLater()
        desk.tray.menu.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _codes_told() -> set[str]:
    """Every code the chores and the start-up can tell, read from their source."""
    import re

    root = Path(__file__).resolve().parents[2] / "customscreen"
    found: set[str] = set()
    for module in ("care/chores.py", "storage/backup_schedule.py", "storage/settings.py"):
        found |= set(re.findall(r'Bulletin\(\s*"(\w+)"', (root / module).read_text()))
    return found


def test_every_bulletin_the_desk_shows_is_in_french(desk, store: Store) -> None:
    from datetime import datetime, timedelta

    from customscreen.bulletins import Bulletin
    from customscreen.storage import backup_schedule

    desk.set_language("fr")
    store.set_setting("backup.last_ok", (datetime.now().astimezone()
                                         - timedelta(days=5)).isoformat())
    overdue = backup_schedule.backup_bulletin(store)
    assert overdue is not None
    values = {"path": "/nas/customscreen-1.sqlite", "problem": "disque plein", "count": "2",
              "database": "journal.sqlite", "account": "201@pbx.local", "where": "le trousseau",
              "before": "2024-01-01", "action": "delete", "months": "24"}
    told = [overdue] + [Bulletin(code, f"English for {code}", values, warning=True)
                        for code in sorted(_codes_told() - {"backup_overdue"})]
    assert {"backup_written", "backup_failed", "backup_set_aside", "backup_never",
            "erasures_reapplied", "password_moved"} <= {b.code for b in told}
    for bulletin in told:
        desk.chores_report(bulletin)
        shown = desk.window.statusBar().currentMessage()
        assert shown != bulletin.text and "English for" not in shown, bulletin.code
        assert desk.tray.last_message == ("CustomScreen", shown)
