"""Parse and build SIP messages (RFC 3261 §7, §20): bytes in, frozen values out.

This module never touches a socket. ``parse_message`` takes one whole message
(a UDP datagram, or what :class:`telephony.sip.framing.StreamFramer` cut from a
TCP stream) and returns a :class:`SipRequest` or :class:`SipResponse`; anything
malformed raises :class:`SipProtocolError`, with a salvaged request attached
when a 400 Bad Request can still be routed back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from telephony.sip.errors import SipProtocolError
from telephony.sip.uri import split_outside_quotes

#: Largest message we accept. A UDP datagram cannot exceed 65,535 bytes and
#: RFC 3261 §18.1.1 wants anything near the path MTU to go over TCP anyway; an
#: INVITE with a big SDP is a few kilobytes. 64 KiB bounds what a noisy peer
#: (or a TCP stream without Content-Length) can make us hold.
MAX_MESSAGE_SIZE = 64 * 1024

SIP_VERSION = "SIP/2.0"

#: RFC 3261 §7.3.3 and later RFCs: one-letter header names.
COMPACT_NAMES = {
    "a": "Accept-Contact",
    "b": "Referred-By",
    "c": "Content-Type",
    "d": "Request-Disposition",
    "e": "Content-Encoding",
    "f": "From",
    "i": "Call-ID",
    "j": "Reject-Contact",
    "k": "Supported",
    "l": "Content-Length",
    "m": "Contact",
    "o": "Event",
    "r": "Refer-To",
    "s": "Subject",
    "t": "To",
    "u": "Allow-Events",
    "v": "Via",
    "x": "Session-Expires",
    "y": "Identity",
}
_SPELLINGS = {
    name.lower(): name
    for name in (
        *COMPACT_NAMES.values(),
        "Call-ID", "CSeq", "WWW-Authenticate", "Proxy-Authenticate", "Authorization",
        "Proxy-Authorization", "Max-Forwards", "Expires", "Min-Expires", "Allow", "Privacy",
        "P-Asserted-Identity", "P-Preferred-Identity", "Remote-Party-ID", "Reason",
        "Record-Route", "Route", "User-Agent", "Server", "Retry-After",
    )
}
#: Headers whose values may be comma-joined on one line (RFC 3261 §7.3.1).
#: Contact is not split here: ``*`` and display names make callers parse it.
LIST_HEADERS = frozenset({"via", "route", "record-route", "allow", "supported", "require"})
#: Headers a request must carry to be answered at all (RFC 3261 §8.1.1).
ROUTING_HEADERS = ("Via", "From", "To", "Call-ID", "CSeq")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~")

REASONS = {
    100: "Trying",
    180: "Ringing",
    200: "OK",
    302: "Moved Temporarily",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    405: "Method Not Allowed",
    407: "Proxy Authentication Required",
    423: "Interval Too Brief",
    481: "Call/Transaction Does Not Exist",
    486: "Busy Here",
    487: "Request Terminated",
    500: "Server Internal Error",
    503: "Service Unavailable",
    603: "Decline",
}


def canonical_name(name: str) -> str:
    """``f`` -> ``From``, ``call-id`` -> ``Call-ID``; unknown names keep their spelling."""
    lower = name.lower()
    if len(lower) == 1 and lower in COMPACT_NAMES:
        return COMPACT_NAMES[lower]
    return _SPELLINGS.get(lower, name)


def _is_token(text: str) -> bool:
    return bool(text) and all(c in _TOKEN_CHARS for c in text)


@dataclass(frozen=True, slots=True)
class Headers:
    """Header fields in wire order, names canonical; lookups ignore case."""

    fields: tuple[tuple[str, str], ...] = ()

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.fields)

    def get(self, name: str) -> str | None:
        values = self.get_all(name)
        return values[0] if values else None

    def get_all(self, name: str) -> list[str]:
        """Every value of ``name``; list headers (Via, Route, …) split at commas."""
        lower = canonical_name(name).lower()
        values: list[str] = []
        for key, value in self.fields:
            if key.lower() != lower:
                continue
            if lower in LIST_HEADERS:
                values.extend(v.strip() for v in split_outside_quotes(value, ",") if v.strip())
            else:
                values.append(value)
        return values

    def replace(self, name: str, value: str | None) -> Headers:
        """A copy with every ``name`` removed and, unless ``value`` is None, one appended."""
        lower = canonical_name(name).lower()
        kept = tuple((k, v) for k, v in self.fields if k.lower() != lower)
        if value is not None:
            kept += ((canonical_name(name), value),)
        return Headers(kept)


class _Common:
    headers: Headers
    body: bytes

    @property
    def call_id(self) -> str:
        return self.headers.get("Call-ID") or ""

    @property
    def cseq(self) -> tuple[int, str]:
        """``CSeq: 314159 INVITE`` -> ``(314159, "INVITE")``; validated by the parser."""
        number, _, method = (self.headers.get("CSeq") or "0 ?").strip().partition(" ")
        return int(number), method.strip()

    @property
    def branch(self) -> str | None:
        """The top Via's branch: what names the transaction (RFC 3261 §17.2.3)."""
        via = self.headers.get("Via")
        if via is None:
            return None
        for piece in via.split(";")[1:]:
            key, _, value = piece.partition("=")
            if key.strip().lower() == "branch":
                return value.strip()
        return None

    def _serialize(self, start_line: str) -> bytes:
        lines = [start_line]
        for key, value in self.headers.replace("Content-Length", None):
            lines.append(f"{key}: {value}")
        lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + self.body


