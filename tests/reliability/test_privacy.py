"""GDPR: retention of old calls, erasing a person, exporting what is held about them."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from customscreen import contacts
from customscreen.calls import callbacks, journal, voicemail
from customscreen.care import privacy
from customscreen.contacts import Contact, Contract, Phone
from customscreen.paper import register
from customscreen.storage.store import Store
from tests.reliability.processes import run

TODAY = date(2026, 11, 23)


def _call(store: Store, started: date, number: str | None, contact_id: int | None,
          note: str = "", reason_code: str = "unknown", reason: str = "") -> int:
    with store.transaction() as conn:
        call_id = journal.open_call(
            conn, source="demo", source_key=f"k{started}{number}", presentation="available",
            started_at=datetime.combine(started, datetime.min.time()).isoformat(),
            raw_number=number and "0" + number[3:], number=number, network_name="DUPONT SARL",
            contact_id=contact_id, decision="pop", reason_code=reason_code, reason=reason,
            note=note)
        voicemail.enqueue(conn, call_id, started.isoformat())
    return call_id


def _dupont(store: Store) -> int:
    card = Contact(name="Jeanne Dupont", email="jeanne@dupont.example", notes="allergic to cats",
                   phones=[Phone("+33536490123"), Phone("+33639981234", "mobile")],
                   contract=Contract("active", "C-42"), fields={"Chaudière": "Frisquet"})
    return contacts.save(store, card)


def test_retention_anonymises_calls_older_than_the_setting(store: Store) -> None:
    who = _dupont(store)
    old = _call(store, TODAY - timedelta(days=400), "+33536490123", who, "rappeler Mme Dupont",
                "known", "Mme Dupont, pour sa chaudière")
    recent = _call(store, TODAY - timedelta(days=10), "+33536490123", who)
    store.set_setting("privacy.retention_months", "12")
    done = privacy.run_if_due(store, TODAY)
    assert done is not None and done.calls == 1 and done.before == date(2025, 11, 23)
    gone = journal.get(store, old)
    assert gone is not None
    assert (gone.number, gone.raw_number, gone.network_name, gone.note, gone.contact_id) == (
        None, None, None, "", None)
    # Why it was routed is a code, not personal data; what a person wrote goes.
    assert (gone.reason_code, gone.reason) == ("known", "")
    assert journal.get(store, recent).number == "+33536490123"  # type: ignore[union-attr]
    assert privacy.run_if_due(store, TODAY) is None  # once a day


def test_retention_can_delete_old_calls_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    store = Store(db)
    _call(store, date.today() - timedelta(days=800), "+33536490123", None)
    _call(store, date.today(), "+33536490123", None)
    store.close()
    nothing = run(db, "privacy", "apply")
    assert nothing.returncode == 0 and "no retention configured" in nothing.stdout
    done = run(db, "privacy", "apply", "--months", "24", "--action", "delete")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 calls from before") and "deleted" in done.stdout
    assert "1 calls" in run(db, "check").stdout


def test_erasing_a_person_keeps_statistics_and_register_but_not_their_name(
        store: Store) -> None:
    who = _dupont(store)
    linked = _call(store, TODAY, "+33536490123", who, "elle rappelle demain")
    unlinked = _call(store, TODAY, "+33639981234", None)  # before the card knew that number
    other = _call(store, TODAY, "+33199001234", None)
    callbacks.create(store, due_at="2026-11-24", contact_id=who, number="+33536490123",
                     caller_name="Jeanne Dupont", subject="devis")
    entry = register.issue(store, kind="devis", contact_id=who, recipient="Jeanne Dupont",
                           author="Claire", render=lambda e: b"%PDF", deliver=lambda e, b: None)
    erased = privacy.erase_contact(store, who)
    assert (erased.calls, erased.callbacks, erased.documents) == (2, 1, 1)
    assert contacts.get(store, who) is None
    assert contacts.search(store, "Dupont") == []
    for call_id in (linked, unlinked):
        call = journal.get(store, call_id)
        assert call is not None and call.number is None and call.network_name is None
        assert call.note == ""
    assert journal.get(store, other).number == "+33199001234"  # type: ignore[union-attr]
    assert journal.count(store) == 3  # the statistics still count the calls
    kept = register.lookup(store, entry.number)
    assert kept is not None and kept.recipient == privacy.ERASED and kept.contact_id is None
    (slip,) = callbacks.all_callbacks(store)
    assert slip.number is None and slip.caller_name == privacy.ERASED
    assert store.integrity_errors() == []


def test_export_holds_everything_about_a_person(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    store = Store(db)
    who = _dupont(store)
    _call(store, TODAY, "+33536490123", who, "veut un devis")
    _call(store, TODAY, "+33199001234", None)  # someone else
    callbacks.create(store, due_at="2026-11-24", contact_id=who, subject="devis")
    register.issue(store, kind="devis", contact_id=who, recipient="Jeanne Dupont",
                   author="Claire", render=lambda e: b"%PDF", deliver=lambda e, b: None)
    store.close()
    out = tmp_path / "dupont.json"
    done = run(db, "privacy", "export", "--contact", str(who), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "2 numbers, 1 calls, 1 callbacks, 1 voicemail items, 1 documents" in done.stdout
    held = json.loads(out.read_text())
    assert held["contact"]["name"] == "Jeanne Dupont"
    assert held["contact"]["notes"] == "allergic to cats"
    assert [p["e164"] for p in held["phones"]] == ["+33536490123", "+33639981234"]
    assert held["contract"]["reference"] == "C-42"
    assert held["custom_fields"] == {"Chaudière": "Frisquet"}
    assert [c["note"] for c in held["calls"]] == ["veut un devis"]
    assert held["documents"][0]["recipient"] == "Jeanne Dupont"
    erase = run(db, "privacy", "erase", "--contact", str(who))
    assert erase.returncode == 0 and "card deleted" in erase.stdout
    again = run(db, "privacy", "export", "--contact", str(who), "-o", str(out))
    assert again.returncode == 2 and f"no contact {who}" in again.stderr
