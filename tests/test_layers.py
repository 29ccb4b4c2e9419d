"""The tree reads as layers and imports only point down (DESIGN.md, "Layers").

front ends (app/ui, app/cli.py, app/__main__.py) -> use cases (app/usecases) -> app/submit ->
app/export and app/interchange -> app/models and the shared helpers (app/messages.py …).

Computed from the source (every import statement, at the top of a module or inside a
function, under TYPE_CHECKING or not), so a circle or an upward import fails here before it
fails at run time in some order of imports nobody tried.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
QT = {"PySide6", "shiboken6"}

# Rank of each part of the tree: a module imports modules of its own rank or lower.
RANKS = (
    ("app.ui", 5), ("app.cli", 5), ("app.__main__", 5),
    ("app.usecases", 4),
    ("app.submit", 3),
    ("app.export", 2), ("app.interchange", 2),
    ("app.models", 1),
)
SHARED_RANK = 1  # app/__init__.py, app/messages.py, app/os_errors.py, app/paths.py …
FRONT_ENDS = ("app.ui", "app.cli", "app.__main__")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def in_part(module: str, part: str) -> bool:
    return module == part or module.startswith(part + ".")


def rank(module: str) -> int:
    return next((r for part, r in RANKS if in_part(module, part)), SHARED_RANK)


def imports_of(path: Path, module: str) -> set[str]:
    """Every module name an import statement of `path` names (relative ones resolved); for
    `from a import b` both `a` and `a.b` (b may be a module)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
    return names


@cache
def import_graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(module -> the app modules it imports, module -> every name it imports); parsed once
    per run (the tests only read it)."""
    paths = {module_name(p): p for p in APP.rglob("*.py") if "migrations" not in p.parts}
    everything = {m: imports_of(p, m) for m, p in paths.items()}
    inside = {m: {n for n in names if n in paths and n != m} for m, names in everything.items()}
    return inside, everything


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_sees_what_the_tree_imports() -> None:
    # The check below is only as good as the graph: it must see function-level imports,
    # relative imports and `from package import module`.
    graph, _ = import_graph()
    assert "app.usecases.submission" in graph["app.ui.package_window"]
    assert "app.ui.application" in graph["app.cli"]  # imported inside a function
    assert "app.models.findings" in graph["app.usecases.register"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circles() -> None:
    graph, _ = import_graph()
    assert cycles(graph) == []


def test_imports_only_point_down() -> None:
    graph, _ = import_graph()
    upward = sorted(f"{m} -> {d}" for m, deps in graph.items() for d in deps
                    if rank(d) > rank(m))
    assert upward == []


def test_below_the_front_ends_nothing_imports_qt_or_a_front_end() -> None:
    _, everything = import_graph()
    wrong = sorted(
        f"{m} -> {n}" for m, names in everything.items()
        if not any(in_part(m, front) for front in FRONT_ENDS)
        for n in names
        if n.split(".")[0] in QT or any(in_part(n, front) for front in FRONT_ENDS)
    )
    assert wrong == []


def test_the_window_never_imports_the_command_line() -> None:
    _, everything = import_graph()
    wrong = sorted(f"{m} -> {n}" for m, names in everything.items() if in_part(m, "app.ui")
                   for n in names if in_part(n, "app.cli"))
    assert wrong == []
