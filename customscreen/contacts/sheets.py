"""Spreadsheets of contacts (CSV, as Excel and LibreOffice export them), read a row at a time.

Each row becomes a ``rows.Row``, or a ``FILE:LINE: problem`` that refuses that
row alone: a cell past ``MAX_CELL``, a line past ``reading.MAX_LINE``, a
number that is not one. Columns the program does not know are the contact's
custom fields, at most ``MAX_FIELDS`` of them; the rest are said (``Dropped``).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from customscreen.contacts import numbers, reading
from customscreen.contacts.book import MAX_FIELDS, Contact, Contract, Phone
from customscreen.contacts.reading import Cut
from customscreen.contacts.rows import Dropped, Row
from customscreen.storage import spreadsheet

# One cell, in characters. A note or an address is some hundreds; 64 KB is
# thirty pages of text, more than a card or its paper shows. A longer cell is
# a broken file or something pasted by mistake: its row is refused, the others
# are imported. (Python's csv module stops a whole file at 128 KB.)
MAX_CELL = 64 * 1024
# Custom fields named in a row's message when it has too many.
_NAMED = 3

# Header names people put in their spreadsheets, French and English, folded
# (lower case, no accents, no punctuation) -> our field.
_HEADERS = {
    "type": "kind", "kind": "kind", "genre": "kind",
    "nom": "name", "name": "name", "full name": "name", "nom complet": "name",
    "contact": "name", "raison sociale": "company",
    "societe": "company", "company": "company", "entreprise": "company",
    "organisation": "company", "organization": "company",
    "telephone": "phone", "phone": "phone", "tel": "phone", "tel fixe": "phone",
    "telephone fixe": "phone", "work phone": "phone", "bureau": "phone",
    "portable": "mobile", "mobile": "mobile", "cell": "mobile", "gsm": "mobile",
    "telephone portable": "mobile", "mobile phone": "mobile",
    "fax": "fax", "telecopie": "fax",
    "autre telephone": "other", "other phone": "other",
    "e mail": "email", "email": "email", "courriel": "email", "mail": "email",
    "adresse": "address", "address": "address",
    "contrat": "contract", "contract": "contract", "statut contrat": "contract",
    "contract status": "contract",
    "reference contrat": "contract_reference", "contract reference": "contract_reference",
    "ref contrat": "contract_reference",
    "debut de contrat": "contract_start", "contract start": "contract_start",
    "fin de contrat": "contract_end", "contract end": "contract_end",
    "niveau": "level", "niveau de maintenance": "level", "level": "level",
    "maintenance level": "level",
    "toujours": "always", "always": "always", "prioritaire": "always",
    "bloque": "blocked", "blocked": "blocked",
    "notes": "notes", "note": "notes", "remarques": "notes", "commentaire": "notes",
}

_CONTRACT_WORDS = {
    "active": "active", "actif": "active", "en cours": "active", "oui": "active",
    "yes": "active", "expired": "expired", "expire": "expired", "echu": "expired",
    "none": "none", "aucun": "none", "non": "none", "no": "none", "": "none",
}
_TRUE = {"1", "yes", "oui", "x", "true", "vrai", "o", "y"}
_FALSE = {"", "0", "no", "non", "false", "faux", "n"}
_PHONE_FIELDS = ("phone", "mobile", "fax", "other")
# Several numbers in one cell are separated by these (spreadsheets use both).
_NUMBER_SEPARATORS = ("/", "|", ",")


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: ``Société`` → ``societe``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())




def _parse_date(text: str) -> date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (use 2027-03-31 or 31/03/2027)")


def _flag(text: str, what: str) -> bool:
    value = fold(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{what} {text!r} is neither yes nor no")


def rows(path: Path, f: TextIO, region: str) -> Iterator[Row | str]:
    """Each row of the open file ``f`` as a ``Row``, or a ``FILE:LINE: problem``."""
    cut: dict[int, int] = {}  # line -> length, for the lines ``reading`` did not keep
    head = f.read(4096)
    f.seek(0)
    try:
        dialect = csv.Sniffer().sniff(head, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]

    def fed() -> Iterator[str]:
        for number, line in enumerate(reading.lines(f), start=1):
            if isinstance(line, Cut):
                cut[number] = line.length
                yield "\n"  # an empty row in its place keeps the line numbers
            else:
                yield line

    reader = csv.reader(fed(), dialect, **spreadsheet.READING)
    try:
        header = next(reader)
    except StopIteration:
        yield f"{path}:1: the file is empty; expected a header row such as Nom;Société;Téléphone"
        return
    except csv.Error as exc:
        yield f"{path}:1: {exc}"
        return
    if 1 in cut:
        yield f"{path}:1: the header is a line of {cut[1]:,} characters, not a header row"
        return
    header = [spreadsheet.plain(h.strip()) for h in header]
    columns = [(_HEADERS.get(fold(h), None), h) for h in header]
    if not any(c == "name" or c == "company" for c, _ in columns):
        yield (f"{path}:1: no Name/Nom or Company/Société column in the header "
               f"({', '.join(h for _, h in columns[:20])})")
        return
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The csv module has dropped the rest of this line and goes on at
            # the next: this row is refused, the others are read.
            yield f"{path}:{reader.line_num}: {_csv_problem(exc)}"
            continue
        line = reader.line_num
        if line in cut:
            yield (f"{path}:{line}: a line of {cut.pop(line):,} characters; a row is "
                   f"refused past {reading.MAX_LINE:,} (a cell holds at most {MAX_CELL:,})")
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            yield f"{path}:{line}: {len(cells)} cells but the header has {len(columns)}"
            continue
        try:
            row, dropped = _row(line, columns, cells, region)
        except ValueError as exc:
            yield f"{path}:{line}: {exc}"
            continue
        if dropped:
            yield Dropped(f"{path}:{line}: {dropped}")
        yield row


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a cell longer than {MAX_CELL:,} characters (64 KB); the row is refused"
    return str(exc)


def _row(line: int, columns: list[tuple[str | None, str]], cells: list[str],
         region: str) -> tuple[Row, str]:
    """The row's contact, and what was left out of it ("" when nothing was)."""
    contact = Contact(name="")
    company = ""
    contract = Contract()
    given: set[str] = set()
    extra: list[str] = []  # custom fields past MAX_FIELDS
    size = 0
    for (key, header), raw in zip(columns, cells, strict=False):
        if len(raw) > MAX_CELL:
            raise ValueError(f"{header or 'a cell'}: a cell of {len(raw):,} characters; a "
                             f"cell holds at most {MAX_CELL:,} (64 KB), the row is refused")
        size += len(raw)
        # Our own export guarded cells a spreadsheet would run: the text comes back.
        value = spreadsheet.plain(raw.strip())
        if value and key is not None:
            given.add("phones" if key in _PHONE_FIELDS else key)
        if key is None:
            if not value:
                continue
            if len(contact.fields) < MAX_FIELDS or header in contact.fields:
                contact.fields[header] = value
                given.add("fields")
            else:
                extra.append(header)
        elif key == "name":
            contact.name = value
        elif key == "company":
            company = value
        elif key == "kind":
            kind = {"societe": "company", "entreprise": "company", "personne": "person"}.get(
                fold(value), fold(value) or "person")
            if kind not in ("person", "company"):
                raise ValueError(f"type {value!r} is neither person nor company")
            contact.kind = kind
        elif key in _PHONE_FIELDS:
            for part in _split_numbers(value):
                e164 = numbers.normalize(part, region)
                if e164 is None:
                    raise ValueError(f"{header} {part!r} is not a phone number")
                contact.phones.append(Phone(e164, key))
        elif key == "email":
            contact.email = value
        elif key == "address":
            contact.address = value
        elif key == "notes":
            contact.notes = value
        elif key == "contract":
            status = _CONTRACT_WORDS.get(fold(value))
            if status is None:
                raise ValueError(
                    f"contract {value!r} is not one of active/expired/none (actif/expiré/aucun)")
            contract.status = status
        elif key == "contract_reference":
            contract.reference = value
        elif key == "contract_start" and value:
            contract.start_date = _parse_date(value)
        elif key == "contract_end" and value:
            contract.end_date = _parse_date(value)
        elif key == "level":
            contract.level = value
        elif key == "always":
            contact.always = _flag(value, header)
        elif key == "blocked":
            contact.blocked = _flag(value, header)
    contact.contract = contract
    if not contact.name:
        if not company:
            raise ValueError("the row has neither a name nor a company")
        contact.name, contact.kind, company = company, "company", ""
        given.add("name")
    if contact.kind == "company":
        company = ""
        given.discard("company")
    dropped = ""
    if extra:
        named = ", ".join(repr(h) for h in extra[:_NAMED]) + (", …" if len(extra) > _NAMED else "")
        dropped = (f"{len(extra):,} custom fields past the first {MAX_FIELDS} were not imported "
                   f"({named}); a contact keeps at most {MAX_FIELDS}")
    return Row(line, contact, company, frozenset(given), size), dropped


def _split_numbers(cell: str) -> list[str]:
    parts = [cell]
    for sep in _NUMBER_SEPARATORS:
        parts = [p for chunk in parts for p in chunk.split(sep)]
    return [p.strip() for p in parts if p.strip()]


