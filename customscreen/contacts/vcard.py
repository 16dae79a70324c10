"""vCard 3.0 and 4.0 (RFC 2426, RFC 6350): what phones and address books exchange.

Only what a caller card needs is read: FN/N, ORG, TEL with its type, EMAIL, ADR,
NOTE, and our own X-CUSTOMSCREEN-* properties so that an export imports back
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from customscreen.contacts import Contact, Phone, numbers

# A vCard line may be this long once unfolded; longer is a broken file (or an
# embedded photo, which a caller card does not need).
MAX_LINE = 64 * 1024
_LINE_END = re.compile(r"\r\n|\r|\n")


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


def _unfold(text: str) -> Iterator[tuple[int, str]]:
    """Logical lines with the file line they start on (continuations begin with a space)."""
    current: list[str] = []
    start = 0
    # Only CR and LF end a line: str.splitlines() would also cut a NOTE at a
    # form feed or a Unicode line separator, which a vCard keeps as text.
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if line[:1] in (" ", "\t") and current:
            current.append(line[1:])
            continue
        if current:
            yield start, "".join(current)
        current, start = [line], number
    if current:
        yield start, "".join(current)


def read(path: Path, text: str, region: str) -> Iterator[tuple[int, Contact, str] | str]:
    """Each card as (line, contact, company name), or a ``FILE:LINE: problem``."""
    card: Contact | None = None
    company = ""
    begin = 0
    problem: str | None = None
    for line_no, line in _unfold(text):
        if not line.strip():
            continue
        if len(line) > MAX_LINE:
            problem = problem or f"{path}:{line_no}: a line of {len(line)} characters"
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
                    card.name, card.kind, company = company, "company", ""
                yield begin, card, company
            card = None
            continue
        try:
            _apply(card, prop, params_upper, params, value, region)
        except ValueError as exc:
            problem = problem or f"{path}:{line_no}: {exc}"
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
