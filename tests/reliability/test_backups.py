"""The daily backup: when it is due, taken while calls arrive, rotated, restored, warned about."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import threading
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from customscreen.bulletins import Bulletin
from customscreen.calls.switchboard import Switchboard
from customscreen.care.chores import Chores
from customscreen.contacts import book
from customscreen.storage import backups, settings
from customscreen.storage.backup_copies import verify, write_manifest
from customscreen.storage.backup_schedule import backup_warning, is_due, next_due
from customscreen.storage.store import SCHEMA_VERSION, Store
from telephony.events import CallerId, Ended, Outcome, Presentation, Ring
from telephony.simulator import DemoLine
from tests.conftest import new_journal, wait_until
from tests.reliability.processes import run

PARIS = timezone(timedelta(hours=1))
NOON = time(12, 30)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=PARIS)


def test_backup_is_due_after_the_configured_time_once_a_day() -> None:
    assert is_due(at(23, 9), NOON, None)  # never backed up: now
    assert not is_due(at(23, 12, 29), NOON, at(22, 12, 30))
    assert is_due(at(23, 12, 30), NOON, at(22, 12, 30))
    assert not is_due(at(23, 18), NOON, at(23, 12, 31))
    # The computer was off at 12:30 on Sunday: Monday 08:00 catches up.
    assert is_due(at(23, 8), NOON, at(21, 12, 30))
    assert next_due(at(23, 18), NOON, at(23, 12, 31)) == at(24, 12, 30)
    # A naive time from an older file is read as local time, not refused.
    assert isinstance(is_due(at(23, 13), NOON, datetime(2026, 11, 22, 12, 30)), bool)


def _copy(folder: Path, tag: str, stamp: datetime, content: bytes = b"x") -> Path:
    """A file named as the backup of database ``tag`` taken at ``stamp``, with its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"customscreen-{tag}-{stamp:%Y%m%d-%H%M%S}.sqlite"
    path.write_bytes(content)
    write_manifest(path)
    return path


def test_rotation_keeps_seven_days_and_four_weeks_over_sixty_days(tmp_path: Path) -> None:
    start = datetime(2026, 9, 1, 12, 30)
    for n in range(60):
        for extra in (0, 3):  # two copies some days: the newest of the day is kept
            stamp = start + timedelta(days=n, hours=extra)
            _copy(tmp_path, "0badcafe", stamp)
        backups.rotate(tmp_path, "0badcafe", now=stamp)
    kept = sorted(p.name for p in tmp_path.glob("customscreen-*.sqlite"))
    days = sorted({name[22:30] for name in kept})
    last = start + timedelta(days=59)
    assert [d for d in days if d >= f"{last - timedelta(days=6):%Y%m%d}"] == [
        f"{last - timedelta(days=k):%Y%m%d}" for k in range(6, -1, -1)]
    weeks = {datetime.strptime(d, "%Y%m%d").isocalendar()[:2] for d in days}
    assert len(weeks) == 4 and len(kept) <= 7 + 4 and len(kept) == len(days)
    assert all(name.endswith("153000.sqlite") for name in kept)  # the day's newest copy
    # A deleted copy takes its manifest with it; a kept one keeps it.
    assert sorted(p.name[:-len(".sha256")] for p in tmp_path.glob("*.sha256")) == kept


