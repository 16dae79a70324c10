"""Bad input is refused row by row and bounded; a file imported again updates, not doubles."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.contacts import MAX_FIELDS, vcard
from customscreen.contacts import files as contacts_io
from customscreen.contacts.import_batches import WRITING, Progress
from customscreen.contacts.sheets import MAX_CELL
from customscreen.paper import documents
from tests.customscreen.test_contacts_import_batches import book, sheet
from tests.customscreen.test_contacts_io import FRENCH_CSV, snapshot, write

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def people_sheet(path: Path, rows: int, big_cell_at: int | None = None,
                 cell: int = 1_000_000) -> Path:
    """A comma CSV: a header, then ``rows`` people; row ``big_cell_at`` has a huge note."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Name", "Phone", "Notes"])
        for i in range(rows):
            line = i + 2
            out.writerow([f"Client {i}", f"06{i:08d}",
                          "x" * cell if line == big_cell_at else f"note {i}"])
    return path


# -- a cell past the limit -------------------------------------------------------

def test_a_one_megabyte_cell_refuses_its_row_and_the_thousand_after_it_import(
        tmp_path, store) -> None:
    """The audit's file: 1,002 lines, a 1 MB cell on line 2. It said "imported 1 contacts"."""
    path = people_sheet(tmp_path / "big.csv", 1_001, big_cell_at=2)
    result = contacts_io.import_file(store, path, "FR", skip_invalid=True)
    assert (result.imported, result.updated, result.refused) == (1_000, 0, 1)
    (problem,) = result.skipped
    assert problem.startswith(f"{path}:2: ")
    assert contacts.count(store) == 1_000
    assert contacts.find_caller(store, "+33600000000") is None  # line 2, refused
    assert contacts.find_caller(store, "+33600001000").name == "Client 1000"


@pytest.mark.parametrize("size", [MAX_CELL + 1, 100_000, 200_000, 5_000_000])
def test_any_cell_past_64_kb_refuses_only_its_row_and_says_so(tmp_path, store, size) -> None:
    path = people_sheet(tmp_path / "big.csv", 10, big_cell_at=5, cell=size)
    result = contacts_io.import_file(store, path, "FR", skip_invalid=True)
    assert (result.imported, result.refused) == (9, 1)
    (problem,) = result.skipped
    assert problem.startswith(f"{path}:5: ")
    assert "65,536" in problem  # the limit is named


def test_without_skip_invalid_a_big_cell_imports_nothing_and_lists_its_line(
        tmp_path, store) -> None:
    path = people_sheet(tmp_path / "big.csv", 1_001, big_cell_at=2)
    with pytest.raises(contacts_io.ImportError_) as err:
        contacts_io.import_file(store, path, "FR")
    assert [p.split(": ")[0] for p in err.value.problems] == [f"{path}:2"]
    assert contacts.count(store) == 0


def test_the_command_line_summary_counts_what_the_file_holds(tmp_path) -> None:
    from tests.reliability.processes import run as run_app

    path = people_sheet(tmp_path / "big.csv", 1_001, big_cell_at=2)
    db = tmp_path / "x.sqlite"
    run_app(db, "demo", "--seed-only", "--calls", "0")
    done = run_app(db, "contacts", "import", str(path), "--skip-invalid")
    assert done.returncode == 1
    assert f"{path}: 1000 imported, 0 updated, 1 refused" in done.stdout
    assert f"skipped {path}:2: " in done.stderr
    again = run_app(db, "contacts", "import", str(path), "--skip-invalid")
    assert f"{path}: 0 imported, 1000 updated, 1 refused" in again.stdout


# -- custom fields ----------------------------------------------------------------

def wide_sheet(path: Path, columns: int, rows: int = 2) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Name", "Phone", *(f"Column {i}" for i in range(columns))])
        for r in range(rows):
            out.writerow([f"Wide {r}", f"05364900{r:02d}", *(f"v{i}" for i in range(columns))])
    return path


