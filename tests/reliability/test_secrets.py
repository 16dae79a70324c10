"""Secrets stay secret: a SIP password given on the command line or kept apart never
shows in the owner file, in another process's refusal, in a message or a log, and
one left in an old database's settings leaves it, and its next backup, at the next start.

The SIP lines point at a loopback registrar that refuses them: the line keeps
trying in the background, which is all the test needs of it.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from customscreen.storage import passwords, settings
from customscreen.storage.store import Store
from telephony.sip.message import SipRequest, make_response, parse_message
from tests.conftest import wait_until
from tests.reliability.processes import ENV, Listening, run

SECRET = "Zq7s3cretQ"  # no hyphen: doctor wraps its lines at one




def _env(config_dir: Path) -> dict[str, str]:
    return {**ENV, "CUSTOMSCREEN_CONFIG_DIR": str(config_dir),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@contextmanager
def _refusing_pbx() -> Iterator[int]:
    """A loopback registrar that answers every REGISTER with 403: the line goes down,
    says so in a ``line`` event, and keeps trying in the background."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.1)
    stop = threading.Event()

    def answer() -> None:
        while not stop.is_set():
            try:
                data, peer = sock.recvfrom(65535)
            except OSError:
                continue
            request = parse_message(data)
            if isinstance(request, SipRequest):
                sock.sendto(make_response(request, 403, to_tag="pbx").to_bytes(), peer)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=5)
        sock.close()


def _files_holding(folder: Path, secret: str) -> list[str]:
    return [str(path) for path in folder.rglob("*")
            if path.is_file() and secret.encode() in path.read_bytes()]


