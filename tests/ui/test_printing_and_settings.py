"""Printing a card, and the settings dialog writing what it shows."""

from __future__ import annotations

from customscreen import contacts
from customscreen.storage import settings, users
from ui import printing
from ui.settings_dialog import SettingsDialog


def test_card_prints_to_a_pdf(desk_store):
    caller = contacts.find_caller(desk_store, "+33536490123")
    target = printing.card_pdf(desk_store, caller.id, "FR")
    assert target.read_bytes().startswith(b"%PDF")


def test_print_button_says_so_when_printing_is_not_installed(desk_store, monkeypatch, qtbot):
    told = []
    monkeypatch.setattr(printing, "card_pdf", lambda *a: (_ for _ in ()).throw(ImportError()))
    monkeypatch.setattr(printing.QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    assert printing.print_card(desk_store, 1, "FR", None) is None
    assert told and "not installed" in told[0]


def test_settings_dialog_saves_lines_language_schedule_and_identity(desk_store, qtbot):
    dialog = SettingsDialog(desk_store)
    qtbot.addWidget(dialog)
    assert dialog.business[settings.BUSINESS_NAME].text() == "Chauffage Garonne SARL"
    dialog.lines._append("fritzbox://192.168.178.1:1012")
    dialog.lines._append("demo:")
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.schedule.setPlainText("Lun-Ven 08:00-10:00 prioritaire")
    dialog.business[settings.BUSINESS_FAX].setText("05 36 49 00 09")
    dialog.accept()
    assert settings.sources(desk_store) == ["fritzbox://192.168.178.1:1012", "demo:"]
    assert desk_store.setting(settings.LANGUAGE.key) == "fr"
    assert desk_store.setting(settings.SCHEDULE.key) == "Lun-Ven 08:00-10:00 prioritaire"
    assert settings.business(desk_store)[settings.BUSINESS_FAX] == "05 36 49 00 09"


def test_sip_line_url_is_built_from_the_account_fields(desk_store, qtbot):
    dialog = SettingsDialog(desk_store)
    qtbot.addWidget(dialog)
    page = dialog.lines
    page.sip_user.setText("accueil")
    page.sip_password.setText("s3cret@")
    page.sip_host.setText("pbx.local")
    assert page.sip_url() == "sip://accueil@pbx.local"
    assert page.sip_url(with_secret=True) == "sip://accueil:s3cret%40@pbx.local"
    assert users.list_users(desk_store)[0] == dialog.user_list.item(0).text()


def test_sip_password_is_kept_apart_from_the_settings(desk_store, qtbot, monkeypatch):
    from customscreen.storage import passwords

    kept = {}
    monkeypatch.setattr(passwords, "set_sip_password",
                        lambda user, host, secret: kept.setdefault((user, host), secret))
    dialog = SettingsDialog(desk_store)
    qtbot.addWidget(dialog)
    dialog.lines.sip_user.setText("accueil")
    dialog.lines.sip_password.setText("s3cret@")
    dialog.lines.sip_host.setText("pbx.local")
    dialog.lines._add_sip()
    dialog.accept()
    assert settings.sources(desk_store) == ["sip://accueil@pbx.local"]
    assert kept == {("accueil", "pbx.local"): "s3cret@"}
    assert "s3cret" not in "".join(str(r[0]) for r in desk_store.query(
        "SELECT value FROM settings"))


def test_autostart_box_writes_the_login_entry(desk_store, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = SettingsDialog(desk_store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.autostart.isChecked()
    dialog.autostart.setChecked(True)
    dialog.accept()
    entry = tmp_path / "config" / "autostart" / "fr.customscreen.CustomScreen.desktop"
    assert "Exec=" in entry.read_text()


def test_settings_dialog_refuses_a_region_that_is_not_two_letters(desk_store, qtbot,
                                                                   monkeypatch):
    from ui import settings_dialog

    told = []
    monkeypatch.setattr(settings_dialog.QMessageBox, "warning",
                        lambda parent, title, text: told.append(text))
    dialog = SettingsDialog(desk_store)
    qtbot.addWidget(dialog)
    dialog.region.setText("F1")
    dialog.business[settings.BUSINESS_FAX].setText("05 36 49 00 09")
    dialog.accept()
    assert told and "two letters" in told[0]
    assert desk_store.setting(settings.REGION.key) == "FR", "nothing is written"
    assert settings.business(desk_store)[settings.BUSINESS_FAX] == "05 36 49 00 01"
