"""What one line from a modem says: a ring, some caller-ID fields, or nothing.

Each chipset family prints caller ID its own way; this module reads one line
of any of them into a small value, and knows nothing of calls:

- formatted (Rockwell/Conexant, USRobotics, Lucent/Agere after ``AT+VCID=1``):
  ``DATE = 0321``, ``TIME = 1405``, ``NMBR = 2015550123``, ``NAME = SMITH``,
  ``MESG = 110101``, ``DDN_NMBR = ...``, with or without spaces around ``=``;
- unformatted SDMF/MDMF hex (``AT+VCID=2``), see ``mdmf``;
- Kortex: ``CID RING``, ``DATE TIME=11/24 22:10``, ``NBR=0639981234``;
- ZyXEL: ``TIME: 03-14 09:26``, ``CALLER NUMBER: ...``, ``CALLER NAME: ...``;
- GSM/3G: ``+CLIP: "0465710011",129,"",0,"BOULANGERIE",0``.

Everything else (``OK``, ``NO CARRIER``, echoes, line noise) is ``None``.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass

from telephony.events import Presentation
from telephony.modem.mdmf import (
    ABSENCE,
    MessageError,
    decode_hex_message,
    decode_parameters,
    looks_like_message,
)


@dataclass(frozen=True, slots=True)
class RingLine:
    """The modem reported a ring."""


@dataclass(frozen=True, slots=True)
class FieldsLine:
    """Caller-ID fields read from one line; ``None`` means the line did not say.

    ``presentation`` is set when the line said something about the number: the
    number itself (``AVAILABLE``) or why it is absent. ``dialable`` marks a
    ``DDN_NMBR``: it stands in for the number only when no ``NMBR`` came.
    """

    number: str | None = None
    presentation: Presentation | None = None
    name: str | None = None
    date: str | None = None
    time: str | None = None
    dialable: bool = False


@dataclass(frozen=True, slots=True)
class RejectedLine:
    """A line that looked like caller ID but did not check out (bad checksum)."""

    reason: str


LineReport = RingLine | FieldsLine | RejectedLine

# "CID RING" is Kortex's ring; "+CRING: VOICE" a GSM modem's after AT+CRC=1.
_RING_LINES = {"RING", "CID RING"}
_GSM_RING = re.compile(r"\+CRING:\s*\S+")

# Words some chipsets print instead of the O/P letters.
_ABSENT_WORDS = {
    "PRIVATE": Presentation.PRIVATE,
    "ANONYMOUS": Presentation.PRIVATE,
    "WITHHELD": Presentation.PRIVATE,
    "UNAVAILABLE": Presentation.UNAVAILABLE,
    "OUT OF AREA": Presentation.UNAVAILABLE,
}
# Separators a few chipsets print inside numbers (201-555-0123).
_NUMBER_SEPARATORS = re.compile(r"[\s.\-()/]")
_NUMBER = re.compile(r"\+?[0-9*#]{1,32}")
# GSM +CLIP CLI validity (3GPP TS 27.007): 1 withheld by the caller, 2 not available.
_CLI_VALIDITY = {"1": Presentation.PRIVATE, "2": Presentation.UNAVAILABLE}


def read_line(line: str) -> LineReport | None:
    """Read one cleaned line from the modem."""
    upper = line.upper()
    if upper in _RING_LINES or _GSM_RING.fullmatch(upper):
        return RingLine()
    if upper.startswith("+CLIP:"):
        return _gsm_clip(line[len("+CLIP:") :])
    label, sep, value = line.partition("=")
    if sep:
        report = _equals_field(" ".join(label.upper().split()), value.strip())
        if report is not None:
            return report
    label, sep, value = line.partition(":")
    if sep:
        report = _colon_field(" ".join(label.upper().split()), value.strip())
        if report is not None:
            return report
    if looks_like_message(line):
        return _hex_message(line)
    return None


def _equals_field(label: str, value: str) -> LineReport | None:
    if label in ("NMBR", "NBR"):  # NBR: Kortex
        return number_field(value)
    if label in ("DDN_NMBR", "DDN"):
        return _dialable(number_field(value))
    if label == "NAME":
        return FieldsLine(name=name_value(value))
    if label == "DATE":
        return FieldsLine(date=network_date(value))
    if label == "TIME":
        return FieldsLine(time=network_time(value))
    if label == "DATE TIME":  # Kortex: 11/24 22:10
        date, _, time = value.partition(" ")
        return FieldsLine(date=network_date(date), time=network_time(time))
    if label == "MESG":
        return _mesg(value)
    return None


def _colon_field(label: str, value: str) -> LineReport | None:
    # ZyXEL labels.
    if label == "CALLER NUMBER":
        return number_field(value)
    if label == "CALLER NAME":
        return FieldsLine(name=name_value(value))
    if label == "TIME":  # "TIME: 03-14 09:26": the date and the time
        date, _, time = value.partition(" ")
        return FieldsLine(date=network_date(date), time=network_time(time.strip()))
    return None


def _dialable(fields: FieldsLine) -> FieldsLine:
    return FieldsLine(number=fields.number, presentation=fields.presentation, dialable=True)


def number_field(value: str) -> FieldsLine:
    """A number as the modem printed it, or the reason it is absent."""
    word = " ".join(value.upper().split())
    if word in ABSENCE:
        return FieldsLine(presentation=ABSENCE[word])
    if word in _ABSENT_WORDS:
        return FieldsLine(presentation=_ABSENT_WORDS[word])
    compact = _NUMBER_SEPARATORS.sub("", value)
    if not _NUMBER.fullmatch(compact):
        # Text where a number should be is never passed on as a number.
        return FieldsLine(presentation=Presentation.UNAVAILABLE)
    digits = compact.lstrip("+")
    if digits.isdigit() and set(digits) == {"0"}:
        # Some exchanges send all zeros when the caller withheld the number.
        return FieldsLine(presentation=Presentation.PRIVATE)
    return FieldsLine(number=compact, presentation=Presentation.AVAILABLE)


def name_value(value: str) -> str | None:
    """The caller's name, or ``None`` when the line says it is absent (O, P, A)."""
    name = " ".join(value.split())
    if not name or name.upper() in ABSENCE:
        return None
    return name


