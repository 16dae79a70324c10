"""What the first-run wizard asks, as plain values, and how the answers are written.

No Qt here: the pages (``ui.firstrun_pages``, ``ui.firstrun_line``) fill an
``Answers``, and ``save_answers`` writes it in one go when the wizard is
finished. Cancelling writes nothing, so the wizard comes back at the next start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

from customscreen.storage import passwords, settings, users
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
        user, _, server = _sip_fields(answers)
        return f"sip://{quote(user, safe='')}@{server}"
    if answers.line == FRITZBOX:
        return f"fritzbox://{answers.fritzbox_host.strip()}:1012"
    return "demo:"


def sip_account(answers: Answers) -> str:
    """``201@pbx.local``: the SIP account as the wizard's summary shows it, no password."""
    user, _, server = _sip_fields(answers)
    return f"{user}@{server}"


def _sip_fields(answers: Answers) -> tuple[str, str, str]:
    """(user, password, server) as typed, whichever fields they were typed in.

    People paste the whole account into the Server field, as their PBX's
    sheet writes it (``sip://201:secret@pbx.local``, ``201:secret@pbx.local``):
    it gives the user and password the other fields leave empty, and never
    goes into the line's address with them.
    """
    server = answers.sip_server.strip()
    if server.lower().startswith("sip:"):
        server = server[len("sip:"):].lstrip("/")
    user, password = answers.sip_user.strip(), answers.sip_password
    if "@" in server:
        typed, _, server = server.rpartition("@")
        typed_user, _, typed_password = typed.partition(":")
        user = user or unquote(typed_user)
        password = password or unquote(typed_password)
    return user, password, server


def save_answers(store: Store, answers: Answers) -> None:
    """Write the configuration, the users and that the first run is done, in one transaction.

    A SIP password goes to the keyring (or the private file) through
    ``passwords.take_from_url``, never to the database; if it cannot be kept,
    ``passwords.PasswordError`` is raised and nothing is written.
    """
    url = source_url(answers)
    if answers.line == SIP:
        user, password, server = _sip_fields(answers)
        if password:
            url = passwords.take_from_url(
                f"sip://{quote(user, safe='')}:{quote(password, safe='')}@{server}")
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
