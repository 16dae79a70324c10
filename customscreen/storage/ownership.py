"""One owner per line: a database journals the calls of one process, a modem is read by one.

Two programs journaling the same calls would write every call twice, and two
programs reading one modem would each see half of its bytes. So the process
that journals takes an owner lock next to the database (``<db>.owner``), and
the one that reads a modem takes a lock keyed by the device in the user's
runtime folder. Both are ``flock`` locks (``msvcrt.locking`` on Windows): the
system drops them when the process dies, even on ``kill -9`` or a power cut,
so a stale lock can never keep the office from taking its calls.

The lock file says who holds it (process id, computer, command line), so the
second program can tell the person which one to stop. The desk calls
:func:`claim`; on :class:`Held` it opens the database read-only.
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

# Windows locks byte ranges and then refuses to let others read them, so the
# lock covers one byte far past the details, which stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 20
_WINDOWS_LOCK_BYTES = 1
# A holder writes its details right after taking the lock; a reader that finds
# the file still empty waits this long for them before saying "unknown".
_DETAILS_WAIT_S = 0.5


@dataclass(frozen=True)
class Held:
    """Another process owns it; what its lock file says about that process."""

    what: str  # "database /path/x.sqlite" or "modem /dev/ttyUSB0"
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

    def __init__(self, what: str, lock_path: Path, handle: IO[str]) -> None:
        self.what = what
        self.lock_path = lock_path
        self._handle: IO[str] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # Empty the file before letting go, so nobody reads a gone owner's name.
        handle.seek(0)
        handle.truncate()
        handle.flush()
        _unlock(handle)
        handle.close()

    def __enter__(self) -> Claim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def owner_file(db_path: Path) -> Path:
    """The lock file beside a database: ``journal.sqlite.owner``."""
    return db_path.with_name(db_path.name + ".owner")


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
    """Become the one process that journals calls into ``db_path``, or say who is."""
    return _claim(owner_file(Path(db_path)), f"the journal {db_path}")


def claim_device(device: str) -> Claim | Held:
    """Become the one process that reads the modem on ``device``, or say who is."""
    return _claim(device_lock_file(device), f"the modem {device}")


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
    """Who journals into ``db_path`` now, without taking anything."""
    result = claim(db_path)
    if isinstance(result, Claim):
        result.release()
        return None
    return result


def _claim(lock_path: Path, what: str) -> Claim | Held:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    # "a+": never truncate on open, the holder's details must survive our look.
    handle = open(lock_path, "a+", encoding="utf-8")  # kept open while held
    if not _try_lock(handle):
        held = _read_details(handle, what)
        handle.close()
        return held
    handle.seek(0)
    handle.truncate()
    json.dump({"pid": os.getpid(), "host": socket.gethostname(),
               "cmdline": _command_line()}, handle)
    handle.flush()
    os.fsync(handle.fileno())
    return Claim(what, lock_path, handle)


def _read_details(handle: IO[str], what: str) -> Held:
    deadline = time.monotonic() + _DETAILS_WAIT_S
    while True:
        handle.seek(0)
        text = handle.read()
        try:
            details = json.loads(text)
            break
        except ValueError:
            # Empty or half written: the holder has just taken the lock.
            if time.monotonic() >= deadline:
                details = {}
                break
            time.sleep(0.02)
    return Held(what, int(details.get("pid") or 0), str(details.get("host") or ""),
                str(details.get("cmdline") or ""))


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

    def _try_lock(handle: IO[str]) -> bool:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, _WINDOWS_LOCK_BYTES)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, _WINDOWS_LOCK_BYTES)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
