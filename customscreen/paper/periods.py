"""The periods a manager picks statistics and call logs by.

Plain calendar arithmetic, no Qt: the Statistics tab and the Documents dialog
offer the same presets and get the same dates for them. "Last week" is the
previous calendar week, Monday to Sunday (the French and ISO week); "last
month" is the previous calendar month, whatever its length.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Rolling periods ending today, by their length in days.
ROLLING = {"7": 7, "30": 30, "90": 90, "365": 365}
#: Every preset, in the order the choice lists them; ``all`` is the whole
#: journal, ``custom`` the dates a person types.
PRESETS = ("7", "last_week", "30", "last_month", "90", "365", "all", "custom")
DEFAULT = "30"


def last_week(today: date) -> tuple[date, date]:
    """Monday to Sunday of the calendar week before ``today``'s."""
    monday = today - timedelta(days=today.weekday()) - timedelta(days=7)
    return monday, monday + timedelta(days=6)


def last_month(today: date) -> tuple[date, date]:
    """The first to the last day of the calendar month before ``today``'s."""
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def bounds(preset: str, today: date) -> tuple[date, date] | None:
    """The first and last day (inclusive) of ``preset``; None for the whole journal.

    ``custom`` has no dates of its own: the caller keeps what was typed.
    """
    if preset in ROLLING:
        return today - timedelta(days=ROLLING[preset] - 1), today
    if preset == "last_week":
        return last_week(today)
    if preset == "last_month":
        return last_month(today)
    if preset == "all":
        return None
    raise ValueError(f"no period preset {preset!r} (choose from {', '.join(PRESETS[:-1])})")
