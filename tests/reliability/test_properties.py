"""Properties that hold for any input hypothesis can think of."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from customscreen.contacts import Contact, vcard
from telephony.fritzbox import MAX_LINE_LENGTH, CallMonitor
from telephony.modem.lines import MAX_LINE_CHARS
from telephony.modem.parser import ModemParser
from telephony.sip.errors import SipProtocolError
from telephony.sip.message import parse_message

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
chunks = st.lists(st.binary(max_size=2048), max_size=20)


@given(chunks)
@settings(max_examples=300, deadline=None)
def test_modem_parser_takes_any_bytes_and_keeps_at_most_one_line(parts: list[bytes]) -> None:
    parser = ModemParser()
    for part in parts:
        parser.feed(part, NOW)
        assert parser.buffered <= MAX_LINE_CHARS * 4  # a line, in the worst UTF-8 case
    parser.tick(NOW)


@given(chunks)
@settings(max_examples=300, deadline=None)
def test_fritzbox_monitor_takes_any_bytes_and_keeps_at_most_one_line(parts: list[bytes]) -> None:
    monitor = CallMonitor()
    for part in parts:
        monitor.feed(part, NOW)
        assert monitor.buffered <= MAX_LINE_LENGTH


@given(st.binary(max_size=4096))
@settings(max_examples=500, deadline=None)
def test_sip_parser_raises_nothing_but_its_protocol_error(data: bytes) -> None:
    try:
        parse_message(data)
    except SipProtocolError:
        return


names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                max_size=40).filter(lambda s: s.strip() == s and s.strip())


@given(st.text(st.characters(codec="utf-8", blacklist_characters="\x00"), max_size=40),
       st.text(st.characters(codec="utf-8", blacklist_characters="\x00"), max_size=40))
@settings(max_examples=300, deadline=None)
def test_sip_caller_name_never_breaks_the_parser(display: str, user: str) -> None:
    invite = (f'INVITE sip:201@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n'
              f'From: "{display}" <sip:{user}@h>;tag=1\r\nTo: <sip:201@h>\r\nCall-ID: c\r\n'
              f'CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n').encode()
    try:
        parse_message(invite)
    except SipProtocolError:
        return


# str.splitlines() also cuts at these; see the test after this one.
LINE_BREAKS_OF_PYTHON = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
notes_text = st.text(st.characters(blacklist_categories=("Cs",),
                                   blacklist_characters="\r" + LINE_BREAKS_OF_PYTHON),
                     max_size=200)


@given(names, notes_text)
@settings(max_examples=300, deadline=None)
def test_vcard_export_imports_back_the_same_name_and_notes(name: str, notes: str) -> None:
    card = Contact(name=name, notes=notes)
    (read,) = vcard.read(Path("x.vcf"), vcard.write([card]), "FR")
    assert not isinstance(read, str), read
    back = read.contact
    assert (back.name, back.notes) == (name, notes)


def test_a_note_with_a_form_feed_survives_export_and_import() -> None:
    """Found by the property above: a note pasted from a word processor (form feed,
    U+2028) cuts the exported card in two, and the address book no longer imports."""
    card = Contact(name="Dupont SARL", notes="page 1\x0cpage 2\u2028suite")
    (read,) = vcard.read(Path("x.vcf"), vcard.write([card]), "FR")
    assert not isinstance(read, str), read
    assert read.contact.notes == card.notes
