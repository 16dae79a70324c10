"""Against real SIP software: baresip calls our line, kamailio registers it.

Marked slow; they need the Debian packages baresip and kamailio (``make test``
installs them) and fail, never skip, without them.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from telephony.events import CallerId, Ended, Event, LineState, LineStatus, Outcome
from telephony.sip.agent import SipLine, open_url, parse_line_url
from telephony.sip.message import SipRequest, parse_message
from tests.conftest import wait_until

from .peers.harness import baresip_call, kamailio

pytestmark = [pytest.mark.slow, pytest.mark.timeout(60)]

CALLER_NUMBER = "+33536490123"
CALLER_NAME = "Dupont SARL"


class Collector:
    """An emit that records events and plays the switchboard's divert policy."""

    def __init__(self, line: SipLine, policy: str | None = None) -> None:
        self.line = line
        self.policy = policy
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)
        if isinstance(event, CallerId) and self.policy:
            assert self.line.divert(event.key, self.policy)

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]


@pytest.fixture
def listening() -> Iterator[tuple[SipLine, Collector]]:
    line = open_url("sip-listen://127.0.0.1:0")
    collector = Collector(line)
    line.start(collector)
    try:
        yield line, collector
    finally:
        line.stop()


def test_baresip_call_pops_name_and_number_then_is_missed_when_it_hangs_up(
    listening: tuple[SipLine, Collector], tmp_path: Path
) -> None:
    line, events = listening
    host, port = line.address
    with baresip_call(tmp_path, f"sip:reception@{host}:{port}", number=CALLER_NUMBER,
                      name=CALLER_NAME, hangup_after=2) as baresip:
        wait_until(lambda: events.of(CallerId), 10, "the caller ID")
        caller = events.of(CallerId)[0]
        assert (caller.number, caller.name) == (CALLER_NUMBER, CALLER_NAME)
        wait_until(lambda: events.of(Ended), 10, "baresip to hang up")
        assert "180 Ringing" in baresip.output
    ended = events.of(Ended)[0]
    assert ended.key == caller.key and ended.outcome == Outcome.MISSED
    assert line.malformed == 0 and line.rejected == 0


@pytest.mark.parametrize(("policy", "query", "status", "outcome"), [
    ("divert", "voicemail=VOICEMAIL", 302, Outcome.DIVERTED),
    ("divert", "voicemail=VOICEMAIL&divert=603", 603, Outcome.DIVERTED),
    ("divert", "", 486, Outcome.DIVERTED),
    ("block", "voicemail=VOICEMAIL", 603, Outcome.BLOCKED),
])
def test_baresip_is_sent_away_as_the_policy_says(
    tmp_path: Path, policy: str, query: str, status: int, outcome: Outcome
) -> None:
    voicemail = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    voicemail.bind(("127.0.0.1", 0))
    voicemail.settimeout(5)
    voicemail_uri = f"sip:*97@127.0.0.1:{voicemail.getsockname()[1]}"
    line = open_url("sip-listen://127.0.0.1:0?" + query.replace("VOICEMAIL", voicemail_uri))
    events = Collector(line, policy)
    line.start(events)
    try:
        host, port = line.address
        with baresip_call(tmp_path, f"sip:reception@{host}:{port}", number=CALLER_NUMBER,
                          name=CALLER_NAME, hangup_after=4) as baresip:
            wait_until(lambda: events.of(Ended), 10, "the call to be sent away")
            wait_until(lambda: f"SIP/2.0 {status} " in baresip.output, 5,
                       f"baresip to receive {status}")
            if status == 302:
                # baresip follows the redirect: the caller lands on the voicemail.
                redirected = parse_message(voicemail.recv(65536))
                assert isinstance(redirected, SipRequest)
                assert redirected.method == "INVITE" and redirected.uri == voicemail_uri
                assert CALLER_NAME in (redirected.headers.get("From") or "")
            assert "180 Ringing" not in baresip.output
    finally:
        line.stop()
        voicemail.close()
    assert [e.outcome for e in events.of(Ended)] == [outcome]


def test_foreign_peer_is_refused_403_and_never_pops(tmp_path: Path) -> None:
    line = open_url("sip-listen://127.0.0.1:0?allow=192.0.2.1")
    events = Collector(line)
    line.start(events)
    try:
        host, port = line.address
        with baresip_call(tmp_path, f"sip:reception@{host}:{port}", number=CALLER_NUMBER,
                          name=CALLER_NAME, hangup_after=2) as baresip:
            wait_until(lambda: "403 Forbidden" in baresip.output, 10, "baresip to get 403")
    finally:
        line.stop()
    assert events.of(CallerId) == [] and line.rejected >= 1


@pytest.mark.parametrize("transport", ["udp", "tcp"])
def test_line_registers_at_kamailio_and_a_call_through_it_pops(
    tmp_path: Path, transport: str
) -> None:
    with kamailio(tmp_path / "kamailio", user="reception", password="s3cret") as pbx_port:
        url = (f"sip://reception:s3cret@127.0.0.1:{pbx_port}"
               f"?bind=127.0.0.1:0&transport={transport}")
        line = open_url(url)
        events = Collector(line)
        line.start(events)
        try:
            wait_until(lambda: events.of(LineStatus), 10, "the registration")
            status = events.of(LineStatus)[0]
            assert status.state == LineState.UP, status.detail
            with baresip_call(tmp_path / "baresip", f"sip:reception@127.0.0.1:{pbx_port}",
                              number=CALLER_NUMBER, name=CALLER_NAME, hangup_after=3):
                wait_until(lambda: events.of(CallerId), 10, "the call through kamailio")
                wait_until(lambda: events.of(Ended), 10, "baresip to hang up")
        finally:
            line.stop()
    caller = events.of(CallerId)[0]
    assert (caller.number, caller.name) == (CALLER_NUMBER, CALLER_NAME)
    assert events.of(Ended)[0].outcome == Outcome.MISSED


def test_wrong_password_at_kamailio_says_so_and_backs_off(tmp_path: Path) -> None:
    with kamailio(tmp_path, user="reception", password="s3cret") as pbx_port:
        url = f"sip://reception:letmein@127.0.0.1:{pbx_port}?bind=127.0.0.1:0"
        line = SipLine(url, parse_line_url(url), retry_first=0.2, retry_max=10)
        events = Collector(line)
        line.start(events)
        try:
            wait_until(lambda: len(events.of(LineStatus)) >= 4, 10, "four refusals")
        finally:
            line.stop()
    statuses = events.of(LineStatus)
    assert all(s.state == LineState.RECONNECTING for s in statuses)
    assert all(s.detail.startswith("wrong password for reception") for s in statuses)
    assert line.registration is not None
    attempts = line.registration.attempts
    gaps = [b - a for a, b in zip(attempts, attempts[1:], strict=False)]
    assert len(gaps) >= 3 and gaps[0] < gaps[1] < gaps[2]
    assert gaps[2] >= 0.7  # 0.2, 0.4, 0.8 s: backing off, not a busy loop
