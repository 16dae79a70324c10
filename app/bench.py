"""``customscreen bench``: speed at ten years of history, measured not guessed.

The wiring of the core's measures (``customscreen.benchmark``) and the desk's
(``ui.benchmark``).

Builds (or reuses) a synthetic office of 100,000 contacts and 1,000,000 calls
(``--quick``: ten times smaller), then measures what people notice: ring to
card on a real modem line and a real SIP socket (alone, and while the desk
imports 100,000 contacts), caller lookup, search as you type, journal
throughput, the journal view, the statistics report, a big import, start-up
and memory. Distributions are reported as median and 99th percentile over
repeated runs; the machine is shared, so no single run counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from customscreen.benchmark.synthetic import Office, open_office
from customscreen.benchmark.timing import Distribution

FULL = Office(contacts=100_000, calls=1_000_000)
QUICK = Office(contacts=10_000, calls=100_000)

# The targets of issue 7, for the human report (the JSON carries figures only).
TARGETS = {
    "ring_to_card_modem_ms": "median < 15, p99 < 50",
    "ring_to_card_sip_ms": "median < 15, p99 < 50",
    "ring_to_card_during_import_ms": "p99 < 50",
    "modem_nmbr_to_journal_ms": "median < 10",
    "lookup_ms": "p99 < 1",
    "search_ms": "p99 < 20",
    "journal_calls_per_s": ">= 500",
    "journal_first_page_ms": "< 300",
    "stats_report_all_s": "< 3",
    "import_100k_s": "< 10",
    "startup_s": "< 1.5",
    "peak_rss_mb": "< 300",
}


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(office: Office, quick: bool) -> dict[str, Any]:
    from customscreen.benchmark import measures
    from ui import benchmark as desk_bench

    _say(f"synthetic office: {office.contacts:,} contacts, {office.calls:,} calls "
         "(built on first use, then kept in the user cache)")
    start = time.perf_counter()
    store = open_office(office)
    _say(f"  ready in {time.perf_counter() - start:.1f} s: {store.path}")
    results: dict[str, Any] = {"contacts": office.contacts, "calls": office.calls}
    steps = [
        ("lookup_ms", lambda: measures.lookup(store, office)),
        ("search_ms", lambda: measures.search(store)),
    ]
    for key, step in steps:
        _say(f"measuring {key}…")
        results[key] = step()
    _say("measuring journal throughput, synced at every call and not…")
    results.update(measures.journal_sync_cost(store))
    _say("measuring the lines alone: modem NMBR -> journaled, INVITE -> 180, baresip's 180…")
    from customscreen.benchmark import rings

    alone = rings.headless(store, calls=50 if quick else 200)
    results["modem_nmbr_to_journal_ms"] = Distribution.of(alone["modem"])
    results["sip_invite_to_180_ms"] = Distribution.of(alone["sip"])
    reference = rings.baresip_reference(calls=50 if quick else 500)
    if reference:
        baresip = Distribution.of(reference)
        results["baresip_invite_to_180_ms"] = baresip
        results["sip_vs_baresip_ratio"] = round(
            results["sip_invite_to_180_ms"].p50 / baresip.p50, 2)
    _say("measuring the statistics report…")
    results["stats_report_all_s"], results["stats_report_year_s"] = measures.stats_reports(
        store, runs=2 if quick else 3)
    _say("measuring a 100,000-contact import…")
    results["import_100k_s"] = measures.contacts_import(100_000)
    store.close()
    _say("measuring the desk: ring to card, alone and during a 100,000-contact import, "
         "journal view, start-up, memory…")
    results.update(desk_bench.measure(store.path, calls=50 if quick else 200))
    return {k: (v.as_json() if isinstance(v, Distribution) else v) for k, v in results.items()}


def run(args: argparse.Namespace) -> int:
    office = QUICK if args.quick else FULL
    results = measure(office, args.quick)
    if args.json:
        print(json.dumps(results))
        return 0
    for key, value in results.items():
        if isinstance(value, dict):
            shown = f"median {value['p50']:g}, p99 {value['p99']:g}"
        else:
            shown = f"{value:,}" if isinstance(value, int) else f"{value:g}"
        target = TARGETS.get(key, "")
        print(f"{key:<28} {shown:<32} {('target ' + target) if target else ''}")
    return 0
