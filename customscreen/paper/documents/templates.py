"""The fax templates: which fields each needs, and the body each draws.

Fields come from ``--field KEY=VALUE``. Every template also accepts
``reference`` (the recipient's own reference) and ``notes``.

- ``bon-pour-accord`` (order confirmation) — required ``objet``; optional
  ``lignes`` (see ``lines.py``), ``prix`` (one HT price when there are no
  lines), ``date`` (of delivery or work), ``lieu``, ``tva`` (percent, default
  20), ``conditions``.
- ``devis`` (quote) — required ``objet``, ``lignes``; optional ``validite``
  (default: 30 days after issue), ``date``, ``lieu``, ``tva``, ``conditions``.
- ``fiche-rappel`` (callback slip) — required ``pour`` (who calls back) and
  ``objet``; optional ``appelant`` (default: the contact), ``numero`` (default:
  the contact's first number), ``recu_le`` (default: now), ``rappeler_avant``,
  ``message``, ``pris_par`` (default: the author).
- ``lettre`` (letter) — required ``objet``, ``corps`` (paragraphs separated by
  new lines or a literal ``\\n``); optional ``civilite``, ``formule``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from customscreen.contacts import Contact, numbers
from customscreen.paper.documents import styles
from customscreen.paper.documents.errors import DocumentError
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.lines import (
    DEFAULT_VAT_PERCENT,
    OrderLine,
    parse_decimal,
    parse_lines,
    totals,
)
from customscreen.paper.documents.styles import escape

#: A French quote is customarily valid for a month.
QUOTE_VALIDITY = timedelta(days=30)
COMMON_FIELDS = ("reference", "notes")


@dataclass(frozen=True)
class Draft:
    """Everything a template's body may print."""

    words: Words
    fields: dict[str, str]
    contact: Contact
    region: str
    issued: datetime
    author: str
    width: float

    def get(self, key: str, default: str = "") -> str:
        return self.fields.get(key, "").strip() or default


@dataclass(frozen=True)
class Template:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    body: Callable[[Draft], list[Flowable]]
    approval: bool  # the recipient signs "Bon pour accord"
    addressed_to_contact: bool = True  # a callback slip goes to a colleague

    @property
    def accepted(self) -> tuple[str, ...]:
        return self.required + self.optional + COMMON_FIELDS

    def check(self, fields: dict[str, str]) -> None:
        missing = [k for k in self.required if not fields.get(k, "").strip()]
        if missing:
            raise DocumentError(
                f"the template {self.name} needs the field(s) {', '.join(missing)}: "
                + " ".join(f"--field {k}=…" for k in missing)
            )
        unknown = sorted(set(fields) - set(self.accepted))
        if unknown:
            raise DocumentError(
                f"the template {self.name} has no field(s) {', '.join(unknown)}; "
                f"it accepts {', '.join(self.accepted)}"
            )


