"""pages.entities: a page for each person, organisation and place: the newest articles that
name them (twenty; search finds the rest), who they are named with, a feed when named."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from tiny_site import Tiny, article, tiny

from generator.pages import entities
from generator.pages.entities import entity_pages
from generator.pages.page import Crumb, Page


def pages(site: Tiny) -> dict[str, Page]:
    found = entity_pages(site.site, site.graph, site.texts, site.routes)
    return {page.path: page for page in found}


def test_a_person_is_a_profile_with_a_feed_of_the_articles_naming_them(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    person = pages(site)["/entities/volodymyr-zelensky/"]
    assert (person.template, person.title, person.og_type) == (
        "entity.html",
        "Volodymyr Zelensky",
        "profile",
    )
    assert person.description == "President of Ukraine."
    assert person.feeds == (
        Crumb("Articles mentioning Volodymyr Zelensky", "/entities/volodymyr-zelensky/feed.xml"),
    )
    assert [c.title for c in person.crumbs] == ["Home", "People & places", "Volodymyr Zelensky"]
    context = person.context(site.reader())
    assert (context["kind_heading"], context["article_count"]) == ("People", 2)
    assert [card.article.slug for card in context["articles"]] == ["second", "first"]
    assert context["all_articles_url"] == (
        "/search/?entity=Volodymyr%20Zelensky&type=Article&sort=date"
    )
    assert [shown.entity.id for shown in context["together"].shown] == ["ankara"]


def test_a_place_no_article_names_has_no_feed(tmp_path: Path) -> None:
    lviv = "- id: lviv\n  name: Lviv\n  kind: place\n"
    entities_yaml = (FIXTURES / "mini" / "entities.yaml").read_text(encoding="utf-8")
    site = tiny(tmp_path, {"entities.yaml": entities_yaml + lviv})
    place = pages(site)["/entities/lviv/"]
    assert (place.og_type, place.feeds) == ("website", ())
    assert place.context(site.reader())["article_count"] == 0


def test_only_the_newest_articles_are_shown_and_all_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entities, "ENTITY_ARTICLES_SHOWN", 1)
    site = tiny(tmp_path, {"articles/third.md": article("Third", "2025-11-25")})
    context = pages(site)["/entities/volodymyr-zelensky/"].context(site.reader())
    assert [card.article.slug for card in context["articles"]] == ["third"]
    assert context["article_count"] == 3
