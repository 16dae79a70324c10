"""A big import from the desk: off the UI thread, with progress, cancel, and calls still popping."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from customscreen import contacts
from customscreen.contacts import import_batches
from customscreen.storage.store import StoreError
from telephony.events import CallerId
from telephony.simulator import DemoLine
from tests.customscreen.test_contacts_import_batches import book

# Enough rows that the import takes seconds on this machine, not enough to make
# the suite slow.
BIG = 30_000
DUPONT = "+33536490123"  # a caller under contract in the demo firm


def big_sheet(tmp_path: Path, rows: int = BIG) -> Path:
    path = tmp_path / "clients.csv"
    lines = ["Nom;Société;Téléphone;Notes"]
    lines += [f"Client {i};Société {i % 5000};06{i:08d};client {i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def said(monkeypatch) -> dict[str, list[str]]:
    """What the contacts tab told the user, instead of modal message boxes."""
    from ui import contacts_tab

    boxes: dict[str, list[str]] = {"information": [], "warning": []}
    for kind in boxes:
        monkeypatch.setattr(contacts_tab.QMessageBox, kind, staticmethod(
            lambda parent, title, text, kind=kind: boxes[kind].append(text)))
    return boxes


def ring_from_a_line_thread(desk, number: str) -> None:
    """Deliver a call as a line does: from its own thread, not the UI thread."""
    line = DemoLine("demo:", interval=0, ring=0)
    event = CallerId(f"import-{time.monotonic_ns()}", datetime.now().astimezone(), "0536490123",
                     "DUPONT SARL")
    thread = threading.Thread(target=desk.board.receive, args=(line, event), name="line")
    thread.start()
    thread.join()


def card_of(desk, number: str):
    return next((c for c in desk.cards.cards if c.call.number == number), None)


def test_a_call_ringing_during_a_big_import_pops_before_it_ends(desk, qtbot, tmp_path,
                                                               said) -> None:
    tab = desk.window.contacts
    tab.search.setText("Client 2999")
    assert tab.results.rowCount() == 0
    op = tab.import_contacts(big_sheet(tmp_path))
    stages: list[str] = []
    op.progressed.connect(lambda p: stages.append(p.stage))
    qtbot.waitUntil(lambda: import_batches.WRITING in stages, timeout=60_000)
    journaled = len(desk.store.query("SELECT id FROM calls WHERE number = ?", (DUPONT,)))

    ring_from_a_line_thread(desk, DUPONT)
    qtbot.waitUntil(lambda: card_of(desk, DUPONT) is not None or not op.running, timeout=10_000)
    assert op.running, "the card waited for the import to finish"
    assert card_of(desk, DUPONT).call.caller.name == "Dupont SARL"
    assert len(desk.store.query(
        "SELECT id FROM calls WHERE number = ?", (DUPONT,))) == journaled + 1

    with qtbot.waitSignal(op.ended, timeout=120_000):
        pass
    assert op.outcome == "succeeded"
    assert said["information"] == ["30,000 imported, 0 updated, 0 refused."]
    # The tab refreshed itself from the operation's changes, with the search kept.
    assert tab.search.text() == "Client 2999"
    assert tab.results.item(0, 0).text() == "Client 2999"
    assert tab.importing is None


def test_progress_reaches_the_dialog_and_cancel_leaves_the_contacts_as_they_were(
        desk, qtbot, tmp_path, said) -> None:
    before = book(desk.store)
    tab = desk.window.contacts
    op = tab.import_contacts(big_sheet(tmp_path))
    dialog = tab.import_progress
    qtbot.waitUntil(lambda: dialog.labelText().startswith("Importing contacts…")
                    and dialog.value() > 600, timeout=60_000)
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.labelText().endswith(" of 30,001")  # lines, with the header
    assert dialog.maximum() == 1000

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.labelText().startswith("Cancelling…")
    assert not dialog.cancel_button.isEnabled()
    assert dialog.isVisible(), "the dialog stays up until the import is taken back"
    with qtbot.waitSignal(op.ended, timeout=60_000):
        pass
    assert op.outcome == "cancelled"
    assert book(desk.store) == before
    assert contacts.search(desk.store, "Client") == []
    assert said == {"information": [], "warning": []}
    assert tab.importing is None


def test_a_file_that_cannot_be_read_is_explained_and_changes_nothing(desk, qtbot, tmp_path,
                                                                     said) -> None:
    before = book(desk.store)
    op = desk.window.contacts.import_contacts(tmp_path / "gone.csv")
    with qtbot.waitSignal(op.ended, timeout=10_000):
        pass
    (message,) = said["warning"]
    assert f"{tmp_path / 'gone.csv'}: cannot be read" in message
    assert message.endswith("Nothing was imported: the contacts are as they were.")
    assert book(desk.store) == before


def test_bad_rows_are_offered_to_skip_and_nothing_is_imported_unless_asked(
        desk, qtbot, tmp_path, said, monkeypatch) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Name,Phone\nGood One,0536490999\nBad,call me maybe\n", encoding="utf-8")
    before = book(desk.store)
    offered: list[list[str]] = []
    answer = {"skip": False}
    monkeypatch.setattr(desk.window.contacts, "_offer_skip",
                        lambda problems: offered.append(problems) or answer["skip"])
    op = desk.window.contacts.import_contacts(path)
    with qtbot.waitSignal(op.ended, timeout=10_000):
        pass
    assert offered == [[f"{path}:3: Phone 'call me maybe' is not a phone number"]]
    assert book(desk.store) == before and said["information"] == []

    answer["skip"] = True
    desk.window.contacts.import_contacts(path)
    qtbot.waitUntil(lambda: said["information"] != [], timeout=10_000)
    assert said["information"] == ["1 imported, 0 updated, 1 refused."]
    assert contacts.find_caller(desk.store, "+33536490999").name == "Good One"


def test_a_write_failing_part_way_is_explained_and_taken_back(desk, qtbot, tmp_path, said,
                                                              monkeypatch) -> None:
    before = book(desk.store)
    insert_many, batches = contacts.insert_many, []

    def failing(conn, new, names):
        batches.append(len(new))
        if len(batches) == 4:
            raise StoreError(f"{desk.store.path}: the disk is full; free some space")
        insert_many(conn, new, names)

    monkeypatch.setattr(import_batches.contacts, "insert_many", failing)
    op = desk.window.contacts.import_contacts(big_sheet(tmp_path, 3_000))
    with qtbot.waitSignal(op.ended, timeout=60_000):
        pass
    assert op.outcome == "failed"
    (message,) = said["warning"]
    assert "the disk is full" in message and "Nothing was imported" in message
    assert book(desk.store) == before


def test_closing_the_window_during_an_import_takes_it_back_first(desk, qtbot, tmp_path,
                                                                 said) -> None:
    before = book(desk.store)
    op = desk.window.contacts.import_contacts(big_sheet(tmp_path))
    stages: list[str] = []
    op.progressed.connect(lambda p: stages.append(p.stage))
    qtbot.waitUntil(lambda: import_batches.WRITING in stages, timeout=60_000)
    desk.window.close()  # waits for the import to stop and take back what it wrote
    assert op.done.is_set()
    assert book(desk.store) == before
