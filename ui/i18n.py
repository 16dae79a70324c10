"""The desk's two languages: installing the translator, and the words for codes.

Every code the library stores in English (an outcome, a routing reason, a
contract status) is turned into words here, at display time, so a French desk
shows French for calls journaled by an English one.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from customscreen.bulletins import Bulletin
from customscreen.paper.statistics import format_share

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGES = ("system", "fr", "en")


# lupdate finds the strings by this name: translate("Context", "text").
translate = QCoreApplication.translate


def resolve(choice: str | None) -> str:
    """``fr`` or ``en`` for a setting of ``system``, ``fr`` or ``en``."""
    if choice in ("fr", "en"):
        return choice
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


class LanguageSwitch:
    """Installs and removes the translators; Qt then sends LanguageChange to every widget."""

    # Shared by every switch: the translators belong to the one application,
    # and a second desk (a test, the demo) must remove what the first installed.
    _installed: list[QTranslator] = []

    def __init__(self) -> None:
        self.current = "en"

    def apply(self, choice: str | None) -> str:
        code = resolve(choice)
        app = QCoreApplication.instance()
        for translator in LanguageSwitch._installed:
            app.removeTranslator(translator)
        LanguageSwitch._installed = installed = []
        if code == "fr":
            QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
            ours = QTranslator(app)
            if ours.load(str(TRANSLATIONS / "customscreen_fr.qm")):
                installed.append(ours)
            # Qt's own words: the OK/Cancel of standard buttons, the file dialog.
            qt = QTranslator(app)
            if qt.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                installed.append(qt)
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        for translator in installed:
            app.installTranslator(translator)
        if not installed:
            # Nothing installed means no LanguageChange: send one so views re-read the locale.
            from PySide6.QtCore import QEvent

            QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
        self.current = code
        return code


# -- the local way of writing numbers and dates --------------------------------


def number(value: float, decimals: int = 0) -> str:
    if decimals:
        return QLocale().toString(float(value), "f", decimals)
    return QLocale().toString(int(value))


def share(value: float) -> str:
    """A share of calls ("25,0 %"), rounded as the printed report rounds it."""
    language = "fr" if QLocale().language() == QLocale.Language.French else "en"
    return format_share(value, language)


def when(iso: str | None) -> str:
    """A journal timestamp (ISO with offset) or a date, the local short way."""
    if not iso:
        return ""
    if len(iso) <= 10:
        return day(date.fromisoformat(iso))
    moment = datetime.fromisoformat(iso)
    qt = QDateTime(QDate(moment.year, moment.month, moment.day), moment.time())
    return QLocale().toString(qt, QLocale.FormatType.ShortFormat)


def day(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day),
                              QLocale.FormatType.ShortFormat)


def duration(seconds: int | None) -> str:
    if not seconds:
        return ""
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


# -- words for the library's codes -----------------------------------------------


def outcome(code: str | None) -> str:
    words = {
        "answered": translate("Words", "Answered"),
        "missed": translate("Words", "Missed"),
        "diverted": translate("Words", "Diverted"),
        "blocked": translate("Words", "Blocked"),
    }
    return words.get(code or "", translate("Words", "Ringing") if code is None else code)


def decision(code: str) -> str:
    words = {
        "pop": translate("Words", "Card shown"),
        "divert": translate("Words", "Sent to voicemail"),
        "block": translate("Words", "Blocked"),
    }
    return words.get(code, code)


def contract(status: str) -> str:
    words = {
        "active": translate("Words", "Active contract"),
        "expired": translate("Words", "Expired contract"),
        "none": translate("Words", "No contract"),
    }
    return words.get(status, status)


def contract_status(status: str) -> str:
    words = {
        "active": translate("Words", "active"),
        "expired": translate("Words", "expired"),
        "none": translate("Words", "none"),
    }
    return words.get(status, status)


def queue_state(state: str) -> str:
    words = {
        "new": translate("Words", "New"),
        "forwarded": translate("Words", "Forwarded"),
        "called_back": translate("Words", "Called back"),
        "closed": translate("Words", "Closed"),
    }
    return words.get(state, state)


def mode(code: str) -> str:
    words = {
        "normal": translate("Words", "Normal"),
        "priority": translate("Words", "Busy day"),
        "closed": translate("Words", "Closed"),
    }
    return words.get(code, code)


def line_state(code: str) -> str:
    words = {
        "up": translate("Words", "connected"),
        "reconnecting": translate("Words", "reconnecting"),
        "down": translate("Words", "down"),
        "none": translate("Words", "no line"),
    }
    return words.get(code, code)


def line_type(text: str) -> str:
    words = {
        "mobile": translate("Words", "mobile"),
        "landline": translate("Words", "landline"),
        "landline or mobile": translate("Words", "landline or mobile"),
        "toll-free": translate("Words", "toll-free"),
        "premium rate": translate("Words", "premium rate"),
        "shared cost": translate("Words", "shared cost"),
        "internet telephony": translate("Words", "internet telephony"),
        "personal number": translate("Words", "personal number"),
        "company number": translate("Words", "company number"),
    }
    return words.get(text, text)


def place(text: str) -> str:
    words = {
        "Paris and Île-de-France": translate("Words", "Paris and Île-de-France"),
        "north-west France": translate("Words", "north-west France"),
        "north-east France": translate("Words", "north-east France"),
        "south-east France": translate("Words", "south-east France"),
        "south-west France": translate("Words", "south-west France"),
    }
    return words.get(text, text)


def country(code: str) -> str:
    """A country's name from its ISO code, in the desk's language where Qt has it."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyCountry:
        return code
    local = QLocale(QLocale().language(), territory)
    if local.territory() == territory:  # Qt knows this language there: "Belgique"
        return local.nativeTerritoryName()
    return QLocale.territoryToString(territory)


