"""A big import in short batches: progress, cancel and failure leave the book as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.contacts import files as contacts_io
from customscreen.contacts import import_batches
from customscreen.contacts.import_batches import READING, UNDOING, WRITING, Progress
from customscreen.storage.store import StoreError

ROWS = 3_000  # some fifteen batches


def sheet(tmp_path: Path, rows: int = ROWS) -> Path:
    """People of new companies, and a row that updates the demo's Dupont SARL."""
    lines = ["Type;Nom;Société;Téléphone;Adresse;Notes"]
    lines.append("company;Dupont SARL;;05 36 49 99 99;12 rue Neuve;imported")
    for i in range(rows - 1):
        lines.append(f"person;Client {i};Société {i % 300};06{i:08d};;client {i}")
    path = tmp_path / "clients.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def book(store) -> dict[str, list[tuple]]:
    """Every row of the contact book and its search index, as stored."""
    return {
        "contacts": [tuple(r) for r in store.query("SELECT * FROM contacts ORDER BY id")],
        # Phone row ids are nobody's business; their order per contact is.
        "phones": [tuple(r) for r in store.query(
            "SELECT contact_id, e164, label FROM phones ORDER BY contact_id, id")],
        "contracts": [tuple(r) for r in store.query(
            "SELECT * FROM contracts ORDER BY contact_id")],
        "fields": [tuple(r) for r in store.query(
            "SELECT contact_id, key, value FROM custom_fields ORDER BY contact_id, rowid")],
        "search": [tuple(r) for r in store.query(
            "SELECT rowid, name, company, notes, numbers FROM contacts_fts ORDER BY rowid")],
    }


@pytest.fixture
def old_dupont(demo_store):
    """Dupont SARL, last written long ago: a restore must give that date back."""
    with demo_store.transaction() as conn:
        conn.execute("UPDATE contacts SET updated_at = '2020-01-02T03:04:05+01:00' "
                     "WHERE name = 'Dupont SARL'")
    return demo_store


def test_progress_reads_the_file_then_writes_every_row(tmp_path, store) -> None:
    heard: list[Progress] = []
    result = contacts_io.import_file(store, sheet(tmp_path), "FR", progress=heard.append)
    assert result.imported == ROWS
    lines = ROWS + 1  # and the header
    assert heard[0] == Progress(READING, 0, lines)
    stages = [p.stage for p in heard]
    assert UNDOING not in stages
    writing = [p for p in heard if p.stage == WRITING]
    assert len(writing) > 5  # batches, not one transaction
    assert [p.done for p in writing] == sorted(p.done for p in writing)
    assert writing[-1] == Progress(WRITING, lines, lines)
    assert contacts.count(store) == ROWS + 300


def test_the_store_is_free_between_batches(tmp_path, store) -> None:
    """Each batch is committed before the next: a line thread can journal in between."""
    between: list[bool] = []

    def report(progress: Progress) -> None:
        if progress.stage == WRITING:
            between.append(store.conn.in_transaction)

    contacts_io.import_file(store, sheet(tmp_path), "FR", progress=report)
    assert between and not any(between)


def test_cancelled_import_leaves_the_book_as_it_was(tmp_path, old_dupont) -> None:
    before = book(old_dupont)
    heard: list[Progress] = []

    def cancelled() -> bool:
        return any(p.stage == WRITING and p.done >= ROWS // 2 for p in heard)

    with pytest.raises(contacts_io.ImportCancelled):
        contacts_io.import_file(old_dupont, sheet(tmp_path), "FR", progress=heard.append,
                                cancelled=cancelled)
    assert any(p.stage == UNDOING for p in heard)
    assert book(old_dupont) == before
    assert contacts.search(old_dupont, "Client") == []
    assert [h.name for h in contacts.search(old_dupont, "Dupont SARL")][:1] == ["Dupont SARL"]


def test_what_points_at_a_taken_back_contact_stays_and_forgets_it(tmp_path, demo_store) -> None:
    """A call journaled and a callback written for an imported contact while the
    import ran keep their rows after a cancel, as after any deleted contact."""
    from datetime import datetime

    from customscreen.calls.switchboard import Switchboard
    from telephony.events import CallerId
    from telephony.simulator import DemoLine

    before = book(demo_store)
    board, line = Switchboard(demo_store, "FR"), DemoLine("demo:", interval=0, ring=0)
    kept: dict[str, object] = {}

    def report(progress: Progress) -> None:
        if progress.stage == WRITING and progress.done >= ROWS // 2 and not kept:
            (e164,) = demo_store.one("SELECT e164 FROM phones ORDER BY contact_id DESC LIMIT 1")
            board.receive(line, CallerId("k", datetime.now().astimezone(), "0" + e164[3:], None))
            kept["call"], imported = demo_store.one(
                "SELECT id, contact_id FROM calls WHERE number = ?", (e164,))
            assert imported is not None  # the caller was found among the imported
            kept["number"] = e164
            with demo_store.transaction() as conn:
                kept["callback"] = conn.execute(
                    "INSERT INTO callbacks(contact_id, call_id, due_at, created_at) "
                    "VALUES (?, ?, '2026-11-24', '2026-11-23')",
                    (imported, kept["call"])).lastrowid

    with pytest.raises(contacts_io.ImportCancelled):
        contacts_io.import_file(demo_store, sheet(tmp_path), "FR", progress=report,
                                cancelled=lambda: bool(kept))
    assert book(demo_store) == before
    call = demo_store.one("SELECT number, contact_id FROM calls WHERE id = ?", (kept["call"],))
    assert tuple(call) == (kept["number"], None)
    callback = demo_store.one("SELECT contact_id, call_id FROM callbacks WHERE id = ?",
                              (kept["callback"],))
    assert tuple(callback) == (None, kept["call"])
    assert demo_store.integrity_errors() == []
    assert demo_store.one("PRAGMA foreign_keys")[0] == 1


def test_cancel_while_reading_writes_nothing(tmp_path, demo_store) -> None:
    before = book(demo_store)
    heard: list[Progress] = []
    with pytest.raises(contacts_io.ImportCancelled):
        contacts_io.import_file(demo_store, sheet(tmp_path), "FR", progress=heard.append,
                                cancelled=lambda: bool(heard))
    assert {p.stage for p in heard} == {READING}
    assert book(demo_store) == before


def test_a_batch_failing_late_takes_back_the_batches_before_it(
        tmp_path, old_dupont, monkeypatch) -> None:
    before = book(old_dupont)
    insert_many = contacts.insert_many
    calls = []

    def failing(conn, new, names):
        calls.append(len(new))
        if len(calls) == 6:
            raise StoreError(f"{old_dupont.path}: the disk is full; free some space")
        insert_many(conn, new, names)

    monkeypatch.setattr(import_batches.contacts, "insert_many", failing)
    with pytest.raises(StoreError, match="the disk is full"):
        contacts_io.import_file(old_dupont, sheet(tmp_path), "FR")
    assert len(calls) == 6
    assert book(old_dupont) == before
