"""A headless install never loads Qt: a server in a cupboard journals calls and prints.

The commands run as a user runs them (``python -m app``), in a process where
PySide6 and shiboken6 cannot be imported: a ``sitecustomize`` put first on
``PYTHONPATH`` installs an import hook that refuses them, as if they were not
installed, and writes down every attempt with the stack that made it. The
commands must work, print what they print everywhere else, and never try.
"""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import CUSTOMSCREEN, REPO
from tests.reliability.processes import Listening

NO_QT = '''\
"""Installed by tests/test_headless.py: PySide6 and shiboken6 are not here."""
import os
import sys
import traceback


class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in ("PySide6", "shiboken6"):
            return None
        with open(os.environ["CUSTOMSCREEN_QT_ATTEMPTS"], "a", encoding="utf-8") as out:
            out.write(f"import {name}\\n" + "".join(traceback.format_stack()) + "\\n")
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, NoQt())
'''
CALL_LINE = re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d", re.M)


class Headless:
    """Runs ``customscreen`` where Qt cannot be imported, and keeps what tried."""

    def __init__(self, folder: Path) -> None:
        hook = folder / "no-qt"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(NO_QT, encoding="utf-8")
        self.attempts = folder / "qt-attempts.txt"
        self.db = folder / "office.sqlite"
        path = [str(hook), str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
        self.env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_TELEPHONE": "",
                    "PYTHONPATH": os.pathsep.join(path),
                    "CUSTOMSCREEN_QT_ATTEMPTS": str(self.attempts)}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*CUSTOMSCREEN, "--db", str(self.db), *args],
                              capture_output=True, text=True, timeout=120, env=self.env)
        assert done.returncode == 0, done.stderr
        return done

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=60, env=self.env)

    def qt_attempts(self) -> str:
        return self.attempts.read_text(encoding="utf-8") if self.attempts.exists() else ""


@pytest.fixture
def headless(tmp_path: Path) -> Headless:
    return Headless(tmp_path)


def test_the_hook_refuses_qt_and_notes_who_asked(headless: Headless) -> None:
    # Without this the test below could pass with Qt imported after all.
    done = headless.python("import ui.app")
    assert done.returncode == 1
    assert "ModuleNotFoundError: No module named 'PySide6" in done.stderr
    assert headless.qt_attempts().startswith("import PySide6")
    assert "ui/app.py" in headless.qt_attempts()


def test_listen_export_and_print_run_without_qt(headless: Headless, tmp_path: Path) -> None:
    headless.run("demo", "--seed-only", "--calls", "120")

    listening = Listening(headless.db, "demo:?interval=0.05&ring=0.05&calls=0",
                          env=headless.env)
    try:
        call = listening.next(timeout=30)
        assert call["event"] == "call"
        assert (call["number"], call["name"], call["presentation"]) == (
            "+33536490123", "DUPONT SARL", "available")
        assert call["contact"]["name"] == "Dupont SARL" and call["decision"] == "pop"
        end = listening.next(timeout=30)
        assert (end["event"], end["id"]) == ("end", call["id"])
    finally:
        if listening.process.poll() is None:
            listening.process.send_signal(signal.SIGTERM)
    assert listening.process.wait(timeout=20) == 0, listening.stderr()
    assert "Traceback" not in listening.stderr()

    exported = tmp_path / "calls.csv"
    headless.run("calls", "export", str(exported))
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    [row] = [r for r in rows if r["id"] == call["id"]]
    assert (row["number"], row["contact_name"], row["outcome"]) == (
        "+33536490123", "Dupont SARL", end["outcome"])
    assert len(rows) > 120

    log = tmp_path / "calllog.pdf"
    headless.run("print", "calllog", "-o", str(log))
    text = "".join(page.extract_text() or "" for page in PdfReader(log).pages)
    assert len(CALL_LINE.findall(text)) == len(rows)  # every call journaled, once

    card = tmp_path / "card.pdf"
    headless.run("print", "card", "--contact", "1", "-o", str(card))
    assert "Dupont SARL" in "".join(p.extract_text() or "" for p in PdfReader(card).pages)

    fax = tmp_path / "lettre.pdf"
    done = headless.run("print", "fax", "--contact", "1", "--template", "lettre",
                        "--field", "objet=Entretien", "--field", "corps=Bonjour", "-o", str(fax))
    assert re.match(r"\d{4}-0001: ", done.stdout)
    assert "Bonjour" in "".join(p.extract_text() or "" for p in PdfReader(fax).pages)

    assert headless.qt_attempts() == ""
