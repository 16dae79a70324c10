"""The QR stamp: appended to a finished PDF as a second revision.

``customscreen.paper.register`` explains why: the register records the SHA-256 of the
document's first revision, which holds an empty form XObject named
``PLACEHOLDER``; this module appends a PDF incremental update that replaces
that one object with the QR code (drawn by reportlab's ``QrCodeWidget``) and
the first digits of the hash. The first revision's bytes stay as they were,
so the hash printed in the QR still matches them.

Stamping is a pure function of the first revision, the payload and the hash
(no clock, no randomness): stamping a first revision again gives the issued
file byte for byte, which is how ``customscreen.paper.verification`` checks a
file whose whole hash the register did not record.
"""

from __future__ import annotations

import re

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from customscreen.paper.documents.errors import DocumentError

PLACEHOLDER = "qrstamp"
QR_SIZE = 24 * mm
CAPTION_SIZE = 5.5  # points; Courier digits at this size fit under the code
CAPTION_HEIGHT = 8.0
#: Hex digits of the hash printed for a human; the QR carries all 64.
CAPTION_DIGITS = 16
#: "M" survives a fax's smudges and a photocopy of a photocopy.
ERROR_CORRECTION = "M"

_FORM_REF = re.compile(rb"/FormXob\.%s (\d+) 0 R" % PLACEHOLDER.encode())
_TRAILER = re.compile(
    rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF", re.S
)


def reserve(canvas: Canvas) -> None:
    """Declare the empty placeholder; call once, before the first page is drawn."""
    canvas.beginForm(PLACEHOLDER, 0, 0, QR_SIZE, QR_SIZE + CAPTION_HEIGHT)
    canvas.endForm()


def place(canvas: Canvas, x: float, y: float) -> None:
    """Show the placeholder (later the QR) with its lower-left corner at (x, y)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(PLACEHOLDER)
    canvas.restoreState()


def qr_operators(payload: str) -> str:
    """The QR code of ``payload`` as PDF drawing operators (filled rectangles)."""
    widget = QrCodeWidget(payload, barLevel=ERROR_CORRECTION, barWidth=QR_SIZE,
                          barHeight=QR_SIZE)
    ops = ["0 g"]
    for shape in widget.draw().contents:
        colour = getattr(shape, "fillColor", None)
        if colour is None or colour == white:
            continue  # the quiet zone's background: the paper is white already
        ops.append(f"{shape.x:.3f} {shape.y + CAPTION_HEIGHT:.3f} "
                   f"{shape.width:.3f} {shape.height:.3f} re")
    ops.append("f")
    return "\n".join(ops)


def _caption_operators(sha256: str) -> str:
    text = f"SHA-256 {sha256[:CAPTION_DIGITS]}"
    return f"BT /FStamp {CAPTION_SIZE} Tf 1 1.5 Td ({text}) Tj ET"


def stamp(first_revision: bytes, payload: str, sha256: str) -> bytes:
    """``first_revision`` followed by an update drawing the QR into the placeholder."""
    form = _FORM_REF.search(first_revision)
    trailers = list(_TRAILER.finditer(first_revision))
    if form is None or not trailers:
        raise DocumentError("internal: the document has no QR placeholder to stamp")
    body = trailers[-1].group("body")
    prev_xref = int(trailers[-1].group("xref"))
    size = int(re.search(rb"/Size (\d+)", body).group(1))  # type: ignore[union-attr]
    root = re.search(rb"/Root (\d+ \d+ R)", body).group(1)  # type: ignore[union-attr]
    info = re.search(rb"/Info (\d+ \d+ R)", body)
    ident = re.search(rb"/ID\s*(\[[^\]]*\])", body)

    form_number, font_number = int(form.group(1)), size
    content = f"{qr_operators(payload)}\n{_caption_operators(sha256)}\n".encode("ascii")
    out = bytearray(first_revision)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[int, int] = {}
    offsets[form_number] = len(out)
    out += (
        f"{form_number} 0 obj\n<< /Type /XObject /Subtype /Form /FormType 1 "
        f"/BBox [0 0 {QR_SIZE:.3f} {QR_SIZE + CAPTION_HEIGHT:.3f}] "
        f"/Resources << /Font << /FStamp {font_number} 0 R >> /ProcSet [/PDF /Text] >> "
        f"/Length {len(content)} >>\nstream\n"
    ).encode("ascii") + content + b"endstream\nendobj\n"
    offsets[font_number] = len(out)
    out += (f"{font_number} 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
            "/Encoding /WinAnsiEncoding >>\nendobj\n").encode("ascii")
    xref_at = len(out)
    rows = ["xref", "0 1", "0000000000 65535 f "]
    for number in sorted(offsets):
        rows += [f"{number} 1", f"{offsets[number]:010d} 00000 n "]
    out += ("\n".join(rows) + "\n").encode("ascii")
    trailer = f"trailer\n<< /Size {size + 1} /Root {root.decode()} /Prev {prev_xref} "
    if info:
        trailer += f"/Info {info.group(1).decode()} "
    out += trailer.encode("ascii") + (ident.group(0) if ident else b"")
    out += f" >>\nstartxref\n{xref_at}\n%%EOF\n".encode("ascii")
    return bytes(out)
