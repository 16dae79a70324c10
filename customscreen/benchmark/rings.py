"""Ring to card: caller ID written on a line until the caller is shown.

The lines are the real ones: a modem on a pseudo-terminal (``FakeModem``
plays the bytes a Conexant modem sends) read by ``ModemLine`` through
pyserial, and SIP INVITEs sent over loopback UDP to a ``sip-listen`` line.
What counts as "shown" is up to the caller: the switchboard announcing the
call (headless), or the desk's card becoming visible (``ui.benchmark``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from customscreen.benchmark.timing import FinishLine
from customscreen.calls.switchboard import CallAnnounced, LineChanged, Notice, Switchboard
from customscreen.storage.store import Store
from telephony.events import LineState
from telephony.modem.fake import FakeModem
from telephony.sip.probe import SipProbe, ring_time
from telephony.source import open_source

LINE_UP_TIMEOUT_S = 15.0


def _wait_up(board: Switchboard) -> threading.Event:
    up = threading.Event()

    def watch(notice: Notice) -> None:
        if isinstance(notice, LineChanged) and notice.status.state is LineState.UP:
            up.set()

    board.add_observer(watch)
    return up


def modem(board: Switchboard, finish: FinishLine, calls: int,
          until: Callable[[], bool] | None = None, pause_s: float = 0.0) -> list[float]:
    """Milliseconds from the NMBR line written to the pty to the finish line.

    ``calls`` at most; fewer when ``until()`` says stop before one, with
    ``pause_s`` of quiet between two calls.
    """
    samples = []
    with FakeModem(chipset="conexant") as fake:
        up = _wait_up(board)
        line = open_source(f"modem:{fake.device}?profile=auto")
        board.attach(line)
        try:
            if not up.wait(LINE_UP_TIMEOUT_S):
                raise RuntimeError("the benchmark modem did not come up")
            for i in range(calls):
                if until is not None and until():
                    break
                if i and pause_s:
                    time.sleep(pause_s)
                raw = f"05364{i:05d}"
                # French order: caller ID before the first RING; the RING after
                # it lets the next record start a new call at once.
                record = f"DATE = 1122\r\nTIME = 0900\r\nNMBR = {raw}\r\n".encode()
                start = time.perf_counter()
                fake.play(record)
                seen = finish.wait(f"+33{raw[1:]}")
                if seen is None:
                    raise RuntimeError(f"call {raw} never reached the finish line")
                samples.append((seen - start) * 1000)
                fake.play(b"\r\nRING\r\n")
        finally:
            line.stop()
    return samples


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sip(board: Switchboard, finish: FinishLine, calls: int) -> list[float]:
    """Milliseconds from an INVITE sent on loopback to the finish line."""
    port = free_udp_port()
    line = open_source(f"sip-listen://127.0.0.1:{port}")
    board.attach(line)
    samples = []
    try:
        for i in range(calls):
            number = f"+33536{i:06d}"
            with SipProbe("127.0.0.1", port, number=number, display_name="Bench") as probe:
                start = time.perf_counter()
                probe.invite()
                seen = finish.wait(number)
                if seen is None:
                    raise RuntimeError(f"INVITE {number} never reached the finish line")
                samples.append((seen - start) * 1000)
                probe.wait_for_answer(2.0)
                probe.cancel()
                probe.wait_for(487, 2.0)
    finally:
        line.stop()
    return samples


def headless(store: Store, calls: int) -> dict[str, list[float]]:
    """The lines without the desk: NMBR written -> call journaled and announced
    (the modem's own target), and INVITE -> 180 Ringing from our user agent."""
    board = Switchboard(store, "FR")
    finish = FinishLine()

    def announced(notice: Notice) -> None:
        if isinstance(notice, CallAnnounced):
            finish.mark(notice.call.number)

    board.add_observer(announced)
    try:
        modem_ms = modem(board, finish, calls)
        port = free_udp_port()
        board.attach(open_source(f"sip-listen://127.0.0.1:{port}"))
        ringing_ms = invite_to_ringing(port, calls)
    finally:
        board.stop()
    return {"modem": modem_ms, "sip": ringing_ms}


def invite_to_ringing(port: int, calls: int) -> list[float]:
    """Milliseconds from INVITE to 180 Ringing at whatever answers on ``port``."""
    samples = []
    for i in range(calls):
        answer = ring_time("127.0.0.1", port, f"+33536{i:06d}", "Bench")
        if answer is not None and answer.status == 180:
            samples.append(answer.elapsed_s * 1000)
    return samples


def baresip_reference(calls: int) -> list[float] | None:
    """INVITE → 180 of baresip as the called side, or None when it is not installed."""
    binary = shutil.which("baresip")
    if binary is None:
        return None
    port = free_udp_port()
    folder = Path(tempfile.mkdtemp(prefix="customscreen-bench-"))
    modules = Path("/usr/lib/baresip/modules")
    (folder / "config").write_text(
        "poll_method\tpoll\n"
        f"sip_listen\t127.0.0.1:{port}\n"
        "audio_player\taufile,/dev/null\naudio_source\tausine,440\n"
        "audio_alert\taufile,/dev/null\n"
        f"module_path\t{modules}\n"
        "module\tg711.so\nmodule\tausine.so\nmodule\taufile.so\nmodule\taccount.so\n"
    )
    (folder / "accounts").write_text(f"<sip:reception@127.0.0.1:{port}>;regint=0\n")
    process = subprocess.Popen([binary, "-f", str(folder)], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not invite_to_ringing(port, 1):
            time.sleep(0.1)
        return invite_to_ringing(port, calls) or None
    finally:
        process.terminate()
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)
