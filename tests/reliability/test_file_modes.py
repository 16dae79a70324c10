"""Every file that holds callers' names and numbers is readable by its owner only.

The audit found the journal, its backups and exports created 0644 on a shared
computer. The library is tested under the usual umask 022 (each file must be
private by itself); the commands as a user runs them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.contacts import Contact, Phone
from customscreen.contacts import files as contacts_io
from customscreen.storage import backups, restoring
from customscreen.storage.store import Store
from tests.reliability.processes import run


@pytest.fixture
def usual_umask() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def _shared(*paths: Path) -> list[str]:
    """The paths that someone other than their owner could read or enter."""
    return [f"{p.name} {stat.filemode(p.stat().st_mode)}" for p in paths
            if p.stat().st_mode & 0o077]


def _journal(db: Path) -> Store:
    store = Store(db)
    contacts.save(store, Contact(name="Jeanne Dupont", phones=[Phone("+33536490123")]))
    return store


def test_a_new_journal_its_wal_and_shm_and_its_folder_are_private(
        tmp_path: Path, usual_umask: None) -> None:
    db = tmp_path / "office" / "journal.sqlite"
    store = _journal(db)
    wal, shm = db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")
    assert wal.exists() and shm.exists()
    assert _shared(db.parent, db, wal, shm) == []
    store.close()


def test_backups_restores_and_exports_are_private(tmp_path: Path, usual_umask: None) -> None:
    store = _journal(tmp_path / "journal.sqlite")
    copy = backups.backup(store, tmp_path / "backups")
    calls_csv, people_csv, people_vcf = (tmp_path / n for n in ("c.csv", "p.csv", "p.vcf"))
    journal.export_csv(store, calls_csv)
    contacts_io.export_file(store, people_csv)
    contacts_io.export_file(store, people_vcf)
    store.close()
    elsewhere = restoring.restore(tmp_path / "elsewhere.sqlite", copy, new=True)
    over = restoring.restore(tmp_path / "journal.sqlite", copy)
    assert over.previous is not None
    assert _shared(copy.parent, copy, calls_csv, people_csv, people_vcf, elsewhere.live,
                   over.live, over.previous) == []


def test_the_commands_write_private_files(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    _journal(db).close()
    outputs = {
        "backup": (["backup", "--to", str(tmp_path / "b")], None),
        "calls": (["calls", "export", str(tmp_path / "calls.csv")], tmp_path / "calls.csv"),
        "vcard": (["contacts", "export", str(tmp_path / "all.vcf")], tmp_path / "all.vcf"),
        "privacy": (["privacy", "export", "--contact", "1", "-o", str(tmp_path / "p.json")],
                    tmp_path / "p.json"),
        "card": (["print", "card", "--contact", "1", "-o", str(tmp_path / "card.pdf")],
                 tmp_path / "card.pdf"),
    }
    for name, (args, _) in outputs.items():
        done = run(db, *args)
        assert done.returncode == 0, (name, done.stderr)
    written = [out for _, out in outputs.values() if out is not None]
    written += [tmp_path / "b", *(tmp_path / "b").iterdir()]
    assert _shared(*written) == []
