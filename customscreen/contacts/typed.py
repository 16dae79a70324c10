"""What a search query means as a phone number, the one rule of both searches.

People type a number the way they see it written: "05 36 49 01 23",
"05.36.49", "05-36", "+33 5 36", "+33 (0)5 36", "0033 5 36", "536 49".
The contacts' index (``customscreen.contacts.search``) and the call journal
(``customscreen.calls.journal.CallFilter``) both read a query through
``read_query``, so that a number found in one tab is found in the other:

- A query is cut at its spaces. A piece made of digits and the signs people
  write between them (``+ . - / ( )``) is part of a number; a run of such
  pieces is ONE number, its digit groups joined: "05 36 49" is 053649.
- A piece with a letter is a word, searched in names, companies and notes, as
  before: "Dupont 05 36" is the word "Dupont" and the number 0536.
- A number is matched by its beginning: "05 36" finds every number that
  starts 05 36, whatever form it was stored or sent in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

from customscreen.contacts import numbers

# A piece of a number as written: "05", "05.36.49", "+33", "(0)5", "01-23".
_NUMBER_PIECE = re.compile(r"\+?[\d.\-/()]*\d[\d.\-/()]*")
# The trunk zero written in brackets after the country code: "+33 (0)5 36".
_BRACKETED_TRUNK = re.compile(r"(?<=\d)\s*\(0\)")
# Dialled before the country code from most of the world, whatever the region.
_COMMON_INTERNATIONAL_PREFIX = "00"


@dataclass(frozen=True)
class TypedNumber:
    """One number as typed, read for prefix searches."""

    typed: str  # "+33 (0)5 36", as the person wrote it
    #: The beginning of one of the forms a number has in the contacts' index
    #: (``numbers.search_tokens``): "0536" for "05 36", "33536" for "+33 5 36".
    digits: str
    #: The beginnings of the E.164 forms it can be, for the journal: "05 36"
    #: in France is "+33536"; "44 20" is "+334420" or "+4420" (typed without "+").
    e164_prefixes: tuple[str, ...]


@dataclass(frozen=True)
class TypedQuery:
    words: tuple[str, ...]  # the pieces with letters, in the order typed
    numbers: tuple[TypedNumber, ...]


def read_query(text: str, region: str) -> TypedQuery:
    """Split a search query into its words and its numbers (see the module's rule)."""
    words: list[str] = []
    found: list[TypedNumber] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            number = read_number(" ".join(run), region)
            if number is not None:
                found.append(number)
            run.clear()

    for piece in text.split():
        if _NUMBER_PIECE.fullmatch(piece):
            run.append(piece)
        else:
            end_run()
            words.append(piece)
    end_run()
    return TypedQuery(tuple(words), tuple(found))


def read_number(typed: str, region: str) -> TypedNumber | None:
    """A number or its beginning, in any form people write; None without digits."""
    text = _BRACKETED_TRUNK.sub("", typed.strip())
    digits = re.sub(r"\D", "", text)
    international = text.startswith("+")
    if not international:
        for prefix in _international_prefixes(region):
            if digits.startswith(prefix):
                international, digits = True, digits[len(prefix):]
                break
    if not digits:
        return None
    if international:
        full = _without_trunk_after_country_code(digits)
        return TypedNumber(typed, full, (f"+{full}",))
    country = numbers.country_prefix(region)  # "+0" for a region phonenumbers lacks
    trunk = numbers.trunk_prefix(region)
    national = digits[len(trunk):] if trunk and digits.startswith(trunk) else digits
    # The digits may also be an international number typed without its "+"
    # ("33 5 36"), as the contacts' index has them; no country code begins with 0.
    prefixes = dict.fromkeys(["" if country == "+0" else f"{country}{national}",
                              "" if digits.startswith("0") else f"+{digits}"])
    return TypedNumber(typed, digits, tuple(p for p in prefixes if p))


def _international_prefixes(region: str) -> tuple[str, ...]:
    """"00", and what the region dials instead ("011" in North America)."""
    meta = PhoneMetadata.metadata_for_region(region.upper())
    own = (meta.preferred_international_prefix or meta.international_prefix or "") if meta else ""
    if own.isdigit() and own != _COMMON_INTERNATIONAL_PREFIX:
        return (own, _COMMON_INTERNATIONAL_PREFIX)
    return (_COMMON_INTERNATIONAL_PREFIX,)


def _without_trunk_after_country_code(digits: str) -> str:
    """"33 0 5 36" (someone wrote "+33 05 36") is "33536": E.164 has no trunk zero."""
    for size in (1, 2, 3):
        if len(digits) < size:
            break
        regions = COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:size]))
        if regions:
            trunk = numbers.trunk_prefix(regions[0])
            rest = digits[size:]
            if trunk and rest.startswith(trunk):
                rest = rest[len(trunk):]
            return digits[:size] + rest
    return digits
