"""Phone numbers: stored as E.164, shown the national way, hinted when unknown.

A line sends numbers the way the local exchange writes them ("0536490123",
"2015550123", "+33 5 36 49 01 23", "0033536490123"); we store one canonical
E.164 form so that a card is found whatever the line sent.
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    NumberParseException,
    PhoneMetadata,
    PhoneNumberFormat,
    PhoneNumberType,
)

#: When neither the command line, the configuration nor the locale says.
FALLBACK_REGION = "FR"

# Regions that print on US Letter paper rather than A4.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"})

_LINE_TYPES = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline or mobile",
    PhoneNumberType.TOLL_FREE: "toll-free",
    PhoneNumberType.PREMIUM_RATE: "premium rate",
    PhoneNumberType.SHARED_COST: "shared cost",
    PhoneNumberType.VOIP: "internet telephony",
    PhoneNumberType.PERSONAL_NUMBER: "personal number",
    PhoneNumberType.UAN: "company number",
}

_DIGITS = re.compile(r"[^\d+]")

# phonenumbers only says "France" for French geographic numbers; receptionists
# recognise the old numbering areas of the big cities (ARCEP allocations), so
# those are named, the longest prefix first. Keys are national digits.
_FRENCH_AREAS = {
    "0561": "Toulouse", "0562": "Toulouse", "0534": "Toulouse", "0567": "Toulouse",
    "0556": "Bordeaux", "0557": "Bordeaux", "0535": "Bordeaux",
    "0491": "Marseille", "0496": "Marseille", "0413": "Marseille",
    "0472": "Lyon", "0478": "Lyon", "0437": "Lyon", "0426": "Lyon",
    "0493": "Nice", "0492": "Nice",
    "0467": "Montpellier", "0499": "Montpellier",
    "0388": "Strasbourg", "0390": "Strasbourg",
    "0320": "Lille", "0328": "Lille",
    "0240": "Nantes", "0251": "Nantes",
    "0299": "Rennes", "0223": "Rennes",
    "01": "Paris and Île-de-France",
    "02": "north-west France", "03": "north-east France",
    "04": "south-east France", "05": "south-west France",
}
_FRENCH_MOBILE_PREFIXES = ("06", "07")


def default_region(explicit: str | None = None, configured: str | None = None) -> str:
    """``--region``, else the configuration, else the locale, else France."""
    for candidate in (explicit, configured, _locale_region()):
        if candidate and len(candidate) == 2 and candidate.isalpha():
            return candidate.upper()
    return FALLBACK_REGION


def _locale_region() -> str | None:
    """The country of the user's locale; ``None`` for the C/POSIX locale.

    The first locale variable that is set decides, as for any POSIX program;
    Python maps ``C.UTF-8`` to en_US, which would make every line American.
    """
    for name in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return value.split("_", 1)[1][:2] if "_" in value else None
    try:
        loc = locale.getlocale()[0] or ""  # Windows keeps its locale outside the environment
    except ValueError:
        loc = ""
    return loc.split("_", 1)[1][:2] if "_" in loc else None


def normalize(raw: str | None, region: str) -> str | None:
    """The E.164 form of what a line sent, or ``None`` when it is not a number."""
    if not raw:
        return None
    cleaned = _DIGITS.sub("", raw)
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    if not cleaned.strip("+0"):
        return None  # all zeros: a withheld number on many exchanges
    fast = _national_fast_path(cleaned, region)
    if fast is not None:
        return fast
    try:
        parsed = phonenumbers.parse(cleaned, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        # Keep short or odd numbers (an internal extension, a service code)
        # recognisable rather than dropping them.
        return None
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


@lru_cache(maxsize=64)
def _trunk_rule(region: str) -> tuple[str, str, frozenset[int]] | None:
    """(country code, trunk prefix, national lengths) where dialling is simple.

    Most European and North American numbers reach us as trunk prefix +
    national number ("0536490123"); for those, E.164 is a string operation.
    Regions with transform rules or carrier codes (Argentina, Brazil…) keep
    the full parser.
    """
    meta = PhoneMetadata.metadata_for_region(region.upper())
    if (meta is None or not meta.national_prefix or meta.national_prefix_transform_rule
            or meta.general_desc is None):
        return None
    parsing = meta.national_prefix_for_parsing
    if parsing not in (None, meta.national_prefix) and not (parsing or "").startswith(
        meta.national_prefix + "|"
    ):
        return None
    country = str(phonenumbers.country_code_for_region(region.upper()))
    return country, meta.national_prefix, frozenset(meta.general_desc.possible_length)


def country_prefix(region: str) -> str:
    """"+33" for France: how every E.164 number of the region begins."""
    return f"+{phonenumbers.country_code_for_region(region.upper())}"


def trunk_prefix(region: str) -> str:
    """What the region dials before a national number ("0" in France, "1" in
    North America), or "" where numbers have none (Italy)."""
    meta = PhoneMetadata.metadata_for_region(region.upper())
    return (meta.national_prefix or "") if meta else ""


def _national_fast_path(digits: str, region: str) -> str | None:
    """E.164 without the full parser for the everyday case, or None to parse.

    Imports of a hundred thousand contacts spend most of their time here;
    ``tests/customscreen/test_numbers.py`` checks it agrees with the parser.
    """
    rule = _trunk_rule(region)
    if rule is None or not digits.isdigit():
        return None
    country, trunk, lengths = rule
    if digits.startswith(trunk):
        national = digits[len(trunk):]
        if national[:1] not in ("", "0", "1") and len(national) in lengths:
            return f"+{country}{national}"
    elif country == "1" and len(digits) == 10 and digits[0] not in "01":
        return f"+1{digits}"  # North America dials ten digits without the 1
    return None


def display(e164: str | None, region: str, raw: str | None = None) -> str:
    """The number the way people of ``region`` write it; international when foreign."""
    if not e164:
        return raw or ""
    try:
        parsed = phonenumbers.parse(e164, None)
    except NumberParseException:
        return raw or e164
    if phonenumbers.region_code_for_number(parsed) == region.upper():
        return phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)


def search_tokens(e164: str) -> str:
    """The ways a person types a number, for the search index, without parsing.

    ``+33536490123`` gives ``33536490123 536490123 0536490123``: typing
    ``0536`` or ``536`` finds it.
    """
    digits = e164.lstrip("+")
    for size in (1, 2, 3):
        regions = COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:size] or 0))
        if regions:
            national = digits[size:]
            rule = _trunk_rule(regions[0])
            trunk = rule[1] if rule and rule[0] != "1" else ""
            return f"{digits} {national} {trunk}{national}" if trunk else f"{digits} {national}"
    return digits


def national_digits(e164: str) -> str:
    """Digits as dialled nationally (for search: typing ``0536`` finds ``+33536…``)."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164.lstrip("+")
    return _DIGITS.sub("", phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL))


