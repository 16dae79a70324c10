"""Who sends and who receives: the fax band, the letterhead, the recipient block.

The band imitates the line a fax machine prints across the top of each sheet
(time of sending, both parties' names and fax numbers, page n/N): people file
faxes by it, and a page that got separated from its document still says where
it belongs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, Table

from customscreen import contacts
from customscreen.contacts import Contact, numbers
from customscreen.paper.documents import fonts, styles
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.paper import BAND_INSET, Business
from customscreen.paper.documents.styles import escape
from customscreen.storage.store import Store

BAND_SIZE = 7
BAND_GAP = 10.0  # points between the band's three parts
#: Where the addressee starts when there is room, as a share of the band's width.
BAND_TO_COLUMN = 0.5
LOGO_HEIGHT = 16 * mm


@dataclass(frozen=True)
class Recipient:
    """The addressee as the band and the recipient block print them."""

    name: str  # the company, else the person
    fax: str
    lines: list[str]  # the block: company, attention, address, phones

    @classmethod
    def of(cls, store: Store, contact: Contact, words: Words, region: str) -> Recipient:
        company = (contacts.get(store, contact.company_id)
                   if contact.kind == "person" and contact.company_id else None)
        name = company.name if company else contact.name
        block = [name]
        if company:
            block.append(f"{words['attention']} {contact.name}")
        address = contact.address or (company.address if company else "")
        block += [line.strip() for line in address.replace(",", "\n").splitlines()
                  if line.strip()]
        phones = list(contact.phones) + (list(company.phones) if company else [])
        fax = ""
        for phone in phones:
            shown = numbers.display(phone.e164, region)
            label = words[phone.label] if phone.label in ("phone", "fax", "mobile") \
                else words["other"]
            block.append(f"{label} {shown}")
            if phone.label == "fax" and not fax:
                fax = shown
        return cls(name, fax, block)


def draw_band(canvas: Canvas, words: Words, sent: datetime, business: Business,
              recipient_name: str, recipient_fax: str, reference: str,
              page: int, pages: int) -> None:
    """The fax header line across the top of the sheet, with a rule beneath."""
    width, height = canvas._pagesize
    left, usable = BAND_INSET, width - 2 * BAND_INSET
    y = height - BAND_INSET - BAND_SIZE
    # Each party is (fixed start, name, fixed end): only names are ever shortened,
    # never the time or a fax number, which are what the band is read for.
    sender = (f"{words.moment(sent)}  {words.colon(words['band.from'])} ", business.name,
              f"  {words['band.fax']} {business.fax}" if business.fax else "")
    addressee = (f"{words.colon(words['band.to'])} ", recipient_name,
                 f"  {words['band.fax']} {recipient_fax}" if recipient_fax else "")
    page_text = f"{reference}  {words['band.page']} {page}/{pages}".strip()

    def width_of(text: str) -> float:
        return pdfmetrics.stringWidth(text, fonts.MONO, BAND_SIZE)

    room = usable - width_of(page_text) - 2 * BAND_GAP
    fixed = [width_of(part[0] + part[2]) for part in (sender, addressee)]
    names = [width_of(part[1]) for part in (sender, addressee)]
    spare = room - sum(fixed)
    if sum(names) > spare:
        # Half the room each; a name shorter than its half lends the rest to the other.
        half = max(0.0, spare / 2)
        names = [min(n, max(half, spare - other)) for n, other in zip(names, names[::-1],
                                                                      strict=True)]
    texts = [start + fonts.fit(name, fonts.MONO, BAND_SIZE, name_w) + end
             for (start, name, end), name_w in zip((sender, addressee), names, strict=True)]
    canvas.saveState()
    canvas.setFont(fonts.MONO, BAND_SIZE)
    canvas.drawString(left, y, texts[0])
    # Like a fax machine's columns: the addressee starts at the same place on every page
    # when there is room for it.
    to_x = max(left + width_of(texts[0]) + BAND_GAP, left + usable * BAND_TO_COLUMN)
    to_x = min(to_x, left + usable - width_of(page_text) - BAND_GAP - width_of(texts[1]))
    canvas.drawString(to_x, y, texts[1])
    canvas.drawRightString(left + usable, y, page_text)
    canvas.setLineWidth(0.5)
    canvas.line(left, y - 3, left + usable, y - 3)
    canvas.restoreState()


def letterhead(business: Business, words: Words, title: str, number: str, issued: datetime,
               author: str, width: float) -> Table:
    """The business on the left, the document's title and register number on the right."""
    contact_bits = [f"{words['phone']} {business.phone}" if business.phone else "",
                    f"{words['fax']} {business.fax}" if business.fax else ""]
    identity: list[Flowable] = []
    if business.logo:
        logo = Image(str(business.logo))
        scale = LOGO_HEIGHT / logo.imageHeight
        logo.drawHeight, logo.drawWidth = LOGO_HEIGHT, logo.imageWidth * scale
        logo.hAlign = "LEFT"
        identity.append(logo)
    identity.append(Paragraph(escape(business.name), styles.BUSINESS))
    for text in (business.address, " · ".join(b for b in contact_bits if b), business.email):
        if text:
            identity.append(Paragraph(escape(text), styles.SMALL))
    issued_line = f"{words['issued']} {words.day(issued)}"
    if author:
        issued_line += f" {words['by']} {author}"
    heading = [
        Paragraph(escape(title.upper()), styles.TITLE),
        Paragraph(f"{words['register.number']} <b>{escape(number)}</b>", styles.BODY),
        Paragraph(escape(issued_line), styles.SMALL_GREY),
    ]
    # The title's box hugs its text even when a logo makes the business side taller.
    title_box = Table([[heading]], colWidths=[width * 0.42])
    title_box.setStyle(styles.table_style([
        ("BOX", (0, 0), (-1, -1), 0.8, styles.RULE_GREY),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    table = Table([[identity, title_box]], colWidths=[width * 0.58, width * 0.42])
    table.setStyle(styles.table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def recipient_block(recipient: Recipient, heading: str, width: float) -> Table:
    """The addressee (or, on a callback slip, the caller) in a box on the right,
    where a window envelope shows it."""
    rows = [[Paragraph(escape(heading), styles.SMALL_GREY)]]
    rows.append([Paragraph(f"<b>{escape(recipient.lines[0])}</b>", styles.BODY)])
    rows += [[Paragraph(escape(line), styles.CELL)] for line in recipient.lines[1:]]
    box = Table(rows, colWidths=[width * 0.45])
    box.setStyle(styles.table_style([
        ("BOX", (0, 0), (-1, -1), 0.8, styles.RULE_GREY),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    box.hAlign = "RIGHT"
    return box
