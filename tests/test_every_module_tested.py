"""Every module of the generator is imported by some test file: a module no test names is
tested, at best, by accident. Read from the sources (nothing is imported), recursively, so
it keeps working when the modules move into packages."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "generator"


def package_modules(package_dir: Path) -> set[str]:
    """Dotted names of the package's modules and sub-packages (not the package itself)."""
    found = set()
    for path in package_dir.rglob("*.py"):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) > 1 and "__pycache__" not in parts:
            found.add(".".join(parts))
    return found


CALLS = re.compile(r"""\b(run_module|import_module)\(\s*["']([\w.]+)["']""")


def imported_modules(source: str) -> set[str]:
    """Every module a test's source names in an import (`import p.a`, `from p.a import x`,
    `from p import a`: a or x may be modules), or runs (`runpy.run_module("p")` runs
    p.__main__, `importlib.import_module("p.a")`)."""
    names: set[str] = set()
    for node in _statements(ast.parse(source).body):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    for call, module in CALLS.findall(source):
        names.add(f"{module}.__main__" if call == "run_module" else module)
    return names


def _statements(body: list) -> Iterator[ast.AST]:
    """The statements, nested ones too (imports inside a test), not the expressions:
    walking every node of every test took most of a second."""
    for node in body:
        yield node
        for block in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(node, block, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def _with_parents(names: set[str]) -> set[str]:
    """Importing p.a.b imports p.a too."""
    return {
        ".".join(parts[:end])
        for parts in (name.split(".") for name in names)
        for end in range(1, len(parts) + 1)
    }


def _imported_by_tests() -> set[str]:
    tests = sorted((ROOT / "tests").rglob("*.py"))
    assert len(tests) > 50  # else this would check nothing
    return _with_parents(
        set().union(*(imported_modules(path.read_text(encoding="utf-8")) for path in tests))
    )


def test_every_module_is_imported_by_a_test() -> None:
    modules = package_modules(ROOT / PACKAGE)
    assert len(modules) > 50  # else this would check nothing
    missing = sorted(modules - _imported_by_tests())
    hint = "add a test of it to tests/<package>/"
    assert missing == [], f"no test imports {', '.join(missing)}: {hint}"


def test_the_reader_of_imports_sees_each_form() -> None:
    source = """
import generator.a
import generator.pkg.b as b
from generator import c, d as e
from generator.f import thing
from . import nothing
def inside():
    try:
        import generator.h
    except ImportError:
        pass
runpy.run_module("generator", run_name="__main__")
importlib.import_module("generator.g")
"""
    assert imported_modules(source) == {
        "generator.a",
        "generator.pkg.b",
        "generator",
        "generator.c",
        "generator.d",
        "generator.f",
        "generator.f.thing",
        "generator.__main__",
        "generator.g",
        "generator.h",
    }
    assert _with_parents({"generator.pkg.b"}) == {"generator", "generator.pkg", "generator.pkg.b"}


def test_modules_are_found_in_packages_too(tmp_path: Path) -> None:
    for name in ("__init__.py", "a.py", "stage/__init__.py", "stage/b.py", "__pycache__/x.py"):
        (tmp_path / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / name).write_text("")
    assert package_modules(tmp_path / "pkg") == {"pkg.a", "pkg.stage", "pkg.stage.b"}
