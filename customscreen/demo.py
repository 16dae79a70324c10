"""A deterministic demo database: a small heating-maintenance firm near Toulouse.

A few hundred fictional contacts (ARCEP fiction ranges) with a realistic mix of
contracts, and a call history shaped like a real office: weekdays only, a
morning peak around 10:00 and a smaller one after lunch. The callers of the
``demo:`` line (``telephony.simulator.DEMO_SCRIPT``) are among them, so demo
calls land on real cards.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from customscreen import contacts
from customscreen.contacts import Contact, Contract, Phone, numbers
from customscreen.storage import settings
from customscreen.storage.store import Store
from telephony.simulator import DEMO_SCRIPT

USERS = ("Claire", "Marc", "Sophie", "Karim")
BUSINESS = {
    settings.BUSINESS_NAME: "Chauffage Garonne SARL",
    settings.BUSINESS_ADDRESS: "12 allée des Demoiselles, 31400 Toulouse",
    settings.BUSINESS_PHONE: "05 36 49 00 00",
    settings.BUSINESS_FAX: "05 36 49 00 01",
    settings.BUSINESS_EMAIL: "accueil@chauffage-garonne.example",
}

_SURNAMES = (
    "Dupont Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon "
    "Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupuis Lambert "
    "Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier "
    "Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry"
).split()
_FIRST = (
    "Marie Jean Pierre Michel Anne Philippe Nathalie Isabelle Sylvie Catherine Nicolas "
    "Christophe Stéphane Sandrine Frédéric Céline Julien Hélène Laurent Émilie Amélie Hugo"
).split()
_TRADES = (
    "Boulangerie", "Garage", "Cabinet", "Transports", "Pharmacie", "Menuiserie",
    "Imprimerie", "Fromagerie", "Résidence", "Hôtel", "Restaurant", "Agence", "Clinique",
    "École", "Laboratoire",
)
_BOILERS = ("Saunier Duval ThemaPlus", "Frisquet Hydroconfort", "De Dietrich MCR3",
            "Viessmann Vitodens 100", "Chaffoteaux Mira C Green", "Atlantic Naema 2")
_LEVELS = ("Standard", "Confort", "Sérénité 24/7")
# ARCEP fiction ranges: prefix + 4 free digits.
_FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")


def _card_name(network_name: str) -> str:
    """``DUPONT SARL`` as a person would type it: ``Dupont SARL``."""
    legal_forms = {"SARL", "SA", "SAS", "EURL", "SCI"}
    return " ".join(w if w in legal_forms else w.capitalize() for w in network_name.split())


def _script_numbers(region: str) -> dict[str, tuple[str, str]]:
    """E.164 -> (name, role) for the demo line's known callers."""
    known = {}
    for call in DEMO_SCRIPT:
        if call.number and call.role != "unknown":
            e164 = numbers.normalize(call.number, region)
            if e164:
                known[e164] = (_card_name(call.name or ""), call.role)
    return known


def _fiction_numbers(rng: random.Random, region: str, exclude: set[str]) -> Iterator[str]:
    pool = [f"{prefix}{n:04d}" for prefix in _FICTION for n in range(10000)]
    rng.shuffle(pool)
    for raw in pool:
        e164 = numbers.normalize(raw, region)
        if e164 and e164 not in exclude:
            yield e164


def seed(store: Store, calls: int = 2000, companies: int = 120, seed_value: int = 7,
         today: date | None = None, region: str = "FR") -> None:
    """Fill an empty database with the demo firm's contacts and ``calls`` of history."""
    rng = random.Random(seed_value)
    today = today or date.today()
    script = _script_numbers(region)
    phone_pool = _fiction_numbers(rng, region, set(script))
    with store.transaction() as conn:
        settings.set_many(store, {**BUSINESS, settings.REGION: region})
        conn.executemany("INSERT OR IGNORE INTO users(name) VALUES (?)", [(u,) for u in USERS])
        # The demo line's callers first, with the roles the script expects.
        for e164, (name, role) in script.items():
            contract = _contract(rng, today, "active" if role in ("contract",) else
                                 "expired" if role == "expired" else "none")
            company = Contact(name=name, kind="company", phones=[Phone(e164)],
                              contract=contract, always=(role == "always"),
                              fields={"Modèle de chaudière": rng.choice(_BOILERS)})
            contacts.save_in(conn, company)
        taken: set[str] = set()
        for _ in range(companies):
            _company_with_people(conn, rng, today, phone_pool, taken)
        _history(conn, rng, today, calls)


