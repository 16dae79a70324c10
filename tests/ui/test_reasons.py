"""Why a call went where it went: the desk translates routing's code, and keeps
the Reason field for what a person writes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from customscreen import contacts
from customscreen.calls import journal
from customscreen.contacts import Contact, Contract, Phone
from telephony.events import CallerId, Ended, Outcome
from telephony.simulator import DemoLine
from ui.calls_model import CallsModel


def ring(desk, key: str, number: str, name: str | None = None) -> None:
    line = getattr(desk, "_test_line", None) or DemoLine("demo:", interval=0, ring=0)
    desk._test_line = line
    desk.board.receive(line, CallerId(key, datetime.now().astimezone(), number, name))


def select_call(desk, call_id: int) -> None:
    tab = desk.window.calls
    tab.refresh()
    row = next(r for r in range(tab.model.total) if tab.model.record(r).id == call_id)
    tab.select_row(row)


def test_a_contact_named_like_a_reason_does_not_change_what_the_desk_says(desk):
    contacts.save(desk.store, Contact(name="Unknown number Ltd", kind="company",
                                      phones=[Phone("+33320000001")],
                                      contract=Contract("active")))
    ring(desk, "normal", "0320000001")
    live = desk.cards.top()
    call_id = live.call.call_id
    assert journal.get(desk.store, call_id).reason_code == "known"
    select_call(desk, call_id)
    tab = desk.window.calls
    assert tab.routing.text() == "Known caller: Unknown number Ltd"
    assert tab.reason.text() == ""  # nothing a person wrote
    decision = tab.table.currentIndex().siblingAtColumn(CallsModel.COLUMNS.index("decision"))
    assert tab.model.data(decision, Qt.ItemDataRole.ToolTipRole) == (
        "Known caller: Unknown number Ltd")
    live.close()

    desk.mode.set_mode("priority")
    ring(desk, "busy", "0320000001")
    live = desk.cards.top()
    assert live.reason_label.text() == "Unknown number Ltd is under contract"
    live.close()
    journaled = desk.open_card_for(journal.get(desk.store, live.call.call_id))
    assert journaled.call.code == "contract_active"
    assert journaled.reason_label.text() == "Unknown number Ltd is under contract"


def test_the_french_desk_says_why_in_french_and_keeps_reason_for_people(desk, qtbot):
    desk.set_language("fr")
    qtbot.waitUntil(lambda: desk.window.tab_title(0) == "Appels")
    desk.mode.set_mode("priority")
    ring(desk, "roux", "0353012233", "CABINET ROUX")
    desk.board.receive(desk._test_line, Ended("roux", datetime.now().astimezone(),
                                              Outcome.DIVERTED))
    desk.window.voicemail.refresh()
    item = next(i for i in desk.window.voicemail.items if i.raw_number == "0353012233")
    expected = "Jour chargé\u00a0: le contrat de Cabinet Roux a expiré, mis en messagerie"
    card = desk.open_card_for(journal.get(desk.store, item.call_id))
    assert card.reason_label.text() == expected
    assert card.written_reason_label is None
    select_call(desk, item.call_id)
    tab = desk.window.calls
    assert tab.routing.text() == expected and tab.reason.text() == ""

    tab.reason.setText("veut renouveler son contrat")
    tab.save_note()
    record = journal.get(desk.store, item.call_id)
    assert (record.reason_code, record.reason) == ("priority_expired",
                                                   "veut renouveler son contrat")
    card.close()
    card = desk.open_card_for(record)
    assert card.reason_label.text() == expected
    assert card.written_reason_label.text() == "veut renouveler son contrat"  # as written
