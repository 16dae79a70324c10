"""Restore on the worst day: over a damaged or missing journal, keeping the real previous bytes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from customscreen.storage import backups, restoring
from customscreen.storage.store import Store, StoreError
from tests.conftest import new_journal
from tests.reliability.processes import run

pytestmark = pytest.mark.timeout(120)


def _office(tmp_path: Path, calls: int) -> tuple[Path, Path]:
    """A journal with ``calls`` demo calls, and a backup of it."""
    db = new_journal(tmp_path / "office.sqlite")
    done = run(db, "listen", f"demo:?interval=0&ring=0&calls={calls}", "--json")
    assert done.returncode == 0, done.stderr
    store = Store(db)
    copy = backups.backup(store, tmp_path / "backups")
    store.close()
    return db, copy


def _calls(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM calls").fetchone()[0])
    finally:
        conn.close()


def test_restore_over_a_damaged_journal_keeps_its_real_bytes(tmp_path: Path) -> None:
    """The audit: restore over a damaged file failed and named a 0-byte 'previous file'."""
    db, copy = _office(tmp_path, 3)
    data = bytearray(db.read_bytes())
    data[:4096 * 3] = b"\xa5" * (4096 * 3)  # a bad sector over the header and first pages
    db.write_bytes(bytes(data))
    assert run(db, "check").returncode == 1
    done = run(db, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    (aside,) = (p for p in tmp_path.glob("office.sqlite.before-restore-*")
                if not p.name.endswith("-wal"))
    assert f"the previous file is kept as {aside}" in done.stdout
    assert aside.read_bytes() == bytes(data)  # the damaged bytes, for whoever can save them
    check = run(db, "check")
    assert check.returncode == 0 and "3 calls" in check.stdout


def test_a_stale_write_ahead_log_is_kept_aside_not_replayed_over_the_restored_copy(
        tmp_path: Path) -> None:
    db, copy = _office(tmp_path, 2)
    # A desk killed with calls still in its log: the log holds 5 more calls.
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    columns = [r[1] for r in writer.execute("PRAGMA table_info(calls)") if r[1] != "id"]
    copied = ", ".join("source_key || ?" if c == "source_key" else c for c in columns)
    for n in range(5):  # the first call again, under another key
        writer.execute(f"INSERT INTO calls({', '.join(columns)}) "  # noqa: S608 (names)
                       f"SELECT {copied} FROM calls WHERE id = 1", (f"-late-{n}",))
    writer.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{db}{suffix}", crashed / f"office.sqlite{suffix}")
    writer.close()
    live = crashed / "office.sqlite"
    assert Path(f"{live}-wal").stat().st_size > 0
    done = restoring.restore(live, copy)
    assert _calls(live) == 2  # the backup, not the backup plus the old log
    assert done.previous is not None and _calls(done.previous) == 7  # log kept with its file
    assert "sound" in run(live, "check").stdout


def test_restore_says_so_when_the_previous_file_cannot_be_read(tmp_path: Path) -> None:
    db, copy = _office(tmp_path, 1)
    db.write_bytes(b"")
    done = restoring.restore(db, copy)
    assert done.previous is None and "was empty (0 bytes)" in (done.previous_problem or "")
    assert any("could not be kept" in line for line in done.lines())
    assert not list(tmp_path.glob("office.sqlite.before-restore-*"))


def test_restore_into_a_lost_journal_needs_new(tmp_path: Path) -> None:
    db, copy = _office(tmp_path, 2)
    db.unlink()
    with pytest.raises(StoreError, match="there is no journal here"):
        restoring.restore(db, copy)
    refused = run(db, "restore", str(copy))
    assert refused.returncode == 2 and "add --new" in refused.stderr
    done = run(db, "restore", str(copy), "--new")
    assert done.returncode == 0, done.stderr
    assert _calls(db) == 2


def test_restore_through_a_symlink_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    db, copy = _office(tmp_path, 2)
    link = tmp_path / "shortcut.sqlite"
    link.symlink_to(db)
    done = run(link, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and _calls(db) == 2
    assert f"into {db}" in done.stdout
