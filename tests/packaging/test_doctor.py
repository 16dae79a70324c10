"""``customscreen doctor``: what an IT contractor reads when the desk does not work."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from customscreen.care import doctor
from customscreen.care.doctor import Severity
from customscreen.storage import backups, settings
from customscreen.storage.store import Store
from telephony.modem.fake import FakeModem

from ..conftest import CUSTOMSCREEN


def _doctor_cli(db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CUSTOMSCREEN, "--db", str(db), "doctor", "--timeout", "2", *extra],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def modem() -> Iterator[FakeModem]:
    with FakeModem("conexant") as fake:
        yield fake


@pytest.fixture
def healthy(demo_store: Store, tmp_path: Path, modem: FakeModem) -> Store:
    """The demo office on a modem, backed up an hour ago into a folder that exists."""
    settings.set_many(demo_store, {settings.REGION: "FR",
                                   settings.BACKUP_FOLDER: tmp_path / "backups",
                                   settings.SOURCES: [f"modem:{modem.device}?profile=auto"]})
    backups.backup(demo_store, tmp_path / "backups",
                   now=datetime.now() - timedelta(hours=1))
    return demo_store


@pytest.mark.slow
def test_fake_modem_on_a_pty_tells_who_it_is(modem: FakeModem) -> None:
    finding = doctor.check_line(f"modem:{modem.device}?profile=auto", timeout=2)
    assert finding.severity is Severity.OK, finding
    assert "56000" in finding.what and "CX93001" in finding.what
    assert modem.wait_for_command("ATI")


def test_a_port_where_nothing_answers_is_called_out(tmp_path: Path) -> None:
    master, slave = os.openpty()
    try:
        finding = doctor.check_line(f"modem:{os.ttyname(slave)}", timeout=0.5)
    finally:
        os.close(master)
        os.close(slave)
    assert finding.severity is Severity.PROBLEM
    assert "nothing answers ATI" in finding.what
    assert "powered" in finding.fix


def test_a_missing_modem_lists_the_ports_that_are_there() -> None:
    finding = doctor.check_line("modem:/dev/ttyNOSUCHMODEM", timeout=0.5)
    assert finding.severity is Severity.PROBLEM
    assert "/dev/ttyNOSUCHMODEM" in finding.what
    assert "ports present:" in finding.fix


@pytest.mark.slow
def test_healthy_office_exits_0_and_says_all_is_well(healthy: Store) -> None:
    healthy.close()
    result = _doctor_cli(healthy.path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All is well." in result.stdout
    assert "the modem on" in result.stdout and "CX93001" in result.stdout
    assert "last verified backup" in result.stdout


def test_missing_backup_folder_is_a_problem_with_a_fix(healthy: Store, tmp_path: Path) -> None:
    healthy.set_setting("backup.folder", str(tmp_path / "usb-key-not-plugged"))
    healthy.close()
    result = _doctor_cli(healthy.path, "--no-line")
    assert result.returncode == 1
    assert "usb-key-not-plugged does not exist" in result.stdout
    assert "plug in the backup drive" in result.stdout
    assert "1 problem(s)" in result.stdout


def test_old_backup_and_full_disk_are_warnings(healthy: Store) -> None:
    findings = doctor.check_backups(healthy, now=datetime.now().astimezone() + timedelta(days=5))
    old = [f for f in findings if "last verified backup" in f.what]
    assert old and old[0].severity is Severity.WARNING
    assert "5 days ago" in old[0].what


def test_damaged_database_names_the_restore_command(healthy: Store) -> None:
    path = healthy.path
    healthy.close()
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over the middle pages (the journal's B-tree), keep the header:
    # what a bad sector or a copy cut short does.
    for offset in range(3 * page, min(len(data), 12 * page), page):
        data[offset:offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))
    result = _doctor_cli(path)
    assert result.returncode == 1
    assert "problem" in result.stdout
    assert "damaged" in result.stdout or "not a CustomScreen database" in result.stdout
    assert "restore" in result.stdout and "customscreen-" in result.stdout


def test_not_a_database_at_all(tmp_path: Path) -> None:
    bogus = tmp_path / "journal.sqlite"
    bogus.write_text("name;phone\nDupont;0536490123\n")
    findings = doctor.examine(bogus)
    assert [f.severity for f in findings] == [Severity.PROBLEM]
    assert "not a CustomScreen database" in findings[0].what


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    findings = doctor.examine(tmp_path / "nowhere.sqlite")
    assert findings[0].severity is Severity.PROBLEM
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_unknown_source_scheme_is_reported_once(healthy: Store) -> None:
    settings.set_sources(healthy, ["fax:/dev/ttyS0", "demo:"])
    findings = doctor.examine(healthy.path, timeout=0.5)
    about_fax = [f for f in findings if "fax" in f.what]
    assert len(about_fax) == 1
    assert about_fax[0].severity is Severity.PROBLEM
    assert "unknown line type 'fax'" in about_fax[0].what
    assert "modem:" in about_fax[0].fix
    assert not doctor.is_healthy(findings)


def test_empty_settings_ask_for_identity_users_and_a_line(store: Store) -> None:
    findings = doctor.check_configuration(store)
    text = doctor.report(findings)
    assert "business identity has no name, address, phone" in text
    assert "no users" in text
    assert "no telephone line is configured" in text


def test_bad_region_is_a_problem(store: Store) -> None:
    store.set_setting("region", "XX")
    findings = doctor.check_configuration(store)
    assert any(f.severity is Severity.PROBLEM and "'XX'" in f.what for f in findings)


def test_fritzbox_call_monitor_reachable_or_not() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        assert doctor.check_line(f"fritzbox://127.0.0.1:{port}", 1).severity is Severity.OK
    refused = doctor.check_line(f"fritzbox://127.0.0.1:{port}", 1)
    assert refused.severity is Severity.PROBLEM
    assert "#96*5*" in refused.fix


def _registrar(sock: socket.socket, stop: threading.Event) -> None:
    """A PBX that accepts any REGISTER: echo the dialog headers back with 200 OK."""
    sock.settimeout(0.1)
    while not stop.is_set():
        try:
            data, peer = sock.recvfrom(65535)
        except TimeoutError:
            continue
        head = data.decode().split("\r\n\r\n")[0].split("\r\n")
        keep = [h for h in head[1:] if h.split(":")[0] in ("Via", "From", "Call-ID", "CSeq",
                                                           "Contact")]
        to = next(h for h in head if h.startswith("To:")) + ";tag=pbx1"
        reply = "\r\n".join(["SIP/2.0 200 OK", *keep, to, "Expires: 300",
                             "Content-Length: 0", "", ""])
        sock.sendto(reply.encode(), peer)


def test_sip_account_registers_once() -> None:
    stop = threading.Event()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        thread = threading.Thread(target=_registrar, args=(sock, stop), daemon=True)
        thread.start()
        try:
            finding = doctor.check_line(f"sip://201:secret@127.0.0.1:{port}", timeout=3)
        finally:
            stop.set()
            thread.join()
    assert finding.severity is Severity.OK, finding
    assert "registered as sip:201@127.0.0.1" in finding.what


def test_sip_pbx_that_never_answers() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        port = silent.getsockname()[1]
        finding = doctor.check_line(f"sip://201:secret@127.0.0.1:{port}", timeout=0.5)
    assert finding.severity is Severity.PROBLEM
    assert "did not answer within 0.5 s" in finding.what
    assert f"UDP port {port}" in finding.fix
