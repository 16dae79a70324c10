"""Every word printed on paper, one table per language, and the local number formats.

The papers are French first (a "bon pour accord" is a French business habit);
an English table keeps the layout usable for a business in the US or the UK.
The language follows the region, as the phone numbers already do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from customscreen.paper import statistics

# Regions whose businesses read English papers; every other region gets French.
ENGLISH_REGIONS = frozenset({"US", "GB", "IE", "AU", "NZ", "CA", "ZA", "IN", "SG"})

# French typography groups thousands with a no-break space so "1 234,56 €"
# never wraps between "1" and "234".
NBSP = "\u00a0"

FR: dict[str, str] = {
    # transmission band and letterhead
    "band.from": "DE", "band.to": "À", "band.fax": "FAX", "band.page": "Page",
    "phone": "Tél.", "fax": "Fax", "mobile": "Mobile", "other": "Autre", "email": "E-mail",
    "register.number": "N°", "issued": "Émis le", "by": "par",
    "recipient": "Destinataire", "attention": "À l'attention de",
    "qr.caption": "Registre",
    # templates
    "title.bon-pour-accord": "Bon pour accord", "title.devis": "Devis",
    "title.fiche-rappel": "Fiche de rappel", "title.lettre": "Lettre",
    "subject": "Objet", "date": "Date", "place": "Lieu", "reference": "Votre référence",
    "valid_until": "Devis valable jusqu'au", "conditions": "Conditions", "notes": "Remarques",
    "line.designation": "Désignation", "line.quantity": "Qté", "line.unit_price": "Prix unit. HT",
    "line.total": "Total HT", "total.net": "Total HT", "total.vat": "TVA",
    "total.gross": "Total TTC",
    "callback.caller": "Appelant", "callback.number": "Numéro à rappeler",
    "callback.when": "Appel reçu le", "callback.for": "Pour",
    "callback.by": "À rappeler avant le", "callback.message": "Message",
    "callback.taken_by": "Message pris par",
    "salutation": "Madame, Monsieur,",
    "closing": "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    # signatures
    "sign.sender": "Pour l'émetteur", "sign.approval": "Bon pour accord",
    "sign.approval_hint": "Date, nom, signature précédée de la mention « Bon pour accord »",
    "sign.date": "Date", "sign.name": "Nom", "sign.signature": "Signature",
    "sign.stamp": "Cachet de l'entreprise",
    # reports
    "report.printed": "Imprimé le", "report.period": "Période", "report.to": "au",
    "calllog.title": "Journal des appels", "calllog.when": "Date et heure",
    "calllog.number": "Numéro", "calllog.name": "Nom", "calllog.decision": "Décision",
    "calllog.outcome": "Issue", "calllog.duration": "Durée", "calllog.handled_by": "Pris par",
    "calllog.note": "Note", "calllog.totals": "Totaux par issue", "calllog.all": "Tous les appels",
    "calllog.empty": "Aucun appel sur la période.", "private": "numéro masqué",
    "decision.pop": "affiché", "decision.divert": "renvoyé", "decision.block": "bloqué",
    "outcome.answered": "répondu", "outcome.missed": "manqué", "outcome.diverted": "renvoyé",
    "outcome.blocked": "bloqué", "outcome.none": "en cours",
    "card.title": "Fiche client", "card.company": "Société", "card.person": "Particulier",
    "card.kind": "Type", "card.address": "Adresse", "card.phones": "Téléphones",
    "card.contract": "Contrat", "card.status": "Statut", "card.level": "Niveau",
    "card.start": "Début", "card.end": "Fin", "card.fields": "Informations",
    "card.notes": "Notes", "card.people": "Personnes", "card.calls": "Derniers appels",
    "card.reference": "Référence", "card.inherited": "contrat de",
    "card.more_fields": "… et {n} autres informations, sur la fiche à l'écran",
    "card.no_calls": "Aucun appel enregistré.", "card.always": "Toujours afficher",
    "card.blocked": "Bloqué", "card.works_at": "Société", "yes": "oui",
    "contract.active": "actif", "contract.expired": "expiré", "contract.none": "aucun",
    "stats.title": "Statistiques des appels", "stats.summary": "Synthèse",
    "stats.total": "Appels reçus", "stats.per_day": "par jour, week-ends compris",
    "stats.contract_share": "Appels de clients sous contrat",
    "stats.overdue": "Rappels en retard", "stats.open_voicemail": "Messages en attente",
    "stats.median_callback": "Délai médian message → rappel",
    "stats.hours": "h", "stats.busiest": "Heures les plus chargées",
    "stats.none": "—", "stats.calls": "appels",
    "stats.per_period.day": "Appels par jour", "stats.per_period.week": "Appels par semaine",
    "stats.per_period.month": "Appels par mois", "stats.per_period.year": "Appels par an",
    "stats.heat": "Appels par jour et par heure",
    "stats.outcomes": "Issue des appels",
    "weekdays": "Lun Mar Mer Jeu Ven Sam Dim",
}

EN: dict[str, str] = {
    "band.from": "FROM", "band.to": "TO", "band.fax": "FAX", "band.page": "Page",
    "phone": "Phone", "fax": "Fax", "mobile": "Mobile", "other": "Other", "email": "Email",
    "register.number": "No.", "issued": "Issued", "by": "by",
    "recipient": "To", "attention": "Attention",
    "qr.caption": "Register",
    "title.bon-pour-accord": "Order confirmation", "title.devis": "Quote",
    "title.fiche-rappel": "Callback slip", "title.lettre": "Letter",
    "subject": "Subject", "date": "Date", "place": "Place", "reference": "Your reference",
    "valid_until": "Quote valid until", "conditions": "Terms", "notes": "Notes",
    "line.designation": "Description", "line.quantity": "Qty", "line.unit_price": "Unit price",
    "line.total": "Amount", "total.net": "Net total", "total.vat": "VAT",
    "total.gross": "Total due",
    "callback.caller": "Caller", "callback.number": "Number to call",
    "callback.when": "Called on", "callback.for": "For",
    "callback.by": "Call back by", "callback.message": "Message",
    "callback.taken_by": "Taken by",
    "salutation": "Dear Sir or Madam,",
    "closing": "Yours faithfully,",
    "sign.sender": "For the sender", "sign.approval": "Approved",
    "sign.approval_hint": "Date, name and signature",
    "sign.date": "Date", "sign.name": "Name", "sign.signature": "Signature",
    "sign.stamp": "Company stamp",
    "report.printed": "Printed", "report.period": "Period", "report.to": "to",
    "calllog.title": "Call log", "calllog.when": "Date and time",
    "calllog.number": "Number", "calllog.name": "Name", "calllog.decision": "Decision",
    "calllog.outcome": "Outcome", "calllog.duration": "Duration", "calllog.handled_by": "By",
    "calllog.note": "Note", "calllog.totals": "Totals by outcome", "calllog.all": "All calls",
    "calllog.empty": "No calls in this period.", "private": "withheld",
    "decision.pop": "shown", "decision.divert": "diverted", "decision.block": "blocked",
    "outcome.answered": "answered", "outcome.missed": "missed", "outcome.diverted": "diverted",
    "outcome.blocked": "blocked", "outcome.none": "in progress",
    "card.title": "Client card", "card.company": "Company", "card.person": "Person",
    "card.kind": "Kind", "card.address": "Address", "card.phones": "Phones",
    "card.contract": "Contract", "card.status": "Status", "card.level": "Level",
    "card.start": "Start", "card.end": "End", "card.fields": "Details",
    "card.notes": "Notes", "card.people": "People", "card.calls": "Last calls",
    "card.reference": "Reference", "card.inherited": "contract of",
    "card.more_fields": "… and {n} more details, on the card on screen",
    "card.no_calls": "No calls recorded.", "card.always": "Always show",
    "card.blocked": "Blocked", "card.works_at": "Company", "yes": "yes",
    "contract.active": "active", "contract.expired": "expired", "contract.none": "none",
    "stats.title": "Call statistics", "stats.summary": "Summary",
    "stats.total": "Calls received", "stats.per_day": "per day, weekends included",
    "stats.contract_share": "Calls from clients under contract",
    "stats.overdue": "Overdue callbacks", "stats.open_voicemail": "Messages waiting",
    "stats.median_callback": "Median time, message to callback",
    "stats.hours": "h", "stats.busiest": "Busiest hours",
    "stats.none": "—", "stats.calls": "calls",
    "stats.per_period.day": "Calls per day", "stats.per_period.week": "Calls per week",
    "stats.per_period.month": "Calls per month", "stats.per_period.year": "Calls per year",
    "stats.heat": "Calls by weekday and hour",
    "stats.outcomes": "How calls ended",
    "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
}

TABLES = {"fr": FR, "en": EN}


def language_of(region: str) -> str:
    return "en" if region.upper() in ENGLISH_REGIONS else "fr"


@dataclass(frozen=True)
class Words:
    """The labels and formats of one language: ``words["sign.stamp"]``, ``words.money(x)``."""

    language: str

    @classmethod
    def for_region(cls, region: str) -> Words:
        return cls(language_of(region))

    def __getitem__(self, key: str) -> str:
        return TABLES[self.language][key]

    @property
    def weekdays(self) -> list[str]:
        return self["weekdays"].split()

    def number(self, value: Decimal | float | int, decimals: int = 0) -> str:
        """``1 234,56`` in French, ``1,234.56`` in English."""
        text = f"{value:,.{decimals}f}"
        if self.language == "fr":
            text = text.replace(",", NBSP).replace(".", ",")
        return text

    def money(self, value: Decimal) -> str:
        amount = self.number(value.quantize(Decimal("0.01"), ROUND_HALF_UP), 2)
        return f"{amount}{NBSP}€" if self.language == "fr" else f"€{amount}"

    def percent(self, share: float) -> str:
        # The one rounding of shares, the Statistics tab's too.
        return statistics.format_share(share, self.language)

    def day(self, value: date) -> str:
        # ISO dates in English: "03/04" means March to an American, April to a Briton.
        return value.strftime("%d/%m/%Y" if self.language == "fr" else "%Y-%m-%d")

    def colon(self, label: str) -> str:
        """French sets a (no-break) space before a colon; English does not."""
        return f"{label}{NBSP}:" if self.language == "fr" else f"{label}:"

    def quantity(self, value: Decimal) -> str:
        """"2" rather than "2,00" for whole numbers, "2,5" for half an hour's work."""
        if value == value.to_integral_value():
            return self.number(value, 0)
        return self.number(value, 2).rstrip("0")

    def rate(self, percent: Decimal) -> str:
        """A rate already in percent: "20 %", "5,5 %" — "20%" in English."""
        text = self.quantity(percent)
        return f"{text}{NBSP}%" if self.language == "fr" else f"{text}%"

    def hour(self, hour: int) -> str:
        """An hour of the day as people write it: "10h" in French, "10:00" in English."""
        return f"{hour}h" if self.language == "fr" else f"{hour}:00"

    def moment(self, value: datetime) -> str:
        if self.language == "fr":
            return value.strftime("%d/%m/%Y %H:%M")
        return value.strftime("%Y-%m-%d %H:%M")

    def duration(self, seconds: int | None) -> str:
        if not seconds:
            return ""
        minutes, secs = divmod(int(seconds), 60)
        return f"{minutes}:{secs:02d}"
