"""The small library functions the desk needs: users, settings, schedule."""

from __future__ import annotations

from datetime import datetime

import pytest

from customscreen.calls import schedule
from customscreen.storage import settings, users


def test_users_added_removed_and_brought_back(store):
    users.add_user(store, "Claire")
    users.add_user(store, " Marc ")
    assert users.list_users(store) == ["Claire", "Marc"]
    users.remove_user(store, "Marc")
    assert users.list_users(store) == ["Claire"]
    assert users.list_users(store, include_inactive=True) == ["Claire", "Marc"]
    users.add_user(store, "Marc")
    assert users.list_users(store) == ["Claire", "Marc"]
    with pytest.raises(users.UserError):
        users.add_user(store, "  ")


def test_sources_are_one_url_a_line(store):
    settings.set_sources(store, ["demo:", " ", "modem:/dev/ttyUSB0"])
    assert settings.sources(store) == ["demo:", "modem:/dev/ttyUSB0"]


def test_schedule_slot_applies_inside_and_not_outside():
    slots = schedule.parse("# busy mornings\nMon-Fri 08:00-12:00 priority\nsam 00:00-24:00 fermé")
    monday_nine = datetime(2026, 11, 23, 9, 0)
    assert schedule.mode_at(slots, monday_nine) == "priority"
    assert schedule.mode_at(slots, monday_nine.replace(hour=12)) is None
    assert schedule.mode_at(slots, datetime(2026, 11, 28, 23, 59)) == "closed"


def test_schedule_errors_name_the_line():
    with pytest.raises(schedule.ScheduleError, match="line 2"):
        schedule.parse("Mon 08:00-12:00 priority\nMon 8h-9h busy")
    with pytest.raises(schedule.ScheduleError, match="not a mode"):
        schedule.parse("Tue 08:00-09:00 sleepy")
