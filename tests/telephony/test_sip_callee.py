"""The user agent's called side, with no network: requests in, responses and events out."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from telephony.events import Answered, CallerId, Ended, Event, Outcome, Presentation, Ring
from telephony.sip.callee import MAX_CALLS, TIMER_H_S, Callee, Peer
from telephony.sip.message import SipResponse, parse_message

PBX = Peer("192.0.2.1", 5060)
NOW = datetime(2026, 11, 22, 9, 14, 3, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class Harness:
    def __init__(self, policy: str | None = None, **options: object) -> None:
        self.sent: list[tuple[SipResponse, Peer]] = []
        self.raw: list[bytes] = []
        self.events: list[Event] = []
        self.policy = policy
        self.mono = Clock()
        self.callee = Callee(self._send, self._emit, clock=lambda: NOW, monotonic=self.mono,
                             **options)  # type: ignore[arg-type]

    def _send(self, data: bytes, peer: Peer) -> None:
        self.raw.append(data)
        message = parse_message(data)
        assert isinstance(message, SipResponse)
        self.sent.append((message, peer))

    def _emit(self, event: Event) -> None:
        self.events.append(event)
        if isinstance(event, CallerId) and self.policy:
            assert self.callee.divert(event.key, self.policy)

    @property
    def statuses(self) -> list[int]:
        return [m.status for m, _ in self.sent]


def request(method: str = "INVITE", call_id: str = "call-1", cseq: int = 1, *extra: str,
            branch: str = "z9hG4bKb1", to_tag: str = "") -> bytes:
    lines = [
        f"{method} sip:201@192.0.2.10 SIP/2.0",
        f"Via: SIP/2.0/UDP 192.0.2.1:5060;branch={branch}",
        'From: "Dupont SARL" <sip:0536490123@192.0.2.1>;tag=f1',
        "To: <sip:201@192.0.2.10>" + (f";tag={to_tag}" if to_tag else ""),
        f"Call-ID: {call_id}",
        f"CSeq: {cseq} {method}",
        *extra,
        "Content-Length: 0",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_invite_gets_trying_then_ringing_and_pops_the_caller() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 180]
    assert [type(e) for e in h.events] == [Ring, CallerId]
    caller = h.events[1]
    assert isinstance(caller, CallerId)
    assert (caller.key, caller.number, caller.name) == ("call-1", "0536490123", "Dupont SARL")
    assert caller.presentation == Presentation.AVAILABLE
    ringing = h.sent[1][0]
    assert ";tag=" in (ringing.headers.get("To") or "") and h.sent[1][1] == PBX


def test_invite_retransmission_gets_the_last_response_and_no_second_call() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 180, 180]
    assert h.raw[1] == h.raw[2]
    assert sum(isinstance(e, Ring) for e in h.events) == 1


def test_cancel_gets_200_and_the_invite_487_and_the_call_is_missed() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    h.callee.receive(request("CANCEL"), PBX)
    assert h.statuses == [100, 180, 200, 487]
    assert h.sent[2][0].cseq == (1, "CANCEL") and h.sent[3][0].cseq == (1, "INVITE")
    ended = h.events[-1]
    assert isinstance(ended, Ended) and ended.outcome == Outcome.MISSED
    h.callee.receive(request("ACK"), PBX)  # absorbed
    assert h.statuses == [100, 180, 200, 487]
    assert h.callee.ringing == []


def test_cancel_for_a_call_completed_elsewhere_is_answered() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    h.callee.receive(request("CANCEL", "call-1", 1,
                             'Reason: SIP;cause=200;text="Call completed elsewhere"'), PBX)
    ended = h.events[-1]
    assert isinstance(ended, Ended) and ended.outcome == Outcome.ANSWERED


def test_bye_gets_200_and_the_call_counts_as_answered() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    h.callee.receive(request("BYE", cseq=2, to_tag="x"), PBX)
    assert h.statuses == [100, 180, 200]
    ended = h.events[-1]
    assert isinstance(ended, Ended) and ended.outcome == Outcome.ANSWERED


def test_unknown_bye_and_cancel_get_481() -> None:
    h = Harness()
    h.callee.receive(request("BYE", "nope", to_tag="x"), PBX)
    h.callee.receive(request("CANCEL", "nope"), PBX)
    assert h.statuses == [481, 481] and h.events == []


def test_options_is_answered_200_and_other_methods_405() -> None:
    h = Harness()
    h.callee.receive(request("OPTIONS"), PBX)
    h.callee.receive(request("MESSAGE"), PBX)
    assert h.statuses == [200, 405]
    assert "INVITE" in (h.sent[1][0].headers.get("Allow") or "")


def test_divert_with_voicemail_sends_302_to_it_instead_of_ringing() -> None:
    h = Harness("divert", voicemail="sip:*97@pbx.local")
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 302]
    assert h.sent[1][0].headers.get("Contact") == "<sip:*97@pbx.local>"
    ended = h.events[-1]
    assert isinstance(ended, Ended) and ended.outcome == Outcome.DIVERTED


def test_divert_without_voicemail_is_busy_here_and_603_when_configured() -> None:
    h = Harness("divert")
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 486]
    h = Harness("divert", voicemail="sip:*97@pbx.local", divert_status=603)
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 603]


def test_block_is_declined_603() -> None:
    h = Harness("block", voicemail="sip:*97@pbx.local")
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 603]
    ended = h.events[-1]
    assert isinstance(ended, Ended) and ended.outcome == Outcome.BLOCKED


def test_divert_after_ringing_still_sends_the_final_response() -> None:
    h = Harness(voicemail="sip:*97@pbx.local")
    h.callee.receive(request(), PBX)
    assert h.callee.divert("call-1", "divert")
    assert h.statuses == [100, 180, 302]
    assert not h.callee.divert("call-1", "divert")  # already gone
    assert not h.callee.divert("unknown", "divert")


def test_retransmitted_invite_after_divert_gets_the_same_302() -> None:
    h = Harness("divert", voicemail="sip:*97@pbx.local")
    h.callee.receive(request(), PBX)
    h.callee.receive(request(), PBX)
    assert h.statuses == [100, 302, 302]
    assert sum(isinstance(e, Ended) for e in h.events) == 1


def test_final_response_is_retransmitted_until_ack_then_forgotten() -> None:
    h = Harness("divert")
    h.callee.receive(request(), PBX)
    h.mono.t += 0.6
    h.callee.tick()
    assert h.statuses == [100, 486, 486]
    h.callee.receive(request("ACK", to_tag="x"), PBX)
    h.mono.t += 5
    h.callee.tick()
    assert h.statuses == [100, 486, 486]
    h.mono.t += TIMER_H_S
    assert h.callee.tick() is None


def test_foreign_peer_gets_403_and_is_counted_never_popped() -> None:
    h = Harness(allow=lambda host: host.startswith("127."))
    h.callee.receive(request(), PBX)
    h.callee.receive(b"\x00garbage", PBX)
    assert h.statuses == [403] and h.events == []
    assert h.callee.rejected == 2 and h.callee.malformed == 0


def test_malformed_request_gets_400_when_it_can_be_routed() -> None:
    h = Harness()
    h.callee.receive(request("INVITE", "call-1", 1, "header without colon"), PBX)
    h.callee.receive(b"\xff\xfe\x00 noise", PBX)
    h.callee.receive(b"\r\n\r\n", PBX)  # a keep-alive is not malformed
    assert h.statuses == [400] and h.events == []
    assert h.callee.malformed == 2


def test_reinvite_for_an_unknown_dialog_gets_481() -> None:
    h = Harness()
    h.callee.receive(request(to_tag="old"), PBX)
    assert h.statuses == [481] and h.events == []


def test_too_many_ringing_calls_get_503() -> None:
    h = Harness()
    for n in range(MAX_CALLS + 1):
        h.callee.receive(request(call_id=f"c{n}"), PBX)
    assert h.statuses[-1] == 503 and len(h.callee.ringing) == MAX_CALLS


def test_a_call_the_pbx_forgets_ends_with_unknown_outcome() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    h.mono.t += 10_000
    h.callee.tick()
    ended = h.events[-1]
    assert isinstance(ended, Ended) and ended.outcome is None


def test_a_failing_observer_does_not_stop_the_line() -> None:
    sent: list[bytes] = []

    def emit(event: Event) -> None:
        raise RuntimeError("observer bug")

    callee = Callee(lambda data, peer: sent.append(data), emit)
    callee.receive(request(), PBX)
    assert [parse_message(d).status for d in sent] == [100, 180]  # type: ignore[union-attr]


def test_answered_is_never_emitted_by_a_line_that_only_rings() -> None:
    h = Harness()
    h.callee.receive(request(), PBX)
    h.callee.receive(request("CANCEL"), PBX)
    assert not any(isinstance(e, Answered) for e in h.events)
    assert 200 not in [m.status for m, _ in h.sent if m.cseq[1] == "INVITE"]


messages = st.one_of(
    st.binary(max_size=512),
    st.builds(
        request,
        st.sampled_from(["INVITE", "CANCEL", "ACK", "BYE", "OPTIONS", "INFO"]),
        st.sampled_from(["a", "b", "c"]),
        st.integers(1, 3),
        to_tag=st.sampled_from(["", "t"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(messages, st.sampled_from(["divert", "block", None]),
                          st.floats(0, 40)), max_size=20))
def test_the_agent_never_crashes_on_any_sequence(steps: list) -> None:
    h = Harness()
    for data, action, wait in steps:
        h.callee.receive(data, PBX)
        if action:
            for key in h.callee.ringing:
                h.callee.divert(key, action)
        h.mono.t += wait
        h.callee.tick()
    rings = [e.key for e in h.events if isinstance(e, Ring)]
    ends = [e.key for e in h.events if isinstance(e, Ended)]
    assert len(ends) <= len(rings)
