"""The bundle's entry point: the same ``customscreen`` command as a pip install.

PyInstaller needs a script, not a ``module:function`` entry point; this is
that script and nothing more, so the bundle and ``pip install`` cannot drift.
"""

from __future__ import annotations

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
