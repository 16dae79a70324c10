"""The code stays as STYLE.md asks: ruff clean everywhere, mypy clean on the Qt-free core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([str(BIN / "ruff"), "check", "customscreen", "telephony", "ui",
                           "tests"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:]


def test_mypy_finds_nothing_in_telephony_and_customscreen() -> None:
    done = subprocess.run([str(BIN / "mypy"), "app", "customscreen", "telephony"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:]


def test_core_never_imports_qt() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for package in ("customscreen", "telephony")
        for path in (REPO / package).rglob("*.py")
        if any(line.lstrip().startswith(("from PySide6", "import PySide6"))
               for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