def test_copies_dated_in_the_future_are_set_aside_and_todays_backup_stays(
        tmp_path: Path) -> None:
    """The audit: a clock once wrong left copies dated 2030; every new backup vanished."""
    db = new_journal(tmp_path / "office.sqlite")
    store = Store(db)
    tag = backups.identity(store)[:8]
    store.close()
    folder = tmp_path / "backups"
    future = [_copy(folder, tag, datetime(2030, 1, day, 12, 30)) for day in range(1, 9)]
    done = run(db, "backup")
    assert done.returncode == 0, done.stderr
    (today,) = folder.glob(f"customscreen-{tag}-{datetime.now():%Y%m%d}-*.sqlite")
    assert str(today) in done.stdout and today.exists()
    assert not any(p.exists() for p in future)
    assert sorted(p.name for p in (folder / "set-aside").glob("*.sqlite")) == [
        p.name for p in future]
    assert "dated in the future" in done.stderr and future[0].name in done.stderr
    check = run(db, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"newest backup: {today} (sha256 matches)" in check.stdout
    assert "dated in the future" in check.stdout and future[-1].name in check.stdout


def test_two_databases_in_one_folder_never_rotate_each_others_copies(tmp_path: Path) -> None:
    """The audit: a mistyped --db backed up an empty journal into the office's folder,
    whose rotation then deleted the office's copies."""
    folder = tmp_path / "usb"
    office, typo = Store(tmp_path / "office.sqlite"), Store(tmp_path / "offce.sqlite")
    try:
        assert backups.identity(office) != backups.identity(typo)
        ours = [backups.backup(office, folder, datetime(2026, 11, day, 12, 30))
                for day in range(1, 8)]
        legacy = folder / "customscreen-20261001-123000.sqlite"
        legacy.write_bytes(b"a copy named before databases had an identity")
        for day in range(8, 20):
            backups.backup(typo, folder, datetime(2026, 11, day, 12, 30))
    finally:
        office.close()
        typo.close()
    assert all(p.exists() and p.with_name(p.name + ".sha256").exists() for p in ours)
    assert legacy.exists()
    # The typo's own copies were rotated by the rule all the same.
    assert 7 <= len(backups.copies(folder, backups.tag_of(_id(tmp_path / "offce.sqlite")))) < 12


def _id(db: Path) -> str:
    store = Store(db)
    try:
        return backups.identity(store)
    finally:
        store.close()


def test_the_identity_is_given_once_and_travels_with_the_copies(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    first = _id(db)
    assert len(first) == 32 and _id(db) == first  # kept, not renewed at each open
    copy = backups.backup(Store(db), tmp_path / "b", datetime(2026, 11, 23, 10, 13, 49))
    assert copy.name == f"customscreen-{first[:8]}-20261123-101349.sqlite"
    assert _id(copy) == first


def test_the_newest_sound_copy_is_kept_even_past_seven_days(tmp_path: Path) -> None:
    sound = _copy(tmp_path, "0badcafe", datetime(2026, 11, 1, 12, 30))
    damaged = [_copy(tmp_path, "0badcafe", datetime(2026, 11, day, 12, 30))
               for day in range(2, 12)]
    for path in damaged:
        path.write_bytes(b"y")  # every later copy changed after its manifest was written
    removed = backups.rotate(tmp_path, "0badcafe", now=datetime(2026, 11, 11, 13)).removed
    assert sound.exists() and sound not in removed
    assert len(removed) == 3  # the damaged ones past the 7 days, never the sound one


def test_each_copy_has_a_manifest_that_sha256sum_checks(tmp_path: Path, store: Store) -> None:
    copy = backups.backup(store, tmp_path / "usb")
    manifest = copy.with_name(copy.name + ".sha256")
    assert manifest.read_text() == f"{hashlib.sha256(copy.read_bytes()).hexdigest()}  " \
                                   f"{copy.name}\n"
    checked = subprocess.run(["sha256sum", "-c", manifest.name], cwd=copy.parent,
                             capture_output=True, text=True)
    assert checked.returncode == 0 and f"{copy.name}: OK" in checked.stdout


def test_a_changed_digit_in_an_address_is_refused_by_restore_and_check(tmp_path: Path) -> None:
    """The audit: one digit of an address changed in a copy was restored without a word."""
    db = new_journal(tmp_path / "office.sqlite")
    store = Store(db)
    book.save(store, book.Contact("Dupont SARL", address="12 allée des Demoiselles, "
                                  "31400 Toulouse"))
    copy = backups.backup(store, tmp_path / "backups")
    store.close()
    data = copy.read_bytes()
    at = data.index(b"31400")
    copy.write_bytes(data[:at] + b"31500" + data[at + 5:])
    shutil.copy(copy, tmp_path / "unhashed.sqlite")
    assert verify(tmp_path / "unhashed.sqlite").ok  # SQLite alone sees nothing wrong
    restore = run(db, "restore", str(copy))
    assert restore.returncode == 2
    assert f"{copy}: it is damaged: its SHA-256 is not the one recorded" in restore.stderr
    assert "nothing was restored" in restore.stderr and "Traceback" not in restore.stderr
    check = run(db, "check")
    assert check.returncode == 1
    assert f"the newest backup cannot be trusted: {copy}: it is damaged" in check.stdout


def _journal_calls(board: Switchboard, line: DemoLine, stop: threading.Event,
                   count: list[int]) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        key = f"burst-{n}"
        now = datetime.now().astimezone()
        board.receive(line, Ring(key, now))
        board.receive(line, CallerId(key, now, f"05364{n % 100000:05d}", "X",
                                     Presentation.AVAILABLE))
        board.receive(line, Ended(key, now, Outcome.MISSED, 0))
        count[0] = n


def test_online_backup_while_calls_arrive_is_verified_and_a_consistent_prefix(
        tmp_path: Path, store: Store) -> None:
    board = Switchboard(store, "FR")
    line = DemoLine("demo:")
    stop, count = threading.Event(), [0]
    writer = threading.Thread(target=_journal_calls, args=(board, line, stop, count))
    writer.start()
    prefixes: list[int] = []
    try:
        wait_until(lambda: count[0] >= 50, 30, "the first 50 calls")
        for n in range(3):
            # Same day: rotation keeps only the newest, so each copy is read at once.
            copy = backups.backup(store, tmp_path / "usb", datetime.now() + timedelta(seconds=n))
            assert backups.verify(copy).ok
            conn = sqlite3.connect(copy)
            ids = [r[0] for r in conn.execute("SELECT id FROM calls ORDER BY id")]
            ringing = conn.execute("SELECT count(*) FROM calls WHERE outcome IS NULL").fetchone()
            conn.close()
            assert ids == list(range(1, len(ids) + 1)) and ids  # a prefix, no holes
            assert ringing[0] <= 1  # at most the call that was ringing at that instant
            prefixes.append(len(ids))
    finally:
        stop.set()
        writer.join()
    assert board.pending_writes == 0
    assert prefixes == sorted(prefixes)
    assert count[0] > prefixes[-1]  # calls kept coming after the copy


def test_warning_when_the_last_good_backup_is_older_than_two_days(store: Store) -> None:
    now = at(23, 10)
    assert "never been backed up" in (backup_warning(store, now) or "")
    store.set_setting("backup.last_ok", at(21, 12, 30).isoformat())
    assert backup_warning(store, now) is None
    warning = backup_warning(store, at(24, 9))
    assert warning is not None and "2026-11-21 12:30 (2 days ago)" in warning


def test_chores_take_the_daily_backup_into_the_configured_folder(tmp_path: Path,
                                                                 store: Store) -> None:
    store.set_setting(settings.BACKUP_TIME.key, "12:30")
    store.set_setting(settings.BACKUP_FOLDER.key, str(tmp_path / "nas"))
    told: list[Bulletin] = []
    chores = Chores(store, on_report=told.append, clock=lambda: at(23, 12, 45))
    assert chores.run_once() and "written and verified" in told[0].text
    assert chores.run_once() == []  # once a day
    (copy,) = (tmp_path / "nas").glob("customscreen-*-20261123-124500.sqlite")
    assert backups.verify(copy).ok
    assert backup_warning(store, at(23, 13)) is None


def test_restore_refuses_a_file_from_a_newer_version_and_keeps_the_journal(
        tmp_path: Path) -> None:
    db = new_journal(tmp_path / "journal.sqlite")
    assert run(db, "listen", "demo:?interval=0&ring=0&calls=3", "--json").returncode == 0
    newer = tmp_path / "from-the-future.sqlite"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE calls(id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    done = run(db, "restore", str(newer))
    assert done.returncode == 2
    assert f"written by a newer CustomScreen (schema {SCHEMA_VERSION + 1})" in done.stderr
    assert "nothing was restored" in done.stderr
    check = run(db, "check")
    assert check.returncode == 0 and "3 calls" in check.stdout
    assert not list(tmp_path.glob("journal.sqlite.before-restore-*"))


def test_the_daily_backup_reports_copies_set_aside(tmp_path: Path, store: Store) -> None:
    store.set_setting(settings.BACKUP_FOLDER.key, str(tmp_path / "nas"))
    wrong_clock = _copy(tmp_path / "nas", backups.identity(store)[:8],
                        datetime(2031, 5, 1, 12, 30))
    told: list[Bulletin] = []
    Chores(store, on_report=told.append, clock=lambda: at(23, 12, 45)).run_once()
    assert "written and verified" in told[0].text
    assert told[1].text == (f"backup {tmp_path / 'nas' / 'set-aside' / wrong_clock.name} is dated "
                       "in the future (a wrong clock?): set aside, not counted")
    assert backups.newest(tmp_path / "nas", backups.identity(store)[:8],
                          at(23, 13)).copy is not None
