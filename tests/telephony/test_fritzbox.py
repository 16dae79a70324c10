"""The FRITZ!Box call monitor: recorded lines, and the TCP line against a local server."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime

import pytest

from telephony.events import (
    Answered,
    CallerId,
    Ended,
    Event,
    LineState,
    LineStatus,
    Outcome,
    Presentation,
    Ring,
)
from telephony.fritzbox import (
    MAX_LINE_LENGTH,
    CallMonitor,
    FritzBoxLine,
    MonitorError,
    MonitorLine,
    open_url,
    parse_line,
)
from telephony.source import SourceError, open_source
from tests.conftest import wait_until
from tests.vectors import case_params, set_params

NOW = datetime(2026, 11, 22, 10, 21, 37, tzinfo=UTC)  # the parser takes the time from us


def _line_id(case: dict) -> str:
    # The shared set's lines have no name: the event and the time name them.
    return case.get("name") or case["raw"].split(";")[1] + case["raw"][9:17]


@pytest.mark.parametrize("case", case_params("fritzbox", name=_line_id))
def test_recorded_lines_parse_as_expected(case: dict) -> None:
    line = parse_line(case["raw"])
    for key, value in case["expect"].items():
        assert getattr(line, key) == value, key


def _calls_the_lines_describe(lines: list[MonitorLine]) -> list[tuple]:
    """What the call monitor must make of a session, from the box's own rules:
    each RING is a new call; CONNECT and DISCONNECT belong to the call that holds
    the connection number; an outgoing call (CALL) and its lines are never ours."""
    rings = 0
    incoming: dict[str, tuple[str, bool]] = {}  # connection -> (call key, connected)
    calls: list[tuple] = []
    for line in lines:
        if line.event == "ring":
            rings += 1
            key = f"fritzbox-{rings}"
            incoming[line.conn] = (key, False)
            calls += [("Ring", key), ("CallerId", key, line.number, line.presentation,
                                      line.network_date, line.network_time)]
        elif line.event == "outgoing":
            incoming.pop(line.conn, None)
        elif line.conn in incoming and line.event == "answered":
            key, _ = incoming[line.conn]
            incoming[line.conn] = (key, True)
            calls.append(("Answered", key, line.extension))
        elif line.conn in incoming and line.event == "ended":
            key, connected = incoming.pop(line.conn)
            outcome = Outcome.ANSWERED if connected else Outcome.MISSED
            calls.append(("Ended", key, outcome, line.duration_s))
    return calls


def _as_tuple(event: Event) -> tuple:
    if isinstance(event, CallerId):
        return ("CallerId", event.key, event.number, event.presentation,
                event.network_date, event.network_time)
    if isinstance(event, Answered):
        return ("Answered", event.key, event.extension)
    if isinstance(event, Ended):
        return ("Ended", event.key, event.outcome, event.duration_s)
    return (type(event).__name__, event.key)


@pytest.mark.parametrize("cases", set_params("fritzbox"))
def test_recorded_session_gives_our_events(cases: list[dict]) -> None:
    monitor = CallMonitor()
    events = monitor.feed("".join(c["raw"] + "\r\n" for c in cases).encode("latin-1"), NOW)
    expected = _calls_the_lines_describe([parse_line(c["raw"]) for c in cases])
    assert [_as_tuple(e) for e in events] == expected
    assert monitor.malformed == 0


def test_a_session_keeps_each_connection_to_its_own_call() -> None:
    monitor = CallMonitor()
    events = monitor.feed(
        b"14.05.27 16:40:02;RING;0;0261914730;0536491000;SIP0;\n"
        b"14.05.27 16:40:09;RING;1;;0536491000;SIP0;\n"
        b"14.05.27 16:40:12;CONNECT;1;11;;\n"
        b"14.05.27 16:40:30;DISCONNECT;0;0;\n"
        b"14.05.27 16:43:40;DISCONNECT;1;208;\n", NOW)
    kinds = [(type(e).__name__, getattr(e, "key", None)) for e in events]
    assert kinds == [
        ("Ring", "fritzbox-1"), ("CallerId", "fritzbox-1"),
        ("Ring", "fritzbox-2"), ("CallerId", "fritzbox-2"),
        ("Answered", "fritzbox-2"), ("Ended", "fritzbox-1"), ("Ended", "fritzbox-2"),
    ]
    first = events[1]
    assert isinstance(first, CallerId)
    assert (first.number, first.network_date, first.network_time) == ("0261914730", "0514", "1640")
    private = events[3]
    assert isinstance(private, CallerId) and private.number is None
    assert private.presentation == Presentation.PRIVATE
    answered = events[4]
    assert isinstance(answered, Answered) and answered.extension == "11"
    assert [(e.outcome, e.duration_s) for e in events[5:] if isinstance(e, Ended)] == [
        (Outcome.MISSED, 0), (Outcome.ANSWERED, 208)]


def test_outgoing_call_is_never_an_incoming_one() -> None:
    monitor = CallMonitor()
    events = monitor.feed(b"22.11.26 10:28:48;CALL;2;12;0561000000;0199001234;SIP0;\n"
                          b"22.11.26 10:28:50;CONNECT;2;12;0199001234;\n"
                          b"22.11.26 10:29:50;DISCONNECT;2;60;\n", NOW)
    assert events == []


def test_lines_split_across_reads_and_over_long_lines_are_bounded() -> None:
    monitor = CallMonitor()
    assert monitor.feed(b"22.11.26 10:21:37;RI", NOW) == []
    assert len(monitor.feed(b"NG;0;0536490123;0561000000;SIP0;\n", NOW)) == 2
    assert monitor.feed(b"x" * (MAX_LINE_LENGTH + 10), NOW) == []
    events = monitor.feed(b"yyy\n22.11.26 10:22:07;RING;1;;0561000000;SIP0;\n", NOW)
    assert [type(e) for e in events] == [Ring, CallerId]  # the tail "yyy" was dropped
    assert monitor.malformed == 1
    assert monitor.buffered == 0


def test_noise_lines_are_counted_not_raised() -> None:
    monitor = CallMonitor()
    assert monitor.feed(b"hello\n\xff\xfe;;;\n22.11.26 10:00:00;DISCONNECT;9;abc;\n", NOW) == []
    assert monitor.malformed == 3
    with pytest.raises(MonitorError):
        parse_line("22.11.26 10:00:00;HANGUP;0;")


def test_connection_number_reused_by_the_next_call_is_a_new_call() -> None:
    monitor = CallMonitor()
    keys = []
    for number in ("0536490123", "0639981234"):
        events = monitor.feed(
            f"22.11.26 10:21:37;RING;0;{number};0561000000;SIP0;\n"
            "22.11.26 10:21:50;DISCONNECT;0;0;\n".encode(), NOW)
        keys.append({e.key for e in events})
    assert all(len(k) == 1 for k in keys) and keys[0] != keys[1]


def test_a_duration_in_superscript_digits_is_noise_not_a_crash() -> None:
    monitor = CallMonitor()
    monitor.feed(b"22.11.26 10:21:37;RING;0;0536490123;0561000000;SIP0;\n", NOW)
    assert monitor.feed("22.11.26 10:22:00;DISCONNECT;0;2\u00b205;\n".encode("latin-1"), NOW) == []
    assert monitor.malformed == 1


def test_url_opens_a_fritzbox_line() -> None:
    line = open_source("fritzbox://192.168.178.1")
    assert isinstance(line, FritzBoxLine) and (line.host, line.port) == ("192.168.178.1", 1012)
    with pytest.raises(SourceError):
        open_url("fritzbox://")


def test_tcp_line_reads_the_monitor_and_reconnects_after_the_box_drops() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    events: list[Event] = []

    def ended() -> int:
        return sum(isinstance(e, Ended) for e in events)

    def box() -> None:
        for call in (1, 2):
            conn, _ = server.accept()
            conn.sendall(b"22.11.26 10:21:37;RING;0;0536490123;0561000000;SIP0;\r\n"
                         b"22.11.26 10:21:40;DISCONNECT;0;0;\r\n")
            # The box drops the connection once the line has read the call.
            wait_until(lambda call=call: ended() == call, message=f"call {call} to end")
            conn.close()

    thread = threading.Thread(target=box, daemon=True)
    thread.start()
    line = FritzBoxLine(f"fritzbox://127.0.0.1:{port}", "127.0.0.1", port,
                        reconnect_first=0.05, reconnect_max=0.2)
    line.start(events.append)
    try:
        wait_until(lambda: ended() == 2, 5, lambda: f"two calls; events so far: {events}")
    finally:
        line.stop()
        server.close()
    statuses = [e for e in events if isinstance(e, LineStatus)]
    assert statuses[0].state == LineState.UP
    assert any(s.state == LineState.RECONNECTING and "closed" in s.detail for s in statuses)
    assert statuses[-1].state == LineState.DOWN


def retries(events: list[Event]) -> list[LineStatus]:
    return [e for e in events if isinstance(e, LineStatus) and e.state == LineState.RECONNECTING]


def test_refused_connection_tells_how_to_enable_the_monitor_and_backs_off() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    events: list[Event] = []
    line = FritzBoxLine("fritzbox://x", "127.0.0.1", port, reconnect_first=0.05,
                        reconnect_max=0.2)
    line.start(events.append)
    try:
        wait_until(lambda: len(retries(events)) >= 4, 5,
                   lambda: f"four retries; so far: {events}")
    finally:
        line.stop()
    assert isinstance(events[0], LineStatus) and events[0].state == LineState.DOWN
    details = [e.detail for e in retries(events)]
    assert "#96*5*" in details[0]
    assert details[0].endswith("retrying in 0.05 s") and "retrying in 0.2 s" in details[3]
