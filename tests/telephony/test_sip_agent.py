"""The SIP line's URL, transports and robustness, on loopback with the probe UAC."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import statistics

import pytest

from telephony.events import CallerId, Ended, Event, LineState, LineStatus, Outcome
from telephony.sip import agent
from telephony.sip.agent import SipLine, open_url, parse_line_url
from telephony.sip.errors import SipProtocolError
from telephony.sip.framing import StreamFramer
from telephony.sip.message import MAX_MESSAGE_SIZE, SipResponse, parse_message
from telephony.sip.probe import SipProbe, ring_time
from telephony.source import SourceError, open_source
from tests.conftest import wait_until


def test_sip_url_carries_account_transport_voicemail_and_divert() -> None:
    config = parse_line_url("sip://201:s%40cret@pbx.local:5080?bind=0.0.0.0:5070&transport=tcp"
                            "&voicemail=sip:*97@pbx.local&expires=600&divert=603")
    assert config.account is not None
    assert (config.account.user, config.account.password) == ("201", "s@cret")
    assert (config.account.host, config.account.port, config.account.expires) == (
        "pbx.local", 5080, 600)
    assert config.bind == ("0.0.0.0", 5070) and config.transport == "tcp"
    assert (config.voicemail, config.divert_status) == ("sip:*97@pbx.local", 603)
    assert config.allows("203.0.113.9")  # a registered line takes what its PBX sends


def test_sip_listen_url_defaults_to_loopback_only() -> None:
    config = parse_line_url("sip-listen://")
    assert config.bind == ("127.0.0.1", 5060) and config.account is None
    assert config.allows("127.0.0.1") and config.allows("::1")
    assert not config.allows("192.0.2.1")
    wide = parse_line_url("sip-listen://0.0.0.0:5070?allow=192.0.2.1,10.0.0.0/8")
    assert wide.bind == ("0.0.0.0", 5070)
    assert wide.allow == (ipaddress.ip_network("192.0.2.1/32"), ipaddress.ip_network("10.0.0.0/8"))
    assert wide.allows("10.1.2.3") and not wide.allows("127.0.0.1")


@pytest.mark.parametrize("url", [
    "sip://pbx.local",
    "sip://201@pbx.local",
    "sip://201:pw@pbx.local?transport=sctp",
    "sip://201:pw@pbx.local?divert=404",
    "sip://201:pw@pbx.local?expires=5",
    "sip://201:pw@pbx.local?colour=blue",
    "sip://201:pw@pbx.local?voicemail=mailto:x",
    "sip-listen://127.0.0.1:5070?allow=not-an-ip",
    "sip-listen://127.0.0.1:99999",
])
def test_bad_urls_say_what_is_wrong(url: str) -> None:
    with pytest.raises(SourceError):
        parse_line_url(url)


def test_open_source_gives_a_line_that_can_divert_and_hides_the_password() -> None:
    line = open_source("sip://201:s3cret@pbx.local")
    assert isinstance(line, SipLine) and line.can_divert
    assert "s3cret" not in line.describe()


def test_busy_port_is_a_clear_source_error() -> None:
    taken = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    taken.bind(("127.0.0.1", 0))
    try:
        line = open_url(f"sip-listen://127.0.0.1:{taken.getsockname()[1]}")
        with pytest.raises(SourceError, match="cannot listen"):
            line.start(lambda event: None)
    finally:
        taken.close()


@pytest.fixture
def line() -> SipLine:
    line = open_url("sip-listen://127.0.0.1:0")
    events: list[Event] = []
    line.start(events.append)
    line.events = events  # type: ignore[attr-defined]
    yield line
    line.stop()


def test_listen_line_says_it_is_up(line: SipLine) -> None:
    status = line.events[0]  # type: ignore[attr-defined]
    assert isinstance(status, LineStatus) and status.state == LineState.UP


def test_line_survives_garbage_truncated_and_oversized_datagrams(line: SipLine) -> None:
    host, port = line.address
    with SipProbe(host, port, number="0536490123") as probe:
        probe.send_raw(b"\x00\xff" * 100)
        probe.send_raw(b"A" * 65507)  # the largest datagram UDP can carry
        probe.send_raw(b"INVITE sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKt\r\n"
                       b"From: <sip:1@h>;tag=1\r\nTo: <sip:2@h>\r\nCall-ID: trunc\r\n"
                       b"CSeq: 1 INVITE\r\nContent-Length: 300\r\n\r\nv=0\r\n")
        bad = probe.wait_for(400, timeout=2)
        assert bad is not None and bad.message.call_id == "trunc"
        probe.invite()
        assert probe.wait_for(180, timeout=2) is not None
        probe.cancel()
        assert probe.wait_for(487, timeout=2) is not None
    assert line.malformed == 3
    calls = [e for e in line.events if isinstance(e, CallerId)]  # type: ignore[attr-defined]
    assert [c.number for c in calls] == ["0536490123"]


def test_invite_over_tcp_is_framed_and_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[bytes] = []

    class RecordingFramer(StreamFramer):
        """The line's framer, noting each read the line hands it."""

        def feed(self, data: bytes) -> list[bytes]:
            reads.append(data)
            return super().feed(data)

    monkeypatch.setattr(agent, "StreamFramer", RecordingFramer)
    line = open_url("sip-listen://127.0.0.1:0?transport=tcp")
    events: list[Event] = []
    line.start(events.append)
    try:
        conn = socket.create_connection(line.address, timeout=2)
        local = conn.getsockname()
        invite = (f"INVITE sip:201@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP {local[0]}:{local[1]}"
                  ";branch=z9hG4bKtcp\r\nFrom: \"Garage Martin\" <tel:+33639981234>;tag=1\r\n"
                  "To: <sip:201@127.0.0.1>\r\nCall-ID: tcp-1\r\nCSeq: 1 INVITE\r\n"
                  "Content-Length: 3\r\n\r\nv=0").encode()
        first = b"\r\n\r\n" + invite[:40]  # keep-alive, then a message in two pieces
        conn.sendall(first)
        wait_until(lambda: b"".join(reads) == first, 5, "the line to read the first piece")
        first_reads = len(reads)
        conn.sendall(invite[40:])
        framer = StreamFramer()
        replies: list[bytes] = []
        while len(replies) < 2:
            replies += framer.feed(conn.recv(4096))
        statuses = [parse_message(r) for r in replies]
        assert [s.status for s in statuses if isinstance(s, SipResponse)] == [100, 180]
        # The message reached the framer in two pieces, as sent, never joined.
        assert b"".join(reads[first_reads:]) == invite[40:]
        conn.close()
    finally:
        line.stop()
    caller = next(e for e in events if isinstance(e, CallerId))
    assert (caller.number, caller.name) == ("+33639981234", "Garage Martin")