def phone_label(code: str) -> str:
    words = {
        "phone": translate("Words", "phone"),
        "mobile": translate("Words", "mobile"),
        "fax": translate("Words", "fax"),
        "other": translate("Words", "other"),
    }
    return words.get(code, code)


def port_label(device: str, description: str) -> str:
    """A serial port as a person reads it: ``/dev/ttyUSB0 — USB Modem``. pyserial
    says "n/a" for a port it knows nothing of (the motherboard's /dev/ttyS0)."""
    if description.strip().lower() in ("", "n/a", device.lower()):
        description = translate("Words", "no description")
    return f"{device} — {description}"


def reason(code: str | None, name: str) -> str:
    """Routing's reason in the user's language, ``name`` the caller's (the card's
    name today, which need not be the one the call was routed under); empty for
    a code it does not know."""
    words = {
        "known": translate("Reason", "Known caller: %1"),
        "unknown": translate("Reason", "Unknown number"),
        "withheld": translate("Reason", "Number withheld by the caller"),
        "always": translate("Reason", "%1 always gets through"),
        "contract_active": translate("Reason", "%1 is under contract"),
        "priority_expired": translate(
            "Reason", "Busy day: %1's contract has expired, sent to voicemail"),
        "priority_no_contract": translate(
            "Reason", "Busy day: %1 has no contract, sent to voicemail"),
        "priority_unknown": translate("Reason", "Busy day: unknown caller sent to voicemail"),
        "priority_withheld": translate("Reason", "Busy day: withheld number sent to voicemail"),
        "closed": translate("Reason", "The office is closed: sent to voicemail"),
        "blocked": translate("Reason", "%1 is on the blocked list"),
    }
    text = words.get(code or "")
    if text is None:
        return ""
    return text.replace("%1", name or translate("Reason", "the caller"))


def bulletin(told: Bulletin) -> str:
    """What the chores or the start-up tell, in the desk's language; the English
    sentence for a code this desk does not know."""
    values = told.values
    if told.code == "backup_written":
        return translate("Bulletin", "Daily backup written and verified: %1").replace(
            "%1", values["path"])
    if told.code == "backup_failed":
        return translate("Bulletin", "The daily backup FAILED: %1").replace(
            "%1", values["problem"])
    if told.code == "backup_set_aside":
        return translate(
            "Bulletin", "The backup %1 is dated in the future (a wrong clock?): set aside, "
            "not counted as a backup").replace("%1", values["path"])
    if told.code == "backup_never":
        return translate(
            "Bulletin", "%1 has never been backed up: leave the desk open at the backup time, "
            "or run “customscreen backup”.").replace("%1", values["database"])
    if told.code == "backup_overdue":
        return (translate(
            "Bulletin", "The last verified backup of %1 is from %2 (%3 days ago): check the "
            "backup folder (%4) and run “customscreen backup”.")
            .replace("%1", values["database"]).replace("%2", when(values["last"]))
            .replace("%3", values["days"]).replace("%4", values["folder"]))
    if told.code == "erasures_reapplied":
        count = int(values["count"])
        text = (translate("Bulletin", "Re-applied 1 erasure recorded after this copy was made")
                if count == 1 else translate(
                    "Bulletin", "Re-applied %1 erasures recorded after this copy was made"
                ).replace("%1", number(count)))
        if values.get("problem"):
            text = translate("Bulletin", "%1; but %2").replace("%1", text).replace(
                "%2", values["problem"])
        return text
    if told.code == "password_moved":
        return translate(
            "Bulletin", "The password of %1 was moved out of the settings to %2").replace(
            "%1", values["account"]).replace("%2", values["where"])
    if told.code == "password_kept":
        return translate(
            "Bulletin", "The password of %1 could not be kept apart and stays in the "
            "settings: %2").replace("%1", values["account"]).replace("%2", values["problem"])
    if told.code == "journal_written":
        return translate(
            "Bulletin", "The journal is written again: waiting entries saved: %1").replace(
            "%1", number(int(values["count"])))
    if told.code == "retention_done":
        text = (translate("Bulletin", "%1 calls from before %2 deleted (retention %3 months)")
                if values["action"] == "delete" else translate(
                    "Bulletin", "%1 calls from before %2 anonymised (retention %3 months)"))
        return (text.replace("%1", number(int(values["count"])))
                .replace("%2", when(values["before"])).replace("%3", values["months"]))
    if told.code == "chores_failed":
        return translate("Bulletin", "The daily chores could not run: %1").replace(
            "%1", values["problem"])
    return told.text


def why(code: str | None, name: str, written: str = "") -> str:
    """Why a call went where it went: routing's reason translated, then the reason
    a person wrote, as they wrote it."""
    return " — ".join(part for part in (reason(code, name), written) if part)


def weekday_names() -> list[str]:
    """Monday first, short, in the current language."""
    return [QLocale().dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]


def field_value(value: str) -> str:
    """A custom field's value; an ISO date in it is shown the local way."""
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        try:
            return day(date.fromisoformat(value))
        except ValueError:
            return value
    return value
