"""The FRITZ!Box call monitor (TCP port 1012): ``fritzbox://192.168.178.1:1012``.

The box prints one line per event once the monitor is enabled (dial ``#96*5*``
on a phone connected to it)::

    22.11.26 10:21:37;RING;0;0536490123;0561000000;SIP0;        incoming call
    22.11.26 10:28:48;CALL;2;12;0561000000;0199001234;SIP0;     outgoing call
    22.11.26 10:22:15;CONNECT;0;12;0536490123;                  picked up on extension 12
    22.11.26 10:25:40;DISCONNECT;0;205;                         over, 205 s connected

:class:`CallMonitor` is the sans-I/O part (bytes in, events out);
:class:`FritzBoxLine` is the TCP client with reconnect.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

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
from telephony.source import Clock, Emit, Source, SourceError, local_now, parse_url

log = logging.getLogger(__name__)

DEFAULT_PORT = 1012
#: Real lines are under 100 bytes; a longer one is noise and is dropped, so a
#: peer that never sends a newline cannot grow memory.
MAX_LINE_LENGTH = 1024
#: Reconnect delays: the box reboots in about a minute, so doubling from 1 s
#: and capping at 60 s finds it again quickly without hammering it.
RECONNECT_FIRST_S = 1.0
RECONNECT_MAX_S = 60.0
CONNECT_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class MonitorLine:
    """One parsed call-monitor line. ``event`` is ring, outgoing, answered or ended."""

    event: str
    conn: str
    network_date: str | None = None  # MMDD, as the box sent it
    network_time: str | None = None  # HHMM
    number: str | None = None  # the caller (ring) or the number dialled (outgoing)
    called: str | None = None  # our number that was called
    line: str | None = None  # SIP0, POTS, ISDN…
    extension: str | None = None
    duration_s: int | None = None

    @property
    def presentation(self) -> Presentation:
        return Presentation.AVAILABLE if self.number else Presentation.PRIVATE


class MonitorError(ValueError):
    """A line that is not call-monitor output."""


def parse_line(text: str) -> MonitorLine:
    """Parse one call-monitor line (without its newline)."""
    fields = text.strip().split(";")
    if len(fields) < 3:
        raise MonitorError(f"not a call-monitor line: {text[:80]!r}")
    stamp, kind, conn = fields[0], fields[1].upper(), fields[2]
    date, time = _network_stamp(stamp)
    rest = fields[3:] + [""] * 4

    def opt(value: str) -> str | None:
        return value.strip() or None

    if kind == "RING":
        return MonitorLine("ring", conn, date, time, opt(rest[0]), opt(rest[1]), opt(rest[2]))
    if kind == "CALL":
        return MonitorLine("outgoing", conn, date, time, opt(rest[2]), opt(rest[1]),
                           opt(rest[3]), extension=opt(rest[0]))
    if kind == "CONNECT":
        return MonitorLine("answered", conn, date, time, opt(rest[1]), extension=opt(rest[0]))
    if kind == "DISCONNECT":
        duration = rest[0].strip()
        # isdigit() also accepts "²" and other digits int() refuses.
        if not (duration.isascii() and duration.isdigit()):
            raise MonitorError(f"bad duration in {text[:80]!r}")
        return MonitorLine("ended", conn, date, time, duration_s=int(duration))
    raise MonitorError(f"unknown call-monitor event {kind[:20]!r}")


def _network_stamp(stamp: str) -> tuple[str | None, str | None]:
    """``22.11.26 10:21:37`` (DD.MM.YY HH:MM:SS) -> (``1122``, ``1021``)."""
    try:
        when = datetime.strptime(stamp.strip(), "%d.%m.%y %H:%M:%S")
    except ValueError:
        return None, None
    return when.strftime("%m%d"), when.strftime("%H%M")


@dataclass
class _Connection:
    outgoing: bool
    key: str = ""
    connected: bool = False


class CallMonitor:
    """Turns call-monitor bytes into our events; keeps which connection is which call."""

    def __init__(self, clock: Clock = local_now) -> None:
        self.clock = clock
        self._buffer = bytearray()
        self._discarding = False
        self._connections: dict[str, _Connection] = {}
        # The box numbers connections from 0 again for every call, so the
        # call key counts rings: connection 0 today is not connection 0 at ten.
        self._rings = 0
        #: Lines that were not call-monitor output, or too long.
        self.malformed = 0

    def restart(self) -> None:
        """A new connection: forget half a line and the calls of the old one,
        but keep counting rings so that no call key is ever given twice."""
        self._buffer.clear()
        self._discarding = False
        self._connections.clear()

    def feed(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        self._buffer += data
        while True:
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > MAX_LINE_LENGTH:
                    self._buffer.clear()
                    self._discarding = True
                    self.malformed += 1
                return events
            raw = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            if self._discarding:  # the tail of an over-long line
                self._discarding = False
                continue
            if len(raw) > MAX_LINE_LENGTH:
                self.malformed += 1
                continue
            events += self.line(raw.decode("latin-1"))

    def line(self, text: str) -> list[Event]:
        if not text.strip():
            return []
        try:
            parsed = parse_line(text)
        except MonitorError as exc:
            self.malformed += 1
            log.info("%s", exc)
            return []
        return self.events_for(parsed)

    def events_for(self, line: MonitorLine) -> list[Event]:
        now = self.clock()
        if line.event == "ring":
            self._rings += 1
            key = f"fritzbox-{self._rings}"
            self._connections[line.conn] = _Connection(outgoing=False, key=key)
            return [
                Ring(key, now),
                CallerId(key, now, line.number, None, line.presentation,
                         line.network_date, line.network_time),
            ]
        if line.event == "outgoing":
            # Someone in the office dials out: not a call to pop, but the
            # connection number is now taken by it.
            self._connections[line.conn] = _Connection(outgoing=True)
            return []
        connection = self._connections.get(line.conn)
        if connection is None or connection.outgoing:
            if line.event == "ended":
                self._connections.pop(line.conn, None)
            return []
        if line.event == "answered":
            connection.connected = True
            return [Answered(connection.key, now, line.extension)]
        del self._connections[line.conn]
        outcome = Outcome.ANSWERED if connection.connected else Outcome.MISSED
        return [Ended(connection.key, now, outcome, line.duration_s)]


class FritzBoxLine(Source):
    """TCP client of the call monitor, reconnecting with capped backoff."""

    kind = "fritzbox"

    def __init__(
        self,
        url: str,
        host: str,
        port: int = DEFAULT_PORT,
        clock: Clock = local_now,
        *,
        reconnect_first: float = RECONNECT_FIRST_S,
        reconnect_max: float = RECONNECT_MAX_S,
        connect: Callable[[tuple[str, int], float], socket.socket] = socket.create_connection,
    ) -> None:
        super().__init__(url)
        self.host = host
        self.port = port
        self.clock = clock
        self.reconnect_first = reconnect_first
        self.reconnect_max = reconnect_max
        self._connect = connect
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self.monitor = CallMonitor(clock)
        #: Connection attempts that failed in a row; reset once connected.
        self.failures = 0

    def start(self, emit: Emit) -> None:
        self._thread = threading.Thread(target=self._run, args=(emit,), name="fritzbox",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        sock = self._sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                log.debug("socket already closed")
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self.finished.set()

    def _run(self, line_emit: Emit) -> None:
        def emit(event: Event) -> None:
            try:
                line_emit(event)
            except Exception:  # a broken observer must not take the line down
                log.exception("event handler failed on %r", event)

        while not self._stop.is_set():
            detail = self._session(emit)
            if self._stop.is_set():
                break
            self.failures += 1
            delay = min(self.reconnect_first * 2 ** min(self.failures - 1, 30),
                        self.reconnect_max)
            emit(LineStatus(LineState.RECONNECTING, self.clock(),
                            f"{detail}; retrying in {delay:g} s"))
            self._stop.wait(delay)
        emit(LineStatus(LineState.DOWN, self.clock(), "stopped"))

    def _session(self, emit: Emit) -> str:
        """One connection, until it drops; returns why it ended."""
        where = f"{self.host}:{self.port}"
        try:
            sock = self._connect((self.host, self.port), CONNECT_TIMEOUT_S)
        except ConnectionRefusedError:
            return f"FRITZ!Box at {where} refused: enable the call monitor by dialling #96*5*"
        except OSError as exc:
            return f"FRITZ!Box at {where} not answering ({exc})"
        self._sock = sock
        self.failures = 0
        self.monitor.restart()
        emit(LineStatus(LineState.UP, self.clock(), f"call monitor at {where}"))
        try:
            sock.settimeout(None)
            while not self._stop.is_set():
                data = sock.recv(4096)
                if not data:
                    return f"FRITZ!Box at {where} closed the connection"
                for event in self.monitor.feed(data):
                    emit(event)
        except OSError as exc:
            return f"connection to FRITZ!Box at {where} lost ({exc})"
        finally:
            self._sock = None
            sock.close()
        return "stopped"


def open_url(url: str, clock: Clock = local_now) -> FritzBoxLine:
    parts = parse_url(url)
    if not parts.hostname:
        raise SourceError(f"{url!r}: expected fritzbox://HOST[:PORT] (the port is usually 1012)")
    return FritzBoxLine(url, parts.hostname, parts.port or DEFAULT_PORT, clock)
