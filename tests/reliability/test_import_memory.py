"""An import's memory does not grow with its file: a 200 MB sheet once took 3.3 GB."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CUSTOMSCREEN
from tests.reliability.processes import ENV
from tests.reliability.processes import run as run_app

# A row of some 400 bytes: a long note, as clients' files have them.
NOTE = "client fidèle: appeler le matin avant 10 h; portail bleu; chien gentil " * 5


def sheet(path: Path, megabytes: int) -> Path:
    """A comma CSV of about ``megabytes``, written a row at a time."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Name,Company,Phone,Notes\n")
        i = 0
        while f.tell() < megabytes * 1_000_000:
            f.write(f"Client {i},Société {i % 2000},07{i:08d},{NOTE}{i}\n")
            i += 1
    return path


def peak_of_import(db: Path, path: Path) -> int:
    """The import's peak resident memory in kilobytes, measured by the kernel."""
    out, err = path.with_suffix(".out"), path.with_suffix(".err")
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        process = subprocess.Popen([*CUSTOMSCREEN, "--db", str(db), "contacts", "import",
                                    str(path)], stdout=stdout, stderr=stderr, env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, err.read_text()[:2000]
    assert " imported, 0 updated, 0 refused" in out.read_text()
    return usage.ru_maxrss


@pytest.mark.slow
def test_memory_of_an_import_does_not_grow_with_the_file(tmp_path) -> None:
    small, big = sheet(tmp_path / "small.csv", 5), sheet(tmp_path / "big.csv", 50)
    peaks = []
    for path in (small, big):
        db = tmp_path / f"{path.stem}.sqlite"
        run_app(db, "demo", "--seed-only", "--calls", "0")
        peaks.append(peak_of_import(db, path))
    # Ten times the file; the same memory, give or take what SQLite's page
    # cache and the interpreter's arenas settle at.
    assert peaks[1] < peaks[0] * 1.3, f"{peaks[0]} kB for 5 MB, {peaks[1]} kB for 50 MB"
