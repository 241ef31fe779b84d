"""The card of each page: its kicker, title and footer, in the theme's header colours."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from generator.content.model import Site
from generator.evidence.provenance import Grade
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.render.cards.card import Card, MakeCard
from generator.routes import NOT_FOUND_FILE, Routes

DEFAULT_COLOURS = {"header-bg": "#1f4e79", "header-fg": "#ffffff", "accent": "#1f4e79"}
CSS_COLOUR = re.compile(r"--(header-bg|header-fg|accent)\s*:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")


def theme_colours(stylesheet: Path) -> dict[str, str]:
    """The light scheme's header colours from the theme's style.css (its first values),
    so a site that restyles its header gets cards to match."""
    colours = dict(DEFAULT_COLOURS)
    try:
        css = stylesheet.read_text(encoding="utf-8")
    except OSError:
        return colours
    found: dict[str, str] = {}
    for name, value in CSS_COLOUR.findall(css):
        found.setdefault(name, value)
    return colours | found


def site_cards(
    site: Site,
    graph: LinkGraph,
    grades: Mapping[str, Grade],
    colours: Mapping[str, str],
    routes: Routes,
    pages: Iterable[Page] = (),
    make: MakeCard = Card,
) -> dict[str, Card]:
    """The card of each page, by page path: topics, articles, entities and sources their
    own; every other HTML page in `pages` a default one. With `cards: site` in site.yaml,
    every one of them the site's card (the home page's): one PNG to draw, not one a page.
    `make` makes each card (a `KnownCards` gives back the last build's)."""
    base = {
        "site_title": site.config.title,
        "background": colours["header-bg"],
        "foreground": colours["header-fg"],
    }
    cards = _own_cards(site, graph, grades, base, routes, make)
    cards |= default_cards(pages, site, base, cards, make)
    if site.config.cards == "site":
        return dict.fromkeys(cards, _site_card(pages, site, base, make))
    return cards


def _own_cards(
    site: Site,
    graph: LinkGraph,
    grades: Mapping[str, Grade],
    base: Mapping[str, str],
    routes: Routes,
    make: MakeCard,
) -> dict[str, Card]:
    cards: dict[str, Card] = {}
    for topic in site.topics.values():
        slugs = graph.articles_by_topic.get(topic.id, ())
        outlets = {site.articles[slug].source for slug in slugs}
        footer = f"{_count(len(slugs), 'article')} from {_count(len(outlets), 'source')}"
        cards[routes.topic(topic.id)] = make(
            kicker="Topic", title=topic.title, footer=footer, **base
        )
    for article in site.articles.values():
        topics = ", ".join(site.topics[t].title for t in article.topics)
        source = site.sources[article.source].name
        grade = grades[article.slug]
        footer = f"{source} · {article.date.isoformat()} · graded {grade.code}"
        kicker = "Article" + (f" · {topics}" if topics else "")
        cards[routes.article(article.slug)] = make(
            kicker=kicker, title=article.title, footer=footer, **base
        )
    return cards | entity_and_source_cards(site, graph, base, routes, make)


# The kicker of a page that has no card of its own, by its template: every HTML page a
# reader can share gets a card.
HOME_TEMPLATE = "home.html"
KICKERS = {
    HOME_TEMPLATE: "Briefing",
    "topics.html": "Topics",
    "articles.html": "Articles",
    "sources.html": "Sources",
    "entities.html": "People, organisations and places",
    "timeline.html": "Timeline",
    "graph.html": "People, organisations and places",
    "search.html": "Search",
}
DEFAULT_KICKER = "Briefing"
NOT_SHARED = frozenset({NOT_FOUND_FILE, "redirect.html"})  # HTML pages nobody shares


def entity_and_source_cards(
    site: Site, graph: LinkGraph, base: Mapping[str, str], routes: Routes, make: MakeCard = Card
) -> dict[str, Card]:
    cards: dict[str, Card] = {}
    for entity in site.entities.values():
        count = len(graph.articles_by_entity.get(entity.id, ()))
        footer = f"Named in {_count(count, 'article')}"
        kicker = entity.kind.capitalize() or "Entity"
        cards[routes.entity(entity.id)] = make(
            kicker=kicker, title=entity.name, footer=footer, **base
        )
    for source in site.sources.values():
        count = len(graph.articles_by_source.get(source.id, ()))
        grade = f" · reliability {source.reliability}" if source.reliability else ""
        cards[routes.source(source.id)] = make(
            kicker="Source", title=source.name, footer=f"{_count(count, 'article')}{grade}", **base
        )
    return cards


def default_cards(
    pages: Iterable[Page],
    site: Site,
    base: Mapping[str, str],
    taken: Mapping[str, Card],
    make: MakeCard = Card,
) -> dict[str, Card]:
    """A card for each HTML page that has none of its own (home, lists, timeline, search,
    what's new, comparisons...): its kind, its title and the site's size."""
    footer = _site_footer(site)
    return {
        page.path: make(
            kicker=KICKERS.get(page.template, DEFAULT_KICKER),
            title=_card_title(page.title, page.template, site),
            footer=footer,
            **base,
        )
        for page in pages
        if page.path not in taken and _shareable(page)
    }


def _site_card(
    pages: Iterable[Page], site: Site, base: Mapping[str, str], make: MakeCard
) -> Card:
    """The home page's card (the site's title, if there is no home page)."""
    home = next((page.title for page in pages if page.template == HOME_TEMPLATE), None)
    title = _card_title(site.config.title if home is None else home, HOME_TEMPLATE, site)
    return make(kicker=KICKERS[HOME_TEMPLATE], title=title, footer=_site_footer(site), **base)


def _card_title(title: str, template: str, site: Site) -> str:
    """A page's title; the home page's, when it is the site's title (already drawn at the
    card's top), is what the site is about: its description, if it has one."""
    if template == HOME_TEMPLATE and title == site.config.title:
        return site.config.description or title
    return title


def _site_footer(site: Site) -> str:
    outlets = {article.source for article in site.articles.values()}
    return (
        f"{_count(len(site.articles), 'article')} from {_count(len(outlets), 'source')}"
        f" · {_count(len(site.topics), 'topic')}"
    )


def _shareable(page: Page) -> bool:
    return (
        page.path.endswith("/")
        and page.template.endswith(".html")
        and page.template not in NOT_SHARED
    )


Carded = Mapping[str, tuple[Page, Page]]  # path -> (a page, the page with its card)


def with_cards(
    pages: Iterable[Page], cards: Mapping[str, Card], earlier: Carded | None = None
) -> tuple[Page, ...]:
    """Each page with its card; `earlier`'s page with its card where the page is the same
    object (a kept page) and its card the same."""
    earlier = earlier or {}
    return tuple(_with_card(page, cards.get(page.path), earlier.get(page.path)) for page in pages)


def _with_card(page: Page, card: Card | None, earlier: tuple[Page, Page] | None) -> Page:
    if card is None:
        return page
    image = card.path
    if earlier is not None and earlier[0] is page:
        carded = earlier[1]
        if carded.image == image and carded.image_alt == card.title:
            return carded
    return replace(page, image=image, image_alt=card.title)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