def _contract(rng: random.Random, today: date, status: str) -> Contract:
    if status == "none":
        return Contract()
    start = today - timedelta(days=rng.randint(30, 1500))
    if status == "active":
        end = today + timedelta(days=rng.randint(20, 700))
    else:
        end = today - timedelta(days=rng.randint(5, 400))
    return Contract(status, f"CT-{rng.randint(1000, 9999)}", start, end, rng.choice(_LEVELS))


def _company_with_people(conn: sqlite3.Connection, rng: random.Random, today: date,
                         phone_pool: Iterator[str], taken: set[str]) -> None:
    status = rng.choices(("active", "expired", "none"), (45, 15, 40))[0]
    name = f"{rng.choice(_TRADES)} {rng.choice(_SURNAMES)}"
    while name in taken:  # two firms of one name would be one card on import
        name = f"{rng.choice(_TRADES)} {rng.choice(_SURNAMES)} {rng.choice(_SURNAMES)}"
    taken.add(name)
    company = Contact(
        name=name, kind="company", phones=[Phone(next(phone_pool))],
        contract=_contract(rng, today, status),
        address=f"{rng.randint(1, 120)} rue {rng.choice(_SURNAMES)}, 31000 Toulouse",
        fields={"Modèle de chaudière": rng.choice(_BOILERS),
                "Dernier entretien": (today - timedelta(days=rng.randint(10, 400))).isoformat()},
        notes=rng.choice(("", "Accès par la cour, sonner deux fois.", "Payer à 30 jours.",
                          "Préfère être appelé le matin.")),
    )
    if rng.random() < 0.3:
        company.phones.append(Phone(next(phone_pool), "fax"))
    company_id = contacts.save_in(conn, company)
    for _ in range(rng.choices((0, 1, 2, 3), (20, 45, 25, 10))[0]):
        first, last = rng.choice(_FIRST), rng.choice(_SURNAMES)
        person = Contact(
            name=f"{first} {last}", company_id=company_id,
            phones=[Phone(next(phone_pool), rng.choice(("phone", "mobile")))],
            email=f"{first.lower()}.{last.lower()}@example.fr",
            always=rng.random() < 0.03,
        )
        contacts.save_in(conn, person)


# Calls per hour of an office day (8:00 to 18:00): a morning peak, lunch, a
# smaller peak after lunch.
_HOUR_WEIGHTS = {8: 6, 9: 14, 10: 16, 11: 13, 12: 5, 13: 4, 14: 11, 15: 10, 16: 8, 17: 5}
_OUTCOMES: dict[str, int] = {"answered": 72, "missed": 14, "diverted": 12, "blocked": 2}


def _reason_code(decision: str, contact_id: int | None, presentation: str,
                 contract: str) -> str:
    """Routing's code for a call of the history, as ``routing.decide`` would give it
    (the history's outcomes are drawn by chance, so a diverted caller under
    contract was diverted by a closed office)."""
    if decision == "block":
        return "blocked"
    if decision == "pop":
        return "known" if contact_id else "unknown" if presentation == "available" else "withheld"
    if contact_id is None:
        return "priority_unknown" if presentation == "available" else "priority_withheld"
    return {"expired": "priority_expired", "none": "priority_no_contract"}.get(contract, "closed")


