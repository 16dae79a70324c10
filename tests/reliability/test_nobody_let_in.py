"""Nobody let in: allowed SIP peers only, passwords out of the database, no port nobody
asked for, and SQL that never carries a value in its text."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from customscreen.calls.switchboard import CallAnnounced, Switchboard
from customscreen.storage import passwords
from customscreen.storage.store import Store
from telephony.sip.agent import open_url
from telephony.sip.probe import SipProbe
from tests.conftest import REPO, new_journal, wait_until
from tests.reliability.processes import Listening, run


class MemoryKeyring(KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)




def test_without_a_keyring_the_password_file_is_readable_by_the_user_only(
        config_dir: Path) -> None:
    assert passwords.set_sip_password("201", "PBX.local", "s3cret;&@") == str(
        config_dir / passwords.FILE_NAME)
    kept = config_dir / passwords.FILE_NAME
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    assert passwords.sip_password("201", "pbx.local") == "s3cret;&@"
    url = passwords.with_password("sip://201@pbx.local:5080?bind=127.0.0.1:0")
    assert url == "sip://201:s3cret%3B%26%40@pbx.local:5080?bind=127.0.0.1:0"
    from telephony.sip.agent import parse_line_url

    account = parse_line_url(url).account
    assert account is not None and account.password == "s3cret;&@"
    passwords.forget_sip_password("201", "pbx.local")
    with pytest.raises(passwords.PasswordError, match="customscreen password set 201@pbx.local"):
        passwords.with_password("sip://201@pbx.local")
    assert passwords.with_password("sip://201:inline@pbx.local") == "sip://201:inline@pbx.local"
    assert passwords.with_password("demo:") == "demo:"


def test_with_a_keyring_the_password_goes_there_and_not_to_a_file(config_dir: Path) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert passwords.set_sip_password("201", "pbx.local", "s3cret") == "keyring"
    assert memory.kept == {(passwords.KEYRING_SERVICE, "201@pbx.local"): "s3cret"}
    assert not (config_dir / passwords.FILE_NAME).exists()
    assert passwords.sip_password("201", "pbx.local") == "s3cret"


def test_password_command_keeps_it_and_listen_finds_it(tmp_path: Path,
                                                       config_dir: Path) -> None:
    env_db = new_journal(tmp_path / "j.sqlite")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    try:
        missing = run(env_db, "listen", "sip://201@127.0.0.1:9?bind=127.0.0.1:0", timeout=30,
                      env=dict(os.environ))
        assert missing.returncode == 2
        assert "no password kept for the SIP account 201@127.0.0.1" in missing.stderr
        kept = run(env_db, "password", "set", "201@127.0.0.1", stdin="s3cret\n",
                   env=dict(os.environ))
        assert kept.returncode == 0 and "readable by you only" in kept.stdout
    finally:
        del os.environ["PYTHON_KEYRING_BACKEND"]
    assert passwords.sip_password("201", "127.0.0.1") == "s3cret"


def test_a_peer_not_allowed_gets_403_and_no_call_is_journaled(store: Store) -> None:
    board = Switchboard(store, "FR")
    seen: list[object] = []
    board.add_observer(seen.append)
    line = open_url("sip-listen://127.0.0.1:0?allow=192.0.2.1")  # our PBX, not loopback
    board.attach(line)
    try:
        with SipProbe(*line.address, number="0536490123") as probe:
            probe.invite()
            refused = probe.wait_for(403, timeout=3)
    finally:
        board.stop()
    assert refused is not None
    assert not any(isinstance(n, CallAnnounced) for n in seen)
    assert store.one("SELECT count(*) FROM calls")[0] == 0  # type: ignore[index]


def _listening_inodes() -> set[str]:
    """Inodes of listening TCP sockets and bound UDP sockets on this machine."""
    inodes = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for row in path.read_text().splitlines()[1:]:
            cols = row.split()
            if (table.startswith("tcp") and cols[3] == "0A") or table.startswith("udp"):
                inodes.add(cols[9])
    return inodes


def test_listen_on_a_demo_line_opens_no_network_port(tmp_path: Path) -> None:
    listener = Listening(new_journal(tmp_path / "j.sqlite"), "demo:?interval=0.1&ring=0&calls=0")
    try:
        while listener.next()["event"] != "call":
            continue
        # The chores thread has run its first round, the backup it reports.
        wait_until(lambda: "daily backup written and verified" in listener.stderr(), 20,
                   lambda: f"the chores' first round; listen said: {listener.stderr()!r}")
        fds = Path(f"/proc/{listener.process.pid}/fd")
        sockets = {os.readlink(fd)[len("socket:["):-1] for fd in fds.iterdir()
                   if os.readlink(fd).startswith("socket:[")}
        assert sockets & _listening_inodes() == set()
    finally:
        listener.kill()


# Calls that put text into SQL built at run time. Each builds column lists or
# "?" placeholders from fixed identifiers, never from a value a user typed.
ALLOWED_SQL_BUILDERS = {
    ("customscreen/calls/journal.py", "open_call"),
    ("customscreen/calls/journal.py", "update_call"),
    ("customscreen/calls/journal.py", "get"), ("customscreen/calls/journal.py", "page"),
    ("customscreen/calls/journal.py", "count"),
    ("customscreen/calls/journal.py", "recent_for_contact"),
    ("customscreen/calls/journal.py", "export_csv"),
    ("customscreen/storage/store.py", "_migrate"),
    ("customscreen/care/privacy.py", "export_contact"),
    ("customscreen/care/erasure.py", "their_calls"), ("customscreen/care/erasure.py", "_erase_in"),
    # Tables and columns from the erasure's fixed list of free-text columns.
    ("customscreen/care/erasure.py", "_rewrite_mentions"),
    # PRAGMA takes no parameters: a whole number of milliseconds, from a float.
    ("customscreen/care/erasure.py", "wipe"),
    # The callers pass fixed WHERE texts with "?" parameters.
    ("customscreen/calls/callbacks.py", "_rows"),
    # ORDER BY chosen from two fixed column names; the typed text is a parameter.
    ("customscreen/contacts/search.py", "search"),
    # CallFilter.where(): fixed clauses, values as parameters.
    ("customscreen/paper/documents/calllog.py", "_rows"),
    ("customscreen/paper/documents/calllog.py", "totals"),
    ("customscreen/calls/voicemail.py", "items"), ("customscreen/calls/voicemail.py", "get"),
    # Tables and columns named by the schema's own foreign keys; the ids are parameters.
    ("customscreen/contacts/import_undo.py", "_delete_contacts"),
}
SQL_METHODS = {"execute", "executemany", "executescript", "query", "one", "_rows"}


def _built_sql(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant | ast.JoinedStr):
            return True
        return _built_sql(node.left) or _built_sql(node.right)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format")


def sql_built_from_text(root: Path) -> list[tuple[str, str, int]]:
    found = []
    for path in sorted((root / "customscreen").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for call in ast.walk(func):
                if not isinstance(call, ast.Call):
                    continue
                if not isinstance(call.func, ast.Attribute | ast.Name):
                    continue
                name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                sql_args = call.args[:2] if name == "_rows" else call.args[:1]
                if name in SQL_METHODS and any(_built_sql(a) for a in sql_args):
                    found.append((str(path.relative_to(root)), func.name, call.lineno))
    return found


def test_every_sql_statement_with_values_is_parameterised() -> None:
    offenders = [(f, fn, line) for f, fn, line in sql_built_from_text(REPO)
                 if (f, fn) not in ALLOWED_SQL_BUILDERS]
    assert offenders == [], "SQL text built with f-strings/%/format: use ? parameters"


def test_the_sql_check_catches_an_f_string_with_a_value(tmp_path: Path) -> None:
    (tmp_path / "customscreen").mkdir()
    (tmp_path / "customscreen" / "bad.py").write_text(
        "def find(store, name):\n"
        "    return store.query(f\"SELECT * FROM contacts WHERE name = '{name}'\")\n"
        "def old(conn, n):\n    conn.execute('SELECT %s' % n)\n")
    assert sql_built_from_text(tmp_path) == [
        ("customscreen/bad.py", "find", 2), ("customscreen/bad.py", "old", 4)]