def network_date(text: str) -> str | None:
    """MMDD when ``text`` is a real month and day (29 February included)."""
    digits = re.sub(r"[/\-.]", "", text.strip())
    if not re.fullmatch(r"\d{4}", digits):
        return None
    month, day = int(digits[:2]), int(digits[2:])
    if not 1 <= month <= 12:
        return None
    # The network sends no year: a leap year's length allows 29 February.
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    return digits


def network_time(text: str) -> str | None:
    """HHMM when ``text`` is a real time of day."""
    digits = text.strip().replace(":", "")
    if not re.fullmatch(r"\d{4}", digits):
        return None
    if int(digits[:2]) > 23 or int(digits[2:]) > 59:
        return None
    return digits


def _mesg(value: str) -> FieldsLine | None:
    # MESG carries MDMF parameters the chipset did not format (call type,
    # sometimes the reason the number is absent): never the number itself.
    try:
        message = decode_parameters(bytes.fromhex("".join(value.split())))
    except (ValueError, MessageError):
        return None
    if message.has_number and message.number is None:
        return FieldsLine(presentation=message.presentation)
    return None


def _hex_message(line: str) -> LineReport:
    try:
        message = decode_hex_message(line)
    except MessageError as exc:
        return RejectedLine(str(exc))
    return FieldsLine(
        number=message.number,
        presentation=message.presentation if message.has_number else None,
        name=message.name,
        date=network_date(message.date or ""),
        time=network_time(message.time or ""),
    )


def _gsm_clip(arguments: str) -> FieldsLine | None:
    try:
        fields = next(csv.reader([arguments.strip()], skipinitialspace=True))
    except (csv.Error, StopIteration):
        return None
    if not fields:
        return None
    number = fields[0].strip()
    name = name_value(fields[4]) if len(fields) > 4 else None
    validity = fields[5].strip() if len(fields) > 5 else "0"
    if validity in _CLI_VALIDITY and not number:
        return FieldsLine(presentation=_CLI_VALIDITY[validity], name=name)
    if not number:
        return FieldsLine(presentation=Presentation.UNAVAILABLE, name=name)
    fields_line = number_field(number)
    return FieldsLine(number=fields_line.number, presentation=fields_line.presentation, name=name)
