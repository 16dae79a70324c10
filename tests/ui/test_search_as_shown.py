"""A number typed the way the desk shows it finds its contact and its calls."""

from __future__ import annotations

from datetime import datetime

import pytest

from telephony.events import CallerId, Ended
from telephony.simulator import DemoLine

DUPONT = "05 36 49 01 23"  # Dupont SARL, as both tabs show the number
# Every way a receptionist writes Dupont's number, whole.
WHOLE = (DUPONT, "0536490123", "05.36.49.01.23", "05-36-49-01-23", "+33 5 36 49 01 23",
         "0033 5 36 49 01 23", "+33 (0)5 36 49 01 23", "+33536490123", "(05) 36 49 01 23")
# And its beginning, as shown: every number found starts that way.
PARTIAL = ("05 36", "05.36.49", "+33 5 36", "0033 5 36 49")


def typed(qtbot, field, text: str) -> None:
    field.clear()
    field.setFocus()
    qtbot.keyClicks(field, text)


def contact_rows(tab) -> list[tuple[str, str]]:
    return [(tab.results.item(r, 0).text(), tab.results.item(r, 2).text())
            for r in range(tab.results.rowCount())]


def call_rows(tab) -> list[tuple[str, str]]:
    model = tab.model
    number, caller = model.COLUMNS.index("number"), model.COLUMNS.index("caller")
    return [(model.data(model.index(r, number)), model.data(model.index(r, caller)))
            for r in range(min(model.rowCount(), 100))]


def starts(shown: str) -> str:
    """A shown number's national digits: "+33 5 36…" and "05 36…" both read 0536…"""
    digits = "".join(c for c in shown if c.isdigit())
    return "0" + digits[2:] if shown.startswith("+33") else digits


@pytest.fixture
def journal_with_dupont(desk):
    """Dupont SARL has called twice today, and so has a stranger on 05 36 49 77 01."""
    line = DemoLine("demo:", interval=0, ring=0)
    now = datetime.now().astimezone()
    for n, (number, name) in enumerate([("0536490123", "DUPONT SARL"), ("0536497701", None)] * 2):
        desk.board.receive(line, CallerId(f"k{n}", now, number, name))
        desk.board.receive(line, Ended(f"k{n}", now))
    return desk


@pytest.mark.parametrize("query", WHOLE)
def test_the_contacts_tab_finds_a_number_in_any_form_typed(desk, qtbot, query) -> None:
    tab = desk.window.contacts
    typed(qtbot, tab.search, query)
    assert ("Dupont SARL", DUPONT) in contact_rows(tab)


@pytest.mark.parametrize("query", PARTIAL)
def test_the_contacts_tab_finds_the_numbers_that_begin_as_typed(desk, qtbot, query) -> None:
    tab = desk.window.contacts
    typed(qtbot, tab.search, query)
    rows = contact_rows(tab)
    assert len(rows) > 1
    beginning = starts(query.replace("0033", "+33"))
    for name, shown in rows:
        assert any(starts(n).startswith(beginning) for n in shown.split(", ")), (name, shown)


def test_a_name_and_a_number_together_narrow_the_contacts(desk, qtbot) -> None:
    tab = desk.window.contacts
    typed(qtbot, tab.search, "Dupont 05 36")
    rows = contact_rows(tab)
    assert ("Dupont SARL", DUPONT) in rows
    for name, shown in rows:
        assert "Dupont" in name and any(starts(n).startswith("0536") for n in shown.split(", "))


@pytest.mark.parametrize("query", WHOLE)
def test_the_calls_tab_finds_a_number_in_any_form_typed(journal_with_dupont, qtbot,
                                                        query) -> None:
    tab = journal_with_dupont.window.calls
    typed(qtbot, tab.search, query)
    qtbot.waitUntil(lambda: tab.model.filter.text == query, timeout=2000)
    rows = call_rows(tab)
    assert rows.count((DUPONT, "Dupont SARL")) >= 2
    assert {number for number, _ in rows} == {DUPONT}


@pytest.mark.parametrize("query", PARTIAL)
def test_the_calls_tab_finds_the_calls_that_begin_as_typed(journal_with_dupont, qtbot,
                                                           query) -> None:
    tab = journal_with_dupont.window.calls
    typed(qtbot, tab.search, query)
    qtbot.waitUntil(lambda: tab.model.filter.text == query, timeout=2000)
    shown = {number for number, _ in call_rows(tab)}
    assert {DUPONT, "05 36 49 77 01"} <= shown
    beginning = starts(query.replace("0033", "+33"))
    assert all(starts(n).startswith(beginning) for n in shown), shown


def test_a_name_and_a_number_together_narrow_the_calls(journal_with_dupont, qtbot) -> None:
    tab = journal_with_dupont.window.calls
    typed(qtbot, tab.search, "Dupont 05 36")
    qtbot.waitUntil(lambda: tab.model.filter.text == "Dupont 05 36", timeout=2000)
    rows = call_rows(tab)
    assert rows.count((DUPONT, "Dupont SARL")) >= 2
    assert all("Dupont" in caller and starts(n).startswith("0536") for n, caller in rows), rows
