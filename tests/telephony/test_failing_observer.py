"""A failing observer never stops a line: every kind of line, on its real transport.

Each observer here records the event, then raises. The line must log it with
its name, stay up (no reconnect) and deliver the next call.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from telephony.events import CallerId, Event, LineState, LineStatus
from telephony.fritzbox import FritzBoxLine
from telephony.modem.fake import FakeModem
from telephony.modem.transport import ModemLine, parse_modem_url
from telephony.simulator import DemoLine, ScriptedCall
from telephony.sip.agent import open_url as open_sip
from telephony.sip.probe import SipProbe

pytestmark = pytest.mark.timeout(60)
WAIT_S = 10.0


class BrokenObserver:
    """Keeps every event, then raises, as a view with a bug would."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._changed = threading.Condition()

    def __call__(self, event: Event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()
        raise RuntimeError(f"observer bug on {type(event).__name__}")

    def wait_until(self, condition: Callable[[], bool]) -> None:
        with self._changed:
            assert self._changed.wait_for(condition, WAIT_S), f"not seen; got {self.events}"

    def numbers(self) -> list[str | None]:
        return [e.number for e in self.events if isinstance(e, CallerId)]

    def states(self) -> list[LineState]:
        return [e.state for e in self.events if isinstance(e, LineStatus)]


@pytest.fixture
def failures(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.ERROR, logger="telephony.running"):
        yield caplog


def logged_for(caplog: pytest.LogCaptureFixture, name: str) -> int:
    return sum(name in r.getMessage() and "an observer failed" in r.getMessage()
               for r in caplog.records)


def test_modem_line_keeps_delivering_calls_past_a_failing_observer(
        failures: pytest.LogCaptureFixture) -> None:
    with FakeModem(chipset="conexant") as modem:
        url = f"modem:{modem.device}?profile=conexant"
        line = ModemLine(url, parse_modem_url(url), first_delay=0.05, max_delay=0.2)
        observer = BrokenObserver()
        line.start(observer)
        try:
            observer.wait_until(lambda: LineState.UP in observer.states())
            modem.play(b"NMBR = 0536490123\r\nRING\r\n")
            observer.wait_until(lambda: "0536490123" in observer.numbers())
            modem.play(b"NMBR = 0261914455\r\nRING\r\n")
            observer.wait_until(lambda: "0261914455" in observer.numbers())
        finally:
            line.stop()
        assert modem.commands.count("ATZ") == 1  # never taken for a lost modem
    assert observer.states() == [LineState.UP, LineState.DOWN]  # DOWN: "stopped"
    assert logged_for(failures, url) >= 4


def test_fritzbox_line_keeps_delivering_calls_past_a_failing_observer(
        failures: pytest.LogCaptureFixture) -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    observer = BrokenObserver()
    line = FritzBoxLine(f"fritzbox://127.0.0.1:{port}", "127.0.0.1", port,
                        reconnect_first=0.05, reconnect_max=0.2)
    line.start(observer)
    try:
        conn, _ = server.accept()
        with conn:
            conn.sendall(b"22.11.26 10:21:37;RING;0;0536490123;0561000000;SIP0;\r\n")
            observer.wait_until(lambda: "0536490123" in observer.numbers())
            conn.sendall(b"22.11.26 10:21:40;DISCONNECT;0;0;\r\n"
                         b"22.11.26 10:22:07;RING;0;0261914455;0561000000;SIP0;\r\n")
            observer.wait_until(lambda: "0261914455" in observer.numbers())
            assert observer.states() == [LineState.UP]  # the same connection throughout
    finally:
        line.stop()
        server.close()
    assert logged_for(failures, f"fritzbox://127.0.0.1:{port}") >= 4


def test_sip_line_keeps_delivering_calls_past_a_failing_observer(
        failures: pytest.LogCaptureFixture) -> None:
    line = open_sip("sip-listen://127.0.0.1:0")
    observer = BrokenObserver()
    line.start(observer)
    try:
        host, port = line.address
        for number in ("0536490123", "0261914455"):
            with SipProbe(host, port, number=number) as probe:
                probe.invite()
                assert probe.wait_for(180, timeout=WAIT_S) is not None  # still answering
                probe.cancel()
                assert probe.wait_for(487, timeout=WAIT_S) is not None
            observer.wait_until(lambda n=number: n in observer.numbers())  # type: ignore[misc]
    finally:
        line.stop()
    assert observer.states() == [LineState.UP]
    assert logged_for(failures, "sip-listen://127.0.0.1:0") >= 4


def test_demo_line_keeps_delivering_calls_past_a_failing_observer(
        failures: pytest.LogCaptureFixture) -> None:
    script = (ScriptedCall("0536490123"), ScriptedCall("0261914455", answered=False))
    line = DemoLine("demo:", script=script, interval=0, ring=0)
    observer = BrokenObserver()
    line.start(observer)
    try:
        assert line.finished.wait(WAIT_S)
    finally:
        line.stop()
    assert observer.numbers() == ["0536490123", "0261914455"]
    assert logged_for(failures, "demo:") == len(observer.events)
