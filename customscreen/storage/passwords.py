"""SIP passwords kept out of the settings: in the system keyring, else in a private file.

A source URL in the settings names the account (``sip://201@pbx.local``) but not
its password, because the settings live in the database that is copied to USB
keys and backups. The password is looked up here when the line is opened and
put into the URL handed to ``telephony`` (which knows nothing of where it came
from).

Where: the system keyring (GNOME Keyring / KWallet, macOS Keychain, Windows
Credential Manager) through the ``keyring`` package when one is there; else a
file only the user can read (mode 0600, in a 0700 folder under the user's
configuration folder) — what ssh and git do with their credentials.

Named ``passwords`` and not ``secrets``, which would shadow the standard library
module of that name for anyone running a script from this folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import platformdirs

from customscreen.storage.paths import APP_NAME

KEYRING_SERVICE = "CustomScreen SIP"
FILE_NAME = "sip-passwords.json"
_FILE_MODE = 0o600
_FOLDER_MODE = 0o700


class PasswordError(ValueError):
    """A SIP account in the settings has no password anywhere; the message says how to add one."""


def password_file() -> Path:
    """The fallback file: ``$CUSTOMSCREEN_CONFIG_DIR`` or the user configuration folder."""
    folder = os.environ.get("CUSTOMSCREEN_CONFIG_DIR") or platformdirs.user_config_dir(
        APP_NAME, appauthor=False)
    return Path(folder) / FILE_NAME


def _account(user: str, host: str) -> str:
    return f"{user}@{host.lower()}"


def _keyring() -> Any | None:
    """The system keyring, or None when there is none (a server, a bare session).

    Imported lazily: a headless journal on a modem has no use for it, and it is
    an optional dependency.
    """
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration means "none"
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def where() -> str:
    """``"keyring"`` or the fallback file's path: what the settings dialog shows."""
    return "keyring" if _keyring() is not None else str(password_file())


def sip_password(user: str, host: str) -> str | None:
    """The password of ``user`` at ``host``, from the keyring or the private file."""
    backend = _keyring()
    if backend is not None:
        try:
            found = backend.get_password(KEYRING_SERVICE, _account(user, host))
        except Exception:  # noqa: BLE001 - a locked or broken keyring: try the file
            found = None
        if found is not None:
            return str(found)
    return _read_file().get(_account(user, host))


def set_sip_password(user: str, host: str, password: str) -> str:
    """Keep the password; returns where it went (see :func:`where`)."""
    if _keep_in_keyring(_account(user, host), password):
        _forget_in_file(_account(user, host))
        return "keyring"
    stored = _read_file()
    stored[_account(user, host)] = password
    _write_file(stored)
    return str(password_file())


def _keep_in_keyring(account: str, password: str) -> bool:
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, account, password)
    except Exception:  # noqa: BLE001 - a locked or refusing keyring: the file will do
        return False
    return True


def forget_sip_password(user: str, host: str) -> None:
    backend = _keyring()
    if backend is not None:
        # Not there, or no usable keyring after all: either way it is gone.
        with contextlib.suppress(Exception):
            backend.delete_password(KEYRING_SERVICE, _account(user, host))
    _forget_in_file(_account(user, host))


def with_password(url: str) -> str:
    """``sip://201@pbx?…`` with the kept password filled in; other URLs unchanged.

    A URL that already carries a password (an old setting, a test) is used as
    it is. Raises :class:`PasswordError` when none is kept.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "sip" or not parts.username or parts.password is not None:
        return url
    user, host = unquote(parts.username), parts.hostname or ""
    password = sip_password(user, host)
    if password is None:
        raise PasswordError(
            f"no password kept for the SIP account {user}@{host}; "
            f"set it with: customscreen password set {user}@{host}"
        )
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@" + parts.netloc.split("@", 1)[1]
    return urlunsplit(parts._replace(netloc=netloc))


def take_from_url(url: str) -> str:
    """Keep the password of ``sip://201:secret@pbx`` apart; returns ``sip://201@pbx``.

    The rule for every way a line reaches the settings (the settings dialog,
    the first-run wizard, ``settings.set_sources``, a database from an older
    version): the URL is saved without its password, which goes where
    ``customscreen password set`` puts it, and :func:`with_password` puts it
    back when the line is opened. Other URLs are returned as they are. A
    masked ``***`` (an address copied from a message) is dropped, not kept.
    Raises :class:`PasswordError` when the password cannot be kept (a full or
    read-only disk): better nothing saved than the password in the database.
    """
    if not url.lower().startswith("sip:"):
        return url
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        password = None
    if password is not None and parts.username:
        user, host = unquote(parts.username), parts.hostname or ""
        if unquote(password) not in ("", "***"):
            try:
                set_sip_password(user, host, unquote(password))
            except OSError as exc:
                raise PasswordError(
                    f"cannot keep the password of {user}@{host} apart ({exc}); nothing saved"
                ) from None
        account = parts.netloc.rpartition("@")
        url = url.replace(parts.netloc, f"{parts.username}@{account[2]}", 1)
    # What urlsplit cannot read (a "/" in the password, a bracket left open)
    # names no account to keep it for: dropped rather than saved. Such a URL
    # does not open anyway, and says why when the line is tried.
    return _without_password(url)


def _without_password(url: str) -> str:
    from telephony.source import mask_password

    return mask_password(url).replace(":***@", "@", 1)


def shown_by_ps(urls: list[str]) -> str | None:
    """The warning for lines given with their password on the command line, or None.

    Every user of the computer sees a process's arguments (``ps``, the task
    manager); the way out is to keep the password apart and give the URL
    without it, which ``listen`` completes from where it is kept.
    """
    from telephony.source import mask_password

    typed = [url for url in urls if mask_password(url) != url]
    if not typed:
        return None
    shown = mask_password(typed[0])
    try:
        parts = urlsplit(shown)
        account = f"{unquote(parts.username or 'USER')}@{parts.hostname or 'PBX'}"
    except ValueError:
        account = "USER@PBX"
    return (f"warning: ps shows the password in {shown} to every user of this computer; "
            f"keep it apart with `customscreen password set {account}` "
            f"and give the line as {_without_password(typed[0])}")


# -- the private file ---------------------------------------------------------------


def _read_file() -> dict[str, str]:
    path = password_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none kept yet, or a damaged file: as if empty
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(stored: dict[str, str]) -> None:
    path = password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, _FOLDER_MODE)
    tmp = path.with_name(path.name + ".part")
    # Created 0600 from the start: a chmod after writing would leave a moment
    # in which another user could open it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(stored, f, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, _FILE_MODE)  # in case the file existed with looser rights
    os.replace(tmp, path)


def _forget_in_file(account: str) -> None:
    stored = _read_file()
    if account in stored:
        del stored[account]
        _write_file(stored)
