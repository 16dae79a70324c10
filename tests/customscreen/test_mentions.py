"""Finding an erased person's name and numbers in what people wrote."""

from __future__ import annotations

import pytest

from customscreen.care.mentions import Mentions

GIRARD = Mentions(["Hôtel Girard"], ["+33561234567"])


@pytest.mark.parametrize(("written", "kept"), [
    ("Rappeler M. Girard de l'Hôtel Girard", "Rappeler M. Girard de l'X"),
    ("HOTEL  GIRARD a appelé", "X a appelé"),
    ("l'hotel\u00a0girard", "l'X"),
    ("hôtel girardin, pas le même", "hôtel girardin, pas le même"),  # whole words only
    ("Marc Girard", "Marc Girard"),
])
def test_a_name_is_found_whatever_the_case_accents_and_spaces(written: str, kept: str) -> None:
    assert GIRARD.replace(written, "X") == kept


@pytest.mark.parametrize("written", [
    "+33561234567", "+33 5 61 23 45 67", "+33 (0)5 61 23 45 67", "0033 561 234 567",
    "0561234567", "05 61 23 45 67", "05.61.23.45.67", "05-61-23-45-67", "33561234567",
    "561234567",
])
def test_a_number_is_found_in_every_written_form(written: str) -> None:
    assert GIRARD.replace(f"tél. {written}.", "X") == "tél. X."
    assert GIRARD.has_number(written)


def test_a_longer_number_that_contains_the_digits_is_not_theirs() -> None:
    assert GIRARD.replace("ref 05612345670", "X") == "ref 05612345670"
    assert not GIRARD.has_number("15612345678")


def test_a_name_too_short_to_search_is_left_to_the_linked_rows() -> None:
    assert Mentions(["Al"], []).replace("Al a appelé", "X") == "Al a appelé"
