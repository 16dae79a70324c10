"""``customscreen listen sip-listen://… --json`` with baresip calling it: the whole chain.

baresip's INVITE -> our SIP line -> switchboard -> routing -> JSON lines on stdout,
and, on a busy day, the 486 the switchboard's divert makes the line send back.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import new_journal, wait_until

from .peers.harness import baresip_call, free_port, sip_answers

pytestmark = [pytest.mark.slow, pytest.mark.timeout(60)]

CUSTOMSCREEN = Path(sys.executable).with_name("customscreen")


class Listener:
    """``customscreen listen`` as a subprocess, its JSON lines collected as they come."""

    def __init__(self, db: Path, url: str, *extra: str) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [str(CUSTOMSCREEN), "--db", str(db), "listen", url, "--json", *extra],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        self.lines: list[dict] = []
        self.raw: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            text = line.decode("utf-8", "replace").strip()
            self.raw.append(text)
            if text.startswith("{"):
                self.lines.append(json.loads(text))

    def events(self, kind: str) -> list[dict]:
        return [line for line in self.lines if line.get("event") == kind]

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._reader.join(timeout=5)
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")


@pytest.mark.parametrize(("mode", "decision", "outcome"), [
    ("normal", "pop", "missed"),
    ("priority", "divert", "diverted"),  # an unknown caller on a busy day
])
def test_listen_json_reports_a_baresip_call(
    tmp_path: Path, mode: str, decision: str, outcome: str
) -> None:
    assert CUSTOMSCREEN.exists(), f"{CUSTOMSCREEN} missing: run `make test` to install the package"
    port = free_port()
    listener = Listener(new_journal(tmp_path / "x.db"), f"sip-listen://127.0.0.1:{port}",
                        "--mode", mode)
    stderr = ""
    try:
        wait_until(lambda: sip_answers(port) or listener.process.poll() is not None, 20,
                   "customscreen listen to answer OPTIONS")
        assert listener.process.poll() is None, listener.stop()
        with baresip_call(tmp_path / "baresip", f"sip:reception@127.0.0.1:{port}",
                          number="+33536490123", name="Dupont SARL", hangup_after=3) as baresip:
            wait_until(lambda: listener.events("end"), 15,
                       lambda: f"the end of the call: {listener.raw}")
            if decision == "divert":
                assert "SIP/2.0 486 " in baresip.output
            else:
                assert "180 Ringing" in baresip.output
    finally:
        stderr = listener.stop()
    calls = listener.events("call")
    assert len(calls) == 1, (listener.raw, stderr)
    call = calls[0]
    assert call["number"] == "+33536490123"
    assert call["name"] == "Dupont SARL"
    assert call["presentation"] == "available"
    assert call["decision"] == decision
    end = listener.events("end")[0]
    assert end["id"] == call["id"] and end["outcome"] == outcome
