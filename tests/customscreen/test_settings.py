"""The registry of settings: typed reads and checked writes, in the texts old databases hold."""

from __future__ import annotations

import ast
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from customscreen.calls.routing import Mode
from customscreen.storage import settings
from customscreen.storage.setting_kinds import Choice, Text
from customscreen.storage.settings import SettingError
from customscreen.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
#: The only modules that may touch the ``settings`` table: the registry and the store under it.
ALLOWED = {"customscreen/storage/settings.py", "customscreen/storage/store.py",
           "customscreen/storage/schema.py"}


@pytest.mark.parametrize("setting", settings.REGISTRY.values(), ids=lambda s: s.key)
def test_an_unset_setting_reads_as_its_default(store: Store, setting: settings.Setting[Any]):
    if setting is settings.DATABASE_ID:  # the one the store sets itself, at creation
        store.conn.execute("DELETE FROM settings WHERE key = ?", (setting.key,))
    assert settings.get(store, setting) == setting.default
    assert settings.problem(store, setting) is None


@pytest.mark.parametrize(("setting", "value", "text"), [
    (settings.SOURCES, [" demo: ", "", "modem:/dev/ttyUSB0?profile=auto"],
     "demo:\nmodem:/dev/ttyUSB0?profile=auto"),
    (settings.LANGUAGE, "fr", "fr"),
    (settings.REGION, "be", "BE"),
    (settings.MODE, "priority", "priority"),
    (settings.FOLLOW_SCHEDULE, True, "1"),
    (settings.FOLLOW_SCHEDULE, False, "0"),
    (settings.BUSINESS_ADDRESS, "12 rue des Lilas\n31000 Toulouse",
     "12 rue des Lilas\n31000 Toulouse"),
    (settings.BACKUP_TIME, time(9, 5), "09:05"),
    (settings.BACKUP_FOLDER, Path("/media/usb"), "/media/usb"),
    (settings.RETENTION_MONTHS, 24, "24"),
    (settings.RETENTION_ACTION, "delete", "delete"),
    (settings.FIRST_RUN_DONE, True, "1"),
    (settings.LAST_BACKUP, datetime(2026, 11, 23, 12, 30, 5, 123, UTC),
     "2026-11-23T12:30:05+00:00"),
    (settings.RETENTION_LAST_APPLIED, date(2026, 11, 23), "2026-11-23"),
    (settings.BENCH_COMPLETE, True, "yes"),
], ids=lambda v: v.key if isinstance(v, settings.Setting) else None)
def test_values_are_stored_in_the_texts_earlier_versions_wrote(
        store: Store, setting: settings.Setting[Any], value: object, text: str) -> None:
    settings.put(store, setting, value)
    assert store.setting(setting.key) == text
    assert settings.encode(setting, settings.get(store, setting)) == text


@pytest.mark.parametrize(("key", "text", "value"), [
    ("backup.time", "9:5", time(9, 5)),
    ("privacy.retention_months", " 12 ", 12),
    ("privacy.retention_action", "Anonymize", "anonymise"),
    ("privacy.retention_action", "", "anonymise"),
    ("mode.follow_schedule", "yes", False),  # only "1" ever meant yes
    ("region", "be", "BE"),
    ("backup.folder", "~/backups", Path.home() / "backups"),
])
def test_texts_of_old_databases_read_as_before(store: Store, key: str, text: str,
                                               value: object) -> None:
    store.set_setting(key, text)
    assert settings.get(store, settings.named(key)) == value


@pytest.mark.parametrize(("setting", "text"), [
    (settings.BACKUP_TIME, "half past twelve"),
    (settings.LANGUAGE, "de"),
    (settings.MODE, "fast"),
    (settings.RETENTION_MONTHS, "0"),
    (settings.LAST_BACKUP, "yesterday"),
])
def test_a_text_that_does_not_read_gives_the_default_and_says_why(
        store: Store, setting: settings.Setting[Any], text: str) -> None:
    store.set_setting(setting.key, text)
    assert settings.get(store, setting) == setting.default
    assert settings.problem(store, setting) == (
        f"{setting.key} is {text!r}; write {setting.kind.describe().replace('`', '')}, "
        "or leave it empty")