def test_a_sheet_of_100000_columns_keeps_the_first_fields_and_says_how_many_not(
        tmp_path, store) -> None:
    path = wide_sheet(tmp_path / "wide.csv", 100_000)
    result = contacts_io.import_file(store, path, "FR")
    assert (result.imported, result.refused) == (2, 0)
    card = contacts.get(store, contacts.find_caller(store, "+33536490000").id)
    assert list(card.fields) == [f"Column {i}" for i in range(MAX_FIELDS)]
    first, second = result.warnings
    assert first.startswith(f"{path}:2: 99,800 custom fields past the first {MAX_FIELDS}")
    assert f"'Column {MAX_FIELDS}'" in first
    assert second.startswith(f"{path}:3: ")


def test_the_printed_card_of_a_contact_at_the_limit_shows_every_field(tmp_path, store) -> None:
    contacts_io.import_file(store, wide_sheet(tmp_path / "wide.csv", MAX_FIELDS), "FR")
    contact_id = contacts.find_caller(store, "+33536490000").id
    out = tmp_path / "card.pdf"
    documents.print_card(store, contact_id, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"Column {MAX_FIELDS - 1}" in text and "more details" not in text


def test_the_printed_card_of_a_contact_past_the_limit_is_bounded(tmp_path, store) -> None:
    """An old import left 100,000 fields: printing them ran past 300 s."""
    contact_id = contacts.save(store, contacts.Contact(name="Wide SARL", kind="company"))
    with store.transaction() as conn:
        conn.executemany("INSERT INTO custom_fields(contact_id, key, value) VALUES (?, ?, ?)",
                         [(contact_id, f"Column {i}", f"v{i}") for i in range(100_000)])
    out = tmp_path / "card.pdf"
    documents.print_card(store, contact_id, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"Column {MAX_FIELDS - 1}" in text and f"Column {MAX_FIELDS}\n" not in text
    assert "99 800 autres informations" in text.replace("\u202f", " ").replace("\u00a0", " ")


# -- vCard properties -------------------------------------------------------------

def folded(line: str) -> str:
    """A vCard line folded at 75 characters, as phones write a photo."""
    parts = [line[:75]] + [" " + line[i:i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts)


@pytest.mark.parametrize("fold", [True, False])
def test_a_vcard_with_a_100_kb_photo_keeps_the_contact_and_says_the_photo_was_dropped(
        tmp_path, store, fold) -> None:
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "QUFB" * 34_000  # 136 KB of base64
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jean Dupuis\r\nTEL;TYPE=work:05 36 49 55 66\r\n"
            f"{folded(photo) if fold else photo}\r\nNOTE:portail bleu\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne Martin\r\nTEL:0199001234\r\nEND:VCARD\r\n")
    path = write(tmp_path, "phone.vcf", text)
    result = contacts_io.import_file(store, path, "FR")
    assert (result.imported, result.refused) == (2, 0)
    jean = contacts.get(store, contacts.find_caller(store, "+33536495566").id)
    assert jean.notes == "portail bleu"
    (warning,) = result.warnings
    assert warning.startswith(f"{path}:5: PHOTO of ") and "dropped" in warning
    assert f"at most {vcard.MAX_PROPERTY:,}" in warning


# -- importing again ----------------------------------------------------------------

def test_the_same_file_imported_twice_updates_instead_of_doubling(tmp_path, store) -> None:
    path = write(tmp_path, "clients.csv", FRENCH_CSV)
    first = contacts_io.import_file(store, path, "FR")
    assert (first.imported, first.updated) == (3, 0)
    once, count = snapshot(store), contacts.count(store)
    second = contacts_io.import_file(store, path, "FR")
    assert (second.imported, second.updated) == (0, 3)
    assert contacts.count(store) == count
    assert snapshot(store) == once


@pytest.mark.parametrize("suffix", [".csv", ".vcf"])
def test_an_export_imported_back_into_its_book_changes_nothing(tmp_path, demo_store,
                                                               suffix) -> None:
    exported = tmp_path / f"all{suffix}"
    written = contacts_io.export_file(demo_store, exported)
    before = snapshot(demo_store)
    result = contacts_io.import_file(demo_store, exported, "FR")
    assert (result.imported, result.updated) == (0, written)
    assert snapshot(demo_store) == before


def test_a_row_finds_its_contact_by_number_then_by_name(tmp_path, store) -> None:
    contacts_io.import_file(store, write(tmp_path, "a.csv", (
        "Nom;Portable;Notes\nMarie Dupont;0639981234;appeler le matin\nPaul Roux;0353012233;\n")),
        "FR")
    with store.transaction() as conn:  # typed at the desk since
        conn.execute("UPDATE contacts SET email = 'paul@roux.fr' WHERE name = 'Paul Roux'")
    result = contacts_io.import_file(store, write(tmp_path, "b.csv", (
        "Nom;Portable\nMarie Girard;0639981234\npaul  roux;0353019999\n")), "FR")
    assert (result.imported, result.updated) == (0, 2)
    marie = contacts.get(store, contacts.find_caller(store, "+33639981234").id)
    assert marie.name == "Marie Girard"  # same number: the same person, renamed
    # ... and said, since a colleague on a shared line would be renamed the same way.
    assert [w for w in result.warnings if "is now named" in w] == [
        f"{tmp_path / 'b.csv'}:2: Marie Dupont is now named Marie Girard (the same number); "
        "undo the import if they are two people"]
    assert marie.notes == "appeler le matin"  # the file has no Notes column: kept
    paul = contacts.get(store, contacts.find_caller(store, "+33353019999").id)
    assert paul.name == "paul roux" and paul.email == "paul@roux.fr"
    assert sorted(p.e164 for p in paul.phones) == ["+33353012233", "+33353019999"]
    assert contacts.count(store) == 2


def test_people_sharing_a_switchboard_number_stay_apart(tmp_path, store) -> None:
    path = write(tmp_path, "office.csv", (
        "Nom;Société;Téléphone\nMarie Dupont;Dupont SARL;0536490123\n"
        "Paul Dupont;Dupont SARL;0536490123\n"))
    contacts_io.import_file(store, path, "FR")
    result = contacts_io.import_file(store, path, "FR")
    assert (result.imported, result.updated) == (0, 2)
    assert sorted(h.name for h in contacts.search(store, "") if h.kind == "person") == [
        "Marie Dupont", "Paul Dupont"]


def test_undoing_a_second_import_puts_the_updated_contacts_back(tmp_path, store) -> None:
    """Cancelled half way, a re-import leaves the book as the first import made it:
    no contact that existed before it is deleted, each updated one is as it was."""
    path = sheet(tmp_path)
    contacts_io.import_file(store, path, "FR")
    client = contacts.get(store, contacts.find_caller(store, "+33600000005").id)
    client.notes = "typed at the desk"
    contacts.save(store, client)
    before, count = book(store), contacts.count(store)
    changed = path.read_text(encoding="utf-8").replace(";client ", ";changed ")
    path.write_text(changed + "person;New Person;Société 1;0799999999;;\n", encoding="utf-8")
    heard: list[Progress] = []

    def cancelled() -> bool:
        return any(p.stage == WRITING and p.done >= 2_000 for p in heard)

    with pytest.raises(contacts_io.ImportCancelled):
        contacts_io.import_file(store, path, "FR", progress=heard.append, cancelled=cancelled)
    assert contacts.count(store) == count
    assert book(store) == before
    result = contacts_io.import_file(store, path, "FR")
    assert (result.imported, result.updated) == (1, 3_000)
    assert contacts.count(store) == count + 1


# -- progress on the command line ---------------------------------------------------

def test_the_command_line_shows_progress_on_a_terminal_and_not_in_a_pipe(tmp_path) -> None:
    import os
    import pty

    from tests.conftest import CUSTOMSCREEN
    from tests.reliability.processes import ENV
    from tests.reliability.processes import run as run_app

    db = tmp_path / "x.sqlite"
    run_app(db, "demo", "--seed-only", "--calls", "0")
    path = people_sheet(tmp_path / "people.csv", 20_000)
    piped = run_app(db, "contacts", "import", str(path))
    assert "\r" not in piped.stderr and "line" not in piped.stderr
    # On a terminal (a pseudo-terminal here), a line redrawn in place.
    leader, follower = pty.openpty()
    process = subprocess.Popen([*CUSTOMSCREEN, "--db", str(db), "contacts", "import",
                                str(path)], stdout=subprocess.PIPE, stderr=follower, env=ENV)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end closed: the process ended
            break
        if not chunk:
            break
        shown += chunk
    out, _ = process.communicate(timeout=120)
    os.close(leader)
    assert process.returncode == 0
    assert f"{path}: 0 imported, 20000 updated, 0 refused" in out.decode()
    assert f"importing {path}: line ".encode() in shown
    assert b"of 20,001 (100%)" in shown