@dataclass(frozen=True, slots=True)
class SipRequest(_Common):
    method: str
    uri: str
    headers: Headers
    body: bytes = b""

    def to_bytes(self) -> bytes:
        """The wire form; Content-Length is always written from the body."""
        return self._serialize(f"{self.method} {self.uri} {SIP_VERSION}")


@dataclass(frozen=True, slots=True)
class SipResponse(_Common):
    status: int
    reason: str
    headers: Headers
    body: bytes = b""

    def to_bytes(self) -> bytes:
        return self._serialize(f"{SIP_VERSION} {self.status} {self.reason}")


SipMessage = SipRequest | SipResponse


def make_response(
    request: SipRequest,
    status: int,
    reason: str | None = None,
    *,
    to_tag: str | None = None,
    extra: Iterable[tuple[str, str]] = (),
) -> SipResponse:
    """A response that routes back the way ``request`` came (RFC 3261 §8.2.6.2)."""
    pairs: list[tuple[str, str]] = [("Via", via) for via in request.headers.get_all("Via")]
    pairs.append(("From", request.headers.get("From") or ""))
    to = request.headers.get("To") or ""
    if to_tag and status > 100 and ";tag=" not in to.replace(" ", "").lower():
        to = f"{to};tag={to_tag}"
    pairs += [("To", to), ("Call-ID", request.call_id), ("CSeq", request.headers.get("CSeq") or "")]
    pairs.extend((canonical_name(k), v) for k, v in extra)
    return SipResponse(status, reason or REASONS.get(status, "Unknown"), Headers(tuple(pairs)))


def parse_message(data: bytes) -> SipMessage:
    """Parse one whole SIP message. Raises :class:`SipProtocolError` and nothing else."""
    try:
        return _parse(data)
    except SipProtocolError as exc:
        raise SipProtocolError(str(exc), salvage_request(data)) from None


