"""Breadcrumbs: the home page, then the way down to a page."""

from __future__ import annotations

from generator.i18n import Strings
from generator.pages.page import Crumb
from generator.routes import Routes
from generator.views import paging


def crumbs(t: Strings, routes: Routes, *crumbs: tuple[str, str]) -> tuple[Crumb, ...]:
    return (Crumb(t("nav.home"), routes.home), *(Crumb(title, path) for title, path in crumbs))


def articles_crumbs(t: Strings, routes: Routes, pager: paging.Pager) -> tuple[Crumb, ...]:
    articles = (t("nav.articles"), routes.articles)
    if pager.number == 1:
        return crumbs(t, routes, articles)
    own = (t("nav.page", number=pager.number), pager.paths[pager.number - 1])
    return crumbs(t, routes, articles, own)
