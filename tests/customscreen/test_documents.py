"""Printed papers: what a secretary or a manager reads on the sheet."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from customscreen.demo import seed
from customscreen.paper import documents, register, verification
from customscreen.paper.documents.labels import Words
from customscreen.storage.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CUSTOMSCREEN = Path(sys.executable).with_name("customscreen")
LONG_LETTER = "\n".join(
    f"Paragraphe {i} : suite à notre visite, nous vous confirmons que la chaudière de votre "
    "établissement présente une usure importante du corps de chauffe et nous recommandons "
    "son remplacement avant l'hiver." for i in range(30)
)
ORDER_LINES = "Entretien chaudière gaz|1|120;Kit joints|2|14,50;Déplacement|1|35"


@pytest.fixture
def office(tmp_path: Path):
    store = Store(tmp_path / "x.sqlite")
    seed(store, calls=400)
    yield store
    store.close()


def pages_text(path: Path) -> list[str]:
    # French typography's no-break spaces read as spaces for the assertions.
    return [(p.extract_text() or "").replace("\u00a0", " ") for p in PdfReader(path).pages]


def a_person_at_a_company(store: Store) -> int:
    row = store.one("SELECT id FROM contacts WHERE company_id IS NOT NULL ORDER BY id LIMIT 1")
    assert row is not None
    return int(row[0])


def issued_count(store: Store) -> int:
    return int(store.one("SELECT count(*) FROM documents")[0])


# -- fax-style documents -------------------------------------------------------


def test_band_on_every_page_says_page_n_of_total(office: Store, tmp_path: Path) -> None:
    out = tmp_path / "lettre.pdf"
    entry = documents.print_fax(office, 1, "lettre",
                                {"objet": "Remplacement", "corps": LONG_LETTER}, out)
    texts = pages_text(out)
    assert len(texts) >= 2
    for n, text in enumerate(texts, start=1):
        assert f"Page {n}/{len(texts)}" in text
        assert "DE : Chauffage Garonne SARL" in text
        assert "FAX 05 36 49 00 01" in text
        assert "À : Dupont SARL" in text
        assert entry.number in text
    assert "Paragraphe 29" in "".join(texts)


def test_order_confirmation_shows_parties_totals_and_signature_boxes(office: Store,
                                                                     tmp_path: Path) -> None:
    person = a_person_at_a_company(office)
    contact = office.one("SELECT c.name, co.name FROM contacts c JOIN contacts co "
                         "ON co.id = c.company_id WHERE c.id = ?", (person,))
    out = tmp_path / "bpa.pdf"
    entry = documents.print_fax(office, person, "bon-pour-accord",
                                {"objet": "Entretien annuel", "lignes": ORDER_LINES,
                                 "lieu": "Toulouse"}, out, author="Claire")
    text = pages_text(out)[0]
    assert re.fullmatch(r"\d{4}-0001", entry.number)
    assert f"N° {entry.number}" in text
    assert contact[1] in text and contact[0] in text  # company, and the person
    assert "Chauffage Garonne SARL" in text and "12 allée des Demoiselles" in text
    for label in ("Bon pour accord", "Cachet de l'entreprise", "Signature", "Date :", "Nom :"):
        assert label in text
    # 120 + 2 × 14,50 + 35 = 184 HT; 20 % VAT = 36,80; 220,80 TTC
    assert "184,00 €" in text and "36,80 €" in text and "220,80 €" in text


@pytest.mark.parametrize("template, fields", [
    ("devis", {"objet": "Chaudière", "lignes": "Chaudière|1|3 450;Pose|7,5|58"}),
    ("fiche-rappel", {"pour": "Marc", "objet": "Panne", "rappeler_avant": "24/11 12:00"}),
    ("lettre", {"objet": "Rendez-vous", "corps": "Nous passerons mardi."}),
])
def test_every_template_prints_its_fields(office: Store, tmp_path: Path, template: str,
                                          fields: dict[str, str]) -> None:
    out = tmp_path / f"{template}.pdf"
    entry = documents.print_fax(office, 2, template, fields, out)
    text = pages_text(out)[0]
    assert entry.kind == template and entry.number in text
    for value in fields.values():
        if "|" not in value:
            assert value in text
    if template == "devis":
        assert "3 450,00 €" in text and "Devis valable jusqu'au" in text
    if template == "fiche-rappel":
        assert "À : Marc" in text  # the slip goes to the colleague who calls back


def test_english_region_gets_english_labels_and_letter_paper(office: Store,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "us.pdf"
    documents.print_fax(office, 1, "bon-pour-accord", {"objet": "Service", "prix": "1234.5"},
                        out, region="US")
    page = PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 612  # US Letter, not A4's 595
    text = pages_text(out)[0]
    assert "Order confirmation".upper() in text and "Company stamp" in text
    assert "€1,234.50" in text


def test_french_amounts_group_thousands_and_use_a_decimal_comma() -> None:
    words = Words.for_region("FR")
    assert words.money(Decimal("1234.56")) == "1\u00a0234,56\u00a0€"
    assert words.money(Decimal("0.005")) == "0,01\u00a0€"


@pytest.mark.parametrize("call, message", [
    (dict(contact_id=4242), "there is no contact 4242"),
    (dict(template="facture"), "bon-pour-accord, devis, fiche-rappel, lettre"),
    (dict(fields={"corps": "x"}), "the template lettre needs the field(s) objet"),
    (dict(fields={"objet": "x", "corps": "y", "objte": "z"}), "has no field(s) objte"),
    (dict(fields={"objet": "x", "lignes": "Sans prix|1"}), "lignes, line 1"),
    (dict(output="missing-folder/x.pdf"), "missing-folder"),
    (dict(output="."), "is a folder"),
])
def test_bad_requests_are_explained_and_consume_no_number(office: Store, tmp_path: Path,
                                                          call: dict, message: str) -> None:
    args = dict(contact_id=1, template="lettre", fields={"objet": "x", "corps": "y"},
                output="ok.pdf")
    args.update(call)
    if args["template"] == "lettre" and "lignes" in args["fields"]:
        args["template"] = "devis"
    with pytest.raises(documents.DocumentError, match=re.escape(message)):
        documents.print_fax(office, args["contact_id"], args["template"], args["fields"],
                            tmp_path / args["output"])
    assert issued_count(office) == 0
    entry = documents.print_fax(office, 1, "lettre", {"objet": "x", "corps": "y"},
                                tmp_path / "good.pdf")
    assert entry.number.endswith("-0001")


def test_a_failed_write_gives_the_number_back(office: Store, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(output: Path, data: bytes) -> None:
        raise documents.DocumentError(f"cannot write {output} (No space left on device)")

    monkeypatch.setattr("customscreen.paper.documents.fax.write_atomically", disk_full)
    with pytest.raises(documents.DocumentError, match="No space left"):
        documents.print_fax(office, 1, "lettre", {"objet": "x", "corps": "y"},
                            tmp_path / "x.pdf")
    assert issued_count(office) == 0 and not (tmp_path / "x.pdf").exists()


def test_issued_file_matches_its_register_entry(office: Store, tmp_path: Path) -> None:
    out = tmp_path / "bpa.pdf"
    entry = documents.print_fax(office, 1, "bon-pour-accord", {"objet": "Entretien"}, out,
                                author="Claire")
    filed = register.lookup(office, entry.number)
    assert filed is not None and filed.sha256 == entry.sha256
    assert (filed.kind, filed.contact_id, filed.author) == ("bon-pour-accord", 1, "Claire")
    assert filed.recipient == "Dupont SARL"
    # The QR's caption prints the hash's first digits on every page.
    assert all(f"SHA-256 {entry.sha256[:16]}" in t for t in pages_text(out))
    assert verification.verify(office, entry.number, out.read_bytes())


# -- reports -------------------------------------------------------------------


def journal_counts(store: Store, since: date | None = None,
                   until: date | None = None) -> dict[str, int]:
    where, params = "", ()
    if since and until:
        where, params = " WHERE started_at >= ? AND started_at < date(?, '+1 day')", (
            since.isoformat(), until.isoformat())
    return {r[0] or "none": r[1] for r in store.query(
        f"SELECT outcome, count(*) FROM calls{where} GROUP BY outcome", params)}


def test_statistics_report_figures_equal_the_journal(office: Store, tmp_path: Path) -> None:
    out = tmp_path / "stats.pdf"
    documents.print_stats(office, None, None, out)
    texts = pages_text(out)
    summary = " ".join(texts[0].split())  # table cells come out one per line
    counts = journal_counts(office)
    words = Words.for_region("FR")
    assert f"Appels reçus {sum(counts.values())} (" in summary
    for outcome, label in (("answered", "Répondu"), ("missed", "Manqué"),
                           ("diverted", "Renvoyé"), ("blocked", "Bloqué")):
        share = words.percent(counts.get(outcome, 0) / sum(counts.values())).replace("\u00a0",
                                                                                    " ")
        assert f"{label} {counts.get(outcome, 0)} ({share})" in summary
    assert "Appels par jour et par heure" in "".join(texts)
    for n, text in enumerate(texts, start=1):
        assert f"Page {n}/{len(texts)}" in text and "Chauffage Garonne SARL" in text


def test_call_log_lists_every_call_once_with_the_journal_totals(office: Store,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "log.pdf"
    documents.print_calllog(office, None, None, out)
    texts = pages_text(out)
    counts = journal_counts(office)
    lines = sum(len(re.findall(r"^\d\d/\d\d/\d{4} \d\d:\d\d", t, re.M)) for t in texts)
    assert lines == sum(counts.values()) == 400
    totals = re.search(r"Totaux par issue\s+(.*?)Date et heure", texts[0], re.S)
    assert totals is not None
    figures = [int(n.replace(" ", "")) for n in re.findall(r"\d[\d ]*", totals.group(1))]
    assert figures == [counts.get(o, 0) for o in ("answered", "missed", "diverted",
                                                  "blocked")] + [400]
    for n, text in enumerate(texts, start=1):
        assert f"Page {n}/{len(texts)}" in text and "Imprimé le" in text


def test_call_log_of_a_period_counts_only_that_period(office: Store, tmp_path: Path) -> None:
    first = office.one("SELECT substr(min(started_at), 1, 10) FROM calls")[0]
    since = date.fromisoformat(first)
    until = date.fromordinal(since.toordinal() + 3)
    out = tmp_path / "period.pdf"
    documents.print_calllog(office, since, until, out)
    text = "".join(pages_text(out))
    expected = sum(journal_counts(office, since, until).values())
    assert 0 < expected < 400
    assert len(re.findall(r"^\d\d/\d\d/\d{4} \d\d:\d\d", text, re.M)) == expected
    assert f"Période : {since:%d/%m/%Y} au {until:%d/%m/%Y}" in text


def test_client_card_carries_numbers_contract_people_and_calls(office: Store,
                                                               tmp_path: Path) -> None:
    company, calls = office.one(
        "SELECT co.id, count(*) FROM calls c JOIN contacts co ON co.id = c.contact_id "
        "WHERE co.kind = 'company' GROUP BY co.id ORDER BY count(*) DESC LIMIT 1")
    reference = office.one("SELECT reference FROM contracts WHERE contact_id = ?",
                           (company,))[0]
    people = [r[0] for r in office.query("SELECT name FROM contacts WHERE company_id = ?",
                                         (company,))]
    out = tmp_path / "card.pdf"
    documents.print_card(office, company, out)
    text = "".join(pages_text(out))
    assert reference in text
    assert all(name in text for name in people)
    assert len(re.findall(r"^\d\d/\d\d/\d{4} \d\d:\d\d", text, re.M)) == min(calls, 20)
    with pytest.raises(documents.DocumentError, match="there is no contact 999999"):
        documents.print_card(office, 999999, tmp_path / "none.pdf")


# -- the command line ----------------------------------------------------------


def test_cli_prints_a_fax_and_explains_a_bad_one(office: Store, tmp_path: Path) -> None:
    db = str(office.path)
    out = tmp_path / "bpa.pdf"
    ok = subprocess.run(
        [str(CUSTOMSCREEN), "--db", db, "print", "fax", "--contact", "1", "--template",
         "bon-pour-accord", "--field", "objet=Entretien annuel", "-o", str(out)],
        capture_output=True, text=True, timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert re.match(r"\d{4}-0001: ", ok.stdout) and out.read_bytes().startswith(b"%PDF")
    bad = subprocess.run(
        [str(CUSTOMSCREEN), "--db", db, "print", "fax", "--contact", "1", "--template",
         "devis", "--field", "objet=x", "-o", str(tmp_path / "devis.pdf")],
        capture_output=True, text=True, timeout=60,
    )
    assert bad.returncode != 0
    assert "the template devis needs the field(s) lignes" in bad.stderr
    assert not (tmp_path / "devis.pdf").exists()


def test_long_periods_are_charted_by_week_month_or_year_to_stay_readable() -> None:
    from customscreen.paper.documents.charts import bucket

    def unit_and_bars(days: int) -> tuple[str, int]:
        since = date(2016, 1, 1)
        until = date.fromordinal(since.toordinal() + days - 1)
        unit, bars = bucket({since: 3, until: 4}, since, until)
        assert sum(n for _, n in bars) == 7  # aggregation loses no call
        return unit, len(bars)

    assert unit_and_bars(31) == ("day", 31)
    assert unit_and_bars(365)[0] == "week"
    assert unit_and_bars(3653) == ("month", 120)  # ten years, 2016 to 2025
    assert unit_and_bars(40 * 365)[0] == "year"


def test_statistics_report_prints_within_three_seconds(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.sqlite")
    seed(store, calls=3000)
    started = time.perf_counter()
    documents.print_stats(store, None, None, tmp_path / "stats.pdf")
    assert time.perf_counter() - started < 3.0
