"""A SIP password typed in a line's address, in the settings dialog or the first-run
wizard, goes to the keyring (here: the private file) and never into the database,
and the line saved without it still registers at a real PBX (kamailio)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QWizard

from customscreen.storage import passwords, settings
from customscreen.storage.store import Store
from tests.reliability.processes import ENV, Listening
from tests.telephony.peers.harness import kamailio
from ui import firstrun
from ui.settings_dialog import SettingsDialog

SECRET = "Zq7s3cretQ"




def _raw(store: Store) -> bytes:
    """Every byte of the database as it is on disk now, its WAL included."""
    wal = store.path.with_name(store.path.name + "-wal")
    return store.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_settings_dialog_moves_a_typed_password_to_the_keyring(
        qtbot, store: Store, config_dir: Path) -> None:
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert ":secret@" not in dialog.lines.sources.placeholderText()
    assert "kept apart" in dialog.lines.password_hint.text()
    dialog.lines.sources.setPlainText(f"demo:\nsip://201:{SECRET}@pbx.local:5080?expires=120")
    dialog.accept()

    assert settings.sources(store) == ["demo:", "sip://201@pbx.local:5080?expires=120"]
    assert dialog.lines.sources.toPlainText() == "demo:\nsip://201@pbx.local:5080?expires=120"
    assert SECRET.encode() not in _raw(store)
    assert passwords.sip_password("201", "pbx.local") == SECRET
    assert passwords.with_password("sip://201@pbx.local:5080?expires=120") == (
        f"sip://201:{SECRET}@pbx.local:5080?expires=120")


def _wizard_to_the_end(qtbot, store: Store, server: str, user: str, password: str) -> str:
    wizard = firstrun.FirstRunWizard(store, ports=[])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.business_page.name.setText("Plomberie Dupont SARL")
    wizard.next()
    wizard.line_page.sip.setChecked(True)
    wizard.line_page.sip_server.setText(server)
    wizard.line_page.sip_user.setText(user)
    wizard.line_page.sip_password.setText(password)
    wizard.next()
    wizard.users_page.new_name.setText("Sophie")
    wizard.next()
    summary = wizard.ready_page.summary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    return summary


@pytest.mark.parametrize("server", [f"sip://201:{SECRET}@pbx.local", f"201:{SECRET}@pbx.local"])
def test_wizard_keeps_a_password_pasted_with_the_server_apart(
        qtbot, store: Store, config_dir: Path, server: str) -> None:
    summary = _wizard_to_the_end(qtbot, store, server, "201", "")
    assert SECRET not in summary and "201@pbx.local" in summary
    assert settings.sources(store) == ["sip://201@pbx.local"]
    assert SECRET.encode() not in _raw(store)
    assert passwords.sip_password("201", "pbx.local") == SECRET


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_a_line_saved_by_the_dialog_still_registers_through_listen(
        qtbot, store: Store, config_dir: Path, tmp_path: Path) -> None:
    with kamailio(tmp_path / "kamailio", user="reception", password=SECRET) as pbx_port:
        dialog = SettingsDialog(store)
        qtbot.addWidget(dialog)
        dialog.lines.sources.setPlainText(
            f"sip://reception:{SECRET}@127.0.0.1:{pbx_port}?bind=127.0.0.1:0")
        dialog.accept()
        [saved] = settings.sources(store)
        assert SECRET not in saved and SECRET.encode() not in _raw(store)

        journal = tmp_path / "listen.sqlite"
        Store(journal).close()
        env = {**ENV, "CUSTOMSCREEN_CONFIG_DIR": str(config_dir),
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        listener = Listening(journal, saved, env=env)
        try:
            line = listener.next(timeout=20)
        finally:
            listener.kill()
    assert (line["event"], line["state"]) == ("line", "up"), line
    assert "ps shows the password" not in listener.stderr(), "no password was typed"


def test_a_password_that_cannot_be_kept_apart_is_not_saved_at_all(
        qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import settings_dialog

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the password folder would go")
    monkeypatch.setenv("CUSTOMSCREEN_CONFIG_DIR", str(blocked))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    told: list[str] = []
    monkeypatch.setattr(settings_dialog.QMessageBox, "warning",
                        lambda parent, title, text: told.append(text))
    try:
        dialog = SettingsDialog(store)
        qtbot.addWidget(dialog)
        dialog.lines.sources.setPlainText(f"sip://201:{SECRET}@pbx.local")
        dialog.accept()
        with pytest.raises(passwords.PasswordError, match="201@pbx.local"):
            settings.set_sources(store, [f"sip://201:{SECRET}@pbx.local"])
    finally:
        keyring.set_keyring(previous)
    assert len(told) == 1 and "cannot keep the password of 201@pbx.local apart" in told[0]
    assert dialog.result() != dialog.DialogCode.Accepted, "the dialog stays open"
    assert settings.sources(store) == []
    assert SECRET.encode() not in _raw(store)
