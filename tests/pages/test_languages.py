"""More than one language: an article's own `language`, entity names in any script, search
in Cyrillic (in Chromium), and the evidence check across languages."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, THEME, parse
from playwright.sync_api import Browser, Page

from generator.pipeline.builder import build
from generator.pipeline.report import BuildReport
from generator.settings import BuildOptions

UKRAINIAN = """---
title: Зеленський прибув до Анкари
date: 2025-11-20
source: wire
topics: [ankara-meeting]
language: uk
---

Президент Зеленський прибув до Анкари на переговори.
"""


def multilingual(content: Path) -> Path:
    """The mini site with Cyrillic aliases, a Ukrainian article and an English fact citing it."""
    shutil.copytree(FIXTURES / "mini", content)
    entities = content / "entities.yaml"
    entities.write_text(
        entities.read_text("utf-8").replace(
            "aliases: [Zelensky, Voldymir Zelensky]",
            "aliases: [Zelensky, Voldymir Zelensky, Зеленський, Зеленский]",
        ),
        encoding="utf-8",
    )
    (content / "articles" / "kyiv-report.md").write_text(UKRAINIAN, encoding="utf-8")
    topics = content / "topics.yaml"
    fact = "\n    - text: Zelensky arrived in Ankara for talks.\n      cite: [kyiv-report]"
    topics.write_text(
        topics.read_text("utf-8").replace("      cite: [first]", "      cite: [first]" + fact, 1),
        encoding="utf-8",
    )
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    root = tmp_path_factory.mktemp("languages")
    content = multilingual(root / "content")
    return root / "site", build(
        BuildOptions(content_dir=content, theme_dir=THEME, output_dir=root / "site")
    )


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(8000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def test_an_article_in_its_own_language_says_so(built) -> None:
    site, _ = built
    page = parse(site / "articles" / "kyiv-report" / "index.html")
    assert page.html["lang"] == "en"  # the interface stays in the site's language
    assert page.select_one("article.article")["lang"] == "uk"
    assert (
        "lang" not in parse(site / "articles" / "first" / "index.html").select_one("article").attrs
    )


def test_a_cyrillic_alias_links_to_the_entity(built) -> None:
    site, _ = built
    link = parse(site / "articles" / "kyiv-report" / "index.html").select_one(".body a.entity")
    assert (link.get_text(), link["href"]) == ("Зеленський", "/entities/volodymyr-zelensky/")


def test_the_check_says_it_cannot_compare_across_languages(built) -> None:
    _, report = built
    messages = [w.message for w in report.warnings if "kyiv-report" in w.message]
    assert messages == [
        "fact 2 of topic ankara-meeting (\"Zelensky arrived in Ankara for talks.\") cites "
        "'kyiv-report', written in 'uk', but the claim is in 'en': the support "
        "check compares words and does not translate, so it cannot say whether the text "
        "supports the claim"
    ]


def search(page: Page, origin: str, query: str) -> list[str]:
    page.goto(f"{origin}/search/?q={query}")
    page.wait_for_function(
        "() => document.querySelector('.search-status').textContent.includes('“')"
    )
    return page.locator(".search-results li.result > a.result-title").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


@pytest.mark.parametrize("query", ["Зеленський", "Зеленский", "зеленський"])
def test_a_cyrillic_name_finds_the_entity_and_every_article(
    built, serve_dir, page: Page, query: str
) -> None:
    found = search(page, serve_dir(built[0]), query)
    assert found[0] == "/entities/volodymyr-zelensky/"
    assert {"/articles/first/", "/articles/second/", "/articles/kyiv-report/"} <= set(found)


def test_a_ukrainian_word_finds_the_ukrainian_article(built, serve_dir, page: Page) -> None:
    assert search(page, serve_dir(built[0]), "переговори") == ["/articles/kyiv-report/"]


@pytest.fixture(scope="module")
def ukrainian_interface(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("uk-interface")
    content = multilingual(root / "content")
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text("utf-8").replace("language: en", "language: uk"))
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=root / "site"))
    return root / "site"


def test_the_search_page_speaks_the_site_language(
    ukrainian_interface: Path, serve_dir, page: Page
) -> None:
    page.goto(f"{serve_dir(ukrainian_interface)}/search/?q=Зеленський&sort=date")
    page.wait_for_function("() => document.querySelector('.search-status').textContent")
    assert page.locator(".search-status").inner_text() == (
        "5 результатів за запитом «Volodymyr Zelensky», спершу нові"  # and a topic: it names him
    )
    assert page.locator(".search-correction").inner_text() == (
        "Показано результати для Volodymyr Zelensky. Шукати натомість Зеленський."
    )
    assert page.locator("#search-q").get_attribute("placeholder").startswith("напр.")
