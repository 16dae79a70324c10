"""The signature blocks: the sender's, and the recipient's "Bon pour accord".

A French order is binding when the client writes "Bon pour accord", dates,
signs and stamps it; the boxes are sized for a real stamp (about 40 × 25 mm)
and a real signature, because a cramped box gets signed across the text.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table

from customscreen.paper.documents import styles
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.styles import escape

BOX_HEIGHT = 30 * mm
SIGNATURE_IMAGE_HEIGHT = 20 * mm
LINE_ROW_HEIGHT = 8 * mm


def _sender(words: Words, business_name: str, author: str, signature: Path | None,
            width: float) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(f"<b>{escape(words['sign.sender'])}</b>", styles.CELL)]
    parts.append(Paragraph(escape(business_name), styles.CELL))
    if author:
        parts.append(Paragraph(escape(author), styles.CELL))
    if signature is not None:
        image = Image(str(signature))
        scale = min(SIGNATURE_IMAGE_HEIGHT / image.imageHeight, width / image.imageWidth)
        image.drawHeight, image.drawWidth = image.imageHeight * scale, image.imageWidth * scale
        image.hAlign = "LEFT"
        parts += [Spacer(1, 2 * mm), image]
    else:
        # Room for a signature by hand: the sender signs the paper copy before faxing.
        box = Table([[Paragraph(escape(words["sign.signature"]), styles.SMALL_GREY)]],
                    colWidths=[width * 0.8], rowHeights=[BOX_HEIGHT])
        box.setStyle(styles.table_style([("BOX", (0, 0), (-1, -1), 0.6, black),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        box.hAlign = "LEFT"
        parts += [Spacer(1, 2 * mm), box]
    return parts


def _approval(words: Words, width: float) -> Table:
    half = width / 2
    rows = [
        [Paragraph(f"<b>{escape(words['sign.approval'])}</b>", styles.CELL), ""],
        [Paragraph(escape(words["sign.approval_hint"]), styles.SMALL_GREY), ""],
        [Paragraph(escape(words.colon(words["sign.date"])), styles.CELL), ""],
        [Paragraph(escape(words.colon(words["sign.name"])), styles.CELL), ""],
        [Paragraph(escape(words["sign.signature"]), styles.SMALL_GREY),
         Paragraph(escape(words["sign.stamp"]), styles.SMALL_GREY)],
    ]
    heights = [None, None, LINE_ROW_HEIGHT, LINE_ROW_HEIGHT, BOX_HEIGHT]
    table = Table(rows, colWidths=[half, half], rowHeights=heights)
    table.setStyle(styles.table_style([
        ("SPAN", (0, 0), (1, 0)),
        ("SPAN", (0, 1), (1, 1)),
        ("SPAN", (0, 2), (1, 2)),
        ("SPAN", (0, 3), (1, 3)),
        ("BOX", (0, 0), (-1, -1), 0.8, black),
        ("LINEBELOW", (0, 2), (1, 3), 0.4, styles.RULE_GREY),
        ("BOX", (0, 4), (0, 4), 0.6, black),
        ("BOX", (1, 4), (1, 4), 0.6, black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 2), (-1, 3), "BOTTOM"),
    ]))
    return table


def signature_blocks(words: Words, business_name: str, author: str, signature: Path | None,
                     approval: bool, width: float) -> Flowable:
    """Sender left, recipient's approval right; kept on one page with each other."""
    column = width / 2 - 4 * mm
    sender = _sender(words, business_name, author, signature, column)
    right: Flowable | str = _approval(words, width / 2 - 8 * mm) if approval else ""
    table = Table([[sender, right]], colWidths=[width / 2, width / 2])
    table.setStyle(styles.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("RIGHTPADDING", (1, 0), (1, 0), 0),
        ("LEFTPADDING", (1, 0), (1, 0), 8 * mm),
    ]))
    return KeepTogether([Spacer(1, 8 * mm), table])
