"""Callbacks: who must call whom back, by when, and what came of it."""

from __future__ import annotations

import calendar
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from customscreen.storage.store import Store


class CallbackError(ValueError):
    """A callback that cannot be created or completed as asked."""


@dataclass(frozen=True)
class Callback:
    id: int
    contact_id: int | None
    call_id: int | None
    voicemail_id: int | None
    number: str | None
    caller_name: str
    subject: str
    assigned_to: str | None
    due_at: str
    created_at: str
    created_by: str | None
    done_at: str | None
    outcome: str

    def is_overdue(self, today: date) -> bool:
        return self.done_at is None and self.due_at[:10] < today.isoformat()

    def is_due_today(self, today: date) -> bool:
        return self.done_at is None and self.due_at[:10] == today.isoformat()


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def months_later(start: date, months: int) -> date:
    """``start`` plus whole months, clamped to the month's end (31 Aug + 6 → 28 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def create_in(conn: sqlite3.Connection, *, due_at: str, contact_id: int | None = None,
              call_id: int | None = None, voicemail_id: int | None = None,
              number: str | None = None, caller_name: str = "", subject: str = "",
              assigned_to: str | None = None, created_by: str | None = None) -> int:
    if not due_at:
        raise CallbackError("a callback needs a due date")
    cur = conn.execute(
        "INSERT INTO callbacks(contact_id, call_id, voicemail_id, number, caller_name, subject, "
        "assigned_to, due_at, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (contact_id, call_id, voicemail_id, number, caller_name, subject, assigned_to,
         due_at, _now(), created_by),
    )
    return int(cur.lastrowid or 0)


def create(store: Store, **values: object) -> int:
    with store.transaction() as conn:
        return create_in(conn, **values)  # type: ignore[arg-type]


def _rows(store: Store, where: str, params: tuple[object, ...] = ()) -> list[Callback]:
    rows = store.query(f"SELECT * FROM callbacks {where}", params)
    return [Callback(**{k: r[k] for k in r.keys()}) for r in rows]


def open_callbacks(store: Store, assigned_to: str | None = None) -> list[Callback]:
    if assigned_to:
        return _rows(store, "WHERE done_at IS NULL AND assigned_to = ? ORDER BY due_at",
                     (assigned_to,))
    return _rows(store, "WHERE done_at IS NULL ORDER BY due_at")


def due_today(store: Store, today: date) -> list[Callback]:
    day = today.isoformat()
    return _rows(store, "WHERE done_at IS NULL AND substr(due_at, 1, 10) = ? ORDER BY due_at",
                 (day,))


def overdue(store: Store, today: date) -> list[Callback]:
    return _rows(store, "WHERE done_at IS NULL AND due_at < ? ORDER BY due_at",
                 (today.isoformat(),))


def all_callbacks(store: Store) -> list[Callback]:
    return _rows(store, "ORDER BY done_at IS NOT NULL, due_at")


def for_contact(store: Store, contact_id: int) -> list[Callback]:
    return _rows(store, "WHERE contact_id = ? AND done_at IS NULL ORDER BY due_at",
                 (contact_id,))


def complete(store: Store, callback_id: int, outcome: str) -> None:
    """Mark a callback done with a short note of what came of it."""
    if not outcome.strip():
        raise CallbackError("say in a few words what came of the callback")
    with store.transaction() as conn:
        cur = conn.execute(
            "UPDATE callbacks SET done_at = ?, outcome = ? WHERE id = ? AND done_at IS NULL",
            (_now(), outcome.strip(), callback_id),
        )
        if cur.rowcount == 0:
            raise CallbackError(f"callback {callback_id} does not exist or is already done")
        row = conn.execute(
            "SELECT voicemail_id FROM callbacks WHERE id = ?", (callback_id,)
        ).fetchone()
        if row and row[0] is not None:
            conn.execute(
                "UPDATE voicemail SET state = 'called_back', updated_at = ? "
                "WHERE id = ? AND state IN ('new', 'forwarded')",
                (_now(), row[0]),
            )
