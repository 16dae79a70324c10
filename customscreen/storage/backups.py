"""Backups: online copies through SQLite's backup API, verified, rotated.

A copy is only called a backup once it has been re-opened and checked. The
folder keeps the newest copy of each of the last 7 days and of each of the
last 4 weeks, like the tapes of old: enough to go back before a mistake
noticed on Monday, small enough for a USB key.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from customscreen.storage import settings
from customscreen.storage.paths import private_file, private_folder
from customscreen.storage.store import SCHEMA_VERSION, Store, StoreError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
PREFIX = "customscreen-"
SUFFIX = ".sqlite"
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Verdict:
    ok: bool
    version: int
    problems: tuple[str, ...]


def verify(path: Path) -> Verdict:
    """Open a copy read-only and check it is a sound database this program can read."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Verdict(False, 0, (f"{path}: not a readable database ({exc})",))
    problems = [r for r in rows if r != "ok"]
    if version == 0:
        problems.append(f"{path}: not a CustomScreen database")
    elif version > SCHEMA_VERSION:
        problems.append(f"{path}: written by a newer CustomScreen (schema {version})")
    return Verdict(not problems, version, tuple(problems))


def backup(store: Store, folder: Path, now: datetime | None = None) -> Path:
    """Write, verify and rotate; returns the new backup's path."""
    now = now or datetime.now()
    try:
        private_folder(folder)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the backup folder ({exc.strerror})") from None
    target = folder / f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}"
    store.backup_to(target)
    verdict = verify(target)
    if not verdict.ok:
        target.unlink(missing_ok=True)
        raise StoreError("; ".join(verdict.problems))
    settings.put(store, settings.LAST_BACKUP, now.astimezone())
    rotate(folder)
    return target


def _stamp_of(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[len(PREFIX):-len(SUFFIX)], STAMP)
    except ValueError:
        return None


def rotate(folder: Path) -> list[Path]:
    """Delete the copies the 7-daily / 4-weekly rule does not keep; returns them."""
    dated = sorted(
        ((stamp, p) for p in folder.glob(f"{PREFIX}*{SUFFIX}") if (stamp := _stamp_of(p))),
        reverse=True,
    )
    keep: set[Path] = set()
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for stamp, path in dated:
        days.setdefault(stamp.date(), path)
        weeks.setdefault(stamp.isocalendar()[:2], path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    removed = [p for _, p in dated if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(db_path: Path, source: Path, now: datetime | None = None) -> Path:
    """Replace the database with ``source``; the current file is kept aside first."""
    verdict = verify(source)
    if not verdict.ok:
        raise StoreError("; ".join(verdict.problems) + "; nothing was restored")
    now = now or datetime.now()
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now.strftime(STAMP)}")
    try:
        if db_path.exists():
            current = sqlite3.connect(db_path)
            dest = sqlite3.connect(private_file(aside))
            current.backup(dest)
            dest.close()
            current.close()
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dest = sqlite3.connect(private_file(db_path))
        src.backup(dest)
        dest.close()
        src.close()
    except sqlite3.Error as exc:
        raise StoreError(
            f"{db_path}: restore failed ({exc}); the previous file is {aside}"
        ) from None
    return aside


def last_good_backup(store: Store) -> datetime | None:
    return settings.get(store, settings.LAST_BACKUP)
