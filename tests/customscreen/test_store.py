"""The database file: what it refuses, how it upgrades, how it writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.storage.store import SCHEMA_VERSION, Store, StoreError

V1 = Path(__file__).resolve().parents[1] / "data" / "schema-v1.sqlite"


def test_new_database_is_wal_with_foreign_keys(store: Store) -> None:
    assert store.one("PRAGMA journal_mode")[0] == "wal"
    assert store.one("PRAGMA foreign_keys")[0] == 1
    assert store.version == SCHEMA_VERSION


def test_older_file_is_copied_aside_then_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    store = Store(path)
    assert store.version == SCHEMA_VERSION
    version, aside = store.upgraded_from
    assert version == 1 and aside.exists()
    old = sqlite3.connect(aside)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    # The data written by schema 1 is all there, and the new search finds it.
    caller = contacts.find_caller(store, "+33639981234")
    assert caller is not None and caller.name == "Marie Dupont"
    assert caller.company == "Dupont SARL" and caller.contract == "active"
    assert [h.name for h in contacts.search(store, "chaudi")] == ["Dupont SARL"]
    assert journal.count(store) == 1
    assert store.integrity_errors() == []


def test_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x(a)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer CustomScreen"):
        Store(path)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_file_that_is_not_a_database_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Rappeler M. Dupont lundi\n")
    with pytest.raises(StoreError, match=r"notes\.sqlite: this is not a CustomScreen database"):
        Store(path)
    assert path.read_text() == "Rappeler M. Dupont lundi\n"


def test_read_only_file_gives_a_clear_message(tmp_path: Path, store: Store) -> None:
    store.close()
    ro = Store(store.path, readonly=True)
    with pytest.raises(StoreError, match="read-only"):
        contacts.save(ro, contacts.Contact(name="Dupont"))


def test_failed_write_leaves_nothing_half_written(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO users(name) VALUES ('Claire')"
            )
            raise RuntimeError("power cut in the middle")
    assert store.query("SELECT name FROM users") == []


def test_missing_folder_is_created(tmp_path: Path) -> None:
    store = Store(tmp_path / "a" / "b" / "journal.sqlite")
    assert store.path.exists()
