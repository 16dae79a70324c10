"""``doctor``'s talk with each line: ATI to a modem, one REGISTER to a PBX,
a TCP connect to a FRITZ!Box. Each answers in a few seconds, whatever the line."""

from __future__ import annotations

import os
import queue
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

import serial

from customscreen.care.findings import Finding, Severity, ok
from customscreen.storage import passwords

#: How long one line may take to answer: a modem answers ATI in milliseconds,
#: a PBX on the LAN answers REGISTER in well under a second, one across the
#: internet in one or two; five seconds says "not answering" without a doubt.
LINE_TIMEOUT_S = 5.0
#: How long the first-run wizard waits for ATI on each serial port: a modem
#: answers in milliseconds, a port with nothing behind it (the motherboard's
#: /dev/ttyS0 that every Linux lists) never does; the ports are asked side by
#: side, so the whole search takes about this long.
PROBE_TIMEOUT_S = 1.0


def check_line(url: str, timeout: float = LINE_TIMEOUT_S) -> Finding:
    """Talk to the line once: ATI to a modem, REGISTER to a PBX, a TCP connect to a box."""
    from telephony.source import SourceError, mask_password, parse_url

    area = f"Line {mask_password(url)}"
    try:
        scheme = parse_url(url).scheme.lower()
        if scheme == "modem":
            return _check_modem(area, url, timeout)
        if scheme == "sip":
            return _check_sip(area, passwords.with_password(url), timeout)
        if scheme == "fritzbox":
            return _check_fritzbox(area, url, timeout)
    except (SourceError, ValueError) as exc:
        return Finding(area, Severity.PROBLEM, str(exc), "correct the line in Settings > Line")
    if scheme == "demo":
        return Finding(area, Severity.NOTE, "the demo line plays made-up calls, not the telephone",
                       "choose the real line in Settings > Line when the office goes live")
    if scheme == "sip-listen":
        return Finding(area, Severity.NOTE, "this line waits for the PBX to send calls; "
                       "it cannot be tested from here",
                       "place a test call to the desk's extension")
    return Finding(area, Severity.PROBLEM, f"unknown line type {scheme!r}",
                   "correct the line in Settings > Line")


def _check_modem(area: str, url: str, timeout: float) -> Finding:
    from telephony.modem.transport import list_ports, parse_modem_url

    line = parse_modem_url(url)
    device = line.device
    try:
        port = serial.serial_for_url(device, baudrate=line.baud, timeout=0.1,
                                     write_timeout=timeout,
                                     exclusive=(os.name == "posix" and "://" not in device) or None)
    except (serial.SerialException, OSError, ValueError) as exc:
        text = str(exc)
        if "lock" in text.lower() or "busy" in text.lower() or "denied" in text.lower():
            return Finding(area, Severity.WARNING,
                           f"{device} is in use or not allowed: {text}",
                           "if the desk or `customscreen listen` is running it holds the "
                           "modem: close it to test; on Linux add the user to the 'dialout' "
                           "group (sudo adduser USER dialout, then log in again)")
        present = ", ".join(f"{name} ({description})" for name, description in list_ports())
        return Finding(area, Severity.PROBLEM, f"cannot open the modem on {device}: {text}",
                       "check the modem is plugged in and choose its port in Settings > Line; "
                       f"ports present: {present or 'none'}")
    try:
        answer = [_at(port, command, timeout) for command in ("ATI", "ATI3")]
    except (serial.SerialException, OSError) as exc:
        return Finding(area, Severity.PROBLEM, f"the modem on {device} stopped answering: {exc}",
                       "unplug and replug it, or try another USB socket")
    finally:
        port.close()
    if answer[0] is None:
        return Finding(area, Severity.PROBLEM, f"the port {device} opens but nothing answers ATI",
                       "check it is the modem's port (not a mouse or a GPS), that the modem "
                       "is powered, and that the baud rate in the line URL is right")
    identity = " / ".join(text for text in answer if text)
    return ok(area, f"the modem on {device} answers: {identity}")


