"""The pages of a PDF as pictures, for the preview and the printer.

reportlab writes the documents; Qt can print pictures but not read a PDF
(QtPdf is not in PySide6-Essentials), so pdfium draws each page to pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

#: PDF measures in points, 72 to the inch.
POINTS_PER_INCH = 72.0


class PdfPagesError(Exception):
    """The file is not a PDF pdfium can read."""


@dataclass
class PdfPages:
    """An open PDF: how many pages, their sizes, and each page drawn at a resolution."""

    _document: pdfium.PdfDocument

    @classmethod
    def from_bytes(cls, content: bytes) -> PdfPages:
        try:
            return cls(pdfium.PdfDocument(content))
        except pdfium.PdfiumError as exc:
            raise PdfPagesError(str(exc)) from None

    @classmethod
    def open(cls, path: Path) -> PdfPages:
        return cls.from_bytes(Path(path).read_bytes())

    def __len__(self) -> int:
        return len(self._document)

    def size(self, index: int) -> QSizeF:
        """The page's width and height in points."""
        page = self._document[index]
        try:
            width, height = page.get_size()
        finally:
            page.close()
        return QSizeF(width, height)

    def image(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (from 0) drawn on white at ``dpi`` pixels per inch."""
        page = self._document[index]
        try:
            # Four bytes a pixel in R, G, B, x order: QImage's RGBX8888, whatever
            # the machine's endianness; pdfium's rows may be padded, hence stride.
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                 prefer_bgrx=True)
            try:
                picture = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                 QImage.Format.Format_RGBX8888)
                # The QImage borrows pdfium's buffer: copy before the bitmap goes.
                return picture.copy()
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._document.close()
