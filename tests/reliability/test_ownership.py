"""One owner per line: two programs never journal the same calls or read one modem."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from customscreen.storage import ownership
from customscreen.storage.store import StoreError
from telephony.modem.fake import FakeModem
from tests.conftest import new_journal
from tests.reliability.processes import ENV, Listening, run

pytestmark = pytest.mark.timeout(60)


def _first_call(listener: Listening) -> dict:
    while True:
        record = listener.next()
        if record["event"] == "call":
            return record


def test_second_listen_on_the_same_journal_names_the_first_and_exits(tmp_path: Path) -> None:
    db = new_journal(tmp_path / "journal.sqlite")
    first = Listening(db, "demo:?interval=0.2&ring=0&calls=0")
    try:
        _first_call(first)
        second = run(db, "listen", "demo:?interval=0&ring=0&calls=5", "--json", timeout=30)
        assert second.returncode == 2
        assert second.stdout == ""  # it journaled and printed nothing
        assert f"is already used by process {first.process.pid}" in second.stderr
        assert "customscreen --db" in second.stderr and "listen demo:" in second.stderr
        assert "on this computer" in second.stderr
        assert "open the desk read-only or stop that process" in second.stderr
    finally:
        first.kill()
    # kill -9 leaves no stale lock: the next listen takes over at once.
    third = run(db, "listen", "demo:?interval=0&ring=0&calls=2", "--json", timeout=30)
    assert third.returncode == 0, third.stderr
    assert third.stdout.count('"event": "call"') == 2


def test_desk_gets_held_while_listen_runs_and_a_claim_once_it_is_gone(tmp_path: Path) -> None:
    db = new_journal(tmp_path / "journal.sqlite")
    first = Listening(db, "demo:?interval=0.2&ring=0&calls=0")
    try:
        _first_call(first)
        held = ownership.claim(db)
        assert isinstance(held, ownership.Held)
        assert held.pid == first.process.pid and held.here
        assert ownership.holder(db) == held
        restore = run(db, "restore", str(db))
        assert restore.returncode == 2 and "nothing was restored" in restore.stderr
    finally:
        first.kill()
    mine = ownership.claim(db)
    assert isinstance(mine, ownership.Claim)
    with mine:
        assert isinstance(ownership.claim(db), ownership.Held)  # one owner even in-process
    assert ownership.holder(db) is None


def test_two_programs_never_read_one_modem(tmp_path: Path) -> None:
    with FakeModem(chipset="conexant") as modem:
        url = f"modem:{modem.device}"
        first = Listening(new_journal(tmp_path / "a.sqlite"), url)
        try:
            while not (record := first.next())["event"] == "line" or record["state"] != "up":
                continue
            second = run(new_journal(tmp_path / "b.sqlite"), "listen", url, "--json",
                         timeout=30)
        finally:
            first.kill()
    assert second.returncode == 2
    assert f"cannot open {url}: the modem {modem.device} is already used by process " \
           f"{first.process.pid}" in second.stderr


def test_lock_is_released_by_the_system_when_the_holder_dies(tmp_path: Path) -> None:
    db = new_journal(tmp_path / "journal.sqlite")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from customscreen.storage import ownership
        claim = ownership.claim(__import__('pathlib').Path({str(db)!r}))
        print(type(claim).__name__, flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "Claim"
        held = ownership.claim(db)
        assert isinstance(held, ownership.Held) and held.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    assert isinstance(ownership.claim(db), ownership.Claim)


def _calls_and_ends(listener: Listening, calls: int) -> list[dict]:
    seen: list[dict] = []
    while sum(r["event"] == "call" for r in seen) < calls:
        seen.append(listener.next())
    return seen


@pytest.mark.parametrize("tamper", ["delete", "replace"])
def test_the_owner_file_deleted_or_replaced_lets_no_second_owner_in(
        tmp_path: Path, tamper: str) -> None:
    """The audit: after `rm office.sqlite.owner` a second listen journaled into the
    same file, and a restore ran under the first, which then reused call ids."""
    db = new_journal(tmp_path / "office.sqlite")
    backup = run(db, "backup")
    assert backup.returncode == 0, backup.stderr
    (copy,) = (tmp_path / "backups").glob("customscreen-*.sqlite")
    first = Listening(db, "demo:?interval=0.05&ring=0&calls=0")
    try:
        seen = _calls_and_ends(first, 3)
        owner = ownership.owner_file(db)
        if tamper == "delete":
            owner.unlink()
        else:
            owner.write_text('{"pid": 1, "host": "elsewhere", "cmdline": "nothing"}')
        second = run(db, "listen", "demo:?interval=0&ring=0&calls=5", "--json", timeout=30)
        assert second.returncode == 2 and second.stdout == ""
        assert "is already used by" in second.stderr
        restore = run(db, "restore", str(copy))
        assert restore.returncode == 2, restore.stdout
        assert "nothing was restored" in restore.stderr
        link = tmp_path / "link.sqlite"
        link.symlink_to(db)
        through_link = run(link, "restore", str(copy))
        assert through_link.returncode == 2 and "nothing was restored" in through_link.stderr
        seen += _calls_and_ends(first, 3)
    finally:
        first.kill()
    ids = [r["id"] for r in seen if r["event"] == "call"]
    assert len(ids) == len(set(ids)) == 6  # no call id given twice
    ended = {r["id"] for r in seen if r["event"] == "end"}
    assert ended <= set(ids)  # no end for a call that is in no row
    conn = sqlite3.connect(db)
    rows = {str(r[0]) for r in conn.execute("SELECT id FROM calls")}
    conn.close()
    assert set(ids) <= rows


def test_a_lock_taken_through_a_symlink_is_the_same_lock(tmp_path: Path) -> None:
    db = new_journal(tmp_path / "office.sqlite")
    link = tmp_path / "shortcut.sqlite"
    link.symlink_to(db)
    mine = ownership.claim(link)
    assert isinstance(mine, ownership.Claim)
    with mine:
        assert isinstance(ownership.claim(db), ownership.Held)
        assert ownership.owner_file(link) == ownership.owner_file(db)


def test_a_lock_needs_a_journal_and_never_creates_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="office init"):
        ownership.claim(tmp_path / "offce.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_an_owner_file_with_a_password_in_clear_is_shown_masked(tmp_path: Path) -> None:
    """An older version, still running, wrote its command line unmasked."""
    db = new_journal(tmp_path / "office.sqlite")
    mine = ownership.claim(db)
    assert isinstance(mine, ownership.Claim)
    with mine:
        ownership.owner_file(db).write_text(json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(),
            "cmdline": "customscreen listen sip://201:Zq7s3cret@pbx.local"}))
        held = ownership.holder(db)
    assert held is not None
    assert "sip://201:***@pbx.local" in held.explain()
    assert "Zq7s3cret" not in held.explain()
