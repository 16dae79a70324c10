"""Keeping the line registered at the PBX (RFC 3261 §10), sans-I/O.

:class:`Registration` builds REGISTER requests, answers digest challenges,
refreshes before the binding expires and backs off when the PBX is unreachable
or refuses. It sends bytes through ``send`` and reports the line's state
through ``on_status``; time comes from an injected monotonic clock, and the
transport calls :meth:`Registration.tick` when :meth:`tick` said to.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from telephony.backoff import Backoff
from telephony.events import LineState
from telephony.sip.callee import T1_S, T2_S
from telephony.sip.digest import Challenge, DigestClient, choose_challenge
from telephony.sip.message import Headers, SipRequest, SipResponse
from telephony.sip.uri import parse_name_addr, split_outside_quotes

#: Refresh when this share of the granted Expires has run: 80% leaves a PBX
#: that is slow to answer plenty of time before the binding lapses.
REFRESH_FRACTION = 0.8
#: Requested binding lifetime; most PBXes grant 300 to 3600 seconds.
DEFAULT_EXPIRES_S = 300
#: First retry after a failure, doubled at each failure up to the cap: a PBX
#: that reboots is back within a minute, and a wrong password should not turn
#: into a flood of REGISTERs (fail2ban bans after a handful).
RETRY_FIRST_S = 2.0
RETRY_MAX_S = 300.0
#: The share of each retry delay a real line (``SipLine``) takes off at random.
#: When a hosted PBX reboots, every phone on it fails in the same instant; a
#: tenth spreads their REGISTERs over 0.2 s at first and 30 s at the cap, and
#: shortening waits by at most a tenth keeps the REGISTERs a wrong password
#: costs within 11% of the plain doubling the line above counts on.
RETRY_JITTER = 0.1
#: Timer F (RFC 3261 §17.1.2.2): a transaction with no answer fails after 64*T1.
TIMER_F_S = 64 * T1_S
#: Challenges answered in one attempt before we call the password wrong: the
#: first 401 is normal, a second one after our credentials means they were refused.
MAX_AUTH_ROUNDS = 2


@dataclass(frozen=True, slots=True)
class Account:
    user: str
    password: str
    host: str
    port: int | None = None
    transport: str = "udp"
    expires: int = DEFAULT_EXPIRES_S

    @property
    def registrar(self) -> str:
        return f"sip:{self.host}" + (f":{self.port}" if self.port else "")

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.host}"


class Registration:
    """One binding of our contact at the registrar, kept alive."""

    def __init__(
        self,
        account: Account,
        *,
        send: Callable[[bytes], None],
        on_status: Callable[[LineState, str], None],
        local: tuple[str, int],
        monotonic: Callable[[], float] = time.monotonic,
        retry_first: float = RETRY_FIRST_S,
        retry_max: float = RETRY_MAX_S,
        retry_jitter: float = 0.0,
        timeout: float = TIMER_F_S,
    ) -> None:
        self.account = account
        self._send = send
        self._on_status = on_status
        self.local = local
        self.monotonic = monotonic
        # No jitter unless the transport asks for it: randomness, like the
        # clock, comes from outside, so that by itself this replays exactly.
        self.backoff = Backoff(retry_first, retry_max, jitter=retry_jitter)
        self.timeout = timeout
        self.digest = DigestClient(account.user, account.password)
        self.call_id = f"{secrets.token_hex(10)}@customscreen"
        self.from_tag = secrets.token_hex(6)
        self.cseq = 0
        self.expires = account.expires
        self.registered = False
        #: Every REGISTER attempt's start time, for tests and the status window.
        self.attempts: list[float] = []
        self._challenge: Challenge | None = None
        #: Authorization answers a registrar's 401, Proxy-Authorization a proxy's 407.
        self._credentials_header = "Authorization"
        self._fresh_challenge = False
        self._auth_rounds = 0
        self._pending: bytes | None = None
        self._deadline: float | None = None  # Timer F of the outstanding REGISTER
        self._retransmit_at: float | None = None
        self._interval = T1_S
        self._next_attempt: float | None = None

    @property
    def failures(self) -> int:
        """Attempts that failed in a row; back to 0 once registered."""
        return self.backoff.failures

    @property
    def contact(self) -> str:
        host, port = self.local
        return f"<sip:{self.account.user}@{host}:{port};transport={self.account.transport}>"

    def start(self) -> None:
        self._attempt()

    def stop(self) -> None:
        """Remove the binding (Expires: 0), best effort: nobody waits for the answer."""
        if self.registered:
            self._send(self._request(expires=0).to_bytes())
        self.registered = False
        self._pending = None
        self._next_attempt = self._deadline = self._retransmit_at = None

    def tick(self) -> float | None:
        now = self.monotonic()
        if self._next_attempt is not None and now >= self._next_attempt:
            self._attempt()
        elif self._deadline is not None and now >= self._deadline:
            self._fail(f"PBX not answering at {self.account.registrar} "
                       f"({self.account.transport.upper()})")
        elif self._retransmit_at is not None and now >= self._retransmit_at and self._pending:
            self._send(self._pending)  # Timer E: the REGISTER or its answer was lost
            self._interval = min(self._interval * 2, T2_S)
            self._retransmit_at = now + self._interval
        times = [t for t in (self._next_attempt, self._deadline, self._retransmit_at) if t]
        return max(0.0, min(times) - now) if times else None

    def on_response(self, response: SipResponse) -> None:
        if response.call_id != self.call_id or response.cseq != (self.cseq, "REGISTER"):
            return  # a late answer to an older REGISTER, or not ours
        if self._pending is None:
            return
        if response.status < 200:
            self._retransmit_at = None  # the PBX heard us; wait for the final answer
            return
        self._pending = None
        self._deadline = self._retransmit_at = None
        if 200 <= response.status < 300:
            self._registered(response)
        elif response.status in (401, 407):
            self._challenged(response)
        elif response.status == 423 and self._auth_rounds <= MAX_AUTH_ROUNDS:
            min_expires = (response.headers.get("Min-Expires") or "").strip()
            if min_expires.isdigit() and int(min_expires) > self.expires:
                self.expires = int(min_expires)
                self._auth_rounds += 1
                self._send_register()
                return
            self._fail(f"PBX refused registration: {response.status} {response.reason}")
        else:
            self._fail(f"PBX refused registration: {response.status} {response.reason}")

    # -- internals -----------------------------------------------------------------

    def _attempt(self) -> None:
        self._next_attempt = None
        self._auth_rounds = 0
        self._fresh_challenge = False
        self.attempts.append(self.monotonic())
        self._send_register()

    def _send_register(self) -> None:
        request = self._request(expires=self.expires)
        self._pending = request.to_bytes()
        now = self.monotonic()
        self._deadline = now + self.timeout
        self._interval = T1_S
        self._retransmit_at = now + T1_S if self.account.transport == "udp" else None
        self._send(self._pending)

    def _request(self, *, expires: int) -> SipRequest:
        self.cseq += 1
        host, port = self.local
        pairs = [
            ("Via", f"SIP/2.0/{self.account.transport.upper()} {host}:{port}"
                    f";branch=z9hG4bK{secrets.token_hex(8)};rport"),
            ("Max-Forwards", "70"),
            ("From", f"<{self.account.aor}>;tag={self.from_tag}"),
            ("To", f"<{self.account.aor}>"),
            ("Call-ID", self.call_id),
            ("CSeq", f"{self.cseq} REGISTER"),
            ("Contact", self.contact),
            ("Expires", str(expires)),
            ("User-Agent", "CustomScreen"),
        ]
        if self._challenge is not None:
            value = self.digest.authorization(self._challenge, "REGISTER", self.account.registrar)
            pairs.append((self._credentials_header, value))
        return SipRequest("REGISTER", self.account.registrar, Headers(tuple(pairs)))

    def _challenged(self, response: SipResponse) -> None:
        name = "WWW-Authenticate" if response.status == 401 else "Proxy-Authenticate"
        challenge = choose_challenge(response.headers.get_all(name))
        if challenge is None:
            self._fail(f"PBX asks for an authentication CustomScreen cannot answer ({name})")
            return
        if self._fresh_challenge and not challenge.stale:
            self._challenge = None
            self._fail(f"wrong password for {self.account.user} at {self.account.host} "
                       f"(the PBX refused it: {response.status} {response.reason})")
            return
        self._auth_rounds += 1
        if self._auth_rounds > MAX_AUTH_ROUNDS + 1:
            self._fail(f"PBX keeps challenging {self.account.user}: check the account")
            return
        self._challenge = challenge
        self._credentials_header = (
            "Authorization" if response.status == 401 else "Proxy-Authorization")
        self._fresh_challenge = True
        self._send_register()

    def _registered(self, response: SipResponse) -> None:
        granted = self._granted_expires(response)
        self.backoff.reset()
        self.registered = True
        self._next_attempt = self.monotonic() + max(1.0, granted * REFRESH_FRACTION)
        self._on_status(LineState.UP, f"registered as {self.account.aor} for {granted} s")

    def _granted_expires(self, response: SipResponse) -> int:
        """The Contact's ``expires`` for our binding, else Expires, else what we asked."""
        host, port = self.local
        for value in response.headers.get_all("Contact"):
            for piece in split_outside_quotes(value, ","):
                try:
                    addr = parse_name_addr(piece)
                except ValueError:
                    continue
                ours = addr.uri.host == host and (addr.uri.port or 5060) == port
                expires = addr.param("expires") or ""
                if ours and expires.isdigit():
                    return int(expires)
        header = (response.headers.get("Expires") or "").strip()
        return int(header) if header.isdigit() else self.expires

    def _fail(self, reason: str) -> None:
        self.registered = False
        self._pending = None
        self._deadline = self._retransmit_at = None
        delay = self.backoff.next_delay()
        self._next_attempt = self.monotonic() + delay
        self._on_status(LineState.RECONNECTING, f"{reason}; retrying in {delay:g} s")
