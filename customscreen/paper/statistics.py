"""The manager's figures: when calls come, how they end, who calls.

One pass over the journal (a covering index on period, outcome and caller)
gives everything the Statistics tab and the printed report show, so ten years
of history is summarised in well under the three seconds a manager will wait.
"""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from customscreen.calls.journal import OUTCOMES
from customscreen.storage.store import Store

# French typography: a no-break space before "%", so "25,0 %" never wraps.
NBSP = "\u00a0"


def format_share(share: float, language: str) -> str:
    """A share of calls as the screen and the paper both show it: "25,0 %", "25.0%".

    One rounding (half up, to a tenth of a percent) for every figure: the
    Statistics tab and the printed report must never disagree on 186 calls of
    745 (24.97 %), which truncated to "24 %" on screen while paper said "25,0 %".
    """
    tenths = Decimal(repr(share * 100)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if language == "fr":
        return f"{tenths}".replace(".", ",") + f"{NBSP}%"
    return f"{tenths}%"


@dataclass
class CallStatistics:
    since: date
    until: date  # inclusive
    total: int = 0
    per_day: dict[date, int] = field(default_factory=dict)
    #: heat[weekday][hour]: Monday = 0, hours 0–23, local time of the call.
    heat: list[list[int]] = field(default_factory=lambda: [[0] * 24 for _ in range(7)])
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    known_calls: int = 0
    contract_calls: int = 0
    overdue_callbacks: int = 0
    open_voicemail: int = 0
    #: Median hours from a voicemail-queue item to its callback being done.
    median_callback_hours: float | None = None

    @property
    def contract_share(self) -> float:
        return self.contract_calls / self.total if self.total else 0.0

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    @property
    def per_day_average(self) -> float:
        """Calls a calendar day, weekends included: the period's calls over all its days.

        Both the tab and the report say "weekends included", since a desk that
        is closed on Saturdays still counts them here.
        """
        return self.total / self.days if self.days > 0 else 0.0

    @property
    def busiest_hours(self) -> list[tuple[int, int]]:
        """(hour, calls) for the three hours with most calls, any weekday."""
        by_hour = Counter({h: sum(row[h] for row in self.heat) for h in range(24)})
        return [(h, n) for h, n in by_hour.most_common(3) if n]

    def per_week_of(self, outcome: str) -> float:
        weeks = max(1.0, self.days / 7)
        return self.outcomes.get(outcome, 0) / weeks


def period_of(store: Store, since: date | None, until: date | None) -> tuple[date, date]:
    """The whole journal when no bounds are given."""
    if since is None or until is None:
        row = store.one("SELECT min(started_at), max(started_at) FROM calls")
        first = date.fromisoformat(row[0][:10]) if row and row[0] else date.today()
        last = date.fromisoformat(row[1][:10]) if row and row[1] else date.today()
        since, until = since or first, until or max(last, since or first)
    return since, until


def contract_holders(store: Store, today: date) -> set[int]:
    """Contacts under an active contract today, their own or their company's."""
    day = today.isoformat()
    rows = store.query(
        "SELECT c.id FROM contacts c "
        "LEFT JOIN contracts k ON k.contact_id = c.id "
        "LEFT JOIN contracts ck ON ck.contact_id = c.company_id "
        "WHERE (k.status = 'active' AND (k.end_date IS NULL OR k.end_date >= ?)) "
        "OR (COALESCE(k.status, 'none') = 'none' AND ck.status = 'active' "
        "    AND (ck.end_date IS NULL OR ck.end_date >= ?))",
        (day, day),
    )
    return {r[0] for r in rows}


def compute(store: Store, since: date | None = None, until: date | None = None,
            today: date | None = None) -> CallStatistics:
    today = today or date.today()
    since, until = period_of(store, since, until)
    stats = CallStatistics(since, until)
    bounds = (since.isoformat(), (until + timedelta(days=1)).isoformat())
    # started_at is local time with its offset: characters 1–13 are the local
    # date and hour, which is what "when calls concentrate" means to a manager.
    weekday_of: dict[str, int] = {}
    for day_hour, outcome, n in store.query(
        "SELECT substr(started_at, 1, 13) AS dh, outcome, count(*) FROM calls "
        "WHERE started_at >= ? AND started_at < ? GROUP BY dh, outcome",
        bounds,
    ):
        day_text, hour = day_hour[:10], int(day_hour[11:13])
        if day_text not in weekday_of:
            weekday_of[day_text] = date.fromisoformat(day_text).weekday()
        day = date.fromisoformat(day_text)
        stats.per_day[day] = stats.per_day.get(day, 0) + n
        stats.heat[weekday_of[day_text]][hour] += n
        stats.outcomes[outcome or "missed"] = stats.outcomes.get(outcome or "missed", 0) + n
        stats.total += n
    holders = contract_holders(store, today)
    for contact_id, n in store.query(
        "SELECT contact_id, count(*) FROM calls WHERE started_at >= ? AND started_at < ? "
        "AND contact_id IS NOT NULL GROUP BY contact_id",
        bounds,
    ):
        stats.known_calls += n
        if contact_id in holders:
            stats.contract_calls += n
    row = store.one(
        "SELECT count(*) FROM callbacks WHERE done_at IS NULL AND due_at < ?",
        (today.isoformat(),),
    )
    stats.overdue_callbacks = int(row[0]) if row else 0
    row = store.one("SELECT count(*) FROM voicemail WHERE state IN ('new', 'forwarded')")
    stats.open_voicemail = int(row[0]) if row else 0
    waits = [
        (datetime.fromisoformat(done) - datetime.fromisoformat(created)).total_seconds() / 3600
        for created, done in store.query(
            "SELECT v.created_at, b.done_at FROM voicemail v "
            "JOIN callbacks b ON b.voicemail_id = v.id "
            "WHERE b.done_at IS NOT NULL AND v.created_at >= ? AND v.created_at < ?",
            bounds,
        )
    ]
    stats.median_callback_hours = pystats.median(waits) if waits else None
    return stats
