"""A tiny SIP caller (UAC) for tests and the benchmark: INVITE, watch the answers, CANCEL.

It sends from an ephemeral UDP port, so several probes can run at once, and
timestamps every response with ``time.perf_counter`` so that the benchmark can
measure "INVITE sent -> 180 Ringing received".
"""

from __future__ import annotations

import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

from telephony.sip.errors import SipProtocolError
from telephony.sip.message import (
    MAX_MESSAGE_SIZE,
    Headers,
    SipRequest,
    SipResponse,
    parse_message,
)
from telephony.sip.uri import NameAddr, SipUri


@dataclass(frozen=True, slots=True)
class ProbeResponse:
    status: int
    reason: str
    #: Seconds from the INVITE being sent to this response arriving.
    elapsed_s: float
    message: SipResponse


class SipProbe:
    """Places one call to ``host:port`` and records what comes back."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        number: str,
        display_name: str | None = None,
        callee: str = "reception",
        local_host: str = "127.0.0.1",
        extra_headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.target = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((local_host, 0))
        self.local = self.sock.getsockname()
        self.call_id = f"{secrets.token_hex(8)}@{local_host}"
        self.branch = f"z9hG4bK{secrets.token_hex(8)}"
        self.from_addr = NameAddr(SipUri("sip", number, local_host), display_name,
                                  (("tag", secrets.token_hex(4)),))
        self.request_uri = f"sip:{callee}@{host}:{port}"
        self.extra_headers = extra_headers
        self.responses: list[ProbeResponse] = []
        self._sent_at = 0.0

    def _headers(self, method: str, extra: tuple[tuple[str, str], ...] = ()) -> Headers:
        host, port = self.local
        return Headers((
            ("Via", f"SIP/2.0/UDP {host}:{port};branch={self.branch};rport"),
            ("Max-Forwards", "70"),
            ("From", str(self.from_addr)),
            ("To", f"<{self.request_uri}>"),
            ("Call-ID", self.call_id),
            ("CSeq", f"1 {method}"),
            *extra,
        ))

    def invite(self) -> None:
        contact = f"<sip:{self.from_addr.uri.user}@{self.local[0]}:{self.local[1]}>"
        extra = (("Contact", contact), *self.extra_headers)
        request = SipRequest("INVITE", self.request_uri, self._headers("INVITE", extra))
        self._sent_at = time.perf_counter()
        self.send_raw(request.to_bytes())

    def retransmit(self) -> None:
        """Send the same INVITE again, as a UAC does when the first one seems lost."""
        contact = f"<sip:{self.from_addr.uri.user}@{self.local[0]}:{self.local[1]}>"
        extra = (("Contact", contact), *self.extra_headers)
        self.send_raw(SipRequest("INVITE", self.request_uri,
                                 self._headers("INVITE", extra)).to_bytes())

    def cancel(self, reason: str | None = None) -> None:
        extra = (("Reason", reason),) if reason else ()
        self.send_raw(SipRequest("CANCEL", self.request_uri,
                                 self._headers("CANCEL", extra)).to_bytes())

    def ack(self, final: SipResponse) -> None:
        """ACK a non-2xx final response (same branch, the To with its tag)."""
        headers = self._headers("ACK").replace("To", final.headers.get("To") or "")
        self.send_raw(SipRequest("ACK", self.request_uri, headers).to_bytes())

    def send_raw(self, data: bytes) -> None:
        self.sock.sendto(data, self.target)

    def wait_for(self, status: int, timeout: float = 2.0) -> ProbeResponse | None:
        """The first response with ``status``, waiting up to ``timeout`` seconds."""
        return self._wait(lambda r: r.status == status, timeout)

    def wait_for_answer(self, timeout: float = 2.0) -> ProbeResponse | None:
        """The first response that is not 100 Trying: 180 Ringing or a final one."""
        return self._wait(lambda r: r.status >= 180, timeout)

    def _wait(self, wanted: Callable[[ProbeResponse], bool],
              timeout: float) -> ProbeResponse | None:
        deadline = time.monotonic() + timeout
        while True:
            for response in self.responses:
                if wanted(response):
                    return response
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self.sock.settimeout(remaining)
            try:
                data = self.sock.recv(MAX_MESSAGE_SIZE + 1)
            except TimeoutError:
                return None
            try:
                message = parse_message(data)
            except SipProtocolError:
                continue
            if isinstance(message, SipResponse):
                elapsed = time.perf_counter() - self._sent_at
                self.responses.append(
                    ProbeResponse(message.status, message.reason, elapsed, message))

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> SipProbe:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ring_time(host: str, port: int, number: str, name: str | None = None,
              timeout: float = 2.0) -> ProbeResponse | None:
    """Call, wait for the first final or 180 response, clean up, return it.

    Used by the benchmark: ``elapsed_s`` of the result is INVITE -> 180 (or -> 302
    when the line diverts). A ringing call is cancelled; a final answer is ACKed.
    """
    with SipProbe(host, port, number=number, display_name=name) as probe:
        probe.invite()
        first = probe.wait_for_answer(timeout)
        if first is None:
            return None
        if first.status >= 200:
            probe.ack(first.message)
        else:
            probe.cancel()
            final = probe.wait_for(487, timeout)
            if final is not None:
                probe.ack(final.message)
        return first
