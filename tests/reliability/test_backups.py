"""The daily backup: when it is due, taken while calls arrive, rotated, restored, warned about."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from customscreen.calls.switchboard import Switchboard
from customscreen.care.chores import Chores
from customscreen.storage import backups, settings
from customscreen.storage.backup_schedule import backup_warning, is_due, next_due
from customscreen.storage.store import SCHEMA_VERSION, Store
from telephony.events import CallerId, Ended, Outcome, Presentation, Ring
from telephony.simulator import DemoLine
from tests.conftest import wait_until
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


def test_rotation_keeps_seven_days_and_four_weeks_over_sixty_days(tmp_path: Path) -> None:
    start = datetime(2026, 9, 1, 12, 30)
    for n in range(60):
        for extra in (0, 3):  # two copies some days: the newest of the day is kept
            stamp = start + timedelta(days=n, hours=extra)
            (tmp_path / f"customscreen-{stamp:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
        backups.rotate(tmp_path)
    kept = sorted(p.name for p in tmp_path.glob("customscreen-*.sqlite"))
    days = sorted({name[13:21] for name in kept})
    last = start + timedelta(days=59)
    assert [d for d in days if d >= f"{last - timedelta(days=6):%Y%m%d}"] == [
        f"{last - timedelta(days=k):%Y%m%d}" for k in range(6, -1, -1)]
    weeks = {datetime.strptime(d, "%Y%m%d").isocalendar()[:2] for d in days}
    assert len(weeks) == 4 and len(kept) <= 7 + 4 and len(kept) == len(days)
    assert all(name.endswith("153000.sqlite") for name in kept)  # the day's newest copy


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
    told: list[str] = []
    chores = Chores(store, on_report=told.append, clock=lambda: at(23, 12, 45))
    assert chores.run_once() and "written and verified" in told[0]
    assert chores.run_once() == []  # once a day
    (copy,) = (tmp_path / "nas").glob("customscreen-20261123-124500.sqlite")
    assert backups.verify(copy).ok
    assert backup_warning(store, at(23, 13)) is None


def test_restore_refuses_a_file_from_a_newer_version_and_keeps_the_journal(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
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
