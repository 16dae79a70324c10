"""The voicemail queue: calls sent away on busy days, worked by the receptionist later.

An item goes ``new`` → ``forwarded`` (to a colleague, as a callback slip) →
``called_back`` → ``closed``; it may be closed at any step.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from customscreen.calls import callbacks
from customscreen.storage.store import Store

STATES = ("new", "forwarded", "called_back", "closed")

# Which state may follow which: a queue worked by several people must not
# jump backwards (a closed item does not become new again by a stale click).
_NEXT = {
    "new": {"forwarded", "called_back", "closed"},
    "forwarded": {"called_back", "closed"},
    "called_back": {"closed"},
    "closed": set(),
}


class QueueError(ValueError):
    """A queue item that does not exist or cannot move to the state asked."""


@dataclass(frozen=True)
class QueueItem:
    id: int
    call_id: int
    created_at: str
    state: str
    assigned_to: str | None
    note: str
    number: str | None
    raw_number: str | None
    caller_name: str  # the contact's name, else what the network sent
    contact_id: int | None
    reason_code: str  # routing's, for the desk to translate
    reason: str  # what a person wrote


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def enqueue(conn: sqlite3.Connection, call_id: int, at: str) -> int:
    cur = conn.execute(
        "INSERT INTO voicemail(call_id, created_at, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(call_id) DO NOTHING",
        (call_id, at, at),
    )
    return int(cur.lastrowid or 0)


_SELECT = """
SELECT v.id, v.call_id, v.created_at, v.state, v.assigned_to, v.note,
       c.number, c.raw_number, COALESCE(k.name, c.network_name, '') AS caller_name,
       c.contact_id, c.reason_code, c.reason
FROM voicemail v JOIN calls c ON c.id = v.call_id
LEFT JOIN contacts k ON k.id = c.contact_id
"""


def items(store: Store, states: tuple[str, ...] | None = None) -> list[QueueItem]:
    """Oldest first: the caller who has waited longest is called back first."""
    if states:
        marks = ",".join("?" for _ in states)
        rows = store.query(
            f"{_SELECT} WHERE v.state IN ({marks}) ORDER BY v.created_at, v.id", states
        )
    else:
        rows = store.query(f"{_SELECT} ORDER BY v.created_at, v.id")
    return [QueueItem(**{k: r[k] for k in r.keys()}) for r in rows]


def get(store: Store, item_id: int) -> QueueItem:
    row = store.one(f"{_SELECT} WHERE v.id = ?", (item_id,))
    if row is None:
        raise QueueError(f"there is no voicemail-queue item {item_id}")
    return QueueItem(**{k: row[k] for k in row.keys()})


def count_new(store: Store) -> int:
    row = store.one("SELECT count(*) FROM voicemail WHERE state = 'new'")
    return int(row[0]) if row else 0


def move(store: Store, item_id: int, state: str, note: str | None = None) -> None:
    item = get(store, item_id)
    if state not in STATES:
        raise QueueError(f"unknown state {state!r}")
    if state not in _NEXT[item.state]:
        raise QueueError(f"a {item.state.replace('_', ' ')} item cannot become {state}")
    with store.transaction() as conn:
        conn.execute(
            "UPDATE voicemail SET state = ?, note = COALESCE(?, note), updated_at = ? "
            "WHERE id = ?",
            (state, note, _now(), item_id),
        )


def forward(store: Store, item_id: int, to: str, due_at: str, subject: str = "",
            by: str | None = None) -> int:
    """Hand the caller to a colleague as a callback slip; returns the callback's id."""
    item = get(store, item_id)
    if "forwarded" not in _NEXT[item.state]:
        raise QueueError(f"a {item.state.replace('_', ' ')} item cannot be forwarded")
    with store.transaction() as conn:
        callback_id = callbacks.create_in(
            conn,
            contact_id=item.contact_id, call_id=item.call_id, voicemail_id=item.id,
            number=item.number or item.raw_number, caller_name=item.caller_name,
            subject=subject, assigned_to=to, due_at=due_at, created_by=by,
        )
        conn.execute(
            "UPDATE voicemail SET state = 'forwarded', assigned_to = ?, updated_at = ? "
            "WHERE id = ?",
            (to, _now(), item_id),
        )
    return callback_id
