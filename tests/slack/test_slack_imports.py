"""No import cycles in bot.slack, bot.digest and bot.preview: imports form a DAG.

Imports inside functions count (a deferred import still ties two modules together); those
under `if TYPE_CHECKING:` do not (they never run). `from pkg import name` depends on `pkg.name` when that is a module, else on `pkg`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot.slack", "bot.digest", "bot.preview")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import, at module level or in a function, except under `if TYPE_CHECKING:`."""
    typing_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, (ast.Import, ast.ImportFrom)) and id(n) not in typing_only
    ]


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in (ROOT / "bot").rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name in modules}
            elif node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    if sub in modules:
                        deps.add(sub)  # a submodule
                    elif node.module in modules:
                        deps.add(node.module)  # a name defined by the module itself
        edges[name] = deps - {name}
    return edges


def cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for dep in edges.get(node, ()):
            if dep == start:
                return [*path, start]
            if dep not in seen:
                seen.add(dep)
                stack.append((dep, [*path, dep]))
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycles(package: str) -> None:
    edges = graph()
    for name in sorted(edges):
        if name == package or name.startswith(package + "."):
            cycle = cycle_from(name, edges)
            assert cycle is None, " -> ".join(cycle or [])
