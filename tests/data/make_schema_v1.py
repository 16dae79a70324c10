"""Writes schema-v1.sqlite: a journal as CustomScreen's schema 1 left it.

Kept so that the upgrade path from the first released schema stays tested.
Run once with `python tests/data/make_schema_v1.py`; the file is committed.
"""

import sqlite3
from pathlib import Path

from customscreen.storage.schema import MIGRATIONS

target = Path(__file__).with_name("schema-v1.sqlite")
target.unlink(missing_ok=True)
conn = sqlite3.connect(target, isolation_level=None)
conn.execute("BEGIN")
MIGRATIONS[0](conn)
conn.execute("PRAGMA user_version = 1")
now = "2025-03-14T10:00:00+01:00"
conn.execute(
    "INSERT INTO contacts(id, kind, name, notes, created_at, updated_at) "
    "VALUES (1, 'company', 'Dupont SARL', 'Chaudière au sous-sol', ?, ?)", (now, now))
conn.execute(
    "INSERT INTO contacts(id, kind, name, company_id, created_at, updated_at) "
    "VALUES (2, 'person', 'Marie Dupont', 1, ?, ?)", (now, now))
conn.execute("INSERT INTO phones(contact_id, e164, label) VALUES (1, '+33536490123', 'phone')")
conn.execute("INSERT INTO phones(contact_id, e164, label) VALUES (2, '+33639981234', 'mobile')")
conn.execute(
    "INSERT INTO contracts(contact_id, status, reference, end_date, level) "
    "VALUES (1, 'active', 'CT-2025-17', '2030-12-31', 'Confort')")
conn.execute(
    "INSERT INTO calls(source, source_key, started_at, raw_number, number, presentation, "
    "contact_id, decision, outcome, duration_s) VALUES ('modem', 'modem-1', ?, '0536490123', "
    "'+33536490123', 'available', 1, 'pop', 'answered', 42)", (now,))
conn.execute("COMMIT")
conn.close()
print(f"written {target}")
