"""The manager's periods and figures: calendar presets, one rounding, honest days."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.calls import journal
from customscreen.contacts import Contact, Contract, Phone
from customscreen.paper import documents, periods, statistics
from customscreen.storage.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NBSP = "\u00a0"


@pytest.mark.parametrize(("today", "week"), [
    (date(2026, 11, 25), (date(2026, 11, 16), date(2026, 11, 22))),  # a Wednesday
    (date(2026, 11, 23), (date(2026, 11, 16), date(2026, 11, 22))),  # a Monday
    (date(2026, 11, 29), (date(2026, 11, 16), date(2026, 11, 22))),  # a Sunday
    (date(2027, 1, 2), (date(2026, 12, 21), date(2026, 12, 27))),  # over the new year
])
def test_last_week_is_the_previous_calendar_week_monday_to_sunday(today, week) -> None:
    assert periods.bounds("last_week", today) == week
    assert week[0].weekday() == 0 and week[1].weekday() == 6


@pytest.mark.parametrize(("today", "month"), [
    (date(2026, 11, 25), (date(2026, 10, 1), date(2026, 10, 31))),
    (date(2026, 11, 1), (date(2026, 10, 1), date(2026, 10, 31))),
    (date(2027, 1, 15), (date(2026, 12, 1), date(2026, 12, 31))),
    (date(2028, 3, 31), (date(2028, 2, 1), date(2028, 2, 29))),  # a leap year's February
])
def test_last_month_is_the_previous_calendar_month(today, month) -> None:
    assert periods.bounds("last_month", today) == month


def test_rolling_presets_end_today_and_the_whole_journal_has_no_bounds() -> None:
    today = date(2026, 11, 25)
    assert periods.bounds("7", today) == (date(2026, 11, 19), today)
    assert periods.bounds("30", today) == (date(2026, 10, 27), today)
    assert periods.bounds("all", today) is None
    with pytest.raises(ValueError, match="no period preset 'fortnight'"):
        periods.bounds("fortnight", today)


def test_a_share_is_rounded_once_half_up_to_a_tenth() -> None:
    assert statistics.format_share(186 / 745, "fr") == f"25,0{NBSP}%"
    assert statistics.format_share(186 / 745, "en") == "25.0%"
    assert statistics.format_share(1 / 8, "fr") == f"12,5{NBSP}%"
    assert statistics.format_share(0.0, "en") == "0.0%"


def a_month_of_calls(store: Store, total: int = 745, contract: int = 186) -> tuple[date, date]:
    """``total`` calls in November 2026 (weekends included), ``contract`` of them under contract."""
    holder = contacts.save(store, Contact(name="Dupont SARL", kind="company",
                                          phones=[Phone("+33536490123")],
                                          contract=Contract("active")))
    since = date(2026, 11, 1)
    with store.transaction() as conn:
        for n in range(total):
            day = since + timedelta(days=n % 30)
            journal.open_call(
                conn, source="modem", source_key=f"s{n}",
                started_at=f"{day.isoformat()}T{9 + n % 8:02d}:00:00+01:00",
                presentation="available", decision="pop", reason_code="known",
                contact_id=holder if n < contract else None, outcome="answered",
            )
    return since, date(2026, 11, 30)


def report_text(store: Store, since: date, until: date, tmp_path: Path, region: str) -> str:
    out = tmp_path / f"stats-{region}.pdf"
    documents.print_stats(store, since, until, out, region=region)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.replace(NBSP, " ").split())


def test_the_report_says_its_average_counts_every_day_weekends_included(store,
                                                                      tmp_path) -> None:
    since, until = a_month_of_calls(store)
    stats = statistics.compute(store, since, until, today=date(2026, 12, 1))
    assert stats.per_day_average == pytest.approx(745 / 30)
    french = report_text(store, since, until, tmp_path, "FR")
    assert "745 (24,8 par jour, week-ends compris)" in french
    assert "25,0 %" in french
    english = report_text(store, since, until, tmp_path, "US")
    assert "745 (24.8 per day, weekends included)" in english
