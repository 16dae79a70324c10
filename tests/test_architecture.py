"""The walls of the house, checked on the code itself (DESIGN.md, "The house").

- Imports go one way, ``app → ui → customscreen → telephony``: a package may
  import itself and the packages after it, never one before it. The core
  (``customscreen``, ``telephony``) names no Qt; ``telephony`` no database.
- No import cycle between modules.
- No module past ``MAX_LINES`` lines (STYLE.md: "a file past ~400 lines is
  asking to be split").

The import graph is read with ``ast``, not by matching lines: every ``import``
and ``from … import`` wherever it stands (a function-level import is an edge
like any other), relative imports resolved, and ``importlib.import_module``
with a literal name. ``from pkg import name`` is an edge to ``pkg.name`` when
that is a module, else to ``pkg``; an edge to a package is an edge to its
``__init__``. Parent packages that Python initialises on the way are not edges:
``import a.b.c`` names ``a.b.c`` only.

Imports under ``if TYPE_CHECKING:`` are never executed: they count for the
one-way rule (the core may not name the desk even for a type) but cannot make
an import cycle, and so do not count for that check.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: The layers, from the top: each may import itself and those after it.
LAYERS = ("app", "ui", "customscreen", "telephony")
#: Outside packages a layer must never import, and why.
FORBIDDEN_OUTSIDE = {
    "customscreen": {"PySide6": "no Qt", "shiboken6": "no Qt"},
    "telephony": {"PySide6": "no Qt", "shiboken6": "no Qt", "sqlite3": "no database",
                  "sqlite_utils": "no database", "psycopg": "no database"},
}
MAX_LINES = 400


@dataclass(frozen=True)
class Import:
    """One module naming another: ``importer`` (at ``line``) imports ``imported``."""

    importer: str
    imported: str
    line: int
    #: Under ``if TYPE_CHECKING:``: for the type checker only, never run.
    type_only: bool
    #: ``imported`` is one of our modules (else the top-level name of an outside package).
    ours: bool

    def where(self, modules: dict[str, Path], root: Path) -> str:
        return f"{modules[self.importer].relative_to(root)}:{self.line}"


def modules_of(root: Path) -> dict[str, Path]:
    """Every module of the layers under ``root``, by dotted name (a package by its own)."""
    found: dict[str, Path] = {}
    for layer in LAYERS:
        for path in sorted((root / layer).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _type_only_nodes(tree: ast.Module) -> set[int]:
    nodes: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
                "TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for statement in node.body:
                nodes.update(id(inner) for inner in ast.walk(statement))
    return nodes


def _named(node: ast.AST, package: str, modules: dict[str, Path]) -> Iterator[str]:
    """The dotted names an import statement or call makes Python load."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            source = ".".join(base + ([node.module] if node.module else []))
        else:
            source = node.module or ""
        for alias in node.names:
            submodule = f"{source}.{alias.name}"
            yield submodule if submodule in modules else source
    elif (isinstance(node, ast.Call) and ast.unparse(node.func) in (
            "importlib.import_module", "import_module")
            and node.args and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)):
        yield node.args[0].value


