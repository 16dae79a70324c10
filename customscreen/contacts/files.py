"""Contacts in and out: CSV (as spreadsheets export them) and vCard 3.0 / 4.0.

Imports are all-or-nothing: every bad row is listed as ``FILE:LINE: problem``
and nothing is written, unless the user asks to skip the bad rows. A row
whose contact the book already holds updates it (``matching``), so a file
imported twice gives each person once. The file is read a row at a time and
written a batch at a time: memory stays the same whatever its size.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from customscreen import contacts
from customscreen.contacts import Contact, import_batches, reading, sheets, vcard
from customscreen.contacts.import_batches import (
    READING,
    Cancelled,
    ImportCancelled,
    Progress,
    Report,
)
from customscreen.contacts.rows import Dropped, Listing, Row
from customscreen.contacts.sheets import _PHONE_FIELDS, fold
from customscreen.storage.paths import open_private
from customscreen.storage.spreadsheet import SheetWriter
from customscreen.storage.store import Store, StoreError

__all__ = ["CSV_HEADER", "ImportCancelled", "ImportError_", "ImportResult", "all_contacts",
           "export_file", "fold", "import_file"]


class ImportError_(ValueError):
    """The file has bad rows; ``problems`` lists them as ``FILE:LINE: what``
    (the first ``rows.MAX_LISTED``, then how many more); ``refused`` counts them."""

    def __init__(self, problems: list[str], refused: int | None = None) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.refused = len(problems) if refused is None else refused


@dataclass
class ImportResult:
    imported: int = 0  # rows that made a contact the book did not hold
    updated: int = 0  # rows that updated a contact it held
    refused: int = 0  # bad rows, skipped
    skipped: list[str] = field(default_factory=list)  # their problems, as listed
    warnings: list[str] = field(default_factory=list)  # what kept rows left out


def import_file(store: Store, path: Path, region: str, skip_invalid: bool = False, *,
                progress: Report | None = None, cancelled: Cancelled | None = None,
                ) -> ImportResult:
    """Import a ``.csv`` or ``.vcf`` file into the contacts.

    ``progress`` hears how far the reading and writing got (lines of the
    file); ``cancelled()`` is asked as it goes, and when it says yes the
    import raises ``ImportCancelled`` with the contacts as they were. The
    writing goes in short batches so that calls are journaled meanwhile
    (``import_batches`` says how, and why). The first bad row, unless
    ``skip_invalid``, takes back what was written; the rest of the file is
    only checked, so that every bad row is listed.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".vcf", ".vcard"):
        raise StoreError(f"{path}: import reads .csv or .vcf files, not {suffix or 'this file'}")
    report = progress or (lambda _: None)
    stop = cancelled or (lambda: False)
    scan = reading.scan(path, stop)
    report(Progress(READING, 0, scan.lines))
    if stop():
        raise ImportCancelled
    problems, warnings = Listing(), Listing()
    writer = import_batches.Writer(store, report, stop, scan.lines)
    with reading.open_text(path, scan.encoding) as f:
        rows: Iterable[Row | str] = (
            sheets.rows(path, f, region) if suffix == ".csv"
            else vcard.read(path, reading.lines(f), region))
        try:
            for row in rows:
                if isinstance(row, Row):
                    writer.add(row)
                elif isinstance(row, Dropped):
                    warnings.add(row)
                else:
                    problems.add(row)
                    if not skip_invalid and writer.writing:
                        writer.take_back()  # nothing is written; the rest is checked
            writer.finish()
            for line, old, new in writer.renamed:
                warnings.add(Dropped(f"{path}:{line}: {old} is now named {new} (the same "
                                     "number); undo the import if they are two people"))
        except BaseException as exc:
            if writer.writing:
                _take_back(store, writer, exc)
            raise
    if problems.count and not skip_invalid:
        raise ImportError_(problems.listed(), problems.count)
    return ImportResult(writer.imported, writer.updated, problems.count, problems.listed(),
                        warnings.listed())


def _take_back(store: Store, writer: import_batches.Writer, exc: BaseException) -> None:
    try:
        writer.take_back()
    except Exception as undo_failed:
        raise StoreError(
            f"{store.path}: the import stopped ({exc or type(exc).__name__}) and what it "
            f"had written could not be taken back ({undo_failed}); those contacts stay"
        ) from undo_failed


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
