from __future__ import annotations

import pytest

from customscreen.calls.routing import Action, Mode, decide
from customscreen.contacts import Caller
from telephony.events import Presentation

AVAILABLE = Presentation.AVAILABLE


def caller(contract: str = "none", always: bool = False, blocked: bool = False) -> Caller:
    return Caller(1, "Dupont SARL", "", contract, "", always, blocked)


@pytest.mark.parametrize("who", [None, caller(), caller("active"), caller("expired")])
def test_normal_day_everyone_pops(who: Caller | None) -> None:
    assert decide(who, AVAILABLE, Mode.NORMAL).action is Action.POP


def test_blocked_contacts_are_blocked_in_every_mode() -> None:
    for mode in Mode:
        decision = decide(caller("active", blocked=True), AVAILABLE, mode)
        assert decision.action is Action.BLOCK
        assert "blocked" in decision.reason


@pytest.mark.parametrize(
    ("who", "presentation", "action", "code"),
    [
        (caller("active"), AVAILABLE, Action.POP, "contract_active"),
        (caller("none", always=True), AVAILABLE, Action.POP, "always"),
        (caller("expired"), AVAILABLE, Action.DIVERT, "priority_expired"),
        (caller("none"), AVAILABLE, Action.DIVERT, "priority_no_contract"),
        (None, AVAILABLE, Action.DIVERT, "priority_unknown"),
        (None, Presentation.PRIVATE, Action.DIVERT, "priority_withheld"),
        (None, Presentation.UNAVAILABLE, Action.DIVERT, "priority_withheld"),
    ],
)
def test_busy_day_lets_only_contracts_and_always_through(who, presentation, action, code) -> None:
    decision = decide(who, presentation, Mode.PRIORITY)
    assert (decision.action, decision.code) == (action, code)
    assert decision.reason  # a sentence the receptionist can read


def test_closed_office_diverts_everyone_even_contracts() -> None:
    assert decide(caller("active", always=True), AVAILABLE, Mode.CLOSED).action is Action.DIVERT


def test_expired_end_date_means_expired_contract(store) -> None:
    from datetime import date

    from customscreen import contacts
    from customscreen.contacts import Contact, Contract, Phone

    contacts.save(store, Contact(
        name="Garage Martin", phones=[Phone("+33639981234")],
        contract=Contract("active", end_date=date(2026, 1, 31)),
    ))
    assert contacts.find_caller(store, "+33639981234", date(2026, 1, 31)).contract == "active"
    late = contacts.find_caller(store, "+33639981234", date(2026, 2, 1))
    assert late.contract == "expired"
    assert decide(late, AVAILABLE, Mode.PRIORITY).action is Action.DIVERT
