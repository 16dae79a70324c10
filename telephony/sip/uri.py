"""SIP, SIPS and tel URIs, and the name-addr form of From/To/Contact (RFC 3261 §19, §20.10).

Pure string functions: no sockets, no clocks. Malformed input raises
``SipProtocolError`` and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from telephony.sip.errors import SipProtocolError

SCHEMES = ("sip", "sips", "tel")
#: RFC 3966 visual separators, which carry no meaning in a number.
VISUAL_SEPARATORS = "-.() "


@dataclass(frozen=True, slots=True)
class SipUri:
    """``sip:user:password@host:port;params?headers`` or ``tel:+33123456789;params``.

    For ``tel:`` the subscriber number is ``user`` and ``host`` is empty.
    ``params`` keeps the order and original case of names; look them up with
    :meth:`param`.
    """

    scheme: str
    user: str | None
    host: str
    port: int | None = None
    password: str | None = None
    params: tuple[tuple[str, str | None], ...] = ()
    headers: str = ""

    def param(self, name: str) -> str | None:
        for key, value in self.params:
            if key.lower() == name.lower():
                return value if value is not None else ""
        return None

    @property
    def hostport(self) -> str:
        return self.host if self.port is None else f"{self.host}:{self.port}"

    def __str__(self) -> str:
        if self.scheme == "tel":
            text = f"tel:{self.user or ''}"
        else:
            userinfo = ""
            if self.user is not None:
                userinfo = self.user + (f":{self.password}" if self.password else "") + "@"
            text = f"{self.scheme}:{userinfo}{self.hostport}"
        for key, value in self.params:
            text += f";{key}" if value is None else f";{key}={value}"
        if self.headers:
            text += f"?{self.headers}"
        return text


@dataclass(frozen=True, slots=True)
class NameAddr:
    """``"Display Name" <uri>;tag=…``: the value of From, To, Contact, P-Asserted-Identity."""

    uri: SipUri
    display_name: str | None = None
    params: tuple[tuple[str, str | None], ...] = field(default=())

    def param(self, name: str) -> str | None:
        for key, value in self.params:
            if key.lower() == name.lower():
                return value if value is not None else ""
        return None

    @property
    def tag(self) -> str | None:
        return self.param("tag")

    def __str__(self) -> str:
        text = f"<{self.uri}>"
        if self.display_name:
            escaped = self.display_name.replace("\\", "\\\\").replace('"', '\\"')
            text = f'"{escaped}" {text}'
        for key, value in self.params:
            text += f";{key}" if value is None else f";{key}={value}"
        return text


def parse_params(text: str) -> tuple[tuple[str, str | None], ...]:
    """``;a=1;lr;b="x;y"`` -> ``(("a", "1"), ("lr", None), ("b", '"x;y"'))``."""
    params: list[tuple[str, str | None]] = []
    for piece in split_outside_quotes(text, ";"):
        piece = piece.strip()
        if not piece:
            continue
        name, sep, value = piece.partition("=")
        name = name.strip()
        if not name or any(c.isspace() or c in '<>"' for c in name):
            raise SipProtocolError(f"bad parameter {piece!r}")
        params.append((name, value.strip() if sep else None))
    return tuple(params)


def parse_uri(text: str) -> SipUri:
    """Parse a ``sip:``, ``sips:`` or ``tel:`` URI."""
    text = text.strip()
    scheme, colon, rest = text.partition(":")
    scheme = scheme.lower()
    if not colon or scheme not in SCHEMES:
        raise SipProtocolError(f"not a sip, sips or tel URI: {text[:80]!r}")
    if scheme == "tel":
        number, _, params = rest.partition(";")
        if not number:
            raise SipProtocolError("tel URI without a number")
        return SipUri("tel", unquote(number), "", params=parse_params(params))
    rest, _, headers = rest.partition("?")
    userinfo, at, hostpart = rest.rpartition("@")
    if not at:
        hostpart = rest
    hostport, _, params = hostpart.partition(";")
    user: str | None = None
    password: str | None = None
    if at:
        user, _, pw = userinfo.partition(":")
        user = unquote(user)
        password = unquote(pw) if pw else None
    host, port = _split_hostport(hostport)
    return SipUri(scheme, user, host, port, password, parse_params(params), headers)


def _split_hostport(text: str) -> tuple[str, int | None]:
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise SipProtocolError(f"bad IPv6 host {text!r}")
        host, rest = text[: end + 1], text[end + 1 :]
    else:
        host, _, port_text = text.partition(":")
        rest = f":{port_text}" if port_text else ""
    if not host or any(c.isspace() or c in '<>"@' for c in host):
        raise SipProtocolError(f"bad host {text!r}")
    if not rest:
        return host, None
    if not rest.startswith(":") or not rest[1:].isdigit() or not 0 < int(rest[1:]) < 65536:
        raise SipProtocolError(f"bad port in {text!r}")
    return host, int(rest[1:])


def parse_name_addr(text: str) -> NameAddr:
    """Parse ``"Name" <uri>;params``, ``Name <uri>;params`` or a bare ``uri;params``."""
    text = text.strip()
    display: str | None = None
    if text.startswith('"'):
        display, text = _quoted_string(text)
        text = text.lstrip()
    if "<" in text:
        before, _, after = text.partition("<")
        if display is None and before.strip():
            display = " ".join(before.split())
        elif before.strip():
            raise SipProtocolError("text between display name and URI")
        inner, closed, params = after.partition(">")
        if not closed:
            raise SipProtocolError("URI without closing '>'")
        return NameAddr(parse_uri(inner), display or None, parse_params(params))
    if display is not None:
        raise SipProtocolError("display name without <URI>")
    # addr-spec form: parameters after the URI belong to the header (RFC 3261 §20.10).
    uri_text, _, params = text.partition(";")
    if "?" in uri_text or "," in uri_text:
        raise SipProtocolError("addr-spec with headers or commas needs <>")
    return NameAddr(parse_uri(uri_text), None, parse_params(params))


def _quoted_string(text: str) -> tuple[str, str]:
    """``"a \\"b\\"" rest`` -> (``a "b"``, `` rest``)."""
    out: list[str] = []
    i = 1
    while i < len(text):
        c = text[i]
        if c == "\\":
            if i + 1 >= len(text):
                break
            out.append(text[i + 1])
            i += 2
            continue
        if c == '"':
            return "".join(out), text[i + 1 :]
        out.append(c)
        i += 1
    raise SipProtocolError("unterminated quoted string")


def split_outside_quotes(text: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is outside "quotes" and <angle brackets>."""
    parts: list[str] = []
    current: list[str] = []
    quoted = angled = escaped = False
    for c in text:
        if escaped:
            escaped = False
        elif quoted and c == "\\":
            escaped = True
        elif c == '"':
            quoted = not quoted
        elif not quoted and c == "<":
            angled = True
        elif not quoted and c == ">":
            angled = False
        elif c == sep and not quoted and not angled:
            parts.append("".join(current))
            current = []
            continue
        current.append(c)
    parts.append("".join(current))
    return parts


def subscriber_number(uri: SipUri) -> str | None:
    """The dialable number in a URI's user part, separators removed; ``None`` if it is a name.

    ``sip:+33 5 36-49.01.23@host;user=phone`` -> ``+33536490123``; ``sip:trunk@host`` -> None.
    User-part parameters (``sip:0123;npdi@host``) are dropped.
    """
    if uri.user is None:
        return None
    number = uri.user.split(";", 1)[0]
    number = "".join(c for c in number if c not in VISUAL_SEPARATORS)
    digits = number[1:] if number.startswith("+") else number
    if not digits or not all(c.isdigit() or c in "*#" for c in digits):
        return None
    return number
