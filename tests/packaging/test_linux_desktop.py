"""The Linux desktop integration: menu entry, software-centre listing, icons, login start."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from customscreen.care import autostart

from ..conftest import REPO

LINUX = REPO / "packaging" / "linux"
APP_ID = "fr.customscreen.CustomScreen"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: run `make sysdeps` (Debian: desktop-file-utils, appstream)"
    return found


def _desktop_keys(path: Path) -> dict[str, str]:
    keys = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            keys[key] = value
    return keys


def test_menu_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Hints (advice) are allowed; errors and warnings are not.
    assert "error:" not in result.stdout and "warning:" not in result.stdout, result.stdout


def test_menu_entry_speaks_french_and_runs_the_command() -> None:
    keys = _desktop_keys(DESKTOP)
    assert keys["Exec"] == "customscreen"
    assert keys["Icon"] == APP_ID
    assert keys["Categories"] == "Office;Telephony;"
    assert "appel" in keys["Comment[fr]"]
    assert keys["Name[fr]"]


def test_software_centre_listing_validates_without_warnings() -> None:
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not problems, result.stdout
    assert f"<launchable type=\"desktop-id\">{DESKTOP.name}</launchable>" in METAINFO.read_text()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR", f"{path} has no PNG header chunk"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", SIZES)
def test_every_theme_size_is_a_png_of_that_size(size: int) -> None:
    from PySide6.QtGui import QImage

    path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert _png_size(path) == (size, size)
    image = QImage(str(path))
    assert not image.isNull(), f"{path} does not decode"
    # Transparent corners (the tile is rounded) and an opaque middle: a real icon.
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_scalable_icon_is_a_valid_svg_and_the_desk_ships_it() -> None:
    from PySide6.QtSvg import QSvgRenderer

    source = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert QSvgRenderer(str(source)).isValid()
    shipped = REPO / "resources" / "icons" / "customscreen.svg"
    assert shipped.read_bytes() == source.read_bytes(), "run packaging/linux/make_icons.py"


def test_autostart_entry_is_written_valid_and_removed(tmp_path: Path) -> None:
    written = autostart.enable("/opt/Custom Screen/customscreen", config_home=tmp_path)
    assert written == tmp_path / "autostart" / f"{APP_ID}.desktop"
    assert autostart.is_enabled(tmp_path)
    keys = _desktop_keys(written)
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys["Exec"] == '"/opt/Custom Screen/customscreen"'
    result = subprocess.run([_tool("desktop-file-validate"), str(written)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert autostart.disable(tmp_path) is True
    assert not written.exists()
    assert autostart.disable(tmp_path) is False
