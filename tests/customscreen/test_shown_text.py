"""Names are shown as written: no override reverses them, no control hides them."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.switchboard import Switchboard
from customscreen.contacts import files as contacts_io
from customscreen.contacts.text import BIDI_CONTROLS, CONTROLS, clean, clean_lines
from customscreen.paper import documents
from telephony.events import CallerId
from telephony.simulator import DemoLine

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# What the audit printed: a right-to-left override before the name reads
# "LRAS tnopuD" on paper; a NUL and isolates around it for good measure.
FORGED = "\u202eSARL Dupont\u2066\x00\u202c"


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout


def hidden(text: str) -> set[str]:
    """Controls in ``text`` but line ends, tabs and the form feed pdftotext ends a page with."""
    return {ch for ch in text if ch in BIDI_CONTROLS or (ch in CONTROLS and ch not in "\n\t\f")}


def test_clean_removes_overrides_isolates_and_controls() -> None:
    assert clean(FORGED) == "SARL Dupont"
    assert clean("Jean\tMartin\r\n") == "Jean Martin  "
    assert clean_lines("3 rue Haute\r\n31000\tToulouse\x07") == "3 rue Haute\n31000\tToulouse"
    assert clean("Société Générale — 東京 شركة") == "Société Générale — 東京 شركة"


def test_an_imported_name_is_stored_without_its_override(tmp_path, store) -> None:
    path = tmp_path / "forged.csv"
    path.write_text(f"Nom;Téléphone;Notes\n{FORGED};0536490123;ligne 1\u202e\n", "utf-8")
    contacts_io.import_file(store, path, "FR")
    card = contacts.get(store, contacts.find_caller(store, "+33536490123").id)
    assert card.name == "SARL Dupont"
    assert card.notes == "ligne 1"


def test_a_contact_saved_through_the_book_is_cleaned(store) -> None:
    saved = contacts.save(store, contacts.Contact(name=FORGED, fields={"Code\x00": "A\u202eB"}))
    card = contacts.get(store, saved)
    assert card.name == "SARL Dupont" and card.fields == {"Code": "AB"}


def test_a_caller_name_from_the_line_is_journaled_clean(store) -> None:
    board, line = Switchboard(store, "FR"), DemoLine("demo:", interval=0, ring=0)
    board.receive(line, CallerId("1", datetime.now().astimezone(), "0536490123", FORGED))
    (name,) = store.one("SELECT network_name FROM calls")
    assert name == "SARL Dupont"


def forged_in_the_file(store) -> int:
    """A contact and a call whose names were written before the cleaning, as old files hold."""
    with store.transaction() as conn:
        contact_id = conn.execute(
            "INSERT INTO contacts(kind, name, email, address, notes, always, blocked, "
            "updated_at, created_at) VALUES ('company', ?, '', '', '', 0, 0, '', '')",
            (FORGED,)).lastrowid
        conn.execute("INSERT INTO phones(contact_id, e164, label) VALUES (?, '+33536490123', "
                     "'phone')", (contact_id,))
        conn.execute("INSERT INTO custom_fields(contact_id, key, value) VALUES (?, ?, ?)",
                     (contact_id, "Gérant\u202e", FORGED))
        journal.open_call(conn, source="modem", source_key="1",
                          started_at=datetime.now().astimezone().isoformat(timespec="seconds"),
                          raw_number="0536490123", number="+33536490123",
                          network_name=FORGED, presentation="available",
                          contact_id=contact_id, decision="pop", reason_code="known",
                          handled_by="Claire", network_date=None, network_time=None)
    return int(contact_id)


def test_the_printed_card_reads_in_the_order_it_was_written(tmp_path, store) -> None:
    contact_id = forged_in_the_file(store)
    out = tmp_path / "card.pdf"
    documents.print_card(store, contact_id, out)
    text = pdf_text(out)
    assert "SARL Dupont" in text
    assert "tnopuD" not in text
    assert not hidden(text)


def test_the_printed_call_log_reads_the_caller_name_in_order(tmp_path, store) -> None:
    forged_in_the_file(store)
    out = tmp_path / "log.pdf"
    documents.print_calllog(store, None, None, out)
    text = pdf_text(out)
    assert "SARL Dupont" in text and "tnopuD" not in text
    assert not hidden(text)
