"""What ``doctor`` found: one finding per check, with how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    OK = "ok"
    NOTE = "note"  # worth knowing; nothing to fix
    WARNING = "warning"  # works, but will hurt someone later
    PROBLEM = "problem"  # calls will be missed or data lost


@dataclass(frozen=True)
class Finding:
    area: str  # "Database", "Configuration", "Line modem:/dev/ttyUSB0", "Backups"
    severity: Severity
    what: str
    fix: str = ""


def ok(area: str, what: str) -> Finding:
    return Finding(area, Severity.OK, what)


def is_healthy(findings: Iterable[Finding]) -> bool:
    return all(f.severity in (Severity.OK, Severity.NOTE) for f in findings)
