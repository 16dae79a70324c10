"""The SIP parser and builder: bytes in, frozen values out, one exception type."""

from __future__ import annotations

import contextlib

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telephony.events import Presentation
from telephony.sip.errors import SipProtocolError
from telephony.sip.identity import caller_identity
from telephony.sip.message import (
    MAX_MESSAGE_SIZE,
    SipRequest,
    SipResponse,
    make_response,
    parse_message,
    salvage_request,
)
from telephony.sip.uri import parse_name_addr, parse_uri, subscriber_number
from tests.vectors import case_params


def e164(number: str | None) -> str | None:
    if number is None:
        return None
    parsed = phonenumbers.parse(number, "FR")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def invite(*lines: str, body: str = "") -> bytes:
    head = [
        "INVITE sip:201@192.0.2.10 SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKtest",
        "To: <sip:201@192.0.2.10>",
        "Call-ID: test-1@192.0.2.1",
        "CSeq: 1 INVITE",
        *lines,
    ]
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode()


@pytest.mark.parametrize("case", case_params("sip"))
def test_recorded_invites_give_the_expected_caller(case: dict) -> None:
    message = parse_message(case["raw"].encode("utf-8"))
    assert isinstance(message, SipRequest) and message.method == "INVITE"
    identity = caller_identity(message)
    assert e164(identity.number) == case["expect"]["number"]
    assert identity.name == case["expect"]["name"]
    assert identity.presentation == case["expect"]["presentation"]


@pytest.mark.parametrize("case", case_params("sip"))
def test_built_message_parses_back_to_the_same_value(case: dict) -> None:
    message = parse_message(case["raw"].encode("utf-8"))
    assert parse_message(message.to_bytes()) == message


def test_compact_and_odd_case_header_names_are_canonical() -> None:
    message = parse_message(invite("f: <sip:1@h>;tag=1", "CALL-id: x", "k: timer", "s: hi",
                                   "m: <sip:1@h>", "c: application/sdp", "e: gzip", "l: 0"))
    names = [name for name, _ in message.headers]
    assert {"From", "Call-ID", "Supported", "Subject", "Contact", "Content-Type",
            "Content-Encoding"} <= set(names)
    assert message.headers.get("call-id") == "test-1@192.0.2.1"
    assert message.headers.get_all("Call-ID") == ["test-1@192.0.2.1", "x"]


def test_several_via_headers_and_comma_joined_values_keep_their_order() -> None:
    raw = invite("Via: SIP/2.0/UDP b;branch=z9hG4bK2, SIP/2.0/TCP c;branch=z9hG4bK3",
                 "v: SIP/2.0/UDP d;branch=z9hG4bK4", "From: <sip:1@h>;tag=1")
    message = parse_message(raw)
    hosts = [via.split()[1].split(";")[0] for via in message.headers.get_all("Via")]
    assert hosts == ["192.0.2.1", "b", "c", "d"]
    response = make_response(message, 180, to_tag="abc")
    assert response.headers.get_all("Via") == message.headers.get_all("Via")
    assert response.headers.get("To") == "<sip:201@192.0.2.10>;tag=abc"


def test_quoted_display_name_with_escapes_and_utf8() -> None:
    raw = invite('From: "Boulangerie \\"Chez Hélène\\" \\\\ fils" <sip:0465710011@h>;tag=9')
    identity = caller_identity(parse_message(raw))  # type: ignore[arg-type]
    assert identity.name == 'Boulangerie "Chez Hélène" \\ fils'
    assert identity.number == "0465710011"


def test_unquoted_display_name_and_bare_addr_spec() -> None:
    assert parse_name_addr("Garage  Martin <tel:+33639981234>;tag=88").display_name == (
        "Garage Martin")
    bare = parse_name_addr("sip:0561000000@192.0.2.1;tag=r1")
    assert bare.tag == "r1" and bare.uri.user == "0561000000" and bare.uri.params == ()


def test_uris_sip_sips_tel_with_params() -> None:
    uri = parse_uri("sip:0465710011@192.0.2.1:5080;user=phone;transport=udp")
    assert (uri.scheme, uri.user, uri.host, uri.port) == ("sip", "0465710011", "192.0.2.1", 5080)
    assert uri.param("USER") == "phone"
    assert parse_uri("sips:alice:pw@[2001:db8::1]:5061").host == "[2001:db8::1]"
    tel = parse_uri("tel:+33-6-39-98-12-34;phone-context=+33")
    assert subscriber_number(tel) == "+33639981234"
    assert subscriber_number(parse_uri("sip:trunk@192.0.2.1")) is None
    assert str(parse_uri("sip:*97@pbx.local")) == "sip:*97@pbx.local"
    for bad in ("http://x", "sip:", "sip:a@b:99999", "tel:", "sip:a@<b>"):
        with pytest.raises(SipProtocolError):
            parse_uri(bad)


