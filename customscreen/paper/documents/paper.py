"""Paper, pages and files: the sheet size, "page n/N" on every page, atomic writes.

Page furniture (the fax band, a report's header and footer) needs the page
count, which a flowing document only knows at the end. ``PagedCanvas`` keeps
each finished page aside and draws the furniture on all of them when the
document is saved, the classic reportlab two-pass-free recipe.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from customscreen.contacts import numbers
from customscreen.paper.documents import fonts
from customscreen.paper.documents.errors import DocumentError
from customscreen.storage import settings
from customscreen.storage.store import Store

MARGIN = 18 * mm
#: Fax machines lose the outer 5 mm or so; the band sits just inside that.
BAND_INSET = 7 * mm

#: Draws what every page carries, once the page count is known.
Furniture = Callable[[Canvas, int, int], None]


def page_size(region: str) -> tuple[float, float]:
    return LETTER if numbers.paper_size_is_letter(region) else A4


@dataclass(frozen=True)
class Business:
    """The sender: the letterhead and the "FROM" of the band, from the settings."""

    name: str
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    logo: Path | None = None
    signature: Path | None = None

    @classmethod
    def from_settings(cls, store: Store) -> Business:
        def image(setting: settings.Setting[str]) -> Path | None:
            value = settings.get(store, setting).strip()
            # A missing logo must not stop a document: the letterhead prints without it.
            return Path(value) if value and Path(value).is_file() else None

        return cls(
            name=settings.get(store, settings.BUSINESS_NAME),
            address=settings.get(store, settings.BUSINESS_ADDRESS),
            phone=settings.get(store, settings.BUSINESS_PHONE),
            fax=settings.get(store, settings.BUSINESS_FAX),
            email=settings.get(store, settings.BUSINESS_EMAIL),
            logo=image(settings.BUSINESS_LOGO),
            signature=image(settings.BUSINESS_SIGNATURE),
        )


class PagedCanvas(Canvas):
    """A canvas that draws ``furniture(canvas, n, N)`` on each page when saved."""

    def __init__(self, *args: Any, furniture: Furniture, setup: Callable[[Canvas], None]
                 | None = None, **kwargs: Any) -> None:
        fonts.register()
        # Else reportlab lists Helvetica, unembedded, in every page's fonts.
        # (platypus passes initialFontName=None explicitly.)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.REGULAR
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict[str, Any]] = []
        if setup is not None:
            setup(self)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture(self, number, total)
            super().showPage()
        super().save()


def check_output(output: Path) -> None:
    """Refuse a path we cannot write before anything is numbered or drawn."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise DocumentError(f"{output} is a folder; give a file name ending in .pdf")
    if not folder.is_dir():
        raise DocumentError(f"cannot write {output}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise DocumentError(f"cannot write {output}: the folder {folder} is not writable")


def write_atomically(output: Path, data: bytes) -> None:
    """A reader (a printer spool, a mail client) never sees half a PDF."""
    check_output(output)
    folder = output.parent if str(output.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, output)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DocumentError(f"cannot write {output} ({exc.strerror or exc})") from None
