"""The modem's byte stream as text lines: shielded codes removed, bounded, decoded.

Lines are cut by the shared :class:`telephony.lines.LineSplitter` (CRLF, LF or
CR, blank lines dropped, a bounded buffer). What is not text is noise to drop
before it reaches a dialect: DLE-prefixed shielded codes from voice mode, NULs,
bells, and bytes that are not UTF-8 (read as latin-1, so that every byte is
some character).
"""

from __future__ import annotations

import re

from telephony.lines import LineSplitter

#: The longest legitimate line is an unformatted MDMF message printed in hex
#: after ``AT+VCID=2``: 2 header bytes, up to 255 payload bytes and a checksum,
#: 258 bytes = 516 hex digits. 600 leaves room for spaces some chipsets put
#: between the hex pairs' groups, and still bounds memory whatever the line sends.
MAX_LINE_CHARS = 600

#: Data Link Escape: in voice mode a modem "shields" events as DLE + one
#: character (DLE R ring, DLE X end of data, DLE b busy...). Some chipsets keep
#: sending them in data mode as a preamble; they are never caller ID.
DLE = 0x10

# Control characters other than tab; what is left is printable latin-1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ModemLines:
    """Cut modem output into clean text lines; a line over ``max_line`` bytes is dropped whole."""

    def __init__(self, max_line: int = MAX_LINE_CHARS) -> None:
        self._splitter = LineSplitter(max_line)
        # A DLE at the very end of one chunk shields the first byte of the next.
        self._pending_dle = False

    @property
    def buffered(self) -> int:
        """Bytes held waiting for a line end; never more than ``max_line``."""
        return self._splitter.buffered

    @property
    def dropped_lines(self) -> int:
        """How many overlong lines were dropped, for the line's diagnostics."""
        return self._splitter.dropped_lines

    def feed(self, data: bytes) -> list[str]:
        lines = (clean(raw) for raw in self._splitter.feed(self._strip_dle(data)))
        return [line for line in lines if line]

    def clear(self) -> None:
        """Forget a partial line (the port was closed in the middle of it)."""
        self._splitter.clear()
        self._pending_dle = False

    def _strip_dle(self, data: bytes) -> bytes:
        if self._pending_dle and data:
            data = data[1:]
            self._pending_dle = False
        if DLE not in data:
            return data
        out = bytearray()
        i = 0
        while i < len(data):
            if data[i] == DLE:
                if i + 1 == len(data):
                    self._pending_dle = True
                i += 2
                continue
            out.append(data[i])
            i += 1
        return bytes(out)


def clean(raw: bytes) -> str:
    """Decode one line: UTF-8 when it is, latin-1 otherwise; controls removed."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return _CONTROL.sub("", text).strip()
