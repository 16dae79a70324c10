"""Who took the call: only an answered call has a taker, in the journal and on paper."""

from __future__ import annotations

import csv
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.journal import CallFilter
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import CallAnnounced, Switchboard
from customscreen.contacts import Contact, Contract, Phone
from customscreen.paper import documents
from customscreen.storage.store import Store
from telephony.events import Answered, CallerId, Ended, Outcome
from telephony.simulator import DemoLine

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

T0 = datetime(2026, 11, 23, 9, 14, 3, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def board(store: Store) -> Switchboard:
    contacts.save(store, Contact(name="Dupont SARL", kind="company",
                                 phones=[Phone("+33536490123")], contract=Contract("none")))
    b = Switchboard(store, "FR", Mode.NORMAL, user="Claire")
    b.notices = []  # type: ignore[attr-defined]
    b.add_observer(b.notices.append)  # type: ignore[attr-defined]
    return b


def call_id(board: Switchboard) -> int:
    announced = [n for n in board.notices if isinstance(n, CallAnnounced)]  # type: ignore[attr-defined]
    assert announced[-1].call.id is not None
    return announced[-1].call.id


def raw_taker(store: Store, call: int) -> str | None:
    return store.one("SELECT handled_by FROM calls WHERE id = ?", (call,))[0]


def test_a_ringing_call_has_no_taker_and_a_missed_one_never_gets_one(board, store) -> None:
    line = DemoLine("demo:")
    board.receive(line, CallerId("m", T0, "0536490123", "DUPONT SARL"))
    call = call_id(board)
    assert raw_taker(store, call) is None
    # A modem cannot tell answered from missed: the call ends as missed.
    board.receive(line, Ended("m", T0 + timedelta(seconds=20), None, None))
    assert journal.get(store, call).outcome == "missed"
    assert raw_taker(store, call) is None


def test_the_taker_is_written_when_the_call_is_answered(board, store) -> None:
    line = DemoLine("demo:")
    board.receive(line, CallerId("a", T0, "0536490123", "DUPONT SARL"))
    call = call_id(board)
    board.receive(line, Answered("a", T0 + timedelta(seconds=5)))
    assert raw_taker(store, call) == "Claire"
    board.receive(line, Ended("a", T0 + timedelta(seconds=65), None, None))
    record = journal.get(store, call)
    assert (record.outcome, record.handled_by) == ("answered", "Claire")


def test_a_line_that_says_answered_only_at_the_end_still_names_the_taker(board, store) -> None:
    line = DemoLine("demo:")
    board.receive(line, CallerId("f", T0, "0536490123", "DUPONT SARL"))
    board.receive(line, Ended("f", T0 + timedelta(seconds=40), Outcome.ANSWERED, 30))
    assert journal.get(store, call_id(board)).handled_by == "Claire"


def test_a_note_written_while_it_rang_does_not_make_a_missed_call_taken(board, store) -> None:
    line = DemoLine("demo:")
    board.receive(line, CallerId("n", T0, "0536490123", "DUPONT SARL"))
    call = call_id(board)
    journal.set_note(store, call, "rappeler", handled_by="Claire")
    board.receive(line, Ended("n", T0 + timedelta(seconds=20), None, None))
    record = journal.get(store, call)
    assert record.note == "rappeler" and record.handled_by is None
    # Nor does a note written afterwards, from the journal.
    journal.set_note(store, call, "rappelé, pas de réponse", handled_by="Marc")
    assert raw_taker(store, call) is None


def old_wrong_rows(store: Store) -> None:
    """Rows as the desk wrote them before: the person at the desk on every popped call."""
    with store.transaction() as conn:
        for minute, outcome, decision in ((0, "missed", "pop"), (1, "diverted", "divert"),
                                          (2, "blocked", "block"), (3, "answered", "pop")):
            journal.open_call(
                conn, source="modem", source_key=f"old-{minute}",
                started_at=f"2026-11-23T09:{minute:02d}:00+01:00",
                ended_at=f"2026-11-23T09:{minute:02d}:30+01:00", raw_number="0536490123",
                number="+33536490123", presentation="available", decision=decision,
                reason_code="unknown_caller", outcome=outcome, duration_s=0,
                handled_by="Claire", note=f"{outcome} call",
            )


def test_rows_written_wrongly_before_show_no_taker_for_calls_nobody_answered(store,
                                                                          tmp_path) -> None:
    old_wrong_rows(store)
    takers = {r.outcome: r.handled_by for r in journal.page(store)}
    assert takers == {"missed": None, "diverted": None, "blocked": None, "answered": "Claire"}
    assert [r.outcome for r in journal.page(store, CallFilter(handled_by="Claire"))] == [
        "answered"]
    out = tmp_path / "calls.csv"
    journal.export_csv(store, out)
    with out.open(encoding="utf-8") as f:
        exported = {row["outcome"]: row["handled_by"] for row in csv.DictReader(f)}
    assert exported == {"missed": "", "diverted": "", "blocked": "", "answered": "Claire"}


def test_the_printed_call_log_names_a_taker_only_for_the_answered_call(store,
                                                                      tmp_path: Path) -> None:
    old_wrong_rows(store)
    out = tmp_path / "calllog.pdf"
    documents.print_calllog(store, None, None, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = [line for line in text.splitlines() if " call" in line]
    assert len(lines) == 4
    for line in lines:
        assert ("Claire" in line) == ("answered call" in line), line
