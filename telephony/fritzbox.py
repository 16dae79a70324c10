"""The FRITZ!Box call monitor (TCP port 1012): ``fritzbox://192.168.178.1:1012``.

The box prints one line per event once the monitor is enabled (dial ``#96*5*``
on a phone connected to it)::

    22.11.26 10:21:37;RING;0;0536490123;0561000000;SIP0;        incoming call
    22.11.26 10:28:48;CALL;2;12;0561000000;0199001234;SIP0;     outgoing call
    22.11.26 10:22:15;CONNECT;0;12;0536490123;                  picked up on extension 12
    22.11.26 10:25:40;DISCONNECT;0;205;                         over, 205 s connected

:class:`CallMonitor` is the sans-I/O part (bytes and the time in, events out);
:class:`FritzBoxLine` is the TCP client, a :class:`telephony.running.ReconnectingLine`.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from telephony.backoff import Backoff
from telephony.events import Answered, CallerId, Ended, Event, Outcome, Presentation, Ring
from telephony.lines import LineSplitter
from telephony.running import LineTrouble, ReconnectingLine
from telephony.source import Clock, SourceError, local_now, mask_password, parse_url

log = logging.getLogger(__name__)

DEFAULT_PORT = 1012
#: Real lines are under 100 bytes; a longer one is noise and is dropped, so a
#: peer that never sends a newline cannot grow memory.
MAX_LINE_LENGTH = 1024
#: Reconnect delays: the box reboots in about a minute, so doubling from 1 s
#: and capping at 60 s finds it again quickly without hammering it. No jitter:
#: one process owns the line (the office's host), so no crowd comes back at once.
RECONNECT_FIRST_S = 1.0
RECONNECT_MAX_S = 60.0
#: A box on the office's network answers a SYN in milliseconds; 5 s covers a
#: congested Wi-Fi bridge and still notices a box that is off quickly.
CONNECT_TIMEOUT_S = 5.0
#: Bytes read from the socket at once: a burst of a dozen lines.
RECV_CHUNK = 4096


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
    """Turns call-monitor bytes into our events; keeps which connection is which call.

    Sans-I/O: the caller passes the time it read the bytes (``now``).
    """

    def __init__(self) -> None:
        self._lines = LineSplitter(MAX_LINE_LENGTH)
        self._connections: dict[str, _Connection] = {}
        # The box numbers connections from 0 again for every call, so the
        # call key counts rings: connection 0 today is not connection 0 at ten.
        self._rings = 0
        self._unparsable = 0

    @property
    def malformed(self) -> int:
        """Lines that were not call-monitor output, or too long."""
        return self._unparsable + self._lines.dropped_lines

    @property
    def buffered(self) -> int:
        """Bytes of an unfinished line held; never more than ``MAX_LINE_LENGTH``."""
        return self._lines.buffered

    def restart(self) -> None:
        """A new connection: forget half a line and the calls of the old one,
        but keep counting rings so that no call key is ever given twice."""
        self._lines.clear()
        self._connections.clear()

    def feed(self, data: bytes, now: datetime) -> list[Event]:
        """Take bytes read from the box at ``now``; return the events they complete."""
        events: list[Event] = []
        for raw in self._lines.feed(data):
            events += self.line(raw.decode("latin-1"), now)
        return events

    def line(self, text: str, now: datetime) -> list[Event]:
        if not text.strip():
            return []
        try:
            parsed = parse_line(text)
        except MonitorError as exc:
            self._unparsable += 1
            log.info("%s", exc)
            return []
        return self.events_for(parsed, now)

    def events_for(self, line: MonitorLine, now: datetime) -> list[Event]:
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


class FritzBoxLine(ReconnectingLine):
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
        super().__init__(url, Backoff(reconnect_first, reconnect_max), clock)
        self.host = host
        self.port = port
        self._connect = connect
        self._sock: socket.socket | None = None
        self.monitor = CallMonitor()

    @property
    def failures(self) -> int:
        """Connection attempts that failed in a row; back to 0 once connected."""
        return self.backoff.failures

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def connect(self) -> None:
        try:
            sock = self._connect((self.host, self.port), CONNECT_TIMEOUT_S)
        except ConnectionRefusedError as exc:
            raise LineTrouble(f"FRITZ!Box at {self.where} refused: enable the call monitor "
                              "by dialling #96*5*") from exc
        except OSError as exc:
            raise LineTrouble(f"FRITZ!Box at {self.where} not answering ({exc})") from exc
        sock.settimeout(None)  # stop() wakes recv by shutting the socket down
        self._sock = sock
        self.monitor.restart()

    def read_once(self) -> list[Event]:
        assert self._sock is not None
        try:
            data = self._sock.recv(RECV_CHUNK)
        except OSError as exc:
            raise LineTrouble(f"connection to FRITZ!Box at {self.where} lost ({exc})") from exc
        if not data:
            if self.stopping:
                return []
            raise LineTrouble(f"FRITZ!Box at {self.where} closed the connection")
        return self.monitor.feed(data, self.clock())

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()

    def interrupt(self) -> None:
        sock = self._sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                log.debug("socket already closed")

    def up_detail(self) -> str:
        return f"call monitor at {self.where}"


def open_url(url: str, clock: Clock = local_now) -> FritzBoxLine:
    shown = mask_password(url)  # the password, if any, never in a message
    parts = parse_url(url)
    if not parts.hostname:
        raise SourceError(f"{shown!r}: expected fritzbox://HOST[:PORT] (the port is usually 1012)")
    return FritzBoxLine(url, parts.hostname, parts.port or DEFAULT_PORT, clock)
