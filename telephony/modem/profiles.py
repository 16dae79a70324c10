"""Setting a modem up for caller ID: a dialogue of AT commands, without I/O.

``InitDialogue`` is a state machine: ``start()`` gives the first command,
``receive(line)`` takes each line the modem answers and gives the next command
when one is due, ``timed_out()`` says the modem did not answer in time. The
transport only writes the commands and reads the lines.

The sequence: reset (``ATZ``), echo off (``ATE0``), identify the chipset
(``ATI``, ``ATI3``, ``AT+GMI`` or ``AT+FMI``) when the profile is ``auto``, set
the country (``AT+GCI=``) when one is configured, then the caller-ID commands
the chipset takes, each in turn until one answers ``OK``. An ``init`` override
replaces the whole sequence.

``CallerIdWatch`` serves a quirk of some chipsets (Conexant HSF and Agere
soft modems above all): after a power cycle or a line reset they forget
``AT+VCID=1`` and go on reporting bare ``RING``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from telephony.events import CallerId, Ended, Event, Presentation


@dataclass(frozen=True, slots=True)
class Chipset:
    name: str
    #: Words found in the answers to ATI, ATI3, AT+GMI that identify it.
    markers: tuple[str, ...]
    #: Caller-ID commands to try in order; the first that answers OK stays.
    caller_id_commands: tuple[str, ...]
    #: Whether it takes the ITU-T T.35 country code through AT+GCI.
    sets_country: bool = True


# Formatted caller ID (=1) first: the dialects parser reads both, but the
# formatted form survives chipsets whose hex output drops a byte now and then.
_ROCKWELL = ("AT+VCID=1", "AT#CID=1")
CHIPSETS: tuple[Chipset, ...] = (
    Chipset("conexant", ("CONEXANT", "CX93", "ROCKWELL", "RC56", "HSF", "HCF"), _ROCKWELL),
    Chipset("usrobotics", ("U.S. ROBOTICS", "USROBOTICS", "USR", "3COM"), _ROCKWELL),
    Chipset("agere", ("AGERE", "LUCENT", "LT WIN", "LSI"), _ROCKWELL),
    Chipset("zyxel", ("ZYXEL",), ("AT+VCID=1", "AT#CID=1")),
    # Hayes-compatible command set: %CCID is their caller-ID switch.
    Chipset("hayes", ("HAYES", "KORTEX", "OLITEC"), ("AT%CCID=1", "AT+VCID=1", "AT#CID=1")),
    # GSM/3G/4G modules: unsolicited +CLIP after each RING; no analogue country.
    Chipset(
        "gsm",
        ("QUECTEL", "SIMCOM", "HUAWEI", "TELIT", "U-BLOX", "SIERRA", "FIBOCOM", "ZTE", "+CGMI"),
        ("AT+CLIP=1",),
        sets_country=False,
    ),
)
#: When nothing identifies the chipset, every caller-ID command we know, most common first.
GENERIC = Chipset("generic", (), ("AT+VCID=1", "AT#CID=1", "AT%CCID=1", "AT*ID1", "AT+CLIP=1"))
PROFILES = {chipset.name: chipset for chipset in (*CHIPSETS, GENERIC)}

#: ITU-T T.35 country codes for ``AT+GCI`` (the line's ring cadence, caller-ID
#: standard and impedance). Region codes as phonenumbers spells them.
COUNTRY_CODES = {
    "AT": "0A",
    "AU": "09",
    "BE": "0F",
    "BR": "16",
    "CA": "20",
    "CH": "A6",
    "CN": "26",
    "DE": "42",
    "DK": "31",
    "ES": "A0",
    "FI": "3C",
    "FR": "3D",
    "GB": "B4",
    "GR": "46",
    "IE": "57",
    "IN": "53",
    "IT": "59",
    "JP": "00",
    "LU": "69",
    "MX": "73",
    "NL": "7B",
    "NO": "82",
    "NZ": "7E",
    "PL": "8A",
    "PT": "8B",
    "SE": "A5",
    "US": "B5",
    "ZA": "9F",
}
# People write UK for the United Kingdom; phonenumbers calls it GB.
COUNTRY_ALIASES = {"UK": "GB"}

IDENTIFY_COMMANDS = ("ATI", "ATI3", "AT+GMI")
#: Fax-class modems that do not take the V.250 AT+GMI answer the T.31 AT+FMI.
IDENTIFY_FALLBACK = "AT+FMI"


def country_code(country: str) -> str | None:
    """The T.35 code for a two-letter country, or ``None`` when we do not know it."""
    country = country.upper()
    return COUNTRY_CODES.get(COUNTRY_ALIASES.get(country, country))


def detect_chipset(identification: str) -> Chipset:
    """The chipset whose markers appear in what the modem said of itself."""
    text = identification.upper()
    for chipset in CHIPSETS:
        if any(marker in text for marker in chipset.markers):
            return chipset
    return GENERIC


class Step(StrEnum):
    RESET = "reset"
    ECHO_OFF = "echo off"
    IDENTIFY = "identify"
    COUNTRY = "country"
    CALLER_ID = "caller id"
    OVERRIDE = "init string"
    DONE = "done"


_FINAL_OK = {"OK"}
# +CME/+CMS ERROR: GSM modules' errors with a cause number.
_FINAL_ERROR_PREFIXES = ("ERROR", "+CME ERROR", "+CMS ERROR", "NO CARRIER")


@dataclass(slots=True)
class InitDialogue:
    """The set-up conversation with one modem; feed it the modem's lines."""

    profile: str = "auto"
    country: str | None = None
    #: Commands that replace the whole sequence (the ``init=`` URL parameter).
    init: tuple[str, ...] = ()
    step: Step = field(default=Step.RESET, init=False)
    chipset: Chipset | None = field(default=None, init=False)
    #: The caller-ID command the modem accepted, to send again when it forgets.
    caller_id_command: str | None = field(default=None, init=False)
    #: What happened, in words, for the line status and the log.
    notes: list[str] = field(default_factory=list, init=False)
    _queue: list[str] = field(default_factory=list, init=False)
    _sent: str | None = field(default=None, init=False)
    _answer: list[str] = field(default_factory=list, init=False)
    _identification: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if self.profile != "auto" and self.profile not in PROFILES:
            raise ValueError(f"unknown modem profile {self.profile!r}")

    @property
    def done(self) -> bool:
        return self.step is Step.DONE

    @property
    def waiting_for(self) -> str | None:
        """The command sent whose answer is awaited."""
        return self._sent

    def start(self) -> str:
        """The first command to send."""
        if self.init:
            self.step = Step.OVERRIDE
            self._queue = list(self.init)
        else:
            self._queue = ["ATZ"]
        command = self._send_next()
        assert command is not None  # both sequences have a first command
        return command

    def receive(self, line: str) -> str | None:
        """Take one line from the modem; return the next command when one is due."""
        text = line.strip()
        if self._sent is None or not text:
            return None
        upper = text.upper()
        if upper == self._sent.upper():
            return None  # the echo, until ATE0 takes effect
        if upper in _FINAL_OK:
            return self._answered(ok=True)
        if upper.startswith(_FINAL_ERROR_PREFIXES):
            return self._answered(ok=False)
        if upper != "RING":
            self._answer.append(text)
        return None

    def timed_out(self) -> str | None:
        """The modem did not answer the last command: go on as if it said ERROR."""
        if self._sent is None:
            return None
        self.notes.append(f"no answer to {self._sent}")
        return self._answered(ok=False)

    def _send_next(self) -> str | None:
        if not self._queue:
            self._advance()
        if not self._queue:
            self.step = Step.DONE
            self._sent = None
            return None
        self._sent = self._queue.pop(0)
        self._answer = []
        return self._sent

    def _answered(self, ok: bool) -> str | None:
        sent, self._sent = self._sent, None
        assert sent is not None
        if self.step is Step.OVERRIDE:
            if not ok:
                self.notes.append(f"{sent} answered ERROR")
            elif self._is_caller_id_command(sent):
                self.caller_id_command = sent
        elif self.step is Step.IDENTIFY:
            if ok:
                self._identification.extend(self._answer)
            elif sent == "AT+GMI":
                self._queue.insert(0, IDENTIFY_FALLBACK)
        elif self.step is Step.COUNTRY and not ok:
            self.notes.append(f"{sent} refused: the modem keeps its own country setting")
        elif self.step is Step.CALLER_ID:
            if ok:
                self.caller_id_command = sent
                self.notes.append(f"caller ID enabled with {sent}")
                self._queue.clear()
            else:
                self.notes.append(f"{sent} answered ERROR")
        return self._send_next()

    def _advance(self) -> None:
        """Move to the next step with commands to send, filling the queue."""
        if self.step is Step.OVERRIDE:
            return
        if self.step is Step.RESET:
            self.step, self._queue = Step.ECHO_OFF, ["ATE0"]
        elif self.step is Step.ECHO_OFF and self.profile == "auto":
            self.step, self._queue = Step.IDENTIFY, list(IDENTIFY_COMMANDS)
        elif self.step in (Step.ECHO_OFF, Step.IDENTIFY):
            self.chipset = self._choose_chipset()
            code = country_code(self.country) if self.country else None
            self.step = Step.COUNTRY
            if code is not None and self.chipset.sets_country:
                self._queue = [f"AT+GCI={code}"]
            else:
                self._advance()
        elif self.step is Step.COUNTRY:
            assert self.chipset is not None
            self.step, self._queue = Step.CALLER_ID, list(self.chipset.caller_id_commands)
        elif self.step is Step.CALLER_ID and self.caller_id_command is None:
            self.notes.append("no caller-ID command was accepted: only rings will be reported")

    def _choose_chipset(self) -> Chipset:
        if self.profile != "auto":
            return PROFILES[self.profile]
        chipset = detect_chipset(" ".join(self._identification))
        self.notes.append(f"chipset: {chipset.name}")
        return chipset

    @staticmethod
    def _is_caller_id_command(command: str) -> bool:
        upper = command.upper()
        return any(c in upper for c in ("VCID=", "#CID=", "%CCID=", "*ID", "+CLIP=1"))


