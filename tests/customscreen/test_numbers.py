from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customscreen.contacts import numbers


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("0536490123", "FR", "+33536490123"),
        ("05 36 49 01 23", "FR", "+33536490123"),
        ("0033536490123", "FR", "+33536490123"),
        ("+33536490123", "US", "+33536490123"),
        ("2015550123", "US", "+12015550123"),
        ("02079460123", "GB", "+442079460123"),
        ("030123456", "DE", "+4930123456"),
    ],
)
def test_what_the_line_sends_is_stored_as_e164(raw: str, region: str, e164: str) -> None:
    assert numbers.normalize(raw, region) == e164


@pytest.mark.parametrize("raw", [None, "", "0000000000", "P", "O", "anonymous"])
def test_withheld_or_missing_numbers_are_not_numbers(raw: str | None) -> None:
    assert numbers.normalize(raw, "FR") is None


def test_numbers_show_the_national_way_and_foreign_ones_internationally() -> None:
    assert numbers.display("+33536490123", "FR") == "05 36 49 01 23"
    assert numbers.display("+442079460123", "FR") == "+44 20 7946 0123"
    assert numbers.display(None, "FR", "P") == "P"


def test_unknown_numbers_get_a_place_and_line_type_hint() -> None:
    toulouse = numbers.hint("+33561234567")
    assert toulouse.place == "Toulouse" and toulouse.line_type == "landline"
    assert numbers.hint("+33639981234").line_type == "mobile"
    london = numbers.hint("+442079460123")
    assert (london.country, london.line_type) == ("GB", "landline")
    assert str(numbers.hint("+33536490123")) == "south-west France, landline"


def test_region_comes_from_option_then_configuration_then_locale(monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert numbers.default_region("gb", "US") == "GB"
    assert numbers.default_region(None, "US") == "US"
    assert numbers.default_region(None, None) == "DE"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.delenv("LC_TELEPHONE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # says nothing about the country
    assert numbers.default_region(None, None) == "FR"


FAST_REGIONS = ["FR", "BE", "CH", "GB", "DE", "NL", "AT", "US", "CA", "IT", "ES", "BR"]


@settings(max_examples=3000, deadline=None)
@given(region=st.sampled_from(FAST_REGIONS),
       digits=st.text(alphabet="0123456789", min_size=3, max_size=14))
def test_fast_path_agrees_with_the_phonenumbers_parser(region: str, digits: str) -> None:
    import phonenumbers

    fast = numbers._national_fast_path(digits, region)
    if fast is None:
        return
    parsed = phonenumbers.parse(digits, region)
    assert phonenumbers.is_possible_number(parsed)
    assert fast == phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def test_search_tokens_cover_the_ways_people_type_a_number() -> None:
    assert numbers.search_tokens("+33536490123") == "33536490123 536490123 0536490123"
    assert numbers.search_tokens("+12015550123") == "12015550123 2015550123"


@pytest.mark.parametrize(("e164", "label"), [
    ("+33639981234", "mobile"), ("+33712345678", "mobile"), ("+447911123456", "mobile"),
    ("+33536490123", "phone"), ("+12015550123", "phone"),  # North America: either
    ("+33800123456", "phone"), (None, "phone"),
])
def test_a_new_number_is_filed_as_a_mobile_when_it_is_one(e164: str | None, label: str) -> None:
    assert numbers.phone_label(e164) == label
