"""The daily backup: when one is due, where it goes, and when to warn that none was made.

Settings: ``settings.BACKUP_TIME`` (default 12:30 — the office is open, so
the computer is on, and the lunch break is quiet) and
``settings.BACKUP_FOLDER`` (default: ``backups`` beside the database). The copy is
taken online while calls keep coming (``backups.backup``), verified, and
rotated to 7 daily and 4 weekly copies.

A backup is due when the last verified one is older than the most recent
scheduled time: a computer that was off at 12:30 backs up as soon as the desk
or ``listen`` runs again, and a database never backed up is backed up at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from customscreen.bulletins import Bulletin
from customscreen.storage import backups, settings
from customscreen.storage.store import Store, StoreError

#: The desk shows a warning once the last verified backup is older than this:
#: a weekend with the computer off is normal, three days without one is not.
WARN_AFTER = timedelta(days=2)


def backup_time(store: Store) -> time:
    """The configured time of day, or the default when unset or not HH:MM."""
    return settings.get(store, settings.BACKUP_TIME)


def backup_folder(store: Store) -> Path:
    return settings.get(store, settings.BACKUP_FOLDER) or store.path.parent / "backups"


def last_scheduled(now: datetime, at: time) -> datetime:
    """The latest moment at or before ``now`` when a backup was scheduled."""
    today = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return today if now >= today else today - timedelta(days=1)


def _aware(moment: datetime) -> datetime:
    """Naive times are local: what an older version wrote, or a caller in a hurry."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def is_due(now: datetime, at: time, last_ok: datetime | None) -> bool:
    """Whether a backup should be taken now."""
    return last_ok is None or _aware(last_ok) < _aware(last_scheduled(now, at))


def next_due(now: datetime, at: time, last_ok: datetime | None) -> datetime:
    """When the next backup will be taken (``now`` when one is due already)."""
    if is_due(now, at, last_ok):
        return now
    return last_scheduled(now, at) + timedelta(days=1)


@dataclass(frozen=True)
class BackupDone:
    """What the daily backup did, for the desk's status line and ``listen``'s log."""

    path: Path | None  # the verified copy; None when it failed
    problem: str | None = None
    set_aside: tuple[Path, ...] = ()  # copies dated in the future, kept out of the rotation


def run_if_due(store: Store, now: datetime | None = None) -> BackupDone | None:
    """Take the daily backup if it is due; None when it was not."""
    now = now or datetime.now().astimezone()
    if not is_due(now, backup_time(store), backups.last_good_backup(store)):
        return None
    folder = backup_folder(store)
    try:
        written = backups.backup(store, folder, now)
        return BackupDone(written, None, tuple(
            backups.set_aside_copies(folder, backups.tag_of(backups.identity(store)))))
    except StoreError as exc:
        return BackupDone(None, str(exc))


def backup_warning(store: Store, now: datetime | None = None) -> str | None:
    """A sentence for ``check`` when the last verified backup is too old, else None."""
    bulletin = backup_bulletin(store, now, even_empty=True)
    return None if bulletin is None else bulletin.text


def backup_bulletin(store: Store, now: datetime | None = None, *,
                  even_empty: bool = False) -> Bulletin | None:
    """The desk's warning when the last verified backup is too old, else None.

    A journal never backed up that holds nothing yet (the first start, just
    after the wizard) has nothing to lose: no warning, the chores simply take
    its first backup; ``even_empty`` says it all the same, for ``check``.
    """
    now = now or datetime.now().astimezone()
    last = backups.last_good_backup(store)
    name = store.path.name
    if last is None:
        if not even_empty and not _holds_anything(store):
            return None
        return Bulletin("backup_never", f"{name} has never been backed up: "
                      "run `customscreen backup` or leave the desk open at the backup time.",
                      {"database": name}, warning=True)
    last = _aware(last)
    age = _aware(now) - last
    if age <= WARN_AFTER:
        return None
    folder = str(backup_folder(store))
    return Bulletin("backup_overdue",
                  f"The last verified backup of {name} is from {last:%Y-%m-%d %H:%M} "
                  f"({age.days} days ago): check the backup folder ({folder}) and run "
                  "`customscreen backup`.",
                  {"database": name, "last": last.isoformat(), "days": str(age.days),
                   "folder": folder}, warning=True)


def _holds_anything(store: Store) -> bool:
    """Whether a call or a contact is in the journal: something a backup would save."""
    row = store.one("SELECT EXISTS (SELECT 1 FROM calls) OR EXISTS (SELECT 1 FROM contacts)")
    return bool(row and row[0])
