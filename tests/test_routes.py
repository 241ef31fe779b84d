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

from generator.routes import Routes, is_listed, output_file, quote

PYTHON = sorted((ROOT / "generator").rglob("*.py"))
TEMPLATES = sorted((THEME / "templates").iterdir())
# A quoted site path ('/topics/', "/feed.xml") or a page file name of ours.
TEMPLATE_LITERAL = re.compile(
    r"""["'](/[a-z0-9_-]+|[a-z0-9_-]+\.(xml|html|json|txt))[^"'\s]*["']"""
)
LOADED_TEMPLATES = re.compile(r"{%\s*(extends|import|include)\b[^%]*%}")


# Files of this machine, never of the site (render/cards.py looks for fonts in /usr/share/fonts).
SYSTEM_FOLDERS = ("/usr/",)


def _path_literals(source: str) -> list[str]:
    """String constants that look like a site path, outside docstrings."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and re.fullmatch(r"/[a-z][a-z0-9_/-]*(\.[a-z]+)?/?", node.value)
        and not node.value.startswith(SYSTEM_FOLDERS)
    ]


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", [p for p in PYTHON if p.name != "routes.py"], ids=_relative)
def test_no_module_but_routes_writes_a_site_path(path: Path) -> None:
    assert _path_literals(path.read_text(encoding="utf-8")) == []


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
# Modules that issue 26's other change (the pipeline, the cache) is rewriting: to be cleared
# once both have landed.
NOT_YET = frozenset(
    {
        "generator/pipeline/builder.py",
        "generator/incremental/state.py",
        "generator/incremental/cache.py",
    }
)


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
    [p for p in PYTHON if p.name != "routes.py" and _relative(p) not in NOT_YET],
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
