"""The README documents every command and every setting, as sqlite-utils' test_docs.py does.

- A command is documented when a code block of the README shows it run:
  a line with ``customscreen``, any global options (``--db office.sqlite``),
  then the command's words (``contacts import``). Prose does not count.
- A setting a person may choose (not ``internal``) is documented by a row of
  the table in the README's "Settings" section::

      | key | type | default | what it does | example |
      | `backup.time` | a time of day, HH:MM | `12:30` | when … | `19:00` |

  The type is the registry's ``kind.describe()``, the default is the stored
  text of the default in backticks (``—`` when it is empty), and the example
  is a value the setting takes, in backticks.

The checks are functions of a parser, settings and the README's text, so the
tests at the end can show each of them failing.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import pytest

from app.cli import build_parser
from customscreen.storage import settings
from customscreen.storage.setting_kinds import Choice

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
CODE_BLOCK = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
COMMAND_WORD = re.compile(r"[a-z][a-z-]*")
IN_BACKTICKS = re.compile(r"`([^`]+)`")
NO_DEFAULT = "—"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def command_paths(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    """Every subcommand and sub-subcommand: ("demo",), ("contacts",), ("contacts", "import")…"""
    paths = []
    for name, sub in _subcommands(parser).items():
        paths.append((name,))
        paths.extend((name, *deeper) for deeper in command_paths(sub))
    return paths


def shown_commands(parser: argparse.ArgumentParser, readme: str) -> set[tuple[str, ...]]:
    """The words after each ``customscreen`` in the README's code blocks, global options skipped."""
    takes_value = {option for action in parser._actions if action.nargs != 0
                   for option in action.option_strings}
    shown = set()
    for block in CODE_BLOCK.findall(readme):
        for line in block.splitlines():
            words = line.split()
            for at, word in enumerate(words):
                if word != "customscreen":
                    continue
                rest = words[at + 1:]
                while rest and rest[0].startswith("-"):
                    rest = rest[2:] if rest[0] in takes_value else rest[1:]
                command = []
                for word in rest:
                    if not COMMAND_WORD.fullmatch(word):
                        break
                    command.append(word)
                shown.add(tuple(command))
    return shown


def is_shown(path: tuple[str, ...], shown: set[tuple[str, ...]]) -> bool:
    """Whether a line shows the command, with or without arguments or a sub-subcommand."""
    return any(words[:len(path)] == path for words in shown)


def undocumented_commands(parser: argparse.ArgumentParser, readme: str) -> list[str]:
    shown = shown_commands(parser, readme)
    return [" ".join(path) for path in command_paths(parser) if not is_shown(path, shown)]


def settings_rows(readme: str) -> dict[str, list[str]]:
    """The cells of each row of the "Settings" section's table, by key."""
    _, found, section = readme.partition("\n## Settings\n")
    rows = {}
    for line in section.split("\n## ", 1)[0].splitlines() if found else []:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        key = IN_BACKTICKS.fullmatch(cells[0])
        if line.startswith("|") and key:
            rows[key[1]] = cells
    return rows


def documented_default(setting: settings.Setting[Any]) -> str:
    text = setting.kind.encode(setting.default)
    return f"`{text}`" if text else NO_DEFAULT


def setting_doc_problems(documented: list[settings.Setting[Any]], readme: str) -> list[str]:
    """What the README's Settings table lacks or gets wrong about these settings."""
    rows = settings_rows(readme)
    problems = []
    for setting in documented:
        key, kind, default = setting.key, setting.kind.describe(), documented_default(setting)
        row = rows.get(key)
        if row is None:
            problems.append(f"{key}: no row in the README's Settings table; add "
                            f"| `{key}` | {kind} | {default} | {setting.help} | `…` |")
            continue
        if len(row) != 5:
            problems.append(f"{key}: {len(row)} cells instead of key, type, default, "
                            "what it does, example")
            continue
        if row[1] != kind:
            problems.append(f"{key}: the type is {row[1]!r}; the registry says {kind!r}")
        if row[2] != default:
            problems.append(f"{key}: the default is {row[2]!r}; the registry says {default!r}")
        if not row[3]:
            problems.append(f"{key}: nothing says what it does")
        example = IN_BACKTICKS.fullmatch(row[4])
        if example is None:
            problems.append(f"{key}: no example (a value in backticks)")
            continue
        try:
            setting.kind.decode(example[1])
        except ValueError:
            problems.append(f"{key}: the example {example[1]!r} is not a value it takes")
    return problems


