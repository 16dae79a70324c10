"""Every setting of the program, spelled once: its key, type, default and what it does.

The settings are text in the database's ``settings`` table, so every desk on
the same database shares them. Nothing else in the program spells a key: it
names a ``Setting`` of this module and goes through ``get``, ``put`` or
``set_many``, which turn the text into the setting's type and back
(``customscreen.storage.setting_kinds``). The keys and text formats are those
earlier versions wrote, so an existing database keeps its settings.

- Reading never stops the program: a setting that is unset, empty, or holds
  text that does not read as its type (a hand edit, an old bug) gives its
  default, as it always did; ``problem`` says what is wrong with such a text,
  for the few places that must refuse it (the privacy retention).
- Writing checks: a value the setting does not take, or a setting that is not
  in this registry, raises ``SettingError`` before anything is written.

Settings marked ``internal`` are the program's own state (the first run is
done, the last verified backup), not choices for a person; every other one is
in the README's "Settings" table, which ``tests/test_docs.py`` keeps complete.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any, Generic, TypeVar
from urllib.parse import unquote, urlsplit

from customscreen.bulletins import Bulletin
from customscreen.storage import passwords
from customscreen.storage.setting_kinds import (
    Choice,
    Count,
    Country,
    Day,
    Flag,
    Folder,
    Kind,
    Lines,
    Moment,
    Text,
    TimeOfDay,
)
from customscreen.storage.store import DATABASE_ID_KEY, Store

T = TypeVar("T")


class SettingError(ValueError):
    """A value a setting does not take, or a key no setting has; the message says what to do."""


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One setting: compared by identity, since the registry holds one per key."""

    key: str
    kind: Kind[T]
    default: T
    help: str  # one line, for the README's table
    internal: bool = False  # the program's own state, not a person's choice

    def __repr__(self) -> str:
        return f"Setting({self.key!r})"


#: Every setting by key, in the order the README's table lists them.
REGISTRY: dict[str, Setting[Any]] = {}


def _setting(key: str, kind: Kind[T], default: T, help: str,
             internal: bool = False) -> Setting[T]:
    if key in REGISTRY:
        raise SettingError(f"the setting {key} is defined twice")
    kind.encode(default)  # a default the kind refuses is a typo here, caught at import
    setting = Setting(key, kind, default, help, internal)
    REGISTRY[key] = setting
    return setting


# -- the desk and its lines ---------------------------------------------------------------

SOURCES = _setting(
    "sources", Lines("line URLs, one a line"), [],
    "where calls come from: the lines the desk opens at start")
LANGUAGE = _setting(
    "desk.language", Choice(("system", "fr", "en")), "system",
    "the language of the desk; `system` follows the computer's")
CURRENT_USER = _setting(
    "desk.user", Text("a user's name"), "",
    "who is at the desk: written on the calls they take, and the author of documents")
REGION = _setting(
    "region", Country(), "",
    "the country of the line, for numbers sent without a country code; "
    "empty: the locale's, else France")

# -- screening ----------------------------------------------------------------------------

MODE = _setting(
    "mode", Choice(("normal", "priority", "closed")), "normal",
    "the screening mode the desk and `listen` start in (see `listen --mode`)")
SCHEDULE = _setting(
    "mode.schedule", Text("text, one slot a line"), "",
    "the weekly mode schedule: days, hours and a mode on each line")
FOLLOW_SCHEDULE = _setting(
    "mode.follow_schedule", Flag(), False,
    "whether the desk follows the weekly schedule (Mode ▸ Follow the weekly schedule)")

# -- the business, printed on documents ---------------------------------------------------

BUSINESS_NAME = _setting(
    "business.name", Text(), "", "the business's name, at the top of every document")
BUSINESS_ADDRESS = _setting(
    "business.address", Text("text, several lines"), "", "its postal address, on the letterhead")
BUSINESS_PHONE = _setting(
    "business.phone", Text(), "", "its telephone number, on the letterhead")
BUSINESS_FAX = _setting(
    "business.fax", Text(), "", "its fax number, on the letterhead and the transmission band")