@pytest.mark.parametrize(("setting", "value", "message"), [
    (settings.LANGUAGE, "de", "desk.language takes system, fr or en, not 'de'"),
    (settings.RETENTION_MONTHS, 0, "privacy.retention_months takes a whole number of months, "
     "1 or more, not 0"),
    (settings.RETENTION_MONTHS, "12", "not '12'"),
    (settings.FOLLOW_SCHEDULE, "1", "mode.follow_schedule takes 1 or 0, not '1'"),
    (settings.SOURCES, "demo:", "sources takes line URLs, one a line, not 'demo:'"),
    (settings.SOURCES, ["demo:\nmodem:COM3"], "not ['demo:\\nmodem:COM3']"),
    (settings.REGION, "FRA", "region takes a two-letter country code, not 'FRA'"),
    (settings.BACKUP_TIME, "12:30", "backup.time takes a time of day, HH:MM, not '12:30'"),
    (settings.RETENTION_LAST_APPLIED, datetime(2026, 11, 23), "not datetime"),
])
def test_writing_a_value_the_setting_does_not_take_is_refused(
        store: Store, setting: settings.Setting[Any], value: object, message: str) -> None:
    with pytest.raises(SettingError, match=re.escape(message)):
        settings.put(store, setting, value)
    assert store.setting(setting.key) is None


def test_set_many_writes_nothing_when_one_value_is_refused(store: Store) -> None:
    with pytest.raises(SettingError, match="desk.language"):
        settings.set_many(store, {settings.BUSINESS_NAME: "Dupont SARL",
                                  settings.LANGUAGE: "klingon"})
    assert store.setting(settings.BUSINESS_NAME.key) is None


def test_an_unknown_key_is_an_error_that_names_the_near_one() -> None:
    with pytest.raises(SettingError, match="no setting is called 'privacy.retention_month'; "
                                           "did you mean privacy.retention_months"):
        settings.named("privacy.retention_month")


def test_a_setting_outside_the_registry_is_neither_read_nor_written(store: Store) -> None:
    stray = settings.Setting("desk.theme", Text(), "", "a colour scheme")
    with pytest.raises(SettingError, match="desk.theme is not a setting"):
        settings.put(store, stray, "dark")
    with pytest.raises(SettingError, match="desk.theme is not a setting"):
        settings.get(store, stray)


def test_a_key_is_defined_once() -> None:
    with pytest.raises(SettingError, match="the setting mode is defined twice"):
        settings._setting("mode", Text(), "", "again")


def test_the_mode_setting_takes_exactly_the_routing_modes() -> None:
    assert isinstance(settings.MODE.kind, Choice)
    assert settings.MODE.kind.choices == tuple(mode.value for mode in Mode)


def test_the_program_state_is_internal_and_the_rest_documented() -> None:
    internal = {s.key for s in settings.REGISTRY.values() if s.internal}
    assert internal == {"firstrun.done", "backup.last_ok", "privacy.retention_last_applied",
                        "bench.complete", "database.id"}
    assert all(s.help and "\n" not in s.help for s in settings.REGISTRY.values())


DOTTED = {key for key in settings.REGISTRY if "." in key}
SQL = re.compile(r"\b(INTO|FROM|UPDATE)\s+settings\b")


def spelled_keys(name: str, tree: ast.Module) -> list[str]:
    """Raw ``Store.setting`` calls, settings SQL and spelled-out dotted keys in one module."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("setting", "set_setting")):
            found.append(f"{name}:{node.lineno}: .{node.func.attr}(…)")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in DOTTED or SQL.search(node.value):
                found.append(f"{name}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_nothing_but_the_registry_reads_or_writes_the_settings_table() -> None:
    offenders = [
        found
        for package in ("app", "customscreen", "ui")
        for path in sorted((REPO / package).rglob("*.py"))
        if (name := path.relative_to(REPO).as_posix()) not in ALLOWED
        for found in spelled_keys(name, ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == [], "go through customscreen.storage.settings:\n" + "\n".join(offenders)


def test_the_spelling_check_finds_each_way_round_the_registry() -> None:
    code = ast.parse(
        'region = store.setting("region")\n'
        'store.set_setting("mode", "closed")\n'
        'name = business["business.name"]\n'
        'conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", pair)\n'
        'label = "the settings dialog"  # words, not a key\n')
    assert [found.split(": ", 1)[0] for found in spelled_keys("x.py", code)] == [
        "x.py:1", "x.py:2", "x.py:3", "x.py:4"]
