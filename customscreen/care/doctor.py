"""``customscreen doctor``: is this desk ready to take calls, and if not, what to do.

Written for whoever set the office up — often an IT contractor who did not
write the program — so every finding says what is wrong and how to fix it in
plain words. The checks only look: the database is opened read-only, a line is
opened for a few seconds and let go, nothing is written anywhere except one
empty test file in the backup folder (the only way to know a network share
really accepts writes).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import phonenumbers

from customscreen.care.findings import Finding, Severity, is_healthy, ok
from customscreen.care.line_checks import LINE_TIMEOUT_S, check_line
from customscreen.storage import backup_copies, backup_schedule, backups, passwords, settings, users
from customscreen.storage.store import SCHEMA_VERSION, Store, StoreError

#: The desk warns at two days (backup_schedule.WARN_AFTER): a weekend off is normal.
BACKUP_TOO_OLD = backup_schedule.WARN_AFTER
#: A backup folder with less room than this fills up within weeks of rotation.
MIN_FREE_BYTES = 200 * 1024 * 1024
#: A write-ahead log this big means a program keeps the database open without
#: ever letting SQLite fold the log back in (a stuck desk, a backup tool).
LARGE_WAL_BYTES = 64 * 1024 * 1024
#: The report fits an 80-column console window, the Windows default.
REPORT_WIDTH = 79
#: Integrity errors shown; a badly damaged file reports thousands.
MAX_SHOWN = 5


# -- the database ------------------------------------------------------------------


def check_database(path: Path) -> tuple[list[Finding], Store | None]:
    """Open read-only and check; returns the findings and the store when it opened."""
    area = "Database"
    if not path.exists():
        return [Finding(area, Severity.PROBLEM, f"there is no database at {path}",
                        "point --db / CUSTOMSCREEN_DB at the existing one, or create one: "
                        f"customscreen --db {path} office init")], None
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
    # The database cannot be read, so neither its identity nor its backup
    # folder setting: the newest copy beside it whose SHA-256 matches.
    found = backup_copies.copies(path.parent / "backups")
    sound = next((c for c in found if not backup_copies.hash_problem(c.path)), None)
    target = str(sound.path) if sound else "THE-LATEST-BACKUP.sqlite"
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
    region = settings.get(store, settings.REGION)
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
    missing = [setting.key.split(".")[1] for setting in (
        settings.BUSINESS_NAME, settings.BUSINESS_ADDRESS, settings.BUSINESS_PHONE)
        if not business[setting].strip()]
    if missing:
        findings.append(Finding(area, Severity.WARNING,
                                f"the business identity has no {', '.join(missing)}: printed "
                                "documents go out without it",
                                "fill in Settings > Business (or run the first-run wizard)"))
    else:
        findings.append(ok(area, f"business: {business[settings.BUSINESS_NAME]}"))
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
    if shown != url:  # written by an older version: the desk or listen moves it at start
        return Finding(area, Severity.WARNING,
                       f"the line {shown} keeps its password in the database, "
                       "which every backup copies",
                       "start the desk or `customscreen listen` once: it moves the password "
                       "to the keyring (or a file only you can read)")
    try:
        open_source(passwords.with_password(url))
    except SourceError as exc:
        return Finding(area, Severity.PROBLEM, f"the line {shown} cannot be used: {exc}",
                       "correct it in Settings > Line; line types: modem:, sip://, "
                       "sip-listen://, fritzbox://, demo:")
    except ValueError as exc:  # passwords.PasswordError: an account without its password
        return Finding(area, Severity.PROBLEM, str(exc),
                       "enter the SIP password again in Settings > Line")
    return ok(area, f"line {shown}")


# -- backups -----------------------------------------------------------------------


def check_backups(store: Store, now: datetime | None = None) -> list[Finding]:
    area = "Backups"
    now = now or datetime.now().astimezone()
    folder = backup_schedule.backup_folder(store)
    findings = []
    if not folder.is_dir():
        configured = settings.get(store, settings.BACKUP_FOLDER) is not None
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
    return findings + _check_copies(store, folder, now)


def _check_copies(store: Store, folder: Path, now: datetime) -> list[Finding]:
    """The newest copy's SHA-256, and copies dated in the future."""
    area = "Backups"
    database_id = settings.get(store, settings.DATABASE_ID)
    if not database_id or not folder.is_dir():
        return []
    newest = backups.newest(folder, backup_copies.tag_of(database_id), now)
    findings = [Finding(area, Severity.WARNING, f"{aside} is dated in the future (the "
                        "computer's clock was wrong when it was written): not counted",
                        "check the clock; keep the file if you need it, else delete it")
                for aside in newest.set_aside]
    if newest.copy is None:
        return findings
    if newest.problem:
        findings.append(Finding(area, Severity.PROBLEM, f"the newest backup cannot be "
                                f"trusted: {newest.problem}", "run `customscreen backup` "
                                "now, and check the backup drive"))
    else:
        findings.append(ok(area, f"newest copy {newest.copy.path.name}: SHA-256 matches"))
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


def check_register(store: Store) -> list[Finding]:
    """Numbers taken by an issue that never finished: the office must know they are void."""
    from customscreen.paper import register

    void = [entry.number for entry in register.interrupted(store)]
    if not void:
        return []
    shown = ", ".join(void[:5]) + (f" and {len(void) - 5} more" if len(void) > 5 else "")
    return [Finding("Register", Severity.WARNING,
                    f"the issue of {shown} was interrupted: the register holds no document "
                    "for them",
                    "treat these numbers as void: send no PDF that carries one, and print "
                    "the document again (it gets a new number); `customscreen register "
                    "list` shows them")]


# -- all of it ---------------------------------------------------------------------


def examine(db: Path, lines: bool = True, timeout: float = LINE_TIMEOUT_S,
            now: datetime | None = None) -> list[Finding]:
    """Every check, in the order a person would look: file, settings, line, register,
    backups."""
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
        findings += check_register(store)
        findings += check_backups(store, now)
    except StoreError as exc:  # damage integrity_check does not see (text that is not UTF-8)
        findings.append(Finding("Database", Severity.PROBLEM, str(exc), _restore_hint(db)))
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


__all__ = ["Finding", "Severity", "check_backups", "check_configuration", "check_database",
           "check_line", "check_source_url", "examine", "is_healthy", "report"]
