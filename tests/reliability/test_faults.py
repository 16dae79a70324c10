"""Faults survived: a FRITZ!Box that drops, a PBX that goes silent, a database locked by
another program, a full disk.

A modem unplugged and plugged back in through ``listen --json`` is tested in
tests/telephony/test_modem_listen_cli.py (test_listen_prints_modem_calls_and_survives_an_unplug).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from customscreen.bulletins import Bulletin
from customscreen.calls.switchboard import (
    CallAnnounced,
    CallFinished,
    JournalAlarm,
    LineChanged,
    Switchboard,
)
from customscreen.care.chores import Chores
from customscreen.storage import store as store_module
from customscreen.storage.store import Store
from telephony.events import CallerId, Ended, LineState, Outcome, Presentation, Ring
from telephony.fritzbox import FritzBoxLine
from telephony.simulator import DemoLine
from telephony.sip.agent import SipLine, parse_line_url
from telephony.sip.message import SipRequest, make_response, parse_message
from tests.conftest import wait_until
from tests.reliability.processes import ENV

pytestmark = pytest.mark.timeout(60)


class Seen(list[Bulletin]):
    def lines(self) -> list[LineState]:
        return [n.status.state for n in self if isinstance(n, LineChanged)]

    def calls(self) -> list[CallAnnounced]:
        return [n for n in self if isinstance(n, CallAnnounced)]

    def alarms(self) -> list[JournalAlarm]:
        return [n for n in self if isinstance(n, JournalAlarm)]

    def finished(self) -> int:
        return sum(isinstance(n, CallFinished) for n in self)

    def refusals(self) -> int:
        """Reconnection attempts the line saw refused (nothing listening)."""
        return sum(isinstance(n, LineChanged) and "refused" in n.status.detail for n in self)


def _board(store: Store) -> tuple[Switchboard, Seen]:
    board, seen = Switchboard(store, "FR"), Seen()
    board.add_observer(seen.append)
    return board, seen


def _journaled_numbers(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT raw_number FROM calls ORDER BY id")]


# -- the FRITZ!Box reboots --------------------------------------------------------------


def test_calls_after_the_fritzbox_comes_back_are_journaled(store: Store) -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def box() -> None:
        nonlocal server
        for done, number in enumerate(("0536490123", "0639981234"), start=1):
            conn, _ = server.accept()
            conn.sendall(f"23.11.26 10:21:37;RING;0;{number};0561000000;SIP0;\r\n"
                         "23.11.26 10:21:40;DISCONNECT;0;0;\r\n".encode())
            wait_until(lambda done=done: seen.finished() == done, message=f"call {done} to end")
            if done == 2:
                conn.close()
                return
            refused = seen.refusals()
            server.close()  # the box reboots: nothing listens for a while
            conn.close()
            wait_until(lambda refused=refused: seen.refusals() > refused,
                       message="the line to find the box down")
            server = socket.create_server(("127.0.0.1", port))

    threading.Thread(target=box, daemon=True).start()
    board, seen = _board(store)
    board.attach(FritzBoxLine(f"fritzbox://127.0.0.1:{port}", "127.0.0.1", port,
                              reconnect_first=0.05, reconnect_max=0.2))
    try:
        wait_until(lambda: len(_journaled_numbers(store)) == 2 and seen.finished() == 2,
                   message="the call after the reboot")
    finally:
        board.stop()
        server.close()
    assert _journaled_numbers(store) == ["0536490123", "0639981234"]
    states = seen.lines()
    up_again = states.index(LineState.UP, states.index(LineState.RECONNECTING))
    assert up_again > 0 and not seen.alarms()


# -- the PBX stops answering, then answers again ------------------------------------------


class Registrar:
    """A registrar on loopback that grants one-second bindings, and can go silent."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.answering = True
        self.registers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(65535)
            except OSError:
                continue
            request = parse_message(data)
            if not isinstance(request, SipRequest) or request.method != "REGISTER":
                continue
            self.registers += 1
            if self.answering:
                contact = request.headers.get("Contact") or ""
                ok = make_response(request, 200, to_tag="r", extra=[("Contact",
                                                                    f"{contact};expires=1")])
                self.sock.sendto(ok.to_bytes(), peer)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def test_line_goes_reconnecting_when_the_pbx_is_down_and_up_when_it_is_back(
        store: Store) -> None:
    pbx = Registrar()
    url = f"sip://201:s3cret@127.0.0.1:{pbx.port}?bind=127.0.0.1:0"
    line = SipLine(url, parse_line_url(url), retry_first=0.2, retry_max=0.4)
    board, seen = _board(store)
    board.attach(line)
    try:
        # Timer F is 32 s on a real line; one second keeps this test short.
        assert line.registration is not None
        line.registration.timeout = 1.0
        wait_until(lambda: LineState.UP in seen.lines(), message="registration")
        pbx.answering = False
        wait_until(lambda: LineState.RECONNECTING in seen.lines(), message="the PBX to be missed")
        pbx.answering = True
        wait_until(lambda: seen.lines()[-1] is LineState.UP, message="registration again")
    finally:
        board.stop()
        pbx.close()
    states = seen.lines()
    assert states[:2] == [LineState.UP, LineState.RECONNECTING] and states[-1] is LineState.UP
    (down,) = [n for n in seen if isinstance(n, LineChanged)
               and n.status.state is LineState.RECONNECTING][:1]
    assert "PBX not answering" in down.status.detail


