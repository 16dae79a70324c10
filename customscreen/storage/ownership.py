"""One owner per line: a database journals the calls of one process, a modem is read by one.

Two programs journaling the same calls would write every call twice, and two
programs reading one modem would each see half of its bytes. So the process
that journals takes an owner lock on the database, and the one that reads a
modem takes a lock keyed by the device in the user's runtime folder. Both are
``flock`` locks: the system drops them when the process dies, even on
``kill -9`` or a power cut, so a stale lock can never keep the office from
taking its calls.

The database's lock is taken on the database file itself, through whatever
path leads to it (a symlink, a hard link, a second name): deleting or
replacing a file beside it cannot let a second owner in, and a lock taken on a
file that was replaced meanwhile is let go and taken again on the new one. On
Linux ``flock`` and SQLite's own POSIX (``fcntl``) locks are independent, so
the two never meet; a process must not close a descriptor of the database
while its SQLite connection is open (that would drop SQLite's POSIX locks),
which is why :func:`claim` comes before the store is opened and
:meth:`Claim.release` after it is closed. Windows cannot lock the database
file without locking SQLite out of it, but it refuses to delete or replace a
file that is open: there the lock is ``<db>.lock``, held open.

Who holds the lock (process id, computer, command line) is written beside the
database in ``<db>.owner``, for people: the second program tells the person
which one to stop. The desk calls :func:`claim`; on :class:`Held` it opens the
database read-only.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import platformdirs

from customscreen.storage.paths import APP_NAME
from customscreen.storage.store import require_journal

# Windows locks byte ranges and then refuses to let others read them, so the
# lock covers one byte far past anything written in the lock file.
_WINDOWS_LOCK_OFFSET = 1 << 20
_WINDOWS_LOCK_BYTES = 1
# A holder writes its details right after taking the lock; a reader that finds
# none yet (or a dead process's) waits this long for them before saying "unknown".
_DETAILS_WAIT_S = 0.5
# A lock taken on a file that was replaced in the same instant is taken again
# on the new file; more than a few such races in a row is someone's loop.
_RELOCK_ATTEMPTS = 5


@dataclass(frozen=True)
class Held:
    """Another process owns it; what its details file says about that process."""

    what: str  # "the journal /path/x.sqlite" or "the modem /dev/ttyUSB0"
    pid: int
    host: str
    cmdline: str

    @property
    def here(self) -> bool:
        return self.host == socket.gethostname()

    def explain(self) -> str:
        where = "on this computer" if self.here else f"on the computer {self.host or '?'}"
        who = f"process {self.pid}" if self.pid else "another process"
        command = f" ({self.cmdline})" if self.cmdline else ""
        return f"{self.what} is already used by {who}{command} {where}"


class Claim:
    """The lock, held as long as this object is open; ``release()`` or process exit ends it."""

    def __init__(self, what: str, lock_path: Path, handle: IO[bytes],
                 details_path: Path) -> None:
        self.what = what
        self.lock_path = lock_path
        self.details_path = details_path
        self._handle: IO[bytes] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # Take our name away before letting go, so nobody reads a gone owner's.
        if _details_of(self.details_path).get("pid") == os.getpid():
            self.details_path.unlink(missing_ok=True)
        _unlock(handle)
        handle.close()

    def __enter__(self) -> Claim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def owner_file(db_path: Path) -> Path:
    """The details beside a database, through any path to it: ``journal.sqlite.owner``."""
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".owner")


def device_lock_file(device: str) -> Path:
    """The lock file of a serial device, the same for every name of that device.

    ``/dev/serial/by-id/usb-…`` and ``/dev/ttyACM0`` are one modem: the path is
    resolved first. The runtime folder is private to the user and emptied at
    boot, which is what a lock on a plugged device wants.
    """
    real = os.path.realpath(device) if os.path.exists(device) else device
    digest = hashlib.sha256(real.encode()).hexdigest()[:16]
    readable = "".join(ch if ch.isalnum() else "_" for ch in real)[-40:]
    folder = Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False)) / "locks"
    return folder / f"device-{readable}-{digest}.lock"


def claim(db_path: Path) -> Claim | Held:
    """Become the one process that journals calls into ``db_path``, or say who is.

    StoreError when there is no journal at ``db_path``: a lock never creates one.
    """
    real = Path(os.path.realpath(require_journal(Path(db_path))))
    what = f"the journal {db_path}"
    if sys.platform == "win32":
        return _claim(real.with_name(real.name + ".lock"), what, owner_file(real), create=True)
    return _claim(real, what, owner_file(real), create=False)


def claim_device(device: str) -> Claim | Held:
    """Become the one process that reads the modem on ``device``, or say who is."""
    lock = device_lock_file(device)
    return _claim(lock, f"the modem {device}", lock.with_name(lock.name + ".owner"),
                  create=True)


def claim_line(url: str) -> Claim | None:
    """The device lock of a ``modem:`` URL; None for lines that are not a local device.

    Raises OSError naming the process that already reads the modem.
    """
    if not url.lower().startswith("modem:"):
        return None
    from telephony.modem.transport import parse_modem_url

    device = parse_modem_url(url).device
    if "://" in device:
        return None  # a serial server on the network: it serves one client itself
    result = claim_device(device)
    if isinstance(result, Held):
        raise OSError(f"{result.explain()}; stop that process first")
    return result


def holder(db_path: Path) -> Held | None:
    """Who journals into ``db_path`` now, without taking anything.

    Not for a process that has the database open itself (see the module's note).
    """
    result = claim(db_path)
    if isinstance(result, Claim):
        result.release()
        return None
    return result


def _claim(lock_path: Path, what: str, details_path: Path, create: bool) -> Claim | Held:
    if create:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(_RELOCK_ATTEMPTS):
        # "ab": never truncate, and never create the database ("rb" then).
        handle = open(lock_path, "ab" if create else "rb")  # kept open while held
        if not _try_lock(handle):
            handle.close()
            return _read_details(details_path, what)
        if _same_file(handle, lock_path):
            break
        _unlock(handle)  # replaced between our open and our lock: lock the new one
        handle.close()
    else:
        return Held(what, 0, "", "")
    _write_details(details_path, {"pid": os.getpid(), "host": socket.gethostname(),
                                  "cmdline": _command_line()})
    return Claim(what, lock_path, handle, details_path)


def _same_file(handle: IO[bytes], path: Path) -> bool:
    try:
        now = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(handle.fileno())
    return (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino)


def _write_details(path: Path, details: dict[str, object]) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(details, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError:
        # A read-only folder: the lock holds all the same, only the name is unknown.
        tmp.unlink(missing_ok=True)


def _details_of(path: Path) -> dict[str, object]:
    try:
        details = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return details if isinstance(details, dict) else {}


def _alive(details: dict[str, object]) -> bool:
    """Whether the details name a live process (one on another computer is taken at its word)."""
    pid = details.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    if details.get("host") != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, someone else's
    return True


def _read_details(path: Path, what: str) -> Held:
    deadline = time.monotonic() + _DETAILS_WAIT_S
    while True:
        details = _details_of(path)
        # Missing or a dead process's: the holder has just taken the lock, or
        # someone deleted the file; the lock holds either way.
        if _alive(details):
            break
        if time.monotonic() >= deadline:
            details = {}
            break
        time.sleep(0.02)
    pid = details.get("pid")
    from telephony.source import mask_password

    # Masked again: an older version, still running, wrote its password in clear.
    cmdline = " ".join(mask_password(arg) for arg in str(details.get("cmdline") or "").split())
    return Held(what, pid if isinstance(pid, int) else 0, str(details.get("host") or ""),
                cmdline)


def _command_line() -> str:
    """How the person started us, as they would type it: ``customscreen listen modem:…``.

    A password in a line's URL is masked (``sip://201:***@pbx``): the owner file
    is readable by others, and its command line is shown in their refusals.
    """
    from telephony.source import mask_password

    args = [mask_password(arg) for arg in sys.argv]
    if args and Path(args[0]).name in ("__main__.py", "customscreen"):
        args[0] = "customscreen"
    return " ".join(args)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, _WINDOWS_LOCK_BYTES)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, _WINDOWS_LOCK_BYTES)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
