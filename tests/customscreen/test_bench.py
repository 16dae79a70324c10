"""``customscreen bench --quick --json``: every figure present and sane.

No target is asserted here: CI shares its two cores. The targets are checked
on the full benchmark, whose figures the README records.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.conftest import CUSTOMSCREEN

DISTRIBUTIONS = ("ring_to_card_modem_ms", "ring_to_card_sip_ms", "ring_to_card_during_import_ms",
                 "lookup_ms", "search_ms",
                 "journal_first_page_ms", "journal_jump_ms", "stats_report_all_s",
                 "stats_report_year_s", "modem_nmbr_to_journal_ms", "sip_invite_to_180_ms",
                 "baresip_invite_to_180_ms")
FIGURES = ("journal_calls_per_s", "journal_calls_per_s_without_sync", "journal_sync_cost_ratio",
           "import_100k_s", "startup_s", "peak_rss_mb", "sip_vs_baresip_ratio")


@pytest.mark.slow
def test_quick_bench_reports_every_figure(tmp_path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*CUSTOMSCREEN, "bench", "--quick", "--json"], capture_output=True,
                          text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout)
    assert (figures["contacts"], figures["calls"]) == (10_000, 100_000)
    for key in DISTRIBUTIONS:
        value = figures[key]
        assert 0 < value["p50"] <= value["p99"], key
    for key in FIGURES:
        assert figures[key] > 0, key
    # Sane, not targets: a card within a second, a window within ten.
    assert figures["ring_to_card_modem_ms"]["p50"] < 1000
    assert figures["ring_to_card_sip_ms"]["p50"] < 1000
    assert figures["ring_to_card_during_import_ms"]["p50"] < 1000
    assert figures["startup_s"] < 10 and figures["peak_rss_mb"] < 2000
    # The synthetic office is kept for the next run, keyed by its size.
    assert list((tmp_path / "cache").rglob("bench-10000c-100000k-*.sqlite"))
