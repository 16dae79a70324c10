"""``customscreen listen modem:... --json`` end to end against a pseudo-terminal modem."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from telephony.modem.fake import FakeModem
from tests.conftest import new_journal

pytestmark = [pytest.mark.slow, pytest.mark.timeout(60)]
# Generous: the command imports the store and opens the database first.
WAIT_S = 15.0

Record = dict[str, Any]


class Listener:
    """The ``listen --json`` process and the JSON lines it printed."""

    def __init__(self, db: Path, url: str) -> None:
        command = [sys.executable, "-m", "app", "--db", str(db), "--region", "US"]
        self.process = subprocess.Popen(
            [*command, "listen", url, "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.seen: list[Record] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def wait_for(self, wanted: Callable[[Record], bool]) -> Record:
        while True:
            try:
                line = self._lines.get(timeout=WAIT_S)
            except queue.Empty:
                raise AssertionError(f"not printed in {WAIT_S} s; saw {self.seen}") from None
            if line is None:
                stderr = self.process.stderr.read() if self.process.stderr else ""
                raise AssertionError(f"listen exited; saw {self.seen}; stderr: {stderr}")
            record = json.loads(line)
            self.seen.append(record)
            if wanted(record):
                return record

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def line_state(state: str) -> Callable[[Record], bool]:
    return lambda r: r["event"] == "line" and r["state"] == state


@pytest.fixture
def modem() -> Iterator[FakeModem]:
    with FakeModem(chipset="conexant", refuses=["AT+VCID=1"]) as fake:
        yield fake


def test_listen_prints_modem_calls_and_survives_an_unplug(tmp_path: Path, modem: FakeModem) -> None:
    listener = Listener(new_journal(tmp_path / "x.db"), f"modem:{modem.device}")
    try:
        listener.wait_for(line_state("up"))
        modem.play(b"RING\r\nDATE = 0321\r\nTIME = 1405\r\nNMBR = 2015550123\r\n")
        call = listener.wait_for(lambda r: r["event"] == "call")
        assert call["source"] == "modem"
        assert call["number"] == "+12015550123"
        assert call["raw_number"] == "2015550123"
        assert call["presentation"] == "available"
        assert call["name"] is None

        modem.play(b"NAME = SMITH JOHN\r\nRING\r\n")
        update = listener.wait_for(lambda r: r["event"] == "update")
        assert update["id"] == call["id"] and update["name"] == "SMITH JOHN"

        # Pulling the modem out ends the ringing call and says the line is down.
        modem.unplug()
        end = listener.wait_for(lambda r: r["event"] == "end")
        assert end["id"] == call["id"]
        listener.wait_for(line_state("down"))

        modem.replug()
        listener.wait_for(line_state("up"))
        modem.play(b"RING\r\nNMBR = 2025550155\r\nNAME = RINGCENTRAL\r\n")
        second = listener.wait_for(lambda r: r["event"] == "call")
        assert second["number"] == "+12025550155"
        assert second["id"] != call["id"]
        assert modem.commands.count("AT#CID=1") == 2  # set up again after the replug
    finally:
        returncode = listener.stop()
    assert returncode == 0
