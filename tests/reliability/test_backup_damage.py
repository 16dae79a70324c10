"""A damaged backup gives a sentence naming it, never a traceback: one bit flipped, anywhere.

The audit flipped one bit in 1 of 300 copies and got UnicodeDecodeError
tracebacks from restore, check and doctor. Here one bit is flipped at offsets
spread over the whole file (the header, the schema on page 1, the tables, the
last byte) and every reader is run on the result.
"""

from __future__ import annotations

import io
import random
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from app.cli import main
from customscreen.care import doctor
from customscreen.demo import seed
from customscreen.storage import backups, restoring
from customscreen.storage.backup_copies import manifest_of, verify
from customscreen.storage.store import Store, StoreError
from tests.reliability.processes import run

pytestmark = pytest.mark.timeout(300)
SEED = 20261123
#: Offsets tried per copy, beside the fixed ones: enough to hit every page kind.
RANDOM_OFFSETS = 60


@pytest.fixture(scope="module")
def sound_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damage")
    store = Store(folder / "office.sqlite")
    seed(store, calls=200)
    copy = backups.backup(store, folder / "backups")
    store.close()
    return copy


def _flips(copy: Path) -> list[tuple[int, int]]:
    """(offset, bit) pairs: fixed and seeded offsets, and the high bit of known text
    (a byte of the schema's SQL or of a setting turned into text that is not UTF-8)."""
    data = copy.read_bytes()
    size = len(data)
    fixed = [0, 15, 16, 18, 20, 24, 28, 40, 44, 56, 60, 92, 96, 100, 150, 400, 1000, 2000,
             4095, 4096, 4100, 8192, size // 2, size - 1]
    rng = random.Random(SEED)
    offsets = sorted({o for o in fixed if o < size} | {rng.randrange(size)
                                                        for _ in range(RANDOM_OFFSETS)})
    flips = [(offset, n % 8) for n, offset in enumerate(offsets)]
    for text in (b"CREATE TABLE settings", b"CREATE TABLE calls", b"settings",
                 b"Chauffage Garonne SARL", b"Dupont SARL"):
        assert data.find(text) > 0, text
        flips.append((data.find(text) + 2, 7))
    return flips


def _flipped(copy: Path, offset: int, bit: int, folder: Path) -> Path:
    data = bytearray(copy.read_bytes())
    data[offset] ^= 1 << bit
    damaged = folder / copy.name
    damaged.write_bytes(bytes(data))
    manifest_of(damaged).write_bytes(manifest_of(copy).read_bytes())
    return damaged


def _cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue() + err.getvalue()


def test_every_flipped_bit_is_caught_by_the_hash_and_named(sound_copy: Path,
                                                           tmp_path: Path) -> None:
    for offset, bit in _flips(sound_copy):
        damaged = _flipped(sound_copy, offset, bit, tmp_path)
        verdict = verify(damaged)
        assert not verdict.ok, offset
        assert verdict.problems == (f"{damaged}: it is damaged: its SHA-256 is not the one "
                                    f"recorded in {damaged.name}.sha256 when it was written",)
        with pytest.raises(StoreError, match="nothing was restored"):
            restoring.restore(tmp_path / "live.sqlite", damaged, new=True)
        assert not (tmp_path / "live.sqlite").exists()


def test_without_its_manifest_a_flipped_copy_never_raises(sound_copy: Path,
                                                          tmp_path: Path) -> None:
    """Copies named before manifests existed: the structural check must hold alone."""
    for offset, bit in _flips(sound_copy):
        damaged = _flipped(sound_copy, offset, bit, tmp_path)
        manifest_of(damaged).unlink()
        verdict = verify(damaged)  # never raises
        assert verdict.ok or all(str(damaged) in p for p in verdict.problems), offset


def test_check_and_doctor_on_a_flipped_file_say_damaged_never_a_traceback(
        sound_copy: Path, tmp_path: Path) -> None:
    """The audit ran `check` and `doctor` on such a file (a copy taken as the journal)."""
    for offset, bit in _flips(sound_copy):
        live = tmp_path / f"live-{offset}.sqlite"
        live.write_bytes(_flipped(sound_copy, offset, bit, tmp_path).read_bytes())
        code, said = _cli("--db", str(live), "check")
        assert code in (0, 1, 2), (offset, said)
        assert "Traceback" not in said
        findings = doctor.examine(live, lines=False)
        assert doctor.report(findings)  # a report, whatever the damage
        live.unlink()


def test_restore_of_a_flipped_copy_from_the_command_line_names_it(sound_copy: Path,
                                                                  tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    assert run(db, "office", "init").returncode == 0
    for offset, bit in _flips(sound_copy)[-5:]:  # the text turned into bytes that are not UTF-8
        damaged = _flipped(sound_copy, offset, bit, tmp_path)
        done = run(db, "restore", str(damaged))
        assert done.returncode == 2
        assert f"{damaged}: it is damaged" in done.stderr and "Traceback" not in done.stderr
        doctor_said = run(damaged, "doctor", "--no-line")
        assert "Traceback" not in doctor_said.stdout + doctor_said.stderr
