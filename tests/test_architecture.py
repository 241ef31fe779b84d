"""The house as docs/ARCHITECTURE.md draws it: packages in pipeline order, no import from a
later stage into an earlier one, no import circle, and a tree in the guide that names every
module there is (and none that is gone). A unit layer: it reads the source, runs nothing."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "generator"
GUIDE = ROOT / "docs" / "ARCHITECTURE.md"
# Bottom-up: a module may import from its own package and from those before it.
ORDER = (
    "",  # the top-level basics: errors, routes, output, resources, terminal, forked, i18n
    "content",
    "copies",
    "search",
    "evidence",
    "text",
    "reads",
    "views",
    "pages",
    "render",
    "incremental",
    "pipeline",
    "preview",
    "authoring",
    "cli",
)
TOP_OF_THE_HOUSE = {"cli", "__main__"}  # the command line stands above every stage
BASICS = {"i18n", "output"}  # packages among the top-level basics


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imported(path: Path, name: str) -> Iterator[str]:
    """The generator modules `path` imports (type-only imports too: they tie it as well)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {target for target in imported(path, name) if target in known and target != name}
        for name, path in known.items()
    }


def stage(module: str) -> int:
    parts = module.split(".")
    if parts[1:2] and parts[1] in TOP_OF_THE_HOUSE:
        return ORDER.index("cli")
    if len(parts) >= 2 and parts[1] in ORDER:
        return ORDER.index(parts[1])
    return 0


def test_every_package_has_a_place_in_the_order() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages - BASICS <= set(ORDER)


def test_no_stage_imports_a_later_one() -> None:
    upward = [
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if stage(target) > stage(source)
    ]
    assert upward == []


def test_no_import_circle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    circles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert circles == []


def tree_block() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("## The tree")
    return text[start : text.index("```\n", text.index("```", start) + 3)]


def tree_names() -> dict[str, set[str]]:
    """Package -> the words its entry in the guide's tree holds."""
    entries: dict[str, set[str]] = {}
    current = ""
    for line in tree_block().splitlines():
        heading = re.match(r"  ([a-z_0-9]+)/ ", line)
        if heading:
            current = heading[1]
        elif not line.startswith("   ") or not current:
            current = ""
            entries.setdefault("", set()).update(re.findall(r"[a-z_0-9]+", line))
            continue
        entries.setdefault(current, set()).update(re.findall(r"[a-z_0-9]+", line))
    return entries


@pytest.mark.parametrize(
    "name", [n for n in modules() if n.count(".") >= 1], ids=lambda n: n.replace(".", "/")
)
def test_the_guide_names_every_module_in_its_package(name: str) -> None:
    parts = name.split(".")
    package, module = (parts[1], parts[2]) if len(parts) > 2 else ("", parts[1])
    names = tree_names()
    if package == "" and (PACKAGE / module).is_dir():  # a package's own __init__
        assert module in names or module in names[""], f"docs/ARCHITECTURE.md's tree lacks {name}"
    else:
        assert module in names.get(package, set()), f"docs/ARCHITECTURE.md's tree lacks {name}"


def test_every_module_path_the_guide_names_exists() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_0-9]+/)+[a-z_0-9]+\.py)", text))
    missing = sorted(
        path
        for path in named
        if not (PACKAGE / path).is_file() and not (ROOT / path).is_file()
    )
    assert missing == []
