"""``print_stats``: the manager's report — a one-page summary, then the charts.

The figures come from ``customscreen.paper.statistics.compute``, one indexed pass
over the journal; nothing here touches the calls again, so ten years and a
million calls print in the time of that pass plus a few drawings.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, Table

from customscreen.calls.journal import OUTCOMES
from customscreen.paper import statistics
from customscreen.paper.documents import charts, styles
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.paper import Business, check_output
from customscreen.paper.documents.report import ReportFrame, build, period_label
from customscreen.paper.documents.styles import escape
from customscreen.paper.statistics import CallStatistics
from customscreen.storage.store import Store

SUMMARY_LABEL_SHARE = 0.55
BAR_CHART_HEIGHT = 62 * mm


def _summary_rows(stats: CallStatistics, words: Words) -> list[tuple[str, str, bool]]:
    """(label, value, emphasised) lines of the summary page."""
    per_day = stats.per_day_average
    rows = [
        (words["report.period"], f"{words.day(stats.since)} {words['report.to']} "
                                 f"{words.day(stats.until)}", False),
        (words["stats.total"], f"{words.number(stats.total)}  ({words.number(per_day, 1)} "
                               f"{words['stats.per_day']})", True),
    ]
    for outcome in OUTCOMES:
        n = stats.outcomes.get(outcome, 0)
        share = words.percent(n / stats.total) if stats.total else words["stats.none"]
        rows.append((f"    {words[f'outcome.{outcome}'].capitalize()}",
                     f"{words.number(n)}  ({share})", False))
    median = stats.median_callback_hours
    busiest = ", ".join(f"{words.hour(h)}–{words.hour(h + 1)} ({words.number(n)})"
                        for h, n in stats.busiest_hours)
    rows += [
        (words["stats.contract_share"], words.percent(stats.contract_share), False),
        (words["stats.overdue"], words.number(stats.overdue_callbacks), True),
        (words["stats.open_voicemail"], words.number(stats.open_voicemail), False),
        (words["stats.median_callback"],
         f"{words.number(median, 1)} {words['stats.hours']}" if median is not None
         else words["stats.none"], False),
        (words["stats.busiest"], busiest or words["stats.none"], False),
    ]
    return rows


def _summary(stats: CallStatistics, words: Words, width: float) -> Table:
    data, bold_rows = [], []
    for i, (label, value, bold) in enumerate(_summary_rows(stats, words)):
        data.append([Paragraph(escape(label).replace("    ", "&nbsp;" * 6), styles.BODY),
                     Paragraph(escape(value), styles.BODY)])
        if bold:
            bold_rows.append(i)
    table = Table(data, colWidths=[width * SUMMARY_LABEL_SHARE,
                                   width * (1 - SUMMARY_LABEL_SHARE)])
    style = styles.grid(header=False)
    for i in bold_rows:
        style.add("BACKGROUND", (0, i), (-1, i), styles.HEADER_GREY)
    table.setStyle(style)
    return table


def stats_story(stats: CallStatistics, words: Words, width: float) -> list[Flowable]:
    unit, per_period = charts.per_period_chart(stats.per_day, stats.since, stats.until, words,
                                               width, BAR_CHART_HEIGHT)
    return [
        Paragraph(escape(words["stats.title"]), styles.TITLE),
        Paragraph(escape(words["stats.summary"]), styles.HEADING),
        _summary(stats, words, width),
        Spacer(1, 6 * mm),
        Paragraph(escape(words["stats.outcomes"]), styles.HEADING),
        charts.outcome_bars(stats.outcomes, stats.total, words, width),
        PageBreak(),
        Paragraph(escape(words[f"stats.per_period.{unit}"]), styles.HEADING),
        per_period,
        Spacer(1, 4 * mm),
        CondPageBreak(60 * mm),
        Paragraph(escape(words["stats.heat"]), styles.HEADING),
        charts.heat_map(stats.heat, words, width),
    ]


def print_stats(store: Store, since: date | None, until: date | None, output: Path,
                region: str = "FR") -> None:
    """Write the statistics report of ``since``–``until`` (the whole journal if None)."""
    output = Path(output)
    check_output(output)
    words = Words.for_region(region)
    stats = statistics.compute(store, since, until)
    frame = ReportFrame(words, Business.from_settings(store).name, words["stats.title"],
                        period_label(words, stats.since, stats.until),
                        datetime.now().astimezone(), region)
    build(frame, lambda width: stats_story(stats, words, width), output)
