"""The statistics report's vector charts, in greys, with their numbers printed.

A chart on a fax or a monochrome laser must read without colour: bars are
grey, the heat map goes from white to dark grey and prints every count in its
cell (white on the dark ones) so nobody has to guess a shade.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date, timedelta

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import Color, black, white

from customscreen.calls.journal import OUTCOMES
from customscreen.paper.documents import fonts
from customscreen.paper.documents.labels import Words

BAR_GREY = Color(0.45, 0.45, 0.45)
#: Up to two months, one bar a day; up to two years, a week; up to ten years, a
#: month; beyond, a year. Each keeps the chart under about 120 bars.
DAILY_UP_TO_DAYS = 62
WEEKLY_UP_TO_DAYS = 731
MONTHLY_UP_TO_DAYS = 3653
#: Category labels printed at most this many times along the axis.
MAX_AXIS_LABELS = 16
DARKEST = 0.25  # the grey of the busiest heat-map cell
#: Office hours shown even when quiet, so two reports line up.
DEFAULT_HOURS = range(8, 19)


def _week_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_of(d: date) -> date:
    return d.replace(day=1)


def _year_of(d: date) -> date:
    return d.replace(month=1, day=1)


def bucket(per_day: dict[date, int], since: date,
           until: date) -> tuple[str, list[tuple[date, int]]]:
    """Calls per day, week or month over the period, quiet periods included as zero."""
    days = (until - since).days + 1
    unit = ("day" if days <= DAILY_UP_TO_DAYS else "week" if days <= WEEKLY_UP_TO_DAYS
            else "month" if days <= MONTHLY_UP_TO_DAYS else "year")
    start_of: Callable[[date], date] = {"day": lambda d: d, "week": _week_of,
                                        "month": _month_of, "year": _year_of}[unit]
    buckets: OrderedDict[date, int] = OrderedDict()
    day = start_of(since)
    while day <= until:  # every bucket, so a quiet month shows as an empty bar
        buckets[day] = 0
        day = start_of(day + timedelta(days=1 if unit == "day" else 7 if unit == "week"
                                       else 32 if unit == "month" else 366))
    for day, n in per_day.items():
        if since <= day <= until:
            buckets[start_of(day)] += n
    return unit, list(buckets.items())


def _label(unit: str, start: date, words: Words) -> str:
    if unit == "year":
        return start.strftime("%Y")
    if unit == "month":
        return start.strftime("%m/%Y")
    return start.strftime("%d/%m") if words.language == "fr" else start.strftime("%m-%d")


def per_period_chart(per_day: dict[date, int], since: date, until: date, words: Words,
                     width: float, height: float) -> tuple[str, Drawing]:
    """The bar chart of calls per day/week/month; returns (unit, drawing)."""
    unit, buckets = bucket(per_day, since, until)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 28
    chart.width, chart.height = width - 44, height - 40
    values = [n for _, n in buckets] or [0]
    chart.data = [values]
    step = max(1, -(-len(buckets) // MAX_AXIS_LABELS))
    chart.categoryAxis.categoryNames = [
        _label(unit, start, words) if i % step == 0 else "" for i, (start, _) in enumerate(buckets)
    ]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 45 if len(buckets) > MAX_AXIS_LABELS / 2 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if chart.categoryAxis.labels.angle else "n"
    chart.categoryAxis.tickShift = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: words.number(v)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = BAR_GREY
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0.5
    chart.groupSpacing = 1 if len(buckets) > 60 else 3
    drawing.add(chart)
    return unit, drawing


def heat_map(heat: list[list[int]], words: Words, width: float) -> Drawing:
    """Weekdays down, hours across; each cell's grey and its count."""
    used = [h for h in range(24) if any(row[h] for row in heat)]
    hours = list(range(min(used), max(used) + 1)) if used else list(DEFAULT_HOURS)
    label_w, head_h, cell_h = 30.0, 12.0, 16.0
    cell_w = (width - label_w) / len(hours)
    height = head_h + 7 * cell_h
    peak = max((max(row) for row in heat), default=0) or 1
    size = min(7.0, cell_w / 4.2)  # five digits must fit a cell
    drawing = Drawing(width, height)
    for i, hour in enumerate(hours):
        drawing.add(String(label_w + (i + 0.5) * cell_w, height - head_h + 3, words.hour(hour),
                           fontName=fonts.REGULAR, fontSize=7, textAnchor="middle"))
    for day, name in enumerate(words.weekdays):
        y = height - head_h - (day + 1) * cell_h
        drawing.add(String(0, y + cell_h / 2 - 2.5, name, fontName=fonts.BOLD, fontSize=7))
        for i, hour in enumerate(hours):
            n = heat[day][hour]
            shade = 1 - (1 - DARKEST) * n / peak
            drawing.add(Rect(label_w + i * cell_w, y, cell_w, cell_h, strokeWidth=0.3,
                             strokeColor=Color(0.7, 0.7, 0.7), fillColor=Color(shade, shade,
                                                                                 shade)))
            if n:
                drawing.add(String(label_w + (i + 0.5) * cell_w, y + cell_h / 2 - size / 3,
                                   words.number(n), fontName=fonts.REGULAR, fontSize=size,
                                   textAnchor="middle", fillColor=white if shade < 0.55
                                   else black))
    return drawing


def outcome_bars(outcomes: dict[str, int], total: int, words: Words, width: float) -> Drawing:
    """One horizontal bar per outcome with its count and share."""
    row_h, label_w, value_w = 18.0, 80.0, 110.0
    drawing = Drawing(width, row_h * len(OUTCOMES))
    peak = max(outcomes.values(), default=0) or 1
    for i, outcome in enumerate(OUTCOMES):
        n = outcomes.get(outcome, 0)
        y = drawing.height - (i + 1) * row_h
        drawing.add(String(0, y + 5, words[f"outcome.{outcome}"].capitalize(),
                           fontName=fonts.REGULAR, fontSize=8.5))
        bar_w = (width - label_w - value_w) * n / peak
        drawing.add(Rect(label_w, y + 2, max(bar_w, 0.5), row_h - 5, strokeColor=None,
                         fillColor=BAR_GREY))
        share = words.percent(n / total) if total else words["stats.none"]
        drawing.add(String(label_w + bar_w + 6, y + 5, f"{words.number(n)}  ({share})",
                           fontName=fonts.REGULAR, fontSize=8.5))
    return drawing
