"""The code stays as STYLE.md asks: ruff clean everywhere, mypy clean on the Qt-free core.

That the core is free of Qt is checked twice elsewhere: on its import graph
(tests/test_architecture.py) and by running its commands where PySide6 cannot
be imported (tests/test_headless.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([str(BIN / "ruff"), "check", "app", "customscreen", "telephony", "ui",
                           "tests"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:]


def test_mypy_finds_nothing_in_telephony_and_customscreen() -> None:
    done = subprocess.run([str(BIN / "mypy"), "app", "customscreen", "telephony"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:]

