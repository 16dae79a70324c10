"""Cutting SIP messages out of a TCP stream by Content-Length (RFC 3261 §18.3), sans-I/O."""

from __future__ import annotations

from telephony.sip.errors import SipProtocolError
from telephony.sip.message import MAX_MESSAGE_SIZE, canonical_name


class StreamFramer:
    """Feed it stream bytes; it returns whole messages.

    A stream that breaks the framing (no end of headers within
    ``MAX_MESSAGE_SIZE``, a bad Content-Length) cannot be resynchronised: the
    framer raises :class:`SipProtocolError` and the transport closes the connection.
    """

    def __init__(self, limit: int = MAX_MESSAGE_SIZE) -> None:
        self.limit = limit
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        messages: list[bytes] = []
        while True:
            # CRLF keep-alives between messages (RFC 5626 §3.5.1) are skipped.
            while self._buffer[:2] == b"\r\n":
                del self._buffer[:2]
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > self.limit:
                    raise SipProtocolError(f"no end of headers within {self.limit} bytes")
                return messages
            length = _content_length(bytes(self._buffer[:end]))
            total = end + 4 + length
            if total > self.limit:
                raise SipProtocolError(f"message of {total} bytes exceeds {self.limit}")
            if len(self._buffer) < total:
                return messages
            messages.append(bytes(self._buffer[:total]))
            del self._buffer[:total]


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, colon, value = line.partition(b":")
        if not colon:
            continue
        if canonical_name(name.strip().decode("latin-1")) == "Content-Length":
            text = value.strip()
            if not text.isdigit() or len(text) > 6:
                raise SipProtocolError(f"bad Content-Length {text[:20]!r}")
            return int(text)
    return 0  # mandatory on streams; a peer that forgets it sends no body
