"""A finished PDF on screen, on the office printer, or saved: preview, print, save.

The PDF reportlab wrote is the document. The printer gets its pages as
pictures (``pdf_pages``), scaled to the paper; saving copies its bytes, so a
numbered fax keeps the hash the register filed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from ui.pdf_pages import PdfPages, PdfPagesError

#: Beyond 300 dpi a laser printer's toner shows no more detail, and an A4
#: page already takes 35 MB of pixels.
PRINT_DPI = 300
#: The preview keeps every page in memory: 150 dpi stays sharp at 200 % zoom.
PREVIEW_DPI = 150


# lupdate finds the strings by this name: translate("Context", "text").
translate = QCoreApplication.translate


class PrintError(Exception):
    """The printer refused the job: no device, a file it cannot write."""


def fit_page(printer: QPrinter, pages: PdfPages) -> None:
    """Paper of the document's first page, portrait or landscape like it."""
    if not len(pages):
        return
    size = pages.size(0)
    landscape = size.width() > size.height()
    portrait = QSizeF(size.height(), size.width()) if landscape else size
    paper = QPageSize(portrait, QPageSize.Unit.Point, "",
                      QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    # The PDF carries its own margins; the printer adds only what it cannot print.
    printer.setPageLayout(QPageLayout(paper, orientation, QMarginsF(0, 0, 0, 0)))


def _picture(pages: PdfPages, index: int, dpi: float) -> QImage:
    image = pages.image(index, dpi)
    # Our documents print in greys: one byte a pixel instead of four.
    if image.allGray():
        return image.convertToFormat(QImage.Format.Format_Grayscale8)
    return image


def paint_pages(pages: PdfPages, printer: QPrinter) -> None:
    """Draw every page on the printer, each scaled to the printable area, aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(translate("PrintPreview", "The printer could not be started."))
    try:
        previewing = painter.paintEngine().type() == QPaintEngine.Type.Picture
        dpi = min(printer.resolution(), PREVIEW_DPI if previewing else PRINT_DPI)
        area = painter.viewport()
        # The preview shrinks a 150 dpi page to the screen: filter, don't drop pixels.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in range(len(pages)):
            if index and not printer.newPage():
                raise PrintError(translate(
                    "PrintPreview", "The printer stopped at page %1.").replace(
                    "%1", str(index + 1)))
            image = _picture(pages, index, dpi)
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = round(image.width() * scale), round(image.height() * scale)
            target = QRect(area.x() + (area.width() - width) // 2, area.y(), width, height)
            painter.drawImage(target, image)
    finally:
        painter.end()


def _load(pdf: Path, parent: QWidget | None) -> PdfPages | None:
    try:
        return PdfPages.open(pdf)
    except (OSError, PdfPagesError) as exc:
        QMessageBox.warning(parent, translate("PrintPreview", "Print"), translate(
            "PrintPreview", "%1 cannot be read: %2").replace(
            "%1", str(pdf)).replace("%2", str(exc)))
        return None


def _paint_or_say(pages: PdfPages, printer: QPrinter, parent: QWidget | None) -> bool:
    try:
        paint_pages(pages, printer)
    except PrintError as exc:
        QMessageBox.warning(parent, translate("PrintPreview", "Print"), str(exc))
        return False
    return True


def _printer(pdf: Path, pages: PdfPages) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pdf.stem)
    fit_page(printer, pages)
    return printer


class DocumentPreview(QPrintPreviewDialog):
    """Qt's preview of one PDF, with Save as PDF beside its Print button."""

    def __init__(self, pdf: Path, pages: PdfPages, parent: QWidget | None = None) -> None:
        printer = _printer(pdf, pages)
        super().__init__(printer, parent)
        # The dialog does not own its printer: it must live as long as the dialog.
        self.pdf, self.pages, self.printer = pdf, pages, printer
        self.setWindowTitle(translate("PrintPreview", "Print preview — %1").replace("%1", pdf.name))
        self.paintRequested.connect(lambda device: _paint_or_say(self.pages, device, self))
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            self.save_action = toolbar.addAction(translate("PrintPreview", "Save as PDF…"))
            self.save_action.triggered.connect(lambda: save_pdf(self.pdf, self))
        self.finished.connect(lambda _: self.pages.close())
        self.resize(900, 760)


def preview_dialog(pdf: Path, parent: QWidget | None = None) -> DocumentPreview | None:
    """The preview of ``pdf``; None (and a message) if it cannot be read."""
    pdf = Path(pdf)
    pages = _load(pdf, parent)
    return None if pages is None else DocumentPreview(pdf, pages, parent)


def preview(pdf: Path, parent: QWidget | None = None) -> bool:
    """Show the preview until it is closed; False when the PDF could not be read."""
    dialog = preview_dialog(pdf, parent)
    if dialog is None:
        return False
    dialog.exec()
    dialog.deleteLater()  # deleted once closed (see ui/desk.py edit_settings)
    return True


def ask_printer(pdf: Path, parent: QWidget | None = None) -> QPrinter | None:
    """The system's print dialog, paper set like ``pdf``; None when cancelled or unreadable."""
    pdf = Path(pdf)
    pages = _load(pdf, parent)
    if pages is None:
        return None
    try:
        printer = _printer(pdf, pages)
    finally:
        pages.close()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("PrintPreview", "Print %1").replace("%1", pdf.name))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_on(printer: QPrinter, pdf: Path, parent: QWidget | None = None) -> bool:
    """Send every page of ``pdf`` to a printer already chosen; True once sent."""
    pages = _load(Path(pdf), parent)
    if pages is None:
        return False
    try:
        return _paint_or_say(pages, printer, parent)
    finally:
        pages.close()


def print_pdf(pdf: Path, parent: QWidget | None = None) -> bool:
    """The system's print dialog, then the pages to the chosen printer; True once sent."""
    printer = ask_printer(pdf, parent)
    return printer is not None and print_on(printer, pdf, parent)


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save a PDF, ".pdf" added when forgotten; None when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, translate("PrintPreview", "Save as PDF"),
                                            str(Path.home() / suggested),
                                            translate("PrintPreview", "PDF documents (*.pdf)"))
    if not chosen:
        return None
    target = Path(chosen)
    return target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")


def save_pdf(pdf: Path, parent: QWidget | None = None, suggested: str | None = None
             ) -> Path | None:
    """Ask where, then copy the PDF's bytes there; the copy's path, or None."""
    pdf = Path(pdf)
    target = ask_pdf_path(parent, suggested or pdf.name)
    if target is None:
        return None
    try:
        if not target.exists() or not target.samefile(pdf):
            shutil.copyfile(pdf, target)
    except OSError as exc:
        text = translate("PrintPreview", "The PDF could not be saved to %1: %2")
        QMessageBox.warning(parent, translate("PrintPreview", "Save as PDF"), text.replace(
            "%1", str(target)).replace("%2", exc.strerror or str(exc)))
        return None
    return target
