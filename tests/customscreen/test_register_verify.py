"""``register verify``: exactly the bytes the program wrote, or the reason they are not.

The forgeries are real: an incremental update written with pypdf that redraws
the page with another total, which a PDF reader shows; a QR update of another
entry, which a PDF reader shows too. Each is checked with poppler's
``pdftotext`` to read what a person would read.
"""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DecodedStreamObject, NameObject

from customscreen.demo import seed
from customscreen.paper import documents, register, verification
from customscreen.paper.documents import stamp
from customscreen.paper.register import RegisterEntry
from customscreen.storage.schema import MIGRATIONS
from customscreen.storage.store import Store
from tests.reliability.processes import run

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ORDER = {"objet": "Remplacement chaudière", "prix": "4860", "tva": "0"}


@pytest.fixture
def office(tmp_path: Path):
    store = Store(tmp_path / "office.sqlite")
    seed(store, calls=20)
    yield store
    store.close()


def shown(pdf: bytes) -> str:
    """What a person reads on the pages (poppler's pdftotext)."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return done.stdout.decode().replace("\u00a0", " ")


def order(store: Store, out: Path, **fields: str) -> RegisterEntry:
    return documents.print_fax(store, 1, "bon-pour-accord", {**ORDER, **fields}, out)


def with_total_raised(pdf: bytes) -> bytes:
    """An incremental update, as pypdf writes it, that redraws page 1 with 48 600 € for 4 860 €."""
    writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
    page = writer.pages[0]
    drawn = page.get_contents().get_data()
    content = DecodedStreamObject()
    content.set_data(re.sub(rb"\(4 860(,00 [^)]*)\)", rb"(48 600\1)", drawn))
    page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def verify_line(db: Path, number: str, pdf: Path) -> tuple[int, str]:
    done = run(db, "register", "verify", number, str(pdf))
    assert done.stderr == ""
    return done.returncode, done.stdout.strip()


def test_an_appended_update_raising_the_total_is_refused(office: Store, tmp_path: Path) -> None:
    out = tmp_path / "bpa.pdf"
    entry = order(office, out)
    issued = out.read_bytes()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(with_total_raised(issued))
    # A real forgery: the issued bytes are all there, and the reader shows the new total.
    assert forged.read_bytes().startswith(issued)
    assert "Total TTC           4 860,00 €" in shown(issued)
    assert "48 600,00 €" in shown(forged.read_bytes())
    assert "4 860,00 €" not in shown(forged.read_bytes())

    assert verify_line(office.path, entry.number, out) == (
        0, f"{out}: matches register entry {entry.number}")
    assert verify_line(office.path, entry.number, forged) == (
        1, f"{forged}: does NOT match register entry {entry.number}: the file was changed "
        "after it was issued: an update was appended")


def test_a_qr_code_swapped_for_another_entrys_is_refused(office: Store, tmp_path: Path) -> None:
    mine = order(office, tmp_path / "mine.pdf")
    theirs = order(office, tmp_path / "theirs.pdf", objet="Entretien annuel")
    first = register.first_revision((tmp_path / "mine.pdf").read_bytes())
    swapped = tmp_path / "swapped.pdf"
    swapped.write_bytes(stamp.stamp(first, theirs.qr_payload, theirs.sha256))
    page = shown(swapped.read_bytes())
    assert "Remplacement chaudière" in page and f"SHA-256 {theirs.sha256[:16]}" in page

    assert verify_line(office.path, mine.number, swapped) == (
        1, f"{swapped}: does NOT match register entry {mine.number}: its QR code names "
        f"{theirs.number}, not {mine.number}")


def test_the_issued_file_is_exactly_its_first_revision_stamped_again(office: Store,
                                                                     tmp_path: Path) -> None:
    # What lets an entry issued before the file's hash was recorded be checked:
    # stamping is a pure function of the first revision and the entry.
    entry = order(office, tmp_path / "bpa.pdf")
    issued = (tmp_path / "bpa.pdf").read_bytes()
    first = register.first_revision(issued)
    assert stamp.stamp(first, entry.qr_payload, entry.sha256) == issued


def as_before_v4(store: Store, number: str) -> None:
    """The entry as schema 3 left it: the first revision's hash, no file hash."""
    with store.transaction() as conn:
        conn.execute("UPDATE documents SET file_sha256 = NULL WHERE number = ?", (number,))


