"""The hot queries use indexes: a million-call journal must not be scanned row by row."""

from __future__ import annotations

from datetime import date

from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.journal import CallFilter
from customscreen.contacts import history


def plan(store, sql: str, params: tuple = ()) -> str:
    rows = store.query(f"EXPLAIN QUERY PLAN {sql}", params)
    return "\n".join(r["detail"] for r in rows)


def test_caller_lookup_uses_the_number_index(demo_store) -> None:
    text = plan(demo_store, contacts.book._CALLER_SQL, ("+33536490123",))
    assert "USING INDEX phones_e164 (e164=?)" in text
    assert "SCAN p" not in text and "SCAN phones" not in text


def test_journal_page_skips_rows_on_the_date_index_alone(demo_store) -> None:
    text = plan(demo_store, *journal.page_query(None, offset=200, limit=100))
    # The inner query walks the narrow (started_at, id) index in order: no
    # sort of the whole journal, no table rows read for the skipped calls.
    assert "SCAN calls USING COVERING INDEX calls_started" in text
    assert "SEARCH calls USING INTEGER PRIMARY KEY (rowid=?)" in text


def test_journal_page_for_a_period_uses_a_range(demo_store) -> None:
    clause, params = CallFilter(since=date(2026, 1, 1), until=date(2026, 1, 31)).where()
    sql = f"SELECT count(*) FROM calls{clause}"
    text = plan(demo_store, sql, tuple(params))
    assert "USING COVERING INDEX calls_" in text
    assert "(started_at>? AND started_at<?)" in text


def test_statistics_scan_is_covered_by_the_period_index(demo_store) -> None:
    bounds = ("2026-01-01", "2027-01-01")
    text = plan(
        demo_store,
        "SELECT substr(started_at, 1, 13) AS dh, outcome, count(*) FROM calls "
        "WHERE started_at >= ? AND started_at < ? GROUP BY dh, outcome",
        bounds,
    )
    assert "USING COVERING INDEX calls_period" in text
    text = plan(
        demo_store,
        "SELECT contact_id, count(*) FROM calls WHERE started_at >= ? AND started_at < ? "
        "AND contact_id IS NOT NULL GROUP BY contact_id",
        bounds,
    )
    assert "COVERING INDEX" in text


def test_contact_history_on_the_card_uses_the_contact_index(demo_store) -> None:
    text = plan(
        demo_store,
        f"SELECT {journal._COLUMNS} {journal._FROM} WHERE calls.contact_id = ? "
        "ORDER BY calls.started_at DESC LIMIT ?",
        (1, 5),
    )
    assert "calls_contact (contact_id=?)" in text
    assert "TEMP B-TREE" not in text


def test_a_contacts_calls_follow_its_numbers_through_the_number_index(demo_store) -> None:
    # Most calls of a busy journal are unknown callers (contact_id NULL): walking
    # them by the contact index would read most of a million-call journal.
    for sql, params in (
        (history.link_sql(2), (1, "+33536490123", "+33639981234")),
        (history.unlink_sql(1), ("+33536490123", 1)),
        (history.LINK_RANGE_SQL, (1, 200)),
    ):
        text = plan(demo_store, sql, params)
        assert "SEARCH calls USING INDEX calls_number (number=?)" in text, text
        assert "SCAN calls" not in text and "calls_contact" not in text, text
        assert "SCAN p" not in text and "SCAN phones" not in text, text


def test_journal_search_for_a_number_typed_as_shown_uses_the_number_index(demo_store) -> None:
    where = CallFilter(text="05 36 49")
    for sql, params in (journal.page_query(where, offset=0, limit=100),
                        journal.count_query(where)):
        text = plan(demo_store, sql, params)
        assert "USING INDEX calls_number (number>? AND number<?)" in text
        assert "SCAN calls" not in text


def test_journal_page_for_a_number_just_begun_walks_the_date_index(demo_store) -> None:
    # "05" begins a sixth of a French journal: its page is found walking the
    # dates newest first, not by sorting every call that matches.
    where = CallFilter(text="05")
    text = plan(demo_store, *journal.page_query(where, offset=0, limit=100))
    assert "SCAN calls USING INDEX calls_started" in text
    assert text.count("TEMP B-TREE") == 1  # the page's hundred rows, as with no search
    assert "calls_number" in plan(demo_store, *journal.count_query(where))
