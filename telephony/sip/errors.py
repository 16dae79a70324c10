"""The one exception a SIP peer's bytes can raise."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from telephony.sip.message import SipRequest


class SipProtocolError(ValueError):
    """The bytes are not a well-formed SIP message (RFC 3261 §7, §25).

    ``salvage`` is set by :func:`telephony.sip.message.parse_message` when the
    bytes were a request with enough routing headers (Via, From, To, Call-ID,
    CSeq) to answer it 400 Bad Request.
    """

    def __init__(self, message: str, salvage: SipRequest | None = None) -> None:
        super().__init__(message)
        self.salvage = salvage
