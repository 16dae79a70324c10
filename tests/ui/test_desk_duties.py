"""What the desk does besides calls: one reader per modem, daily chores, backup warnings."""

from __future__ import annotations

from customscreen.storage import ownership


def test_a_modem_read_by_another_program_is_reported_not_opened(desk, tmp_path) -> None:
    device = str(tmp_path / "ttyUSB0")
    other = ownership.claim_device(device)  # another program holds the modem
    assert isinstance(other, ownership.Claim)
    try:
        problems = desk.open_sources([f"modem:{device}?profile=auto"])
    finally:
        other.release()
    (problem,) = problems
    assert "already used by process" in problem
    assert desk.device_claims == []


def test_the_desk_warns_of_an_old_backup_and_takes_the_daily_one(desk, qtbot) -> None:
    said = []
    desk.chores_said.connect(said.append)
    desk.start()
    # A demo office has never been backed up: the desk says so, then backs up.
    qtbot.waitUntil(lambda: any("backup written and verified" in s.text for s in said),
                    timeout=15000)
    assert any("never been backed up" in s.text for s in said)
    assert "backup" in desk.window.statusBar().currentMessage()
    assert list((desk.store.path.parent / "backups").glob("customscreen-*.sqlite"))