def _parse(data: bytes) -> SipMessage:
    if len(data) > MAX_MESSAGE_SIZE:
        raise SipProtocolError(f"message of {len(data)} bytes exceeds {MAX_MESSAGE_SIZE}")
    data = data.lstrip(b"\r\n")  # RFC 3261 §7.5: ignore CRLFs before the start line
    head, body = _split_head(data)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        raise SipProtocolError("header section is not UTF-8") from None
    lines = _unfold(text)
    if not lines or not lines[0]:
        raise SipProtocolError("empty message")
    fields: list[tuple[str, str]] = []
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        name = name.strip()
        if not colon or not _is_token(name):
            raise SipProtocolError(f"bad header line {line[:60]!r}")
        if any(ord(c) < 32 and c != "\t" for c in value):
            raise SipProtocolError(f"control character in header {name}")
        fields.append((canonical_name(name), value.strip()))
    headers = Headers(tuple(fields))
    body = _body(headers, body)
    start = lines[0].split(" ", 2)
    if len(start) != 3:
        raise SipProtocolError(f"bad start line {lines[0][:80]!r}")
    if start[0] == SIP_VERSION:
        if not (start[1].isdigit() and len(start[1]) == 3 and 100 <= int(start[1]) <= 699):
            raise SipProtocolError(f"bad status code {start[1][:10]!r}")
        _check_cseq(headers, None)
        return SipResponse(int(start[1]), start[2], headers, body)
    method, uri, version = start
    if version != SIP_VERSION:
        raise SipProtocolError(f"not SIP/2.0: {version[:20]!r}")
    if not _is_token(method) or ":" not in uri or any(c.isspace() for c in uri):
        raise SipProtocolError(f"bad request line {lines[0][:80]!r}")
    for name in ROUTING_HEADERS:
        if not headers.get(name):
            raise SipProtocolError(f"request without {name}")
    _check_cseq(headers, method)
    return SipRequest(method, uri, headers, body)


def _split_head(data: bytes) -> tuple[bytes, bytes]:
    for sep in (b"\r\n\r\n", b"\n\n"):
        end = data.find(sep)
        if end >= 0:
            return data[:end], data[end + len(sep) :]
    raise SipProtocolError("header section not terminated by an empty line (truncated?)")


def _unfold(text: str) -> list[str]:
    """Split lines (CRLF, tolerating bare LF) and join continuation lines (§7.3.1)."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if "\r" in line:
            raise SipProtocolError("bare CR in header section")
        if line[:1] in (" ", "\t") and len(lines) > 1:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return lines


def _body(headers: Headers, body: bytes) -> bytes:
    length_text = headers.get("Content-Length")
    if length_text is None:
        return body  # allowed on UDP: the datagram ends the body (§18.3)
    if not length_text.isdigit():
        raise SipProtocolError(f"bad Content-Length {length_text[:20]!r}")
    length = int(length_text)
    if length > len(body):
        raise SipProtocolError(f"body shorter than Content-Length {length} (truncated)")
    return body[:length]


def _check_cseq(headers: Headers, method: str | None) -> None:
    cseq = headers.get("CSeq")
    if cseq is None:
        if method is None:
            raise SipProtocolError("response without CSeq")
        return
    number, _, cseq_method = cseq.strip().partition(" ")
    if not number.isdigit() or len(number) > 10 or not _is_token(cseq_method.strip()):
        raise SipProtocolError(f"bad CSeq {cseq[:40]!r}")
    if method is not None and cseq_method.strip() != method:
        raise SipProtocolError(f"CSeq method {cseq_method.strip()!r} is not {method!r}")


def salvage_request(data: bytes) -> SipRequest | None:
    """The routing part of a malformed request, so that it can be answered 400.

    Returns ``None`` when the bytes do not even name a request method or miss
    one of Via, From, To, Call-ID, CSeq; ACK is never answered (§17.2.1).
    """
    if len(data) > MAX_MESSAGE_SIZE:
        data = data[:MAX_MESSAGE_SIZE]
    text = data.lstrip(b"\r\n").decode("utf-8", errors="replace")
    lines = text.replace("\r\n", "\n").split("\n")
    start = lines[0].split(" ")
    if len(start) < 2 or not _is_token(start[0]) or start[0].upper() in ("ACK", SIP_VERSION):
        return None
    fields: list[tuple[str, str]] = []
    for line in lines[1:]:
        if not line.strip():
            break
        name, colon, value = line.partition(":")
        name = canonical_name(name.strip())
        if colon and name in ROUTING_HEADERS and "\ufffd" not in value:
            fields.append((name, value.strip()))
    headers = Headers(tuple(fields))
    if any(not headers.get(name) for name in ROUTING_HEADERS):
        return None
    cseq_number = (headers.get("CSeq") or "").split(" ")[0]
    if not cseq_number.isdigit() or len(cseq_number) > 10:
        return None
    return SipRequest(start[0], start[1], headers)
