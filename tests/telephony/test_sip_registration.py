"""Registration at the PBX, with no network: a fake registrar answers the REGISTERs."""

from __future__ import annotations

from telephony.events import LineState
from telephony.sip.digest import digest_response, parse_challenge
from telephony.sip.message import Headers, SipRequest, SipResponse, make_response, parse_message
from telephony.sip.registration import (
    REFRESH_FRACTION,
    RETRY_FIRST_S,
    RETRY_MAX_S,
    TIMER_F_S,
    Account,
    Registration,
)

CHALLENGE = 'Digest realm="pbx.local", nonce="n1", qop="auth", algorithm=MD5'


class Harness:
    def __init__(self, password: str = "s3cret") -> None:
        self.t = 0.0
        self.requests: list[SipRequest] = []
        self.status: list[tuple[LineState, str]] = []
        self.registration = Registration(
            Account("201", password, "pbx.local", 5060, expires=300),
            send=self._send,
            on_status=lambda state, detail: self.status.append((state, detail)),
            local=("192.0.2.10", 5070),
            monotonic=lambda: self.t,
        )

    def _send(self, data: bytes) -> None:
        message = parse_message(data)
        assert isinstance(message, SipRequest)
        self.requests.append(message)

    @property
    def last(self) -> SipRequest:
        return self.requests[-1]

    def answer(self, status: int, *extra: tuple[str, str]) -> None:
        response = make_response(self.last, status, to_tag="reg", extra=list(extra))
        self.registration.on_response(response)

    def registrar(self, password: str = "s3cret", nonce: str = "n1") -> None:
        """Answer the last REGISTER the way a registrar checks digest credentials."""
        auth = self.last.headers.get("Authorization")
        if auth is None:
            self.answer(401, ("WWW-Authenticate", CHALLENGE.replace("n1", nonce)))
            return
        fields = dict(
            p.strip().split("=", 1) for p in auth.removeprefix("Digest ").split(", ")
        )
        fields = {k: v.strip('"') for k, v in fields.items()}
        expected = digest_response(
            parse_challenge(CHALLENGE.replace("n1", fields["nonce"])), username="201",
            password=password, method="REGISTER", uri=fields["uri"], cnonce=fields["cnonce"],
            nc=int(fields["nc"], 16),
        )
        if fields["response"] == expected and fields["nonce"] == nonce:
            contact = self.last.headers.get("Contact") or ""
            self.answer(200, ("Contact", f"{contact};expires=120"))
        else:
            stale = ", stale=true" if fields["response"] == expected else ""
            self.answer(401, ("WWW-Authenticate", CHALLENGE.replace("n1", nonce) + stale))


def test_register_answers_the_challenge_and_the_line_goes_up() -> None:
    h = Harness()
    h.registration.start()
    assert h.last.method == "REGISTER" and h.last.uri == "sip:pbx.local:5060"
    assert h.last.headers.get("Contact") == "<sip:201@192.0.2.10:5070;transport=udp>"
    h.registrar()
    assert "Authorization" in dict(h.last.headers)
    assert h.last.cseq[0] == h.requests[0].cseq[0] + 1
    assert h.last.call_id == h.requests[0].call_id
    h.registrar()
    assert h.status[-1][0] == LineState.UP and "120 s" in h.status[-1][1]


def test_refresh_comes_at_80_percent_of_the_granted_expires_with_a_higher_nonce_count() -> None:
    h = Harness()
    h.registration.start()
    h.registrar()
    h.registrar()
    sent = len(h.requests)
    h.t = 120 * REFRESH_FRACTION - 1
    h.registration.tick()
    assert len(h.requests) == sent
    h.t = 120 * REFRESH_FRACTION
    h.registration.tick()
    assert len(h.requests) == sent + 1
    assert "nc=00000002" in (h.last.headers.get("Authorization") or "")
    h.registrar()
    assert [s for s, _ in h.status] == [LineState.UP, LineState.UP]


def test_a_stale_nonce_is_answered_again_without_calling_the_password_wrong() -> None:
    h = Harness()
    h.registration.start()
    h.registrar()
    h.registrar()
    h.t = 100
    h.registration.tick()
    h.registrar(nonce="n2")  # the old nonce expired: 401 stale=true
    assert h.status[-1][0] == LineState.UP
    h.registrar(nonce="n2")
    assert h.status[-1][0] == LineState.UP and len(h.status) == 2


def test_wrong_password_says_so_and_retries_with_growing_intervals() -> None:
    h = Harness(password="wrong")
    h.registration.start()
    delays = []
    for _ in range(12):
        h.registrar()
        h.registrar()
        state, detail = h.status[-1]
        assert state == LineState.RECONNECTING and detail.startswith("wrong password for 201")
        delay = h.registration.tick()
        assert delay is not None
        delays.append(delay)
        h.t += delay
        h.registration.tick()
    assert delays[:4] == [RETRY_FIRST_S, RETRY_FIRST_S * 2, RETRY_FIRST_S * 4, RETRY_FIRST_S * 8]
    assert delays[-1] == RETRY_MAX_S
    assert len(h.requests) == 2 * 12 + 1  # two REGISTERs per attempt, never a busy loop


def test_silent_pbx_is_retransmitted_then_reported_not_answering() -> None:
    h = Harness()
    h.registration.start()
    while h.t < TIMER_F_S:
        h.t += 0.25
        h.registration.tick()
    assert 5 <= len(h.requests) <= 12  # Timer E doubles up to T2
    assert len({r.to_bytes() for r in h.requests}) == 1  # the same REGISTER again
    state, detail = h.status[-1]
    assert state == LineState.RECONNECTING and "PBX not answering" in detail


def test_refusal_and_interval_too_brief() -> None:
    h = Harness()
    h.registration.start()
    h.answer(423, ("Min-Expires", "600"))
    assert h.last.headers.get("Expires") == "600"
    h.answer(403)
    assert "403 Forbidden" in h.status[-1][1]


def test_late_or_foreign_responses_are_ignored() -> None:
    h = Harness()
    h.registration.start()
    other = SipResponse(200, "OK", Headers((("Call-ID", "other"), ("CSeq", "1 REGISTER"))))
    h.registration.on_response(other)
    assert h.status == []


def test_stop_unregisters_with_expires_zero() -> None:
    h = Harness()
    h.registration.start()
    h.registrar()
    h.registrar()
    h.registration.stop()
    assert h.last.headers.get("Expires") == "0"
    assert h.registration.tick() is None


def test_a_proxy_challenge_is_answered_with_proxy_authorization() -> None:
    h = Harness()
    h.registration.start()
    h.answer(407, ("Proxy-Authenticate", CHALLENGE))
    assert "Proxy-Authorization" in dict(h.last.headers)
    assert "Authorization" not in dict(h.last.headers)