def test_an_entry_issued_before_file_hashes_is_checked_by_its_qr_update(
        office: Store, tmp_path: Path) -> None:
    mine = order(office, tmp_path / "mine.pdf")
    theirs = order(office, tmp_path / "theirs.pdf", objet="Entretien annuel")
    as_before_v4(office, mine.number)
    issued = (tmp_path / "mine.pdf").read_bytes()
    assert register.lookup(office, mine.number).file_sha256 == ""

    assert verification.verify(office, mine.number, issued)
    forged = verification.verify(office, mine.number, with_total_raised(issued))
    assert not forged and forged.reason == (
        "the file was changed after it was issued: an update was appended")
    swapped = stamp.stamp(register.first_revision(issued), theirs.qr_payload, theirs.sha256)
    assert verification.verify(office, mine.number, swapped).reason == (
        f"its QR code names {theirs.number}, not {mine.number}")


def test_each_refusal_says_why(office: Store, tmp_path: Path) -> None:
    mine = order(office, tmp_path / "mine.pdf")
    theirs = order(office, tmp_path / "theirs.pdf", objet="Entretien annuel")
    issued = (tmp_path / "mine.pdf").read_bytes()
    first = register.first_revision(issued)

    def why(number: str, pdf: bytes) -> str:
        verdict = verification.verify(office, number, pdf)
        assert not verdict
        return verdict.reason

    assert why("2026-9999", issued) == "no such number in the register"
    assert why(theirs.number, issued) == (
        f"it is the document issued as {mine.number}, not {theirs.number}")
    assert why(mine.number, first) == (
        "the file was changed after it was issued: its QR code was taken off")
    edited = first.replace(b"/Subject", b"/Subjekt", 1) + issued[len(first):]
    assert why(mine.number, edited) == (
        f"its content is not the document issued as {mine.number}")
    assert why(mine.number, issued + b"\n%% a comment\n") == (
        "the file was changed after it was issued: bytes were added after its end")
    qr_moved = issued.replace(b"re\n", b"re \n", 1)
    assert why(mine.number, qr_moved) == (
        "the file was changed after it was issued: its QR code update was altered")


def test_a_scanned_paper_copy_is_matched_by_its_qr_code(office: Store, tmp_path: Path) -> None:
    entry = order(office, tmp_path / "bpa.pdf")
    assert verification.verify_scan(office, entry.qr_payload)
    # A scanner may read the hash in lower case.
    assert verification.verify_scan(office, entry.qr_payload.lower().replace(
        "customscreen", "CUSTOMSCREEN").replace("sha256", "SHA256"))
    other_hash = "0" * 64
    assert verification.verify_scan(
        office, f"CUSTOMSCREEN {entry.number} SHA256 {other_hash}").reason == (
        f"its QR code's hash is not the one recorded for {entry.number}")
    assert verification.verify_scan(office, "https://example.com").reason == (
        "this is not a CustomScreen register code")
    assert verification.verify_scan(
        office, f"CUSTOMSCREEN 1999-0001 SHA256 {other_hash}").reason == (
        "no such number in the register")


def test_a_schema_3_register_is_kept_as_issued(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:3]:
        migration(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO documents(number, year, seq, kind, recipient, issued_at, sha256) "
                 "VALUES ('2025-0001', 2025, 1, 'devis', 'Dupont SARL', "
                 "'2025-03-14T10:00:00+01:00', ?)", ("ab" * 32,))
    conn.execute("COMMIT")
    conn.close()
    store = Store(path)
    try:
        (entry,) = register.entries(store)
        assert (entry.number, entry.state, entry.sha256, entry.file_sha256) == (
            "2025-0001", "issued", "ab" * 32, "")
    finally:
        store.close()