def _ours(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is one of our modules."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(root: Path) -> tuple[dict[str, Path], list[Import]]:
    """Every module under ``root`` and every import between them or out of them."""
    modules = modules_of(root)
    found: list[Import] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        type_only = _type_only_nodes(tree)
        for node in ast.walk(tree):
            for target in _named(node, package, modules):
                ours = _ours(target, modules)
                if ours == name:
                    continue
                found.append(Import(name, ours or target.split(".")[0],
                                    getattr(node, "lineno", 0), id(node) in type_only,
                                    ours is not None))
    return modules, found


def layer_violations(root: Path) -> list[str]:
    """Each import against the one-way rule or a layer's forbidden outside packages."""
    modules, found = imports_of(root)
    wrong: list[str] = []
    for item in found:
        layer = item.importer.split(".")[0]
        top = item.imported.split(".")[0]
        if item.ours and LAYERS.index(top) < LAYERS.index(layer):
            wrong.append(f"{item.where(modules, root)}: {item.importer} imports "
                         f"{item.imported} ({layer} may not import {top})")
        elif not item.ours and top in FORBIDDEN_OUTSIDE.get(layer, {}):
            wrong.append(f"{item.where(modules, root)}: {item.importer} imports {top} "
                         f"({layer}: {FORBIDDEN_OUTSIDE[layer][top]})")
    return wrong


def import_cycles(root: Path) -> list[str]:
    """Each group of modules that import each other in a loop, with one loop spelt out."""
    modules, found = imports_of(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for item in found:
        if item.ours and not item.type_only:
            graph[item.importer].add(item.imported)
    return [f"{', '.join(sorted(group))}: {' -> '.join(_loop(group, graph))}"
            for group in _strongly_connected(graph) if len(group) > 1]


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm: the groups in which every module reaches every other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group: set[str] = set()
            while node not in group:
                group.add(stack.pop())
            groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _loop(group: set[str], graph: dict[str, set[str]]) -> list[str]:
    """One shortest loop through the group's first module, to show in the failure."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for other in sorted(graph[node] & group):
                if other == start:
                    return [*paths[node], start]
                if other not in paths:
                    paths[other] = [*paths[node], other]
                    following.append(other)
        frontier = following
    return [start]


def long_modules(root: Path, limit: int = MAX_LINES) -> list[str]:
    """Each module longer than ``limit`` lines, with its length."""
    lengths = {path: len(path.read_text(encoding="utf-8").splitlines())
               for path in modules_of(root).values()}
    return [f"{path.relative_to(root)}: {count} lines"
            for path, count in lengths.items() if count > limit]


# -- the house ----------------------------------------------------------------


def test_imports_go_one_way_app_ui_customscreen_telephony() -> None:
    assert layer_violations(REPO) == []


def test_no_import_cycle_between_modules() -> None:
    assert import_cycles(REPO) == []


def test_no_module_is_over_400_lines() -> None:
    assert long_modules(REPO) == []


def test_the_graph_sees_the_whole_house() -> None:
    # A walk that found nothing would pass every check above.
    modules, found = imports_of(REPO)
    assert {name.split(".")[0] for name in modules} == set(LAYERS)
    edges = {(item.importer, item.imported) for item in found if item.ours}
    assert ("app.cli", "app.commands") in edges
    assert ("customscreen.calls.switchboard", "telephony.events") in edges


# -- each check can fail ------------------------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    for layer in LAYERS:
        (root / layer).mkdir(parents=True, exist_ok=True)
        (root / layer / "__init__.py").touch()
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_layer_check_catches_the_core_naming_the_desk(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "ui/app.py": "DESK = 1\n",
        "app/cli.py": "def main():\n    return 0\n",
        # A function-level import, the kind a line-matching check missed.
        "customscreen/journal.py": "def show():\n    from ui.app import DESK\n    return DESK\n",
        "telephony/line.py": "import importlib\n\nmodule = importlib.import_module('app.cli')\n",
        "ui/desk.py": "from app import cli\n",
        "customscreen/fine.py": "from telephony import line\n",
    })
    assert sorted(layer_violations(root)) == [
        "customscreen/journal.py:2: customscreen.journal imports ui.app "
        "(customscreen may not import ui)",
        "telephony/line.py:3: telephony.line imports app.cli (telephony may not import app)",
        "ui/desk.py:1: ui.desk imports app.cli (ui may not import app)",
    ]


def test_the_layer_check_catches_qt_in_the_core_even_for_a_type(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "customscreen/card.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
                                "    import PySide6.QtCore\n",
        "telephony/store.py": "def keep():\n    import sqlite3\n    return sqlite3\n",
        "ui/window.py": "from PySide6 import QtWidgets\n",
    })
    assert sorted(layer_violations(root)) == [
        "customscreen/card.py:4: customscreen.card imports PySide6 (customscreen: no Qt)",
        "telephony/store.py:2: telephony.store imports sqlite3 (telephony: no database)",
    ]


def test_the_cycle_check_catches_a_loop_and_names_its_members(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "customscreen/store.py": "from customscreen import schema\n",
        "customscreen/schema.py": "from . import contacts\n",
        "customscreen/contacts.py": "def save():\n    from customscreen.store import x\n",
        "customscreen/alone.py": "from customscreen import store\n",
    })
    assert import_cycles(root) == [
        "customscreen.contacts, customscreen.schema, customscreen.store: "
        "customscreen.contacts -> customscreen.store -> customscreen.schema "
        "-> customscreen.contacts"
    ]


def test_a_facade_package_is_a_cycle_only_when_its_module_imports_the_facade(
        tmp_path: Path) -> None:
    facade = {
        "customscreen/contacts/__init__.py": "from customscreen.contacts.book import Contact\n",
        "customscreen/contacts/numbers.py": "def normalize(n):\n    return n\n",
    }
    by_name = _tree(tmp_path / "by-name", {
        **facade, "customscreen/contacts/book.py": "from customscreen.contacts import numbers\n"})
    assert import_cycles(by_name) == []
    through_facade = _tree(tmp_path / "facade", {
        **facade, "customscreen/contacts/book.py": "from . import normalize\n"})
    assert import_cycles(through_facade) == [
        "customscreen.contacts, customscreen.contacts.book: "
        "customscreen.contacts -> customscreen.contacts.book -> customscreen.contacts"
    ]


def test_a_type_only_import_closes_no_cycle(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "telephony/errors.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
                               "    from telephony.message import Request\n",
        "telephony/message.py": "from telephony.errors import ProtocolError\n",
    })
    assert import_cycles(root) == []


@pytest.mark.parametrize("lines, too_long", [(MAX_LINES, []), (MAX_LINES + 1, [
    f"ui/firstrun.py: {MAX_LINES + 1} lines"])])
def test_the_length_check_catches_a_long_module(tmp_path: Path, lines: int,
                                               too_long: list[str]) -> None:
    root = _tree(tmp_path, {"ui/firstrun.py": "x = 1\n" * lines})
    assert long_modules(root) == too_long
