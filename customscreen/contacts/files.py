"""Contacts in and out: CSV (as spreadsheets export them) and vCard 3.0 / 4.0.

Imports are all-or-nothing: every bad row is listed as ``FILE:LINE: problem``
and nothing is written, unless the user asks to skip the bad rows.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from customscreen import contacts
from customscreen.contacts import Contact, Contract, Phone, import_batches, numbers, vcard
from customscreen.contacts.import_batches import (
    READING,
    Cancelled,
    ImportCancelled,
    Progress,
    Report,
)
from customscreen.storage import spreadsheet
from customscreen.storage.paths import open_private
from customscreen.storage.spreadsheet import SheetWriter
from customscreen.storage.store import Store, StoreError

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


class ImportError_(ValueError):
    """The file has bad rows; ``problems`` lists them as ``FILE:LINE: what``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class ImportResult:
    imported: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    contact: Contact
    company: str


def read_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as French Excel writes it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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


def _csv_rows(path: Path, region: str) -> Iterator[_Row | str]:
    text = read_text(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(text), dialect, **spreadsheet.READING)
    try:
        header = next(reader)
    except StopIteration:
        yield f"{path}:1: the file is empty; expected a header row such as Nom;Société;Téléphone"
        return
    except csv.Error as exc:
        yield f"{path}:1: {exc}"
        return
    header = [spreadsheet.plain(h.strip()) for h in header]
    columns = [(_HEADERS.get(fold(h), None), h) for h in header]
    if not any(c == "name" or c == "company" for c, _ in columns):
        yield (f"{path}:1: no Name/Nom or Company/Société column in the header "
               f"({', '.join(h for _, h in columns)})")
        return
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield f"{path}:{reader.line_num}: {exc}"
            return
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            yield f"{path}:{line}: {len(cells)} cells but the header has {len(columns)}"
            continue
        try:
            yield _row(line, columns, cells, region)
        except ValueError as exc:
            yield f"{path}:{line}: {exc}"


def _row(line: int, columns: list[tuple[str | None, str]], cells: list[str],
         region: str) -> _Row:
    contact = Contact(name="")
    company = ""
    contract = Contract()
    for (key, header), raw in zip(columns, cells, strict=False):
        # Our own export guarded cells a spreadsheet would run: the text comes back.
        value = spreadsheet.plain(raw.strip())
        if key is None:
            if value:
                contact.fields[header] = value
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
    if contact.kind == "company":
        company = ""
    return _Row(line, contact, company)


def _split_numbers(cell: str) -> list[str]:
    parts = [cell]
    for sep in _NUMBER_SEPARATORS:
        parts = [p for chunk in parts for p in chunk.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def import_file(store: Store, path: Path, region: str, skip_invalid: bool = False, *,
                progress: Report | None = None, cancelled: Cancelled | None = None,
                ) -> ImportResult:
    """Import a ``.csv`` or ``.vcf`` file into the contacts.

    ``progress`` hears how far the reading, then the writing got;
    ``cancelled()`` is asked as it goes, and when it says yes the import
    raises ``ImportCancelled`` with the contacts as they were. The writing
    goes in short batches so that calls are journaled meanwhile
    (``import_batches`` says how, and why).
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows: Iterable[_Row | str] = _csv_rows(path, region)
    elif suffix in (".vcf", ".vcard"):
        rows = (r if isinstance(r, str) else _Row(r[0], r[1], r[2])
                for r in vcard.read(path, read_text(path), region))
    else:
        raise StoreError(f"{path}: import reads .csv or .vcf files, not {suffix or 'this file'}")
    report = progress or (lambda _: None)
    lines = _count_lines(path)
    good: list[_Row] = []
    problems: list[str] = []
    for row in rows:
        if isinstance(row, str):
            problems.append(row)
            continue
        good.append(row)
        if len(good) % _READ_REPORT_ROWS == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            report(Progress(READING, min(row.line, lines), lines))
    report(Progress(READING, lines, lines))
    if problems and not skip_invalid:
        raise ImportError_(problems)
    imported = len(good)
    try:
        import_batches.save(store, [(row.contact, row.company) for row in good], report,
                            cancelled)
    finally:
        import_batches.let_go(good)
    return ImportResult(imported, problems)


# Reading reports (and listens for a cancel) every this many rows: a few
# milliseconds of parsing, some hundred reports for a big file.
_READ_REPORT_ROWS = 500


def _count_lines(path: Path) -> int:
    """Lines of the file, for the progress of its reading (a cell may hold several)."""
    try:
        data = path.read_bytes()
    except OSError:
        return 0  # the reading itself says why
    return data.count(b"\n") + (not data.endswith(b"\n"))


# -- export ---------------------------------------------------------------------

CSV_HEADER = ["Kind", "Name", "Company", "Phone", "Mobile", "Fax", "Other phone", "Email",
              "Address", "Contract", "Contract reference", "Contract start", "Contract end",
              "Level", "Always", "Blocked", "Notes"]


def all_contacts(store: Store) -> Iterator[Contact]:
    """Companies first, then people, each by name: the order an import needs."""
    for row in store.query("SELECT id FROM contacts ORDER BY kind = 'person', name, id"):
        contact = contacts.get(store, row[0])
        if contact is not None:
            yield contact


def export_file(store: Store, path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".vcf", ".vcard"):
        raise StoreError(f"{path}: export writes .csv or .vcf files, not {suffix or 'this file'}")
    everyone = list(all_contacts(store))
    tmp = path.with_name(path.name + ".part")
    try:
        with open_private(tmp, newline="", encoding="utf-8") as f:
            if suffix == ".csv":
                _write_csv(f, everyone)
            else:
                f.write(vcard.write(everyone))
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write ({exc.strerror})") from None
    return len(everyone)


def _write_csv(f: io.TextIOBase, everyone: list[Contact]) -> None:
    extra: list[str] = []
    for c in everyone:
        extra.extend(k for k in c.fields if k not in extra)
    out = SheetWriter(f, CSV_HEADER + extra,
                      number_columns=("Phone", "Mobile", "Fax", "Other phone"))
    for c in everyone:
        by_label = {label: " / ".join(p.e164 for p in c.phones if p.label == label)
                    for label in _PHONE_FIELDS}
        k = c.contract
        out.writerow([
            c.kind, c.name, c.company_name, by_label["phone"], by_label["mobile"],
            by_label["fax"], by_label["other"], c.email, c.address, k.status, k.reference,
            k.start_date.isoformat() if k.start_date else "",
            k.end_date.isoformat() if k.end_date else "",
            k.level, "yes" if c.always else "", "yes" if c.blocked else "", c.notes,
            *[c.fields.get(key, "") for key in extra],
        ])
