"""The call journal: every call, its caller, what was decided and how it ended."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from customscreen.contacts.numbers import FALLBACK_REGION, country_prefix
from customscreen.contacts.typed import TypedNumber, read_query
from customscreen.storage.paths import open_private
from customscreen.storage.spreadsheet import SheetWriter
from customscreen.storage.store import Store, StoreError

OUTCOMES = ("answered", "missed", "diverted", "blocked")
DECISIONS = ("pop", "divert", "block")


@dataclass(frozen=True)
class CallRecord:
    id: int
    started_at: str
    ended_at: str | None
    source: str
    raw_number: str | None
    number: str | None
    network_name: str | None
    presentation: str
    contact_id: int | None
    contact_name: str | None
    decision: str
    reason_code: str  # routing's stable code; the desk translates it
    reason: str  # what a person wrote, never routing's sentence
    outcome: str | None
    duration_s: int | None
    handled_by: str | None
    note: str

    @property
    def display_name(self) -> str:
        return self.contact_name or self.network_name or ""


#: Who took the call, as every view shows it: only an answered call, or one
#: still under way, has a taker. Rows journaled before issue 14 named whoever
#: sat at the desk on missed and diverted calls too; reading through this
#: expression keeps them from claiming a taker, with no migration.
TAKER = ("CASE WHEN calls.outcome IS NULL OR calls.outcome = 'answered' "
         "THEN calls.handled_by END")

_SPECIAL_COLUMNS = {
    "contact_name": "contacts.name AS contact_name",
    "handled_by": f"{TAKER} AS handled_by",
}
_COLUMNS = ", ".join(
    _SPECIAL_COLUMNS.get(f.name, f"calls.{f.name}") for f in fields(CallRecord)
)
_FROM = "FROM calls LEFT JOIN contacts ON contacts.id = calls.contact_id"


def _record(row: sqlite3.Row) -> CallRecord:
    return CallRecord(**{k: row[k] for k in row.keys()})


@dataclass(frozen=True)
class CallFilter:
    """What the Calls tab and ``calls export`` narrow the journal to."""

    since: date | None = None
    until: date | None = None  # inclusive
    outcome: str | None = None
    decision: str | None = None
    contact_id: int | None = None
    handled_by: str | None = None
    text: str | None = None  # in the number, the network name or the note
    region: str = FALLBACK_REGION  # how a number in ``text`` is read

    def where(self, in_date_order: bool = False) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters.

        ``in_date_order`` is for a page, read newest first: a number typed so
        far that begins most calls ("05") is then checked on each call while
        the date index is walked, rather than sorting all of them by date.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append("calls.started_at >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("calls.started_at < ?")
            params.append((self.until + timedelta(days=1)).isoformat())
        for column, value in (
            ("calls.outcome", self.outcome), ("calls.decision", self.decision),
            ("calls.contact_id", self.contact_id), (TAKER, self.handled_by),
        ):
            if value is not None and value != "":
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.text:
            # One rule reads the text, as the contacts' search does: its words
            # are looked for in the names and notes, its numbers by their
            # beginning, whatever the form typed ("05 36", "+33 (0)5 36").
            read = read_query(self.text, self.region)
            if read.words:
                like = f"%{' '.join(read.words)}%"
                clauses.append(
                    "(calls.number LIKE ? OR calls.raw_number LIKE ? "
                    "OR calls.network_name LIKE ? OR calls.note LIKE ? OR contacts.name LIKE ?)"
                )
                params.extend([like] * 5)
            for number in read.numbers:
                clause, values = _number_starts(
                    number, walk=in_date_order and _begins_most_calls(number, self.region))
                clauses.append(clause)
                params.extend(values)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _number_starts(number: TypedNumber, walk: bool) -> tuple[str, list[Any]]:
    """Calls whose number begins as typed, looked up on the number index.

    A prefix is a range of the index: ``+33536`` ≤ number < ``+33537``. A
    call without an E.164 number (a short service code) is found by the
    digits its line sent. ``walk`` keeps the index out (SQLite's unary ``+``)
    for a number checked on each call of a walk in date order.
    """
    column = "+calls.number" if walk else "calls.number"
    ranges = [f"({column} >= ? AND {column} < ?)" for _ in number.e164_prefixes]
    values: list[Any] = []
    for prefix in number.e164_prefixes:
        values += [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]
    ranges.append("(calls.number IS NULL AND calls.raw_number LIKE ?)")
    values.append(f"{number.digits}%")
    return "(" + " OR ".join(ranges) + ")", values


def _begins_most_calls(number: TypedNumber, region: str) -> bool:
    """True for the country code and up to one digit more of the home region.

    An office's calls are mostly national: "05" begins a sixth of a million
    calls, whose page is found in a moment walking the dates and in a fifth
    of a second sorting them; from "053" on, the number index wins.
    """
    home = country_prefix(region)
    return any(home.startswith(p) or (p.startswith(home) and len(p) <= len(home) + 1)
               for p in number.e164_prefixes)


# -- writing (the switchboard holds the transaction) ----------------------------


def open_call(conn: sqlite3.Connection, **values: Any) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur = conn.execute(f"INSERT INTO calls({columns}) VALUES ({marks})", tuple(values.values()))
    return int(cur.lastrowid or 0)


_UPDATABLE = frozenset({
    "ended_at", "raw_number", "number", "network_name", "presentation", "contact_id",
    "decision", "reason_code", "reason", "outcome", "duration_s", "handled_by", "note",
    "network_date", "network_time",
})


def update_call(conn: sqlite3.Connection, call_id: int, **values: Any) -> None:
    unknown = set(values) - _UPDATABLE
    if unknown:
        raise ValueError(f"calls have no column(s) {sorted(unknown)}")
    if not values:
        return
    assignments = ", ".join(f"{k} = ?" for k in values)
    conn.execute(f"UPDATE calls SET {assignments} WHERE id = ?", (*values.values(), call_id))


def set_note(store: Store, call_id: int, note: str, handled_by: str | None = None) -> None:
    """Write the note; ``handled_by`` becomes the taker only of a call answered or under way.

    A note on a missed or diverted call ("call them back") is no answer: its
    author does not become the one who took the call.
    """
    with store.transaction() as conn:
        update_call(conn, call_id, note=note)
        if handled_by:
            conn.execute(
                "UPDATE calls SET handled_by = ? WHERE id = ? "
                "AND (outcome IS NULL OR outcome = 'answered')",
                (handled_by, call_id),
            )


def set_reason(store: Store, call_id: int, reason: str) -> None:
    """A person's reason for the call; routing's code is kept beside it."""
    with store.transaction() as conn:
        update_call(conn, call_id, reason=reason)


# -- reading --------------------------------------------------------------------


def get(store: Store, call_id: int) -> CallRecord | None:
    row = store.one(f"SELECT {_COLUMNS} {_FROM} WHERE calls.id = ?", (call_id,))
    return None if row is None else _record(row)


def page(store: Store, where: CallFilter | None = None, offset: int = 0,
         limit: int = 100) -> list[CallRecord]:
    """One page of the journal, newest first. The Calls tab asks for pages as it scrolls."""
    return [_record(r) for r in store.query(*page_query(where, offset, limit))]


def page_query(where: CallFilter | None, offset: int, limit: int) -> tuple[str, tuple[Any, ...]]:
    """The SQL of ``page`` (the query-plan tests read it)."""
    clause, params = (where or CallFilter()).where(in_date_order=True)
    # Skip rows on the narrow date index alone, then read only the page's rows:
    # OFFSET over full joined rows would read half a million of them to jump
    # to the middle of a ten-year journal.
    join = _FROM if "contacts." in clause else "FROM calls"
    return (
        f"SELECT {_COLUMNS} {_FROM} WHERE calls.id IN ("
        f"SELECT calls.id {join}{clause} ORDER BY calls.started_at DESC, calls.id DESC "
        "LIMIT ? OFFSET ?) ORDER BY calls.started_at DESC, calls.id DESC",
        (*params, limit, offset),
    )


def count(store: Store, where: CallFilter | None = None) -> int:
    row = store.one(*count_query(where))
    return int(row[0]) if row else 0


def count_query(where: CallFilter | None) -> tuple[str, tuple[Any, ...]]:
    """The SQL of ``count`` (the query-plan tests read it)."""
    clause, params = (where or CallFilter()).where()
    join = _FROM if "contacts." in clause else "FROM calls"
    return f"SELECT count(*) {join}{clause}", tuple(params)


def recent_for_contact(store: Store, contact_id: int, limit: int = 5) -> list[CallRecord]:
    rows = store.query(
        f"SELECT {_COLUMNS} {_FROM} WHERE calls.contact_id = ? "
        "ORDER BY calls.started_at DESC LIMIT ?",
        (contact_id, limit),
    )
    return [_record(r) for r in rows]


EXPORT_COLUMNS = (
    "id", "started_at", "ended_at", "source", "raw_number", "number", "network_name",
    "presentation", "contact_id", "contact_name", "decision", "reason_code", "reason", "outcome",
    "duration_s", "handled_by", "note",
)


def export_csv(store: Store, path: Path, where: CallFilter | None = None) -> int:
    """Write the journal (oldest first) as CSV; returns the number of calls written."""
    clause, params = (where or CallFilter()).where()
    tmp = path.with_name(path.name + ".part")
    written = 0
    try:
        with open_private(tmp, newline="", encoding="utf-8") as f:
            # A caller chooses their own display name: a formula in it stays text.
            out = SheetWriter(f, EXPORT_COLUMNS, number_columns=("raw_number", "number"))
            with store.lock:
                cursor = store.conn.execute(
                    f"SELECT {_COLUMNS} {_FROM}{clause} ORDER BY calls.started_at, calls.id",
                    params,
                )
                for row in cursor:
                    out.writerow(row[c] for c in EXPORT_COLUMNS)
                    written += 1
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write ({exc.strerror})") from None
    return written