def _at(port: serial.SerialBase, command: str, timeout: float) -> str | None:
    """The modem's answer to one command, without the echo; None when it never says OK."""
    port.reset_input_buffer()
    port.write(command.encode("ascii") + b"\r")
    received = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        received += port.read(256)
        lines = [line.strip() for line in received.decode("ascii", "replace").splitlines()]
        if "OK" in lines or "ERROR" in lines:
            if "ERROR" in lines:
                return ""  # the modem is there; it only does not know this command
            said = [line for line in lines if line and line not in ("OK", command)]
            return " ".join(said)
    return None


def _check_sip(area: str, url: str, timeout: float) -> Finding:
    from telephony.events import Event, LineState, LineStatus
    from telephony.sip.agent import SipLine, parse_line_url

    config = parse_line_url(url)
    # Port 0: the desk may be running on the configured port; the registrar
    # learns our address from the REGISTER, so any port tests the account.
    config = replace(config, bind=(config.bind[0], 0))
    statuses: queue.Queue[LineStatus] = queue.Queue()

    def emit(event: Event) -> None:
        if isinstance(event, LineStatus):
            statuses.put(event)

    # One attempt only: a wrong password retried would get the office banned by fail2ban.
    line = SipLine(url, config, retry_first=3600.0, retry_max=3600.0)
    host = config.account.host if config.account else "the PBX"
    line.start(emit)
    try:
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                status = statuses.get(timeout=remaining)
            except queue.Empty:
                break
            if status.state is LineState.UP:
                return ok(area, status.detail)
            if status.state in (LineState.DOWN, LineState.RECONNECTING):
                reason = status.detail.split("; retrying in")[0]
                return Finding(area, Severity.PROBLEM, reason,
                               "check the user name and password with whoever runs the PBX, "
                               "and that this computer may register (some PBXes list "
                               "allowed addresses)")
    finally:
        line.stop()
    port = (config.account.port if config.account else None) or 5060
    return Finding(area, Severity.PROBLEM, f"{host} did not answer within {timeout:g} s",
                   f"check the PBX address and port, and that a firewall lets SIP "
                   f"({config.transport.upper()} port {port}) through to it")


def _check_fritzbox(area: str, url: str, timeout: float) -> Finding:
    from telephony.fritzbox import DEFAULT_PORT

    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or DEFAULT_PORT
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        return Finding(area, Severity.PROBLEM,
                       f"cannot reach the FRITZ!Box call monitor at {host}:{port} ({exc})",
                       "check the box's address; the call monitor is off by default: dial "
                       "#96*5* from a telephone plugged into the FRITZ!Box to switch it on")
    return ok(area, f"the FRITZ!Box call monitor at {host}:{port} accepts connections")


def modem_answers(device: str, timeout: float = PROBE_TIMEOUT_S) -> str | None:
    """What a modem on ``device`` says to ATI ("" when it only says OK); None when
    nothing answers there (no such port, busy, or no modem behind it)."""
    from telephony.modem.transport import DEFAULT_BAUD

    try:
        port = serial.serial_for_url(device, baudrate=DEFAULT_BAUD, timeout=0.05,
                                     write_timeout=timeout,
                                     exclusive=(os.name == "posix" and "://" not in device) or None)
    except (serial.SerialException, OSError, ValueError):
        return None
    try:
        return _at(port, "ATI", timeout)
    except (serial.SerialException, OSError):
        return None
    finally:
        port.close()


def answering_modems(devices: Iterable[str], timeout: float = PROBE_TIMEOUT_S) -> list[str]:
    """The devices where a modem answers ATI, in the order given; all are asked at
    once, so this returns within about ``timeout`` however many ports there are."""
    devices = list(devices)
    answers: dict[str, str | None] = {}

    def ask(device: str) -> None:
        answers[device] = modem_answers(device, timeout)

    askers = [threading.Thread(target=ask, args=(device,), name=f"probe {device}", daemon=True)
              for device in devices]
    for asker in askers:
        asker.start()
    deadline = time.monotonic() + timeout + 1.0  # opening a port may take a moment too
    for asker in askers:
        asker.join(max(0.0, deadline - time.monotonic()))
    return [device for device in devices if answers.get(device) is not None]
