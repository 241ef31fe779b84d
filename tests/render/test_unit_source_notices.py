"""An article from a derivative source (a machine rewrite, an aggregator, an unattributed
text) says so near the top of its page: what the source is, its grade, and what that means
for the reader, linked to the source's page and kept out of the search index. Article
cards mark a machine rewrite as they mark a rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import THEME
from tiny_site import Tiny, tiny

from generator.render.jinja import make_environment, render_page

SOURCES = """\
- id: wire
  name: Wire Service
  url: https://wire.example/
  kind: outlet

- id: odd
  name: Odd <Site>
  kind: {kind}
  reliability: E
"""

ODD_ARTICLE = """\
---
title: Receptacle report
date: 2025-11-21
source: odd
topics: [ankara-meeting]
---

Receptacle Zelensky travelled to Ankara.
"""


def site_with(tmp_path: Path, kind: str) -> Tiny:
    files = {"sources.yaml": SOURCES.format(kind=kind), "articles/odd.md": ODD_ARTICLE}
    return tiny(tmp_path, files)


def rendered(site: Tiny, path: str) -> BeautifulSoup:
    env = make_environment(THEME, site.site.config, site.routes)
    return BeautifulSoup(render_page(env, site.page(path), site.data)[0], "html.parser")


def notice(page: BeautifulSoup) -> Tag | None:
    return page.select_one("header.page-header .source-notice")


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("machine rewrite", "a machine rewrite, graded E6 (unreliable). Names and quotes"),
        ("aggregator", "an aggregator, graded E6 (unreliable): it summarises other outlets"),
        ("unattributed", "came with no outlet, author or link, graded E6 (unreliable)"),
    ],
)
def test_an_article_from_a_derivative_source_says_what_it_is(
    tmp_path: Path, kind: str, says: str
) -> None:
    site = site_with(tmp_path, kind)
    shown = notice(rendered(site, "/articles/odd/"))
    assert shown is not None
    text = " ".join(shown.get_text().split())
    assert text.startswith("From Odd <Site>, ") and says in text
    assert "confirmed by this text alone" in text
    (link,) = shown.find_all("a")
    assert (link["href"], link.get_text()) == ("/sources/odd/", "Odd <Site>")  # escaped name
    assert shown.has_attr("data-pagefind-ignore")


def test_an_article_from_an_outlet_has_no_source_notice(tmp_path: Path) -> None:
    site = site_with(tmp_path, "machine rewrite")
    assert notice(rendered(site, "/articles/first/")) is None


@pytest.mark.parametrize("kind", ["machine rewrite", "aggregator", "unattributed"])
def test_an_article_card_marks_a_derivative_source(tmp_path: Path, kind: str) -> None:
    """A reviewer's find: a machine rewrite with a declared original was tagged "rewrite"
    as an editor's rewrite is, and an aggregator's or an unattributed text not at all."""
    site = site_with(tmp_path, kind)
    cards = rendered(site, "/articles/").select("article.card")
    badges = {
        card.select_one(".card-title").get_text(): [b.get_text() for b in card.select(".badge")]
        for card in cards
    }
    assert badges["Receptacle report"] == [kind]
    assert badges["Second report"] == ["rewrite"]  # a declared rewrite from an outlet
    assert badges["First report"] == []


def test_every_language_words_every_source_notice() -> None:
    from generator.i18n import languages, strings_for

    for language in languages():
        t = strings_for(language)
        for kind in ("machine_rewrite", "aggregator", "unattributed"):
            text = t(f"article.source_notice.{kind}", source="S", grade="E3", reliability="r")
            assert "S" in text and "E3" in text and "(r)" in text, (language, kind)
