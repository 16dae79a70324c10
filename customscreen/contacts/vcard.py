"""vCard 3.0 and 4.0 (RFC 2426, RFC 6350): what phones and address books exchange.

Only what a caller card needs is read: FN/N, ORG, TEL with its type, EMAIL, ADR,
NOTE, and our own X-CUSTOMSCREEN-* properties so that an export imports back
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from customscreen.contacts import numbers
from customscreen.contacts.book import MAX_FIELDS, Contact, Phone
from customscreen.contacts.reading import Cut
from customscreen.contacts.rows import Dropped, Row

# A property may be this long once unfolded. A phone's export embeds the
# contact's PHOTO (100 KB of base64 is common), which a caller card does not
# need: a longer property is dropped with a warning and the card is kept.
MAX_PROPERTY = 64 * 1024
_LINE_END = re.compile(r"\r\n|\r|\n")
# What each property says of a contact, for an update that keeps the rest.
_GIVES = {"FN": ("name",), "N": ("name",), "ORG": ("company",), "TEL": ("phones",),
          "EMAIL": ("email",), "ADR": ("address",), "NOTE": ("notes",),
          "X-CUSTOMSCREEN-KIND": ("kind",), "X-CUSTOMSCREEN-FLAGS": ("always", "blocked"),
          "X-CUSTOMSCREEN-FIELD": ("fields",),
          "X-CUSTOMSCREEN-CONTRACT": ("contract", "contract_reference", "level",
                                      "contract_start", "contract_end")}


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _escape(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def _split(value: str, sep: str) -> list[str]:
    """Split on ``sep`` not preceded by a backslash, then unescape each part."""
    parts, current, i = [], [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if value[i] == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(value[i])
        i += 1
    parts.append("".join(current))
    return [_unescape(p) for p in parts]


def _physical(text: str | Iterable[str | Cut]) -> Iterator[str | Cut]:
    """The file's lines without their ends (a text is split on CR and LF only:
    str.splitlines() would also cut a NOTE at a form feed or a Unicode line
    separator, which a vCard keeps as text)."""
    if isinstance(text, str):
        yield from _LINE_END.split(text)
        return
    for line in text:
        yield line if isinstance(line, Cut) else line.rstrip("\r\n")


def _unfold(text: str | Iterable[str | Cut]) -> Iterator[tuple[int, str | Cut]]:
    """Logical lines with the file line they start on (continuations begin with a space).

    A logical line past ``MAX_PROPERTY`` comes as a ``Cut``: its beginning and
    its length; the rest of it is not kept.
    """
    current: list[str] = []
    start, length = 0, 0

    def done() -> str | Cut:
        joined = "".join(current)
        return joined if length <= MAX_PROPERTY else Cut(joined[:80], length)

    for number, line in enumerate(_physical(text), start=1):
        if not isinstance(line, Cut) and line[:1] in (" ", "\t") and current:
            length += len(line) - 1
            if length <= MAX_PROPERTY:
                current.append(line[1:])
            continue
        if current:
            yield start, done()
        if isinstance(line, Cut):
            current, start, length = [line.head], number, line.length
        else:
            current, start, length = [line], number, len(line)
    if current:
        yield start, done()


def read(path: Path, text: str | Iterable[str | Cut], region: str,
         ) -> Iterator[Row | str]:
    """Each card of ``text`` (the file's text, or its lines) as a ``Row``, or a
    ``FILE:LINE: problem``, or a ``Dropped`` for what a kept card leaves out."""
    card: Contact | None = None
    company = ""
    begin = 0
    problem: str | None = None
    given: set[str] = set()
    dropped: list[str] = []
    size = extra = 0  # characters of the card; custom fields past MAX_FIELDS
    for line_no, line in _unfold(text):
        if isinstance(line, Cut):
            prop = line.head.split(":", 1)[0].split(";", 1)[0].upper() or "a property"
            dropped.append(f"{path}:{line_no}: {prop} of {line.length:,} characters dropped "
                           f"(a property holds at most {MAX_PROPERTY:,}); the card is kept")
            continue
        if not line.strip():
            continue
        name_part, sep, value = line.partition(":")
        if not sep:
            problem = problem or f"{path}:{line_no}: {line[:40]!r} is not a vCard property"
            continue
        prop, *params = name_part.split(";")
        prop = prop.upper().split(".")[-1]  # drop a group prefix like "item1."
        params_upper = [p.upper() for p in params]
        if prop == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                yield f"{path}:{begin}: card not closed with END:VCARD"
            card, company, begin, problem = Contact(name=""), "", line_no, None
            given, dropped, size, extra = set(), [], 0, 0
            continue
        if card is None:
            yield f"{path}:{line_no}: {prop} outside BEGIN:VCARD … END:VCARD"
            return
        if prop == "END":
            if problem:
                yield problem
            elif not card.name and not company:
                yield f"{path}:{begin}: card without FN, N or ORG"
            else:
                if not card.name:
                    card.name, card.kind = company, "company"
                    given.add("name")
                if card.kind == "company":
                    company = ""
                    given.discard("company")
                if extra:
                    dropped.append(f"{path}:{begin}: {extra:,} custom fields past the first "
                                   f"{MAX_FIELDS} were not imported; a contact keeps at most "
                                   f"{MAX_FIELDS}")
                yield from (Dropped(d) for d in dropped)
                yield Row(begin, card, company, frozenset(given), size)
            card = None
            continue
        size += len(line)
        if (prop == "X-CUSTOMSCREEN-FIELD" and len(card.fields) >= MAX_FIELDS
                and _unescape(value.partition("=")[0]) not in card.fields):
            extra += 1
            continue
        try:
            _apply(card, prop, params_upper, params, value, region)
        except ValueError as exc:
            problem = problem or f"{path}:{line_no}: {exc}"
        else:
            given.update(_GIVES.get(prop, ()))
        if prop == "ORG":
            company = _split(value, ";")[0].strip()
    if card is not None:
        yield f"{path}:{begin}: card not closed with END:VCARD"


def _apply(card: Contact, prop: str, params_upper: list[str], params: list[str], value: str,
           region: str) -> None:
    if prop == "FN":
        card.name = _unescape(value).strip()
    elif prop == "N" and not card.name:
        parts = _split(value, ";") + ["", ""]
        card.name = " ".join(p for p in (parts[1], parts[0]) if p).strip()
    elif prop == "TEL":
        raw = value.removeprefix("tel:").strip()
        types = ",".join(params_upper)
        label = ("mobile" if "CELL" in types else "fax" if "FAX" in types
                 else "phone")
        e164 = numbers.normalize(raw, region)
        if e164 is None:
            raise ValueError(f"TEL {raw!r} is not a phone number")
        card.phones.append(Phone(e164, label))
    elif prop == "EMAIL":
        card.email = card.email or value.strip()
    elif prop == "ADR":
        parts = [p.strip() for p in _split(value, ";")]
        card.address = ", ".join(p for p in parts if p)
    elif prop == "NOTE":
        card.notes = _unescape(value)
    elif prop == "X-CUSTOMSCREEN-KIND":
        card.kind = "company" if value.strip().lower() == "company" else "person"
    elif prop == "X-CUSTOMSCREEN-CONTRACT":
        fields = dict(p.split("=", 1) for p in params if "=" in p)
        status = value.strip().lower()
        if status not in ("active", "expired", "none"):
            raise ValueError(f"contract {value!r} is not active, expired or none")
        card.contract.status = status
        card.contract.reference = _unescape(fields.get("REF", fields.get("ref", "")))
        card.contract.level = _unescape(fields.get("LEVEL", fields.get("level", "")))
        for key, attr in (("START", "start_date"), ("END", "end_date")):
            text = fields.get(key) or fields.get(key.lower())
            if text:
                setattr(card.contract, attr, date.fromisoformat(text))
    elif prop == "X-CUSTOMSCREEN-FLAGS":
        flags = {f.strip().lower() for f in value.split(",")}
        card.always, card.blocked = "always" in flags, "blocked" in flags
    elif prop == "X-CUSTOMSCREEN-FIELD":
        key, _, field_value = value.partition("=")
        card.fields[_unescape(key)] = _unescape(field_value)


def write(everyone: list[Contact]) -> str:
    lines: list[str] = []
    for c in everyone:
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(c.name)}"]
        if c.kind == "company":
            lines += [f"ORG:{_escape(c.name)}", "X-CUSTOMSCREEN-KIND:company"]
        else:
            lines.append(f"N:{_escape(c.name)};;;;")
            if c.company_name:
                lines.append(f"ORG:{_escape(c.company_name)}")
        for p in c.phones:
            kind = {"mobile": "CELL", "fax": "FAX", "other": "VOICE"}.get(p.label, "WORK")
            lines.append(f"TEL;TYPE={kind}:{p.e164}")
        if c.email:
            lines.append(f"EMAIL:{c.email}")
        if c.address:
            lines.append(f"ADR:;;{_escape(c.address)};;;;")
        if c.notes:
            lines.append(f"NOTE:{_escape(c.notes)}")
        k = c.contract
        if k.status != "none" or k.reference:
            params = [f"REF={_escape(k.reference)}", f"LEVEL={_escape(k.level)}"]
            if k.start_date:
                params.append(f"START={k.start_date.isoformat()}")
            if k.end_date:
                params.append(f"END={k.end_date.isoformat()}")
            lines.append(f"X-CUSTOMSCREEN-CONTRACT;{';'.join(params)}:{k.status}")
        flags = [f for f, on in (("always", c.always), ("blocked", c.blocked)) if on]
        if flags:
            lines.append(f"X-CUSTOMSCREEN-FLAGS:{','.join(flags)}")
        for key, value in c.fields.items():
            lines.append(f"X-CUSTOMSCREEN-FIELD:{_escape(key)}={_escape(value)}")
        lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
