"""``print_calllog``: the journal of a period on paper, one line per call.

A year of a busy switchboard is a hundred thousand calls, so rows are fetched
in batches by keyset (``started_at, id`` after the last one printed) and drawn
straight onto the canvas; no list of every call is ever built. Each line has
the same height, so the page count is known before the first page is drawn and
every page can say "page n/N" without a second pass.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from customscreen.calls.journal import OUTCOMES, TAKER, CallFilter
from customscreen.contacts import numbers
from customscreen.paper.documents import fonts, styles
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.paper import MARGIN, Business, check_output, write_atomically
from customscreen.paper.documents.report import (
    BOTTOM_MARGIN,
    TOP_MARGIN,
    ReportFrame,
    draw_frame,
    period_label,
)
from customscreen.paper.statistics import period_of
from customscreen.storage.store import Store

ROW_HEIGHT = 11.0
COLUMN_GAP = 5.0
TEXT_SIZE = 7.5
#: Rows fetched per query: small enough for memory, large enough for speed.
BATCH = 500
#: Page 1 opens with the totals: a title line, a label line and a value line.
TOTALS_ROWS = 4
ZEBRA_GREY = styles.HEADER_GREY.clone(red=0.95, green=0.95, blue=0.95)

# (label key, share of the width, right-aligned)
COLUMNS = (
    ("calllog.when", 0.13, False), ("calllog.number", 0.11, False),
    ("calllog.name", 0.18, False), ("calllog.decision", 0.07, False),
    ("calllog.outcome", 0.07, False), ("calllog.duration", 0.065, True),
    ("calllog.handled_by", 0.08, False), ("calllog.note", 0.295, False),
)

_SELECT = (
    "SELECT calls.id, calls.started_at, calls.number, calls.raw_number, calls.presentation, "
    "calls.network_name, contacts.name AS contact_name, calls.decision, calls.outcome, "
    f"calls.duration_s, {TAKER} AS handled_by, calls.note "
    "FROM calls LEFT JOIN contacts ON contacts.id = calls.contact_id"
)


@dataclass(frozen=True)
class Layout:
    rows_first: int  # call lines on page 1, after the totals
    rows_other: int

    def pages(self, calls: int) -> int:
        if calls <= self.rows_first:
            return 1
        return 1 + math.ceil((calls - self.rows_first) / self.rows_other)


def _rows(store: Store, where: CallFilter) -> Iterator[sqlite3.Row]:
    clause, params = where.where()
    joiner = " AND " if clause else " WHERE "
    last: tuple[str, int] | None = None
    while True:
        if last is None:
            sql, args = f"{_SELECT}{clause}", list(params)
        else:
            sql = f"{_SELECT}{clause}{joiner}(calls.started_at, calls.id) > (?, ?)"
            args = [*params, *last]
        batch = store.query(f"{sql} ORDER BY calls.started_at, calls.id LIMIT ?",
                            (*args, BATCH))
        yield from batch
        if len(batch) < BATCH:
            return
        last = (batch[-1]["started_at"], batch[-1]["id"])


def totals(store: Store, where: CallFilter) -> dict[str, int]:
    """Calls per outcome (``none`` for calls still in progress) over the filter."""
    clause, params = where.where()
    counts = {k: 0 for k in (*OUTCOMES, "none")}
    for outcome, n in store.query(
        f"SELECT COALESCE(calls.outcome, 'none'), count(*) FROM calls{clause} GROUP BY 1",
        tuple(params),
    ):
        counts[outcome] = counts.get(outcome, 0) + n
    return counts


def _cells(row: sqlite3.Row, words: Words, region: str) -> list[str]:
    number = numbers.display(row["number"], region, row["raw_number"])
    if not number and row["presentation"] != "available":
        number = words["private"]
    outcome = row["outcome"] or "none"
    return [
        words.moment(datetime.fromisoformat(row["started_at"])), number,
        row["contact_name"] or row["network_name"] or "",
        words[f"decision.{row['decision']}"] if row["decision"] in ("pop", "divert", "block")
        else row["decision"],
        words[f"outcome.{outcome}"] if outcome in (*OUTCOMES, "none") else outcome,
        words.duration(row["duration_s"]), row["handled_by"] or "",
        " ".join((row["note"] or "").split()),
    ]


class _Sheet:
    """Draws rows down the pages, turning the page when one is full."""

    def __init__(self, canvas: Canvas, frame: ReportFrame, pages: int) -> None:
        self.canvas, self.frame, self.pages = canvas, frame, pages
        width, height = canvas._pagesize
        self.left, self.width = MARGIN, width - 2 * MARGIN
        self.top, self.bottom = height - TOP_MARGIN, BOTTOM_MARGIN
        self.page, self.y, self.zebra = 1, self.top, False
        self.xs: list[float] = []
        x = self.left
        for _, share, _ in COLUMNS:
            self.xs.append(x)
            x += share * self.width

    def line(self, cells: list[str], bold: bool = False) -> None:
        c, y = self.canvas, self.y - ROW_HEIGHT
        font = fonts.BOLD if bold else fonts.REGULAR
        if self.zebra and not bold:
            c.setFillColor(ZEBRA_GREY)
            c.rect(self.left, y - 3, self.width, ROW_HEIGHT, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont(font, TEXT_SIZE)
        for x, text, (_, share, right) in zip(self.xs, cells, COLUMNS, strict=True):
            room = share * self.width - COLUMN_GAP
            fitted = fonts.fit(text, font, TEXT_SIZE, room)
            if right:
                # Right-aligned figures end a gap before the next column's text.
                c.drawRightString(x + room - COLUMN_GAP, y, fitted)
            else:
                c.drawString(x, y, fitted)
        self.y = y
        self.zebra = not self.zebra and not bold

    def header(self) -> None:
        self.line([self.frame.words[key] for key, _, _ in COLUMNS], bold=True)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(self.left, self.y - 4, self.left + self.width, self.y - 4)
        self.y -= 2

    def call(self, cells: list[str]) -> None:
        if self.y - ROW_HEIGHT < self.bottom:
            draw_frame(self.frame, self.canvas, self.page, self.pages)
            self.canvas.showPage()
            self.page, self.y, self.zebra = self.page + 1, self.top, False
            self.header()
        self.line(cells)

    def finish(self) -> None:
        draw_frame(self.frame, self.canvas, self.page, self.pages)
        self.canvas.showPage()


def _layout(canvas: Canvas) -> Layout:
    _, height = canvas._pagesize
    usable = height - TOP_MARGIN - BOTTOM_MARGIN - 2  # the header rule's gap
    per_page = int(usable // ROW_HEIGHT) - 1  # less the column header
    return Layout(per_page - TOTALS_ROWS, per_page)


def _draw_totals(sheet: _Sheet, counts: dict[str, int]) -> None:
    words = sheet.frame.words
    keys = [k for k in (*OUTCOMES, "none") if counts.get(k) or k in OUTCOMES]
    c = sheet.canvas
    c.setFont(fonts.BOLD, TEXT_SIZE + 1)
    c.drawString(sheet.left, sheet.y - ROW_HEIGHT, words["calllog.totals"])
    step = sheet.width / (len(keys) + 1)
    labels = [words[f"outcome.{k}"].capitalize() for k in keys] + [words["calllog.all"]]
    values = [counts.get(k, 0) for k in keys] + [sum(counts.values())]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        c.setFont(fonts.REGULAR, TEXT_SIZE)
        c.drawString(sheet.left + i * step, sheet.y - 2 * ROW_HEIGHT, label)
        c.setFont(fonts.BOLD, TEXT_SIZE + 1)
        c.drawString(sheet.left + i * step, sheet.y - 3 * ROW_HEIGHT - 1, words.number(value))
    sheet.y -= TOTALS_ROWS * ROW_HEIGHT


def print_calllog(store: Store, since: date | None, until: date | None, output: Path,
                  region: str = "FR") -> None:
    """Write the call log of ``since``–``until`` (inclusive; the whole journal if None)."""
    output = Path(output)
    check_output(output)
    words = Words.for_region(region)
    first, last = period_of(store, since, until)
    where = CallFilter(since=first, until=last)
    counts = totals(store, where)
    frame = ReportFrame(words, Business.from_settings(store).name, words["calllog.title"],
                        period_label(words, first, last), datetime.now().astimezone(),
                        region, wide=True)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=frame.pagesize, initialFontName=fonts.REGULAR)
    canvas.setTitle(f"{frame.title} — {frame.subtitle}")
    canvas.setAuthor(frame.business)
    canvas.setCreator("CustomScreen")
    layout = _layout(canvas)
    sheet = _Sheet(canvas, frame, layout.pages(sum(counts.values())))
    _draw_totals(sheet, counts)
    if not sum(counts.values()):
        canvas.setFont(fonts.REGULAR, TEXT_SIZE + 1)
        canvas.drawString(sheet.left, sheet.y - ROW_HEIGHT, words["calllog.empty"])
    else:
        sheet.header()
        for row in _rows(store, where):
            sheet.call(_cells(row, words, region))
    sheet.finish()
    canvas.save()
    write_atomically(output, buffer.getvalue())
