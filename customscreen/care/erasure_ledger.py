"""The erasure ledger: a file beside the database that outlives a restore.

Restoring a backup replaces the database, and with it the ``erasures`` table
that says who was erased since. The ledger (``<database>.erasures``) is not
replaced: one JSON object per line, appended and synced before the erasure
commits, readable by the owner only. It holds what the table holds — who,
when, and the erased name and numbers as salted SHA-256, never in clear — so
that a restored copy can be told which erasures it lacks
(``erasure.reapply_erasures``).

The salt is the database's own (the first erasure draws it; every later one
reuses it from the table or the ledger), so a number is hashed once when a
restored copy is compared with every erasure. It keeps the identifiers from
being read off the file or matched against another file's; it does not make a
phone number, one of a billion, impossible to guess by brute force, which is
why the ledger is as private as the database itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from customscreen.care.mentions import folded_name
from customscreen.storage.paths import private_file
from customscreen.storage.store import StoreError

SUFFIX = ".erasures"


@dataclass(frozen=True)
class ErasureRecord:
    id: str
    erased_at: str
    erased_by: str
    contact_id: int | None
    kind: str
    salt: str
    name_sha256: str
    numbers_sha256: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "numbers_sha256": list(self.numbers_sha256)},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> ErasureRecord:
        data = json.loads(line)
        return cls(str(data["id"]), str(data["erased_at"]), str(data.get("erased_by", "")),
                   data.get("contact_id"), str(data.get("kind", "person")), str(data["salt"]),
                   str(data["name_sha256"]), tuple(str(h) for h in data["numbers_sha256"]))


def ledger_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def hash_name(name: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:name:{folded_name(name)}".encode()).hexdigest()


def hash_number(e164: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:number:{e164}".encode()).hexdigest()


def new_id() -> str:
    return secrets.token_hex(16)


def salt_for(conn: sqlite3.Connection, ledger: Path) -> str:
    """The database's salt: the one already used here, else a new one."""
    row = conn.execute("SELECT salt FROM erasures ORDER BY erased_at DESC LIMIT 1").fetchone()
    if row:
        return str(row[0])
    try:
        known = read(ledger)
    except StoreError as exc:
        raise StoreError(f"{exc}; nothing was erased") from None
    return known[-1].salt if known else secrets.token_hex(16)


def append(ledger: Path, record: ErasureRecord) -> None:
    """Add one line and sync it (and, the first time, the folder that now holds it)."""
    try:
        _append(ledger, record)
    except OSError as exc:
        raise StoreError(f"{ledger}: the erasure ledger cannot be written "
                         f"({exc.strerror or exc}); nothing was erased") from None


def _append(ledger: Path, record: ErasureRecord) -> None:
    created = not ledger.exists()
    private_file(ledger)
    fd = os.open(ledger, os.O_WRONLY | os.O_APPEND)
    try:
        os.write(fd, (record.to_json() + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if created and os.name == "posix":
        folder = os.open(ledger.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def read(ledger: Path) -> list[ErasureRecord]:
    """Every erasure the ledger holds, oldest first.

    A line cut short by a crash while it was appended is skipped: its erasure
    never committed either (the ledger is written first).
    """
    try:
        text = ledger.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{ledger}: the erasure ledger cannot be read "
                         f"({getattr(exc, 'strerror', None) or exc})") from None
    records = []
    for line in text.splitlines():
        try:
            records.append(ErasureRecord.from_json(line))
        except (ValueError, KeyError, TypeError):
            continue
    return records


def record_in(conn: sqlite3.Connection, record: ErasureRecord, applied_at: str) -> None:
    """Note in the database that it has had this erasure."""
    conn.execute(
        "INSERT INTO erasures(id, erased_at, erased_by, applied_at, contact_id, kind, salt, "
        "name_sha256, numbers_sha256) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
        (record.id, record.erased_at, record.erased_by, applied_at, record.contact_id,
         record.kind, record.salt, record.name_sha256, " ".join(record.numbers_sha256)),
    )


def missing_from(conn: sqlite3.Connection, ledger: Path) -> list[ErasureRecord]:
    """The ledger's erasures this database has not had (a backup made before them)."""
    had = {r[0] for r in conn.execute("SELECT id FROM erasures")}
    try:
        known = read(ledger)
    except StoreError as exc:
        raise StoreError(f"{exc}; the erasures it records were not re-applied") from None
    return [r for r in known if r.id not in had]
