"""A callback that falls due raises a notification, once."""

from __future__ import annotations

from datetime import datetime, timedelta

from customscreen.calls import callbacks
from ui.notifier import CallbackNotifier


def test_callback_falling_due_notifies_once(desk_store, qtbot):
    now = datetime.now().astimezone().replace(microsecond=0)
    clock = [now]
    due_at = (now + timedelta(hours=1)).isoformat()
    callback_id = callbacks.create(desk_store, due_at=due_at, caller_name="Dupont SARL",
                                   assigned_to="Marc", subject="Devis")
    notifier = CallbackNotifier(desk_store, clock=lambda: clock[0])
    notifier.start()
    assert notifier.check() == []
    clock[0] = now + timedelta(hours=1, minutes=1)
    with qtbot.waitSignal(notifier.due) as signal:
        notifier.check()
    assert [c.id for c in signal.args[0]] == [callback_id]
    assert notifier.check() == []


def test_desk_shows_the_due_callback_in_the_tray_message(desk):
    now = datetime.now().astimezone().replace(microsecond=0)
    clock = [now]
    desk.notifier.clock = lambda: clock[0]
    desk.notifier.start()
    callbacks.create(desk.store, due_at=(now + timedelta(minutes=30)).isoformat(),
                     caller_name="Boulangerie", assigned_to="Sophie", subject="Four en panne")
    clock[0] = now + timedelta(minutes=31)
    desk.notifier.check()
    title, message = desk.tray.last_message
    assert title == "Callback due"
    assert "Boulangerie" in message and "Sophie" in message
