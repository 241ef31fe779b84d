"""pages.crumbs: breadcrumbs start at the home page and lead down to the page; a list's
later pages add their own number."""

from __future__ import annotations

from generator.i18n import strings_for
from generator.pages.crumbs import articles_crumbs, crumbs
from generator.pages.page import Crumb
from generator.routes import Routes
from generator.views.paging import Pager

ROUTES = Routes("https://x.example/brief/", "/brief/")


def test_the_way_down_starts_at_home() -> None:
    t = strings_for("en")
    assert crumbs(t, ROUTES, ("Topics", ROUTES.topics)) == (
        Crumb("Home", ROUTES.home),
        Crumb("Topics", ROUTES.topics),
    )
    assert crumbs(strings_for("uk"), ROUTES)[0].title == strings_for("uk")("nav.home")


def test_the_first_page_of_articles_ends_at_articles_and_a_later_one_at_itself() -> None:
    t = strings_for("en")
    paths = (ROUTES.articles, "/articles/page/2/")
    first = articles_crumbs(t, ROUTES, Pager(1, paths, 40, 1, 20))
    assert [c.title for c in first] == ["Home", "Articles"]
    second = articles_crumbs(t, ROUTES, Pager(2, paths, 40, 21, 40))
    assert second[-1] == Crumb(t("nav.page", number=2), "/articles/page/2/")
    assert second[1] == Crumb("Articles", ROUTES.articles)