# -- another program locks the database -----------------------------------------------------


def _hold_exclusive(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, time
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        print("held", flush=True)
        time.sleep({seconds})
        conn.execute("COMMIT")
    """)], stdout=subprocess.PIPE, text=True, env=ENV)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def _ring(board: Switchboard, line: DemoLine, key: str, number: str) -> None:
    now = datetime.now().astimezone()
    board.receive(line, Ring(key, now))
    board.receive(line, CallerId(key, now, number, None, Presentation.AVAILABLE))
    board.receive(line, Ended(key, now, Outcome.MISSED, 0))


def test_a_lock_shorter_than_the_busy_timeout_only_delays_the_journal(store: Store) -> None:
    board, seen = _board(store)
    line = DemoLine("demo:")
    holder = _hold_exclusive(store.path, 3)
    started = time.monotonic()
    _ring(board, line, "k1", "0536490123")
    waited = time.monotonic() - started
    holder.wait()
    assert 1.5 < waited < store_module.BUSY_TIMEOUT_S
    assert not seen.alarms() and seen.calls()[0].call.id == 1
    assert _journaled_numbers(store) == ["0536490123"]


def test_a_lock_longer_than_the_busy_timeout_raises_the_alarm_and_loses_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.3)
    store = Store(tmp_path / "j.sqlite")
    board, seen = _board(store)
    line = DemoLine("demo:")
    holder = _hold_exclusive(store.path, 3)
    for n in range(3):
        _ring(board, line, f"k{n}", f"053649012{n}")
    assert seen.alarms() and "locked by another program" in seen.alarms()[0].message
    assert board.pending_writes == 6  # three calls, each opened and ended
    assert [c.call.id for c in seen.calls()] == [None, None, None]
    holder.wait()
    told: list[Bulletin] = []
    Chores(store, board=board, on_report=told.append).run_once()
    assert board.pending_writes == 0
    assert "6 waiting entries saved" in told[0].text
    assert _journaled_numbers(store) == ["0536490120", "0536490121", "0536490122"]
    assert store.query("SELECT count(*) FROM calls WHERE outcome = 'missed'")[0][0] == 3
    store.close()


# -- the disk is full -----------------------------------------------------------------------


class SmallDisk:
    """An 8 MiB tmpfs that can be filled and freed. Needs root (CI and `make test` run as root);
    elsewhere the test says so and uses a store that reports the disk full."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()
        try:
            mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs",
                                      str(folder)], capture_output=True, text=True)
        except FileNotFoundError:
            self.real, self.reason = False, "no mount command"
        else:
            self.real = mounted.returncode == 0
            self.reason = mounted.stderr.strip()
        self.full = False
        self._filler = folder / "filler"

    def fill(self) -> None:
        self.full = True
        if not self.real:
            return
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            return  # ENOSPC: the disk is full
        finally:
            os.close(fd)

    def free(self) -> None:
        self.full = False
        self._filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        if self.real:
            subprocess.run(["umount", str(self.folder)], check=True)


def _simulate_full_disk(store: Store, disk: SmallDisk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fallback without mount rights: SQLite's own error, raised inside the transaction."""
    import sqlite3
    from contextlib import contextmanager

    real = store.transaction

    @contextmanager
    def transaction():  # type: ignore[no-untyped-def]
        with real() as conn:
            if disk.full:
                raise sqlite3.OperationalError("database or disk is full")
            yield conn

    monkeypatch.setattr(store, "transaction", transaction)


def test_a_full_disk_raises_the_alarm_keeps_calls_in_memory_and_writes_them_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    disk = SmallDisk(tmp_path / "small")
    if not disk.real:
        with capsys.disabled():
            print(f"\n[disk full] tmpfs mount refused ({disk.reason}); simulating SQLITE_FULL")
    store = Store(disk.folder / "journal.sqlite")
    try:
        if not disk.real:
            _simulate_full_disk(store, disk, monkeypatch)
        board, seen = _board(store)
        line = DemoLine("demo:")
        _ring(board, line, "before", "0536490100")
        disk.fill()
        for n in range(40):
            _ring(board, line, f"full-{n}", f"05364902{n:02d}")
        assert seen.alarms(), "a full disk must be said, not swallowed"
        assert "the disk is full" in seen.alarms()[-1].message
        assert board.pending_writes > 0
        assert len(seen.calls()) == 41  # the desk still saw every caller
        disk.free()
        _ring(board, line, "after", "0536490300")  # the next call writes what waited
        assert board.pending_writes == 0, seen.alarms()[-1]
        numbers = _journaled_numbers(store)
        assert numbers == ["0536490100", *[f"05364902{n:02d}" for n in range(40)], "0536490300"]
        assert store.integrity_errors() == []
    finally:
        store.close()
        disk.unmount()
