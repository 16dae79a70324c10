"""The caller-ID vector sets themselves: named once, explained, and fictional."""

from __future__ import annotations

import re
from collections import Counter

import phonenumbers
import pytest

from tests import vectors

#: Ranges kept for fiction, where a number rings nobody: ARCEP (France),
#: Ofcom's drama numbers (UK), NANP 555-0100..0199 (also as a 7-digit local
#: number) and the Bundesnetzagentur's film numbers (Berlin 030 23125 xxx).
FICTION = re.compile(
    r"\+33(19900|26191|35301|46571|53649|63998)\d{4}"
    r"|\+44(2079460|1134960|1614960)\d{3}|\+447700900\d{3}"
    r"|\+1(\d{3})?55501\d{2}"
    r"|\+493023125\d{3}"
)


def _e164(number: str, region: str) -> str:
    parsed = phonenumbers.parse(number, region)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _expected_numbers(kind: str, case: dict) -> list[str]:
    """Every number a repository case expects, in E.164."""
    if kind == "modem":
        return [_e164(call["number"], case["region"]) for call in case["expect"]
                if call["number"]]
    if kind == "sip":
        return [case["expect"]["number"]] if case["expect"]["number"] else []
    # Our FRITZ!Box stands on a French line.
    return [_e164(case["expect"][field], "FR") for field in ("number", "called")
            if case["expect"].get(field)]


@pytest.mark.parametrize("kind", vectors.KINDS)
@pytest.mark.parametrize("vector_set", vectors.vector_sets(), ids=lambda s: s.label)
def test_each_case_is_named_once_in_its_set(vector_set: vectors.VectorSet, kind: str) -> None:
    # Two cases of one name would share a test id, and one failure would hide the other.
    names = Counter(case.get("name", case["raw"]) for case in vector_set.cases(kind))
    assert [name for name, count in names.items() if count > 1] == []


@pytest.mark.parametrize("kind", vectors.KINDS)
def test_every_repository_case_says_what_it_stands_for(kind: str) -> None:
    repo = vectors.vector_sets()[0]
    assert repo.label == "repo" and repo.cases(kind)
    unexplained = [case.get("name") for case in repo.cases(kind)
                   if not case.get("name") or not case.get("seen_on")]
    assert unexplained == []


@pytest.mark.parametrize("kind", vectors.KINDS)
def test_every_number_of_the_repository_set_is_fictional(kind: str) -> None:
    repo = vectors.vector_sets()[0]
    real = [(case["name"], number) for case in repo.cases(kind)
            for number in _expected_numbers(kind, case) if not FICTION.fullmatch(number)]
    assert real == []


def test_the_summary_counts_each_set() -> None:
    line = vectors.summary()
    repo = vectors.vector_sets()[0]
    total = sum(len(repo.cases(kind)) for kind in vectors.KINDS)
    assert line.startswith(f"caller-ID vectors: repo {total} (modem ")
    if vectors.SHARED_VECTORS.is_dir():
        assert ", shared " in line
    else:
        assert "shared: not present" in line
