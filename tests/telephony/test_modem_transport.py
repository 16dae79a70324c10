"""The serial transport end to end, against a modem on a pseudo-terminal."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from telephony.events import CallerId, Ended, Event, LineState, LineStatus, Presentation, Ring
from telephony.modem.fake import FakeModem
from telephony.modem.transport import (
    ModemLine,
    ModemSettings,
    list_ports,
    open_url,
    parse_modem_url,
)
from telephony.source import SourceError, open_source

pytestmark = pytest.mark.timeout(60)
WAIT_S = 5.0


class Recorder:
    """An ``emit`` that keeps every event with the moment it arrived."""

    def __init__(self) -> None:
        self.events: list[tuple[float, Event]] = []
        self._changed = threading.Condition()

    def __call__(self, event: Event) -> None:
        with self._changed:
            self.events.append((time.perf_counter(), event))
            self._changed.notify_all()

    def wait_for(self, wanted: Callable[[Event], bool], after: int = 0) -> tuple[int, Event]:
        """The first event past index ``after`` that is ``wanted``, with its index."""

        def find() -> tuple[int, Event] | None:
            for index, (_, event) in enumerate(self.events[after:], start=after):
                if wanted(event):
                    return index, event
            return None

        with self._changed:
            found = self._changed.wait_for(find, WAIT_S)
        assert found is not None, f"not seen; got {[e for _, e in self.events]}"
        return found


def status(state: LineState) -> Callable[[Event], bool]:
    return lambda event: isinstance(event, LineStatus) and event.state is state


def caller(number: str | None) -> Callable[[Event], bool]:
    return lambda event: isinstance(event, CallerId) and event.number == number


class ManualClock:
    """A clock the test moves, so that ring cycles pass without waiting."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def modem() -> Iterator[FakeModem]:
    with FakeModem(chipset="conexant", refuses=["AT+VCID=1"]) as fake:
        yield fake


def start_line(
    fake: FakeModem, query: str = "country=FR", clock: Callable[[], datetime] | None = None
) -> tuple[ModemLine, Recorder]:
    url = f"modem:{fake.device}?{query}"
    line = ModemLine(url, parse_modem_url(url), first_delay=0.05, max_delay=0.2)
    if clock is not None:
        line.clock = clock
    recorder = Recorder()
    line.start(recorder)
    return line, recorder


def test_line_sets_up_the_modem_trying_the_next_caller_id_command(modem: FakeModem) -> None:
    line, recorder = start_line(modem)
    try:
        _, up = recorder.wait_for(status(LineState.UP))
        commands = modem.commands
        assert commands[:2] == ["ATZ", "ATE0"]
        assert commands[-3:] == ["AT+GCI=3D", "AT+VCID=1", "AT#CID=1"]
        assert isinstance(up, LineStatus) and "AT#CID=1" in up.detail
    finally:
        line.stop()


def test_played_transcript_becomes_call_events(modem: FakeModem) -> None:
    line, recorder = start_line(modem)
    try:
        recorder.wait_for(status(LineState.UP))
        modem.play(b"RING\r\nDATE = 1213\r\nTIME = 2153\r\nNMBR = 0536490123\r\n")
        index, event = recorder.wait_for(caller("0536490123"))
        modem.play(b"NAME = DUPONT SARL\r\nRING\r\n")
        _, update = recorder.wait_for(lambda e: isinstance(e, CallerId) and e.name is not None)
        assert isinstance(event, CallerId) and isinstance(update, CallerId)
        assert update.key == event.key
        assert (update.network_date, update.network_time) == ("1213", "2153")
        recorder.wait_for(lambda e: isinstance(e, Ring) and e.key == event.key, after=index)
    finally:
        line.stop()


def test_unplug_reports_down_and_replug_brings_calls_back(modem: FakeModem) -> None:
    line, recorder = start_line(modem)
    try:
        recorder.wait_for(status(LineState.UP))
        modem.play(b"NMBR = 0536490123\r\nRING\r\n")
        _, first = recorder.wait_for(caller("0536490123"))
        assert isinstance(first, CallerId)
        modem.unplug()
        down_at, down = recorder.wait_for(status(LineState.DOWN))
        recorder.wait_for(status(LineState.RECONNECTING), after=down_at)
        assert isinstance(down, LineStatus) and "lost the modem" in down.detail
        # The call in progress when the line went is over.
        recorder.wait_for(lambda e: isinstance(e, Ended) and e.key == first.key)
        modem.replug()
        up_at, _ = recorder.wait_for(status(LineState.UP), after=down_at)
        modem.play(b"NMBR = 0261914455\r\nRING\r\n")
        _, second = recorder.wait_for(caller("0261914455"), after=up_at)
        assert isinstance(second, CallerId)
        assert second.key != first.key
        assert modem.commands.count("ATZ") == 2  # set up again after the replug
    finally:
        line.stop()


