"""render.cards.page_cards: the card of each page: topics, articles, entities and sources
their own kicker, title and footer; every other shareable HTML page a default one; all in
the theme's header colours."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tiny_site import Tiny, tiny

from generator.render.cards.card import DRAWN, Card, KnownCards
from generator.render.cards.page_cards import (
    DEFAULT_COLOURS,
    site_cards,
    theme_colours,
    with_cards,
)


@pytest.fixture
def site(tmp_path: Path) -> Tiny:
    return tiny(tmp_path)


def cards(site: Tiny) -> dict[str, Card]:
    reader = site.reader()
    grades = {slug: reader.grade(slug) for slug in site.site.articles}
    return site_cards(site.site, site.graph, grades, DEFAULT_COLOURS, site.routes, site.pages)


def said(card: Card) -> tuple[str, str, str]:
    return (card.kicker, card.title, card.footer)


def test_each_record_has_its_own_card(site: Tiny) -> None:
    made = cards(site)
    assert said(made["/topics/ankara-meeting/"]) == (
        "Topic",
        "Ankara meeting",
        "2 articles from 1 source",
    )
    assert said(made["/articles/first/"]) == (
        "Article · Ankara meeting",
        "First report",
        "Wire Service · 2025-11-18 · graded F6",
    )
    assert said(made["/entities/ankara/"]) == ("Place", "Ankara", "Named in 1 article")
    assert said(made["/sources/wire/"])[2].startswith("2 articles")
    assert {card.site_title for card in made.values()} == {"Mini briefing"}
    assert {card.background for card in made.values()} == {"#1f4e79"}


def test_other_html_pages_get_a_default_card_but_not_404_or_files(site: Tiny) -> None:
    made = cards(site)
    assert said(made["/"])[0] == "Briefing"
    assert said(made["/search/"]) == (
        "Search",
        said(made["/search/"])[1],
        "2 articles from 1 source · 1 topic",
    )
    assert "/404.html" not in made and "/robots.txt" not in made
    assert "/topics/ankara-meeting/timeline.json" not in made


def test_pages_get_the_path_of_their_card(site: Tiny) -> None:
    made = cards(site)
    pages = {page.path: page for page in with_cards(site.pages, made)}
    assert pages["/articles/first/"].image == made["/articles/first/"].path
    assert pages["/404.html"].image == ""
    assert pages["/articles/first/"].image_alt == made["/articles/first/"].title
    assert pages["/"].image_alt == site.site.config.description  # what the home card says


def test_the_themes_first_header_colours_are_used(tmp_path: Path) -> None:
    css = tmp_path / "style.css"
    css.write_text(
        ":root { --header-bg: #123456; --accent:#abc }\n"
        "@media (prefers-color-scheme: dark) { :root { --header-bg: #000000 } }\n"
    )
    assert theme_colours(css) == {"header-bg": "#123456", "header-fg": "#ffffff", "accent": "#abc"}
    assert theme_colours(tmp_path / "none.css") == DEFAULT_COLOURS


def test_a_redirect_from_an_old_address_gets_no_card(tmp_path: Path) -> None:
    moved = "---\ntitle: Moved\ndate: 2025-11-20\nsource: wire\naliases: [/old/]\n---\n\nText.\n"
    site = tiny(tmp_path, {"articles/moved.md": moved})
    assert "/old/" in {page.path for page in site.pages}
    assert "/old/" not in cards(site)


def test_with_cards_site_every_page_shows_the_home_pages_card(tmp_path: Path) -> None:
    """site.yaml's `cards: site` (issue 27): the pages that had a card each share one."""
    own = cards(tiny(tmp_path / "own"))
    site_yaml = (Path(__file__).parents[1] / "fixtures" / "mini" / "site.yaml").read_text()
    shared = cards(tiny(tmp_path / "shared", {"site.yaml": site_yaml + "cards: site\n"}))
    assert shared.keys() == own.keys()
    assert set(shared.values()) == {own["/"]}


def test_the_home_card_says_what_the_site_is_about_not_its_title_twice(site: Tiny) -> None:
    home = cards(site)["/"]
    assert home.site_title == site.site.config.title
    assert home.title == site.site.config.description != site.site.config.title


def test_a_site_without_a_description_keeps_its_title_on_the_home_card(site: Tiny) -> None:
    bare = replace(site.site, config=replace(site.site.config, description=""))
    reader = site.reader()
    grades = {slug: reader.grade(slug) for slug in bare.articles}
    made = site_cards(bare, site.graph, grades, DEFAULT_COLOURS, site.routes, site.pages)
    assert made["/"].title == bare.config.title


def test_known_cards_give_back_the_last_builds_card_for_the_same_drawing(site: Tiny) -> None:
    reader = site.reader()
    grades = {slug: reader.grade(slug) for slug in site.site.articles}
    first = KnownCards()
    made = site_cards(
        site.site, site.graph, grades, DEFAULT_COLOURS, site.routes, site.pages, first
    )
    assert made == cards(site)  # the same cards as Card makes them
    again = KnownCards(first.made)
    remade = site_cards(
        site.site, site.graph, grades, DEFAULT_COLOURS, site.routes, site.pages, again
    )
    assert all(remade[path] is card for path, card in made.items())
    other = replace(made["/articles/first/"], title="Renamed")
    assert again(**{name: getattr(other, name) for name in DRAWN}).name == other.name
    assert other.name != made["/articles/first/"].name


def test_a_kept_page_keeps_its_card_until_the_card_changes(site: Tiny) -> None:
    made = cards(site)
    pages = with_cards(site.pages, made)
    earlier = {raw.path: (raw, page) for raw, page in zip(site.pages, pages, strict=True)}
    again = with_cards(site.pages, made, earlier)
    assert all(a is b for a, b in zip(pages, again, strict=True))
    renamed = {**made, "/articles/first/": replace(made["/articles/first/"], title="Renamed")}
    by_path = {page.path: page for page in with_cards(site.pages, renamed, earlier)}
    assert by_path["/articles/first/"].image == renamed["/articles/first/"].path
    assert by_path["/articles/first/"].image_alt == "Renamed"
    assert by_path["/"] is earlier["/"][1]
