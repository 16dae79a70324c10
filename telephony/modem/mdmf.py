"""Unformatted caller ID: the SDMF and MDMF messages a modem prints in hex.

After ``AT+VCID=2`` (and on some chipsets always) the modem does not format
the caller-ID message but prints the bytes the line sent, in hex, on one line.
Bellcore GR-30 and ETSI EN 300 659-3 define two layouts:

- SDMF (message type 0x04): length, 8 ASCII digits MMDDHHMM, then the number,
  or a single ``O``/``P`` when it is absent.
- MDMF (message type 0x80): length, then parameters (type, length, value):
  0x01 date and time, 0x02 number, 0x04 reason the number is absent,
  0x07 name, 0x08 reason the name is absent (and others we skip).

The last byte makes the sum of all bytes 0 mod 256. A message whose checksum or
lengths do not add up is rejected whole: a wrong number on the screen is worse
than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telephony.events import Presentation

SDMF_CALL = 0x04
MDMF_CALL = 0x80

# MDMF parameter types (GR-30 / EN 300 659-3).
PARAM_DATE_TIME = 0x01
PARAM_NUMBER = 0x02
PARAM_DIALABLE_NUMBER = 0x03  # sent by some North American switches instead of 0x02
PARAM_NUMBER_ABSENT = 0x04
PARAM_NAME = 0x07
PARAM_NAME_ABSENT = 0x08

#: Reason-for-absence codes: ``O`` out of area / unavailable, ``P`` private.
#: Some European networks also send ``A`` for anonymous, which is private too.
ABSENCE = {
    "O": Presentation.UNAVAILABLE,
    "P": Presentation.PRIVATE,
    "A": Presentation.PRIVATE,
}

# Header (type, length) and checksum: the smallest message is 3 bytes.
_MIN_MESSAGE = 3
_HEX_LINE = re.compile(r"(?:[0-9A-Fa-f]{2}\s?){3,}")


@dataclass(frozen=True, slots=True)
class CallerIdMessage:
    """What one checked SDMF or MDMF message said."""

    number: str | None
    name: str | None
    presentation: Presentation
    #: Whether the message said anything about the number (a number or a reason).
    has_number: bool
    date: str | None
    time: str | None


class MessageError(ValueError):
    """A hex line that is not a valid caller-ID message (checksum, lengths)."""


def looks_like_message(line: str) -> bool:
    """Whether an unlabelled line is hex that starts like an SDMF/MDMF message."""
    if not _HEX_LINE.fullmatch(line.strip()):
        return False
    head = line.strip()[:2]
    return head in ("04", "80")


def decode_hex_message(line: str) -> CallerIdMessage:
    """Decode one hex line; raise ``MessageError`` when it does not check out."""
    try:
        data = bytes.fromhex("".join(line.split()))
    except ValueError:
        raise MessageError("not hex") from None
    if len(data) < _MIN_MESSAGE:
        raise MessageError("too short")
    if sum(data) % 256 != 0:
        raise MessageError("bad checksum")
    if data[1] != len(data) - 3:
        raise MessageError("length byte does not match the message")
    body = data[2:-1]
    if data[0] == SDMF_CALL:
        return _sdmf(body)
    if data[0] == MDMF_CALL:
        return decode_parameters(body)
    raise MessageError(f"message type 0x{data[0]:02X} is not a call")


def _sdmf(body: bytes) -> CallerIdMessage:
    if len(body) < 9:
        raise MessageError("SDMF message too short")
    stamp = body[:8].decode("latin-1")
    number = body[8:].decode("latin-1").strip()
    date, time = _split_stamp(stamp)
    if number.upper() in ABSENCE:
        return CallerIdMessage(None, None, ABSENCE[number.upper()], True, date, time)
    return CallerIdMessage(number, None, Presentation.AVAILABLE, True, date, time)


def decode_parameters(body: bytes) -> CallerIdMessage:
    """Read MDMF parameters (also what a formatted ``MESG`` line carries)."""
    number: str | None = None
    name: str | None = None
    presentation = Presentation.AVAILABLE
    has_number = False
    date = time = None
    i = 0
    while i < len(body):
        if i + 2 > len(body):
            raise MessageError("truncated parameter")
        kind, size = body[i], body[i + 1]
        value = body[i + 2 : i + 2 + size]
        if len(value) != size:
            raise MessageError("parameter longer than the message")
        text = value.decode("latin-1").strip()
        if kind == PARAM_DATE_TIME and size == 8:
            date, time = _split_stamp(text)
        elif kind in (PARAM_NUMBER, PARAM_DIALABLE_NUMBER) and text and number is None:
            number, has_number = text, True
            presentation = Presentation.AVAILABLE
        elif kind == PARAM_NUMBER_ABSENT and number is None:
            presentation = ABSENCE.get(text.upper(), Presentation.UNAVAILABLE)
            has_number = True
        elif kind == PARAM_NAME and text:
            name = text
        i += 2 + size
    return CallerIdMessage(number, name, presentation, has_number, date, time)


def _split_stamp(stamp: str) -> tuple[str | None, str | None]:
    # Validated later with the formatted fields' rules; here only cut in two.
    return stamp[:4], stamp[4:8]
