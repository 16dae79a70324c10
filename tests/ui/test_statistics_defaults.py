"""Defaults that surprised: Ctrl+P, the contract share, the Documents dialog's period, presets."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.paper import periods
from customscreen.storage.store import Store
from tests.customscreen.test_statistics_defaults import a_month_of_calls
from ui import i18n, print_preview
from ui.documents_dialog import STATS
from ui.mainwindow import TAB_CALLS, TAB_CONTACTS, TAB_STATS
from ui.stats_tab import StatsTab

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NBSP = "\u00a0"


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.replace(NBSP, " ").split())


@pytest.fixture
def previews(monkeypatch) -> list[Path]:
    shown: list[Path] = []
    monkeypatch.setattr(print_preview, "preview", lambda pdf, parent: shown.append(pdf))
    return shown


# -- Ctrl+P ---------------------------------------------------------------------------


def test_ctrl_p_with_nothing_selected_says_so_and_prints_nothing(desk, previews):
    desk.window.tabs.setCurrentIndex(TAB_CALLS)
    assert desk.window.calls.selected() is None
    assert desk.window.print_action.shortcut().toString() == "Ctrl+P"
    desk.window.print_action.trigger()
    assert previews == []
    assert desk.window.statusBar().currentMessage().startswith("Nothing to print")


def test_ctrl_p_in_calls_prints_the_selected_calls_contact(desk, previews):
    calls = desk.window.calls
    desk.window.tabs.setCurrentIndex(TAB_CALLS)
    row = next(r for r in range(calls.model.rowCount()) if calls.model.record(r).contact_id)
    calls.select_row(row)
    record = calls.selected()
    desk.window.print_action.trigger()
    assert len(previews) == 1
    assert contacts.get(desk.store, record.contact_id).name in pdf_text(previews[0])


def test_ctrl_p_in_contacts_prints_the_selected_contact_not_the_first(desk, previews):
    desk.window.tabs.setCurrentIndex(TAB_CONTACTS)
    desk.window.contacts.results.setCurrentCell(2, 0)
    chosen = contacts.get(desk.store, desk.window.contacts.current_id())
    first = contacts.get(desk.store, desk.window.contacts.results.item(0, 0).data(256))
    desk.window.print_action.trigger()
    text = pdf_text(previews[0])
    assert chosen.name in text and first.name not in text


def test_ctrl_p_in_calls_on_a_call_from_no_contact_prints_nothing(desk, previews):
    calls = desk.window.calls
    desk.window.tabs.setCurrentIndex(TAB_CALLS)
    row = next(r for r in range(calls.model.rowCount()) if not calls.model.record(r).contact_id)
    calls.select_row(row)
    desk.window.print_action.trigger()
    assert previews == []
    assert desk.window.statusBar().currentMessage().startswith("Nothing to print")


# -- presets and the Documents dialog ---------------------------------------------------


@pytest.mark.parametrize("preset", ["last_week", "last_month"])
def test_statistics_offer_last_week_and_last_month(desk, preset):
    choice = desk.window.stats.choice
    assert choice.period.findData(preset) >= 0
    choice.choose(preset)
    assert choice.dates() == periods.bounds(preset, date.today())
    stats = desk.window.stats.stats
    assert (stats.since, stats.until) == periods.bounds(preset, date.today())


def test_documents_open_on_the_period_chosen_in_statistics(desk, tmp_path):
    desk.window.tabs.setCurrentIndex(TAB_STATS)
    desk.window.stats.choice.choose("custom", date(2025, 3, 3), date(2025, 3, 16))
    dialog = desk.open_documents()
    assert dialog.current_kind() == STATS
    assert dialog.period() == (date(2025, 3, 3), date(2025, 3, 16))
    assert "Période : 03/03/2025 au 16/03/2025" in pdf_text(dialog.build())
    dialog.close()
    desk.window.tabs.setCurrentIndex(TAB_CALLS)
    desk.window.stats.choice.choose("last_month")
    dialog = desk.open_documents()
    assert dialog.choice.preset() == "last_month"
    assert dialog.period() == periods.bounds("last_month", date.today())
    dialog.close()


# -- one figure on screen and on paper ---------------------------------------------------


@pytest.fixture
def month_store(tmp_path):
    store = Store(tmp_path / "month.sqlite")
    yield store, *a_month_of_calls(store)
    store.close()


@pytest.mark.parametrize(("language", "share", "per_day"), [
    ("en", "25.0%", "a day on average, weekends included"),
    ("fr", f"25,0{NBSP}%", "par jour en moyenne, week-ends compris"),
])
def test_the_contract_share_on_screen_is_the_reports(qtbot, month_store, tmp_path, language,
                                                    share, per_day):
    store, since, until = month_store
    switch = i18n.LanguageSwitch()
    switch.apply(language)
    try:
        tab = StatsTab(store)
        qtbot.addWidget(tab)
        tab.choice.choose("custom", since, until)
        assert tab.stats.contract_calls == 186 and tab.stats.total == 745
        assert tab.share.figure == share
        assert per_day in tab.figures.text()
    finally:
        switch.apply("en")
    from customscreen.paper import documents

    out = tmp_path / "stats.pdf"
    documents.print_stats(store, since, until, out, region="FR")
    assert "Appels de clients sous contrat 25,0 %" in pdf_text(out)
