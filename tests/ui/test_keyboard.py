"""The keyboard reaches everything: Tab leaves the tables, F10 opens the menus, the
card's buttons are in the Call menu with shortcuts, Enter opens a contact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from customscreen import contacts
from customscreen.calls import callbacks
from telephony.events import CallerId
from telephony.simulator import DemoLine
from tests.ui.mnemonics import letter
from ui.callback_dialog import CallbackDialog
from ui.contact_editor import ContactEditor
from ui.mainwindow import TAB_CALLS, TAB_CONTACTS
from ui.settings_dialog import SettingsDialog

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def ring(desk, key: str, number: str, name: str | None = None) -> None:
    line = getattr(desk, "_test_line", None) or DemoLine("demo:", interval=0, ring=0)
    desk._test_line = line
    desk.board.receive(line, CallerId(key, datetime.now().astimezone(), number, name))


def at_the_desk(desk, qtbot) -> None:
    desk.show_window()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)


def dialog_opened_by(qtbot, kind: type, press: Callable[[], object]) -> dict[str, object]:
    """What the modal dialog of ``kind`` that ``press`` opens shows; it is then cancelled."""
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            seen["tries"] = int(seen.get("tries", 0)) + 1  # type: ignore[arg-type]
            if int(seen["tries"]) < 200:  # type: ignore[arg-type]
                QTimer.singleShot(10, look)
            return
        seen["title"] = dialog.windowTitle()
        if isinstance(dialog, ContactEditor):
            seen["name"] = dialog.name.text()
            seen["number"] = dialog.phones.item(0, 0).text() if dialog.phones.rowCount() else ""
        dialog.reject()

    QTimer.singleShot(0, look)
    press()
    qtbot.waitUntil(lambda: "title" in seen or int(seen.get("tries", 0)) >= 200)
    return seen


# -- Tab --------------------------------------------------------------------------


def test_tab_leaves_the_journal_table(desk, qtbot):
    at_the_desk(desk, qtbot)
    table = desk.window.calls.table
    desk.window.calls.select_row(0)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert desk.window.focusWidget() is not table
    # The arrows still move within it.
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1


def test_tab_leaves_every_table_of_the_desk(desk):
    window = desk.window
    for table in (window.calls.table, window.contacts.results, window.voicemail.table,
                  window.callbacks.table):
        assert not table.tabKeyNavigation(), table


# -- F10 --------------------------------------------------------------------------


def test_f10_opens_the_first_menu(desk, qtbot):
    at_the_desk(desk, qtbot)
    QTest.keyClick(desk.window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is desk.window.file_menu)
    desk.window.file_menu.close()


# -- the card's buttons in the Call menu ------------------------------------------------


def test_card_actions_are_enabled_only_while_a_card_is_up(desk, qtbot):
    window = desk.window
    actions = (window.caller_contact_action, window.callback_action,
               window.callback_later_action)
    assert not any(a.isEnabled() for a in actions)
    ring(desk, "a", "0536490123", "DUPONT SARL")
    assert all(a.isEnabled() for a in actions)
    assert all(a in window.call_menu.actions() for a in (*actions, window.print_action,
                                                         window.note_action))
    desk.cards.close_top()
    assert not any(a.isEnabled() for a in actions)


def test_ctrl_o_opens_the_callers_contact_as_the_cards_button_does(desk, qtbot):
    at_the_desk(desk, qtbot)
    ring(desk, "a", "0536490123", "DUPONT SARL")
    from_menu = dialog_opened_by(qtbot, ContactEditor,
                                 lambda: QTest.keyClick(desk.window, Qt.Key.Key_O, CTRL))
    assert from_menu["name"] == "Dupont SARL"
    from_card = dialog_opened_by(qtbot, ContactEditor, desk.cards.top().contact_button.click)
    assert from_menu == from_card


def test_ctrl_o_creates_a_contact_for_an_unknown_caller(desk, qtbot):
    at_the_desk(desk, qtbot)
    ring(desk, "b", "0639981234")
    assert desk.window.caller_contact_action.text().replace("&", "") == (
        "Create a contact for the caller")
    seen = dialog_opened_by(qtbot, ContactEditor,
                            lambda: QTest.keyClick(desk.window, Qt.Key.Key_O, CTRL))
    assert seen["number"] == "06 39 98 12 34"


def test_ctrl_r_asks_for_a_callback_and_ctrl_shift_r_books_one_in_six_months(desk, qtbot):
    at_the_desk(desk, qtbot)
    ring(desk, "a", "0536490123", "DUPONT SARL")
    caller = desk.cards.top().call.caller
    seen = dialog_opened_by(qtbot, CallbackDialog,
                            lambda: QTest.keyClick(desk.window, Qt.Key.Key_R, CTRL))
    assert "title" in seen
    at_the_desk(desk, qtbot)  # the desk has the keyboard back once the slip is cancelled
    before = callbacks.for_contact(desk.store, caller.id)
    QTest.keyClick(desk.window, Qt.Key.Key_R, CTRL | SHIFT)
    booked = [c for c in callbacks.for_contact(desk.store, caller.id) if c not in before]
    assert len(booked) == 1
    assert booked[0].due_at[:10] == callbacks.months_later(date.today(), 6).isoformat()[:10]
    assert booked[0].subject == "Call back in 6 months"


def test_ctrl_p_prints_the_top_cards_caller(desk):
    ring(desk, "a", "0536490123", "DUPONT SARL")
    assert desk.selected_contact_id() == desk.cards.top().call.caller.id


# -- Enter --------------------------------------------------------------------------


def test_enter_on_a_contact_opens_it(desk, qtbot):
    at_the_desk(desk, qtbot)
    desk.window.tabs.setCurrentIndex(TAB_CONTACTS)
    tab = desk.window.contacts
    tab.results.setCurrentCell(2, 0)
    tab.results.setFocus()
    qtbot.waitUntil(tab.results.hasFocus)
    name = contacts.get(desk.store, tab.current_id()).name
    seen = dialog_opened_by(qtbot, ContactEditor,
                            lambda: QTest.keyClick(tab.results, Qt.Key.Key_Return))
    assert seen["name"] == name


def test_enter_in_the_search_opens_the_contact_found(desk, qtbot):
    at_the_desk(desk, qtbot)
    desk.window.tabs.setCurrentIndex(TAB_CONTACTS)
    tab = desk.window.contacts
    tab.search.setText("Dupont SARL")
    seen = dialog_opened_by(qtbot, ContactEditor,
                            lambda: QTest.keyClick(tab.search, Qt.Key.Key_Return))
    assert seen["name"] == "Dupont SARL"


def test_enter_on_a_call_opens_its_callers_contact(desk, qtbot):
    at_the_desk(desk, qtbot)
    desk.window.tabs.setCurrentIndex(TAB_CALLS)
    calls = desk.window.calls
    row = next(r for r in range(calls.model.rowCount())
               if calls.model.record(r).contact_id is not None)
    calls.select_row(row)
    calls.table.setFocus()
    qtbot.waitUntil(calls.table.hasFocus)
    name = contacts.get(desk.store, calls.selected().contact_id).name
    seen = dialog_opened_by(qtbot, ContactEditor,
                            lambda: QTest.keyClick(calls.table, Qt.Key.Key_Return))
    assert seen["name"] == name


# -- the accepting buttons have their letter ---------------------------------------


def test_settings_ok_and_contact_save_have_a_letter(desk_store, qtbot):
    for dialog, role in ((SettingsDialog(desk_store), QDialogButtonBox.StandardButton.Ok),
                         (ContactEditor(desk_store, "FR"), QDialogButtonBox.StandardButton.Save)):
        qtbot.addWidget(dialog)
        box = dialog.findChild(QDialogButtonBox)
        button: QWidget = box.button(role)
        assert letter(button.text()), button.text()
