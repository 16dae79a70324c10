"""Busy days: non-contract callers go to the voicemail queue, which is worked later."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from customscreen.calls import callbacks, voicemail
from telephony.events import CallerId
from telephony.simulator import DemoLine
from ui.callback_dialog import CallbackDialog


def queue_count(desk) -> int:
    match = re.search(r"\((\d+)\)", desk.window.tab_title(2))
    return int(match.group(1)) if match else 0


def test_priority_mode_diverts_a_non_contract_caller_without_a_card(desk):
    desk.mode.set_mode("priority")
    before = queue_count(desk)
    line = DemoLine("demo:", interval=0, ring=0)
    desk.board.receive(line, CallerId("x", datetime.now().astimezone(), "0353012233",
                                      "CABINET ROUX"))
    assert desk.cards.cards == []
    assert queue_count(desk) == before + 1
    assert desk.tray.new_messages == before + 1
    assert "voicemail" in desk.tray.tooltip()


def test_priority_mode_still_pops_a_caller_under_contract(desk):
    desk.mode.set_mode("priority")
    line = DemoLine("demo:", interval=0, ring=0)
    desk.board.receive(line, CallerId("y", datetime.now().astimezone(), "0536490123",
                                      "DUPONT SARL"))
    card = desk.cards.top()
    assert card.name_label.text() == "Dupont SARL"
    assert card.reason_label.text() == "Dupont SARL is under contract"


def test_forwarding_a_queue_item_creates_a_callback_for_the_colleague(desk):
    desk.mode.set_mode("priority")
    line = DemoLine("demo:", interval=0, ring=0)
    desk.board.receive(line, CallerId("z", datetime.now().astimezone(), "0353012233",
                                      "CABINET ROUX"))
    tab = desk.window.voicemail
    row = next(n for n, i in enumerate(tab.items) if i.raw_number == "0353012233"
               and i.state == "new")
    tab.table.setCurrentCell(row, 0)
    item = tab.current()
    slip = CallbackDialog(desk.store, item.caller_name, date.today() + timedelta(days=2),
                          None, tab)
    slip.colleague.setCurrentIndex(slip.colleague.findData("Marc"))
    slip.subject.setText("Renouvellement du contrat")
    new_before = queue_count(desk)

    callback_id = tab.forward(slip)

    made = next(c for c in callbacks.open_callbacks(desk.store, "Marc") if c.id == callback_id)
    assert made.caller_name == "Cabinet Roux"
    assert made.subject == "Renouvellement du contrat"
    assert made.due_at == (date.today() + timedelta(days=2)).isoformat()
    assert voicemail.get(desk.store, item.id).state == "forwarded"
    assert queue_count(desk) == new_before - 1


def test_marking_a_forwarded_callback_done_marks_the_caller_called_back(desk):
    desk.mode.set_mode("priority")
    line = DemoLine("demo:", interval=0, ring=0)
    desk.board.receive(line, CallerId("w", datetime.now().astimezone(), "0353012233",
                                      "CABINET ROUX"))
    tab = desk.window.voicemail
    row = next(n for n, i in enumerate(tab.items) if i.raw_number == "0353012233")
    tab.table.setCurrentCell(row, 0)
    item = tab.current()
    slip = CallbackDialog(desk.store, item.caller_name, date.today(), "Sophie", tab)
    callback_id = tab.forward(slip)
    board = desk.window.callbacks
    board.view.setCurrentIndex(board.view.findData("today"))
    board.table.setCurrentCell(next(n for n, c in enumerate(board.rows) if c.id == callback_id), 0)

    board.mark_done("Devis de renouvellement envoyé")

    assert callback_id not in [c.id for c in callbacks.open_callbacks(desk.store)]
    assert voicemail.get(desk.store, item.id).state == "called_back"
