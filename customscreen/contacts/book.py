"""The contact book: companies, the people who work there, their numbers and contracts.

A person inherits the contract of their company when they have none of their
own: the accountant of a client under contract is under contract too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from customscreen.contacts import history
from customscreen.contacts.search import index_new, reindex
from customscreen.contacts.text import clean, clean_lines
from customscreen.storage.store import Store, StoreError

CONTRACT_STATUSES = ("active", "expired", "none")
PHONE_LABELS = ("phone", "mobile", "fax", "other")
# Custom fields a contact keeps: a spreadsheet's extra columns ("Modèle de
# chaudière", "Code portail"). Real books have a few dozen; a few hundred is
# still a card one can read, and bounds what a card and its paper lay out (a
# 100,000-column sheet once made a card take 84 s to build).
MAX_FIELDS = 200


@dataclass
class Contract:
    status: str = "none"
    reference: str = ""
    start_date: date | None = None
    end_date: date | None = None
    level: str = ""  # maintenance level: "gold", "24/7", "standard"…

    def effective_status(self, today: date) -> str:
        """``active`` only while the end date has not passed."""
        if self.status == "active" and self.end_date is not None and self.end_date < today:
            return "expired"
        return self.status


@dataclass
class Phone:
    e164: str
    label: str = "phone"


@dataclass
class Contact:
    name: str
    kind: str = "person"  # or "company"
    id: int | None = None
    company_id: int | None = None
    email: str = ""
    address: str = ""
    notes: str = ""
    always: bool = False  # pops even on busy days
    blocked: bool = False
    phones: list[Phone] = field(default_factory=list)
    contract: Contract = field(default_factory=Contract)
    fields: dict[str, str] = field(default_factory=dict)
    company_name: str = ""  # read from the company; set company_id to change it


def shown_fields(contact: Contact, limit: int = MAX_FIELDS) -> tuple[list[tuple[str, str]], int]:
    """The first ``limit`` custom fields to show, and how many more there are."""
    shown: list[tuple[str, str]] = []
    for item in contact.fields.items():
        if len(shown) == limit:
            return shown, len(contact.fields) - limit
        shown.append(item)
    return shown, 0


@dataclass(frozen=True)
class Caller:
    """What routing and the card need of a known caller, found in one query."""

    id: int
    name: str
    company: str
    contract: str  # effective: active / expired / none
    contract_level: str
    always: bool
    blocked: bool


class ContactError(ValueError):
    """A contact that cannot be saved as given."""


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# -- writing ------------------------------------------------------------------


def tidy(contact: Contact) -> Contact:
    """``contact`` with its texts cleaned (``text.clean``): what is saved can be shown."""
    contact.name = " ".join(clean(contact.name).split())  # as matching compares it
    contact.email = clean(contact.email).strip()
    contact.address = clean_lines(contact.address)
    contact.notes = clean_lines(contact.notes)
    contact.contract.reference = clean(contact.contract.reference)
    contact.contract.level = clean(contact.contract.level)
    if contact.fields:
        contact.fields = {clean(k).strip(): clean_lines(v) for k, v in contact.fields.items()}
    return contact


def save(store: Store, contact: Contact) -> int:
    """Insert or update ``contact`` with its phones, contract and custom fields."""
    name = tidy(contact).name
    if not name:
        raise ContactError("a contact needs a name")
    if contact.kind not in ("person", "company"):
        raise ContactError(f"unknown contact kind {contact.kind!r}")
    if contact.contract.status not in CONTRACT_STATUSES:
        raise ContactError(
            f"contract status {contact.contract.status!r} is not one of "
            + ", ".join(CONTRACT_STATUSES)
        )
    with store.transaction() as conn:
        save_in(conn, contact)
    assert contact.id is not None
    return contact.id


def save_in(conn: sqlite3.Connection, contact: Contact) -> int:
    """``save`` inside a transaction the caller holds (imports save thousands at once)."""
    tidy(contact)
    now = _now()
    values = (
        contact.kind, contact.name.strip(), contact.company_id, contact.email, contact.address,
        contact.notes, int(contact.always), int(contact.blocked), now,
    )
    if contact.id is None:
        cur = conn.execute(
            "INSERT INTO contacts(kind, name, company_id, email, address, notes, always, "
            "blocked, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (*values, now),
        )
        contact.id = int(cur.lastrowid or 0)
        before: list[str] = []
    else:
        before = [r[0] for r in conn.execute(
            "SELECT e164 FROM phones WHERE contact_id = ?", (contact.id,))]
        cur = conn.execute(
            "UPDATE contacts SET kind=?, name=?, company_id=?, email=?, address=?, notes=?, "
            "always=?, blocked=?, updated_at=? WHERE id=?",
            (*values, contact.id),
        )
        if cur.rowcount == 0:
            raise ContactError(f"there is no contact {contact.id}")
        conn.execute("DELETE FROM phones WHERE contact_id = ?", (contact.id,))
        conn.execute("DELETE FROM custom_fields WHERE contact_id = ?", (contact.id,))
    conn.executemany(
        "INSERT INTO phones(contact_id, e164, label) VALUES (?, ?, ?)",
        [(contact.id, p.e164, p.label) for p in contact.phones],
    )
    history.follow(conn, contact.id, before, [p.e164 for p in contact.phones])
    c = contact.contract
    conn.execute(
        "INSERT INTO contracts(contact_id, status, reference, start_date, end_date, level) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT(contact_id) DO UPDATE SET status=excluded.status, "
        "reference=excluded.reference, start_date=excluded.start_date, "
        "end_date=excluded.end_date, level=excluded.level",
        (
            contact.id, c.status, c.reference,
            c.start_date.isoformat() if c.start_date else None,
            c.end_date.isoformat() if c.end_date else None,
            c.level,
        ),
    )
    conn.executemany(
        "INSERT INTO custom_fields(contact_id, key, value) VALUES (?, ?, ?)",
        [(contact.id, k, v) for k, v in contact.fields.items() if k.strip()],
    )
    reindex(conn, contact.id)
    if contact.kind == "company":
        for (person_id,) in conn.execute(
            "SELECT id FROM contacts WHERE company_id = ?", (contact.id,)
        ).fetchall():
            reindex(conn, person_id)
    return contact.id


def insert_many(conn: sqlite3.Connection, new: list[Contact],
                company_names: dict[int, str]) -> None:
    """Insert contacts that do not exist yet, in a few statements (imports).

    Ids are given here, inside the caller's write transaction, so that phones,
    contracts, fields and the search index go in with ``executemany``: a
    100,000-row spreadsheet imports in seconds instead of minutes.
    ``company_names`` maps company ids to names for the search index.
    """
    if not new:
        return
    for contact in new:
        tidy(contact)
    now = _now()
    first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM contacts").fetchone()[0]
    for offset, contact in enumerate(new):
        contact.id = first + offset
        if contact.kind == "company":
            company_names[contact.id] = contact.name.strip()
    conn.executemany(
        "INSERT INTO contacts(id, kind, name, company_id, email, address, notes, always, "
        "blocked, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(c.id, c.kind, c.name.strip(), c.company_id, c.email, c.address, c.notes,
          int(c.always), int(c.blocked), now, now) for c in new],
    )
    conn.executemany(
        "INSERT INTO phones(contact_id, e164, label) VALUES (?, ?, ?)",
        [(c.id, p.e164, p.label) for c in new for p in c.phones],
    )
    history.follow_range(conn, first, first + len(new) - 1)
    conn.executemany(
        "INSERT INTO contracts(contact_id, status, reference, start_date, end_date, level) "
        "VALUES (?,?,?,?,?,?)",
        [(c.id, c.contract.status, c.contract.reference,
          c.contract.start_date.isoformat() if c.contract.start_date else None,
          c.contract.end_date.isoformat() if c.contract.end_date else None,
          c.contract.level) for c in new],
    )
    conn.executemany(
        "INSERT INTO custom_fields(contact_id, key, value) VALUES (?, ?, ?)",
        [(c.id, k, v) for c in new for k, v in c.fields.items() if k.strip()],
    )
    index_new(conn, new, company_names)


def company_ids(conn: sqlite3.Connection) -> dict[str, int]:
    """Every company by its name, case-folded: how imports match a Société column."""
    return {name.casefold(): cid for cid, name in conn.execute(
        "SELECT id, name FROM contacts WHERE kind = 'company' ORDER BY id DESC"
    )}


def delete(store: Store, contact_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))


# -- reading ------------------------------------------------------------------

# The ring-to-card path: one indexed lookup on phones.e164, joined to the
# contact, its company and both contracts. A person's own contract wins over
# the company's unless it says "none".
_CALLER_SQL = """
SELECT c.id, c.name, COALESCE(co.name, '') AS company, c.always, c.blocked,
       CASE WHEN COALESCE(k.status, 'none') = 'none'
            THEN ck.status ELSE k.status END AS status,
       CASE WHEN COALESCE(k.status, 'none') = 'none'
            THEN ck.end_date ELSE k.end_date END AS end_date,
       CASE WHEN COALESCE(k.status, 'none') = 'none'
            THEN ck.level ELSE k.level END AS level,
       co.always AS company_always, co.blocked AS company_blocked
