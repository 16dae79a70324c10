"""Bytes in, complete lines out, with a bounded buffer: the framing of line protocols.

A modem and the FRITZ!Box call monitor both print text lines, and both may
deliver a line in several reads or several lines in one. CRLF, LF alone
(Motorola chipsets, many USB dongles) and CR alone (a few older modems) all
end a line; a run of them ends one line, since a blank line means nothing in
either protocol. A partial line is kept until its end arrives.

The buffer has a bound that each protocol names (``modem.lines.MAX_LINE_CHARS``,
``fritzbox.MAX_LINE_LENGTH``): a line longer than that is noise, and is
dropped whole, up to its line end, so that a peer that never sends a newline
cannot grow memory and the tail of the noise is not taken for a line of its own.
"""

from __future__ import annotations

import re

_LINE_END = re.compile(rb"[\r\n]")


class LineSplitter:
    """Cut a byte stream into lines of at most ``max_line`` bytes; longer ones are dropped."""

    def __init__(self, max_line: int) -> None:
        if max_line < 1:
            raise ValueError(f"a line bound must be at least one byte, not {max_line}")
        self.max_line = max_line
        self._buffer = bytearray()
        # After an over-long line, bytes are dropped until the next line end.
        self._discarding = False
        #: Lines dropped for being longer than ``max_line``, for diagnostics.
        self.dropped_lines = 0

    @property
    def buffered(self) -> int:
        """Bytes of an unfinished line held; never more than ``max_line``."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[bytes]:
        """Take what was read; return the lines it completes, without their line ends."""
        lines: list[bytes] = []
        start = 0
        for match in _LINE_END.finditer(data):
            self._append(data[start : match.start()])
            if not self._discarding and self._buffer:
                lines.append(bytes(self._buffer))
            self._buffer.clear()
            self._discarding = False
            start = match.end()
        self._append(data[start:])
        return lines

    def clear(self) -> None:
        """Forget a partial line (the connection closed in the middle of it)."""
        self._buffer.clear()
        self._discarding = False

    def _append(self, chunk: bytes) -> None:
        if self._discarding or not chunk:
            return
        if len(self._buffer) + len(chunk) > self.max_line:
            self._buffer.clear()
            self._discarding = True
            self.dropped_lines += 1
            return
        self._buffer += chunk