BUSINESS_EMAIL = _setting(
    "business.email", Text(), "", "its e-mail address, on the letterhead")
BUSINESS_LOGO = _setting(
    "business.logo", Text("an image file"), "",
    "the logo at the top of the letterhead; a missing file prints none")
BUSINESS_SIGNATURE = _setting(
    "business.signature", Text("an image file"), "",
    "the signature printed in the sender's box of fax-style documents")
#: The business identity, in the order the settings dialog shows it.
BUSINESS = (BUSINESS_NAME, BUSINESS_ADDRESS, BUSINESS_PHONE, BUSINESS_FAX, BUSINESS_EMAIL,
            BUSINESS_LOGO, BUSINESS_SIGNATURE)

# -- backups and privacy ------------------------------------------------------------------

BACKUP_TIME = _setting(
    "backup.time", TimeOfDay(), time(12, 30),
    "when the daily backup is taken, local time (a computer that was off catches up)")
BACKUP_FOLDER = _setting(
    "backup.folder", Folder(), None,
    "where the daily backups go; empty: `backups` beside the database")
RETENTION_MONTHS = _setting(
    "privacy.retention_months", Count("months"), None,
    "calls older than this are deleted or anonymised once a day; empty: kept for ever")
RETENTION_ACTION = _setting(
    "privacy.retention_action",
    Choice(("delete", "anonymise"), aliases=(("anonymize", "anonymise"),)), "anonymise",
    "what the retention does to older calls")

# -- the program's own state --------------------------------------------------------------

FIRST_RUN_DONE = _setting(
    "firstrun.done", Flag(), False, "the first-run wizard was finished", internal=True)
LAST_BACKUP = _setting(
    "backup.last_ok", Moment(), None, "when the last verified backup was written", internal=True)
RETENTION_LAST_APPLIED = _setting(
    "privacy.retention_last_applied", Day(), None, "the day the retention last ran",
    internal=True)
DATABASE_ID = _setting(
    DATABASE_ID_KEY, Text("a uuid"), "",
    "the database's identity, given when it is created; its backups are named by it",
    internal=True)
BENCH_COMPLETE = _setting(
    "bench.complete", Flag("yes", "no"), False,
    "the synthetic database of `customscreen bench` was built to the end", internal=True)


# -- reading and writing ------------------------------------------------------------------


def named(key: str) -> Setting[Any]:
    """The setting called ``key``; an unknown key is an error that suggests the near ones."""
    setting = REGISTRY.get(key)
    if setting is None:
        near = difflib.get_close_matches(key, REGISTRY, n=1)
        hint = f"did you mean {near[0]}?" if near else f"the settings are {', '.join(REGISTRY)}"
        raise SettingError(f"no setting is called {key!r}; {hint}")
    return setting


def documented() -> list[Setting[Any]]:
    """The settings a person may choose, in the README's order: all but the internal ones."""
    return [setting for setting in REGISTRY.values() if not setting.internal]


def get(store: Store, setting: Setting[T]) -> T:
    """The setting's value: its default when unset, empty, or not readable as its type."""
    text = store.setting(_known(setting).key)
    if text:
        try:
            return setting.kind.decode(text)
        except ValueError:
            pass  # as earlier versions did; ``problem`` tells what is wrong
    return copy.copy(setting.default)  # a fresh list, not the registry's own


def problem(store: Store, setting: Setting[Any]) -> str | None:
    """What is wrong with the stored text, when it does not read as the setting's type."""
    text = store.setting(_known(setting).key)
    if not text:
        return None
    try:
        setting.kind.decode(text)
    except ValueError:
        return f"{setting.key} is {text!r}; write {_plain(setting)}, or leave it empty"
    return None


def put(store: Store, setting: Setting[T], value: T) -> None:
    """Write one setting; ``SettingError`` if it does not take ``value``."""
    store.set_setting(setting.key, encode(setting, _kept_apart(setting, value)))


