"""structured: a page's JSON-LD in one @graph: its own item, its card image, its
breadcrumbs and, on the home page, the WebSite with its search."""

from __future__ import annotations

import pytest

from generator.pages.page import Crumb, Page
from generator.render.structured import structured_data
from generator.routes import Routes

ROUTES = Routes("https://example.org/b/", "/b/")
ARTICLE = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}
CRUMBS = (Crumb("Home", "/"), Crumb("Articles", "/articles/"))


def test_own_item_card_and_breadcrumbs_share_one_graph() -> None:
    page = Page("/articles/x/", "article.html", "X", crumbs=CRUMBS, image="/cards/x.png")
    data = structured_data(page, ARTICLE, ROUTES, "Site")
    assert data is not None and data["@context"] == "https://schema.org"
    article, crumbs = data["@graph"]
    assert "@context" not in article
    assert article["image"] == "https://example.org/b/cards/x.png"
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        "https://example.org/b/",
        "https://example.org/b/articles/",
    ]
    assert ARTICLE.get("image") is None  # the page's own mapping is left as it was


def test_the_home_page_says_how_to_search_the_site() -> None:
    data = structured_data(Page("/", "home.html", "Home"), None, ROUTES, "Site")
    assert data is not None and data["@type"] == "WebSite" and data["name"] == "Site"
    target = data["potentialAction"]["target"]["urlTemplate"]
    assert target == "https://example.org/b/search/?q={search_term_string}"


@pytest.mark.parametrize("crumbs", [(), (Crumb("Home", "/"),)])
def test_a_page_with_nothing_to_say_says_nothing(crumbs: tuple[Crumb, ...]) -> None:
    assert structured_data(Page("/x/", "x.html", "X", crumbs=crumbs), None, ROUTES, "S") is None
