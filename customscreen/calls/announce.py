"""``listen --json``: one JSON object per call event, flushed at once.

Scripts and tests read this stream (the contract is in DESIGN.md): a ``call``
when the caller is known, ``update`` for fields that arrive late, ``end`` with
the outcome; ``line`` when a line goes up or down, ``alarm`` when the journal
cannot be written.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from customscreen.calls.switchboard import (
    CallAnnounced,
    CallFinished,
    CallUpdated,
    CallView,
    JournalAlarm,
    LineChanged,
    Notice,
)
from telephony.events import LineState


def call_id(view: CallView) -> str | None:
    return None if view.id is None else str(view.id)


def as_json(notice: Notice) -> dict[str, Any]:
    if isinstance(notice, CallAnnounced):
        call = notice.call
        return {
            "event": "call", "id": call_id(call), "at": call.at.isoformat(timespec="seconds"),
            "source": call.source, "number": call.number, "raw_number": call.raw_number,
            "name": call.network_name, "presentation": call.presentation.value,
            "contact": None if call.caller is None else {
                "id": call.caller.id, "name": call.caller.name,
                "contract": call.caller.contract,
            },
            "decision": call.decision.action.value, "reason_code": call.decision.code,
            "reason": call.decision.reason,  # English, for logs: scripts read the code
        }
    if isinstance(notice, CallUpdated):
        changed = {("name" if k == "network_name" else k): v for k, v in notice.changed.items()}
        return {"event": "update", "id": call_id(notice.call), **changed}
    if isinstance(notice, CallFinished):
        return {"event": "end", "id": call_id(notice.call), "outcome": notice.outcome.value,
                "duration_s": notice.duration_s}
    if isinstance(notice, LineChanged):
        return {"event": "line", "source": notice.source, "state": notice.status.state.value,
                "detail": notice.status.detail}
    if isinstance(notice, JournalAlarm):
        return {"event": "alarm", "message": notice.message, "pending": notice.pending}
    raise TypeError(f"not a switchboard notice: {notice!r}")


class _Printer:
    """Writes one line per notice; tells ``on_closed`` when the reader has gone
    (``listen --json | head``), so that ``listen`` can stop instead of
    journaling for nobody."""

    def __init__(self, out: TextIO, on_closed: Callable[[], None] | None) -> None:
        self.out = out
        self.on_closed = on_closed

    def write(self, line: str) -> None:
        try:
            self.out.write(line + "\n")
            self.out.flush()
        except (BrokenPipeError, ValueError):  # ValueError: the stream is closed
            if self.on_closed is not None:
                self.on_closed()


class JsonPrinter(_Printer):
    def __init__(self, out: TextIO = sys.stdout,
                 on_closed: Callable[[], None] | None = None) -> None:
        super().__init__(out, on_closed)

    def __call__(self, notice: Notice) -> None:
        self.write(json.dumps(as_json(notice), ensure_ascii=False))


class TextPrinter(_Printer):
    """The human form of the same stream, for a terminal."""

    def __init__(self, out: TextIO = sys.stdout, region: str = "FR",
                 on_closed: Callable[[], None] | None = None) -> None:
        super().__init__(out, on_closed)
        self.region = region

    def __call__(self, notice: Notice) -> None:
        line = self.format(notice)
        if line:
            self.write(line)

    def format(self, notice: Notice) -> str:
        if isinstance(notice, CallAnnounced):
            c = notice.call
            who = c.caller.name if c.caller else (
                c.network_name or c.hint.describe(self.region) or "unknown")
            number = c.display_number or c.presentation.value
            return f"{c.at:%H:%M:%S}  {number:<18} {who}  [{c.decision.action}] {c.decision.reason}"
        if isinstance(notice, CallUpdated) and "network_name" in notice.changed:
            return f"          {'':<18} name: {notice.changed['network_name']}"
        if isinstance(notice, CallFinished):
            return f"          {notice.call.display_number:<18} ended: {notice.outcome}"
        if isinstance(notice, LineChanged):
            mark = "up" if notice.status.state is LineState.UP else notice.status.state.value
            return f"line {notice.source}: {mark} {notice.status.detail}".rstrip()
        if isinstance(notice, JournalAlarm):
            return f"ALARM: {notice.message} ({notice.pending} writes waiting)"
        return ""