def stray_setting_rows(readme: str) -> list[str]:
    """Rows of the Settings table for keys the registry does not have, or keeps internal."""
    problems = []
    for key in settings_rows(readme):
        try:
            setting = settings.named(key)
        except settings.SettingError as exc:
            problems.append(str(exc))
            continue
        if setting.internal:
            problems.append(f"{key} is the program's own state, not a setting to document")
    return problems


# -- the README as it is ------------------------------------------------------------------


@pytest.mark.parametrize("path", command_paths(build_parser()), ids=" ".join)
def test_every_command_is_shown_in_the_readme(path: tuple[str, ...]) -> None:
    shown = shown_commands(build_parser(), README)
    assert is_shown(path, shown), (
        f"README.md shows no `customscreen {' '.join(path)} …` in a code block; add an example")


@pytest.mark.parametrize("setting", settings.documented(), ids=lambda s: s.key)
def test_every_setting_is_in_the_readme_settings_table(setting: settings.Setting[Any]) -> None:
    assert setting_doc_problems([setting], README) == []


def test_the_readme_documents_no_setting_that_is_not_one() -> None:
    assert stray_setting_rows(README) == []


# -- the checks can fail ------------------------------------------------------------------


def _add_subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.add_parser(name, help="made up for the test")


def test_the_walk_reaches_sub_subcommands() -> None:
    paths = command_paths(build_parser())
    assert {("contacts",), ("contacts", "import"), ("privacy", "apply"),
            ("password", "forget"), ("bench",)} <= set(paths)


def test_a_command_missing_from_the_readme_is_reported() -> None:
    parser = build_parser()
    _add_subcommand(parser, "teleport")
    _add_subcommand(_subcommands(parser)["contacts"], "merge")
    before = set(undocumented_commands(build_parser(), README))
    assert set(undocumented_commands(parser, README)) - before == {"contacts merge", "teleport"}
    shown = README + "\n```console\n$ customscreen --db office.sqlite teleport --now\n```\n"
    assert set(undocumented_commands(parser, shown)) - before == {"contacts merge"}


def test_a_command_named_only_in_prose_or_a_heading_is_not_shown() -> None:
    parser = build_parser()
    _add_subcommand(parser, "teleport")
    prose = README + "\n### teleport\n\nRun `customscreen teleport` to go home.\n"
    assert "teleport" in undocumented_commands(parser, prose)


THEME = settings.Setting("desk.theme", Choice(("light", "dark")), "light",
                         "the colours of the desk")
TABLE = ("\n## Settings\n\n| key | type | default | what it does | example |\n"
         "|---|---|---|---|---|\n{row}\n\n## Layout\n")


def test_a_setting_missing_from_the_readme_is_reported() -> None:
    assert setting_doc_problems([THEME], README) == [
        "desk.theme: no row in the README's Settings table; add "
        "| `desk.theme` | `light` or `dark` | `light` | the colours of the desk | `…` |"]


def test_a_row_outside_the_settings_section_does_not_count() -> None:
    row = "| `desk.theme` | `light` or `dark` | `light` | the colours | `dark` |"
    elsewhere = README + f"\n## Themes\n\n{row}\n"
    assert len(setting_doc_problems([THEME], elsewhere)) == 1


def test_a_wrong_type_default_or_example_is_reported() -> None:
    readme = TABLE.format(row="| `desk.theme` | text | `dark` | the colours | `blue` |")
    assert setting_doc_problems([THEME], readme) == [
        "desk.theme: the type is 'text'; the registry says '`light` or `dark`'",
        "desk.theme: the default is '`dark`'; the registry says '`light`'",
        "desk.theme: the example 'blue' is not a value it takes"]
    readme = TABLE.format(row="| `desk.theme` | `light` or `dark` | `light` | | none |")
    assert setting_doc_problems([THEME], readme) == [
        "desk.theme: nothing says what it does", "desk.theme: no example (a value in backticks)"]
    good = TABLE.format(row="| `desk.theme` | `light` or `dark` | `light` | colours | `dark` |")
    assert setting_doc_problems([THEME], good) == []


def test_internal_settings_need_no_row_and_must_not_have_one() -> None:
    assert settings.FIRST_RUN_DONE not in settings.documented()
    readme = TABLE.format(row="| `firstrun.done` | `1` or `0` | `0` | done | `1` |\n"
                              "| `desk.colour` | text | — | colours | `red` |")
    assert stray_setting_rows(readme) == [
        "firstrun.done is the program's own state, not a setting to document",
        "no setting is called 'desk.colour'; did you mean desk.user?"]
