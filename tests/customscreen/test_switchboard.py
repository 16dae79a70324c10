"""From line events to journaled calls, cards and the voicemail queue."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from customscreen import contacts
from customscreen.calls import journal, voicemail
from customscreen.calls.announce import as_json
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import (
    CallAnnounced,
    CallFinished,
    CallUpdated,
    JournalAlarm,
    LineChanged,
    Switchboard,
)
from customscreen.contacts import Contact, Contract, Phone
from customscreen.storage.store import StoreError
from telephony.events import (
    Answered,
    CallerId,
    Ended,
    LineState,
    LineStatus,
    Outcome,
    Presentation,
    Ring,
)
from telephony.simulator import DemoLine

T0 = datetime(2026, 11, 23, 9, 14, 3, tzinfo=timezone(timedelta(hours=1)))


class ListeningLine(DemoLine):
    """A line that records what the switchboard asked it to divert."""

    def __init__(self, can_divert: bool = True) -> None:
        super().__init__("demo:")
        self._can = can_divert
        self.diverted: list[tuple[str, str]] = []

    def divert(self, key: str, action: str) -> bool:
        self.diverted.append((key, action))
        return self._can


@pytest.fixture
def board(store):
    contacts.save(store, Contact(
        name="Dupont SARL", kind="company", phones=[Phone("+33536490123")],
        contract=Contract("active"),
    ))
    contacts.save(store, Contact(name="Garage Martin", phones=[Phone("+33639981234")]))
    b = Switchboard(store, "FR", Mode.NORMAL, user="Claire")
    b.notices = []
    b.add_observer(b.notices.append)
    return b


def test_known_caller_pops_and_is_journaled_before_observers_hear(board, store) -> None:
    line = ListeningLine()
    seen_in_journal = []
    board.add_observer(lambda n: seen_in_journal.append(journal.count(store)))
    board.receive(line, CallerId("k1", T0, "0536490123", "DUPONT SARL"))
    (notice,) = board.notices
    assert isinstance(notice, CallAnnounced)
    assert notice.call.caller.name == "Dupont SARL"
    assert notice.call.display_number == "05 36 49 01 23"
    assert seen_in_journal == [1]
    call = journal.get(store, notice.call.id)
    assert call.number == "+33536490123" and call.handled_by is None  # ringing: nobody took it yet
    assert call.decision == "pop" and line.diverted == []


def test_name_after_number_updates_same_call(board, store) -> None:
    line = ListeningLine()
    board.receive(line, Ring("k1", T0))
    board.receive(line, CallerId("k1", T0, "0639981234"))
    board.receive(line, CallerId("k1", T0, "0639981234", "MARTIN GARAGE"))
    announced, updated = board.notices
    assert isinstance(updated, CallUpdated)
    assert updated.call.id == announced.call.id
    assert updated.changed == {"network_name": "MARTIN GARAGE"}
    assert journal.count(store) == 1
    assert journal.get(store, announced.call.id).network_name == "MARTIN GARAGE"


def test_repeated_event_never_makes_a_second_call(board, store) -> None:
    line = ListeningLine()
    event = CallerId("k1", T0, "0536490123", "DUPONT SARL")
    for _ in range(3):
        board.receive(line, event)
    board.receive(line, Ended("k1", T0 + timedelta(seconds=20), Outcome.MISSED))
    board.receive(line, event)  # a retransmission after the end
    assert journal.count(store) == 1
    assert [type(n) for n in board.notices] == [CallAnnounced, CallFinished]


def test_busy_day_diverts_unknown_caller_into_voicemail_queue(board, store) -> None:
    board.mode = Mode.PRIORITY
    line = ListeningLine()
    board.receive(line, CallerId("k9", T0, "0199001234"))
    board.receive(line, Ended("k9", T0 + timedelta(seconds=1)))
    assert line.diverted == [("k9", "divert")]
    announced, finished = board.notices
    assert announced.call.decision.code == "priority_unknown"
    assert finished.outcome is Outcome.DIVERTED
    (item,) = voicemail.items(store)
    assert item.call_id == announced.call.id and item.state == "new"
    assert voicemail.count_new(store) == 1


def test_busy_day_lets_contract_client_through(board, store) -> None:
    board.mode = Mode.PRIORITY
    line = ListeningLine()
    board.receive(line, CallerId("k1", T0, "0536490123"))
    assert board.notices[0].call.decision.action == "pop"
    assert line.diverted == [] and voicemail.items(store) == []


def test_blocked_contact_is_blocked_on_the_line(board, store) -> None:
    contacts.save(store, Contact(name="Démarchage", phones=[Phone("+33465710011")], blocked=True))
    line = ListeningLine()
    board.receive(line, CallerId("k2", T0, "0465710011"))
    board.receive(line, Ended("k2", T0))
    assert line.diverted == [("k2", "block")]
    assert board.notices[-1].outcome is Outcome.BLOCKED


def test_answered_call_keeps_its_duration(board, store) -> None:
    line = ListeningLine()
    board.receive(line, CallerId("k1", T0, "0536490123"))
    board.receive(line, Answered("k1", T0 + timedelta(seconds=5)))
    board.receive(line, Ended("k1", T0 + timedelta(seconds=47)))
    finished = board.notices[-1]
    assert finished.outcome is Outcome.ANSWERED and finished.duration_s == 42
    record = journal.get(store, finished.call.id)
    assert (record.outcome, record.duration_s) == ("answered", 42)


def test_ring_without_answer_is_missed(board, store) -> None:
    line = ListeningLine()
    board.receive(line, CallerId("k1", T0, None, None, Presentation.UNAVAILABLE))
    board.receive(line, Ended("k1", T0 + timedelta(seconds=30)))
    assert board.notices[-1].outcome is Outcome.MISSED
    assert journal.get(store, board.notices[-1].call.id).presentation == "unavailable"


def test_line_status_reaches_observers(board) -> None:
    board.receive(ListeningLine(), LineStatus(LineState.DOWN, T0, "modem unplugged"))
    (notice,) = board.notices
    assert isinstance(notice, LineChanged) and notice.status.detail == "modem unplugged"


def test_journal_failure_keeps_calls_in_memory_and_writes_them_later(board, store,
                                                                     monkeypatch) -> None:
    line = ListeningLine()
    real = store.transaction
    broken = True

    def failing_transaction():
        if broken:
            raise StoreError(f"{store.path}: the disk is full; free some space and try again")
        return real()

    monkeypatch.setattr(store, "transaction", failing_transaction)
    board.receive(line, CallerId("k1", T0, "0536490123"))
    board.receive(line, Ended("k1", T0 + timedelta(seconds=3)))
    alarms = [n for n in board.notices if isinstance(n, JournalAlarm)]
    assert alarms and "disk is full" in alarms[0].message
    assert board.pending_writes == 2
    assert journal.count(store) == 0
    broken = False
    assert board.retry_journal()
    assert board.pending_writes == 0
    (call,) = journal.page(store)
    assert call.number == "+33536490123" and call.outcome in ("answered", "missed")


def test_a_failing_observer_does_not_stop_the_others_or_the_journal(board, store) -> None:
    def broken(notice) -> None:
        raise RuntimeError("a view with a bug")

    board._observers.insert(0, broken)
    line = ListeningLine()
    board.receive(line, CallerId("k1", T0, "0536490123"))
    board.receive(line, Ended("k1", T0))
    assert [type(n) for n in board.notices] == [CallAnnounced, CallFinished]
    assert journal.count(store) == 1


def test_one_call_has_one_id_from_the_journal_to_every_json_line(board, store) -> None:
    line = ListeningLine()
    rang = T0.replace(microsecond=654321)  # a line's clock has microseconds
    board.receive(line, CallerId("k1", rang, "0639981234"))
    board.receive(line, CallerId("k1", rang, "0639981234", "MARTIN GARAGE"))
    board.receive(line, Ended("k1", rang + timedelta(seconds=9)))
    announced, updated, finished = board.notices
    (record,) = journal.page(store)
    assert announced.call.id == updated.call.id == finished.call.id == record.id
    assert [as_json(n)["id"] for n in board.notices] == [str(record.id)] * 3
    # The live call and the journal keep the same moment, to the second.
    assert announced.call.at == T0 and record.started_at == T0.isoformat()
