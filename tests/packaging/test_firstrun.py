"""The first-run wizard, driven as the person installing the office would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWizard

from customscreen.storage import settings, users
from customscreen.storage.store import Store
from telephony.modem.fake import FakeModem
from ui import firstrun
from ui.firstrun import FirstRunWizard, needs_first_run
from ui.firstrun_line import SEARCHING

PORTS = [("/dev/ttyUSB0", "USB Modem CX93010"), ("/dev/ttyS0", "/dev/ttyS0")]
SHOTS = Path(os.environ.get("FIRSTRUN_SHOTS", "")) if os.environ.get("FIRSTRUN_SHOTS") else None


@pytest.fixture(autouse=True)
def english_afterwards():
    """The wizard switches the application's language; put it back for the other tests."""
    locale = QLocale()
    yield
    firstrun.i18n.LanguageSwitch().apply("en")
    QLocale.setDefault(locale)


@pytest.fixture
def no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """SIP passwords go to a private file in tmp, never the tester's real keyring."""
    monkeypatch.setenv("CUSTOMSCREEN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)
    return tmp_path / "config"


def _wizard(qtbot, store: Store, ports=PORTS) -> FirstRunWizard:
    wizard = FirstRunWizard(store, ports=ports)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _shot(wizard: FirstRunWizard, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        wizard.grab().save(str(SHOTS / f"{name}.png"))


def _fill_business(wizard: FirstRunWizard) -> None:
    page = wizard.business_page
    page.name.setText("Plomberie Dupont SARL")
    page.address.setPlainText("12 rue des Lilas\n31000 Toulouse")
    page.phone.setText("05 36 49 01 23")
    page.fax.setText("05 36 49 01 24")
    page.email.setText("accueil@plomberie-dupont.fr")


def test_a_new_database_needs_the_wizard_and_a_working_one_does_not(store: Store) -> None:
    assert needs_first_run(store)
    settings.set_sources(store, ["demo:"])
    users.add_user(store, "Claire")
    assert not needs_first_run(store), "an office set up before the wizard is not asked again"


def test_modem_office_written_in_full(qtbot, store: Store, tmp_path: Path) -> None:
    with FakeModem() as modem:
        _modem_office(qtbot, store, [(modem.device, "USB Modem CX93010"),
                                     (str(tmp_path / "ttyS0"), "n/a")], modem.device)


def _modem_office(qtbot, store: Store, ports: list[tuple[str, str]], device: str) -> None:
    wizard = _wizard(qtbot, store, ports)
    wizard.language_page.english.setChecked(True)
    _shot(wizard, "1-language")
    wizard.next()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "a name is required"
    _fill_business(wizard)
    wizard.business_page.region.setCurrentIndex(wizard.business_page.region.findData("BE"))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _shot(wizard, "2-business")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.line_page.search != SEARCHING)
    assert wizard.line_page.modem.isChecked(), "with a modem plugged in, the modem is proposed"
    _shot(wizard, "3-line")
    wizard.next()
    wizard.users_page.names.clear()
    wizard.users_page.new_name.setText("Claire")
    wizard.users_page._add()
    wizard.users_page.new_name.setText("Karim")  # typed, not added: Next adds it
    _shot(wizard, "4-users")
    wizard.next()
    assert "Plomberie Dupont SARL" in wizard.ready_page.summary.text()
    assert device in wizard.ready_page.summary.text()
    _shot(wizard, "5-ready")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert settings.business(store)[settings.BUSINESS_NAME] == "Plomberie Dupont SARL"
    assert settings.business(store)[settings.BUSINESS_ADDRESS] == "12 rue des Lilas\n31000 Toulouse"
    assert store.setting("business.fax") == "05 36 49 01 24"
    assert store.setting("business.email") == "accueil@plomberie-dupont.fr"
    assert store.setting(settings.REGION.key) == "BE"
    assert store.setting(settings.LANGUAGE.key) == "en"
    assert settings.sources(store) == [f"modem:{device}?profile=auto"]
    assert users.list_users(store) == ["Claire", "Karim"]
    assert store.setting("firstrun.done") == "1"
    assert not needs_first_run(store)


def test_sip_password_is_kept_out_of_the_database(qtbot, store: Store, no_keyring: Path) -> None:
    wizard = _wizard(qtbot, store, ports=[])
    wizard.next()
    _fill_business(wizard)
    wizard.next()
    assert wizard.line_page.demo.isChecked(), "no modem: the demo line is proposed"
    wizard.line_page.sip.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.line_page.sip_server.setText("pbx.local")
    wizard.line_page.sip_user.setText("201")
    wizard.line_page.sip_password.setText("s3cret:/@")
    wizard.next()
    wizard.users_page.new_name.setText("Sophie")
    wizard.next()
    wizard.accept()

    assert settings.sources(store) == ["sip://201@pbx.local"]
    assert "s3cret" not in str([tuple(r) for r in store.query("SELECT * FROM settings")])
    from customscreen.storage import passwords

    assert passwords.sip_password("201", "pbx.local") == "s3cret:/@"
    assert passwords.with_password("sip://201@pbx.local") == "sip://201:s3cret%3A%2F%40@pbx.local"


@pytest.mark.parametrize(("choice", "expected"), [
    ("fritzbox", "fritzbox://192.168.178.1:1012"),
    ("demo", "demo:"),
])
def test_other_lines(qtbot, store: Store, choice: str, expected: str) -> None:
    wizard = _wizard(qtbot, store, ports=[])
    wizard.next()
    _fill_business(wizard)
    wizard.next()
    getattr(wizard.line_page, choice).setChecked(True)
    wizard.next()
    wizard.users_page.new_name.setText("Marc")
    wizard.next()
    wizard.accept()
    assert settings.sources(store) == [expected]
    assert users.list_users(store) == ["Marc"]


def test_cancel_writes_nothing(qtbot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    wizard.next()
    _fill_business(wizard)
    wizard.reject()
    assert store.setting("business.name") is None
    assert needs_first_run(store)


def test_french_is_chosen_on_the_first_page(qtbot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    wizard.language_page.french.setChecked(True)
    assert wizard.language_switch.current == "fr"
    wizard.next()
    _fill_business(wizard)
    wizard.next()
    wizard.next()
    wizard.users_page.new_name.setText("Claire")
    wizard.next()
    wizard.accept()
    assert store.setting(settings.LANGUAGE.key) == "fr"


def test_bad_email_keeps_next_disabled(qtbot, store: Store) -> None:
    wizard = _wizard(qtbot, store)
    wizard.next()
    _fill_business(wizard)
    wizard.business_page.email.setText("accueil-at-dupont")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_autostart_box_writes_the_login_entry(qtbot, store: Store, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    wizard = _wizard(qtbot, store)
    wizard.next()
    _fill_business(wizard)
    wizard.next()
    wizard.next()
    wizard.users_page.new_name.setText("Claire")
    wizard.next()
    assert wizard.ready_page.autostart.isVisible()
    wizard.ready_page.autostart.setChecked(True)
    wizard.accept()
    entry = tmp_path / "xdg" / "autostart" / "fr.customscreen.CustomScreen.desktop"
    assert "X-GNOME-Autostart-enabled=true" in entry.read_text()