def test_missing_port_at_start_is_waited_for(modem: FakeModem) -> None:
    modem.unplug()
    line, recorder = start_line(modem)
    try:
        _, down = recorder.wait_for(status(LineState.DOWN))
        assert isinstance(down, LineStatus) and "cannot open" in down.detail
        modem.replug()
        recorder.wait_for(status(LineState.UP))
    finally:
        line.stop()


def test_forgotten_caller_id_is_enabled_again() -> None:
    clock = ManualClock()
    with FakeModem(chipset="conexant") as fake:
        line, recorder = start_line(fake, clock=clock)
        try:
            recorder.wait_for(status(LineState.UP))
            for raw in (b"RING\r\nNMBR = 0536490123\r\nRING\r\n", b"RING\r\n", b"RING\r\n"):
                count = len(recorder.events)
                fake.play(raw)
                recorder.wait_for(lambda e: isinstance(e, Ring), after=count)
                clock.advance(10)
                recorder.wait_for(lambda e: isinstance(e, Ended), after=count)
            assert fake.wait_for_command("AT+VCID=1", count=2)
        finally:
            line.stop()


def test_caller_id_reaches_emit_within_ten_milliseconds(modem: FakeModem) -> None:
    line, recorder = start_line(modem)
    try:
        recorder.wait_for(status(LineState.UP))
        latencies = []
        for n in range(40):
            number = f"05364901{n:02d}"
            count = len(recorder.events)
            written = time.perf_counter()
            modem.play(f"NMBR = {number}\r\nRING\r\n".encode())
            index, _ = recorder.wait_for(caller(number), after=count)
            latencies.append(recorder.events[index][0] - written)
        median_ms = statistics.median(latencies) * 1000
        worst_ms = max(latencies) * 1000
        print(f"modem caller-ID latency: median {median_ms:.2f} ms, max {worst_ms:.2f} ms")
        assert median_ms < 10
    finally:
        line.stop()


def test_stop_returns_promptly(modem: FakeModem) -> None:
    line, recorder = start_line(modem)
    recorder.wait_for(status(LineState.UP))
    started = time.perf_counter()
    line.stop()
    assert time.perf_counter() - started < 1.5
    line.stop()  # idempotent


def test_open_source_gives_a_modem_line() -> None:
    line = open_source("modem:/dev/ttyUSB0?baud=9600&profile=gsm&country=uk")
    assert isinstance(line, ModemLine) and line.kind == "modem" and not line.can_divert
    assert line.settings == ModemSettings("/dev/ttyUSB0", 9600, "gsm", "UK", ())


@pytest.mark.parametrize(
    ("url", "settings"),
    [
        ("modem:COM3", ModemSettings("COM3")),
        ("modem://COM3", ModemSettings("COM3")),
        ("modem:///dev/ttyACM0", ModemSettings("/dev/ttyACM0")),
        ("modem:rfc2217://cupboard:4000", ModemSettings("rfc2217://cupboard:4000")),
        (
            "modem:/dev/ttyUSB0?init=AT&F;AT+FCLASS=8;AT#CID=1&country=FR",
            ModemSettings("/dev/ttyUSB0", country="FR", init=("AT&F", "AT+FCLASS=8", "AT#CID=1")),
        ),
        (
            "modem:/dev/ttyUSB0?init=AT%2BVCID%3D1",
            ModemSettings("/dev/ttyUSB0", init=("AT+VCID=1",)),
        ),
    ],
)
def test_modem_url_is_read(url: str, settings: ModemSettings) -> None:
    assert open_url(url).settings == settings


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("modem:", "no serial port"),
        ("modem:/dev/ttyUSB0?baud=fast", "baud"),
        ("modem:/dev/ttyUSB0?baud=0", "baud"),
        ("modem:/dev/ttyUSB0?profile=nokia", "unknown modem profile"),
        ("modem:/dev/ttyUSB0?country=XX", "country code"),
        ("modem:/dev/ttyUSB0?init=reboot", "init must be AT commands"),
        ("modem:/dev/ttyUSB0?speed=9600", "unknown modem parameter"),
    ],
)
def test_bad_modem_url_says_what_is_wrong(url: str, complaint: str) -> None:
    with pytest.raises(SourceError, match=complaint):
        open_url(url)


def test_list_ports_gives_device_and_description() -> None:
    ports = list_ports()
    assert all(isinstance(d, str) and isinstance(t, str) and d for d, t in ports)


def test_withheld_caller_through_the_line(modem: FakeModem) -> None:
    line, recorder = start_line(modem, query="profile=conexant")
    try:
        recorder.wait_for(status(LineState.UP))
        modem.play(b"RING\r\n8010010831313232313031330401500801502E\r\n")
        _, event = recorder.wait_for(lambda e: isinstance(e, CallerId))
        assert isinstance(event, CallerId) and event.presentation is Presentation.PRIVATE
    finally:
        line.stop()
