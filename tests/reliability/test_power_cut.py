"""An announced call survives a power cut: the journal is synced before it is told.

A kill is covered by test_crash_safety (the WAL is written before COMMIT
returns). A power cut also loses what the operating system had not yet written
to the disk, so the proof here is the system calls themselves: strace shows
the journal's WAL synced (``fdatasync``/``fsync``) before each line that
``listen --json`` prints, and after the one before it.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
from pathlib import Path

from tests.conftest import CUSTOMSCREEN, new_journal
from tests.reliability.processes import ENV

CALLS = 6
# One strace line: "<pid> <syscall>(<fd><<path>>, …) = <result>", with -y. With
# several threads a call may be split: "… <unfinished ...>", then, once another
# thread's call was printed, "<pid> <... fdatasync resumed>) = 0".
SYSCALL = re.compile(r"^(?P<pid>\d+)\s+(?P<name>\w+)\((?P<fd>\d+)<(?P<path>[^>]*)>(?P<rest>.*)$")
RESUMED = re.compile(r"^(?P<pid>\d+)\s+<\.\.\. (?P<name>\w+) resumed>(?P<rest>.*)$")
SYNCS = ("fsync", "fdatasync")


def traced_listen(db: Path, log: Path) -> list[dict]:
    """Run ``listen --json`` on the demo line under strace until CALLS calls ended."""
    process = subprocess.Popen(
        ["strace", "-f", "-y", "-s", "4096", "-e", "trace=fsync,fdatasync,write", "-o", str(log),
         *CUSTOMSCREEN, "--db", str(db), "listen",
         f"demo:?interval=0.05&ring=0.05&calls={CALLS}", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
        start_new_session=True,
    )
    printed: list[dict] = []
    assert process.stdout is not None
    try:
        for line in process.stdout:
            printed.append(json.loads(line))
            if sum(1 for r in printed if r["event"] == "end") == CALLS:
                break
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    return printed


def test_every_announced_call_is_synced_to_disk_before_it_is_printed(tmp_path: Path) -> None:
    db = new_journal(tmp_path / "journal.sqlite")
    log = tmp_path / "strace.log"
    printed = traced_listen(db, log)
    assert sum(1 for r in printed if r["event"] == "call") == CALLS, printed

    wal = f"{db}-wal"
    synced_since_last_print = False
    announcements = 0
    syncing: set[str] = set()  # threads whose sync of the WAL has begun, not returned
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        resumed = RESUMED.match(line)
        if resumed is not None:
            if resumed["name"] in SYNCS and resumed["pid"] in syncing:
                syncing.discard(resumed["pid"])
                assert resumed["rest"].endswith("= 0"), line
                synced_since_last_print = True
            continue
        match = SYSCALL.match(line)
        if match is None:
            continue
        if match["name"] in SYNCS and match["path"] == wal:
            if match["rest"].endswith("<unfinished ...>"):
                syncing.add(match["pid"])  # synced only once it returns
                continue
            assert match["rest"].endswith("= 0"), line
            synced_since_last_print = True
        elif match["name"] == "write" and match["fd"] == "1" and '\\"event\\"' in match["rest"]:
            assert synced_since_last_print, f"printed before the journal was synced: {line}"
            synced_since_last_print = False
            announcements += 1
    # Every line printed went through the checks above: none escaped the trace.
    assert announcements == len(printed)

    conn = sqlite3.connect(db)
    journaled = {str(row[0]) for row in conn.execute("SELECT id FROM calls")}
    conn.close()
    assert {str(r["id"]) for r in printed if r["event"] == "call"} <= journaled


def test_the_store_syncs_every_commit(tmp_path: Path) -> None:
    from customscreen.storage.store import Store

    store = Store(tmp_path / "journal.sqlite")
    try:
        # 2 is FULL: the WAL is synced at every COMMIT, not only at checkpoints.
        assert store.one("PRAGMA synchronous")[0] == 2
        assert store.one("PRAGMA journal_mode")[0] == "wal"
    finally:
        store.close()
