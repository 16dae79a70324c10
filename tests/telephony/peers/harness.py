"""Real SIP peers for the end-to-end tests: baresip places calls, kamailio registers.

Each peer runs as a subprocess with its own temporary configuration on
loopback and free ports, and is killed in ``finally`` whatever the test did.
A missing binary fails the test (``make test`` installs both with apt-get);
it never skips silently.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from telephony.sip.message import Headers, SipRequest, SipResponse, parse_message
from tests.conftest import wait_until

PEERS = Path(__file__).parent
BARESIP_MODULES = Path("/usr/lib/baresip/modules")


def require(binary: str, package: str) -> str:
    path = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/sbin")
    if path is None:
        pytest.fail(f"{binary} is not installed: `make test` installs it "
                    f"(apt-get install {package}); these tests need a real SIP peer")
    return path


def free_port() -> int:
    """A port free for both UDP and TCP on loopback (kamailio listens on both)."""
    for _ in range(50):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        port = udp.getsockname()[1]
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            tcp.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            tcp.close()
            udp.close()
    raise RuntimeError("no free port on loopback")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=3)


class Baresip:
    """One baresip process placing one call, with a SIP trace in ``output``."""

    def __init__(self, workdir: Path, process: subprocess.Popen[bytes], log: Path) -> None:
        self.workdir = workdir
        self.process = process
        self.log = log

    @property
    def output(self) -> str:
        return self.log.read_bytes().decode("utf-8", "replace").replace("\r", "\n")


@contextmanager
def baresip_call(workdir: Path, target: str, *, number: str, name: str,
                 hangup_after: float = 3.0) -> Iterator[Baresip]:
    """Run baresip calling ``target`` as ``"name" <sip:number@127.0.0.1>``.

    baresip quits after ``hangup_after`` seconds, cancelling the call if it
    still rings. No audio device: ``ausine`` plays a tone, ``aufile`` writes /dev/null.
    """
    binary = require("baresip", "baresip")
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "config").write_text(
        "poll_method\t\tpoll\n"
        "sip_listen\t\t127.0.0.1:0\n"
        "audio_player\t\taufile,/dev/null\n"
        "audio_source\t\tausine,440\n"
        "audio_alert\t\taufile,/dev/null\n"
        f"module_path\t\t{BARESIP_MODULES}\n"
        "module\t\t\tg711.so\n"
        "module\t\t\tausine.so\n"
        "module\t\t\taufile.so\n"
        "module\t\t\tmenu.so\n"
        "module\t\t\taccount.so\n"
    )
    (workdir / "accounts").write_text(f'"{name}" <sip:{number}@127.0.0.1>;regint=0\n')
    log = workdir / "baresip.log"
    process = subprocess.Popen(
        [binary, "-f", str(workdir), "-s", "-e", f"/dial {target}", "-t", str(int(hangup_after))],
        stdin=subprocess.DEVNULL, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    try:
        yield Baresip(workdir, process, log)
    finally:
        _stop(process)


def sip_answers(port: int) -> bool:
    """Whether something on ``127.0.0.1:port`` answers an OPTIONS with 200."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        local = sock.getsockname()
        request = SipRequest("OPTIONS", f"sip:127.0.0.1:{port}", Headers((
            ("Via", f"SIP/2.0/UDP 127.0.0.1:{local[1]};branch=z9hG4bKready{time.time_ns()}"),
            ("Max-Forwards", "70"),
            ("From", "<sip:test@127.0.0.1>;tag=ready"),
            ("To", f"<sip:127.0.0.1:{port}>"),
            ("Call-ID", f"ready-{time.time_ns()}"),
            ("CSeq", "1 OPTIONS"),
        )))
        sock.sendto(request.to_bytes(), ("127.0.0.1", port))
        sock.settimeout(0.2)
        try:
            reply = parse_message(sock.recv(65536))
        except (TimeoutError, ValueError, ConnectionRefusedError):
            return False
        return isinstance(reply, SipResponse) and reply.status == 200


@contextmanager
def kamailio(workdir: Path, *, user: str, password: str) -> Iterator[int]:
    """A kamailio registrar on loopback with one account; yields its port."""
    binary = require("kamailio", "kamailio")
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    template = (PEERS / "kamailio.cfg.in").read_text()
    config = workdir / "kamailio.cfg"
    config.write_text(template.replace("@PORT@", str(port)).replace("@USER@", user)
                      .replace("@PASSWORD@", password))
    log = workdir / "kamailio.log"
    process = subprocess.Popen(
        [binary, "-f", str(config), "-DD", "-E", "-Y", str(workdir), "-m", "32", "-M", "4"],
        stdin=subprocess.DEVNULL, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: sip_answers(port) or process.poll() is not None, 10,
                   lambda: "kamailio to start:\n" + log.read_text()[-3000:])
        if process.poll() is not None:
            raise AssertionError("kamailio did not start:\n" + log.read_text()[-3000:])
        yield port
    finally:
        _stop(process)
