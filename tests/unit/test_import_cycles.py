"""No import cycles anywhere in ``app``.

The graph is built from the source with ``ast``, without importing anything.  Every import
counts, also one inside a function or under ``TYPE_CHECKING``: an import deferred into a
function still makes the two modules depend on each other, and deferring it is how a cycle
hides; the dependency rule (ui → services → models, exports → scoring) has to hold for all of
them.  ``from package import name`` is an edge to the submodule when ``name`` is one, and to
the package otherwise.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "app"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted((ROOT / PACKAGE).rglob("*.py"))}


def _imported(node: ast.AST, module: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """The modules of ``app`` that one import statement of ``module`` reaches."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")
            drop = node.level - 1 if is_package else node.level
            base = base[: len(base) - drop] if drop else base
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        for alias in node.names:
            submodule = f"{target}.{alias.name}"
            yield submodule if submodule in known else target


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of ``app`` it imports (anywhere in its source)."""
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        edges: set[str] = set()
        for node in ast.walk(tree):
            for target in _imported(node, name, path.name == "__init__.py", known):
                while target and target not in known:  # `import app.a.b` of a name inside
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) for every strongly connected group."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph has ~100 nodes
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_through(graph, set(group)) for group in groups]


def _path_through(graph: Mapping[str, set[str]], group: set[str]) -> list[str]:
    """A shortest cycle inside ``group`` starting at its first module (breadth first)."""
    start = min(group)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group has one


def test_app_has_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles in app:\n" + "\n".join(" → ".join(c) for c in found)


def test_the_graph_sees_imports_inside_functions_and_relative_ones() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    tree = ast.parse("def f():\n    from . import base\n    from .x import y\n")
    reached = [
        target
        for node in ast.walk(tree)
        for target in _imported(node, "app.services.m", False, {"app.services.base"})
    ]
    assert reached == ["app.services.base", "app.services.x"]


@pytest.mark.parametrize("module", ["app.services.base", "app.scoring.types"])
def test_the_graph_knows_the_core_modules(module: str) -> None:
    assert module in import_graph()
