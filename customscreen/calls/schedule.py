"""The weekly mode schedule: "Mon 08:00-12:00 priority", one slot a line.

Pure logic. The desk checks ``mode_at`` every minute; outside every slot the
schedule says nothing and the mode the receptionist chose stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

MODES = ("normal", "priority", "closed")

# English and French day names, as receptionists type them.
_DAYS = {
    "mon": 0, "monday": 0, "lun": 0, "lundi": 0,
    "tue": 1, "tuesday": 1, "mar": 1, "mardi": 1,
    "wed": 2, "wednesday": 2, "mer": 2, "mercredi": 2,
    "thu": 3, "thursday": 3, "jeu": 3, "jeudi": 3,
    "fri": 4, "friday": 4, "ven": 4, "vendredi": 4,
    "sat": 5, "saturday": 5, "sam": 5, "samedi": 5,
    "sun": 6, "sunday": 6, "dim": 6, "dimanche": 6,
}
_MODE_WORDS = {
    "normal": "normal", "priority": "priority", "busy": "priority",
    "prioritaire": "priority", "charge": "priority", "chargé": "priority",
    "closed": "closed", "ferme": "closed", "fermé": "closed",
}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LINE = re.compile(
    r"^\s*(?P<days>[^\s]+)\s+(?P<start>\d{1,2}:\d{2})\s*-\s*(?P<end>\d{1,2}:\d{2})\s+"
    r"(?P<mode>\S+)\s*$"
)


class ScheduleError(ValueError):
    """A schedule line that cannot be read; the message names the line."""


@dataclass(frozen=True)
class Slot:
    weekday: int  # Monday = 0
    start: time
    end: time  # exclusive
    mode: str

    def covers(self, when: datetime) -> bool:
        return when.weekday() == self.weekday and self.start <= when.time() < self.end

    def __str__(self) -> str:
        return f"{_DAY_NAMES[self.weekday]} {self.start:%H:%M}-{self.end:%H:%M} {self.mode}"


def _time(text: str, line: int) -> time:
    hours, minutes = (int(p) for p in text.split(":"))
    if hours == 24 and minutes == 0:
        return time.max  # "-24:00" means to the end of the day
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise ScheduleError(f"line {line}: {text} is not a time of day")
    return time(hours, minutes)


def _days(text: str, line: int) -> list[int]:
    """``Mon``, ``Mon,Wed`` or a range ``Mon-Fri``."""
    days: list[int] = []
    for part in text.lower().split(","):
        first, _, last = part.partition("-")
        if first not in _DAYS or (last and last not in _DAYS):
            raise ScheduleError(f"line {line}: {part!r} is not a day (Mon, Tue… or Mon-Fri)")
        a, b = _DAYS[first], _DAYS[last] if last else _DAYS[first]
        days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return days


def parse(text: str) -> list[Slot]:
    """Read a schedule; blank lines and lines starting with ``#`` are ignored."""
    slots: list[Slot] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = _LINE.match(raw)
        if match is None:
            raise ScheduleError(
                f"line {number}: {raw.strip()!r} should read like 'Mon 08:00-12:00 priority'"
            )
        mode = _MODE_WORDS.get(match["mode"].lower())
        if mode is None:
            raise ScheduleError(
                f"line {number}: {match['mode']!r} is not a mode (normal, priority, closed)"
            )
        start, end = _time(match["start"], number), _time(match["end"], number)
        if end <= start:
            raise ScheduleError(f"line {number}: the slot ends before it starts")
        slots.extend(Slot(day, start, end, mode) for day in _days(match["days"], number))
    return slots


def mode_at(slots: list[Slot], when: datetime) -> str | None:
    """The scheduled mode at ``when``; the last matching line wins, None outside all."""
    found = None
    for slot in slots:
        if slot.covers(when):
            found = slot.mode
    return found
