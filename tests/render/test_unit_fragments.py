"""Fragments drawn once (`once(m.article_card, card)`): the same HTML as drawing them every
time, on every page of a site and for any arguments; drawn once per distinct value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup
from conftest import THEME
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup
from tiny_site import tiny

from generator.render.fragments import Fragments
from generator.render.jinja import make_environment, render_page, section_mark


class Counting:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        self.calls.append((*args, *kwargs.items()))
        return f"<{args!r} {kwargs!r}>"


class EveryTime:
    """`once` as if nothing were kept: every call drawn anew."""

    def __call__(self, macro: Any, *args: Any, **kwargs: Any) -> Any:
        return macro(*args, **kwargs)

    def each(self, macro: Any, items: Any) -> Markup:
        return Markup("").join(macro(item) for item in items)


def test_each_distinct_call_is_drawn_once() -> None:
    once, macro = Fragments(), Counting()
    first = [once(macro, "a"), once(macro, "b"), once(macro, "a"), once(macro, "a", heading="h2")]
    again = [once(macro, "a"), once(macro, "b"), once(macro, "a", heading="h2")]
    assert first == [macro("a"), macro("b"), macro("a"), macro("a", heading="h2")]
    assert again == [first[0], first[1], first[3]]
    assert len(macro.calls) == 3 + 4  # three drawn through once, four directly
    assert len(once) == 3


def test_equal_values_of_other_types_are_other_fragments() -> None:
    once = Fragments()
    assert once(repr, 1) == "1" and once(repr, True) == "True" and once(repr, 1.0) == "1.0"
    assert once(repr, "<b>") == "'<b>'" and once(repr, Markup("<b>")) == "Markup('<b>')"
    counting = Counting()
    assert once(counting, x=1) != once(counting, x=True)


def test_an_unhashable_argument_is_drawn_every_time() -> None:
    once, macro = Fragments(), Counting()
    assert once(macro, ["a"]) == once(macro, ["a"]) == macro(["a"])
    assert len(macro.calls) == 3 and len(once) == 0


def test_it_starts_afresh_at_its_limit() -> None:
    once, macro = Fragments(limit=3), Counting()
    drawn = [once(macro, n) for n in range(10)]
    assert drawn == [macro(n) for n in range(10)]
    assert 1 <= len(once) <= 3


MACROS = (
    "{% macro card(item, heading='h3') %}"
    "<{{ heading }}>{{ item }}</{{ heading }}>{{ t }}{% endmacro %}"
)
LOOP = '{% import "macros.html" as m %}{% for item in items %}{{ CALL }}{% endfor %}'
ONCE = LOOP.replace("CALL", "once(m.card, item)")
EVERY_TIME = LOOP.replace("CALL", "m.card(item)")
EACH = '{% import "macros.html" as m %}{{ once.each(m.card, items) }}'
ITEMS = st.one_of(st.text(max_size=5), st.text(max_size=5).map(Markup), st.integers(0, 3),
                  st.booleans(), st.tuples(st.text(max_size=3)))  # fmt: skip


@given(pages=st.lists(st.lists(ITEMS, max_size=6), min_size=1, max_size=4))
def test_a_macro_drawn_once_is_the_macro_drawn_each_time(pages: list[list[object]]) -> None:
    templates = {
        "macros.html": MACROS,
        "once.html": ONCE,
        "each.html": EACH,
        "every_time.html": EVERY_TIME,
    }
    env = jinja2.Environment(
        loader=jinja2.DictLoader(templates), autoescape=True, undefined=jinja2.StrictUndefined
    )
    env.globals.update(once=Fragments(), t="<T>")
    for items in pages:
        drawn_once = env.get_template("once.html").render(items=items)
        assert drawn_once == env.get_template("every_time.html").render(items=items)
        assert env.get_template("each.html").render(items=items) == drawn_once


def test_each_draws_each_distinct_item_once_and_escapes_what_is_not_markup() -> None:
    once, macro = Fragments(), Counting()
    joined = once.each(macro, ["a", "b", "a"])
    assert joined == Markup("").join([macro("a"), macro("b"), macro("a")])
    assert "&lt;" in joined and "<" not in joined.replace("&lt;", "")  # macro gave plain str
    assert once.each(macro, ["b", "a"]) == Markup("").join([once(macro, "b"), once(macro, "a")])
    assert once.each(macro, [["unhashable"]]) == Markup("").join([macro(["unhashable"])])
    assert len(macro.calls) == 2 + 3 + 1 + 1  # a and b once; the unhashable each time


def test_every_page_of_a_site_is_the_same_with_fragments_drawn_once(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    env = make_environment(THEME, site.site.config, site.routes)
    fragments = env.globals["once"]
    assert isinstance(fragments, Fragments)
    with_once = [render_page(env, page, site.data)[0] for page in site.pages]
    env.globals["once"] = EveryTime()
    every_time = [render_page(env, page, site.data)[0] for page in site.pages]
    assert with_once == every_time
    assert len(fragments) > 0  # cards were drawn through it
    assert any('class="card"' in html for html in with_once)
    assert any('<span class="count">' in html for html in with_once)  # counted chips


def test_the_header_drawn_once_marks_each_page_s_own_section(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    env = make_environment(THEME, site.site.config, site.routes)
    routes = site.routes
    prefixes = [routes.topics, routes.articles, routes.entities, routes.sources]
    exact = [routes.timeline, routes.whats_new]
    marked = set()
    for page in site.pages:
        if not page.template.endswith(".html") or page.template == "redirect.html":
            continue  # feeds, exports; a redirect has no header
        html = render_page(env, page, site.data)[0]
        nav = BeautifulSoup(html, "html.parser").select_one("nav.site-nav")
        assert nav is not None, page.path
        current = [(a["href"], a["aria-current"]) for a in nav.select("a[aria-current]")]
        expected = [(routes.link(p), "page" if page.path == p else "true")
                    for p in prefixes if page.path.startswith(p)]
        expected += [(routes.link(p), "page") for p in exact if page.path == p]
        assert current == expected, page.path
        marked.update(current)
    assert len(marked) >= 6  # each section's own page ("page") and pages under it ("true")
    assert {mark for _, mark in marked} == {"page", "true"}


@pytest.mark.parametrize(
    ("path", "section", "exact", "mark"),
    [("/articles/", "/articles/", False, "page"), ("/articles/a/", "/articles/", False, "true"),
     ("/topics/", "/articles/", False, ""), ("/timeline/x/", "/timeline/", True, "")],
)
def test_section_mark_says_page_on_the_section_s_own_page(
    path: str, section: str, exact: bool, mark: str
) -> None:
    assert section_mark(path, section, exact) == mark
