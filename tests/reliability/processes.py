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
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def next(self, timeout: float = 20) -> dict[str, Any]:
        record = self.lines.get(timeout=timeout)
        if record is None:
            raise AssertionError(f"listen exited: {self.stderr()}")
        return record

    def stderr(self) -> str:
        if self.process.poll() is None:
            return ""
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
