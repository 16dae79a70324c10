from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from customscreen.calls import callbacks, voicemail
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import Switchboard
from telephony.events import CallerId, Ended
from telephony.simulator import DemoLine

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def queued(store):
    board = Switchboard(store, "FR", Mode.CLOSED)
    line = DemoLine("demo:")
    for n, number in enumerate(("0199001234", "0536490123", "0639981234")):
        at = T0 + timedelta(minutes=n)
        board.receive(line, CallerId(f"k{n}", at, number))
        board.receive(line, Ended(f"k{n}", at))
    return store


def test_queue_is_oldest_first(queued) -> None:
    items = voicemail.items(queued)
    assert [i.raw_number for i in items] == ["0199001234", "0536490123", "0639981234"]
    assert all(i.state == "new" for i in items)
    assert items[0].reason_code == "closed" and items[0].reason == ""


def test_forwarding_creates_a_callback_slip_for_the_colleague(queued) -> None:
    first = voicemail.items(queued)[0]
    callback_id = voicemail.forward(queued, first.id, "Marc", "2026-11-24", "Panne", by="Claire")
    assert voicemail.get(queued, first.id).state == "forwarded"
    (slip,) = callbacks.open_callbacks(queued, "Marc")
    assert slip.id == callback_id and slip.number == "+33199001234"
    assert (slip.subject, slip.created_by, slip.due_at) == ("Panne", "Claire", "2026-11-24")
    assert voicemail.count_new(queued) == 2


def test_completing_the_callback_marks_the_item_called_back(queued) -> None:
    first = voicemail.items(queued)[0]
    callback_id = voicemail.forward(queued, first.id, "Marc", "2026-11-24")
    with pytest.raises(callbacks.CallbackError, match="what came of"):
        callbacks.complete(queued, callback_id, "  ")
    callbacks.complete(queued, callback_id, "Rendez-vous pris jeudi")
    assert voicemail.get(queued, first.id).state == "called_back"
    voicemail.move(queued, first.id, "closed")
    with pytest.raises(voicemail.QueueError, match="closed item cannot become new"):
        voicemail.move(queued, first.id, "new")


def test_due_today_and_overdue(store) -> None:
    today = date(2026, 11, 23)
    callbacks.create(store, due_at="2026-11-20", caller_name="Late")
    callbacks.create(store, due_at="2026-11-23T15:00", caller_name="Today")
    callbacks.create(store, due_at="2026-12-01", caller_name="Later")
    assert [c.caller_name for c in callbacks.overdue(store, today)] == ["Late"]
    assert [c.caller_name for c in callbacks.due_today(store, today)] == ["Today"]


def test_six_months_later_clamps_to_month_end() -> None:
    assert callbacks.months_later(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert callbacks.months_later(date(2026, 11, 23), 6) == date(2027, 5, 23)
