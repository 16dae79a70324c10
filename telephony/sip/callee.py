"""The called side of the user agent, sans-I/O: requests in, responses and call events out.

:class:`Callee` never touches a socket or a thread. The transport hands it
bytes with the peer they came from; it answers through ``send`` and reports
calls through ``emit``. It rings (180) and never answers: the desk phone does.

Divert contract: while ``emit(CallerId)`` runs, the switchboard may call
:meth:`Callee.divert` on the same thread; the INVITE is then answered with the
final response (302 to voicemail, 486 or 603) instead of 180 Ringing.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from telephony.events import CallerId, Ended, Event, Outcome, Ring
from telephony.sip.errors import SipProtocolError
from telephony.sip.identity import caller_identity
from telephony.sip.message import SipRequest, SipResponse, make_response, parse_message
from telephony.source import Clock, Emit, local_now

log = logging.getLogger(__name__)

#: RFC 3261 §17 timer values for UDP: T1 is the round-trip estimate, T2 caps the
#: retransmission interval, and a final response is retransmitted until 64*T1.
T1_S = 0.5
T2_S = 4.0
TIMER_H_S = 64 * T1_S
#: Calls ringing at once. A 20-person office never sees more; the bound keeps an
#: INVITE flood from growing memory. Extra calls get 503.
MAX_CALLS = 64
#: A PBX forgets to CANCEL sometimes; after this long ringing the call is closed
#: with an unknown outcome. Real PBXes give up after 30 to 120 seconds.
MAX_RING_S = 300.0
ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS"


@dataclass(frozen=True, slots=True)
class Peer:
    """Where a message came from and where its answer goes."""

    host: str
    port: int
    transport: str = "udp"


class _Call:
    """One INVITE server transaction and what we know of its call (RFC 3261 §17.2.1)."""

    def __init__(self, invite: SipRequest, peer: Peer, now: float) -> None:
        self.invite = invite
        self.peer = peer
        self.key = invite.call_id
        self.to_tag = secrets.token_hex(6)
        self.started = now
        self.deciding = True  # inside emit(CallerId): divert() sets ``pending``
        self.pending: str | None = None
        self.final: int | None = None
        self.last_response = b""
        self.acked = False
        self.next_retransmit: float | None = None
        self.interval = T1_S
        self.forget_at = now + MAX_RING_S


class Callee:
    """Answers INVITE, CANCEL, ACK, BYE and OPTIONS for a line that only rings."""

    def __init__(
        self,
        send: Callable[[bytes, Peer], None],
        emit: Emit,
        *,
        clock: Clock = local_now,
        monotonic: Callable[[], float] = time.monotonic,
        voicemail: str | None = None,
        divert_status: int | None = None,
        allow: Callable[[str], bool] = lambda host: True,
        contact: str | None = None,
        on_response: Callable[[SipResponse, Peer], None] | None = None,
    ) -> None:
        self._send = send
        self._emit = emit
        self.clock = clock
        self.monotonic = monotonic
        self.voicemail = voicemail
        self.divert_status = divert_status
        self.allow = allow
        self.contact = contact
        self.on_response = on_response
        self._calls: dict[str, _Call] = {}
        #: Messages that were not SIP at all, or not well-formed: dropped or answered 400.
        self.malformed = 0
        #: Requests from peers outside the allow list: answered 403, never popped.
        self.rejected = 0

    # -- input ---------------------------------------------------------------------

    def receive(self, data: bytes, peer: Peer) -> None:
        """Handle one datagram or one framed stream message."""
        if not data.strip(b"\r\n"):
            return  # RFC 5626 keep-alive (CRLF or CRLFCRLF)
        try:
            message = parse_message(data)
        except SipProtocolError as exc:
            if not self.allow(peer.host):
                self.rejected += 1
                return
            self.malformed += 1
            log.info("malformed SIP message from %s:%s: %s", peer.host, peer.port, exc)
            if exc.salvage is not None:
                reason = f"Bad Request ({exc})"[:120]
                self._send(make_response(exc.salvage, 400, reason).to_bytes(), peer)
            return
        if isinstance(message, SipResponse):
            if self.on_response is not None:
                self.on_response(message, peer)
            return
        if not self.allow(peer.host):
            self.rejected += 1
            if message.method != "ACK":
                self._send(make_response(message, 403).to_bytes(), peer)
            return
        handler = {
            "INVITE": self._invite,
            "CANCEL": self._cancel,
            "ACK": self._ack,
            "BYE": self._bye,
            "OPTIONS": self._options,
        }.get(message.method)
        if handler is None:
            self._respond(message, peer, 405, extra=[("Allow", ALLOW)])
        else:
            handler(message, peer)

    def divert(self, key: str, action: str) -> bool:
        """Send a ringing call away: ``"divert"`` (302 or 486/603) or ``"block"`` (603)."""
        call = self._calls.get(key)
        if call is None or call.final is not None or action not in ("divert", "block"):
            return False
        if call.deciding:
            call.pending = action
        else:
            self._send_away(call, action)
        return True

    def tick(self) -> float | None:
        """Run due timers; return seconds until the next one (None when idle)."""
        now = self.monotonic()
        due: list[float] = []
        for key, call in list(self._calls.items()):
            if now >= call.forget_at:
                del self._calls[key]
                if call.final is None:
                    self._notify(Ended(key, self.clock(), None, None))
                continue
            due.append(call.forget_at)
            if call.next_retransmit is None:
                continue
            if call.acked or call.peer.transport != "udp":
                call.next_retransmit = None
                continue
            if now >= call.next_retransmit:  # Timer G: the ACK has not come yet
                self._send(call.last_response, call.peer)
                call.interval = min(call.interval * 2, T2_S)
                call.next_retransmit = now + call.interval
            due.append(call.next_retransmit)
        return max(0.0, min(due) - now) if due else None

    @property
    def ringing(self) -> list[str]:
        return [key for key, call in self._calls.items() if call.final is None]

    # -- methods -------------------------------------------------------------------

    def _invite(self, invite: SipRequest, peer: Peer) -> None:
        call = self._calls.get(invite.call_id)
        if call is not None:
            if call.last_response:  # a retransmission: the same answer again, no new call
                self._send(call.last_response, call.peer)
            return
        if _to_tag(invite):
            self._respond(invite, peer, 481)  # a re-INVITE for a dialog we never made
            return
        if len(self.ringing) >= MAX_CALLS:
            self._respond(invite, peer, 503, extra=[("Retry-After", "30")])
            return
        now = self.monotonic()
        call = _Call(invite, peer, now)
        self._calls[call.key] = call
        self._answer(call, 100)
        identity = caller_identity(invite)
        at = self.clock()
        self._notify(Ring(call.key, at))
        self._notify(CallerId(call.key, at, identity.number, identity.name, identity.presentation))
        call.deciding = False
        if call.final is not None:
            return  # a CANCEL cannot arrive during emit, but a test's emit can do anything
        if call.pending is not None:
            self._send_away(call, call.pending)
        else:
            self._answer(call, 180)

    def _send_away(self, call: _Call, action: str) -> None:
        if action == "block":
            self._answer(call, 603, outcome=Outcome.BLOCKED)
        elif self.voicemail and self.divert_status is None:
            contact = [("Contact", f"<{self.voicemail}>")]
            self._answer(call, 302, extra=contact, outcome=Outcome.DIVERTED)
        else:
            self._answer(call, self.divert_status or 486, outcome=Outcome.DIVERTED)

    def _cancel(self, cancel: SipRequest, peer: Peer) -> None:
        call = self._calls.get(cancel.call_id)
        if call is None or call.invite.cseq[0] != cancel.cseq[0]:
            self._respond(cancel, peer, 481)
            return
        self._respond(cancel, peer, 200, to_tag=call.to_tag)
        if call.final is None:
            # A forking PBX cancels the other branches once a desk phone answered.
            outcome = Outcome.ANSWERED if _completed_elsewhere(cancel) else Outcome.MISSED
            self._answer(call, 487, outcome=outcome)

    def _ack(self, ack: SipRequest, peer: Peer) -> None:
        call = self._calls.get(ack.call_id)
        if call is not None and call.final is not None:
            call.acked = True
            call.next_retransmit = None

    def _bye(self, bye: SipRequest, peer: Peer) -> None:
        call = self._calls.get(bye.call_id)
        if call is None:
            self._respond(bye, peer, 481)
            return
        self._respond(bye, peer, 200)
        if call.final is None:
            self._finish(call, 0, Outcome.ANSWERED, None)

    def _options(self, options: SipRequest, peer: Peer) -> None:
        self._respond(options, peer, 200, extra=[("Allow", ALLOW), ("Accept", "application/sdp")])

    # -- output --------------------------------------------------------------------

    def _answer(
        self,
        call: _Call,
        status: int,
        *,
        extra: list[tuple[str, str]] | None = None,
        outcome: Outcome | None = None,
    ) -> None:
        headers = list(extra or [])
        if self.contact and status < 300 and status != 100:
            headers.append(("Contact", self.contact))
        response = make_response(call.invite, status, to_tag=call.to_tag, extra=headers)
        call.last_response = response.to_bytes()
        self._send(call.last_response, call.peer)
        if status >= 200:
            self._finish(call, status, outcome, 0)

    def _finish(
        self, call: _Call, status: int, outcome: Outcome | None, duration: int | None
    ) -> None:
        now = self.monotonic()
        call.final = status
        call.forget_at = now + TIMER_H_S
        if status >= 300:
            call.next_retransmit = now + T1_S
        self._notify(Ended(call.key, self.clock(), outcome, duration))

    def _respond(
        self,
        request: SipRequest,
        peer: Peer,
        status: int,
        *,
        to_tag: str | None = None,
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        tag = to_tag or (secrets.token_hex(6) if status >= 200 else None)
        self._send(make_response(request, status, to_tag=tag, extra=extra or []).to_bytes(), peer)

    def _notify(self, event: Event) -> None:
        try:
            self._emit(event)
        except Exception:  # a broken observer must not take the phone line down
            log.exception("event handler failed on %r", event)


def _to_tag(request: SipRequest) -> str | None:
    to = request.headers.get("To") or ""
    for piece in to.split(">")[-1].split(";"):
        key, _, value = piece.partition("=")
        if key.strip().lower() == "tag" and value.strip():
            return value.strip()
    return None


def _completed_elsewhere(cancel: SipRequest) -> bool:
    """``Reason: SIP;cause=200;text="Call completed elsewhere"`` (RFC 3326)."""
    for reason in cancel.headers.get_all("Reason"):
        protocol, _, params = reason.partition(";")
        if protocol.strip().upper() != "SIP":
            continue
        for piece in params.split(";"):
            key, _, value = piece.partition("=")
            if key.strip().lower() == "cause" and value.strip() == "200":
                return True
    return False
