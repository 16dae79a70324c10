"""Backups: online copies through SQLite's backup API, verified, hashed, rotated.

A copy is only called a backup once it has been re-opened and checked, and
its SHA-256 written beside it (``backup_copies``). The folder keeps the newest
copy of each of the last 7 days and of each of the last 4 weeks, like the
tapes of old: enough to go back before a mistake noticed on Monday, small
enough for a USB key.

Rotation is careful because it is the one thing here that deletes:

- it looks only at the copies of its own database (named by its identity), so
  two databases sharing a folder, or a mistyped ``--db``, never delete each
  other's copies; copies named the older way, without identity, are left alone;
- it never deletes the copy just written, nor the newest copy whose SHA-256
  still matches;
- a copy dated after now (the computer's clock was once wrong) would push
  every new copy out of the "last 7 days": it is moved into ``set-aside/``
  and reported by ``backup`` and ``check``, never counted as a backup.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from customscreen.storage import settings
from customscreen.storage.backup_copies import (
    Copy,
    copies,
    copy_name,
    hash_problem,
    manifest_of,
    tag_of,
    verify,
    write_manifest,
)
from customscreen.storage.paths import private_folder
from customscreen.storage.store import Store, StoreError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
SET_ASIDE = "set-aside"
#: A copy up to this far ahead of the clock is the autumn's change of time
#: (names are local wall time), not a clock that was wrong.
CLOCK_SLACK = timedelta(hours=1, minutes=5)


def identity(store: Store) -> str:
    """The database's identity, which names its copies."""
    database_id = settings.get(store, settings.DATABASE_ID)
    if not database_id:  # opened read-only before it was ever opened for writing
        raise StoreError(f"{store.path}: it has no identity yet; open it once for writing "
                         "(e.g. `customscreen check` after `customscreen backup`)")
    return database_id


def backup(store: Store, folder: Path, now: datetime | None = None) -> Path:
    """Write, verify, hash and rotate; returns the new backup's path."""
    now = now or datetime.now()
    tag = tag_of(identity(store))
    try:
        private_folder(folder)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the backup folder ({exc.strerror})") from None
    target = folder / copy_name(identity(store), now)
    # A copy of the same second is replaced; its manifest must not judge the new one.
    manifest_of(target).unlink(missing_ok=True)
    store.backup_to(target)
    verdict = verify(target)
    if not verdict.ok:
        target.unlink(missing_ok=True)
        raise StoreError("; ".join(verdict.problems))
    try:
        write_manifest(target)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"{target}: cannot write its SHA-256 manifest ({exc.strerror}); "
                         "no backup was kept") from None
    rotate(folder, tag, now, written=target)
    settings.put(store, settings.LAST_BACKUP, now.astimezone())
    return target


@dataclass(frozen=True)
class Rotation:
    removed: list[Path] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)


def _wall(moment: datetime) -> datetime:
    """The local wall time a copy's name would show for ``moment``."""
    return moment.replace(tzinfo=None)


def rotate(folder: Path, tag: str, now: datetime | None = None,
           written: Path | None = None) -> Rotation:
    """Apply the 7-daily / 4-weekly rule to the copies of the database ``tag``."""
    now = _wall(now or datetime.now())
    mine = copies(folder, tag)
    future = [c for c in mine if c.stamp > now + CLOCK_SLACK and c.path != written]
    moved = [_set_aside(c) for c in future]
    dated = [c for c in mine if c not in future]
    keep: set[Path] = {written} if written else set()
    newest_sound = next((c for c in dated if c.path == written or not hash_problem(c.path)),
                        None)
    if newest_sound:
        keep.add(newest_sound.path)
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for c in dated:
        days.setdefault(c.stamp.date(), c.path)
        weeks.setdefault(c.stamp.isocalendar()[:2], c.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    removed = [c.path for c in dated if c.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
        manifest_of(path).unlink(missing_ok=True)
    return Rotation(removed, moved)


def _set_aside(copy: Copy) -> Path:
    aside = copy.path.parent / SET_ASIDE
    aside.mkdir(exist_ok=True)
    target = aside / copy.path.name
    os.replace(copy.path, target)
    if copy.manifest.exists():
        os.replace(copy.manifest, manifest_of(target))
    return target


def set_aside_copies(folder: Path, tag: str) -> list[Path]:
    """The copies of ``tag`` that rotation set aside as dated in the future."""
    return [c.path for c in copies(folder / SET_ASIDE, tag)]


@dataclass(frozen=True)
class Newest:
    """The newest copy of a database in its folder, and whether it can be trusted."""

    copy: Copy | None
    problem: str | None  # why it cannot be trusted; None when its SHA-256 matches
    set_aside: list[Path]


def newest(folder: Path, tag: str, now: datetime | None = None) -> Newest:
    """What ``check`` and ``doctor`` report: the newest copy not dated after now."""
    now = _wall(now or datetime.now())
    dated = [c for c in copies(folder, tag) if c.stamp <= now + CLOCK_SLACK]
    aside = set_aside_copies(folder, tag) + [c.path for c in copies(folder, tag)
                                              if c not in dated]
    if not dated:
        return Newest(None, None, aside)
    return Newest(dated[0], hash_problem(dated[0].path), aside)


def last_good_backup(store: Store) -> datetime | None:
    return settings.get(store, settings.LAST_BACKUP)
