"""Paragraph and table styles shared by every paper: black and greys only.

Many offices print on a monochrome laser or send by fax, where a coloured fill
becomes a black smear; greys are kept light enough that text over them reads.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from customscreen.contacts.text import clean_lines
from customscreen.paper.documents import fonts

#: A header row's fill: visible on a laser print, still readable on a fax.
HEADER_GREY = Color(0.86, 0.86, 0.86)
RULE_GREY = Color(0.55, 0.55, 0.55)
TEXT_GREY = Color(0.3, 0.3, 0.3)

BODY_SIZE = 9.5


def escape(text: str) -> str:
    """``text`` for a Paragraph: markup escaped, and no control or bidirectional
    override left (``text.clean_lines``), so "SARL Dupont" never prints reversed."""
    return _xml_escape(clean_lines(text))


fonts.register()

BODY = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=BODY_SIZE, leading=13,
                      spaceAfter=5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, spaceAfter=0)
SMALL_GREY = ParagraphStyle("small-grey", parent=SMALL, textColor=TEXT_GREY)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELL_RIGHT = ParagraphStyle("cell-right", parent=CELL, alignment=TA_RIGHT)
LABEL = ParagraphStyle("label", parent=CELL, fontName=fonts.BOLD)
TITLE = ParagraphStyle("title", parent=BODY, fontName=fonts.BOLD, fontSize=15, leading=18,
                       spaceAfter=2)
HEADING = ParagraphStyle("heading", parent=BODY, fontName=fonts.BOLD, fontSize=10.5,
                         leading=13, spaceBefore=8, spaceAfter=4)
BUSINESS = ParagraphStyle("business", parent=BODY, fontName=fonts.BOLD, fontSize=13,
                          leading=16, spaceAfter=1)


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells default to our font: reportlab's default is
    Helvetica, which would be listed (unembedded) even for an empty cell."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY_SIZE), *commands])


def grid(header: bool = True, last_row: int = -1) -> TableStyle:
    """Thin grey rules, a grey header row: the look of every table on our papers.

    ``last_row`` stops the rules early, for a table whose last rows are totals.
    """
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, last_row), 0.4, RULE_GREY),
        ("BOX", (0, 0), (-1, last_row), 0.6, black),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8.5),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, black),
        ]
    return TableStyle(commands)
