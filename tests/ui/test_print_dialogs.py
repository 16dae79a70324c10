"""Preview, print and save as PDF: the pages, the printer, the copy, the Documents dialog."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from customscreen import contacts
from customscreen.paper import register, verification
from ui import documents_dialog, print_preview, printing
from ui.documents_dialog import CALLLOG, STATS, DocumentsDialog
from ui.pdf_pages import PdfPages, PdfPagesError
from ui.print_preview import fit_page, paint_pages, save_pdf


@pytest.fixture
def two_pages(tmp_path: Path) -> Path:
    """An A4 page, then a landscape one: what a card and a call log look like."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(72, 700, "First page")
    canvas.showPage()
    canvas.setPageSize(landscape(A4))
    canvas.drawString(72, 400, "Second page")
    canvas.save()
    target = tmp_path / "two.pdf"
    target.write_bytes(buffer.getvalue())
    return target


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


@pytest.fixture
def dialog(qtbot, desk_store):
    widget = DocumentsDialog(desk_store, "FR", "Claire")
    qtbot.addWidget(widget)
    return widget


def choose(dialog: DocumentsDialog, kind: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))


def caller_id(store) -> int:
    return contacts.find_caller(store, "+33536490123").id


# -- the pages ----------------------------------------------------------------------


def test_each_page_is_drawn_in_its_own_proportions(qtbot, two_pages):
    pages = PdfPages.open(two_pages)
    images = [pages.image(i, 72) for i in range(len(pages))]
    assert len(images) == 2
    for index, image in enumerate(images):
        size = pages.size(index)
        assert not image.isNull()
        assert image.width() / image.height() == pytest.approx(size.width() / size.height(),
                                                              rel=0.01)
    assert images[0].width() < images[0].height() and images[1].width() > images[1].height()
    assert pages.size(0).width() == pytest.approx(A4[0], abs=0.5)


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path):
    with pytest.raises(PdfPagesError):
        PdfPages.from_bytes(b"not a PDF at all")


def test_printing_to_a_pdf_printer_gives_as_many_pages(qtbot, two_pages, tmp_path):
    pages = PdfPages.open(two_pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    fit_page(printer, pages)
    paint_pages(pages, printer)
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_preview_paints_every_page_and_offers_save_as_pdf(qtbot, two_pages, monkeypatch):
    painted = []
    monkeypatch.setattr(print_preview, "_picture", lambda pages, index, dpi: (
        painted.append((index, dpi)), pages.image(index, 20))[1])
    preview = print_preview.preview_dialog(two_pages)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: len(painted) >= 2)
    # The preview keeps its pages in memory: drawn at the preview's resolution.
    assert {dpi for _, dpi in painted} == {print_preview.PREVIEW_DPI}
    assert preview.save_action.text() == "Save as PDF…"


# -- save as PDF ----------------------------------------------------------------------


def test_save_as_pdf_copies_the_exact_bytes(qtbot, two_pages, tmp_path, monkeypatch):
    monkeypatch.setattr(print_preview.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "kept"), ""))
    saved = save_pdf(two_pages)
    assert saved == tmp_path / "kept.pdf"
    assert saved.read_bytes() == two_pages.read_bytes()


def test_cancelled_save_writes_nothing(qtbot, two_pages, tmp_path, monkeypatch):
    monkeypatch.setattr(print_preview.QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert save_pdf(two_pages) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["two.pdf"]


def test_unwritable_target_is_said_not_raised(qtbot, two_pages, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(print_preview.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "no" / "such" / "x.pdf"), ""))
    monkeypatch.setattr(print_preview.QMessageBox, "warning",
                        lambda parent, title, text: told.append(text))
    assert save_pdf(two_pages) is None
    assert told and "could not be saved" in told[0]


# -- the Documents dialog -----------------------------------------------------------------


def test_call_log_of_a_period_is_made_in_the_temp_folder(dialog):
    choose(dialog, CALLLOG)
    assert dialog.period_box.isVisibleTo(dialog) and not dialog.contact_box.isVisibleTo(dialog)
    dialog.since.setDate(date.today() - timedelta(days=365))
    pdf = dialog.build()
    assert pdf.exists() and pdf.parent == Path(dialog.folder.name)
    assert "Journal des appels" in text_of(pdf)


def test_statistics_report_of_a_period(dialog):
    choose(dialog, STATS)
    pdf = dialog.build()
    assert pdf.exists()
    assert "Statistiques des appels" in text_of(pdf)


def test_period_that_ends_before_it_starts_is_refused(dialog, monkeypatch):
    told = []
    monkeypatch.setattr(documents_dialog.QMessageBox, "warning",
                        lambda parent, title, text: told.append(text))
    choose(dialog, STATS)
    dialog.since.setDate(dialog.until.date().addDays(1))
    dialog.preview()
    assert told == ["The period ends before it starts."]


def test_fax_missing_a_required_field_is_refused_and_takes_no_number(dialog, desk_store,
                                                                      monkeypatch):
    told, asked = [], []
    monkeypatch.setattr(documents_dialog.QMessageBox, "warning",
                        lambda parent, title, text: told.append(text))
    monkeypatch.setattr(print_preview, "ask_pdf_path", lambda *a: asked.append(a))
    monkeypatch.setattr(print_preview, "ask_printer", lambda *a: asked.append(a))
    before = register.entries(desk_store)
    dialog.choose_contact(caller_id(desk_store))
    choose(dialog, "devis")
    dialog.fields["objet"].setText("Entretien chaudière")
    dialog.save()
    dialog.print_document()
    assert told == ["Fill in the required fields: Lines"] * 2
    assert asked == []
    assert register.entries(desk_store) == before


def test_fax_preview_is_an_unnumbered_draft_and_saving_issues_it(dialog, desk_store, tmp_path,
                                                                  monkeypatch):
    previewed = []
    monkeypatch.setattr(print_preview, "preview", lambda pdf, parent: previewed.append(pdf))
    dialog.choose_contact(caller_id(desk_store))
    choose(dialog, "lettre")
    assert dialog.fields_box.isVisibleTo(dialog)
    dialog.fields["objet"].setText("Votre contrat")
    dialog.fields["corps"].setPlainText("Madame,\nVotre contrat est renouvelé.")
    before = register.entries(desk_store)
    dialog.preview()
    assert "PREVIEW" in text_of(previewed[0])
    assert register.entries(desk_store) == before

    monkeypatch.setattr(print_preview, "ask_pdf_path", lambda *a: tmp_path / "lettre.pdf")
    dialog.save()
    issued = register.entries(desk_store)
    assert len(issued) == len(before) + 1
    entry = issued[-1]
    assert entry.kind == "lettre" and entry.author == "Claire"
    assert verification.verify(desk_store, entry.number, (tmp_path / "lettre.pdf").read_bytes())
    assert entry.number in dialog.status.text()


def test_printing_a_fax_cancelled_at_the_print_dialog_takes_no_number(dialog, desk_store,
                                                                      monkeypatch):
    monkeypatch.setattr(print_preview, "ask_printer", lambda pdf, parent: None)
    dialog.choose_contact(caller_id(desk_store))
    choose(dialog, "fiche-rappel")
    dialog.fields["pour"].setText("Marc")
    dialog.fields["objet"].setText("Devis chaudière")
    before = register.entries(desk_store)
    dialog.print_document()
    assert register.entries(desk_store) == before


def test_documents_menu_opens_on_the_current_contact(desk, desk_store, qtbot):
    assert desk.window.documents_action.shortcut().toString() == "Ctrl+Shift+P"
    desk.window.contacts.results.setCurrentCell(2, 0)
    chosen = desk.window.contacts.current_id()
    assert chosen
    opened = desk.open_documents()
    assert isinstance(opened, DocumentsDialog) and opened.isVisible()
    assert opened.contact_id() == chosen
    opened.close()


def test_card_print_button_opens_the_preview(desk_store, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(print_preview, "preview", lambda pdf, parent: shown.append(pdf))
    target = printing.print_card(desk_store, caller_id(desk_store), "FR", None)
    assert shown == [target] and target.read_bytes().startswith(b"%PDF")