FROM phones p
JOIN contacts c ON c.id = p.contact_id
LEFT JOIN contracts k ON k.contact_id = c.id
LEFT JOIN contacts co ON co.id = c.company_id
LEFT JOIN contracts ck ON ck.contact_id = co.id
WHERE p.e164 = ?
ORDER BY c.kind = 'company', c.id
LIMIT 1
"""


def find_caller(store: Store, e164: str | None, today: date | None = None) -> Caller | None:
    """The contact who owns ``e164``; a person before their company's switchboard."""
    if not e164:
        return None
    row = store.one(_CALLER_SQL, (e164,))
    if row is None:
        return None
    contract = Contract(row["status"] or "none", end_date=_parse_date(row["end_date"]))
    return Caller(
        id=row["id"],
        name=row["name"],
        company=row["company"],
        contract=contract.effective_status(today or date.today()),
        contract_level=row["level"] or "",
        always=bool(row["always"] or row["company_always"]),
        blocked=bool(row["blocked"] or row["company_blocked"]),
    )


def get(store: Store, contact_id: int) -> Contact | None:
    row = store.one(
        "SELECT c.*, COALESCE(co.name, '') AS company_name FROM contacts c "
        "LEFT JOIN contacts co ON co.id = c.company_id WHERE c.id = ?",
        (contact_id,),
    )
    if row is None:
        return None
    k = store.one("SELECT * FROM contracts WHERE contact_id = ?", (contact_id,))
    contract = Contract()
    if k is not None:
        contract = Contract(
            k["status"], k["reference"], _parse_date(k["start_date"]),
            _parse_date(k["end_date"]), k["level"],
        )
    return Contact(
        id=row["id"], name=row["name"], kind=row["kind"], company_id=row["company_id"],
        email=row["email"], address=row["address"], notes=row["notes"],
        always=bool(row["always"]), blocked=bool(row["blocked"]),
        phones=[Phone(r["e164"], r["label"]) for r in store.query(
            "SELECT e164, label FROM phones WHERE contact_id = ? ORDER BY id", (contact_id,)
        )],
        contract=contract,
        fields={r["key"]: r["value"] for r in store.query(
            "SELECT key, value FROM custom_fields WHERE contact_id = ? ORDER BY rowid",
            (contact_id,),
        )},
        company_name=row["company_name"],
    )


def require(store: Store, contact_id: int) -> Contact:
    contact = get(store, contact_id)
    if contact is None:
        raise ContactError(f"there is no contact {contact_id}; `customscreen contacts` lists them")
    return contact


def people_of(store: Store, company_id: int) -> list[Contact]:
    ids = [r[0] for r in store.query(
        "SELECT id FROM contacts WHERE company_id = ? ORDER BY name", (company_id,)
    )]
    return [c for c in (get(store, i) for i in ids) if c is not None]


def find_company(store: Store, name: str) -> int | None:
    row = store.one(
        "SELECT id FROM contacts WHERE kind = 'company' AND name = ? COLLATE NOCASE LIMIT 1",
        (name.strip(),),
    )
    return None if row is None else int(row[0])


def count(store: Store) -> int:
    row = store.one("SELECT count(*) FROM contacts")
    return int(row[0]) if row else 0


__all__ = [
    "Caller", "Contact", "ContactError", "Contract", "Phone", "StoreError",
    "count", "delete", "find_caller", "find_company", "get", "people_of", "require",
    "save", "save_in", "shown_fields", "tidy",
]
