"""The document register: numbers in order, never reused, never skipped."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from customscreen.demo import seed
from customscreen.paper import documents, register, verification
from customscreen.paper.register import RegisterEntry
from customscreen.storage.store import Store

THREADS = 6
ISSUES_EACH = 4


@pytest.fixture
def office(tmp_path: Path):
    store = Store(tmp_path / "x.sqlite")
    seed(store, calls=50)
    yield store
    store.close()


def issue(store: Store, when: datetime | None = None) -> RegisterEntry:
    return register.issue(
        store, kind="lettre", contact_id=1, recipient="Dupont SARL", author="Claire",
        render=lambda entry: b"%PDF body " + entry.number.encode() + b"\n%%EOF\n",
        deliver=lambda entry, data: None, now=when,
    )


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=UTC)


def test_numbers_follow_each_other_and_restart_each_year(office: Store) -> None:
    numbers = [issue(office, at(2026, 12, 31)).number for _ in range(3)]
    numbers.append(issue(office, at(2027, 1, 2)).number)
    assert numbers == ["2026-0001", "2026-0002", "2026-0003", "2027-0001"]
    assert [e.number for e in register.entries(office, 2026)] == numbers[:3]


def test_a_failed_render_gives_its_number_back(office: Store) -> None:
    issue(office, at(2026, 3, 1))

    def broken(entry: RegisterEntry) -> bytes:
        raise documents.DocumentError("the printer caught fire")

    with pytest.raises(documents.DocumentError):
        register.issue(office, kind="lettre", contact_id=1, recipient="x", author=None,
                       render=broken, deliver=lambda e, d: None, now=at(2026, 3, 1))
    assert issue(office, at(2026, 3, 1)).number == "2026-0002"


def test_a_failure_after_a_later_number_went_out_leaves_no_silent_hole(office: Store) -> None:
    other_desk = Store(office.path)
    later: list[RegisterEntry] = []

    def broken(entry: RegisterEntry) -> bytes:
        # While this desk draws 2026-0001, another desk issues the next number.
        later.append(issue(other_desk, at(2026, 3, 1)))
        raise documents.DocumentError("the printer caught fire")

    try:
        with pytest.raises(documents.DocumentError):
            register.issue(office, kind="lettre", contact_id=1, recipient="x", author=None,
                           render=broken, deliver=lambda e, d: None, now=at(2026, 3, 1))
    finally:
        other_desk.close()
    assert later[0].number == "2026-0002"
    # Giving 2026-0001 back would leave a hole under 2026-0002: it stays, interrupted.
    assert [(e.number, e.state) for e in register.entries(office)] == [
        ("2026-0001", register.INTERRUPTED), ("2026-0002", register.ISSUED)]
    assert issue(office, at(2026, 3, 1)).number == "2026-0003"


def test_register_records_who_what_and_when(office: Store) -> None:
    entry = issue(office, at(2026, 5, 4))
    filed = register.lookup(office, "2026-0001")
    assert filed == entry
    assert (filed.kind, filed.contact_id, filed.recipient, filed.author) == (
        "lettre", 1, "Dupont SARL", "Claire")
    assert filed.issued_at == at(2026, 5, 4) and len(filed.sha256) == 64
    assert filed.qr_payload == f"CUSTOMSCREEN 2026-0001 SHA256 {filed.sha256.upper()}"


def test_numbers_are_only_taken_inside_a_transaction(office: Store) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        register.allocate(office.conn, kind="lettre", contact_id=None, recipient="",
                          author=None, issued_at=at(2026, 1, 1))


def test_the_schema_refuses_a_number_twice(office: Store) -> None:
    issue(office, at(2026, 1, 1))
    with pytest.raises(sqlite3.IntegrityError), office.transaction() as conn:
        conn.execute("INSERT INTO documents(number, year, seq, kind, issued_at) "
                     "VALUES ('2026-0001b', 2026, 1, 'lettre', '2026-01-01')")


def test_threads_issuing_at_once_get_consecutive_numbers(office: Store,
                                                         tmp_path: Path) -> None:
    errors: list[BaseException] = []
    issued: list[RegisterEntry] = []
    start = threading.Barrier(THREADS)

    def desk(n: int) -> None:
        store = Store(office.path)  # each desk has its own connection to the file
        try:
            start.wait()
            for i in range(ISSUES_EACH):
                issued.append(documents.print_fax(
                    store, 1, "lettre", {"objet": f"Desk {n}", "corps": f"Courrier {i}"},
                    tmp_path / f"desk{n}-{i}.pdf"))
        except BaseException as exc:  # reported below, a thread cannot raise into pytest
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    seqs = sorted(e.seq for e in issued)
    assert seqs == list(range(1, THREADS * ISSUES_EACH + 1))
    for n in range(THREADS):
        for i in range(ISSUES_EACH):
            pdf = (tmp_path / f"desk{n}-{i}.pdf").read_bytes()
            matches = [e for e in issued if verification.verify(office, e.number, pdf)]
            assert len(matches) == 1  # each file is exactly one register entry


DESK_SCRIPT = """
import sys
from datetime import datetime, timezone
from customscreen.paper import register
from customscreen.storage.store import Store
store = Store(sys.argv[1])
for _ in range(int(sys.argv[2])):
    register.issue(store, kind="lettre", contact_id=None, recipient="x", author=None,
                   render=lambda e: b"%PDF\\n" + e.number.encode(),
                   deliver=lambda e, d: None,
                   now=datetime(2026, 6, 1, tzinfo=timezone.utc))
"""


def test_two_programs_issuing_at_once_never_share_a_number(office: Store) -> None:
    desks = [subprocess.Popen([sys.executable, "-c", DESK_SCRIPT, str(office.path), "15"])
             for _ in range(3)]
    assert [d.wait(timeout=120) for d in desks] == [0, 0, 0]
    assert [e.seq for e in register.entries(office, 2026)] == list(range(1, 46))


def test_verify_recognises_the_issued_file_and_nothing_else(office: Store,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "bpa.pdf"
    entry = documents.print_fax(office, 1, "bon-pour-accord",
                                {"objet": "Entretien", "prix": "120"}, out)
    pdf = out.read_bytes()
    assert verification.verify(office, entry.number, pdf)
    # One edit anywhere in the first revision (here its metadata) breaks the match.
    first = register.first_revision(pdf)
    tampered = first.replace(b"/Subject", b"/Subjekt", 1) + pdf[len(first):]
    assert tampered != pdf and not verification.verify(office, entry.number, tampered)
    assert not verification.verify(office, "1999-0001", pdf)
    other = documents.print_fax(office, 1, "bon-pour-accord", {"objet": "Autre"},
                                tmp_path / "other.pdf")
    assert not verification.verify(office, other.number, pdf)


def test_the_qr_stamp_leaves_the_hashed_revision_untouched(office: Store,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    entry = documents.print_fax(office, 1, "lettre", {"objet": "x", "corps": "y"}, out)
    pdf = out.read_bytes()
    first = register.first_revision(pdf)
    assert len(first) < len(pdf)  # the QR is a second revision
    assert pdf.count(b"%%EOF") == 2
    assert hashlib.sha256(first).hexdigest() == entry.sha256
