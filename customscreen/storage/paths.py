"""Where the database lives when nobody says, and files only their owner may read."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import cast

import platformdirs

APP_NAME = "CustomScreen"


def default_db() -> Path:
    """``$CUSTOMSCREEN_DB``, else the platform's user data folder."""
    env = os.environ.get("CUSTOMSCREEN_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "customscreen.sqlite"


# -- files only their owner may read ------------------------------------------------------
#
# The journal, its backups, exports and recordings hold every caller's name and
# number: on a shared computer nobody else may read them. Each is created with
# these modes explicitly (the command line also sets a umask of 077 at start-up,
# see app/cli.py, for anything written by a library we do not control).

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is readable and writable by its owner only.

    Called before SQLite opens a new database: SQLite gives the ``-wal`` and
    ``-shm`` files the mode of the database file, so they are private too.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE)
    try:
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    return path


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its parents) as folders only their owner may enter.

    A folder that already exists keeps its mode: it may be a shared one the
    user chose (a backup disk), and the files in it are private anyway.
    """
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return path


def open_private(path: Path, *, encoding: str = "utf-8",
                 newline: str | None = None) -> io.TextIOWrapper:
    """``open(path, "w")`` for a new text file (an export) that only its owner may read."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_FILE)  # a file that was there keeps its mode through O_CREAT
        return cast(io.TextIOWrapper, os.fdopen(fd, "w", encoding=encoding, newline=newline))
    except BaseException:
        os.close(fd)
        raise
