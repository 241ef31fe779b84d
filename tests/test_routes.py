"""The URL table: every page path is made by `routes`, and nothing else writes one."""

from __future__ import annotations

import ast
import re
import urllib.parse
from pathlib import Path

import pytest
from conftest import ROOT, THEME
from hypothesis import given
from hypothesis import strategies as st

from generator.routes import OUTPUT_NAMES, Routes, is_listed, output_file, quote

PYTHON = sorted((ROOT / "generator").rglob("*.py"))
TEMPLATES = sorted((THEME / "templates").iterdir())
# A quoted site path ('/topics/', "/feed.xml") or a page file name of ours.
TEMPLATE_LITERAL = re.compile(
    r"""["'](/[a-z0-9_-]+|[a-z0-9_-]+\.(xml|html|json|txt))[^"'\s]*["']"""
)
LOADED_TEMPLATES = re.compile(r"{%\s*(extends|import|include)\b[^%]*%}")


# Files of this machine, never of the site (render/cards.py looks for fonts in /usr/share/fonts).
SYSTEM_FOLDERS = ("/usr/",)


def _docstrings(tree: ast.AST) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _path_literals(source: str) -> list[str]:
    """String constants that look like a site path, outside docstrings."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and re.fullmatch(r"/[a-z][a-z0-9_/-]*(\.[a-z]+)?/?", node.value)
        and not node.value.startswith(SYSTEM_FOLDERS)
    ]


# Modules where a name of the output table is also the name of something else.
NOT_OUTPUT_NAMES = {
    "generator/pipeline/stages.py": {"cards"},  # a build stage's name (STAGES)
    "generator/content/yaml_records.py": {"cards"},  # site.yaml's key 'cards: page | site'
    "generator/search/pagefind_client.py": {"pagefind"},  # the program's name
    "generator/resources.py": {"pagefind"},  # a library's name (LIBRARIES)
}


def _stage_names(tree: ast.AST) -> set[int]:
    """The names given to `clock.stage(...)`: stages, not folders ('cards')."""
    return {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and node.args
        and "stage" in (getattr(node.func, "attr", None), getattr(node.func, "id", None))
    }


def _spells_a_name(text: str, names: frozenset[str]) -> bool:
    """The text is a name of the table, holds one as a part of a path ('static/x.css',
    f"{x}.cache"), or, for a name with a dot, as a word ('ignore .briefing-cache/ ...')."""
    if names & set(text.split("/")):
        return True
    return any("." in word and word in names for word in re.split(r"[/\s]+", text))


def _name_literals(source: str, names: frozenset[str]) -> list[str]:
    """String constants, and the text of f-strings, outside docstrings and stage names,
    that spell a name of the output table."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _stage_names(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and _spells_a_name(node.value, names)
    ]


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", [p for p in PYTHON if p.name != "routes.py"], ids=_relative)
def test_no_module_but_routes_writes_a_site_path(path: Path) -> None:
    assert _path_literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", [p for p in PYTHON if p.name != "routes.py"], ids=_relative)
def test_no_module_but_routes_writes_an_output_name(path: Path) -> None:
    names = OUTPUT_NAMES - NOT_OUTPUT_NAMES.get(_relative(path), set())
    assert _name_literals(path.read_text(encoding="utf-8"), names) == []


def test_the_name_finder_finds_a_name_planted_in_a_real_module() -> None:
    source = (ROOT / "generator" / "pipeline" / "writers.py").read_text(encoding="utf-8")
    planted = source.replace("out / SEARCH_FOLDER", 'out / "pagefind"', 1)
    assert planted != source and _name_literals(source, OUTPUT_NAMES) == []
    assert _name_literals(planted, OUTPUT_NAMES) == ["pagefind"]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('copy(f"static/{name}")', ["static/"]),
        ('path = out.parent / f"{out.name}.manifest.json"', [".manifest.json"]),
        ('HELP = "ignore .briefing-cache/ beside it"', ["ignore .briefing-cache/ beside it"]),
        ('NAME = "cards"', ["cards"]),
        ('LINK = "/pagefind/pagefind.js"', ["/pagefind/pagefind.js"]),
        ('with clock.stage("cards"):\n    pass', []),  # a stage's name
        ('"""Writes static files and cards."""', []),  # a docstring
        ('message = "the theme\'s static files"', []),  # a word of prose
    ],
)
def test_the_name_finder(source: str, found: list[str]) -> None:
    assert _name_literals(source, OUTPUT_NAMES) == found


