"""A contact created from an unknown caller's card: typed at once, a mobile as a mobile,
and the caller's earlier calls on the card and in the Calls tab."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from customscreen import contacts
from telephony.events import CallerId, Ended, Outcome
from telephony.simulator import DemoLine
from ui.contact_editor import ContactEditor

UNKNOWN_MOBILE = "0639981234"


def call(desk, key: str, at: datetime, number: str, ended: bool = True) -> None:
    line = getattr(desk, "_test_line", None) or DemoLine("demo:", interval=0, ring=0)
    desk._test_line = line
    desk.board.receive(line, CallerId(key, at, number, None))
    if ended:
        desk.board.receive(line, Ended(key, at + timedelta(minutes=1), Outcome.ANSWERED))


def create_from_card(desk, qtbot, card, typed: str) -> dict[str, object]:
    """Click the card's Create contact, type ``typed`` where the focus is, save."""
    seen: dict[str, object] = {}

    def in_editor() -> None:
        editor = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, ContactEditor) and w.isVisible())
        try:
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
            focused = QApplication.focusWidget()
            seen["focus_is_name"] = focused is editor.name
            qtbot.keyClicks(focused, typed)
            seen["name"] = editor.name.text()
            seen["number"] = editor.phones.item(0, 0).text()
            seen["kind"] = editor.phones.cellWidget(0, 1).currentData()
            editor.name.setText(typed)  # saved whatever the focus did, to check the rest
            editor.accept()
        finally:
            if editor.isVisible():  # a failed step must not leave the dialog open
                editor.reject()

    QTimer.singleShot(0, in_editor)
    card.contact_button.click()
    return seen


def test_the_editor_opened_from_a_card_takes_the_typing_and_knows_a_mobile(desk, qtbot):
    call(desk, "now", datetime.now().astimezone(), UNKNOWN_MOBILE, ended=False)
    card = desk.cards.top()
    seen = create_from_card(desk, qtbot, card, "Jean Durand")
    assert seen["focus_is_name"] is True
    assert seen["name"] == "Jean Durand"
    assert seen["number"] == "06 39 98 12 34"
    assert seen["kind"] == "mobile"
    durand = contacts.find_caller(desk.store, "+33639981234")
    assert durand is not None
    assert [p.label for p in contacts.require(desk.store, durand.id).phones] == ["mobile"]


def test_a_landline_is_prefilled_as_a_phone(desk, qtbot):
    call(desk, "now", datetime.now().astimezone(), "0145678901", ended=False)
    seen = create_from_card(desk, qtbot, desk.cards.top(), "Cabinet Leroy")
    assert seen["kind"] == "phone"


def test_the_new_contact_card_and_calls_tab_show_the_earlier_calls(desk, qtbot):
    now = datetime.now().astimezone().replace(microsecond=0)
    for i in (3, 2, 1):
        call(desk, f"earlier{i}", now - timedelta(minutes=10 * i), UNKNOWN_MOBILE)
    while desk.cards.close_top():
        pass
    call(desk, "now", now, UNKNOWN_MOBILE, ended=False)
    card = desk.cards.top()
    assert card.name_label.text() == "Unknown caller"
    create_from_card(desk, qtbot, card, "Jean Durand")

    assert card.name_label.text() == "Jean Durand"
    texts = [label.text() for label in card.findChildren(QLabel) if label.isVisible()]
    assert "No earlier call" not in texts
    history = [t for t in texts if " · Answered · " in t]
    assert len(history) == 3, texts

    contacts_tab = desk.window.contacts
    durand = contacts.find_caller(desk.store, "+33639981234")
    assert contacts_tab.current_id() == durand.id
    contacts_tab.calls_button.click()
    calls = desk.window.calls
    assert calls.contact_id == durand.id
    assert calls.model.total == 4  # the three earlier calls and the ringing one
    rows = [calls.model.record(row) for row in range(calls.model.total)]
    assert {r.display_name for r in rows} == {"Jean Durand"}
