"""A synthetic office with ten years of history, built fast and kept for reuse.

The shape follows the demo firm (companies with people, a third under
contract, calls on weekdays with a morning peak), at the size of a busy office
after ten years: 100,000 contacts and 1,000,000 calls. Rows go in with
``executemany`` and the search index is filled in one statement, so building
the big file takes well under a minute; it is then kept in the user cache,
keyed by its parameters and the schema version.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import platformdirs

from customscreen.storage import settings
from customscreen.storage.store import SCHEMA_VERSION, Store

_SURNAMES = ("Dupont Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent "
             "Simon Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet "
             "Dupuis Lambert Fontaine Rousseau Vincent Muller Faure André Mercier Blanc Guérin "
             "Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément "
             "Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis").split()
_FIRST = ("Marie Jean Pierre Michel Anne Philippe Nathalie Isabelle Sylvie Catherine Nicolas "
          "Christophe Stéphane Sandrine Frédéric Céline Julien Hélène Laurent Émilie Hugo "
          "Léa Louis Chloé Lucas Manon Gabriel Camille Arthur Inès").split()
_TRADES = ("Boulangerie Garage Cabinet Transports Pharmacie Menuiserie Imprimerie Fromagerie "
           "Résidence Hôtel Restaurant Agence Clinique Laboratoire Plomberie Électricité").split()
_TOWNS = ("Toulouse Blagnac Colomiers Muret Balma Castanet Albi Montauban Auch Tarbes Pau "
          "Foix Rodez Cahors Agen Castres Revel Lavaur Gaillac Carmaux").split()
_HOURS = {8: 6, 9: 14, 10: 16, 11: 13, 12: 5, 13: 4, 14: 11, 15: 10, 16: 8, 17: 5}


@dataclass(frozen=True)
class Office:
    contacts: int
    calls: int
    seed: int = 2026

    @property
    def file_name(self) -> str:
        return f"bench-{self.contacts}c-{self.calls}k-s{self.seed}-v{SCHEMA_VERSION}.sqlite"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("CustomScreen", appauthor=False))


def phone_of(i: int) -> str:
    """A distinct, valid French number for contact ``i`` (landlines 01–05, mobiles 06)."""
    prefix = 1 + i % 6
    return f"+33{prefix}{(i * 7919 + 10000000) % 90000000 + 10000000:08d}"


def open_office(office: Office, folder: Path | None = None) -> Store:
    """The synthetic database for ``office``, built on first use."""
    folder = folder or cache_dir()
    path = folder / office.file_name
    if path.exists():
        store = Store(path)
        if settings.get(store, settings.BENCH_COMPLETE):
            return store
        store.close()
        path.unlink()
    store = Store(path)
    build(store, office)
    return store


def build(store: Store, office: Office) -> None:
    rng = random.Random(office.seed)
    today = date.today()
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    companies = office.contacts // 4
    with store.transaction() as conn:
        rows: list[tuple[object, ...]] = []
        phones: list[tuple[object, ...]] = []
        contracts: list[tuple[object, ...]] = []
        for i in range(1, office.contacts + 1):
            if i <= companies:
                name = f"{rng.choice(_TRADES)} {rng.choice(_SURNAMES)} {rng.choice(_TOWNS)}"
                rows.append((i, "company", name, None, now, now))
                status = rng.choices(("active", "expired", "none"), (35, 15, 50))[0]
                if status != "none":
                    end = today + timedelta(days=rng.randint(-400, 700))
                    contracts.append((i, status, f"CT-{i:06d}", end.isoformat(), "Standard"))
            else:
                name = f"{rng.choice(_FIRST)} {rng.choice(_SURNAMES)}"
                rows.append((i, "person", name, rng.randint(1, companies), now, now))
            phones.append((i, phone_of(i), "phone" if i % 6 else "mobile"))
        conn.executemany(
            "INSERT INTO contacts(id, kind, name, company_id, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO phones(contact_id, e164, label) VALUES (?,?,?)", phones)
        conn.executemany(
            "INSERT INTO contracts(contact_id, status, reference, end_date, level) "
            "VALUES (?,?,?,?,?)", contracts)
        conn.execute(
            "INSERT INTO contacts_fts(rowid, name, company, notes, numbers) "
            "SELECT c.id, c.name, COALESCE(co.name, ''), '', "
            "substr(p.e164, 2) || ' 0' || substr(p.e164, 4) "
            "FROM contacts c JOIN phones p ON p.contact_id = c.id "
            "LEFT JOIN contacts co ON co.id = c.company_id")
        _calls(conn, rng, office, today)
        settings.set_many(store, {settings.REGION: "FR", settings.BENCH_COMPLETE: True})
    store.conn.execute("ANALYZE")


# Routing's code for a bench call, by decision and whether the caller is known:
# the journal's rows are as wide as real ones.
_REASON_CODES = {
    ("pop", True): "known", ("pop", False): "unknown",
    ("divert", True): "priority_no_contract", ("divert", False): "priority_unknown",
    ("block", True): "blocked", ("block", False): "blocked",
}


def _calls(conn: sqlite3.Connection, rng: random.Random, office: Office, today: date) -> None:
    tz = datetime.now().astimezone().tzinfo
    days = [today - timedelta(days=d) for d in range(1, 3653) if
            (today - timedelta(days=d)).weekday() < 5]
    hours, weights = zip(*_HOURS.items(), strict=True)
    batch = []
    for n in range(office.calls):
        day = days[int(rng.random() ** 1.3 * len(days))]  # busier in recent years
        at = datetime.combine(day, time(rng.choices(hours, weights)[0], rng.randrange(60),
                                        rng.randrange(60)), tz).isoformat(timespec="seconds")
        outcome = rng.choices(("answered", "missed", "diverted", "blocked"), (72, 14, 12, 2))[0]
        if rng.random() < 0.7:
            contact = rng.randint(1, office.contacts)
            number: str | None = phone_of(contact)
        else:
            contact, number = None, f"+3363998{rng.randrange(10000):04d}"
        decision = {"diverted": "divert", "blocked": "block"}.get(outcome, "pop")
        batch.append((
            "modem", f"b{n}", at, "0" + number[3:] if number else None, number, "available",
            contact, decision, _REASON_CODES[decision, contact is not None],
            outcome, rng.randint(20, 400) if outcome == "answered" else 0,
        ))
        if len(batch) == 50_000:
            _insert_calls(conn, batch)
            batch = []
    _insert_calls(conn, batch)


def _insert_calls(conn: sqlite3.Connection, batch: Sequence[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO calls(source, source_key, started_at, raw_number, number, presentation, "
        "contact_id, decision, reason_code, outcome, duration_s) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        batch)
