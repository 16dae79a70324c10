"""``customscreen doctor``: is this desk ready to take calls, and if not, what to do.

Written for whoever set the office up — often an IT contractor who did not
write the program — so every finding says what is wrong and how to fix it in
plain words. The checks only look: the database is opened read-only, a line is
opened for a few seconds and let go, nothing is written anywhere except one
empty test file in the backup folder (the only way to know a network share
really accepts writes).
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import sqlite3
import tempfile
import textwrap
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
import serial

from . import backups, settings, users
from .store import SCHEMA_VERSION, Store, StoreError

#: How long one line may take to answer: a modem answers ATI in milliseconds,
#: a PBX on the LAN answers REGISTER in well under a second, one across the
#: internet in one or two; five seconds says "not answering" without a doubt.
LINE_TIMEOUT_S = 5.0
#: The desk warns at two days (backup_schedule.WARN_AFTER): a weekend off is normal.
BACKUP_TOO_OLD = timedelta(days=2)
#: A backup folder with less room than this fills up within weeks of rotation.
MIN_FREE_BYTES = 200 * 1024 * 1024
#: A write-ahead log this big means a program keeps the database open without
#: ever letting SQLite fold the log back in (a stuck desk, a backup tool).
LARGE_WAL_BYTES = 64 * 1024 * 1024
#: The report fits an 80-column console window, the Windows default.
REPORT_WIDTH = 79
#: Integrity errors shown; a badly damaged file reports thousands.
MAX_SHOWN = 5


class Severity(Enum):
    OK = "ok"
    NOTE = "note"  # worth knowing; nothing to fix
    WARNING = "warning"  # works, but will hurt someone later
    PROBLEM = "problem"  # calls will be missed or data lost


@dataclass(frozen=True)
class Finding:
    area: str  # "Database", "Configuration", "Line modem:/dev/ttyUSB0", "Backups"
    severity: Severity
    what: str
    fix: str = ""


def ok(area: str, what: str) -> Finding:
    return Finding(area, Severity.OK, what)


def is_healthy(findings: Iterable[Finding]) -> bool:
    return all(f.severity in (Severity.OK, Severity.NOTE) for f in findings)


# -- the database ------------------------------------------------------------------


def check_database(path: Path) -> tuple[list[Finding], Store | None]:
    """Open read-only and check; returns the findings and the store when it opened."""
    area = "Database"
    if not path.exists():
        return [Finding(area, Severity.PROBLEM, f"there is no database at {path}",
                        "start CustomScreen once (it creates the file), or point "
                        "--db / CUSTOMSCREEN_DB at the existing one")], None
    try:
        store = Store(path, readonly=True)
    except StoreError as exc:
        return [Finding(area, Severity.PROBLEM, str(exc), _restore_hint(path))], None
    try:
        problems = store.integrity_errors()
    except (StoreError, sqlite3.DatabaseError) as exc:
        # So damaged that SQLite cannot even walk it to list the damage.
        store.close()
        return [Finding(area, Severity.PROBLEM, f"{path} is damaged beyond checking ({exc})",
                        _restore_hint(path))], None
    if problems:
        shown = "; ".join(problems[:MAX_SHOWN])
        more = f" (and {len(problems) - MAX_SHOWN} more)" if len(problems) > MAX_SHOWN else ""
        return [Finding(area, Severity.PROBLEM, f"{path} is damaged: {shown}{more}",
                        _restore_hint(path))], store
    findings = []
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    journal = str(store.one("PRAGMA journal_mode")[0])  # type: ignore[index]
    findings.append(ok(area, f"{path}: sound, schema {store.version}, {_bytes(size)}, "
                             f"{journal.upper()} journal"))
    if store.version < SCHEMA_VERSION:
        findings.append(Finding(area, Severity.NOTE,
                                f"schema {store.version} is older than this program's "
                                f"({SCHEMA_VERSION})",
                                "nothing to do: the next start upgrades it and keeps a copy "
                                "of the old file beside it"))
    if journal.lower() != "wal":
        findings.append(Finding(area, Severity.WARNING,
                                f"the database is in {journal} mode, not WAL",
                                "open it once with the desk or `customscreen check`; on a "
                                "network share, move it to a local disk (WAL needs one)"))
    if wal_size > LARGE_WAL_BYTES:
        findings.append(Finding(area, Severity.WARNING,
                                f"the write-ahead log {wal.name} has grown to {_bytes(wal_size)}",
                                "close every CustomScreen window and `listen` once; SQLite "
                                "folds the log back in when the last one lets go"))
    return findings, store


def _restore_hint(path: Path) -> str:
    folder = path.parent / "backups"
    newest = sorted(folder.glob(f"{backups.PREFIX}*{backups.SUFFIX}"))[-1:] if folder.is_dir() \
        else []
    target = str(newest[0]) if newest else "THE-LATEST-BACKUP.sqlite"
    return f"close CustomScreen, then: customscreen --db {path} restore {target}"


def _bytes(size: float) -> str:
    if size < 1024:
        return f"{int(size)} bytes"
    for unit in ("KB", "MB"):
        size /= 1024
        if size < 1024:
            return f"{size:.1f} {unit}"
    return f"{size / 1024:.1f} GB"


# -- the configuration -------------------------------------------------------------


def check_configuration(store: Store) -> list[Finding]:
    area = "Configuration"
    findings = []
    region = (store.setting(settings.REGION) or "").upper()
    if not region:
        findings.append(Finding(area, Severity.NOTE, "no region set: numbers without a country "
                                "code are read by the computer's locale, else as French",
                                "set the country in Settings if the line is not French"))
    elif region not in phonenumbers.SUPPORTED_REGIONS:
        findings.append(Finding(area, Severity.PROBLEM,
                                f"the region {region!r} is not a country code",
                                "set a two-letter country such as FR, BE, CH in Settings"))
    else:
        findings.append(ok(area, f"region {region}"))
    business = settings.business(store)
    missing = [key.split(".")[1] for key in ("business.name", "business.address",
                                             "business.phone") if not business[key].strip()]
    if missing:
        findings.append(Finding(area, Severity.WARNING,
                                f"the business identity has no {', '.join(missing)}: printed "
                                "documents go out without it",
                                "fill in Settings > Business (or run the first-run wizard)"))
    else:
        findings.append(ok(area, f"business: {business['business.name']}"))
    names = users.list_users(store)
    if names:
        findings.append(ok(area, f"{len(names)} user(s): {', '.join(names)}"))
    else:
        findings.append(Finding(area, Severity.WARNING,
                                "no users: calls cannot say who answered them",
                                "add the people at the desk in Settings > Users"))
    urls = settings.sources(store)
    if not urls:
        findings.append(Finding(area, Severity.PROBLEM,
                                "no telephone line is configured: the desk will show no calls",
                                "choose the modem, SIP account or FRITZ!Box in Settings > Line"))
    for url in urls:
        findings.append(check_source_url(url))
    return findings


def check_source_url(url: str) -> Finding:
    """Whether a source URL opens (without starting it): the scheme, the parameters."""
    from telephony.source import SourceError, mask_password, open_source

    area = "Configuration"
    shown = mask_password(url)
    try:
        open_source(_with_password(url))
    except SourceError as exc:
        return Finding(area, Severity.PROBLEM, f"the line {shown} cannot be used: {exc}",
                       "correct it in Settings > Line; line types: modem:, sip://, "
                       "sip-listen://, fritzbox://, demo:")
    except ValueError as exc:  # passwords.PasswordError: an account without its password
        return Finding(area, Severity.PROBLEM, str(exc),
                       "enter the SIP password again in Settings > Line")
    return ok(area, f"line {shown}")


def _with_password(url: str) -> str:
    """The URL with the SIP password kept outside the database, when there is one."""
    try:
        from . import passwords
    except ImportError:
        return url  # an install from before passwords moved out of the URL
    return passwords.with_password(url)


# -- the lines ---------------------------------------------------------------------


def check_line(url: str, timeout: float = LINE_TIMEOUT_S) -> Finding:
    """Talk to the line once: ATI to a modem, REGISTER to a PBX, a TCP connect to a box."""
    from telephony.source import SourceError, mask_password, parse_url

    area = f"Line {mask_password(url)}"
    try:
        scheme = parse_url(url).scheme.lower()
        if scheme == "modem":
            return _check_modem(area, url, timeout)
        if scheme == "sip":
            return _check_sip(area, _with_password(url), timeout)
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


# -- backups -----------------------------------------------------------------------


def backup_folder(store: Store) -> Path:
    configured = store.setting("backup.folder")
    return Path(configured).expanduser() if configured else store.path.parent / "backups"


def check_backups(store: Store, now: datetime | None = None) -> list[Finding]:
    area = "Backups"
    now = now or datetime.now().astimezone()
    folder = backup_folder(store)
    findings = []
    if not folder.is_dir():
        configured = store.setting("backup.folder") is not None
        findings.append(Finding(
            area, Severity.PROBLEM if configured else Severity.WARNING,
            f"the backup folder {folder} does not exist",
            "plug in the backup drive or connect the network share, or choose another folder "
            "in Settings > Backups" if configured else
            "run `customscreen backup` once: it creates the folder"))
    elif not _writable(folder):
        findings.append(Finding(area, Severity.PROBLEM, f"the backup folder {folder} refuses "
                                "new files", "give this user write permission on it, or "
                                "choose another folder in Settings > Backups"))
    else:
        free = shutil.disk_usage(folder).free
        needed = max(MIN_FREE_BYTES, 12 * store.path.stat().st_size)  # 11 rotated copies
        if free < needed:
            findings.append(Finding(area, Severity.WARNING,
                                    f"only {_bytes(free)} free where backups go ({folder})",
                                    f"free at least {_bytes(needed)} or choose a bigger drive"))
        else:
            findings.append(ok(area, f"{folder}: writable, {_bytes(free)} free"))
    last = backups.last_good_backup(store)
    if last is None:
        findings.append(Finding(area, Severity.WARNING, "the database has never been backed up",
                                "run `customscreen backup` now; the desk then backs up daily"))
    else:
        last = last if last.tzinfo else last.astimezone()
        age = now - last
        when = f"{last:%Y-%m-%d %H:%M} ({_age(age)} ago)"
        if age > BACKUP_TOO_OLD:
            findings.append(Finding(area, Severity.WARNING, f"the last verified backup is from "
                                    f"{when}", "leave the desk open at the backup time, or "
                                    "run `customscreen backup`"))
        else:
            findings.append(ok(area, f"last verified backup {when}"))
    return findings


def _writable(folder: Path) -> bool:
    # os.access believes a read-only network share is writable; only a real file tells.
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            return True
    except OSError:
        return False


def _age(age: timedelta) -> str:
    if age.days >= 1:
        return f"{age.days} day{'s' if age.days > 1 else ''}"
    hours = int(age.total_seconds() // 3600)
    return f"{hours} hour{'s' if hours != 1 else ''}" if hours else "minutes"


# -- all of it ---------------------------------------------------------------------


def examine(db: Path, lines: bool = True, timeout: float = LINE_TIMEOUT_S,
            now: datetime | None = None) -> list[Finding]:
    """Every check, in the order a person would look: file, settings, line, backups."""
    findings, store = check_database(db)
    if store is None:
        return findings
    try:
        findings += check_configuration(store)
        if lines:
            # A URL the configuration check refused has been reported once already.
            usable = [url for url in settings.sources(store)
                      if check_source_url(url).severity is Severity.OK]
            findings += [check_line(url, timeout) for url in usable]
        findings += check_backups(store, now)
    finally:
        store.close()
    return findings


def report(findings: list[Finding]) -> str:
    """Plain text grouped by area; ASCII only, for a Windows console in cp1252."""
    out: list[str] = []
    area = None
    for finding in findings:
        if finding.area != area:
            area = finding.area
            out.append(("\n" if out else "") + area)
        out.append(textwrap.fill(finding.what, REPORT_WIDTH,
                                 initial_indent=f"  {finding.severity.value:<9}",
                                 subsequent_indent=" " * 11, break_on_hyphens=False))
        if finding.fix:
            out.append(textwrap.fill(finding.fix, REPORT_WIDTH, initial_indent=" " * 11 + "fix: ",
                                     subsequent_indent=" " * 16, break_on_hyphens=False))
    problems = sum(f.severity is Severity.PROBLEM for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    if problems or warnings:
        out.append(f"\n{problems} problem(s), {warnings} warning(s): see the fixes above.")
    else:
        out.append("\nAll is well.")
    return "\n".join(out)
