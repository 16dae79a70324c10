"""French and English: switching retranslates the window and the cards at once."""

from __future__ import annotations

from datetime import datetime

from telephony.events import CallerId
from telephony.simulator import DemoLine


def test_switching_to_french_retranslates_the_window(desk, qtbot):
    assert desk.window.tab_title(0) == "Calls"
    desk.set_language("fr")
    qtbot.waitUntil(lambda: desk.window.tab_title(0) == "Appels")
    assert desk.window.tab_title(1) == "Contacts"
    assert desk.window.tab_title(2).startswith("File de messagerie")
    assert desk.window.file_menu.title() == "&Fichier"
    assert desk.mode.actions["priority"].text() == "&Jour chargé (priorité)"
    desk.set_language("en")
    qtbot.waitUntil(lambda: desk.window.tab_title(0) == "Calls")


def test_open_card_speaks_the_new_language(desk, qtbot):
    desk.board.receive(DemoLine("demo:", interval=0, ring=0),
                       CallerId("fr", datetime.now().astimezone(), "0353012233", "CABINET ROUX"))
    card = desk.cards.top()
    assert card.badge.text() == "Expired contract"
    desk.set_language("fr")
    qtbot.waitUntil(lambda: desk.cards.top().badge.text() == "Contrat expiré")


def test_routing_reasons_are_translated(desk, qtbot):
    from ui import i18n

    desk.set_language("fr")
    qtbot.waitUntil(lambda: desk.window.tab_title(0) == "Appels")
    assert i18n.reason("priority_no_contract", "Dupont SARL") == (
        "Jour chargé\u00a0: Dupont SARL n'a pas de contrat, mis en messagerie")
    assert i18n.contract("none") == "Aucun contrat"
