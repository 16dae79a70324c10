"""Importing the spreadsheets and address books businesses really have."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.contacts import files as contacts_io
from customscreen.contacts.files import ImportError_

FRENCH_CSV = (
    "Nom;Société;Téléphone;Portable;E-mail;Contrat;Fin de contrat;Modèle de chaudière\n"
    "Marie Dupont;Dupont SARL;05 36 49 01 23;06 39 98 12 34;marie@dupont.fr;actif;31/12/2030;"
    "Frisquet\n"
    "Paul Roux;Cabinet Roux;03 53 01 22 33;;;expiré;2024-01-31;\n"
    ";Boulangerie Lefèvre;04 65 71 00 11;;;aucun;;\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def snapshot(store) -> list[tuple]:
    """Everything a card shows, by name, independent of ids."""
    out = []
    for c in contacts_io.all_contacts(store):
        out.append((c.kind, c.name, c.company_name, sorted((p.e164, p.label) for p in c.phones),
                    c.email, c.address, c.notes, c.always, c.blocked, c.contract.status,
                    c.contract.reference, c.contract.start_date, c.contract.end_date,
                    c.contract.level, sorted(c.fields.items())))
    return sorted(out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_french_spreadsheet_imports_in_any_encoding(tmp_path, store, encoding) -> None:
    path = write(tmp_path, "clients.csv", FRENCH_CSV, encoding)
    result = contacts_io.import_file(store, path, "FR")
    assert result.imported == 3
    marie = contacts.find_caller(store, "+33639981234", date(2026, 11, 23))
    assert marie.name == "Marie Dupont" and marie.company == "Dupont SARL"
    assert marie.contract == "active"
    card = contacts.get(store, marie.id)
    assert card.fields == {"Modèle de chaudière": "Frisquet"}
    assert card.contract.end_date == date(2030, 12, 31)
    roux = contacts.find_caller(store, "+33353012233", date(2026, 11, 23))
    assert roux.contract == "expired"
    bakery = contacts.find_caller(store, "+33465710011")
    assert bakery.name == "Boulangerie Lefèvre"
    assert contacts.get(store, bakery.id).kind == "company"


def test_bad_rows_are_listed_with_file_and_line_and_nothing_is_imported(tmp_path, store) -> None:
    path = write(tmp_path, "bad.csv", (
        "Name,Phone,Contract\n"
        "Good One,0536490123,active\n"
        "Bad Number,call me maybe,active\n"
        ",,\n"
        "Bad Contract,0353012233,sometimes\n"
        ",0465710011,none\n"
    ))
    with pytest.raises(ImportError_) as err:
        contacts_io.import_file(store, path, "FR")
    assert err.value.problems == [
        f"{path}:3: Phone 'call me maybe' is not a phone number",
        f"{path}:5: contract 'sometimes' is not one of active/expired/none (actif/expiré/aucun)",
        f"{path}:6: the row has neither a name nor a company",
    ]
    assert contacts.count(store) == 0


def test_skip_invalid_imports_the_good_rows(tmp_path, store) -> None:
    path = write(tmp_path, "bad.csv", "Name,Phone\nGood One,0536490123\nBad,xx\n")
    result = contacts_io.import_file(store, path, "FR", skip_invalid=True)
    assert result.imported == 1
    assert result.skipped == [f"{path}:3: Phone 'xx' is not a phone number"]
    assert contacts.find_caller(store, "+33536490123").name == "Good One"


def test_missing_name_column_is_explained(tmp_path, store) -> None:
    path = write(tmp_path, "x.csv", "Foo;Bar\n1;2\n")
    with pytest.raises(ImportError_, match="no Name/Nom or Company/Société column"):
        contacts_io.import_file(store, path, "FR")


@pytest.mark.parametrize("suffix", [".csv", ".vcf"])
def test_export_then_import_gives_the_same_contacts(tmp_path, demo_store, suffix) -> None:
    from customscreen.storage.store import Store

    exported = tmp_path / f"all{suffix}"
    written = contacts_io.export_file(demo_store, exported)
    assert written == contacts.count(demo_store)
    fresh = Store(tmp_path / "fresh.sqlite")
    result = contacts_io.import_file(fresh, exported, "FR")
    assert result.imported == written
    assert snapshot(fresh) == snapshot(demo_store)


VCARD_4 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jean Dupuis\r\nN:Dupuis;Jean;;;\r\n"
    "ORG:Imprimerie Dupuis\r\nTEL;TYPE=cell;VALUE=uri:tel:+33-6-39-98-44-55\r\n"
    "TEL;TYPE=work:05 36 49 55 66\r\nEMAIL:jean@dupuis.fr\r\n"
    "NOTE:Livraison le mardi\\, avant 10h\\nportail bleu\r\n"
    "ADR;TYPE=work:;;3 rue des Lilas;Toulouse;;31000;France\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Martin;Anne\r\nTEL;TYPE=HOME,VOICE:0199 00 12 34\r\n"
    "END:VCARD\r\n"
)


def test_vcard_from_a_phone_imports_numbers_company_and_notes(tmp_path, store) -> None:
    result = contacts_io.import_file(store, write(tmp_path, "carnet.vcf", VCARD_4), "FR")
    assert result.imported == 2
    jean = contacts.get(store, contacts.find_caller(store, "+33639984455").id)
    assert jean.company_name == "Imprimerie Dupuis"
    assert sorted(p.label for p in jean.phones) == ["mobile", "phone"]
    assert jean.notes == "Livraison le mardi, avant 10h\nportail bleu"
    assert "Toulouse" in jean.address
    assert contacts.find_caller(store, "+33199001234").name == "Anne Martin"


def test_broken_vcard_is_reported_with_its_line(tmp_path, store) -> None:
    path = write(tmp_path, "broken.vcf", "BEGIN:VCARD\nFN:Sans Fin\nTEL:0536490123\n")
    with pytest.raises(ImportError_) as err:
        contacts_io.import_file(store, path, "FR")
    assert err.value.problems == [f"{path}:1: card not closed with END:VCARD"]


def test_contacts_named_like_injections_are_stored_as_text(tmp_path, store) -> None:
    nasty = "Robert'); DROP TABLE contacts;--"
    sip = 'Evil <sip:x@y>;tag=1\r\nVia: SIP/2.0/UDP evil'
    path = tmp_path / "nasty.csv"
    import csv

    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Name", "Phone", "Notes"])
        out.writerow([nasty, "0536490123", sip])
    contacts_io.import_file(store, path, "FR")
    assert contacts.find_caller(store, "+33536490123").name == nasty
    assert [h.name for h in contacts.search(store, "DROP TABLE")] == [nasty]
    assert contacts.count(store) == 1


def test_company_named_before_its_own_row_is_one_card(tmp_path, store) -> None:
    path = write(tmp_path, "order.csv", (
        "Type,Nom,Société,Téléphone,Adresse\n"
        "person,Marie Dupont,Dupont SARL,0639981234,\n"
        "company,Dupont SARL,,0536490123,3 rue Haute\n"
        "company,Dupont SARL,,,4 rue Basse\n"
    ))
    contacts_io.import_file(store, path, "FR")
    (company,) = [h for h in contacts.search(store, "") if h.kind == "company"]
    card = contacts.get(store, company.id)
    assert card.address == "4 rue Basse"  # the last row of a company wins
    (marie,) = contacts.people_of(store, company.id)
    assert marie.name == "Marie Dupont"
