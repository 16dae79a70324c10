"""One call, one card: the ringing call's card and its row in the Calls tab are the
same call, known by its journal id."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from customscreen.calls import journal
from customscreen.storage.store import StoreError
from telephony.events import CallerId, Ended
from telephony.simulator import DemoLine

# A moment with microseconds, as every line's clock gives it.
RANG_AT = datetime(2026, 11, 23, 9, 14, 3, 654321, tzinfo=timezone(timedelta(hours=1)))


def test_double_clicking_a_ringing_call_in_the_calls_tab_raises_its_card(desk, qtbot,
                                                                        monkeypatch):
    desk.window.show()
    qtbot.waitExposed(desk.window)
    line = DemoLine("demo:", interval=0, ring=0)
    now = datetime.now().astimezone().replace(microsecond=654321)
    desk.board.receive(line, CallerId("ringing", now, "0536490123", "DUPONT SARL"))
    (card,) = desk.cards.cards
    raised = []
    monkeypatch.setattr(card, "raise_", lambda: raised.append(card))
    tab = desk.window.calls
    qtbot.waitUntil(lambda: tab.model.total > 0 and tab.model.record(0).id == card.call.call_id)
    assert tab.model.record(0).started_at == card.call.started_at

    rect = tab.table.visualRect(tab.model.index(0, 2))
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(tab.open_card, timeout=2000):
        QTest.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert desk.cards.cards == [card]
    assert raised == [card]


def test_the_live_call_and_its_journal_row_agree_to_the_second(desk):
    desk.board.receive(DemoLine("demo:"), CallerId("k", RANG_AT, "0536490123"))
    card = desk.cards.top()
    record = journal.get(desk.store, card.call.call_id)
    assert record.started_at == card.call.started_at == "2026-11-23T09:14:03+01:00"


def test_a_card_popped_while_the_disk_was_full_gets_its_id_when_journaled(desk, monkeypatch):
    store = desk.store
    real = store.transaction
    full = [True]

    def transaction():  # type: ignore[no-untyped-def]
        if full[0]:
            raise StoreError(f"{store.path}: the disk is full; free some space and try again")
        return real()

    monkeypatch.setattr(store, "transaction", transaction)
    line = DemoLine("demo:")
    desk.board.receive(line, CallerId("k", RANG_AT, "0536490123", "DUPONT SARL"))
    (card,) = desk.cards.cards
    assert card.call.call_id is None and not card.note_button.isEnabled()
    full[0] = False
    desk.board.receive(line, Ended("k", RANG_AT + timedelta(seconds=30)))
    assert desk.cards.cards == [card]
    assert card.call.call_id is not None and card.note_button.isEnabled()
    record = journal.get(store, card.call.call_id)
    assert record.started_at == card.call.started_at
    assert desk.open_card_for(record) is card