def _history(conn: sqlite3.Connection, rng: random.Random, today: date, count: int) -> None:
    if count <= 0:
        return
    known = conn.execute(
        "SELECT p.e164, p.contact_id, co.name FROM phones p JOIN contacts co "
        "ON co.id = p.contact_id"
    ).fetchall()
    # A person without a contract of their own has their company's, as for routing.
    contracts = dict(conn.execute(
        "SELECT co.id, CASE WHEN COALESCE(own.status, 'none') = 'none' "
        "THEN COALESCE(firm.status, 'none') ELSE own.status END FROM contacts co "
        "LEFT JOIN contracts own ON own.contact_id = co.id "
        "LEFT JOIN contracts firm ON firm.contact_id = co.company_id"
    ).fetchall())
    days = max(1, count // 35)
    workdays: list[date] = []
    day = today - timedelta(days=1)  # history ends yesterday; today belongs to the line
    while len(workdays) < days:
        if day.weekday() < 5:
            workdays.append(day)
        day -= timedelta(days=1)
    tz = datetime.now().astimezone().tzinfo
    hours, weights = zip(*_HOUR_WEIGHTS.items(), strict=True)
    outcomes, outcome_weights = list(_OUTCOMES), list(_OUTCOMES.values())
    rows: list[tuple[object, ...]] = []
    for _ in range(count):
        day = rng.choice(workdays)
        at = datetime.combine(day, time(rng.choices(hours, weights)[0], rng.randrange(60),
                                        rng.randrange(60)), tz)
        outcome = rng.choices(outcomes, outcome_weights)[0]
        roll = rng.random()
        if roll < 0.65:
            e164, contact_id, name = rng.choice(known)
            contract = contracts[contact_id]
            raw = numbers.national_digits(e164)
            presentation = "available"
        elif roll < 0.92:
            e164 = f"+336399{rng.randrange(100000):05d}"
            contact_id, name, presentation, contract = None, None, "available", "none"
            raw = numbers.national_digits(e164)
        else:
            e164 = contact_id = name = raw = None
            presentation, contract = "private", "none"
        decision = {"diverted": "divert", "blocked": "block"}.get(outcome, "pop")
        duration = rng.randint(20, 600) if outcome == "answered" else 0
        rows.append((
            "modem", f"demo-history-{len(rows)}", at.isoformat(timespec="seconds"),
            (at + timedelta(seconds=duration + 15)).isoformat(timespec="seconds"),
            raw, e164, name.upper() if name else None, presentation, contact_id, decision,
            _reason_code(decision, contact_id, presentation, contract), outcome, duration,
            rng.choice(USERS) if outcome == "answered" else None,
        ))
    conn.executemany(
        "INSERT INTO calls(source, source_key, started_at, ended_at, raw_number, number, "
        "network_name, presentation, contact_id, decision, reason_code, outcome, duration_s, "
        "handled_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    # The recent diverted calls wait in the voicemail queue; older ones were worked.
    recent = (today - timedelta(days=3)).isoformat()
    conn.execute(
        "INSERT INTO voicemail(call_id, created_at, updated_at, state) "
        "SELECT id, started_at, started_at, CASE WHEN started_at >= ? THEN 'new' ELSE 'closed' END "
        "FROM calls WHERE decision = 'divert'",
        (recent,),
    )
    for call_id, number, contact_id, name, started in conn.execute(
        "SELECT c.id, c.number, c.contact_id, COALESCE(k.name, ''), c.started_at FROM calls c "
        "LEFT JOIN contacts k ON k.id = c.contact_id WHERE c.outcome = 'missed' "
        "AND c.number IS NOT NULL ORDER BY c.started_at DESC LIMIT 12"
    ).fetchall():
        due = date.fromisoformat(started[:10]) + timedelta(days=1)
        conn.execute(
            "INSERT INTO callbacks(contact_id, call_id, number, caller_name, subject, "
            "assigned_to, due_at, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)",
            (contact_id, call_id, number, name, rng.choice(
                ("Devis entretien", "Panne chaudière", "Question facture", "Rendez-vous")),
             rng.choice(USERS[1:]), due.isoformat(), started, "Claire"),
        )
