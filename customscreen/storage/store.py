"""The call journal's file: one SQLite database, WAL, versioned migrations.

Everything the business knows lives in one file that a secretary can copy to a
USB key. Opening it checks what it is before writing anything: a file from a
newer CustomScreen is refused untouched, an older one is copied aside and then
upgraded in place. Every write goes through ``Store.transaction()``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from customscreen.storage.paths import private_file, private_folder
from customscreen.storage.schema import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)

Rebuild = Callable[[sqlite3.Connection], None]
R = TypeVar("R")
#: Who rebuilds each derived table a migration marked stale (``schema.py``).
_REBUILDERS: dict[str, Rebuild] = {}


def register_rebuild(table: str, rebuild: Rebuild) -> None:
    """Let ``rebuild`` refill ``table`` whenever a migration marks it stale.

    The room that owns a derived table registers when it is imported; a stale
    mark stays in the file until a program that knows the table opens it.
    """
    _REBUILDERS[table] = rebuild

# How long a write waits for another program (a backup tool, a second desk
# reading the file) to release its lock before we report the file as busy.
# Thirty seconds covers an antivirus scan or a network share hiccup.
BUSY_TIMEOUT_S = 30.0

SQLITE_HEADER = b"SQLite format 3\x00"

#: The internal setting that names a database for ever (``settings.DATABASE_ID``):
#: its backups carry it in their names, so rotation only touches its own copies.
DATABASE_ID_KEY = "database.id"


class StoreError(Exception):
    """The database file cannot be used; the message names the file and says why."""


def require_journal(path: Path) -> Path:
    """``path`` when a journal is there; else StoreError saying how to create one.

    Only the first run, ``demo`` and ``office init`` create a journal: a
    mistyped ``--db`` must not become an empty journal that is then backed up
    and rotated beside the real one.
    """
    if not Path(path).exists():
        raise StoreError(
            f"{path}: there is no journal here (a mistyped --db?); to start a new one, "
            f"run `customscreen --db {path} office init`"
        )
    return Path(path)


def _explain(path: Path, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        why = "it is locked by another program; close it or try again in a moment"
    elif "readonly" in text or "read-only" in text:
        why = "it is read-only; check the file's permissions or choose another --db"
    elif "disk is full" in text or "full" in text:
        why = "the disk is full; free some space and try again"
    elif "not a database" in text or "malformed" in text:
        why = "it is not a CustomScreen database (or it is damaged); restore a backup"
    elif "unable to open" in text:
        why = "it cannot be opened; check that the folder exists and is writable"
    else:
        why = text
    return f"{path}: {why}"


def _damaged(path: Path) -> str:
    return f"{path}: it is damaged (text that is not UTF-8); restore a backup"


class Store:
    """An open CustomScreen database.

    One connection, shared by the threads of one process behind a lock: calls
    arrive from source threads, the desk reads from the UI thread.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False,
                 create: bool = True) -> None:
        """Open ``path``; ``create=False`` refuses a path with no journal (``require_journal``)."""
        self.path = Path(path)
        self.readonly = readonly
        self.lock = threading.RLock()
        self._depth = 0
        if readonly or not create:
            require_journal(self.path)
        if readonly:
            self._check_is_sqlite()
            self.conn = self._connect(f"file:{self.path}?mode=ro", uri=True)
            self._refuse_newer(self._user_version())
        else:
            self.conn = self._open_for_writing()
        self.db = sqlite_utils.Database(self.conn)

    # -- opening -----------------------------------------------------------------

    def _connect(self, target: str, uri: bool = False) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                target,
                uri=uri,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,  # we open transactions ourselves
                check_same_thread=False,
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from None
        return conn

    def _check_is_sqlite(self) -> None:
        try:
            with open(self.path, "rb") as f:
                head = f.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot be read ({exc.strerror})") from None
        if head and head != SQLITE_HEADER:
            raise StoreError(
                f"{self.path}: this is not a CustomScreen database (not an SQLite file); "
                "choose another --db or restore a backup"
            )

    def _user_version(self) -> int:
        try:
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from None

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: this database was written by a newer CustomScreen "
                f"(schema {version}; this program knows up to {SCHEMA_VERSION}). "
                "Install the newer version; the file was left untouched."
            )

    def _open_for_writing(self) -> sqlite3.Connection:
        existed = self.path.exists() and self.path.stat().st_size > 0
        if existed:
            self._check_is_sqlite()
        else:
            try:
                private_folder(self.path.parent)
                # SQLite gives the -wal and -shm files the database file's mode:
                # created private before SQLite opens it, all three are.
                private_file(self.path)
            except OSError as exc:
                raise StoreError(
                    f"{self.path}: cannot create it or its folder ({exc.strerror})"
                ) from None
        self.conn = self._connect(str(self.path))
        version = self._user_version()
        self._refuse_newer(version)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            # FULL in WAL mode: COMMIT returns only once the WAL is synced to
            # the disk, so an announced call survives a power cut as well as a
            # kill. NORMAL syncs only at checkpoints and can lose the last
            # calls to a power cut. The cost is one fsync per write, well under
            # a millisecond on an SSD (README, Performance: journal throughput).
            self.conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            self.conn.close()
            raise StoreError(_explain(self.path, exc)) from None
        if version < SCHEMA_VERSION:
            if existed and version > 0:
                self._copy_aside(version)
            self._migrate(version)
        self._rebuild_derived()
        self._name_it()
        return self.conn

    def _name_it(self) -> None:
        """Give the database its identity the first time a writable open finds none."""
        if self.setting(DATABASE_ID_KEY):
            return  # every later open: nothing written
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                "SET value = excluded.value WHERE settings.value = ''",
                (DATABASE_ID_KEY, uuid.uuid4().hex),
            )

    def _rebuild_derived(self) -> None:
        try:
            stale = [r[0] for r in self.conn.execute("SELECT name FROM derived_rebuilds")]
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from None
        for name in stale:
            rebuild = _REBUILDERS.get(name)
            if rebuild is None:
                continue
            with self.transaction() as conn:
                rebuild(conn)
                conn.execute("DELETE FROM derived_rebuilds WHERE name = ?", (name,))

    def _copy_aside(self, version: int) -> Path:
        """Keep the file as it was before an upgrade, next to it."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.schema{version}-{stamp}.bak")
        try:
            dest = sqlite3.connect(private_file(aside))
            with dest:
                self.conn.backup(dest)
            dest.close()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"{self.path}: cannot keep a copy before upgrading it ({exc}); "
                "nothing was changed"
            ) from None
        self.upgraded_from = (version, aside)
        return aside

    def _migrate(self, version: int) -> None:
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                with self.transaction():
                    migration(self.conn)
                    self.conn.execute(f"PRAGMA user_version = {number:d}")
            except sqlite3.Error as exc:
                raise StoreError(
                    f"{self.path}: upgrade to schema {number} failed ({exc}); "
                    "the file is unchanged"
                ) from None

    # -- use -----------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._user_version()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. Nested uses join the outer transaction."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(_explain(self.path, exc)) from None
            self._depth = 1
            try:
                yield self.conn
            except sqlite3.OperationalError as exc:
                # Disk full, read-only, locked too long: say so about the file.
                self._depth = 0
                self._rollback()
                raise StoreError(_explain(self.path, exc)) from None
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(_explain(self.path, exc)) from None

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                # SQLite may already have rolled back (a full disk does that);
                # nothing was written either way.
                return

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self._read(sql, params, sqlite3.Cursor.fetchall)

    def one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Row | None:
        return self._read(sql, params, sqlite3.Cursor.fetchone)

    def _read(self, sql: str, params: tuple[Any, ...] | dict[str, Any],
              fetch: Callable[[sqlite3.Cursor], R]) -> R:
        with self.lock:
            try:
                return fetch(self.conn.execute(sql, params))
            except sqlite3.DatabaseError as exc:  # locked, full, or a damaged file
                raise StoreError(_explain(self.path, exc)) from None
            except UnicodeDecodeError:  # a flipped bit in a page of text
                raise StoreError(_damaged(self.path)) from None

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.one("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else row["value"]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def integrity_errors(self) -> list[str]:
        """What ``PRAGMA integrity_check`` and foreign keys report; empty when sound."""
        rows = [r[0] for r in self.query("PRAGMA integrity_check")]
        problems = [r for r in rows if r != "ok"]
        for row in self.query("PRAGMA foreign_key_check"):
            problems.append(f"row {row[1]} of {row[0]} points to a missing {row[2]}")
        return problems

    def backup_to(self, target: Path) -> None:
        """An online copy through SQLite's backup API, safe while calls arrive."""
        tmp = target.with_name(target.name + ".part")
        try:
            dest = sqlite3.connect(private_file(tmp))
            with self.lock:
                self.conn.backup(dest)
            # The copy inherits WAL from the page it copied; a backup must be
            # one self-contained file, not three that a USB copy may split.
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.close()
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{target}: backup failed ({exc})") from None

    def close(self) -> None:
        with self.lock:
            self.conn.close()
