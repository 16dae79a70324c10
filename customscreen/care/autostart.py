"""Starting the desk when the user logs in, on Linux desktops.

The freedesktop autostart spec: a ``.desktop`` file in ``~/.config/autostart``
is run at login by GNOME, KDE, XFCE, Cinnamon and MATE alike. On Windows the
installer's "Start with Windows" task does the same with a registry Run key,
so this module only writes files and never asks which desktop is running.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "fr.customscreen.CustomScreen"


def autostart_file(config_home: Path | None = None) -> Path:
    """Where the login entry lives: ``$XDG_CONFIG_HOME/autostart``, else ``~/.config``."""
    if config_home is None:
        env = os.environ.get("XDG_CONFIG_HOME")
        config_home = Path(env) if env else Path.home() / ".config"
    return config_home / "autostart" / f"{APP_ID}.desktop"


def desk_command() -> str:
    """The program to run at login: the bundle itself, else ``customscreen`` on the PATH."""
    if getattr(sys, "frozen", False):
        return sys.executable
    return shutil.which("customscreen") or "customscreen"


def _exec_value(command: str) -> str:
    # The Exec key's own quoting (Desktop Entry spec, "The Exec key"): a path
    # with a space, such as a home folder named "Marie Dupont", must be quoted.
    if not any(c in command for c in ' \t"\'\\><~|&;$*?#()`'):
        return command
    escaped = command.replace("\\", "\\\\")
    for special in ('"', "`", "$"):
        escaped = escaped.replace(special, "\\" + special)
    return f'"{escaped}"'


def entry_text(command: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=CustomScreen\n"
        "Comment=Caller ID and call journal\n"
        "Comment[fr]=Identification d'appel et journal des appels\n"
        f"Exec={_exec_value(command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def enable(command: str | None = None, config_home: Path | None = None) -> Path:
    """Start the desk at every login; returns the file written."""
    target = autostart_file(config_home)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".desktop.part")
    temporary.write_text(entry_text(command or desk_command()), encoding="utf-8")
    os.replace(temporary, target)
    return target


def disable(config_home: Path | None = None) -> bool:
    """Stop starting at login; returns whether there was anything to remove."""
    target = autostart_file(config_home)
    if not target.exists():
        return False
    target.unlink()
    return True


def is_enabled(config_home: Path | None = None) -> bool:
    return autostart_file(config_home).exists()