def test_endless_tcp_header_is_cut_off_and_the_line_keeps_going() -> None:
    line = open_url("sip-listen://127.0.0.1:0?transport=tcp")
    line.start(lambda event: None)
    try:
        conn = socket.create_connection(line.address, timeout=5)
        with contextlib.suppress(OSError):  # the line may close it before we finish
            conn.sendall(b"INVITE sip:a SIP/2.0\r\nX-Pad: " + b"a" * (MAX_MESSAGE_SIZE + 10))
        assert conn.recv(100) == b""  # closed by the line, not answered
        conn.close()
        assert line.malformed == 1
        again = socket.create_connection(line.address, timeout=5)
        again.close()
    finally:
        line.stop()


def test_stream_framer_cuts_by_content_length_and_bounds_the_buffer() -> None:
    framer = StreamFramer()
    one = b"OPTIONS sip:a SIP/2.0\r\nl: 2\r\n\r\nab"
    assert framer.feed(one[:10]) == []
    assert framer.feed(one[10:] + b"\r\n" + one + one[:5]) == [one, one]
    with pytest.raises(SipProtocolError):
        StreamFramer().feed(b"X" * (MAX_MESSAGE_SIZE + 1))
    with pytest.raises(SipProtocolError):
        StreamFramer().feed(b"OPTIONS sip:a SIP/2.0\r\nContent-Length: -1\r\n\r\n")
    with pytest.raises(SipProtocolError):
        StreamFramer().feed(b"OPTIONS sip:a SIP/2.0\r\nContent-Length: 900000\r\n\r\n")


def test_divert_from_the_switchboard_sends_the_caller_to_voicemail() -> None:
    line = open_url("sip-listen://127.0.0.1:0?voicemail=sip:*97@127.0.0.1")
    events: list[Event] = []

    def emit(event: Event) -> None:
        events.append(event)
        if isinstance(event, CallerId):
            line.divert(event.key, "divert")

    line.start(emit)
    try:
        first = ring_time(*line.address, number="0536490123", name="Dupont SARL")
    finally:
        line.stop()
    assert first is not None and first.status == 302
    assert first.message.headers.get("Contact") == "<sip:*97@127.0.0.1>"
    assert [e.outcome for e in events if isinstance(e, Ended)] == [Outcome.DIVERTED]


def test_invite_to_ringing_latency_on_loopback(line: SipLine) -> None:
    """What the benchmark measures: INVITE sent -> 180 Ringing received, no switchboard."""
    samples = []
    for n in range(30):
        first = ring_time(*line.address, number=f"05364901{n:02d}")
        assert first is not None and first.status == 180
        samples.append(first.elapsed_s)
    median = statistics.median(samples)
    print(f"INVITE -> 180 median {median * 1000:.2f} ms, max {max(samples) * 1000:.2f} ms")
    assert median < 0.05
