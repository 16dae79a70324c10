"""The PyInstaller bundle: built from the spec, then run as an office would run it.

Builds ``dist/customscreen/`` when it is missing or older than the sources
(about 40 s on a CI runner), so a second run costs only the checks. Nothing
here imports the program: everything goes through the built executable.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from customscreen import __version__

from ..conftest import REPO, new_journal

pytestmark = pytest.mark.slow

DIST = REPO / "dist" / "customscreen"
EXE = DIST / ("customscreen.exe" if sys.platform == "win32" else "customscreen")
#: What goes into the bundle: a newer file than the executable means rebuild.
INPUTS = ("customscreen", "telephony", "ui", "resources", "packaging/customscreen.spec",
          "packaging/launcher.py")
BUILD_TIMEOUT_S = 600


def _newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = REPO / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()
                                                and "__pycache__" not in p.parts]
        newest = max([newest, *(p.stat().st_mtime for p in files)])
    return newest


def _ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401 - only whether it is there
    except ImportError:
        result = subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                                 "pyinstaller>=6.10"], capture_output=True, text=True)
        assert result.returncode == 0, (
            "PyInstaller is missing and could not be installed (pip install "
            f"'customscreen[bundle]'): {result.stderr[-2000:]}")


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not EXE.exists() or EXE.stat().st_mtime < _newest_input():
        _ensure_pyinstaller()
        result = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
             "WARN", "--distpath", str(REPO / "dist"), "--workpath",
             str(REPO / "build" / "pyinstaller"), str(REPO / "packaging" / "customscreen.spec")],
            cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        assert result.returncode == 0, f"the bundle did not build:\n{result.stderr[-4000:]}"
    assert EXE.exists()
    return EXE


def _run(exe: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # Offscreen, and away from the developer's own database.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    env.pop("CUSTOMSCREEN_DB", None)
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=exe.parent.parent)


def test_version(bundle: Path) -> None:
    result = _run(bundle, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"customscreen {__version__}"


def test_demo_plays_offscreen_and_saves_screenshots(bundle: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = _run(bundle, "--db", str(tmp_path / "demo.sqlite"), "demo", "--offscreen",
                  "--shots", str(shots), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    pngs = sorted(shots.glob("*.png"))
    assert pngs, f"no screenshots in {shots}: {result.stdout}{result.stderr}"
    for png in pngs:
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000, png.name


def test_demo_database_is_seeded(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle, "--db", str(tmp_path / "seed.sqlite"), "demo", "--seed-only",
                  "--calls", "200")
    assert result.returncode == 0, result.stderr
    assert "demo database created" in result.stdout


def test_unknown_callers_get_a_region_hint(bundle: Path, tmp_path: Path) -> None:
    # An empty journal: every demo caller is unknown, so the hint is what is shown.
    db = new_journal(tmp_path / "listen.sqlite")
    result = _run(bundle, "--db", str(db), "--region", "FR", "listen",
                  "demo:?interval=0.05&ring=0.05&calls=8", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Paris and Île-de-France, landline" in result.stdout, result.stdout
    assert "mobile" in result.stdout


def test_doctor_runs_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    _run(bundle, "--db", str(db), "demo", "--seed-only", "--calls", "50")
    result = _run(bundle, "--db", str(db), "doctor", "--no-line")
    assert result.returncode == 1, "a demo office has never been backed up"
    assert "never been backed up" in result.stdout


def test_lazy_modules_are_inside(bundle: Path) -> None:
    """What is imported by name at run time: lines by URL, phone data by prefix."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle))
    pyz = archive.open_embedded_archive("PYZ.pyz")
    names = set(pyz.toc)
    for module in ("telephony.sip.agent", "telephony.fritzbox", "telephony.modem.transport",
                   "telephony.simulator", "ui.firstrun", "customscreen.care.doctor",
                   "phonenumbers.geodata.data0", "phonenumbers.carrierdata.data0",
                   "phonenumbers.data.region_FR"):
        assert module in names, f"{module} is not in the bundle"


def test_qt_is_trimmed_to_what_the_desk_uses(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if sys.platform == "win32":
        plugins = internal / "PySide6" / "plugins"
    folders = {p.name for p in plugins.iterdir()}
    assert {"platforms", "imageformats", "iconengines"} <= folders
    assert not folders & {"qmltooling", "sqldrivers", "designer", "tls", "egldeviceintegrations"}
    libraries = " ".join(p.name for p in internal.rglob("*Qt6*"))
    for unwanted in ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt63D", "Qt6Multimedia", "Qt6Pdf"):
        assert unwanted not in libraries, f"{unwanted} is in the bundle"
    resources = internal / "resources"
    assert (resources / "fonts" / "DejaVuSans.ttf").is_file()
    assert (resources / "icons" / "customscreen.svg").is_file()
    # The desk's French and Qt's own French (OK, Cancel, the file dialog).
    assert (resources / "translations" / "customscreen_fr.qm").is_file()
    assert list(internal.rglob("qtbase_fr.qm"))
    assert list((internal / "reportlab" / "fonts").glob("*.ttf")), "reportlab's own fonts"
