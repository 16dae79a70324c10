"""The mode follows the weekly schedule; the tray tells the line's state."""

from __future__ import annotations

from datetime import datetime

from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import LineChanged
from customscreen.storage import settings
from telephony.events import LineState, LineStatus


def test_weekly_schedule_switches_the_mode(desk):
    desk.store.set_setting(settings.SCHEDULE.key, "Mon-Fri 08:00-12:00 priority")
    desk.mode.clock = lambda: datetime(2026, 11, 23, 9, 30)  # a Monday morning
    desk.mode.follow.setChecked(True)
    assert desk.board.mode is Mode.PRIORITY
    assert desk.tray.mode == "priority"
    assert "Busy day" in desk.tray.tooltip()
    desk.mode.clock = lambda: datetime(2026, 11, 23, 14, 0)
    desk.mode.apply_schedule()
    assert desk.board.mode is Mode.NORMAL


def test_choosing_a_mode_by_hand_stops_following_the_schedule(desk):
    desk.mode.follow.setChecked(True)
    desk.mode.actions["closed"].trigger()
    assert desk.board.mode is Mode.CLOSED
    assert not desk.mode.follow.isChecked()
    assert desk.store.setting(settings.MODE.key) == "closed"


def test_line_going_down_shows_in_tray_and_status_bar(desk):
    at = datetime.now().astimezone()
    desk.bridge(LineChanged("modem:/dev/ttyUSB0", LineStatus(LineState.UP, at)))
    assert desk.tray.line_state == "up"
    desk.bridge(LineChanged("modem:/dev/ttyUSB0", LineStatus(LineState.DOWN, at, "unplugged")))
    assert desk.tray.line_state == "down"
    assert desk.window.status_line.text() == "Line: down"
