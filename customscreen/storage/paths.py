"""Where the database lives when nobody says."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "CustomScreen"


def default_db() -> Path:
    """``$CUSTOMSCREEN_DB``, else the platform's user data folder."""
    env = os.environ.get("CUSTOMSCREEN_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "customscreen.sqlite"
