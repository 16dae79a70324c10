"""The recorded caller-ID vectors the tests replay, found in one place.

Two independent sets, each a folder of ``modem.json``, ``sip.json`` and
``fritzbox.json`` in the formats ``tests/data/callerid/README.md`` describes:

- ``repo``: ``tests/data/callerid``, always there, so a fresh clone tests itself;
- ``shared``: ``../shared/testdata/callerid`` beside the clone, which our own
  machines and CI have and a clone elsewhere does not. Replayed when present.

A case's test id names its set: ``repo:conexant-spaced-nanp``, ``shared:usr-unspaced``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REPO_VECTORS = REPO / "tests" / "data" / "callerid"
SHARED_VECTORS = REPO.parent / "shared" / "testdata" / "callerid"
KINDS = ("modem", "sip", "fritzbox")


@dataclass(frozen=True)
class VectorSet:
    """One folder of vectors and the label its test ids carry."""

    label: str
    folder: Path
    #: The repository's own set must be complete; the shared one is taken as found.
    required: bool

    def cases(self, kind: str) -> list[dict]:
        path = self.folder / f"{kind}.json"
        if not self.required and not path.exists():
            return []
        return _load(path)


@cache
def _load(path: Path) -> list[dict]:
    cases = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise ValueError(f"{path}: expected a JSON list of cases")
    return cases


def vector_sets() -> list[VectorSet]:
    """The repository's set, then the shared one when it is beside the clone."""
    sets = [VectorSet("repo", REPO_VECTORS, required=True)]
    if SHARED_VECTORS.is_dir():
        sets.append(VectorSet("shared", SHARED_VECTORS, required=False))
    return sets


def case_params(kind: str, name: Callable[[dict], str] = lambda case: case["name"]) -> list:
    """Every case of ``kind`` from every set, as ``pytest.param`` with ids ``set:name``."""
    return [
        pytest.param(case, id=f"{vectors.label}:{name(case)}")
        for vectors in vector_sets()
        for case in vectors.cases(kind)
    ]


def set_params(kind: str) -> list:
    """Each set that holds cases of ``kind``, for tests that replay a set as a whole."""
    return [
        pytest.param(vectors.cases(kind), id=vectors.label)
        for vectors in vector_sets()
        if vectors.cases(kind)
    ]


def all_cases(kind: str) -> list[dict]:
    """Every case of ``kind``, all sets together (the fuzzers' seed corpus)."""
    return [case for vectors in vector_sets() for case in vectors.cases(kind)]


def summary() -> str:
    """How many cases each set held, for the end of a pytest run."""
    parts = []
    for vectors in vector_sets():
        counts = {kind: len(vectors.cases(kind)) for kind in KINDS}
        detail = ", ".join(f"{kind} {count}" for kind, count in counts.items())
        parts.append(f"{vectors.label} {sum(counts.values())} ({detail})")
    if not SHARED_VECTORS.is_dir():
        parts.append(f"shared: not present ({SHARED_VECTORS})")
    return "caller-ID vectors: " + ", ".join(parts)
