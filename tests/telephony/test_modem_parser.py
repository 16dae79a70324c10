"""The modem parser against recorded transcripts, and its behaviour over time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telephony.events import CallerId, Ended, Presentation, Ring
from telephony.modem.lines import MAX_LINE_CHARS
from telephony.modem.parser import RING_CYCLE, ModemParser
from tests.vectors import case_params

T0 = datetime(2026, 11, 22, 9, 14, 3, tzinfo=timezone(timedelta(hours=1)))


def final_caller_ids(events: list) -> list[CallerId]:
    """The last CallerId of each call key, in the order the calls began."""
    calls: dict[str, CallerId] = {}
    for event in events:
        if isinstance(event, CallerId):
            calls[event.key] = event
    return list(calls.values())


def play(raw: bytes, chunk: int | None = None) -> list:
    parser = ModemParser()
    events: list = []
    if chunk is None:
        events += parser.feed(raw, T0)
    else:
        for i in range(0, len(raw), chunk):
            events += parser.feed(raw[i : i + chunk], T0)
    events += parser.tick(T0 + RING_CYCLE + timedelta(seconds=1))
    return events


@pytest.mark.parametrize("chunk", [None, 1, 7], ids=["whole", "bytewise", "chunks7"])
@pytest.mark.parametrize("case", case_params("modem"))
def test_recorded_transcript_gives_expected_calls(case: dict, chunk: int | None) -> None:
    events = play(case["raw"].encode("latin-1"), chunk)
    calls = final_caller_ids(events)
    assert len(calls) == len(case["expect"])
    for got, want in zip(calls, case["expect"], strict=True):
        assert got.number == want["number"]
        assert got.name == want["name"]
        assert got.presentation == Presentation(want["presentation"])
        if "date" in want:
            assert got.network_date == want["date"]
        if "time" in want:
            assert got.network_time == want["time"]
        if want.get("e164"):
            assert got.number is not None
            parsed = phonenumbers.parse(got.number, case["region"])
            e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            assert e164 == want["e164"]
    # Every call that began also ends once the rings stop.
    ended = [e.key for e in events if isinstance(e, Ended)]
    assert ended == [c.key for c in calls]


def test_name_after_number_updates_same_call() -> None:
    parser = ModemParser()
    first = parser.feed(b"RING\r\nDATE = 0321\r\nTIME = 1405\r\nNMBR = 2015550123\r\n", T0)
    later = T0 + timedelta(milliseconds=80)
    second = parser.feed(b"NAME = SMITH JOHN\r\n", later)
    [ring] = [e for e in first if isinstance(e, Ring)]
    [number_known] = [e for e in first if isinstance(e, CallerId)]
    assert number_known.number == "2015550123" and number_known.name is None
    assert second == [
        CallerId(
            ring.key, later, "2015550123", "SMITH JOHN", Presentation.AVAILABLE, "0321", "1405"
        )
    ]


def test_caller_id_is_emitted_as_soon_as_the_number_line_ends() -> None:
    parser = ModemParser()
    assert parser.feed(b"RING\r\nDATE = 0321\r\nNMBR = 20155501", T0) == [Ring("modem-1", T0)]
    [event] = parser.feed(b"23\r", T0)
    assert isinstance(event, CallerId) and event.number == "2015550123"


def test_ring_only_is_unavailable_at_second_ring() -> None:
    parser = ModemParser()
    assert parser.feed(b"RING\r\n", T0) == [Ring("modem-1", T0)]
    t1 = T0 + timedelta(seconds=6)
    assert parser.feed(b"RING\r\n", t1) == [
        Ring("modem-1", t1),
        CallerId("modem-1", t1, None, None, Presentation.UNAVAILABLE),
    ]


def test_rings_stop_ends_call_after_ring_cycle() -> None:
    parser = ModemParser()
    parser.feed(b"RING\r\nNMBR = 0536490123\r\n", T0)
    assert parser.tick(T0 + RING_CYCLE) == []
    late = T0 + RING_CYCLE + timedelta(milliseconds=1)
    assert parser.tick(late) == [Ended("modem-1", late)]
    assert parser.tick(late + RING_CYCLE * 2) == []


def test_each_ring_keeps_the_call_alive() -> None:
    parser = ModemParser()
    for n in range(5):
        parser.feed(b"RING\r\n", T0 + timedelta(seconds=6 * n))
        assert parser.tick(T0 + timedelta(seconds=6 * n + 5)) == []
    ended = [e for e in parser.tick(T0 + timedelta(seconds=60)) if isinstance(e, Ended)]
    assert [e.key for e in ended] == ["modem-1"]


def test_calls_after_a_pause_get_new_keys() -> None:
    parser = ModemParser()
    parser.feed(b"NMBR = 0536490123\r\nRING\r\n", T0)
    later = T0 + timedelta(seconds=30)
    ended = parser.tick(later)
    events = parser.feed(b"NMBR = 0536490123\r\nRING\r\n", later)
    assert ended == [Ended("modem-1", later)]
    assert [type(e) for e in events] == [CallerId, Ring]
    assert [e.key for e in events if isinstance(e, CallerId | Ring)] == ["modem-2", "modem-2"]


def test_gsm_clip_repeated_after_each_ring_is_one_call() -> None:
    clip = b'+CLIP: "0465710011",129,"",0,"BOULANGERIE",0\r\n'
    events = play(b"RING\r\n" + clip + b"RING\r\n" + clip + b"RING\r\n" + clip)
    assert len(final_caller_ids(events)) == 1
    assert sum(isinstance(e, CallerId) for e in events) == 1


def test_gsm_clip_withheld_is_private() -> None:
    [call] = final_caller_ids(play(b'RING\r\n+CLIP: "",128,"",0,"",1\r\n'))
    assert (call.number, call.presentation) == (None, Presentation.PRIVATE)


def test_all_zero_number_is_private() -> None:
    [call] = final_caller_ids(play(b"RING\r\nNMBR = 0000000000\r\n"))
    assert (call.number, call.presentation) == (None, Presentation.PRIVATE)


def test_mesg_is_never_a_number() -> None:
    # A MESG carrying a number parameter (0x02) must not be taken as the caller.
    [call] = final_caller_ids(play(b"RING\r\nMESG = 02033132330D\r\nRING\r\n"))
    assert (call.number, call.presentation) == (None, Presentation.UNAVAILABLE)


def test_mesg_reason_for_absence_sets_presentation() -> None:
    [call] = final_caller_ids(play(b"MESG = 040150\r\nDATE = 0124\r\nRING\r\n"))
    assert (call.number, call.presentation) == (None, Presentation.PRIVATE)


@pytest.mark.parametrize(
    ("date", "time", "want_date", "want_time"),
    [
        ("0229", "2359", "0229", "2359"),
        ("1332", "1405", None, "1405"),
        ("0431", "2400", None, None),
        ("0000", "1260", None, None),
        ("", "", None, None),
        ("12345", "12541", None, None),
        ("AB12", "0915", None, "0915"),
    ],
)
def test_bad_date_or_time_keeps_the_call(
    date: str, time: str, want_date: str | None, want_time: str | None
) -> None:
    raw = f"RING\r\nDATE = {date}\r\nTIME = {time}\r\nNMBR = 0536490123\r\n".encode()
    [call] = final_caller_ids(play(raw))
    assert call.number == "0536490123"
    assert (call.network_date, call.network_time) == (want_date, want_time)


def test_overlong_line_is_dropped_and_the_next_line_read() -> None:
    parser = ModemParser()
    assert parser.feed(b"X" * (MAX_LINE_CHARS * 3), T0) == []
    assert parser.buffered <= MAX_LINE_CHARS
    events = parser.feed(b"NMBR = 0536490123\r\nNMBR = 9\r\nRING\r\n", T0)
    assert parser.dropped_lines == 1
    # The tail of the overlong line ("...XNMBR = 0536490123") is not a field.
    assert [e.number for e in events if isinstance(e, CallerId)] == ["9"]


def test_line_lost_ends_the_call_and_forgets_the_partial_line() -> None:
    parser = ModemParser()
    parser.feed(b"RING\r\nNMBR = 05364", T0)
    events = parser.line_lost(T0)
    assert [type(e) for e in events] == [CallerId, Ended]
    assert parser.buffered == 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=20))
def test_arbitrary_bytes_never_raise_and_buffer_stays_bounded(chunks: list[bytes]) -> None:
    parser = ModemParser()
    now = T0
    for chunk in chunks:
        parser.feed(chunk, now)
        assert parser.buffered <= MAX_LINE_CHARS
        now += timedelta(seconds=3)
        parser.tick(now)


# Noise: anything but the words that make a line a ring or a caller-ID field.
_FIELD_WORDS = ("RING", "NMBR", "NBR", "CLIP", "NUMBER", "DATE", "TIME", "NAME")
_NOISE_LINE = st.text(
    alphabet=st.characters(codec="latin-1", exclude_characters="\r\n\x10"), max_size=80
).filter(lambda s: not any(word in s.upper() for word in _FIELD_WORDS))


@settings(max_examples=200, deadline=None)
@given(st.lists(_NOISE_LINE, max_size=8), st.lists(_NOISE_LINE, max_size=8))
def test_valid_record_is_found_among_noise_lines(before: list[str], after: list[str]) -> None:
    record = "RING\r\nDATE = 0321\r\nTIME = 1405\r\nNMBR = 2015550123\r\nNAME = SMITH JOHN\r\n"
    raw = "".join(f"{line}\r\n" for line in before) + record
    raw += "".join(f"{line}\r\n" for line in after)
    calls = [c for c in final_caller_ids(play(raw.encode("latin-1"))) if c.number]
    assert len(calls) == 1
    assert calls[0].number == "2015550123"
    assert calls[0].network_date == "0321" and calls[0].network_time == "1405"


def test_cr_only_line_ends_are_lines() -> None:
    [call] = final_caller_ids(play(b"RING\rDATE=0321\rTIME=1405\rNMBR=2015550123\rNAME=A B\r"))
    assert (call.number, call.name, call.network_time) == ("2015550123", "A B", "1405")


def test_name_holding_labels_and_equals_is_only_a_name() -> None:
    raw = b"RING\r\nNMBR = 2015550123\r\nNAME = NMBR=999 TIME=0000\r\nRING\r\n"
    [call] = final_caller_ids(play(raw))
    assert (call.number, call.name, call.network_time) == ("2015550123", "NMBR=999 TIME=0000", None)
