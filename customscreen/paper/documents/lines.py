"""Order lines of a quote or an order confirmation, and their French totals.

On the command line a document's lines are one field::

    --field "lignes=Entretien chaudière|1|120;Kit joints|2|14,50"

Lines are separated by ``;`` (or new lines); each is ``désignation|quantité|prix
unitaire HT``. Quantity and price accept "1 234,56" as well as "1234.56".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from customscreen.paper.documents.errors import DocumentError

#: The standard French VAT rate; ``--field tva=10`` for renovation work.
DEFAULT_VAT_PERCENT = Decimal("20")
CENT = Decimal("0.01")

_SPACES = re.compile(r"[\s\u00a0\u202f]")


@dataclass(frozen=True)
class OrderLine:
    designation: str
    quantity: Decimal
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals:
    net: Decimal
    vat_percent: Decimal
    vat: Decimal
    gross: Decimal


def parse_decimal(text: str, what: str) -> Decimal:
    cleaned = _SPACES.sub("", text).replace("€", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise DocumentError(f"{what}: {text!r} is not a number (write 1234,56)") from None
    if not value.is_finite() or value < 0:
        raise DocumentError(f"{what}: {text!r} must be a positive number")
    return value


def parse_lines(text: str) -> list[OrderLine]:
    lines = []
    for index, raw in enumerate(re.split(r"[;\n]", text), start=1):
        if not raw.strip():
            continue
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) != 3 or not parts[0]:
            raise DocumentError(
                f"lignes, line {index}: {raw.strip()!r} should be "
                "'désignation|quantité|prix unitaire', e.g. 'Ramonage|1|85'"
            )
        quantity = parse_decimal(parts[1] or "1", f"lignes, line {index}, quantité")
        price = parse_decimal(parts[2], f"lignes, line {index}, prix unitaire")
        lines.append(OrderLine(parts[0], quantity, price))
    if not lines:
        raise DocumentError("lignes is empty; give at least one 'désignation|quantité|prix'")
    return lines


def totals(lines: list[OrderLine], vat_percent: Decimal = DEFAULT_VAT_PERCENT) -> Totals:
    net = sum((line.amount for line in lines), Decimal("0"))
    vat = (net * vat_percent / 100).quantize(CENT, ROUND_HALF_UP)
    return Totals(net, vat_percent, vat, net + vat)
