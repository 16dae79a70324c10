"""A modem on a pseudo-terminal, for tests and for ``customscreen bench``.

``FakeModem`` opens a pty and answers AT commands on its master side as a
chipset would: it echoes until ``ATE0``, tells who it is to ``ATI``/``ATI3``/
``AT+GMI``, says ``ERROR`` to the commands it is told to refuse and ``OK`` to
the rest. ``play(raw)`` writes a recorded transcript to the line as if the
telephone network had just sent it.

``unplug()`` closes the pty, which makes reads on the other side fail the way a
USB modem pulled out does (EIO, or pyserial's "device reports readiness to
read but returned no data"); ``replug()`` opens a new one. A new pty has a new
``/dev/pts/N``, so ``device`` is a symlink in a private directory that is
re-pointed on replug: the URL ``modem:<device>`` stays valid, as
``/dev/serial/by-id/...`` does for a real modem.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import tempfile
import threading
import tty
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

#: What a few chipsets say of themselves; enough for ``profiles.detect_chipset``.
IDENTITIES: dict[str, dict[str, str]] = {
    "conexant": {"ATI": "56000", "ATI3": "CX93001-EIS_V0.2002-V92", "AT+GMI": "CONEXANT"},
    "usrobotics": {"ATI": "5601", "ATI3": "U.S. Robotics 56K FAX USB V1.2.23", "AT+GMI": ""},
    "gsm": {"ATI": "Quectel\r\nEC25\r\nRevision: EC25EFAR06A06M4G", "AT+GMI": "Quectel"},
    "generic": {"ATI": "56000"},
}

# How often the answering thread looks at the stop flag and the plug.
_POLL_S = 0.05
# Commands longer than this are garbage on the line, as a modem's own buffer
# (typically 40 to 256 characters) would decide.
_MAX_COMMAND = 256


class FakeModem:
    """A pseudo-terminal modem; use as a context manager or call ``close()``."""

    def __init__(
        self,
        chipset: str = "conexant",
        refuses: Iterable[str] = (),
        identity: dict[str, str] | None = None,
    ) -> None:
        self.identity = dict(IDENTITIES[chipset] if identity is None else identity)
        self.refuses = {command.upper() for command in refuses}
        self._dir = Path(tempfile.mkdtemp(prefix="fake-modem-"))
        #: The stable path to open: a symlink to the current pty.
        self.device = str(self._dir / "modem")
        self._lock = threading.Lock()
        self._commands_changed = threading.Condition(self._lock)
        self._commands: list[str] = []
        self._master: int | None = None
        self._slave: int | None = None
        self._echo = True
        self._pending = bytearray()
        self._stop = threading.Event()
        self.replug()
        self._thread = threading.Thread(target=self._run, name="fake-modem", daemon=True)
        self._thread.start()

    # -- what tests drive ----------------------------------------------------

    @property
    def commands(self) -> list[str]:
        """Every AT command received so far, in order."""
        with self._lock:
            return list(self._commands)

    @property
    def plugged(self) -> bool:
        with self._lock:
            return self._master is not None

    def wait_for_command(self, command: str, timeout: float = 5.0, count: int = 1) -> bool:
        """Wait until ``command`` has been received ``count`` times."""
        with self._commands_changed:
            return self._commands_changed.wait_for(
                lambda: self._commands.count(command.upper()) >= count, timeout
            )

    def play(self, raw: bytes) -> None:
        """Send bytes to the computer as if the line had just carried them."""
        with self._lock:
            if self._master is None:
                raise RuntimeError("the fake modem is unplugged")
            self._write(raw)

    def unplug(self) -> None:
        """Pull the cable: close the pty and remove the device path."""
        with self._lock:
            self._close_pty()
            Path(self.device).unlink(missing_ok=True)

    def replug(self) -> None:
        """Plug back in: a new pty behind the same device path, in its power-on state."""
        with self._lock:
            self._close_pty()
            master, slave = os.openpty()
            # Raw mode before anyone opens it: no echo, no CR/LF translation by
            # the tty layer (pyserial sets raw too, but only once it opens).
            tty.setraw(slave)
            self._master, self._slave = master, slave
            self._echo = True
            self._pending.clear()
            link = self._dir / "modem.new"
            link.unlink(missing_ok=True)
            link.symlink_to(os.ttyname(slave))
            os.replace(link, self.device)

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        self.unplug()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> FakeModem:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- the answering thread ---------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                master = self._master
            if master is None:
                self._stop.wait(_POLL_S)
                continue
            try:
                readable, _, _ = select.select([master], [], [], _POLL_S)
            except (OSError, ValueError):
                continue  # unplugged while we waited
            if not readable:
                continue
            with self._lock:
                if self._master != master:
                    continue
                try:
                    data = os.read(master, 1024)
                except OSError:
                    data = b""  # EIO: nobody has the other side open right now
                if data:
                    self._take(data)
            if not data:
                self._stop.wait(_POLL_S)

    def _take(self, data: bytes) -> None:
        for byte in data:
            if byte in (0x0D, 0x0A):
                command = self._pending.decode("latin-1").strip()
                self._pending.clear()
                if command:
                    self._answer(command)
            elif len(self._pending) < _MAX_COMMAND:
                self._pending.append(byte)

    def _answer(self, command: str) -> None:
        upper = command.upper()
        if self._echo:
            self._write(command.encode("latin-1") + b"\r")
        self._commands.append(upper)
        self._commands_changed.notify_all()
        if not upper.startswith("AT"):
            return
        if upper in self.refuses:
            self._write(b"\r\nERROR\r\n")
            return
        if upper == "ATZ":
            self._echo = True  # a reset restores the power-on echo
        elif upper == "ATE0":
            self._echo = False
        elif upper == "ATE1":
            self._echo = True
        text = self.identity.get(upper)
        if text:
            self._write(b"\r\n" + text.encode("latin-1") + b"\r\n")
        self._write(b"\r\nOK\r\n")

    def _write(self, data: bytes) -> None:
        # Called with the lock held.
        assert self._master is not None
        view = memoryview(data)
        while view:
            written = os.write(self._master, view)
            view = view[written:]

    def _close_pty(self) -> None:
        # Called with the lock held.
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):  # already closed: what we wanted
                    os.close(fd)
        self._master = self._slave = None
