"""The JSON-LD of a page as schema.org reads it: the page's own data (a NewsArticle, a
Person, the Claims of a topic) plus its BreadcrumbList, its card image, and on the home
page the WebSite with its SearchAction, in one @graph."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.pages.page import Page
from generator.routes import Routes

CONTEXT = "https://schema.org"


def structured_data(
    page: Page, own: Mapping[str, Any] | None, routes: Routes, site_title: str
) -> dict[str, Any] | None:
    """Everything the page says to machines, or None when it has nothing to say."""
    items = _items(own)
    if page.image:
        for item in items:
            if item.get("@type") == "NewsArticle":
                item["image"] = routes.absolute(page.image)
    if len(page.crumbs) > 1:
        items.append(breadcrumbs(page, routes))
    if page.path == routes.home:
        items.append(website(routes, site_title))
    if not items:
        return None
    if len(items) == 1:
        return {"@context": CONTEXT, **items[0]}
    return {"@context": CONTEXT, "@graph": items}


def breadcrumbs(page: Page, routes: Routes) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": routes.absolute(crumb.path),
            }
            for position, crumb in enumerate(page.crumbs, start=1)
        ],
    }


def website(routes: Routes, site_title: str) -> dict[str, Any]:
    return {
        "@type": "WebSite",
        "name": site_title,
        "url": routes.absolute(routes.home),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": routes.absolute(routes.search) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def _items(own: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The page's own items, each without its @context (the graph carries one)."""
    if not own:
        return []
    if "@graph" in own:
        return [dict(item) for item in own["@graph"]]
    return [{key: value for key, value in own.items() if key != "@context"}]
