"""A real X display for the tests that must see a window system: Xvfb and a window manager.

The offscreen platform has no window manager, no focus and no real windows;
some bugs (the crash on quit of issue 14) only show on a real display. The
fixture starts ``Xvfb`` on a display number it picks itself (``-displayfd``),
then ``openbox`` on it, and yields the ``DISPLAY``. Without them the test
fails saying what to install: a skipped test would hide that nothing ran.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import wait_until

#: The receptionist's screen of issue 14.
SCREEN = "1366x768x24"
#: Xvfb answers in well under a second; a loaded machine gets some slack.
START_SECONDS = 20.0
INSTALL = "install them with `make sysdeps` as root (Debian packages xvfb and openbox)"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _read_display(process: subprocess.Popen[bytes], fd: int, log: Path) -> str:
    """The number Xvfb writes on ``fd`` once it accepts clients.

    Read up to the newline: Xvfb writes the number and the newline in two
    writes, and dies ("Cannot write display number") if the pipe was closed
    between them.
    """
    deadline, said = time.monotonic() + START_SECONDS, b""
    while not said.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 64) if ready else b""
        if not chunk:
            break
        said += chunk
    number = said.decode().strip()
    if not said.endswith(b"\n") or not number.isdigit():
        _stop(process)
        pytest.fail(f"Xvfb did not start within {START_SECONDS:g} s "
                    f"(exit code {process.poll()}): {log.read_text(errors='replace')[-2000:]}")
    return f":{number}"


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """The ``DISPLAY`` of a fresh Xvfb screen with openbox managing its windows."""
    xvfb, openbox = shutil.which("Xvfb"), shutil.which("openbox")
    if xvfb is None or openbox is None:
        pytest.fail(f"a real window system is needed (Xvfb: {xvfb}, openbox: {openbox}): "
                    f"{INSTALL}")
    log = tmp_path / "xvfb.log"
    read, write = os.pipe()
    try:
        with log.open("wb") as out:
            server = subprocess.Popen(
                [xvfb, "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp",
                 # One server for many desks: no reset when the last one quits.
                 "-noreset"],
                pass_fds=(write,), stdout=out, stderr=subprocess.STDOUT)
        os.close(write)
        display = _read_display(server, read, log)
    finally:
        os.close(read)
    ready = tmp_path / "openbox-ready"
    wm_log = tmp_path / "openbox.log"
    with wm_log.open("wb") as out:
        # --startup runs once openbox manages the screen: the sign it is ready.
        manager = subprocess.Popen(
            [openbox, "--sm-disable", "--startup", f"touch {ready}"],
            env={**os.environ, "DISPLAY": display}, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: ready.exists() or manager.poll() is not None, START_SECONDS,
                   "openbox to manage the screen")
        if manager.poll() is not None:
            pytest.fail(f"openbox exited ({manager.returncode}) on {display}: "
                        f"{wm_log.read_text(errors='replace')[-2000:]}")
        yield display
    finally:
        _stop(manager)
        _stop(server)