#: Bare-ring calls in a row, after caller ID has worked on this line, before we
#: decide the modem forgot its caller-ID setting. One could be a caller on a line
#: without the service (an internal call, a PBX extension); two is a pattern.
FORGOTTEN_AFTER_CALLS = 2


@dataclass(slots=True)
class CallerIdWatch:
    """Notice when a modem that gave caller ID starts giving bare rings."""

    threshold: int = FORGOTTEN_AFTER_CALLS
    _seen_caller_id: bool = field(default=False, init=False)
    _bare_calls: int = field(default=0, init=False)
    _current_key: str | None = field(default=None, init=False)
    _current_had_caller_id: bool = field(default=False, init=False)

    def observe(self, event: Event) -> bool:
        """Watch one event; ``True`` when the caller-ID command should be sent again."""
        if isinstance(event, CallerId):
            if event.key != self._current_key:
                self._current_key, self._current_had_caller_id = event.key, False
            if _from_the_network(event):
                self._current_had_caller_id = True
            return False
        if not isinstance(event, Ended):
            return False
        had = self._current_had_caller_id and event.key == self._current_key
        self._current_key, self._current_had_caller_id = None, False
        if had:
            self._seen_caller_id, self._bare_calls = True, 0
            return False
        if not self._seen_caller_id:
            return False
        self._bare_calls += 1
        if self._bare_calls >= self.threshold:
            self._bare_calls = 0
            return True
        return False


def _from_the_network(event: CallerId) -> bool:
    # The parser's stand-in for "no caller ID came" is all-empty and unavailable.
    return (
        event.number is not None
        or event.presentation is not Presentation.UNAVAILABLE
        or event.name is not None
        or event.network_date is not None
        or event.network_time is not None
    )
