"""Running ``customscreen`` as a user does, and reading what ``listen --json`` prints."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

from tests.conftest import CUSTOMSCREEN

ENV = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_TELEPHONE": ""}


def run(db: Path, *args: str, timeout: float = 60, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CUSTOMSCREEN, "--db", str(db), *args], capture_output=True,
                          text=True, timeout=timeout, env={**ENV, **(env or {})}, input=stdin)


class Listening:
    """A ``listen --json`` process whose printed lines arrive on a queue."""

    def __init__(self, db: Path, *sources: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [*CUSTOMSCREEN, "--db", str(db), "listen", *sources, "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or ENV,
        )
        self.lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._errors: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        # Read as it comes, so a test can wait for what listen reports (and a
        # chatty listen never blocks on a full pipe).
        self._error_pump = threading.Thread(target=self._pump_errors, daemon=True)
        self._error_pump.start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def _pump_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._errors.append(line)

    def next(self, timeout: float = 20) -> dict[str, Any]:
        record = self.lines.get(timeout=timeout)
        if record is None:
            raise AssertionError(f"listen exited: {self.stderr()}")
        return record

    def stderr(self) -> str:
        """What listen wrote on standard error so far; all of it once it has exited."""
        if self.process.poll() is not None:
            self._error_pump.join(timeout=10)
        return "".join(self._errors)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
