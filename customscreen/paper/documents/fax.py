"""``print_fax``: a numbered, fax-style document for signature, filed in the register.

Everything that can be checked is checked before a number is taken (template,
fields, contact, output folder); the rest (drawing, writing the file) happens
between the register's two steps (``customscreen.paper.register``), so a
failure there gives the number back, and a crash leaves it interrupted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from customscreen import contacts
from customscreen.contacts import Contact
from customscreen.paper import register
from customscreen.paper.documents import fonts, stamp, styles
from customscreen.paper.documents.errors import DocumentError
from customscreen.paper.documents.labels import Words
from customscreen.paper.documents.letterhead import (
    Recipient,
    draw_band,
    letterhead,
    recipient_block,
)
from customscreen.paper.documents.paper import (
    BAND_INSET,
    MARGIN,
    Business,
    PagedCanvas,
    check_output,
    page_size,
    write_atomically,
)
from customscreen.paper.documents.signatures import signature_blocks
from customscreen.paper.documents.templates import Draft, Template, template
from customscreen.paper.register import RegisterEntry
from customscreen.storage import settings
from customscreen.storage.store import Store, StoreError

#: Room above the body for the band; below it for the footer line and the QR code.
TOP_MARGIN = BAND_INSET + 12 * mm
BOTTOM_MARGIN = BAND_INSET + stamp.QR_SIZE + stamp.CAPTION_HEIGHT + 4 * mm
FOOTER_SIZE = 7.5


@dataclass(frozen=True)
class FaxJob:
    """One document to issue, once everything about it has been checked."""

    template: Template
    words: Words
    business: Business
    contact: Contact
    recipient: Recipient
    band_name: str
    band_fax: str
    fields: dict[str, str]
    author: str
    region: str

    @property
    def title(self) -> str:
        return self.words[f"title.{self.template.name}"]


def _contact(store: Store, contact_id: int) -> Contact:
    try:
        return contacts.require(store, contact_id)
    except contacts.ContactError as exc:
        raise DocumentError(str(exc)) from None


def _furniture(job: FaxJob, entry: RegisterEntry, canvas: Canvas, page: int,
               pages: int) -> None:
    width, _ = canvas._pagesize
    reference = f"{job.words['register.number']} {entry.number}"
    draw_band(canvas, job.words, entry.issued_at, job.business, job.band_name, job.band_fax,
              reference, page, pages)
    qr_x = width - MARGIN - stamp.QR_SIZE
    stamp.place(canvas, qr_x, BAND_INSET)
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, FOOTER_SIZE)
    canvas.setFillColor(styles.TEXT_GREY)
    footer = f"{job.business.name} — {job.title} {reference}"
    canvas.drawString(MARGIN, BAND_INSET + 10,
                      fonts.fit(footer, fonts.REGULAR, FOOTER_SIZE, qr_x - MARGIN - 6 * mm))
    canvas.drawString(MARGIN, BAND_INSET,
                      f"{job.words['band.page']} {page}/{pages}")
    canvas.restoreState()


def _story(job: FaxJob, entry: RegisterEntry, width: float) -> list[Flowable]:
    draft = Draft(job.words, job.fields, job.contact, job.region, entry.issued_at, job.author,
                  width)
    story: list[Flowable] = [
        letterhead(job.business, job.words, job.title, entry.number, entry.issued_at,
                   job.author, width),
        Spacer(1, 6 * mm),
        recipient_block(job.recipient, job.words["recipient" if job.template.addressed_to_contact
                                                 else "callback.caller"], width),
        Spacer(1, 8 * mm),
    ]
    story += job.template.body(draft)
    story.append(signature_blocks(job.words, job.business.name, job.author,
                                  job.business.signature, job.template.approval, width))
    return story


def render(job: FaxJob, entry: RegisterEntry) -> bytes:
    """The document's first revision: complete, with an empty QR placeholder."""
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=page_size(job.region), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
        title=f"{job.title} {entry.number}", author=job.business.name,
        subject=job.recipient.name, creator="CustomScreen",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker = partial(PagedCanvas, furniture=partial(_furniture, job, entry),
                    setup=stamp.reserve)
    doc.build(_story(job, entry, doc.width), canvasmaker=maker)
    return buffer.getvalue()


def prepare(store: Store, contact_id: int, template_name: str, fields: dict[str, str],
            author: str | None, region: str) -> FaxJob:
    """Check everything that can be checked without a number."""
    chosen = template(template_name)
    chosen.check(fields)
    words = Words.for_region(region)
    contact = _contact(store, contact_id)
    recipient = Recipient.of(store, contact, words, region)
    if chosen.addressed_to_contact:
        band_name, band_fax = recipient.name, recipient.fax
    else:
        band_name, band_fax = fields["pour"].strip(), ""
    return FaxJob(chosen, words, Business.from_settings(store), contact, recipient, band_name,
                  band_fax, dict(fields),
                  (author or settings.get(store, settings.CURRENT_USER)).strip(), region)


def print_fax(store: Store, contact_id: int, template: str, fields: dict[str, str],
              output: Path, author: str | None = None, region: str = "FR") -> RegisterEntry:
    """Issue one document: numbered in the register, stamped, written atomically, hashed."""
    output = Path(output)
    job = prepare(store, contact_id, template, fields, author, region)
    check_output(output)
    written = False

    def deliver(entry: RegisterEntry, content: bytes) -> bytes:
        nonlocal written
        stamped = stamp.stamp(content, entry.qr_payload, entry.sha256)
        write_atomically(output, stamped)
        written = True
        return stamped

    recipient = job.band_name
    if job.template.addressed_to_contact and job.recipient.name != job.contact.name:
        recipient = f"{job.recipient.name} ({job.contact.name})"
    try:
        return register.issue(
            store, kind=job.template.name, contact_id=job.contact.id, recipient=recipient,
            author=job.author or None, render=lambda entry: render(job, entry),
            deliver=deliver, now=datetime.now().astimezone(),
        )
    except StoreError:
        # The register did not record the document: the file must not pretend it is issued.
        if written:
            output.unlink(missing_ok=True)
        raise