@dataclass(frozen=True)
class NumberHint:
    """What can be told of a number nobody knows: where and what kind of line.

    ``country`` is the ISO code of the number's country ("GB"); the desk names
    it in the user's language. phonenumbers' geocoder would name foreign
    towns too, but loading it costs 110 MB and a quarter of a second, on the
    ring-to-card path, for a French office's rare foreign caller.
    """

    place: str  # "Toulouse", "south-west France" or ""
    line_type: str  # "mobile", "landline", … or ""
    country: str = ""

    def __str__(self) -> str:
        return ", ".join(p for p in (self.place or self.country, self.line_type) if p)

    def describe(self, home_region: str) -> str:
        """As ``str``, without naming the home country: "mobile", not "FR, mobile"."""
        country = "" if self.country == home_region.upper() else self.country
        return ", ".join(p for p in (self.place or country, self.line_type) if p)


def hint(e164: str | None) -> NumberHint:
    if not e164:
        return NumberHint("", "")
    try:
        parsed = phonenumbers.parse(e164, None)
    except NumberParseException:
        return NumberHint("", "")
    country = phonenumbers.region_code_for_number(parsed) or ""
    line_type = _LINE_TYPES.get(phonenumbers.number_type(parsed), "")
    place = ""
    if country == "FR":
        digits = national_digits(e164)
        place = _FRENCH_AREAS.get(digits[:4]) or _FRENCH_AREAS.get(digits[:2], "")
        if not line_type and digits.startswith(_FRENCH_MOBILE_PREFIXES):
            line_type = "mobile"
    return NumberHint(place, line_type, country)


def phone_label(e164: str | None) -> str:
    """The contact book's label for a number: ``mobile`` for a mobile, else ``phone``.

    Read from the same hint as the unknown caller's card, so a number the card
    called a mobile is filed as one when its contact is created from the card.
    """
    return "mobile" if hint(e164).line_type == "mobile" else "phone"


def paper_size_is_letter(region: str) -> bool:
    return region.upper() in LETTER_REGIONS
