"""The desk names who took a call only when somebody answered it."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from customscreen import contacts
from customscreen.calls import journal
from telephony.events import CallerId
from telephony.simulator import DemoLine
from ui.calls_model import CallsModel


def old_rows_of_dupont(store) -> None:
    """Today's calls of Dupont as the desk journaled them before: Claire on every one."""
    dupont = contacts.find_caller(store, "+33536490123")
    now = datetime.now().astimezone().replace(microsecond=0)
    with store.transaction() as conn:
        for minutes, outcome, decision in ((3, "missed", "pop"), (2, "diverted", "divert"),
                                           (1, "answered", "pop")):
            at = now - timedelta(minutes=minutes)
            journal.open_call(
                conn, source="modem", source_key=f"old-{minutes}",
                started_at=at.isoformat(timespec="seconds"),
                ended_at=(at + timedelta(seconds=30)).isoformat(timespec="seconds"),
                raw_number="0536490123", number="+33536490123", presentation="available",
                contact_id=dupont.id, decision=decision, reason_code="known",
                outcome=outcome, duration_s=30 if outcome == "answered" else 0,
                handled_by="Claire", note=f"old {outcome}",
            )


def test_the_card_names_no_taker_for_the_missed_and_diverted_calls(desk):
    old_rows_of_dupont(desk.store)
    desk.board.receive(DemoLine("demo:", interval=0, ring=0),
                       CallerId("t", datetime.now().astimezone(), "0536490123", "DUPONT SARL"))
    lines = [w.text() for w in desk.cards.top().findChildren(QLabel) if "— old " in w.text()]
    by_outcome = {line.rsplit("old ", 1)[1]: line for line in lines}
    assert set(by_outcome) == {"missed", "diverted", "answered"}
    assert "Claire" in by_outcome["answered"]
    assert "Claire" not in by_outcome["missed"] and "Claire" not in by_outcome["diverted"]


def test_the_calls_tab_names_no_taker_for_the_missed_and_diverted_calls(desk):
    old_rows_of_dupont(desk.store)
    calls = desk.window.calls
    calls.refresh()
    model = calls.model
    note, taker = CallsModel.COLUMNS.index("note"), CallsModel.COLUMNS.index("handled_by")
    shown = {}
    for row in range(model.rowCount()):
        text = model.data(model.index(row, note), Qt.ItemDataRole.DisplayRole)
        if text and text.startswith("old "):
            shown[text] = model.data(model.index(row, taker), Qt.ItemDataRole.DisplayRole)
    assert shown == {"old missed": "", "old diverted": "", "old answered": "Claire"}


def test_a_note_saved_in_the_calls_tab_on_a_missed_call_names_no_taker(desk):
    old_rows_of_dupont(desk.store)
    with desk.store.transaction() as conn:
        conn.execute("UPDATE calls SET handled_by = NULL WHERE note = 'old missed'")
    calls = desk.window.calls
    calls.refresh()
    row = next(r for r in range(calls.model.rowCount())
               if calls.model.record(r).note == "old missed")
    calls.select_row(row)
    calls.note.setText("rappeler demain")
    calls.save_note()
    saved = next(r for r in journal.page(desk.store) if r.note == "rappeler demain")
    assert saved.outcome == "missed" and saved.handled_by is None
    assert desk.store.one("SELECT handled_by FROM calls WHERE id = ?", (saved.id,))[0] is None
