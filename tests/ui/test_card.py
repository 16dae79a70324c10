"""The caller card pops, shows who calls, follows late names, stacks and closes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from customscreen.calls import callbacks, journal
from telephony.events import CallerId, Ended, Outcome
from telephony.simulator import DemoLine
from ui.contact_editor import ContactEditor


def ring(desk, key: str, number: str | None, name: str | None = None) -> None:
    line = getattr(desk, "_test_line", None) or DemoLine("demo:", interval=0, ring=0)
    desk._test_line = line
    desk.board.receive(line, CallerId(key, datetime.now().astimezone(), number, name))


def test_contract_caller_pops_card_with_name_and_badge(desk):
    ring(desk, "k1", "0536490123", "DUPONT SARL")
    card = desk.cards.top()
    assert card is not None and card.isVisible()
    assert card.name_label.text() == "Dupont SARL"
    assert card.badge.text() == "Active contract"
    assert "05 36 49 01 23" in [w.text() for w in card.findChildren(type(card.name_label))]


def test_card_never_takes_the_keyboard_and_sits_by_the_tray(desk):
    ring(desk, "k1", "0536490123", "DUPONT SARL")
    card = desk.cards.top()
    flags = card.windowFlags()
    for flag in (Qt.WindowType.Tool, Qt.WindowType.FramelessWindowHint,
                 Qt.WindowType.WindowStaysOnTopHint, Qt.WindowType.WindowDoesNotAcceptFocus):
        assert flags & flag
    assert card.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert card.geometry().right() <= area.right()
    assert card.geometry().bottom() <= area.bottom()
    assert card.geometry().right() > area.center().x()


def test_name_arriving_later_updates_the_same_card(desk):
    ring(desk, "k2", "0639981234")
    card = desk.cards.top()
    assert card.name_label.text() == "Unknown caller"
    ring(desk, "k2", "0639981234", "DURAND JEAN")
    assert desk.cards.cards == [card]
    assert card.name_label.text() == "DURAND JEAN"


def test_unknown_caller_card_shows_hint_and_creates_the_contact_with_its_number(desk):
    ring(desk, "k3", "0639981234")
    card = desk.cards.top()
    assert card.badge is None
    assert "mobile" in card.hint_label.text()
    assert card.contact_button.text().replace("&", "") == "Create contact"
    prefilled = []

    def fill_in_editor() -> None:
        editor = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, ContactEditor) and w.isVisible())
        try:
            prefilled.append(editor.phones.item(0, 0).text())
            editor.name.setText("Jean Durand")
            editor.accept()
        finally:
            if editor.isVisible():  # a failed assertion must not leave the dialog open
                editor.reject()

    QTimer.singleShot(0, fill_in_editor)
    card.contact_button.click()
    assert prefilled == ["06 39 98 12 34"]
    assert card.name_label.text() == "Jean Durand"
    assert card.badge.text() == "No contract"


def test_two_calls_at_once_stack_the_second_card_above_the_first(desk):
    ring(desk, "a", "0536490123", "DUPONT SARL")
    ring(desk, "b", "0465710011", "BOULANGERIE")
    first, second = desk.cards.cards
    assert second.name_label.text() == "Boulangerie"
    assert second.geometry().bottom() < first.geometry().top()


def test_escape_closes_the_top_card(desk, qtbot):
    ring(desk, "a", "0536490123", "DUPONT SARL")
    ring(desk, "b", "0465710011", "BOULANGERIE")
    desk.window.show()
    qtbot.waitExposed(desk.window)
    desk.window.activateWindow()
    QTest.keyClick(desk.window, Qt.Key.Key_Escape)
    assert [c.name_label.text() for c in desk.cards.cards] == ["Dupont SARL"]
    QTest.keyClick(desk.cards.top(), Qt.Key.Key_Escape)
    assert desk.cards.cards == []


def test_note_from_the_card_is_journaled_with_its_author(desk):
    ring(desk, "n", "0536490123", "DUPONT SARL")
    card = desk.cards.top()
    desk.add_note(card.call, "Chaudière en panne, passer demain")
    record = journal.get(desk.store, card.call.call_id)
    assert record.note == "Chaudière en panne, passer demain"
    assert record.handled_by == "Claire"


def test_callback_in_six_months_is_one_click(desk):
    ring(desk, "c", "0536490123", "DUPONT SARL")
    card = desk.cards.top()
    before = len(callbacks.for_contact(desk.store, card.call.caller.id))
    card.six_months_button.click()
    made = callbacks.for_contact(desk.store, card.call.caller.id)
    assert len(made) == before + 1
    newest = max(made, key=lambda c: c.id)
    assert newest.assigned_to == "Claire"
    assert newest.due_at > datetime.now().date().isoformat()


def test_diverted_call_card_opened_from_the_queue_says_why(desk):
    desk.mode.set_mode("priority")
    ring(desk, "d", "0353012233", "CABINET ROUX")
    desk.board.receive(desk._test_line, Ended("d", datetime.now().astimezone(), Outcome.DIVERTED))
    desk.window.voicemail.refresh()
    item = next(i for i in desk.window.voicemail.items if i.raw_number == "0353012233")
    card = desk.open_card_for(journal.get(desk.store, item.call_id))
    assert card.badge.text() == "Expired contract"
    assert card.reason_label.text() == (
        "Busy day: Cabinet Roux's contract has expired, sent to voicemail")


def test_a_foreign_unknown_number_names_its_country(desk, qtbot):
    from datetime import datetime

    from telephony.events import CallerId
    from telephony.simulator import DemoLine

    desk.board.receive(DemoLine("demo:"), CallerId("uk", datetime.now().astimezone(),
                                                   "00442079460123"))
    card = desk.cards.top()
    assert card.hint_label.text() == "United Kingdom, landline"
    desk.board.receive(DemoLine("demo:"), CallerId("fr", datetime.now().astimezone(),
                                                   "0639981234"))
    assert desk.cards.top().hint_label.text() == "mobile"  # home country goes unsaid


def test_card_shows_no_override_nor_control_of_a_name_written_before(desk, desk_store):
    """A name stored before names were cleaned (an old import) still reads in order."""
    from customscreen.contacts import text

    forged = "\u202eSARL Dupont\x00"
    with desk_store.transaction() as conn:
        contact_id = conn.execute(
            "INSERT INTO contacts(kind, name, email, address, notes, always, blocked, "
            "updated_at, created_at) VALUES ('company', ?, '', '', '', 0, 0, '', '')",
            (forged,)).lastrowid
        conn.execute("INSERT INTO phones(contact_id, e164, label) VALUES (?, '+33536497777', "
                     "'phone')", (contact_id,))
        conn.execute("INSERT INTO custom_fields(contact_id, key, value) VALUES (?, ?, ?)",
                     (contact_id, "Gérant\u2067", forged))
    ring(desk, "forged", "0536497777", forged)
    card = desk.cards.top()
    shown = [w.text() for w in card.findChildren(type(card.name_label))]
    assert card.name_label.text() == "SARL Dupont"
    assert "SARL Dupont" in shown and "Gérant" in shown
    assert all(ch not in text.BIDI_CONTROLS | text.CONTROLS for line in shown for ch in line)


def test_card_of_a_contact_with_many_fields_shows_a_few_and_says_how_many_more(
        desk, desk_store):
    """100,000 fields once took the card 84 s to build: it lays out a dozen."""
    from ui.card import CARD_FIELDS

    with desk_store.transaction() as conn:
        contact_id = conn.execute(
            "INSERT INTO contacts(kind, name, email, address, notes, always, blocked, "
            "updated_at, created_at) VALUES ('person', 'Large Card', '', '', '', 0, 0, '', '')"
        ).lastrowid
        conn.execute("INSERT INTO phones(contact_id, e164, label) VALUES (?, '+33536498888', "
                     "'phone')", (contact_id,))
        conn.executemany("INSERT INTO custom_fields(contact_id, key, value) VALUES (?, ?, ?)",
                         [(contact_id, f"Column {i}", f"value {i}") for i in range(100_000)])
    ring(desk, "large", "0536498888")
    card = desk.cards.top()
    shown = [w.text() for w in card.findChildren(type(card.name_label))]
    values = [t for t in shown if t.startswith("value ")]
    assert values == [f"value {i}" for i in range(CARD_FIELDS)]
    (more,) = [t for t in shown if t.endswith("more on the contact's page")]
    assert "".join(ch for ch in more if ch.isdigit()) == str(100_000 - CARD_FIELDS)
