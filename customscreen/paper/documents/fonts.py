"""The fonts every printed page uses, embedded so accents survive any printer.

The PDF base fonts (Helvetica…) are not embedded and only cover Latin-1 through
a viewer's substitute; a fax machine or an old driver then prints "Ã©" for "é".
DejaVu (Bitstream Vera licence, see ``resources/fonts/LICENSE-DejaVu.txt``) is
shipped with the program and embedded, subset, in every PDF.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from customscreen.contacts.text import clean
from customscreen.paper.documents.errors import DocumentError

# An editable install: the repository's resources folder sits above the package.
FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
#: The transmission band: a fax machine's header is fixed-width.
MONO = "DejaVuSansMono"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}


def register() -> None:
    """Make the fonts known to reportlab; cheap after the first call."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name in known:
            continue
        path = FONT_DIR / filename
        if not path.is_file():
            raise DocumentError(f"the font {path} is missing; reinstall CustomScreen")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points: a column never overflows.

    Controls and bidirectional overrides go first (``text.clean``): a caller's
    name from the line must not print reversed.
    """
    text = clean(text)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + ellipsis, font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis
