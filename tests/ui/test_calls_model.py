"""The journal's table reads one page of a huge journal, not the journal."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QTableView

from tests.conftest import wait_until
from ui.calls_model import KEPT_PAGES, PAGE_SIZE, CallsModel

CALLS = 200_000
START = datetime(2016, 1, 4, 8, 0).astimezone()


def started(i: int) -> str:
    return (START + timedelta(minutes=13 * i)).isoformat()


def fill(store, n: int) -> None:
    rows = (("modem", f"big-{i}", started(i),
             f"+3353649{i % 10000:04d}", "available", "pop", "answered")
            for i in range(n))
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO calls(source, source_key, started_at, number, presentation, decision, "
            "outcome) VALUES (?,?,?,?,?,?,?)", rows)


def test_a_huge_journal_opens_on_one_page(store, qtbot):
    fill(store, CALLS)
    model = CallsModel(store, "FR")
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.pages_read >= 1)

    assert model.rowCount() == CALLS
    assert model.pages_read == 1
    assert model.loaded_rows() == PAGE_SIZE
    assert model.record(0).started_at == started(CALLS - 1)  # newest first

    view.scrollToBottom()
    # The view has painted the bottom rows: it asked for the page that holds them.
    wait_until(lambda: model.pages_read > 1, 5, "the view to read the last page",
               idle=lambda s: qtbot.wait(int(s * 1000)))
    assert model.record(CALLS - 1).started_at == started(0)
    assert model.loaded_rows() <= KEPT_PAGES * PAGE_SIZE


def test_a_new_call_appears_at_the_top(desk, qtbot):
    model = desk.window.calls.model
    total = model.rowCount()
    from telephony.events import CallerId
    from telephony.simulator import DemoLine

    desk.board.receive(DemoLine("demo:", interval=0, ring=0),
                       CallerId("new", datetime.now().astimezone(), "0536490123", "DUPONT SARL"))
    # The journal reloads within a tenth of a second, once for a burst of calls.
    qtbot.waitUntil(lambda: model.rowCount() == total + 1, timeout=2000)
    assert model.data(model.index(0, 2)) == "Dupont SARL"


def test_a_caller_name_journaled_before_names_were_cleaned_reads_in_order(store, qtbot):
    with store.transaction() as conn:
        conn.execute("INSERT INTO calls(source, source_key, started_at, number, network_name, "
                     "presentation, decision, outcome) VALUES ('modem', 'k', ?, '+33536490123', "
                     "?, 'available', 'pop', 'answered')", (started(0), "\u202eSARL Dupont\x00"))
    model = CallsModel(store, "FR")
    caller = model.index(0, model.COLUMNS.index("caller"))
    wait_until(lambda: model.data(caller) is not None)
    assert model.data(caller) == "SARL Dupont"
