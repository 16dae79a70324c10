"""A call that ``listen --json`` printed is on disk, even when the process is killed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import new_journal
from tests.reliability.processes import Listening, run

KILL_AFTER_CALLS = 300


def test_every_printed_call_survives_kill_9_in_the_middle_of_a_burst(tmp_path: Path) -> None:
    db = new_journal(tmp_path / "journal.sqlite")
    listener = Listening(db, "demo:?interval=0&ring=0&calls=100000")
    printed: set[int] = set()
    try:
        while len(printed) < KILL_AFTER_CALLS:
            record = listener.next()
            if record["event"] == "call":
                assert record["id"] is not None, record  # no alarm: the disk is fine
                printed.add(int(record["id"]))
    finally:
        listener.kill()  # SIGKILL: no handler, no flush, no clean close
    assert listener.process.returncode == -9, "the burst ended before we could kill it"

    check = run(db, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "sound" in check.stdout
    conn = sqlite3.connect(db)
    journaled = {row[0] for row in conn.execute("SELECT id FROM calls")}
    conn.close()
    assert printed <= journaled
    assert len(journaled) >= KILL_AFTER_CALLS