@pytest.mark.parametrize("path", TEMPLATES, ids=_relative)
def test_no_template_writes_a_site_path(path: Path) -> None:
    text = LOADED_TEMPLATES.sub("", path.read_text(encoding="utf-8"))
    code = " ".join(re.findall(r"{{.*?}}|{%.*?%}", text, flags=re.S))
    attributes = re.findall(r"""(?:href|src|action)="(/[^"]*)\"""", text)
    assert TEMPLATE_LITERAL.findall(code) == [] and attributes == []


def test_the_literal_finder_finds_literals() -> None:
    assert _path_literals('LINK = "/topics/"\nx = f(\'/feed.xml\')\n') == ["/topics/", "/feed.xml"]
    assert _path_literals('"""Docs: \'/topics/x/\'."""\n') == []


# The content files' names (routes.py, "content files"): no other module writes one out.
CONTENT_FILE = re.compile(r"\b(site|topics|entities|sources)\.yaml\b")
CONTENT_FOLDERS = frozenset({"articles", "templates", "static"})


def _content_name_literals(source: str) -> list[str]:
    """String constants naming a content file, and `folder / "articles"`-like joins,
    outside docstrings."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings and (
                CONTENT_FILE.search(node.value) or node.value.startswith("articles/")
            ):
                found.append(node.value)
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.right, ast.Constant)
            and node.right.value in CONTENT_FOLDERS
        ):
            found.append(f"/ {node.right.value!r}")
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in PYTHON if p.name != "routes.py"],
    ids=_relative,
)
def test_no_module_but_routes_names_a_content_file(path: Path) -> None:
    assert _content_name_literals(path.read_text(encoding="utf-8")) == []


def test_the_content_name_finder_finds_them() -> None:
    source = (
        'NAME = "site.yaml"\n'
        'hint = f"add it to {x} in entities.yaml"\n'
        'path = content / "articles" / f"{slug}.md"\n'
        'key = f"articles/{slug}.md"\n'
        "theme = folder / 'templates'\n"
    )
    assert sorted(_content_name_literals(source)) == [
        " in entities.yaml",
        "/ 'articles'",
        "/ 'templates'",
        "articles/",
        "site.yaml",
    ]
    assert _content_name_literals('"""Reads site.yaml and articles/x.md."""\n') == []


def test_paths_are_quoted_and_linked_under_the_base_path() -> None:
    routes = Routes("https://example.org/repo/", "/repo/")
    assert routes.article("a b") == "/articles/a%20b/"
    assert routes.link(routes.topic("x")) == "/repo/topics/x/"
    assert routes.absolute(routes.entity("y")) == "https://example.org/repo/entities/y/"
    assert routes.topic_feed("x") == "/topics/x/feed.xml"
    assert routes.feed_id("/feed.xml") == "https://example.org/repo/feed.xml"
    assert Routes().feed_id("/feed.xml") == "tag:briefing,2025:/feed.xml"
    assert Routes().absolute("/topics/") == "/topics/"


def test_search_links_fill_the_form() -> None:
    link = Routes().search_for(entity="Steve Witkoff", type="Article", sort="", q="a&b")
    assert link == "/search/?entity=Steve%20Witkoff&type=Article&q=a%26b"


def test_output_files() -> None:
    assert output_file("/") == "index.html"
    assert output_file("/topics/x/") == "topics/x/index.html"
    assert output_file("/articles/a%20b/") == "articles/a b/index.html"
    assert output_file("/feed.xml") == "feed.xml"
    assert is_listed("/topics/") and not is_listed("/search/") and not is_listed("/404.html")


@given(st.text() | st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True))
def test_quote_is_urllibs_quote(text: str) -> None:
    assert quote(text) == urllib.parse.quote(text)


@given(st.integers(0, 2000), st.integers(1, 120))
def test_pages_of_a_list_cover_it_once_in_order(total: int, per_page: int) -> None:
    from generator.views.paging import pagers

    found = pagers(total, per_page, Routes().articles_page)
    assert found[0].paths[0] == Routes().articles and len(set(found[0].paths)) == len(found)
    shown = [n for pager in found for n in range(pager.first, pager.last + 1)] if total else []
    assert shown == list(range(1, total + 1))
    assert all(pager.last - pager.first < per_page for pager in found)
    assert [p.next for p in found[:-1]] == [p.paths[p.number] for p in found[:-1]]
    assert found[0].previous == "" and found[-1].next == ""
