"""The database schema, as an ordered list of migrations.

Migration N brings a file from schema N-1 to N. A migration is frozen SQL: it
never calls the program's live code, which changes from release to release
while a file written years ago must still upgrade the same way. Never edit a
released migration: add the next one. ``tests/data/schema-v1.sqlite`` is a file
written by schema 1 and proves the path from there still works.

Derived tables (the contacts' search index) are the exception that proves the
rule: a migration only marks them stale in ``derived_rebuilds``, and the room
that owns them rebuilds them with its own code (``Store`` runs the rebuilders
registered with ``register_rebuild``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's
    transaction half-way, and a failed upgrade must leave the file unchanged."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _v1_initial(conn: sqlite3.Connection) -> None:
    _script(
        conn,
        """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
            name TEXT NOT NULL,
            company_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            email TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            always INTEGER NOT NULL DEFAULT 0,   -- pops even on busy days
            blocked INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX contacts_company ON contacts(company_id);

        CREATE TABLE phones (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            e164 TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT 'phone'
        );
        CREATE INDEX phones_e164 ON phones(e164);
        CREATE INDEX phones_contact ON phones(contact_id);

        CREATE TABLE contracts (
            contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('active', 'expired', 'none')),
            reference TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            level TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            active INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            source_key TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            raw_number TEXT,
            number TEXT,
            network_name TEXT,
            presentation TEXT NOT NULL,
            contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            decision TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            outcome TEXT,
            duration_s INTEGER,
            handled_by TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX calls_started ON calls(started_at);
        CREATE INDEX calls_contact ON calls(contact_id, started_at);
        CREATE INDEX calls_number ON calls(number);

        CREATE TABLE voicemail (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL UNIQUE REFERENCES calls(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'new'
                CHECK (state IN ('new', 'forwarded', 'called_back', 'closed')),
            assigned_to TEXT,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX voicemail_state ON voicemail(state, created_at);

        CREATE TABLE callbacks (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            call_id INTEGER REFERENCES calls(id) ON DELETE SET NULL,
            voicemail_id INTEGER REFERENCES voicemail(id) ON DELETE SET NULL,
            number TEXT,
            caller_name TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            assigned_to TEXT,
            due_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT,
            done_at TEXT,
            outcome TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX callbacks_due ON callbacks(done_at, due_at);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,       -- 2026-0001, like the paper register
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
            recipient TEXT NOT NULL DEFAULT '',
            author TEXT,
            issued_at TEXT NOT NULL,
            sha256 TEXT,
            UNIQUE (year, seq)
        );

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def _v2_custom_fields_search(conn: sqlite3.Connection) -> None:
    """Custom fields, the network's date/time on calls, and full-text search."""
    _script(
        conn,
        """
        CREATE TABLE custom_fields (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (contact_id, key)
        );
        ALTER TABLE calls ADD COLUMN network_date TEXT;
        ALTER TABLE calls ADD COLUMN network_time TEXT;
        -- Covers the statistics scans: period, outcome and caller without the table.
        CREATE INDEX calls_period ON calls(started_at, outcome, contact_id);

        CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE);

        -- Prefix indexes make search-as-you-type instant from the first letter.
        CREATE VIRTUAL TABLE contacts_fts USING fts5(
            name, company, notes, numbers,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3 4'
        );
        """
    )


def _v3_reason_codes_rebuilds(conn: sqlite3.Connection) -> None:
    """Routing's reason as a stable code; derived tables that need rebuilding.

    Until schema 2 the journal kept only routing's English sentence in
    ``reason``; the code is found again from that sentence, once, here, and
    ``reason`` is left for what a person writes. Schema 2 created the search
    index empty when it upgraded a schema-1 file: it is marked for a rebuild.
    """
    _script(
        conn,
        """
        ALTER TABLE calls ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
        UPDATE calls SET reason_code = CASE
            WHEN reason LIKE '% is on the blocked list' THEN 'blocked'
            WHEN reason = 'The office is closed: sent to voicemail' THEN 'closed'
            WHEN reason = 'Number withheld by the caller' THEN 'withheld'
            WHEN reason = 'Unknown number' THEN 'unknown'
            WHEN reason LIKE 'Known caller: %' THEN 'known'
            WHEN reason = 'Busy day: withheld number sent to voicemail'
                THEN 'priority_withheld'
            WHEN reason = 'Busy day: unknown caller sent to voicemail' THEN 'priority_unknown'
            WHEN reason LIKE 'Busy day: %''s contract has expired, sent to voicemail'
                THEN 'priority_expired'
            WHEN reason LIKE 'Busy day: % has no contract, sent to voicemail'
                THEN 'priority_no_contract'
            WHEN reason LIKE '% always gets through' THEN 'always'
            WHEN reason LIKE '% is under contract' THEN 'contract_active'
            -- The demo seed of schema 2 wrote one sentence for every divert.
            WHEN reason = 'Busy day: sent to voicemail' THEN CASE
                WHEN contact_id IS NOT NULL THEN 'priority_no_contract'
                WHEN presentation = 'available' THEN 'priority_unknown'
                ELSE 'priority_withheld' END
            ELSE '' END;
        UPDATE calls SET reason = '' WHERE reason_code != '';

        CREATE TABLE derived_rebuilds (name TEXT PRIMARY KEY);
        INSERT INTO derived_rebuilds(name)
            SELECT 'contacts_fts'
            WHERE EXISTS (SELECT 1 FROM contacts)
              AND NOT EXISTS (SELECT 1 FROM contacts_fts);
        """
    )


def _v4_register_states(conn: sqlite3.Connection) -> None:
    """The register's two steps, and the hash of the whole file.

    A number is now committed first as ``issuing``, before its PDF is written,
    and completed as ``issued`` with both hashes once the file is in place: a
    crash in between leaves a visible entry instead of a number given to two
    documents. ``issuer`` names the process completing it (host, pid, start).
    Rows written before were issued in one transaction, complete by then; the
    file's hash was not recorded, so it stays NULL.
    """
    _script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN state TEXT NOT NULL DEFAULT 'issuing'
            CHECK (state IN ('issuing', 'issued'));
        UPDATE documents SET state = 'issued';
        ALTER TABLE documents ADD COLUMN file_sha256 TEXT;
        ALTER TABLE documents ADD COLUMN issuer TEXT;
        """
    )


def _v5_erasures(conn: sqlite3.Connection) -> None:
    """The erasures this file has had, so that a restored copy can be told apart.

    One row per erasure (GDPR art. 17): who, when, and the erased identifiers as
    salted SHA-256 only, never in clear. ``id`` is the erasure's id in the
    ledger file beside the database (``care/erasure_ledger.py``); a restored
    backup that lacks an id the ledger holds gets that erasure again.
    """
    _script(
        conn,
        """
        CREATE TABLE erasures (
            id TEXT PRIMARY KEY,
            erased_at TEXT NOT NULL,
            erased_by TEXT NOT NULL DEFAULT '',
            applied_at TEXT NOT NULL,      -- later than erased_at once re-applied after a restore
            contact_id INTEGER,            -- the card's id then; not a reference, the card is gone
            kind TEXT NOT NULL,
            salt TEXT NOT NULL,
            name_sha256 TEXT NOT NULL,
            numbers_sha256 TEXT NOT NULL DEFAULT ''  -- space-separated
        );
        """
    )


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = [
    _v1_initial, _v2_custom_fields_search, _v3_reason_codes_rebuilds,
    _v4_register_states, _v5_erasures,
]