def _facts(draft: Draft, rows: list[tuple[str, str]]) -> list[Flowable]:
    """Label/value pairs in two columns, skipping the empty ones."""
    data = [[Paragraph(escape(label), styles.LABEL), Paragraph(escape(value), styles.CELL)]
            for label, value in rows if value]
    if not data:
        return []
    table = Table(data, colWidths=[45 * mm, draft.width - 45 * mm])
    table.setStyle(styles.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [table, Spacer(1, 3 * mm)]


def _subject(draft: Draft) -> list[Flowable]:
    subject = escape(draft.words.colon(draft.words["subject"]))
    return [Paragraph(f"<b>{subject}</b> {escape(draft.get('objet'))}",
                      styles.BODY), Spacer(1, 2 * mm)]


def _paragraphs(text: str) -> list[Flowable]:
    text = text.replace("\\n", "\n")
    return [Paragraph(escape(p.strip()), styles.BODY) for p in text.split("\n") if p.strip()]


def _lines_table(draft: Draft, lines: list[OrderLine]) -> list[Flowable]:
    w = draft.words
    vat = parse_decimal(draft.get("tva", str(DEFAULT_VAT_PERCENT)), "tva")
    total = totals(lines, vat)
    header = [w["line.designation"], w["line.quantity"], w["line.unit_price"], w["line.total"]]
    rows: list[list[object]] = [[Paragraph(f"<b>{escape(h)}</b>", styles.CELL if i == 0
                                           else styles.CELL_RIGHT) for i, h in enumerate(header)]]
    for line in lines:
        rows.append([Paragraph(escape(line.designation), styles.CELL),
                     Paragraph(w.quantity(line.quantity), styles.CELL_RIGHT),
                     Paragraph(w.money(line.unit_price), styles.CELL_RIGHT),
                     Paragraph(w.money(line.amount), styles.CELL_RIGHT)])
    vat_label = f"{w['total.vat']} {w.rate(total.vat_percent)}"
    for label, value, bold in ((w["total.net"], total.net, False), (vat_label, total.vat, False),
                               (w["total.gross"], total.gross, True)):
        text = f"<b>{escape(label)}</b>" if bold else escape(label)
        amount = f"<b>{w.money(value)}</b>" if bold else w.money(value)
        rows.append(["", "", Paragraph(text, styles.CELL_RIGHT),
                     Paragraph(amount, styles.CELL_RIGHT)])
    money_col = 30 * mm
    widths = [draft.width - 18 * mm - 2 * money_col, 18 * mm, money_col, money_col]
    table = Table(rows, colWidths=widths, repeatRows=1)
    n = len(lines)
    style = styles.grid(last_row=n)
    style.add("BOX", (2, n + 1), (-1, -1), 0.6, styles.RULE_GREY)
    style.add("LINEABOVE", (2, -1), (-1, -1), 0.8, styles.RULE_GREY)
    table.setStyle(style)
    return [table, Spacer(1, 4 * mm)]


def _order_lines(draft: Draft) -> list[OrderLine]:
    if draft.get("lignes"):
        return parse_lines(draft.get("lignes"))
    if draft.get("prix"):
        return [OrderLine(draft.get("objet"), Decimal(1), parse_decimal(draft.get("prix"),
                                                                         "prix"))]
    return []


def _order(draft: Draft, validity: bool) -> list[Flowable]:
    w = draft.words
    story = _subject(draft)
    facts = [(w["reference"], draft.get("reference")), (w["date"], draft.get("date")),
             (w["place"], draft.get("lieu"))]
    if validity:
        facts.append((w["valid_until"],
                      draft.get("validite", w.day((draft.issued + QUOTE_VALIDITY).date()))))
    story += _facts(draft, facts)
    lines = _order_lines(draft)
    if lines:
        story += _lines_table(draft, lines)
    story += _facts(draft, [(w["conditions"], draft.get("conditions")),
                            (w["notes"], draft.get("notes"))])
    return story


def _callback_slip(draft: Draft) -> list[Flowable]:
    w, contact = draft.words, draft.contact
    number = draft.get("numero") or (numbers.display(contact.phones[0].e164, draft.region)
                                     if contact.phones else "")
    caller = draft.get("appelant", contact.name)
    if contact.company_name and "appelant" not in draft.fields:
        caller += f" ({contact.company_name})"
    story = _facts(draft, [
        (w["callback.for"], draft.get("pour")),
        (w["callback.caller"], caller),
        (w["callback.number"], number),
        (w["callback.when"], draft.get("recu_le", w.moment(draft.issued))),
        (w["subject"], draft.get("objet")),
        (w["callback.by"], draft.get("rappeler_avant")),
        (w["callback.taken_by"], draft.get("pris_par", draft.author)),
        (w["reference"], draft.get("reference")),
    ])
    if draft.get("message"):
        story.append(Paragraph(f"<b>{escape(w['callback.message'])}</b>", styles.BODY))
        story += _paragraphs(draft.get("message"))
    story += _facts(draft, [(w["notes"], draft.get("notes"))])
    return story


def _letter(draft: Draft) -> list[Flowable]:
    w = draft.words
    story = _subject(draft)
    story += _facts(draft, [(w["reference"], draft.get("reference"))])
    story.append(Paragraph(escape(draft.get("civilite", w["salutation"])), styles.BODY))
    story += _paragraphs(draft.get("corps"))
    story.append(Paragraph(escape(draft.get("formule", w["closing"])), styles.BODY))
    story += _facts(draft, [(w["notes"], draft.get("notes"))])
    return story


_ORDER_OPTIONAL = ("date", "lieu", "tva", "conditions")
TEMPLATES: dict[str, Template] = {t.name: t for t in (
    Template("bon-pour-accord", ("objet",), ("lignes", "prix", *_ORDER_OPTIONAL),
             lambda d: _order(d, validity=False), approval=True),
    Template("devis", ("objet", "lignes"), ("validite", *_ORDER_OPTIONAL),
             lambda d: _order(d, validity=True), approval=True),
    Template("fiche-rappel", ("pour", "objet"),
             ("appelant", "numero", "recu_le", "rappeler_avant", "message", "pris_par"),
             _callback_slip, approval=False, addressed_to_contact=False),
    Template("lettre", ("objet", "corps"), ("civilite", "formule"), _letter, approval=False),
)}


def template(name: str) -> Template:
    try:
        return TEMPLATES[name]
    except KeyError:
        raise DocumentError(
            f"there is no template {name!r}; the templates are {', '.join(TEMPLATES)}"
        ) from None
