"""What every report page carries: business and period above, page n/N below.

The call log, the card and the statistics share this frame so a manager's
folder of printouts looks like one set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from customscreen.paper.documents import fonts, styles
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.paper import MARGIN, PagedCanvas, page_size, write_atomically

HEADER_TOP = 10 * mm  # from the top edge to the header's baseline
HEADER_SIZE = 9.0
FOOTER_SIZE = 7.5
TOP_MARGIN = 22 * mm
BOTTOM_MARGIN = 16 * mm


@dataclass(frozen=True)
class ReportFrame:
    """The words around a report: whose, what, which period, printed when."""

    words: Words
    business: str
    title: str
    subtitle: str  # the period, or the contact's name
    printed: datetime
    region: str
    wide: bool = False  # landscape, for the call log's many columns

    @property
    def pagesize(self) -> tuple[float, float]:
        size = page_size(self.region)
        return landscape(size) if self.wide else size


def period_label(words: Words, since: date, until: date) -> str:
    return (f"{words.colon(words['report.period'])} {words.day(since)} {words['report.to']} "
            f"{words.day(until)}")


def draw_frame(frame: ReportFrame, canvas: Canvas, page: int, pages: int) -> None:
    width, height = canvas._pagesize
    right = width - MARGIN
    y = height - HEADER_TOP - HEADER_SIZE
    canvas.saveState()
    canvas.setFont(fonts.BOLD, HEADER_SIZE)
    title_w = canvas.stringWidth(frame.title, fonts.BOLD, HEADER_SIZE)
    canvas.drawString(MARGIN, y, frame.title)
    canvas.setFont(fonts.REGULAR, HEADER_SIZE)
    business = fonts.fit(frame.business, fonts.REGULAR, HEADER_SIZE, (right - MARGIN) / 3)
    canvas.drawRightString(right, y, business)
    room = right - MARGIN - title_w - canvas.stringWidth(business, fonts.REGULAR,
                                                         HEADER_SIZE) - 24
    canvas.drawString(MARGIN + title_w + 12,
                      y, fonts.fit(frame.subtitle, fonts.REGULAR, HEADER_SIZE, room))
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y - 4, right, y - 4)
    canvas.setFont(fonts.REGULAR, FOOTER_SIZE)
    canvas.setFillColor(styles.TEXT_GREY)
    canvas.setLineWidth(0.3)
    canvas.line(MARGIN, BOTTOM_MARGIN - 5 * mm, right, BOTTOM_MARGIN - 5 * mm)
    canvas.drawString(MARGIN, BOTTOM_MARGIN - 9 * mm,
                      f"{frame.words['report.printed']} {frame.words.moment(frame.printed)}")
    canvas.drawRightString(right, BOTTOM_MARGIN - 9 * mm,
                           f"{frame.words['band.page']} {page}/{pages}")
    canvas.restoreState()


def build(frame: ReportFrame, story: Callable[[float], list[Flowable]], output: Path) -> None:
    """Lay out a flowing report (``story(width)``) in the frame and write it atomically."""
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=frame.pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
        title=f"{frame.title} — {frame.subtitle}", author=frame.business,
        creator="CustomScreen",
    )
    body = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                 leftPadding=0, rightPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[body])])
    doc.build(story(doc.width),
              canvasmaker=partial(PagedCanvas, furniture=partial(draw_frame, frame)))
    write_atomically(output, buffer.getvalue())