def set_many(store: Store, values: Mapping[Setting[Any], Any]) -> None:
    """Write several settings in one transaction: a dialog's OK is all or nothing.

    Every value is checked before the first is written.
    """
    texts = {setting.key: encode(setting, _kept_apart(setting, value))
             for setting, value in values.items()}
    with store.transaction():
        for key, text in texts.items():
            store.set_setting(key, text)


def encode(setting: Setting[T], value: T) -> str:
    """The text ``value`` is stored as; ``SettingError`` saying what the setting takes."""
    _known(setting)
    try:
        return setting.kind.encode(value)
    except ValueError:
        raise SettingError(f"{setting.key} takes {_plain(setting)}, not {value!r}") from None


def _kept_apart(setting: Setting[T], value: T) -> T:
    """The lines without their SIP passwords, which go to the keyring or the private file.

    The settings are in the database, and the database is copied to backups
    and USB keys: however the lines are set, a password never goes with them
    (``passwords.take_from_url``). Raises ``passwords.PasswordError`` when one
    cannot be kept apart, before anything is written.
    """
    if setting is SOURCES and isinstance(value, list):
        return [passwords.take_from_url(url) if isinstance(url, str) else url
                for url in value]  # type: ignore[return-value]
    return value


#: How to put ``secure_delete`` back as it was (0, 1 or 2: off, on, fast).
_SECURE_DELETE = {1: "PRAGMA secure_delete = ON", 2: "PRAGMA secure_delete = FAST"}


def move_passwords_out(store: Store) -> list[Bulletin]:
    """Once at start: a database from an older version may hold ``sip://201:secret@…``.

    The password is moved where ``password set`` keeps it, the line stays
    without it, and the freed bytes are zeroed (``secure_delete``) and the WAL
    folded in, so that neither the file nor the next backup has it. Returns
    what was done, one bulletin per account, for the desk or ``listen`` to say;
    a password that cannot be kept apart now stays, and is said so. A desk
    that opened the file read-only (another process journals into it) leaves
    that to the owner, which does it when it starts.
    """
    if store.readonly:
        return []
    urls = sources(store)
    said: list[Bulletin] = []
    kept = []
    for url in urls:
        try:
            without = passwords.take_from_url(url)
        except passwords.PasswordError as exc:
            problem = str(exc).replace("; nothing saved", "")
            said.append(Bulletin("password_kept", f"{problem}; it stays in the settings",
                               {"account": _account(url), "problem": problem}, warning=True))
            without = url
        if without != url:
            account, where = _account(without), passwords.where()
            said.append(Bulletin("password_moved", f"moved the password of {account} out of "
                               f"the settings to {where}", {"account": account, "where": where},
                               warning=True))
        kept.append(without)
    if kept == urls:
        return said
    with store.transaction() as conn:
        before = conn.execute("PRAGMA secure_delete").fetchone()[0]
        conn.execute("PRAGMA secure_delete = ON")
        try:
            put(store, SOURCES, kept)
        finally:
            conn.execute(_SECURE_DELETE.get(before, "PRAGMA secure_delete = OFF"))
    store.query("PRAGMA wal_checkpoint(TRUNCATE)")
    return said


def _account(url: str) -> str:
    parts = urlsplit(url)
    return f"{unquote(parts.username or '')}@{parts.hostname or ''}"


def _known(setting: Setting[T]) -> Setting[T]:
    if REGISTRY.get(setting.key) is not setting:
        raise SettingError(f"{setting.key} is not a setting of customscreen.storage.settings")
    return setting


def _plain(setting: Setting[Any]) -> str:
    return setting.kind.describe().replace("`", "")


# -- shorthands for the settings read as a group ------------------------------------------


def sources(store: Store) -> list[str]:
    """The line URLs, one per configured line."""
    return get(store, SOURCES)


def set_sources(store: Store, urls: list[str]) -> None:
    put(store, SOURCES, urls)


def business(store: Store) -> dict[Setting[str], str]:
    """The business identity, in the order of ``BUSINESS``."""
    return {setting: get(store, setting) for setting in BUSINESS}
