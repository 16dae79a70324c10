"""Paper: fax-style documents for signature and the reports managers print.

reportlab only, no Qt. Every document embeds DejaVu fonts, prints in greys,
uses A4 (US Letter in the Americas) and speaks French or English by region.

- ``print_fax``: a numbered document (``templates.TEMPLATES``) for signature,
  filed in ``customscreen.paper.register``.
- ``print_card``: a contact's card on paper.
- ``print_calllog``: the journal of a period, streamed page by page.
- ``print_stats``: the manager's summary and charts.
"""

from __future__ import annotations

from customscreen.paper.documents.calllog import print_calllog
from customscreen.paper.documents.card import print_card
from customscreen.paper.documents.errors import DocumentError
from customscreen.paper.documents.fax import print_fax
from customscreen.paper.documents.stats import print_stats
from customscreen.paper.documents.templates import TEMPLATES
from customscreen.paper.register import RegisterEntry

__all__ = ["DocumentError", "RegisterEntry", "TEMPLATES", "print_calllog", "print_card",
           "print_fax", "print_stats"]
