"""What the first-run wizard asks, as plain values, and how the answers are written.

No Qt here: the pages (``ui.firstrun_pages``, ``ui.firstrun_line``) fill an
``Answers``, and ``save_answers`` writes it in one go when the wizard is
finished. Cancelling writes nothing, so the wizard comes back at the next start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from customscreen.storage import settings, users
from customscreen.storage.store import Store

# The FRITZ!Box's own address out of the box; most offices never change it.
FRITZBOX_DEFAULT = "192.168.178.1"
MODEM, SIP, FRITZBOX, DEMO = "modem", "sip", "fritzbox", "demo"
#: The identity the wizard asks for; the logo and signature wait for the settings dialog.
ASKED = (settings.BUSINESS_NAME, settings.BUSINESS_ADDRESS, settings.BUSINESS_PHONE,
         settings.BUSINESS_FAX, settings.BUSINESS_EMAIL)


@dataclass
class Answers:
    """What the wizard asked, as plain values: what ``save_answers`` writes."""

    language: str = "fr"
    business: dict[settings.Setting[str], str] = field(default_factory=dict)
    region: str = "FR"
    line: str = DEMO
    modem_port: str = ""
    sip_server: str = ""
    sip_user: str = ""
    sip_password: str = ""
    fritzbox_host: str = FRITZBOX_DEFAULT
    users: list[str] = field(default_factory=list)
    autostart: bool = False


def needs_first_run(store: Store) -> bool:
    """True until the wizard has been finished once.

    A database set up before the wizard existed (it has a line and users) is
    not asked again: the office is already working.
    """
    if settings.get(store, settings.FIRST_RUN_DONE):
        return False
    return not (settings.sources(store) and users.list_users(store))


def source_url(answers: Answers) -> str:
    """The ``sources`` line for the chosen line, without any password in it."""
    if answers.line == MODEM:
        return f"modem:{answers.modem_port.strip()}?profile=auto"
    if answers.line == SIP:
        return f"sip://{quote(answers.sip_user.strip(), safe='')}@{answers.sip_server.strip()}"
    if answers.line == FRITZBOX:
        return f"fritzbox://{answers.fritzbox_host.strip()}:1012"
    return "demo:"


def save_answers(store: Store, answers: Answers) -> None:
    """Write the configuration, the users and that the first run is done, in one transaction."""
    url = source_url(answers)
    if answers.line == SIP:
        url = _keep_sip_password(url, answers)
    values: dict[settings.Setting[Any], object] = {
        setting: answers.business.get(setting, "").strip() for setting in ASKED}
    values |= {
        settings.LANGUAGE: answers.language,
        settings.REGION: answers.region,
        settings.SOURCES: [url],
        settings.FIRST_RUN_DONE: True,
    }
    with store.transaction():
        settings.set_many(store, values)
        for name in answers.users:
            users.add_user(store, name)
        if answers.users and not settings.get(store, settings.CURRENT_USER):
            settings.put(store, settings.CURRENT_USER, answers.users[0])
    if answers.autostart:
        from customscreen.care import autostart

        autostart.enable()


def _keep_sip_password(url: str, answers: Answers) -> str:
    """The password goes to the keyring (``customscreen.care.passwords``), never the database.

    An install without that module keeps it in the URL, as the line expects.
    """
    try:
        from customscreen.care import passwords
    except ImportError:
        user, rest = url.removeprefix("sip://").split("@", 1)
        return f"sip://{user}:{quote(answers.sip_password, safe='')}@{rest}"
    passwords.set_sip_password(
        answers.sip_user.strip(), answers.sip_server.strip(), answers.sip_password
    )
    return url

