"""Framing: the byte stream of a modem cut into text lines, with a bounded buffer.

Modems end lines with CRLF, some with LF only (Motorola, many USB dongles) and a
few with CR only; blank lines carry no meaning, so every CR or LF ends a line and
empty lines are dropped. What is not text is noise to drop before it reaches a
dialect: DLE-prefixed shielded codes from voice mode, NULs, bells, and bytes that
are not UTF-8 (read as latin-1, so that every byte is some character).
"""

from __future__ import annotations

import re

#: The longest legitimate line is an unformatted MDMF message printed in hex
#: after ``AT+VCID=2``: 2 header bytes, up to 255 payload bytes and a checksum,
#: 258 bytes = 516 hex digits. 600 leaves room for spaces some chipsets put
#: between the hex pairs' groups, and still bounds memory whatever the line sends.
MAX_LINE_CHARS = 600

#: Data Link Escape: in voice mode a modem "shields" events as DLE + one
#: character (DLE R ring, DLE X end of data, DLE b busy...). Some chipsets keep
#: sending them in data mode as a preamble; they are never caller ID.
DLE = 0x10

_LINE_END = re.compile(rb"[\r\n]")
# Control characters other than tab; what is left is printable latin-1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class LineSplitter:
    """Cut bytes into lines; a line longer than ``MAX_LINE_CHARS`` is dropped whole."""

    def __init__(self, max_line: int = MAX_LINE_CHARS) -> None:
        self.max_line = max_line
        self._buffer = bytearray()
        # After an overlong line we drop bytes until the next line end, so the
        # tail of the noise is not mistaken for a line of its own.
        self._discarding = False
        # A DLE at the very end of one chunk shields the first byte of the next.
        self._pending_dle = False
        #: How many overlong lines were dropped, for the line's diagnostics.
        self.dropped_lines = 0

    @property
    def buffered(self) -> int:
        """Bytes held waiting for a line end; never more than ``max_line``."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[str]:
        data = self._strip_dle(data)
        lines: list[str] = []
        start = 0
        for match in _LINE_END.finditer(data):
            self._append(data[start : match.start()])
            if not self._discarding:
                line = clean(bytes(self._buffer))
                if line:
                    lines.append(line)
            self._buffer.clear()
            self._discarding = False
            start = match.end()
        self._append(data[start:])
        return lines

    def clear(self) -> None:
        """Forget a partial line (the port was closed in the middle of it)."""
        self._buffer.clear()
        self._discarding = False
        self._pending_dle = False

    def _append(self, chunk: bytes) -> None:
        if self._discarding or not chunk:
            return
        if len(self._buffer) + len(chunk) > self.max_line:
            self._buffer.clear()
            self._discarding = True
            self.dropped_lines += 1
            return
        self._buffer += chunk

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
