"""A number and its document agree after ``kill -9`` at any step of ``print fax``.

The child runs the real ``customscreen print fax`` (``app.cli.main``) and
sends itself SIGKILL at the chosen step: no handler runs, no transaction is
closed, exactly as when the power strip is kicked. The steps are the two
moments between the register's two writes: the number taken (nothing drawn
yet), and the PDF renamed into place (the entry not yet completed).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from customscreen.paper import register
from customscreen.storage.store import Store
from tests.conftest import CUSTOMSCREEN
from tests.reliability.processes import ENV, run

KILLED_PRINT = """
import os, signal, sys
from app import cli
from customscreen.paper.documents import fax

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

step = sys.argv[1]
if step == "numbered":  # the number is taken, nothing is drawn yet
    fax.render = die
elif step == "written":  # the PDF is renamed into place, the entry not completed
    write = fax.write_atomically
    def write_then_die(output, data):
        write(output, data)
        die()
    fax.write_atomically = write_then_die
sys.exit(cli.main(sys.argv[2:]))
"""

FAX = ("print", "fax", "--contact", "1", "--template", "bon-pour-accord",
       "--field", "objet=Chaudière", "--field", "prix=4860")


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "office.sqlite"
    done = run(db, "demo", "--seed-only", "--calls", "20")
    assert done.returncode == 0, done.stderr
    return db


def killed_print(db: Path, step: str, output: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_PRINT, step, "--db", str(db), *FAX,
                           "-o", str(output)], capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


@pytest.mark.parametrize("step", ["numbered", "written"])
def test_a_kill_while_issuing_leaves_an_interrupted_number_never_a_shared_one(
        tmp_path: Path, step: str) -> None:
    db = seeded(tmp_path)
    first = tmp_path / "first.pdf"
    killed_print(db, step, first)
    assert first.exists() == (step == "written")

    listed = run(db, "register", "list").stdout.splitlines()
    assert len(listed) == 1 and listed[0].endswith(
        "INTERRUPTED: its document was never recorded"), listed
    lost = listed[0].split()[0]
    told = run(db, "doctor", "--no-line")
    assert f"the issue of {lost} was interrupted" in " ".join(told.stdout.split()), told.stdout

    second = tmp_path / "second.pdf"
    done = run(db, *FAX, "-o", str(second))
    assert done.returncode == 0, done.stderr
    number = done.stdout.split(":")[0]
    assert number != lost and number.endswith("-0002")
    assert run(db, "register", "verify", number, str(second)).returncode == 0
    listed = run(db, "register", "list").stdout.splitlines()
    assert [line.split()[0] for line in listed] == [lost, number]
    assert "INTERRUPTED" in listed[0] and "INTERRUPTED" not in listed[1]
    if first.exists():  # the PDF written before the kill is not passed off as issued
        done = run(db, "register", "verify", lost, str(first))
        assert (done.returncode, done.stdout.strip()) == (
            1, f"{first}: does NOT match register entry {lost}: its issue was interrupted, "
            "the register holds no document for this number")


def test_an_issue_in_progress_elsewhere_is_not_called_interrupted(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    store = Store(db)
    seen: list[str] = []

    def render(entry: register.RegisterEntry) -> bytes:
        # Another program lists the register while this one draws the document.
        listed = subprocess.run([*CUSTOMSCREEN, "--db", str(db), "register", "list"],
                                capture_output=True, text=True, env=ENV, timeout=60)
        seen.append(listed.stdout)
        return b"%PDF-1.4\n%%EOF\n"

    try:
        entry = register.issue(store, kind="lettre", contact_id=1, recipient="Dupont SARL",
                               author=None, render=render, deliver=lambda e, data: data)
    finally:
        store.close()
    (line,) = seen[0].splitlines()
    assert line.startswith(entry.number) and line.endswith("being issued…"), line
