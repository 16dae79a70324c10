"""One owner per line: two programs never journal the same calls or read one modem."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from customscreen.storage import ownership
from telephony.modem.fake import FakeModem
from tests.reliability.processes import ENV, Listening, run

pytestmark = pytest.mark.timeout(60)


def _first_call(listener: Listening) -> dict:
    while True:
        record = listener.next()
        if record["event"] == "call":
            return record


def test_second_listen_on_the_same_journal_names_the_first_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
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
    db = tmp_path / "journal.sqlite"
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
        first = Listening(tmp_path / "a.sqlite", url)
        try:
            while not (record := first.next())["event"] == "line" or record["state"] != "up":
                continue
            second = run(tmp_path / "b.sqlite", "listen", url, "--json", timeout=30)
        finally:
            first.kill()
    assert second.returncode == 2
    assert f"cannot open {url}: the modem {modem.device} is already used by process " \
           f"{first.process.pid}" in second.stderr


def test_lock_is_released_by_the_system_when_the_holder_dies(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
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
