"""The Inno Setup script: what it installs exists, and it offers what the office needs.

Inno Setup only runs on Windows; these checks catch the usual breakage (a
renamed file, a bundle name that drifted from the spec) on any machine.
"""

from __future__ import annotations

import re

from ..conftest import REPO

WINDOWS = REPO / "packaging" / "windows"
ISS = WINDOWS / "customscreen.iss"
SPEC = REPO / "packaging" / "customscreen.spec"


def _script() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def _defines() -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', _script(), re.MULTILINE))


def _sources() -> list[str]:
    return re.findall(r'^Source: "([^"]+)"', _script(), re.MULTILINE)


def test_script_is_utf8_with_a_byte_order_mark_for_the_french_messages() -> None:
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Démarrer CustomScreen avec Windows" in _script()


def test_every_file_it_installs_exists_or_is_made_by_the_spec() -> None:
    bundle = _defines()["BundleDir"]
    spec = SPEC.read_text()
    assert sources_checked(bundle, spec) >= 4


def sources_checked(bundle: str, spec: str) -> int:
    checked = 0
    for source in _sources():
        if source.startswith("{#BundleDir}"):
            inside = source.removeprefix("{#BundleDir}\\")
            if inside.endswith(".exe"):
                # The spec builds these names; on Linux they have no .exe.
                assert f'_exe("{inside.removesuffix(".exe")}"' in spec, inside
            else:
                assert inside.startswith("_internal\\"), inside
            checked += 1
            continue
        path = WINDOWS / source.replace("\\", "/")
        assert path.is_file(), f"{ISS.name} installs {source}, which does not exist"
        checked += 1
    # The bundle folder the script reads is the one `make bundle` writes.
    assert (WINDOWS / bundle.replace("\\", "/")).resolve() == REPO / "dist" / "customscreen"
    return checked


def test_icons_and_settings_files_named_by_the_script_exist() -> None:
    for key in ("SetupIconFile",):
        value = re.search(rf"^{key}=(.+)$", _script(), re.MULTILINE)
        assert value, key
        assert (WINDOWS / value.group(1).strip().replace("\\", "/")).is_file()


def test_installer_speaks_french_and_english() -> None:
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile: "([^"]+)"', _script(), re.MULTILINE)
    assert dict(languages) == {"french": "compiler:Languages\\French.isl",
                               "english": "compiler:Default.isl"}
    # Every message of ours is given in both.
    messages = re.findall(r"^(french|english)\.(\w+)=", _script(), re.MULTILINE)
    french = {name for lang, name in messages if lang == "french"}
    english = {name for lang, name in messages if lang == "english"}
    assert french == english and french


def test_start_menu_entry_and_start_with_windows_task() -> None:
    lines = _script().splitlines()
    assert any(line.startswith('Name: "{group}\\{#AppName}"; '
                               'Filename: "{app}\\customscreen-desk.exe"') for line in lines)
    assert any(line.startswith('Name: "startwithwindows"') for line in lines)
    run_key = [line for line in lines if "CurrentVersion\\Run" in line]
    assert len(run_key) == 1 and run_key[0].startswith("Root: HKA;")
    assert run_key[0].endswith("Flags: uninsdeletevalue; Tasks: startwithwindows"), \
        "the Run key must be tied to the task and removed on uninstall"


def test_version_matches_the_program() -> None:
    from customscreen import __version__

    assert _defines()["AppVersion"] == __version__
