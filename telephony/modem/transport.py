"""The serial port: a reader thread that moves bytes and time into the parser.

``ModemLine`` opens the port, sets the modem up (``profiles.InitDialogue``),
then reads whatever arrives and hands the parser's events on at once. It runs
as a :class:`telephony.running.ReconnectingLine`: when the modem is pulled out
or the port vanishes it says so with ``LineStatus`` (down, then reconnecting),
tries again with a growing delay, sets the modem up again and says ``up``.

URL: ``modem:/dev/ttyUSB0?baud=115200&profile=auto&country=FR&init=ATZ;AT+VCID=1``
(``modem:COM3`` on Windows; any pyserial URL such as ``modem:rfc2217://host:4000``
for a modem behind a serial server).

- ``baud``: port speed (default 115200; the modem adapts to any).
- ``profile``: ``auto`` (identify the chipset) or one of ``profiles.PROFILES``.
- ``country``: two-letter country for ``AT+GCI`` (``FR``, ``US``, ``UK``...).
- ``init``: commands separated by ``;`` that replace the whole set-up.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from urllib.parse import unquote

import serial
from serial.tools import list_ports as serial_list_ports

from telephony.backoff import Backoff
from telephony.events import Event
from telephony.modem.lines import ModemLines
from telephony.modem.parser import ModemParser
from telephony.modem.profiles import PROFILES, CallerIdWatch, InitDialogue, country_code
from telephony.running import LineTrouble, ReconnectingLine
from telephony.source import Clock, SourceError, local_now, mask_password

DEFAULT_BAUD = 115200
#: How long one read waits for a byte. It is also how often ``tick`` ends calls
#: whose rings stopped and how fast ``stop`` is noticed; bytes that arrive are
#: returned at once whatever this is, so it costs no latency.
READ_TIMEOUT_S = 0.2
#: A write that cannot go out in this time means a wedged port (hardware flow
#: control with a dead modem): better to reconnect than to hang the thread.
WRITE_TIMEOUT_S = 2.0
#: How long a modem may take to answer one set-up command. ATZ reloads the
#: profile and takes up to a second on soft modems (Conexant HSF, Agere).
COMMAND_TIMEOUT_S = 3.0
#: Reconnect delays: quick at first (a USB hub glitch, a re-enumerated
#: adapter), doubling up to half a minute so an unplugged modem costs nothing.
#: No jitter: the port is ours alone (opened exclusively), there is no crowd
#: of clients to spread out.
RECONNECT_FIRST_DELAY_S = 0.5
RECONNECT_MAX_DELAY_S = 30.0

PARAMETERS = ("baud", "profile", "country", "init")
# Split the query only before a known parameter: AT commands contain "&"
# (AT&F, AT&C1), so a plain split on "&" would cut an init string in pieces.
_PARAMETER_SPLIT = re.compile(r"&(?=(?:" + "|".join(PARAMETERS) + r")=)")


@dataclass(frozen=True, slots=True)
class ModemSettings:
    device: str
    baud: int = DEFAULT_BAUD
    profile: str = "auto"
    country: str | None = None
    init: tuple[str, ...] = ()


class ModemLine(ReconnectingLine):
    """A modem on a serial port, as a source of call events."""

    kind = "modem"

    def __init__(
        self,
        url: str,
        settings: ModemSettings,
        clock: Clock = local_now,
        first_delay: float = RECONNECT_FIRST_DELAY_S,
        max_delay: float = RECONNECT_MAX_DELAY_S,
    ) -> None:
        super().__init__(url, Backoff(first_delay, max_delay), clock)
        self.settings = settings
        # One parser for the life of the line, so call keys never repeat.
        self.parser = ModemParser()
        self._watch = CallerIdWatch()
        self._caller_id_command: str | None = None
        self._say_caller_id_again = False
        self._set_up_notes: list[str] = []
        self._port: serial.SerialBase | None = None

    # -- what the reconnecting line asks of a modem ----------------------------------

    def connect(self) -> None:
        device = self.settings.device
        # On POSIX take the port exclusively: two programs on one modem would
        # each get half of every caller-ID record.
        exclusive = os.name == "posix" and "://" not in device
        try:
            self._port = serial.serial_for_url(
                device,
                baudrate=self.settings.baud,
                timeout=READ_TIMEOUT_S,
                write_timeout=WRITE_TIMEOUT_S,
                exclusive=exclusive or None,
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise LineTrouble(f"cannot open the modem on {device}: {exc}") from exc
        try:
            self._set_up(self._port)
        except (serial.SerialException, OSError) as exc:
            raise self._lost_because(exc) from exc

    def read_once(self) -> list[Event]:
        port = self._port
        assert port is not None
        try:
            if self._say_caller_id_again and self._caller_id_command:
                # The modem forgot caller ID (a reset behind our back): say it again.
                _send(port, self._caller_id_command)
                self._say_caller_id_again = False
            data = _read_available(port)
        except (serial.SerialException, OSError) as exc:
            raise self._lost_because(exc) from exc
        now = self.clock()
        events = self.parser.feed(data, now) if data else []
        return self._watched(events + self.parser.tick(now))

    def close(self) -> None:
        port, self._port = self._port, None
        if port is None:
            return
        try:
            port.close()
        except (serial.SerialException, OSError):
            return  # the port is already gone; closing it is all we wanted

    def lost(self) -> list[Event]:
        return self.parser.line_lost(self.clock())

    def up_detail(self) -> str:
        notes = "; ".join(self._set_up_notes)
        detail = f"modem on {self.settings.device}"
        return f"{detail} ({notes})" if notes else detail

    # -- set-up ----------------------------------------------------------------------

    def _set_up(self, port: serial.SerialBase) -> None:
        dialogue = InitDialogue(self.settings.profile, self.settings.country, self.settings.init)
        answers = ModemLines()
        _send(port, dialogue.start())
        deadline = time.monotonic() + COMMAND_TIMEOUT_S
        while not dialogue.done and not self.stopping:
            data = _read_available(port)
            # A call may ring while we talk to the modem: the parser sees it all.
            for event in self._watched(self.parser.feed(data, self.clock()) if data else []):
                self.emit(event)
            for line in answers.feed(data):
                command = dialogue.receive(line)
                if command is not None:
                    _send(port, command)
                    deadline = time.monotonic() + COMMAND_TIMEOUT_S
            if not dialogue.done and time.monotonic() > deadline:
                command = dialogue.timed_out()
                if command is not None:
                    _send(port, command)
                deadline = time.monotonic() + COMMAND_TIMEOUT_S
        self._caller_id_command = dialogue.caller_id_command
        self._set_up_notes = list(dialogue.notes)
        self._say_caller_id_again = False

    def _watched(self, events: list[Event]) -> list[Event]:
        for event in events:
            if self._watch.observe(event):
                self._say_caller_id_again = True
        return events

    def _lost_because(self, exc: BaseException) -> LineTrouble:
        return LineTrouble(f"lost the modem on {self.settings.device}: {exc} "
                           "(unplugged, or the port went away)")


def _read_available(port: serial.SerialBase) -> bytes:
    # One byte with the read timeout, then whatever else is already there: a
    # burst comes back as soon as it lands, never after a fixed poll interval.
    return bytes(port.read(max(1, port.in_waiting)))


def _send(port: serial.SerialBase, command: str) -> None:
    port.write(command.encode("ascii", "replace") + b"\r")


def list_ports() -> list[tuple[str, str]]:
    """Serial ports present, as (device, description), for the settings dialog."""
    ports = sorted(serial_list_ports.comports(), key=lambda port: port.device)
    return [(port.device, port.description or port.device) for port in ports]


def parse_modem_url(url: str) -> ModemSettings:
    """Read a ``modem:`` URL, or raise ``SourceError`` saying what is wrong."""
    shown = mask_password(url)  # the password, if any, never in a message
    scheme, sep, rest = url.partition(":")
    if not sep or scheme.lower() != "modem":
        raise SourceError(
            f"{shown!r} is not a modem URL; expected modem:/dev/ttyUSB0 or modem:COM3")
    # Parsed by hand, not with urlsplit: "#" (AT#CID=1) would start a fragment
    # and parse_qs would turn the "+" of AT+VCID=1 into a space.
    path, _, query = rest.partition("?")
    device = unquote(path[2:] if path.startswith("//") and "://" not in path else path)
    if not device:
        raise SourceError(f"{shown!r}: no serial port; write e.g. modem:/dev/ttyUSB0 or modem:COM3")
    values: dict[str, str] = {}
    for item in _PARAMETER_SPLIT.split(query) if query else []:
        name, eq, value = item.partition("=")
        if name not in PARAMETERS or not eq:
            raise SourceError(
                f"{shown!r}: unknown modem parameter {name!r}; known: {', '.join(PARAMETERS)}"
            )
        values[name] = unquote(value)
    return ModemSettings(
        device=device,
        baud=_baud(url, values.get("baud")),
        profile=_profile(url, values.get("profile", "auto")),
        country=_country(url, values.get("country")),
        init=_init(url, values.get("init")),
    )


def _baud(url: str, value: str | None) -> int:
    if value is None:
        return DEFAULT_BAUD
    if not value.isdigit() or int(value) <= 0:
        raise SourceError(f"{mask_password(url)!r}: baud must be a positive number "
                          f"such as 115200, not {value!r}")
    return int(value)


def _profile(url: str, value: str) -> str:
    profile = value.lower()
    if profile != "auto" and profile not in PROFILES:
        raise SourceError(
            f"{mask_password(url)!r}: unknown modem profile {value!r}; use auto or one of "
            + ", ".join(sorted(PROFILES))
        )
    return profile


def _country(url: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if country_code(value) is None:
        raise SourceError(
            f"{mask_password(url)!r}: no modem country code known for {value!r}; leave country out "
            "to keep the modem's own setting, or use e.g. FR, US, UK, DE"
        )
    return value.upper()


def _init(url: str, value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    commands = tuple(command.strip() for command in value.split(";") if command.strip())
    bad = [command for command in commands if not command.upper().startswith("AT")]
    if not commands or bad:
        raise SourceError(
            f"{mask_password(url)!r}: init must be AT commands separated by ';' "
            "(e.g. ATZ;AT+VCID=1), "
            f"not {value!r}"
        )
    return commands


def open_url(url: str, clock: Clock = local_now) -> ModemLine:
    """Open a ``modem:`` URL (see the module's docstring for parameters)."""
    return ModemLine(url, parse_modem_url(url), clock=clock)
