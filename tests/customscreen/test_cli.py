"""The command line contract of DESIGN.md, run as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

from tests.conftest import CUSTOMSCREEN, new_journal

# A locale that names no country, so numbers default to France as documented.
ENV = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_TELEPHONE": ""}


def run(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CUSTOMSCREEN, "--db", str(db), *args], capture_output=True,
                          text=True, timeout=timeout, env=ENV)


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "demo.sqlite"
    done = run(db, "demo", "--seed-only", "--calls", "300")
    assert done.returncode == 0, done.stderr
    return db


def test_listen_demo_prints_one_json_object_per_call_event(tmp_path) -> None:
    db = seeded(tmp_path)
    done = run(db, "listen", "demo:?interval=0&ring=0.05", "--json")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    calls = [e for e in lines if e["event"] == "call"]
    assert len(calls) == 8 and len([e for e in lines if e["event"] == "end"]) == 8
    dupont = calls[0]
    assert set(dupont) == {"event", "id", "at", "source", "number", "raw_number", "name",
                           "presentation", "contact", "decision", "reason_code", "reason"}
    assert dupont["number"] == "+33536490123" and dupont["raw_number"] == "0536490123"
    assert dupont["contact"]["name"] == "Dupont SARL"
    assert dupont["contact"]["contract"] == "active" and dupont["decision"] == "pop"
    assert dupont["reason_code"] == "known" and dupont["reason"] == "Known caller: Dupont SARL"
    withheld = next(e for e in calls if e["presentation"] == "private")
    assert withheld["number"] is None and withheld["contact"] is None
    late = next(e for e in lines if e["event"] == "update")
    assert late["name"] == "PLOMBERIE MARTIN"
    assert late["id"] == calls[2]["id"]
    # Every call printed is in the journal.
    exported = tmp_path / "calls.csv"
    assert run(db, "calls", "export", str(exported)).returncode == 0
    journaled = {row["id"] for row in csv.DictReader(exported.open())}
    assert {c["id"] for c in calls} <= journaled


def test_listen_priority_mode_diverts_callers_without_contract(tmp_path) -> None:
    db = seeded(tmp_path)
    done = run(db, "listen", "demo:?interval=0&ring=0.05", "--json", "--mode", "priority")
    events = [json.loads(line) for line in done.stdout.splitlines()]
    decisions = {e["raw_number"]: e["decision"] for e in events if e["event"] == "call"}
    assert decisions["0536490123"] == "pop"  # under contract
    assert decisions["0465710011"] == "pop"  # always
    assert decisions["0353012233"] == "divert"  # expired contract
    assert decisions["0639981234"] == "divert"  # unknown
    assert decisions[None] == "divert"  # withheld
    outcomes = [e["outcome"] for e in events if e["event"] == "end"]
    assert outcomes.count("diverted") == 4


def test_listen_with_one_bad_source_keeps_the_others(tmp_path) -> None:
    db = seeded(tmp_path)
    done = run(db, "listen", "carrier-pigeon://roof", "demo:?interval=0&ring=0&calls=2",
               "--json")
    assert done.returncode == 0
    assert "cannot open carrier-pigeon://roof: " in done.stderr
    assert "unknown line type 'carrier-pigeon'" in done.stderr
    assert len([line for line in done.stdout.splitlines() if '"call"' in line]) == 2


def test_listen_with_no_usable_source_fails(tmp_path) -> None:
    done = run(new_journal(tmp_path / "x.sqlite"), "listen", "demo:?interval=-1")
    assert done.returncode == 2
    assert "must not be negative" in done.stderr


def test_contacts_import_reports_bad_rows_and_exits_non_zero(tmp_path) -> None:
    db = new_journal(tmp_path / "x.sqlite")
    csv_path = tmp_path / "c.csv"
    csv_path.write_text("Nom;Téléphone\nDupont;0536490123\nMartin;pas de numéro\n")
    done = run(db, "contacts", "import", str(csv_path))
    assert done.returncode == 1
    assert f"{csv_path}:3: Téléphone 'pas de numéro' is not a phone number" in done.stderr
    assert "nothing imported" in done.stderr
    done = run(db, "contacts", "import", str(csv_path), "--skip-invalid")
    assert f"{csv_path}: 1 imported, 0 updated, 1 refused" in done.stdout
    found = run(db, "contacts", "search", "dup")
    assert "Dupont" in found.stdout and "05 36 49 01 23" in found.stdout


def test_demo_seed_is_deterministic(tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        run(folder / "d.sqlite", "demo", "--seed-only", "--calls", "200")
        run(folder / "d.sqlite", "contacts", "export", str(folder / "c.csv"))
    assert (first / "c.csv").read_text() == (second / "c.csv").read_text()
    again = run(first / "d.sqlite", "demo", "--seed-only")
    assert again.returncode == 2 and "already holds" in again.stderr


def test_calls_export_by_period(tmp_path) -> None:
    db = seeded(tmp_path)
    out = tmp_path / "nov.csv"
    done = run(db, "calls", "export", str(out), "--since", "2000-01-01", "--until", "2000-01-31")
    assert done.returncode == 0 and "exported 0 calls" in done.stdout
    assert out.read_text().startswith("id,started_at,")
    bad = run(db, "calls", "export", str(out), "--since", "yesterday")
    assert bad.returncode == 2 and "'yesterday' is not a date" in bad.stderr


def test_backup_check_restore(tmp_path) -> None:
    db = seeded(tmp_path)
    done = run(db, "backup", "--to", str(tmp_path / "usb"))
    assert done.returncode == 0, done.stderr
    (copy,) = (tmp_path / "usb").glob("customscreen-*.sqlite")
    assert "verified" in done.stdout
    assert "sound (schema" in run(db, "check").stdout
    run(db, "contacts", "import", str(_one_contact(tmp_path)))
    done = run(db, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    assert "previous file is kept" in done.stdout
    assert "Zébulon" not in run(db, "contacts", "search", "zebulon").stdout


def test_restore_refuses_a_corrupt_file(tmp_path) -> None:
    db = seeded(tmp_path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    done = run(db, "restore", str(junk))
    assert done.returncode == 2 and "nothing was restored" in done.stderr
    assert "sound" in run(db, "check").stdout


def test_database_that_is_not_one_is_named(tmp_path) -> None:
    bad = tmp_path / "report.sqlite"
    bad.write_text("not a database")
    done = run(bad, "contacts", "search", "x")
    assert done.returncode == 2
    assert f"{bad}: this is not a CustomScreen database" in done.stderr
    assert run(bad, "check").returncode == 1


def _one_contact(tmp_path: Path) -> Path:
    path = tmp_path / "z.csv"
    path.write_text("Name,Phone\nZébulon,0536490999\n")
    return path


def test_register_lists_and_verifies_issued_documents(tmp_path) -> None:
    db = seeded(tmp_path)
    pdf = tmp_path / "lettre.pdf"
    done = run(db, "print", "fax", "--contact", "1", "--template", "lettre",
               "--field", "objet=Entretien", "--field", "corps=Bonjour", "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    number = done.stdout.split(":")[0]
    listed = run(db, "register", "list")
    assert listed.stdout.startswith(f"{number}  ") and "lettre" in listed.stdout
    assert run(db, "register", "verify", number, str(pdf)).returncode == 0
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(pdf.read_bytes().replace(b"/Producer", b"/Pr0ducer", 1))
    done = run(db, "register", "verify", number, str(forged))
    assert done.returncode == 1 and "does NOT match" in done.stdout
    assert run(db, "register", "verify", "1999-0001", str(pdf)).returncode == 1


def test_a_damaged_database_is_reported_not_a_traceback(tmp_path) -> None:
    db = seeded(tmp_path)
    data = bytearray(db.read_bytes())
    for i in range(40960, min(len(data), 200_000), 7):
        data[i] = 0x55  # a disk that wrote garbage over the tables
    db.write_bytes(bytes(data))
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    done = run(db, "check")
    assert done.returncode == 1
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    done = run(db, "contacts", "search", "dup")
    assert done.returncode == 2 and "restore a backup" in done.stderr


def test_listen_stops_when_its_reader_goes_away(tmp_path) -> None:
    db = seeded(tmp_path)
    # `listen --json | head -1`: the endless demo line must not keep listen alive.
    listen = subprocess.Popen([*CUSTOMSCREEN, "--db", str(db), "listen",
                               "demo:?interval=0.05&ring=0&calls=0", "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    first = listen.stdout.readline()
    assert json.loads(first)["event"] == "call"
    listen.stdout.close()
    assert listen.wait(timeout=20) == 0
    assert b"Traceback" not in listen.stderr.read()