def test_a_password_on_the_command_line_is_masked_everywhere_and_listen_warns(
        tmp_path: Path, config_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    Store(db).close()
    with _refusing_pbx() as port:
        url = f"sip://201:{SECRET}@127.0.0.1:{port}?bind=127.0.0.1:0"
        listener = Listening(db, url, env=_env(config_dir))
        try:
            line = listener.next()
            assert line["event"] == "line" and "403" in line["detail"], line
            wait_until(lambda: _files_holding(tmp_path, "cmdline"), 10,
                       "listen to write who owns the journal")
            second = run(db, "listen", url, env=_env(config_dir), timeout=30)
            seen_by_others = {path: Path(path).read_text(errors="replace")
                              for path in _files_holding(tmp_path, "cmdline")}
        finally:
            listener.kill()
    assert line["source"] == f"sip://201:***@127.0.0.1:{port}?bind=127.0.0.1:0"
    stdout = str(line) + "".join(str(more) for more in list(listener.lines.queue))
    stderr = listener.stderr()

    assert second.returncode != 0 and "already used by process" in second.stderr
    assert "sip://201:***@127.0.0.1" in second.stderr, second.stderr
    assert all("sip://201:***@127.0.0.1" in text for text in seen_by_others.values())
    for where, text in [("the refusal", second.stderr + second.stdout),
                        ("listen's output", stdout), ("listen's errors and log", stderr),
                        *seen_by_others.items()]:
        assert SECRET not in text, f"{where} shows the password: {text!r}"
    assert _files_holding(tmp_path, SECRET) == []
    warning = [line for line in stderr.splitlines() if "ps shows the password" in line]
    assert len(warning) == 1, stderr
    assert "every user of this computer" in warning[0]
    assert "customscreen password set 201@127.0.0.1" in warning[0]


def test_a_kept_password_never_shows_in_a_line_error(tmp_path: Path, config_dir: Path) -> None:
    passwords.set_sip_password("201", "127.0.0.1", SECRET)
    db = tmp_path / "journal.sqlite"
    Store(db).close()
    refused = run(db, "listen", "sip://201@127.0.0.1:9?colour=blue", env=_env(config_dir),
                  timeout=30)
    assert refused.returncode != 0
    assert "unknown parameter(s) colour" in refused.stderr
    assert SECRET not in refused.stderr + refused.stdout
    assert "password set" not in refused.stderr, "no password was typed: no warning"


def test_doctor_never_shows_a_kept_password(tmp_path: Path, config_dir: Path) -> None:
    passwords.set_sip_password("201", "127.0.0.1", SECRET)
    db = tmp_path / "journal.sqlite"
    with closing(Store(db)) as store:
        settings.set_sources(store, ["sip://201@127.0.0.1:9?expires=5"])
    said = run(db, "doctor", "--no-line", env=_env(config_dir), timeout=60)
    text = " ".join((said.stdout + said.stderr).split())  # unwrapped
    assert "expires must be 60 to 86400 seconds" in text
    assert SECRET not in text


def test_doctor_says_an_old_database_keeps_a_password_without_showing_it(
        tmp_path: Path, config_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    with closing(Store(db)) as store:
        store.set_setting(settings.SOURCES.key, f"sip://201:{SECRET}@127.0.0.1:9")
    said = run(db, "doctor", "--no-line", env=_env(config_dir), timeout=60)
    text = " ".join((said.stdout + said.stderr).split())
    assert "the line sip://201:***@127.0.0.1:9 keeps its password in the database" in text
    assert SECRET not in text


def test_an_old_database_holding_a_password_loses_it_at_the_next_start(
        tmp_path: Path, config_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    with closing(Store(db)) as store:
        # What an older version let the settings dialog write.
        store.set_setting(settings.SOURCES.key, f"sip://201:{SECRET}@127.0.0.1:9\ndemo:")
    assert SECRET.encode() in _raw(db)

    listener = Listening(db, "demo:?interval=0.1&ring=0", env=_env(config_dir))
    try:
        while listener.next()["event"] != "call":
            continue
    finally:
        listener.kill()
    backup = run(db, "backup", "--to", str(tmp_path / "copies"), env=_env(config_dir))
    assert backup.returncode == 0, backup.stderr

    with closing(Store(db)) as store:
        assert settings.sources(store) == ["sip://201@127.0.0.1:9", "demo:"]
    assert passwords.sip_password("201", "127.0.0.1") == SECRET
    assert "moved the password of 201@127.0.0.1" in listener.stderr()
    assert SECRET not in listener.stderr()
    assert _files_holding(tmp_path / "copies", SECRET) == []
    assert SECRET.encode() not in _raw(db)


def test_a_backup_alone_leaves_an_old_databases_password_out_of_its_copy(
        tmp_path: Path, config_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    with closing(Store(db)) as store:
        store.set_setting(settings.SOURCES.key, f"sip://201:{SECRET}@127.0.0.1:9")
    backup = run(db, "backup", "--to", str(tmp_path / "copies"), env=_env(config_dir))
    assert backup.returncode == 0, backup.stderr
    assert "moved the password of 201@127.0.0.1" in backup.stderr
    assert _files_holding(tmp_path / "copies", SECRET) == []
    assert passwords.sip_password("201", "127.0.0.1") == SECRET


def test_a_read_only_desk_leaves_an_old_password_to_the_owner(
        tmp_path: Path, config_dir: Path) -> None:
    """The second screen opens the journal read-only while listen owns it: no crash."""
    db = tmp_path / "journal.sqlite"
    with closing(Store(db)) as store:
        store.set_setting(settings.SOURCES.key, f"sip://201:{SECRET}@127.0.0.1:9")
    with closing(Store(db, readonly=True)) as read_only:
        assert settings.move_passwords_out(read_only) == []
    with closing(Store(db)) as owner:
        assert settings.move_passwords_out(owner) != []
        assert settings.sources(owner) == ["sip://201@127.0.0.1:9"]


def _raw(db: Path) -> bytes:
    """The database's bytes as a copy of the file would hold them (WAL included)."""
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    return db.read_bytes() + (db.with_name(db.name + "-wal").read_bytes()
                              if db.with_name(db.name + "-wal").exists() else b"")


def test_take_from_url_keeps_the_password_apart_and_gives_the_url_without_it(
        config_dir: Path) -> None:
    assert passwords.take_from_url("sip://201:s3cret%40%3A@PBX.local:5080?expires=120") == (
        "sip://201@PBX.local:5080?expires=120")
    assert passwords.sip_password("201", "pbx.local") == "s3cret@:"
    assert passwords.with_password("sip://201@PBX.local:5080?expires=120") == (
        "sip://201:s3cret%40%3A@PBX.local:5080?expires=120")
    # A masked address copied from a message back into the settings: *** is not a password.
    assert passwords.take_from_url("sip://201:***@pbx.local") == "sip://201@pbx.local"
    assert passwords.sip_password("201", "pbx.local") == "s3cret@:"
    for unchanged in ("sip://201@pbx.local", "demo:", "modem:/dev/ttyUSB0?profile=auto",
                      "sip-listen://127.0.0.1:5070"):
        assert passwords.take_from_url(unchanged) == unchanged


def test_sources_set_any_way_keep_no_password(store: Store, config_dir: Path) -> None:
    settings.set_sources(store, [f"sip://201:{SECRET}@pbx.local"])
    settings.set_many(store, {settings.SOURCES: [f"sip://202:{SECRET}x@pbx.local", "demo:"]})
    assert settings.sources(store) == ["sip://202@pbx.local", "demo:"]
    assert passwords.sip_password("201", "pbx.local") == SECRET
    assert passwords.sip_password("202", "pbx.local") == SECRET + "x"
    assert SECRET.encode() not in _raw(store.path)


@pytest.mark.parametrize(("url", "shown"), [
    ("sip://201:s3cret@pbx.local", "sip://201:***@pbx.local"),
    ("sip://201:s3c@ret@pbx.local?voicemail=sip:*97@pbx.local",
     "sip://201:***@pbx.local?voicemail=sip:*97@pbx.local"),
    ("sip://201:s3/cret@pbx.local", "sip://201:***@pbx.local"),
    ("sip://201:s3cret@[::1", "sip://201:***@[::1"),
    ("--line=sip://201:s3cret@pbx.local", "--line=sip://201:***@pbx.local"),
    ("sip://pbx.local:5060?voicemail=sip:*97@pbx.local",
     "sip://pbx.local:5060?voicemail=sip:*97@pbx.local"),
])
def test_mask_password_hides_every_spelling_of_a_password(url: str, shown: str) -> None:
    from telephony.source import mask_password

    assert mask_password(url) == shown
