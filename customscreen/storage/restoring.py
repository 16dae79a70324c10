"""Restore: put a verified backup in place of the journal, on the day the journal is broken.

Restore is needed when the live file is damaged or gone, so it never reads the
live file through SQLite: the previous bytes (the file and its write-ahead
log, which may hold the last calls) are copied aside as they are, and when
they cannot be read the result says so rather than naming an empty file.
The backup is written to a temporary file in the same folder, synced, and
renamed over the live path; a stale ``-wal``/``-shm`` is removed first, so the
old log is never replayed over the restored copy.

It refuses while a process owns the journal, whatever path leads to it: the
owner lock is taken on the file itself (``ownership.claim``), through the
symlinks resolved.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from customscreen.storage import ownership
from customscreen.storage.backup_copies import STAMP, verify
from customscreen.storage.paths import private_file
from customscreen.storage.store import StoreError, require_journal

#: What SQLite keeps beside a database in WAL mode.
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Restored:
    """What a restore did, for the command to say (and to build on)."""

    live: Path  # the file written (symlinks resolved)
    source: Path
    previous: Path | None  # the previous bytes, kept aside; None when there were none
    previous_problem: str | None  # why the previous bytes could not be kept
    hashed: bool  # the backup's SHA-256 was checked against its manifest
    then: Any = None  # what the caller's ``then`` step returned

    def lines(self) -> list[str]:
        said = [f"restored {self.source} into {self.live}"]
        if not self.hashed:
            said.append(f"note: {self.source} has no SHA-256 manifest beside it; "
                        "only its structure was checked")
        if self.previous is not None:
            said.append(f"the previous file is kept as {self.previous}")
        elif self.previous_problem:
            said.append(f"the previous file could not be kept: {self.previous_problem}")
        else:
            said.append("there was no previous file")
        return said


def restore(db_path: Path, source: Path, now: datetime | None = None,
            new: bool = False, then: Callable[[Path], Any] | None = None) -> Restored:
    """Replace the journal at ``db_path`` with the backup ``source``.

    ``new``: there is no journal at ``db_path`` yet (a new computer, a lost
    file); without it a missing ``db_path`` is refused like any mistyped --db.
    ``then`` runs on the restored file while the owner lock is still held, so
    that nothing opens the copy before it is brought up to date (the
    erasures made since the backup are made again).
    """
    verdict = verify(source)
    if not verdict.ok:
        raise StoreError("; ".join(verdict.problems) + "; nothing was restored")
    live = Path(os.path.realpath(db_path))
    if not new:
        require_journal(Path(db_path))
    owner = ownership.claim(live) if live.exists() else None
    if isinstance(owner, ownership.Held):
        raise StoreError(f"{owner.explain()}; stop it before restoring, nothing was restored")
    try:
        stamp = (now or datetime.now()).strftime(STAMP)
        previous, problem = _keep_previous(live, stamp)
        _put_in_place(source, live)
        after = then(live) if then is not None else None
    finally:
        if owner is not None:
            owner.release()
    return Restored(live, source, previous, problem, verdict.hashed, after)


def _keep_previous(live: Path, stamp: str) -> tuple[Path | None, str | None]:
    """Copy the live file and its log aside, byte for byte; (where, or why not)."""
    if not live.exists():
        return None, None
    aside = live.with_name(f"{live.name}.before-restore-{stamp}")
    try:
        if live.stat().st_size == 0:
            return None, f"{live} was empty (0 bytes)"
        for suffix in ("", "-wal"):
            if (side := Path(f"{live}{suffix}")).exists():
                _copy_synced(side, Path(f"{aside}{suffix}"))
    except OSError as exc:
        for suffix in ("", "-wal"):
            Path(f"{aside}{suffix}").unlink(missing_ok=True)
        return None, f"{live} cannot be read ({exc.strerror or exc})"
    return aside, None


def _copy_synced(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(private_file(target), "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


def _put_in_place(source: Path, live: Path) -> None:
    tmp = live.with_name(f".{live.name}.restoring")
    try:
        tmp.unlink(missing_ok=True)
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        dest = sqlite3.connect(private_file(tmp))
        try:
            src.backup(dest)
            # One self-contained file: the store turns WAL back on when it opens it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            src.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        # The old log would be replayed over the restored copy: it goes first
        # (its bytes are kept aside already).
        for suffix in SIDE_FILES:
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, live)
        _sync_folder(live.parent)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{live}: restore failed ({exc}); the journal was not replaced") \
            from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handle to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
