"""Every Alt+letter of every window reaches one thing, in English and in French."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from customscreen.storage import settings
from telephony.events import CallerId
from telephony.simulator import DemoLine
from tests.ui.mnemonics import letter, menu_clashes, window_clashes
from ui.contact_editor import ContactEditor
from ui.documents_dialog import DocumentsDialog
from ui.firstrun import FirstRunWizard
from ui.settings_dialog import SettingsDialog

LANGUAGES = ("en", "fr")


def test_the_letter_of_a_text_is_the_one_after_its_ampersand():
    assert letter("C&alls") == "a"
    assert letter("Dupont && Fils") is None
    assert letter("R&&D &tools") == "t"
    assert letter("Calls") is None


def _speak(desk, qtbot, language: str) -> None:
    desk.set_language(language)
    calls = "Appels" if language == "fr" else "Calls"
    qtbot.waitUntil(lambda: desk.window.tab_title(0) == calls)
    QApplication.processEvents()


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_window_menus_tabs_and_buttons_share_no_letter(desk, qtbot, language):
    _speak(desk, qtbot, language)
    desk.show_window()
    qtbot.waitExposed(desk.window)
    found = window_clashes(desk.window, "desk")
    found += menu_clashes(desk.tray.menu, "tray")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dialogs_share_no_letter(desk, desk_store, qtbot, language):
    _speak(desk, qtbot, language)
    contact_id = desk.window.contacts.current_id()
    from customscreen import contacts

    found: list[str] = []
    dialogs = {
        "settings": SettingsDialog(desk_store, desk.window),
        "new contact": ContactEditor(desk_store, "FR", number="+33639981234"),
        "contact": ContactEditor(desk_store, "FR", contacts.get(desk_store, contact_id)),
        "documents": DocumentsDialog(desk_store, "FR", "Claire", contact_id, desk.window),
    }
    for name, dialog in dialogs.items():
        _shown(qtbot, dialog)
        if name == "documents":  # each kind of document has its own fields
            for index in range(dialog.kind.count()):
                dialog.kind.setCurrentIndex(index)
                QApplication.processEvents()
                found += window_clashes(dialog, f"{name} ({dialog.kind.currentText()})")
        else:
            found += window_clashes(dialog, name)
        dialog.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_cards_share_no_letter(desk, qtbot, language):
    _speak(desk, qtbot, language)
    line = DemoLine("demo:", interval=0, ring=0)
    found: list[str] = []
    for key, number, name in (("known", "0536490123", "DUPONT SARL"),
                              ("unknown", "0639981234", None)):
        desk.board.receive(line, CallerId(key, datetime.now().astimezone(), number, name))
        card = desk.cards.top()
        found += window_clashes(card, f"card of {key} caller")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_run_wizard_pages_share_no_letter(qtbot, store, language):
    settings.put(store, settings.LANGUAGE, language)
    wizard = _shown(qtbot, FirstRunWizard(store, ports=[("/dev/ttyUSB0", "USB modem")]))
    wizard.business_page.name.setText("Plomberie Dupont SARL")
    wizard.users_page.new_name.setText("Claire")
    found: list[str] = []
    try:
        for _ in wizard.pageIds():
            found += window_clashes(wizard, f"wizard, {wizard.currentPage().title()}")
            wizard.next()
            QApplication.processEvents()
    finally:
        wizard.language_switch.apply("en")
    assert not found, "\n".join(found)
