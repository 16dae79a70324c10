"""An erasure that erases: the name and numbers leave every text and the raw file.

The audit's case: the Hôtel Girard is erased; M. Girard, who works there, stays.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import sqlite3
import unicodedata
from datetime import datetime
from pathlib import Path

from customscreen import contacts
from customscreen.calls import callbacks, journal, voicemail
from customscreen.care import privacy
from customscreen.contacts import Contact, Phone
from customscreen.storage.store import Store
from tests.conftest import wait_until
from tests.reliability.processes import Listening, run

HOTEL = "Hôtel Girard"
HOTEL_LINE = "+33561234567"  # 05 61 23 45 67
HOTEL_FAX = "+33561234599"
MARC_MOBILE = "+33612345678"
_KEYS = itertools.count(1)  # the line's own call ids, like a SIP Call-ID


def _call(store: Store, number: str | None, contact_id: int | None, note: str = "",
          network_name: str | None = "HOTEL GIRARD") -> int:
    with store.transaction() as conn:
        call_id = journal.open_call(
            conn, source="demo", source_key=f"line-{next(_KEYS)}", presentation="available",
            started_at=datetime(2026, 11, 23, 9).isoformat(),
            raw_number=number and "0" + number[3:], number=number, network_name=network_name,
            contact_id=contact_id, decision="divert", reason_code="unknown", note=note)
        voicemail.enqueue(conn, call_id, "2026-11-23T09:00:00")
    return call_id


def girard_office(store: Store) -> tuple[int, int]:
    """The hotel, M. Girard who works there, and what the office wrote about them."""
    hotel = contacts.save(store, Contact(name=HOTEL, kind="company", notes="client depuis 2019",
                                         phones=[Phone(HOTEL_LINE), Phone(HOTEL_FAX, "fax")]))
    marc = contacts.save(store, Contact(name="Marc Girard", company_id=hotel,
                                        phones=[Phone(MARC_MOBILE, "mobile")]))
    first = _call(store, HOTEL_LINE, hotel, "veut un devis pour la piscine")
    _call(store, MARC_MOBILE, marc, "rappeler pour l'Hôtel Girard", network_name=None)
    other = _call(store, "+33199001234", None, "a cité l'hôtel girard, 05 61 23 45 67",
                  network_name="DUPONT SARL")
    # The secretary's own note on someone else's queue item names the hotel.
    item = next(i.id for i in voicemail.items(store) if i.call_id == other)
    voicemail.move(store, item, "closed", note="Hôtel Girard: rappeler avant midi")
    callbacks.create(store, due_at="2026-11-24", contact_id=marc, number=MARC_MOBILE,
                     caller_name="Marc Girard (Hôtel Girard)",
                     subject="Rappeler M. Girard de l'Hôtel Girard au 05.61.23.45.67")
    callbacks.create(store, due_at="2026-11-24", call_id=first, number=HOTEL_LINE,
                     caller_name=HOTEL, subject="devis piscine")
    return hotel, marc


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()


def _everything_written(store: Store) -> str:
    """Every text the program shows: slips, queue, journal, cards, search."""
    texts: list[str] = []
    for slip in callbacks.all_callbacks(store):
        texts += [slip.caller_name, slip.subject, slip.outcome, slip.number or ""]
    for item in voicemail.items(store):
        texts += [item.note, item.caller_name, item.number or "", item.raw_number or ""]
    for row in store.query("SELECT raw_number, number, network_name, note, reason FROM calls"):
        texts += [v or "" for v in row]
    for row in store.query("SELECT name, company, notes, numbers FROM contacts_fts"):
        texts += list(row)
    return " | ".join(texts)


def test_erasing_a_company_clears_its_name_and_numbers_from_every_text(store: Store) -> None:
    hotel, marc = girard_office(store)
    privacy.erase_contact(store, hotel)
    shown = _folded(_everything_written(store))
    assert "hotel girard" not in shown
    digits = re.sub(r"\D", "", shown)
    for number in (HOTEL_LINE, HOTEL_FAX):
        assert number[3:] not in digits
    # M. Girard stays, under his own name and number, without the company.
    card = contacts.get(store, marc)
    assert card is not None and card.name == "Marc Girard" and card.company_id is None
    assert [h.id for h in contacts.search(store, "Marc Girard")] == [marc]
    assert contacts.search(store, "hotel girard") == []
    assert contacts.search(store, "0561234567") == []
    slip = next(s for s in callbacks.all_callbacks(store) if s.contact_id == marc)
    assert slip.subject == f"Rappeler M. Girard de l'{privacy.ERASED} au {privacy.ERASED}"
    assert slip.number == MARC_MOBILE  # his own number, not the company's
    assert store.integrity_errors() == []


def _raw_forms(number: str) -> list[bytes]:
    national = "0" + number[3:]
    spaced = " ".join(national[i:i + 2] for i in range(0, 10, 2))
    return [number.encode(), number[1:].encode(), number[3:].encode(), national.encode(),
            spaced.encode(), spaced.replace(" ", ".").encode()]


def _leftovers(db: Path) -> list[str]:
    """Which erased forms the raw database file or its WAL still hold."""
    found = []
    for path in (db, db.with_name(db.name + "-wal")):
        if not path.exists():
            continue
        raw = path.read_bytes()
        for form in [HOTEL.encode(), HOTEL.upper().encode(), b"HOTEL GIRARD", b"hotel girard",
                     b"Hotel Girard", *_raw_forms(HOTEL_LINE), *_raw_forms(HOTEL_FAX)]:
            if form in raw:
                found.append(f"{path.name}: {form!r}")
    return found


def test_erased_bytes_leave_the_file_and_its_wal_while_listen_runs(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    store = Store(db)
    # Python's SQLite on Windows and macOS leaves deleted bytes in place (Debian's
    # zeroes them): the office's file was written like that.
    store.conn.execute("PRAGMA secure_delete = OFF")
    hotel, _ = girard_office(store)
    # The card was edited a few times, as cards are: old versions linger in free space.
    for note in ("client depuis 2019, piscine", "client depuis 2019, piscine, spa"):
        card = contacts.require(store, hotel)
        card.notes = note
        contacts.save(store, card)
    store.close()
    listener = Listening(db, "demo:?interval=0.2&ring=0&calls=0")
    try:
        listener.next()  # it journals into the same file
        assert _leftovers(db)  # the audit's starting point
        erase = run(db, "privacy", "erase", "--contact", str(hotel))
        assert erase.returncode == 0, erase.stderr
        assert "raw file wiped" in erase.stdout
        assert _leftovers(db) == []
        listener.next()  # still journaling, the erasure did not stop it
        assert listener.process.poll() is None
    finally:
        listener.kill()
    assert _leftovers(db) == []


def test_a_reader_holding_a_snapshot_delays_the_wal_truncation_and_it_is_said(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    store = Store(db)
    hotel, _ = girard_office(store)
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM calls").fetchone()  # a read snapshot held open
    try:
        erased = privacy.erase_contact(store, hotel, wait_s=0.3)
    finally:
        reader.rollback()
        reader.close()
    assert erased.wiped is False
    assert "another program is reading the database" in erased.wipe_problem
    assert contacts.get(store, hotel) is None  # the erasure itself is done
    store.close()


# -- the record of an erasure, and a restore that erases again ---------------------------


def test_an_erasure_is_recorded_with_hashes_only_in_the_file_and_the_ledger_beside_it(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    store = Store(db)
    hotel, _ = girard_office(store)
    store.set_setting("desk.user", "Claire")
    privacy.erase_contact(store, hotel)
    (row,) = store.query("SELECT * FROM erasures")
    assert row["erased_by"] == "Claire" and row["contact_id"] == hotel
    assert row["erased_at"][:4] == str(datetime.now().year)
    salt = row["salt"]
    assert row["name_sha256"] == hashlib.sha256(f"{salt}:name:hotel girard".encode()).hexdigest()
    assert row["numbers_sha256"].split() == [
        hashlib.sha256(f"{salt}:number:{n}".encode()).hexdigest() for n in (HOTEL_LINE, HOTEL_FAX)]
    store.close()
    ledger = tmp_path / "journal.sqlite.erasures"
    (line,) = ledger.read_text().splitlines()
    assert json.loads(line)["id"] == row["id"]
    assert "Girard" not in line and "561234" not in line
    assert ledger.stat().st_mode & 0o777 == 0o600


def _backup(db: Path, folder: Path) -> Path:
    done = run(db, "backup", "--to", str(folder))
    assert done.returncode == 0, done.stderr
    (copy,) = sorted(folder.glob("*.sqlite"))
    return copy


def test_restoring_a_backup_made_before_an_erasure_erases_again_and_says_so(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    store = Store(db)
    hotel, marc = girard_office(store)
    dupont = contacts.save(store, Contact(name="Jeanne Dupont", phones=[Phone("+33536490123")]))
    store.close()
    older = _backup(db, tmp_path / "backups")
    for who in (hotel, dupont):
        erase = run(db, "privacy", "erase", "--contact", str(who))
        assert erase.returncode == 0, erase.stderr
    done = run(db, "restore", str(older))
    assert done.returncode == 0, done.stderr
    assert "re-applied 2 erasures recorded after this backup was made" in done.stdout
    assert _leftovers(db) == []
    store = Store(db)
    assert contacts.get(store, hotel) is None and contacts.get(store, dupont) is None
    assert contacts.search(store, "hotel girard") == [] and contacts.search(store, "dupont") == []
    assert contacts.get(store, marc) is not None
    assert "hotel girard" not in _folded(_everything_written(store))
    assert len(store.query("SELECT id FROM erasures")) == 2
    store.close()
    again = run(db, "restore", str(older))  # the same backup once more: the same two
    assert "re-applied 2 erasures" in again.stdout
    newer = _backup(db, tmp_path / "later")
    restored = run(db, "restore", str(newer))  # a backup made after: nothing to do
    assert restored.returncode == 0 and "re-applied" not in restored.stdout


def test_a_copy_put_back_by_hand_is_erased_again_when_listen_starts(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    store = Store(db)
    hotel, _ = girard_office(store)
    store.close()
    older = _backup(db, tmp_path / "backups")
    assert run(db, "privacy", "erase", "--contact", str(hotel)).returncode == 0
    shutil.copyfile(older, db)  # what an office IT person does with a USB key
    listener = Listening(db, "demo:?interval=0.2&ring=0&calls=0")
    try:
        wait_until(lambda: "re-applied 1 erasure recorded" in listener.stderr(),
                   message=listener.stderr)
        assert _leftovers(db) == []
    finally:
        listener.kill()
    store = Store(db)
    assert contacts.get(store, hotel) is None
    store.close()


def test_an_erasure_whose_ledger_cannot_be_written_erases_nothing_and_says_why(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    store = Store(db)
    hotel, _ = girard_office(store)
    store.close()
    (tmp_path / "journal.sqlite.erasures").mkdir()  # in the way
    erase = run(db, "privacy", "erase", "--contact", str(hotel))
    assert erase.returncode == 2 and "Traceback" not in erase.stderr
    assert "the erasure ledger cannot be" in erase.stderr
    assert "nothing was erased" in erase.stderr
    store = Store(db)
    assert contacts.get(store, hotel) is not None
    assert store.query("SELECT count(*) FROM erasures")[0][0] == 0
    store.close()
