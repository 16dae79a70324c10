"""The headless measurements: lookup, search, journal, reports, import."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from customscreen import contacts
from customscreen.benchmark.synthetic import Office, phone_of
from customscreen.benchmark.timing import Distribution, time_ms
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import Switchboard
from customscreen.contacts import files as contacts_io
from customscreen.storage.spreadsheet import SheetWriter
from customscreen.storage.store import Store
from telephony.events import CallerId, Ended
from telephony.simulator import DemoLine


def lookup(store: Store, office: Office, runs: int = 2000) -> Distribution:
    """Caller lookup by E.164, half known numbers, half unknown."""
    rng = random.Random(1)
    numbers = [phone_of(rng.randint(1, office.contacts)) if i % 2 else f"+3363999{i:04d}"
               for i in range(runs)]
    it = iter(numbers)
    return time_ms(lambda: contacts.find_caller(store, next(it)), runs)


def search(store: Store, runs_per_length: int = 50) -> Distribution:
    """Search as you type: prefixes of 1 to 4 letters of real names."""
    rng = random.Random(2)
    names = [r[0] for r in store.query("SELECT name FROM contacts ORDER BY id LIMIT 5000")]
    prefixes = []
    for length in (1, 2, 3, 4):
        for _ in range(runs_per_length):
            word = rng.choice(rng.choice(names).split())
            prefixes.append(word[:length])
    it = iter(prefixes)
    return time_ms(lambda: contacts.search(store, next(it), limit=50), len(prefixes))


def journal_throughput(store: Store, calls: int = 3000) -> float:
    """Calls per second through the switchboard: caller ID then end, each journaled
    and synced to the disk (``synchronous=FULL``, as the program runs)."""
    board = Switchboard(store, "FR", Mode.NORMAL)
    line = DemoLine("demo:?bench")
    at = datetime.now(UTC)
    start = time.perf_counter()
    for i in range(calls):
        key = f"bench-{i}"
        board.receive(line, CallerId(key, at, f"05{36000000 + i:08d}"))
        board.receive(line, Ended(key, at + timedelta(seconds=2)))
    elapsed = time.perf_counter() - start
    with store.transaction() as conn:
        conn.execute("DELETE FROM calls WHERE source_key LIKE 'bench-%' AND source = 'demo'")
    return round(calls / elapsed, 1)


def journal_sync_cost(store: Store, calls: int = 3000, rounds: int = 3) -> dict[str, float]:
    """What syncing every call costs: throughput with ``synchronous=FULL`` (the
    program) and ``NORMAL`` (the WAL synced only at checkpoints), alternated on
    the same file so that the machine's noise falls on both."""
    full: list[float] = []
    normal: list[float] = []
    try:
        for _ in range(rounds):
            store.conn.execute("PRAGMA synchronous = NORMAL")
            normal.append(journal_throughput(store, calls))
            store.conn.execute("PRAGMA synchronous = FULL")
            full.append(journal_throughput(store, calls))
    finally:
        store.conn.execute("PRAGMA synchronous = FULL")
    full_median, normal_median = statistics.median(full), statistics.median(normal)
    return {"journal_calls_per_s": full_median,
            "journal_calls_per_s_without_sync": normal_median,
            "journal_sync_cost_ratio": round(normal_median / full_median, 2)}


def stats_reports(store: Store, runs: int = 3) -> tuple[Distribution, Distribution]:
    """The statistics PDF for the whole history and for the last year, in seconds."""
    from customscreen.paper import documents

    folder = Path(tempfile.mkdtemp(prefix="customscreen-bench-"))
    today = date.today()

    def whole() -> None:
        documents.print_stats(store, None, None, folder / "all.pdf", region="FR")

    def year() -> None:
        documents.print_stats(store, today - timedelta(days=365), today, folder / "year.pdf",
                              region="FR")

    return _seconds(time_ms(whole, runs)), _seconds(time_ms(year, runs))


def _seconds(d: Distribution) -> Distribution:
    return Distribution(round(d.p50 / 1000, 3), round(d.p99 / 1000, 3), d.runs)


def import_sheet(folder: Path, rows: int) -> Path:
    """A French spreadsheet of ``rows`` clients, a quarter as many companies."""
    sheet = folder / "clients.csv"
    rng = random.Random(3)
    with open(sheet, "w", newline="", encoding="utf-8") as f:
        out = SheetWriter(f, ["Nom", "Société", "Téléphone", "Portable", "E-mail", "Contrat",
                              "Fin de contrat", "Modèle de chaudière"],
                          number_columns=("Téléphone", "Portable"), delimiter=";")
        for i in range(rows):
            out.writerow([
                f"Client {i}", f"Société {i % (rows // 4 or 1)}",
                f"0{1 + i % 5}{(i * 7919) % 100_000_000:08d}", f"06{i:08d}",
                f"client{i}@example.fr", rng.choice(("actif", "expiré", "aucun")),
                "31/12/2027", rng.choice(("Frisquet", "Saunier Duval", "")),
            ])
    return sheet


def contacts_import(rows: int = 100_000) -> float:
    """Seconds to import a French spreadsheet of ``rows`` contacts into a fresh file."""
    folder = Path(tempfile.mkdtemp(prefix="customscreen-bench-"))
    sheet = import_sheet(folder, rows)
    store = Store(folder / "import.sqlite")
    start = time.perf_counter()
    contacts_io.import_file(store, sheet, "FR")
    elapsed = time.perf_counter() - start
    imported = contacts.count(store)
    store.close()
    if imported < rows:
        raise RuntimeError(f"the benchmark import kept {imported} of {rows} contacts")
    return round(elapsed, 2)
