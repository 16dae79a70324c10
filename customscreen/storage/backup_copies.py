"""One backup copy: its name, its SHA-256 manifest, and whether it can be trusted.

A copy is named by the database it comes from and the moment it was taken,
``customscreen-3f2a9c1e-20261123-101349.sqlite``: the first 8 hex digits of
the database's identity (``settings.DATABASE_ID``), so that two databases
backed up into one folder never mistake each other's copies. Copies named
before databases had an identity (``customscreen-20261123-101349.sqlite``)
are still read, restored and listed, but belong to no database.

Beside each copy, ``<copy>.sha256`` holds its SHA-256 in ``sha256sum``'s
format, so ``sha256sum -c customscreen-….sqlite.sha256`` checks it without
this program. :func:`verify` checks that first, then opens the copy read-only
and walks it; a damaged file of any kind gives a sentence naming it, never an
exception.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from customscreen.storage.store import SCHEMA_VERSION, SQLITE_HEADER

PREFIX = "customscreen-"
SUFFIX = ".sqlite"
STAMP = "%Y%m%d-%H%M%S"
MANIFEST_SUFFIX = ".sha256"
#: Enough of the identity to tell apart the databases of one office
#: (one chance in four billion that two share it), short enough to read.
TAG_LENGTH = 8
_NAME = re.compile(r"customscreen-(?:(?P<tag>[0-9a-f]{8})-)?(?P<stamp>\d{8}-\d{6})\.sqlite")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Copy:
    """A backup file found in a folder, read from its name."""

    path: Path
    tag: str | None  # the database it comes from; None for a copy named the older way
    stamp: datetime  # when it was taken, local wall time as in its name

    @property
    def manifest(self) -> Path:
        return manifest_of(self.path)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    version: int
    problems: tuple[str, ...]
    hashed: bool = False  # its SHA-256 was checked against its manifest


def tag_of(database_id: str) -> str:
    return database_id[:TAG_LENGTH]


def copy_name(database_id: str, moment: datetime) -> str:
    return f"{PREFIX}{tag_of(database_id)}-{moment.strftime(STAMP)}{SUFFIX}"


def parse(path: Path) -> Copy | None:
    """The copy named ``path``, or None when the name is not a backup's."""
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    try:
        stamp = datetime.strptime(match["stamp"], STAMP)
    except ValueError:  # 20261399-…: not a date, not ours
        return None
    return Copy(path, match["tag"], stamp)


def copies(folder: Path, tag: str | None = None) -> list[Copy]:
    """The copies in ``folder`` (of the database ``tag`` when given), newest first."""
    try:
        found = [c for p in folder.glob(f"{PREFIX}*{SUFFIX}") if (c := parse(p))]
    except OSError:
        return []
    if tag is not None:
        found = [c for c in found if c.tag == tag]
    return sorted(found, key=lambda c: (c.stamp, c.path.name), reverse=True)


def manifest_of(path: Path) -> Path:
    return path.with_name(path.name + MANIFEST_SUFFIX)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(path: Path) -> Path:
    """Write ``<path>.sha256`` (``sha256sum`` format), synced; returns it. OSError on failure."""
    manifest = manifest_of(path)
    tmp = manifest.with_name(manifest.name + ".part")
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write(f"{sha256_of(path)}  {path.name}\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, manifest)
    return manifest


def hash_problem(path: Path) -> str | None:
    """Why ``path`` does not match its manifest; None when it does. A missing manifest is one."""
    manifest = manifest_of(path)
    try:
        recorded = manifest.read_text(encoding="ascii").split()[0].lower()
    except FileNotFoundError:
        return f"{path}: it has no SHA-256 manifest ({manifest.name}) to check it against"
    except (OSError, ValueError, IndexError):
        return f"{path}: its manifest {manifest.name} is unreadable or damaged"
    try:
        actual = sha256_of(path)
    except OSError as exc:
        return f"{path}: it cannot be read ({exc.strerror})"
    if actual != recorded:
        return (f"{path}: it is damaged: its SHA-256 is not the one recorded in "
                f"{manifest.name} when it was written")
    return None


def verify(path: Path) -> Verdict:
    """Whether ``path`` is a sound copy this program can restore.

    The SHA-256 first when a manifest is there (any changed byte, even a digit
    of an address that SQLite would not notice), then the file itself: an
    SQLite header, a readable schema version, ``PRAGMA integrity_check``.
    """
    hashed = manifest_of(path).exists()
    if hashed and (problem := hash_problem(path)):
        return Verdict(False, 0, (problem,))
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        return Verdict(False, 0, (f"{path}: it cannot be read ({exc.strerror})",))
    if head != SQLITE_HEADER:
        return Verdict(False, 0, (f"{path}: not a database (its first bytes are not "
                                  "SQLite's): damaged, or another kind of file",))
    try:
        version, rows = _walk(path)
    # A damaged file surfaces as any of these: SQLite's errors, text that is
    # not UTF-8 (UnicodeDecodeError is a ValueError), a size that overflows.
    except (sqlite3.Error, ValueError, OverflowError, OSError, MemoryError) as exc:
        return Verdict(False, 0, (f"{path}: it is damaged, not a readable database "
                                  f"({type(exc).__name__}: {exc})",))
    problems = [f"{path}: {row}" for row in rows if row != "ok"][:5]
    if version <= 0:
        problems.append(f"{path}: not a CustomScreen database")
    elif version > SCHEMA_VERSION:
        problems.append(f"{path}: written by a newer CustomScreen (schema {version})")
    return Verdict(not problems, version, tuple(problems), hashed)


def _walk(path: Path) -> tuple[int, list[str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # A flipped bit in a table's name must come out as text, not an exception.
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    return version, rows
