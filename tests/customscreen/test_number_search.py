"""A typed number means one thing to every search: its digits, joined, from the start."""

from __future__ import annotations

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.journal import CallFilter
from customscreen.contacts import Contact, Phone
from customscreen.contacts.typed import read_query
from tests.customscreen.test_cli import run, seeded


def number_of(text: str, region: str = "FR"):
    (number,) = read_query(text, region).numbers
    return number


@pytest.mark.parametrize("text", [
    "05 36 49", "05.36.49", "05-36-49", "(05) 36 49", "053649", "+33 5 36 49", "0033 5 36 49",
    "+33 (0)5 36 49", "+33 05 36 49", "+33536 49",
])
def test_every_form_of_a_french_number_is_one_beginning(text) -> None:
    assert number_of(text).e164_prefixes[0] == "+3353649"


def test_the_region_says_how_to_dial_abroad() -> None:
    assert number_of("011 44 20 7946", "US").e164_prefixes == ("+44207946",)
    assert number_of("0044 20 7946", "US").e164_prefixes == ("+44207946",)
    assert number_of("201 555", "US").e164_prefixes == ("+1201555", "+201555")
    # Italy keeps its leading zero after the country code.
    assert number_of("+39 06 1234").e164_prefixes == ("+39061234",)


def test_words_stay_words_and_digit_groups_join() -> None:
    read = read_query("Dupont SARL 05 36 A320", "FR")
    assert read.words == ("Dupont", "SARL", "A320")
    assert [n.digits for n in read.numbers] == ["0536"]
    assert read_query("00", "FR").numbers == ()


def test_a_foreign_contact_is_found_as_its_number_is_written(store) -> None:
    contacts.save(store, Contact(name="Hotel Bristol", phones=[Phone("+442079460958")]))
    for text in ("+44 20 7946 0958", "0044 20 7946", "+44 (0)20 7946", "020 7946 0958"):
        assert [h.name for h in contacts.search(store, text)] == ["Hotel Bristol"], text


def test_the_journal_finds_a_number_typed_as_shown(demo_store) -> None:
    def found(text: str) -> set[str]:
        return {c.number for c in journal.page(demo_store, CallFilter(text=text), 0, 500)}

    everything = found("+33 5 36")
    assert everything and all(n.startswith("+33536") for n in everything)
    assert found("05 36") == found("0536") == found("0033 5 36") == everything
    assert journal.count(demo_store, CallFilter(text="05 36")) == len(demo_store.query(
        "SELECT id FROM calls WHERE number LIKE '+33536%'"))


def test_contacts_search_finds_a_number_typed_as_shown(tmp_path) -> None:
    db = seeded(tmp_path)
    for text in ("05 36 49 01 23", "05.36.49.01.23", "+33 5 36 49 01 23", "+33 (0)5 36 49 01 23"):
        done = run(db, "contacts", "search", text)
        assert done.returncode == 0, done.stderr
        assert "Dupont SARL  05 36 49 01 23" in done.stdout, text
    # The words of a command line are one query: `contacts search 05 36`.
    done = run(db, "contacts", "search", "05", "36")
    lines = done.stdout.splitlines()
    assert len(lines) > 1 and all("05 36" in line for line in lines), lines
