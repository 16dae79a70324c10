"""Who is calling, from the headers of an INVITE.

Trust order: P-Asserted-Identity (RFC 3325, set by the PBX or trunk), then
Remote-Party-ID (the older Cisco/Asterisk draft many trunks still send), then
From (what the caller's phone claims). ``Privacy: id`` or an anonymous URI
(RFC 3323: ``sip:anonymous@anonymous.invalid``) makes the call private.
"""

from __future__ import annotations

from dataclasses import dataclass

from telephony.events import Presentation
from telephony.sip.errors import SipProtocolError
from telephony.sip.message import SipRequest
from telephony.sip.uri import NameAddr, parse_name_addr, split_outside_quotes, subscriber_number

#: Privacy header values that withhold the caller's identity (RFC 3325 §9.3 ``id``,
#: RFC 3323 §4.2 ``user``). ``header`` alone only hides routing headers, not the caller.
PRIVATE_PRIVACY = frozenset({"id", "user"})
#: Remote-Party-ID privacy values that withhold it (draft-ietf-sip-privacy-04).
PRIVATE_RPID = frozenset({"full", "uri", "name"})


@dataclass(frozen=True, slots=True)
class CallerIdentity:
    number: str | None
    name: str | None
    presentation: Presentation


def is_anonymous(addr: NameAddr) -> bool:
    return (addr.uri.user or "").lower() == "anonymous" or addr.uri.host.lower() in (
        "anonymous.invalid",
    )


def _first_addr(values: list[str]) -> NameAddr | None:
    """The first parsable address of a header that may hold several (PAI has sip and tel)."""
    for value in values:
        for piece in split_outside_quotes(value, ","):
            if not piece.strip():
                continue
            try:
                return parse_name_addr(piece)
            except SipProtocolError:
                continue
    return None


def caller_identity(invite: SipRequest) -> CallerIdentity:
    """The caller's number, name and presentation; never raises on odd headers."""
    headers = invite.headers
    privacy = {
        token.strip().lower()
        for value in headers.get_all("Privacy")
        for token in value.replace(",", ";").split(";")
    }
    private = bool(privacy & PRIVATE_PRIVACY)
    addr = _first_addr(headers.get_all("P-Asserted-Identity"))
    if addr is None:
        addr = _first_addr(headers.get_all("Remote-Party-ID"))
        if addr is not None and (addr.param("privacy") or "").lower() in PRIVATE_RPID:
            private = True
    if addr is None:
        addr = _first_addr(headers.get_all("From"))
    if addr is None:
        return CallerIdentity(None, None, Presentation.UNAVAILABLE)
    if private or is_anonymous(addr):
        return CallerIdentity(None, None, Presentation.PRIVATE)
    number = subscriber_number(addr.uri)
    name = addr.display_name.strip() if addr.display_name else None
    if number is None:
        return CallerIdentity(None, name or None, Presentation.UNAVAILABLE)
    return CallerIdentity(number, name or None, Presentation.AVAILABLE)
