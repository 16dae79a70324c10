"""What every command shares: exit codes, the database it works on, a clean stop.

Exit codes: 0 done, 1 the command ran and found problems (bad rows, a damaged
file), 2 it could not run (bad arguments, a database or line that cannot be
opened).
"""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path

from customscreen.storage.paths import default_db
from customscreen.storage.store import require_journal

EXIT_PROBLEMS = 1
EXIT_FAILED = 2


def wait_until_stopped(done: threading.Event) -> None:
    """Block until ``done`` or SIGINT/SIGTERM; a service manager stops us with SIGTERM."""
    def stop(signum: int, frame: object) -> None:
        done.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while not done.is_set():
        done.wait(0.5)


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db else default_db()


def journal_path(args: argparse.Namespace) -> Path:
    """The database a command reads or backs up; StoreError when there is none.

    Every command but the first run, ``demo`` and ``office init`` goes through
    here (or ``Store(create=False)``, the same rule): a mistyped ``--db`` is
    refused with exit code 2 and the way to create a journal, never opened as
    a new empty one.
    """
    return require_journal(db_path(args))
