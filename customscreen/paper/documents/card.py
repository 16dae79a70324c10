"""``print_card``: a contact's card on paper, the backup a secretary files.

Everything the screen's card shows — numbers, contract, custom fields, notes,
a company's people — and the last calls, so the paper answers "when did they
last call, and who took it?" when the computer is off.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from customscreen import contacts
from customscreen.calls import journal
from customscreen.contacts import Contact, numbers
from customscreen.paper.documents import styles
from customscreen.paper.documents.errors import DocumentError
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.paper import Business, check_output
from customscreen.paper.documents.report import ReportFrame, build
from customscreen.paper.documents.styles import escape
from customscreen.storage.store import Store

#: The card's call history: enough to see a pattern, short enough for one page.
LAST_CALLS = 20
LABEL_WIDTH = 40 * mm


def _heading(text: str) -> Paragraph:
    return Paragraph(escape(text), styles.HEADING)


def _pairs(rows: list[tuple[str, str]], width: float) -> list[Flowable]:
    data = [[Paragraph(escape(k), styles.LABEL), Paragraph(escape(v), styles.CELL)]
            for k, v in rows if v]
    if not data:
        return []
    table = Table(data, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH])
    table.setStyle(styles.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [table]


def _table(header: list[str], rows: list[list[str]], shares: list[float],
           width: float) -> Table:
    data = [[Paragraph(escape(h), styles.LABEL) for h in header]]
    data += [[Paragraph(escape(cell), styles.CELL) for cell in row] for row in rows]
    table = Table(data, colWidths=[s * width for s in shares], repeatRows=1)
    table.setStyle(styles.grid())
    table.hAlign = "LEFT"
    return table


def _phones(contact: Contact, words: Words, region: str) -> str:
    return ", ".join(f"{numbers.display(p.e164, region)} ({words[p.label]})"
                     if p.label in ("fax", "mobile") else numbers.display(p.e164, region)
                     for p in contact.phones)


def _identity(contact: Contact, words: Words, region: str, width: float) -> list[Flowable]:
    flags = [words["card.always"] if contact.always else "",
             words["card.blocked"] if contact.blocked else ""]
    kind = words["card.company"] if contact.kind == "company" else words["card.person"]
    story: list[Flowable] = [Paragraph(escape(contact.name), styles.TITLE), Spacer(1, 2 * mm)]
    story += _pairs([
        (words["card.kind"], kind),
        (words["card.works_at"], contact.company_name),
        (words["card.address"], contact.address),
        (words["email"], contact.email),
        ("", ", ".join(f for f in flags if f)),
    ], width)
    if contact.phones:
        story.append(_heading(words["card.phones"]))
        story.append(_table(
            [words["calllog.number"], words["card.kind"]],
            [[numbers.display(p.e164, region), words[p.label] if p.label in
              ("phone", "fax", "mobile") else words["other"]] for p in contact.phones],
            [0.5, 0.5], width * 0.6))
    return story


def _contract(store: Store, contact: Contact, words: Words, width: float) -> list[Flowable]:
    today = date.today()
    k, status = contact.contract, words[f"contract.{contact.contract.effective_status(today)}"]
    company = contacts.get(store, contact.company_id) if contact.company_id else None
    if k.status == "none" and company is not None and company.contract.status != "none":
        # A person without a contract of their own is covered by their company's.
        k = company.contract
        status = (f"{words[f'contract.{k.effective_status(today)}']} "
                  f"({words['card.inherited']} {company.name})")
    story: list[Flowable] = [_heading(words["card.contract"])]
    story += _pairs([
        (words["card.status"], status),
        (words["card.reference"], k.reference),
        (words["card.level"], k.level),
        (words["card.start"], words.day(k.start_date) if k.start_date else ""),
        (words["card.end"], words.day(k.end_date) if k.end_date else ""),
    ], width)
    return story


def _calls(store: Store, contact: Contact, words: Words, region: str,
           width: float) -> list[Flowable]:
    assert contact.id is not None
    calls = journal.recent_for_contact(store, contact.id, LAST_CALLS)
    story: list[Flowable] = [_heading(words["card.calls"])]
    if not calls:
        return [*story, Paragraph(escape(words["card.no_calls"]), styles.BODY)]
    rows = [[
        words.moment(datetime.fromisoformat(c.started_at)),
        numbers.display(c.number, region, c.raw_number),
        words[f"outcome.{c.outcome or 'none'}"],
        words.duration(c.duration_s), c.handled_by or "", c.note,
    ] for c in calls]
    header = [words[k] for k in ("calllog.when", "calllog.number", "calllog.outcome",
                                 "calllog.duration", "calllog.handled_by", "calllog.note")]
    story.append(_table(header, rows, [0.2, 0.17, 0.12, 0.09, 0.12, 0.3], width))
    return story


def card_story(store: Store, contact: Contact, words: Words, region: str,
               width: float) -> list[Flowable]:
    story = _identity(contact, words, region, width)
    story += _contract(store, contact, words, width)
    if contact.fields:
        # Bounded: a contact of 100,000 fields (an old import) once took 300 s to print.
        shown, more = contacts.shown_fields(contact)
        story.append(_heading(words["card.fields"]))
        story += _pairs(shown, width)
        if more:
            story.append(Paragraph(escape(words["card.more_fields"].format(
                n=words.number(more))), styles.BODY))
    if contact.notes.strip():
        story.append(_heading(words["card.notes"]))
        story += [Paragraph(escape(line), styles.BODY)
                  for line in contact.notes.splitlines() if line.strip()]
    if contact.kind == "company" and contact.id is not None:
        people = contacts.people_of(store, contact.id)
        if people:
            story.append(_heading(words["card.people"]))
            story.append(_table([words["calllog.name"], words["card.phones"]],
                                [[p.name, _phones(p, words, region)] for p in people],
                                [0.4, 0.6], width))
    story += _calls(store, contact, words, region, width)
    return story


def print_card(store: Store, contact_id: int, output: Path, region: str = "FR") -> None:
    """Write the card of ``contact_id``."""
    output = Path(output)
    try:
        contact = contacts.require(store, contact_id)
    except contacts.ContactError as exc:
        raise DocumentError(str(exc)) from None
    check_output(output)
    words = Words.for_region(region)
    frame = ReportFrame(words, Business.from_settings(store).name, words["card.title"],
                        contact.name, datetime.now().astimezone(), region)
    build(frame, lambda width: card_story(store, contact, words, region, width), output)
