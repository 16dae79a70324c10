"""A contact gets the journaled calls of their numbers, and loses those of a number taken away."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import Switchboard
from customscreen.contacts import Contact, Phone
from customscreen.contacts import files as contacts_io
from telephony.events import CallerId, Ended, Outcome
from telephony.simulator import DemoLine

T0 = datetime(2026, 11, 23, 9, 14, 3, tzinfo=timezone(timedelta(hours=1)))
MOBILE = "+33639981234"
SWITCHBOARD = "+33536490123"


@pytest.fixture
def board(store):
    return Switchboard(store, "FR", Mode.NORMAL, user="Claire")


def calls_from(board, raw: str, count: int, first: int = 0) -> list[int]:
    """``count`` calls from ``raw``, journaled by the switchboard, an hour apart."""
    line = DemoLine("demo:")
    for i in range(first, first + count):
        at = T0 + timedelta(hours=i)
        board.receive(line, CallerId(f"k{i}", at, raw, None))
        board.receive(line, Ended(f"k{i}", at + timedelta(minutes=2), Outcome.ANSWERED))
    return [r["id"] for r in board.store.query(
        "SELECT id FROM calls ORDER BY id")][first:first + count]


def linked(store, call_ids: list[int]) -> list[int | None]:
    return [journal.get(store, i).contact_id for i in call_ids]


def test_a_new_contact_gets_the_earlier_calls_of_its_number(board, store) -> None:
    earlier = calls_from(board, "06 39 98 12 34", 3)
    assert linked(store, earlier) == [None, None, None]
    durand = contacts.save(store, Contact(name="Jean Durand", phones=[Phone(MOBILE, "mobile")]))
    assert linked(store, earlier) == [durand] * 3
    assert [r.id for r in journal.recent_for_contact(store, durand)] == earlier[::-1]


def test_a_number_added_by_an_edit_brings_its_calls(board, store) -> None:
    durand = contacts.save(store, Contact(name="Jean Durand", phones=[Phone("+33145678901")]))
    earlier = calls_from(board, "0639981234", 2)
    contact = contacts.require(store, durand)
    contact.phones.append(Phone(MOBILE, "mobile"))
    contacts.save(store, contact)
    assert linked(store, earlier) == [durand, durand]


def test_a_number_taken_away_takes_its_calls_with_it(board, store) -> None:
    durand = contacts.save(store, Contact(
        name="Jean Durand", phones=[Phone(MOBILE, "mobile"), Phone("+33145678901")]))
    from_mobile = calls_from(board, "0639981234", 2)
    from_office = calls_from(board, "0145678901", 1, first=2)
    assert linked(store, from_mobile + from_office) == [durand] * 3
    contact = contacts.require(store, durand)
    contact.phones = [Phone("+33145678901")]
    contacts.save(store, contact)
    assert linked(store, from_mobile) == [None, None]
    assert linked(store, from_office) == [durand]


def test_a_number_taken_away_goes_to_whoever_else_holds_it(board, store) -> None:
    firm = contacts.save(store, Contact(name="Dupont SARL", kind="company",
                                        phones=[Phone(SWITCHBOARD)]))
    accountant = contacts.save(store, Contact(name="Anne Dupont", company_id=firm,
                                              phones=[Phone(SWITCHBOARD)]))
    calls = calls_from(board, "0536490123", 2)
    assert linked(store, calls) == [accountant] * 2  # a person before her company
    anne = contacts.require(store, accountant)
    anne.phones = []
    contacts.save(store, anne)
    assert linked(store, calls) == [firm] * 2


def test_calls_of_another_contact_on_a_shared_number_stay_theirs(board, store) -> None:
    firm = contacts.save(store, Contact(name="Dupont SARL", kind="company",
                                        phones=[Phone(SWITCHBOARD)]))
    calls = calls_from(board, "0536490123", 2)
    assert linked(store, calls) == [firm] * 2
    contacts.save(store, Contact(name="Anne Dupont", company_id=firm,
                                 phones=[Phone(SWITCHBOARD)]))
    assert linked(store, calls) == [firm] * 2
    contact = contacts.require(store, firm)
    contact.notes = "standard partagé"
    contacts.save(store, contact)  # saving again moves nothing
    assert linked(store, calls) == [firm] * 2


def test_a_failed_save_links_nothing(board, store) -> None:
    earlier = calls_from(board, "0639981234", 1)
    with pytest.raises(contacts.ContactError):
        contacts.save(store, Contact(name="Jean Durand", id=999, phones=[Phone(MOBILE)]))
    assert linked(store, earlier) == [None]


def test_imported_contacts_get_the_calls_of_their_numbers(tmp_path, board, store) -> None:
    contacts.save(store, Contact(name="Garage Martin", phones=[Phone("+33145678901")]))
    earlier = calls_from(board, "0639981234", 2)
    office = calls_from(board, "0465710011", 1, first=2)
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Type;Nom;Téléphone\nperson;Jean Durand;06 39 98 12 34\n"
                     "company;Boulangerie Roux;04 65 71 00 11\n"
                     "person;Garage Martin;01 45 67 89 01\n", encoding="utf-8")
    contacts_io.import_file(store, sheet, "FR")
    durand = contacts.find_caller(store, MOBILE)
    roux = contacts.find_caller(store, "+33465710011")
    assert durand is not None and roux is not None
    assert linked(store, earlier) == [durand.id, durand.id]
    assert linked(store, office) == [roux.id]
