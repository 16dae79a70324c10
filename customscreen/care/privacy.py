"""Personal data under the GDPR: keep calls no longer than needed, erase, tell.

- Retention (``privacy.retention_months``, ``privacy.retention_action``
  ``delete`` or ``anonymise``): calls older than that many months are deleted,
  or kept for the statistics with everything that identifies the caller
  cleared. The desk and ``listen`` apply it once a day; ``customscreen privacy
  apply`` applies it now.
- Erasure (art. 17, ``care/erasure.py``): the card goes, and every mention of
  the person's name and numbers; the calls from their numbers stay in the
  journal, anonymised, so the month's statistics do not change; the document
  register keeps its entries (numbers must not leave holes, and the law on
  business records keeps them ten years) with the recipient removed. A ledger
  beside the database lets a restored backup be erased again.
- Access (art. 15): everything held about a person, as one JSON document.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from customscreen import contacts
from customscreen.calls import callbacks
from customscreen.care.erasure import (
    ERASED,
    Erased,
    Reapplication,
    Reapplied,
    anonymise_calls,
    erase_contact,
    reapply_erasures,
    reapply_to,
    their_calls,
)
from customscreen.storage import settings
from customscreen.storage.store import Store

__all__ = [
    "ERASED", "Erased", "PrivacyError", "Reapplication", "Reapplied", "Retention",
    "RetentionDone", "apply_retention", "erase_contact", "export_contact", "reapply_erasures",
    "reapply_to", "retention", "run_if_due",
]


class PrivacyError(ValueError):
    """A retention setting that makes no sense; the message says which and what to write."""


@dataclass(frozen=True)
class Retention:
    months: int
    action: str  # "delete" or "anonymise"


@dataclass(frozen=True)
class RetentionDone:
    retention: Retention
    before: date  # calls started before this day were handled
    calls: int


def retention(store: Store) -> Retention | None:
    """The configured retention, None when calls are kept for ever (the default)."""
    # A retention that does not read is refused, never taken as "keep for ever".
    _refuse_unreadable(store, settings.RETENTION_MONTHS)
    months = settings.get(store, settings.RETENTION_MONTHS)
    if months is None:
        return None
    _refuse_unreadable(store, settings.RETENTION_ACTION)
    return Retention(months, settings.get(store, settings.RETENTION_ACTION))


def _refuse_unreadable(store: Store, setting: settings.Setting[Any]) -> None:
    wrong = settings.problem(store, setting)
    if wrong:
        raise PrivacyError(wrong)


def apply_retention(store: Store, rule: Retention, today: date | None = None) -> RetentionDone:
    """Delete or anonymise the calls older than ``rule.months`` months."""
    today = today or date.today()
    before = callbacks.months_later(today, -rule.months)
    with store.transaction() as conn:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM calls WHERE started_at < ? AND (? = 'delete' OR number IS NOT NULL "
            "OR raw_number IS NOT NULL OR network_name IS NOT NULL OR note != '' "
            "OR reason != '' OR contact_id IS NOT NULL)",
            (before.isoformat(), rule.action),
        )]
        if rule.action == "delete":
            # Voicemail items go with their call (ON DELETE CASCADE); callback
            # slips are the secretary's own records and keep their text.
            conn.executemany("DELETE FROM calls WHERE id = ?", [(i,) for i in ids])
        else:
            anonymise_calls(conn, ids)
        settings.put(store, settings.RETENTION_LAST_APPLIED, today)
    return RetentionDone(rule, before, len(ids))


def run_if_due(store: Store, today: date | None = None) -> RetentionDone | None:
    """Apply the retention once a day; None when not configured or already done today."""
    today = today or date.today()
    rule = retention(store)
    if rule is None or settings.get(store, settings.RETENTION_LAST_APPLIED) == today:
        return None
    return apply_retention(store, rule, today)


def _their_numbers(conn: sqlite3.Connection, contact_id: int) -> list[str]:
    rows = conn.execute("SELECT e164 FROM phones WHERE contact_id = ?", (contact_id,))
    return [r[0] for r in rows]


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def export_contact(store: Store, contact_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Everything held about one person or company, ready for ``json.dump``."""
    contacts.require(store, contact_id)
    now = now or datetime.now().astimezone()
    with store.lock:
        conn = store.conn
        numbers = _their_numbers(conn, contact_id)
        call_ids = their_calls(conn, contact_id, numbers)
        call_marks = ",".join("?" for _ in call_ids) or "NULL"
        number_marks = ",".join("?" for _ in numbers) or "NULL"
        card = _rows(conn, "SELECT * FROM contacts WHERE id = ?", (contact_id,))[0]
        return {
            "exported_at": now.isoformat(timespec="seconds"),
            "contact": card,
            "company": _rows(conn, "SELECT id, name FROM contacts WHERE id = ?",
                             (card["company_id"],)) if card["company_id"] else None,
            "phones": _rows(conn, "SELECT e164, label FROM phones WHERE contact_id = ? "
                            "ORDER BY id", (contact_id,)),
            "contract": next(iter(_rows(conn, "SELECT * FROM contracts WHERE contact_id = ?",
                                        (contact_id,))), None),
            "custom_fields": {r["key"]: r["value"] for r in _rows(
                conn, "SELECT key, value FROM custom_fields WHERE contact_id = ? ORDER BY key",
                (contact_id,))},
            "calls": _rows(conn, f"SELECT * FROM calls WHERE id IN ({call_marks}) "
                           "ORDER BY started_at, id", tuple(call_ids)),
            "voicemail": _rows(conn, f"SELECT * FROM voicemail WHERE call_id IN ({call_marks}) "
                               "ORDER BY id", tuple(call_ids)),
            "callbacks": _rows(conn, "SELECT * FROM callbacks WHERE contact_id = ? OR number IN "
                               f"({number_marks}) ORDER BY id", (contact_id, *numbers)),
            "documents": _rows(conn, "SELECT number, kind, recipient, author, issued_at, sha256 "
                               "FROM documents WHERE contact_id = ? ORDER BY year, seq",
                               (contact_id,)),
        }