def test_visual_separators_are_stripped_from_the_number() -> None:
    raw = invite("From: <sip:05.36.49-01(23)@h;user=phone>;tag=1")
    assert caller_identity(parse_message(raw)).number == "0536490123"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "header",
    [
        "Privacy: id",
        "Privacy: header;id",
        'Remote-Party-ID: "X" <sip:0353012233@h>;party=calling;privacy=full',
        'P-Asserted-Identity: "Anonymous" <sip:anonymous@anonymous.invalid>',
    ],
)
def test_withheld_identity_is_private(header: str) -> None:
    raw = invite('From: "Someone" <sip:0536490123@h>;tag=1', header)
    identity = caller_identity(parse_message(raw))  # type: ignore[arg-type]
    assert identity.presentation == Presentation.PRIVATE
    assert identity.number is None and identity.name is None


def test_pai_is_preferred_to_rpid_and_from() -> None:
    raw = invite("From: <sip:1111@h>;tag=1", "Remote-Party-ID: <sip:2222@h>;party=calling",
                 "P-Asserted-Identity: <sip:3333@h>, <tel:3333>")
    assert caller_identity(parse_message(raw)).number == "3333"  # type: ignore[arg-type]


def test_a_name_without_a_number_is_unavailable() -> None:
    raw = invite('From: "Accueil" <sip:trunk@h>;tag=1')
    identity = caller_identity(parse_message(raw))  # type: ignore[arg-type]
    assert identity == type(identity)(None, "Accueil", Presentation.UNAVAILABLE)


def test_response_parses_and_body_is_cut_at_content_length() -> None:
    raw = (b"SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@h>;tag=1"
           b"\r\nTo: <sip:b@h>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nContent-Length: 3\r\n\r\n"
           b"abcdef")
    message = parse_message(raw)
    assert isinstance(message, SipResponse)
    assert (message.status, message.reason, message.body) == (180, "Ringing", b"abc")
    assert message.cseq == (1, "INVITE") and message.branch == "z9hG4bK1"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage",
        b"INVITE sip:201@h SIP/2.0\r\nVia: SIP/2.0/UDP h",  # truncated headers
        invite("From: <sip:1@h>;tag=1", "Content-Length: 50", body="v=0"),  # truncated body
        invite("From: <sip:1@h>;tag=1", "this line has no colon"),
        invite("From: <sip:1@h>;tag=1").replace(b"CSeq: 1 INVITE", b"CSeq: 1 BYE"),
        invite("From: <sip:1@h>;tag=1").replace(b"SIP/2.0\r\n", b"SIP/3.0\r\n", 1),
        invite().replace(b"To: <sip:201@192.0.2.10>\r\n", b""),  # no From, no To
        b"SIP/2.0 99 Too Low\r\nCSeq: 1 INVITE\r\n\r\n",
        invite("From: <sip:1@h>;tag=1", "X-Bin: \x01\x02"),
        invite("From: \xe9\xe9 <sip:1@h>;tag=1").replace("\xe9".encode(), b"\xe9"),
    ],
)
def test_malformed_messages_raise_the_protocol_error(raw: bytes) -> None:
    with pytest.raises(SipProtocolError):
        parse_message(raw)


def test_oversized_message_is_refused() -> None:
    raw = invite("From: <sip:1@h>;tag=1", "X-Pad: " + "a" * MAX_MESSAGE_SIZE)
    with pytest.raises(SipProtocolError, match="exceeds"):
        parse_message(raw)


def test_malformed_request_with_routing_headers_is_salvaged_for_a_400() -> None:
    raw = invite("From: <sip:1@h>;tag=1", "no colon here")
    with pytest.raises(SipProtocolError) as caught:
        parse_message(raw)
    salvage = caught.value.salvage
    assert salvage is not None and salvage.call_id == "test-1@192.0.2.1"
    response = make_response(salvage, 400)
    assert parse_message(response.to_bytes()).headers.get("CSeq") == "1 INVITE"  # type: ignore[union-attr]


def test_nothing_is_salvaged_from_an_ack_or_a_message_without_via() -> None:
    ack = invite("From: <sip:1@h>;tag=1", "bad").replace(b"INVITE", b"ACK")
    assert salvage_request(ack) is None
    assert salvage_request(b"INVITE sip:x SIP/2.0\r\nbroken\r\n\r\n") is None


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_only_ever_raise_the_protocol_error(data: bytes) -> None:
    with contextlib.suppress(SipProtocolError):
        parse_message(data)


header_line = st.tuples(
    st.sampled_from(["Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Contact", "m",
                     "l", "Content-Length", "Privacy", "P-Asserted-Identity", "Remote-Party-ID",
                     "X-Foo", "bad header", ""]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["INVITE sip:a@b SIP/2.0", "SIP/2.0 200 OK", "BYE x SIP/2.0", "junk"]),
       st.lists(header_line, max_size=12), st.binary(max_size=64))
def test_mutated_sip_only_raises_the_protocol_error(start: str, headers: list, body: bytes) -> None:
    raw = (start + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n").encode()
    try:
        message = parse_message(raw + body)
    except SipProtocolError:
        return
    if isinstance(message, SipRequest):
        caller_identity(message)  # never raises on whatever headers got through
    assert parse_message(message.to_bytes()) is not None


def test_header_privacy_alone_does_not_withhold_the_caller() -> None:
    raw = invite('From: "Dupont SARL" <sip:0536490123@h>;tag=1', "Privacy: header")
    identity = caller_identity(parse_message(raw))  # type: ignore[arg-type]
    assert identity.presentation == Presentation.AVAILABLE and identity.number == "0536490123"
