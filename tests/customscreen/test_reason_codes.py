"""Routing's reason is journaled as a code: upgraded from the old sentences, written
by the switchboard, carried by ``calls export`` and ``listen --json``."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.announce import as_json
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import CallAnnounced, Switchboard
from customscreen.contacts import Contact, Contract, Phone
from customscreen.storage.schema import MIGRATIONS
from customscreen.storage.store import Store
from telephony.events import CallerId, Ended
from telephony.simulator import DemoLine

T0 = datetime(2026, 11, 23, 9, 14, 3, tzinfo=timezone(timedelta(hours=1)))

# What programs of schema 2 wrote in ``calls.reason``, sentence by sentence, and
# the code each must become. The names are chosen to mislead a search for
# phrases: "Unknown number Ltd" is a known caller.
SCHEMA_2_REASONS = [
    ("Known caller: Dupont SARL", "known"),
    ("Known caller: Unknown number Ltd", "known"),
    ("Unknown number", "unknown"),
    ("Number withheld by the caller", "withheld"),
    ("Unknown number Ltd always gets through", "always"),
    ("Unknown number Ltd is under contract", "contract_active"),
    ("Busy day: L'Atelier's contract has expired, sent to voicemail", "priority_expired"),
    ("Busy day: Unknown number Ltd has no contract, sent to voicemail", "priority_no_contract"),
    ("Busy day: unknown caller sent to voicemail", "priority_unknown"),
    ("Busy day: withheld number sent to voicemail", "priority_withheld"),
    ("The office is closed: sent to voicemail", "closed"),
    ("Known caller: Spam is on the blocked list", "blocked"),
    # The demo seed's one sentence for every divert; these rows have no contact.
    ("Busy day: sent to voicemail", "priority_unknown"),
]
WRITTEN_BY_A_PERSON = "rappelle demain pour le devis"


def _schema_2_file(path: Path) -> None:
    """A journal as schema 2 left it: the migrations up to 2, then its rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:2]:
        migration(conn)
    conn.execute("PRAGMA user_version = 2")
    for n, (sentence, _) in enumerate([*SCHEMA_2_REASONS, (WRITTEN_BY_A_PERSON, "")]):
        conn.execute(
            "INSERT INTO calls(source, source_key, started_at, presentation, decision, reason) "
            "VALUES ('modem', ?, '2025-03-14T10:00:00+01:00', 'available', 'pop', ?)",
            (f"modem-{n}", sentence))
    conn.execute("COMMIT")
    conn.close()


def test_upgrading_a_schema_2_journal_turns_each_sentence_into_its_code(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    _schema_2_file(path)
    store = Store(path)
    try:
        assert store.upgraded_from is not None and store.upgraded_from[0] == 2
        rows = store.query("SELECT reason_code, reason FROM calls ORDER BY id")
        assert [(r[0], r[1]) for r in rows] == [
            *[(code, "") for _, code in SCHEMA_2_REASONS],
            ("", WRITTEN_BY_A_PERSON),  # a person's reason stays as written
        ]
    finally:
        store.close()


@pytest.fixture
def board(store: Store) -> Switchboard:
    contacts.save(store, Contact(name="Unknown number Ltd", kind="company",
                                 phones=[Phone("+33536490123")], contract=Contract("active")))
    b = Switchboard(store, "FR", Mode.PRIORITY, user="Claire")
    b.notices = []  # type: ignore[attr-defined]
    b.add_observer(b.notices.append)  # type: ignore[attr-defined]
    return b


def test_the_journal_keeps_routing_code_and_leaves_reason_to_people(board, store) -> None:
    line = DemoLine("demo:")
    board.receive(line, CallerId("k1", T0, "0536490123", "UNKNOWN NUMBER LTD"))
    board.receive(line, CallerId("k2", T0, "0199001234"))
    known, unknown = (n.call for n in board.notices if isinstance(n, CallAnnounced))
    assert (known.decision.code, unknown.decision.code) == ("contract_active", "priority_unknown")
    for call in (known, unknown):
        record = journal.get(store, call.id)
        assert (record.reason_code, record.reason) == (call.decision.code, "")
    journal.set_reason(store, known.id, "contrat à renouveler")
    record = journal.get(store, known.id)
    assert (record.reason_code, record.reason) == ("contract_active", "contrat à renouveler")


def test_listen_json_carries_the_code_and_the_english_sentence(board) -> None:
    board.receive(DemoLine("demo:"), CallerId("k1", T0, "0536490123"))
    line = json.loads(json.dumps(as_json(board.notices[0])))
    assert line["reason_code"] == "contract_active"
    assert line["reason"] == "Unknown number Ltd is under contract"


def test_calls_export_carries_reason_code_beside_the_written_reason(board, store,
                                                                   tmp_path: Path) -> None:
    line = DemoLine("demo:")
    board.receive(line, CallerId("k1", T0, "0536490123"))
    board.receive(line, Ended("k1", T0 + timedelta(seconds=30)))
    call_id = board.notices[0].call.id
    journal.set_reason(store, call_id, "devis")
    out = tmp_path / "calls.csv"
    assert journal.export_csv(store, out) == 1
    (row,) = csv.DictReader(out.open(encoding="utf-8"))
    assert (row["id"], row["reason_code"], row["reason"]) == (str(call_id), "contract_active",
                                                               "devis")
