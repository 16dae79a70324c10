"""No empty journal by accident: a mistyped --db is refused, never created and backed up."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from customscreen.storage import backups
from customscreen.storage.store import Store, StoreError
from tests.conftest import CUSTOMSCREEN
from tests.reliability.processes import ENV, run

pytestmark = pytest.mark.timeout(120)

#: Every command that reads or backs up a journal, as a person would type it.
READERS = {
    "backup": ["backup"],
    "restore": ["restore", "{copy}"],
    "check": ["check"],
    "calls": ["calls", "export", "{out}/calls.csv"],
    "contacts search": ["contacts", "search", "dupont"],
    "contacts import": ["contacts", "import", "{out}/c.csv"],
    "contacts export": ["contacts", "export", "{out}/c.csv"],
    "print": ["print", "calllog", "-o", "{out}/log.pdf"],
    "register": ["register", "list"],
    "privacy": ["privacy", "apply", "--months", "24"],
    "listen": ["listen", "demo:?interval=0&ring=0&calls=1", "--json"],
}


@pytest.fixture(scope="module")
def office_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound backup, so that restore has something to restore."""
    folder = tmp_path_factory.mktemp("office")
    store = Store(folder / "office.sqlite")
    copy = backups.backup(store, folder / "usb")
    store.close()
    return copy


@pytest.mark.parametrize("command", READERS, ids=str)
def test_a_missing_journal_is_refused_and_nothing_is_created(
        tmp_path: Path, office_copy: Path, command: str) -> None:
    """The audit: `--db offce.sqlite backup` made an empty journal and backed it up."""
    (tmp_path / "c.csv").write_text("Name,Phone\nDupont,0536490123\n")
    before = sorted(tmp_path.iterdir())
    typo = tmp_path / "offce.sqlite"
    words = [w.format(copy=office_copy, out=tmp_path) for w in READERS[command]]
    done = run(typo, *words)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert f"{typo}: there is no journal here" in done.stderr
    assert ("office init" if command != "restore" else "--new") in done.stderr
    assert sorted(tmp_path.iterdir()) == before  # no journal, no .owner, no backups folder


def test_the_desk_refuses_a_missing_db_given_on_the_command_line(tmp_path: Path) -> None:
    typo = tmp_path / "offce.sqlite"
    done = subprocess.run([*CUSTOMSCREEN, "--db", str(typo)], capture_output=True, text=True,
                          timeout=60, env={**ENV, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2 and "office init" in done.stderr
    assert not typo.exists()


def test_office_init_creates_an_empty_journal_once(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    made = run(db, "office", "init")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"created an empty journal: {db} (schema ")
    assert "0 contacts, 0 calls" in run(db, "check").stdout
    again = run(db, "office", "init")
    assert again.returncode == 2 and "already exists; nothing was created" in again.stderr
    listened = run(db, "listen", "demo:?interval=0&ring=0&calls=2", "--json")
    assert listened.returncode == 0 and listened.stdout.count('"event": "call"') == 2


def test_restore_new_creates_the_journal_from_the_backup(tmp_path: Path,
                                                          office_copy: Path) -> None:
    db = tmp_path / "new-computer" / "office.sqlite"
    db.parent.mkdir()
    done = run(db, "restore", str(office_copy), "--new")
    assert done.returncode == 0, done.stderr
    assert "there was no previous file" in done.stdout
    assert "sound" in run(db, "check").stdout


def test_the_store_opened_not_to_create_refuses_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="there is no journal here"):
        Store(tmp_path / "offce.sqlite", create=False)
    with pytest.raises(StoreError, match="there is no journal here"):
        Store(tmp_path / "offce.sqlite", readonly=True)
    assert list(tmp_path.iterdir()) == []
