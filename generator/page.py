"""A page to render: what the pipeline hands from `pages` to `render`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Crumb:
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # site-relative, e.g. '/topics/ankara-meeting/'
    template: str
    title: str
    # The template's variables, or a function that makes them: most pages of a rebuild
    # are not rendered again, so their context is only built when it is needed.
    context: Mapping[str, Any] | Callable[[], Mapping[str, Any]] = field(default_factory=dict)
    crumbs: tuple[Crumb, ...] = ()
    inputs: tuple[str, ...] = ()  # content files it is made from, besides site.yaml and the theme
    description: str = ""  # plain text for <meta name=description> and cards; site's if empty
    og_type: str = "website"
    feeds: tuple[Crumb, ...] = ()  # Atom feeds to announce, besides the site's
    json_ld: Mapping[str, Any] | None = None
    image: str = ""  # site path of its social card (og:image), if it has one


BODY = "#body"  # suffix of the input key that changes when only an article's text changes


def article_inputs(slugs: Iterable[str], body: bool = False) -> tuple[str, ...]:
    """The input keys of articles, as the build state names files: 'articles/x.md' for
    pages that show an article's front matter, plus 'articles/x.md#body' for pages
    that also depend on its text (its own page, mention counts)."""
    keys = [f"articles/{slug}.md" for slug in slugs]
    return tuple(keys + [key + BODY for key in keys]) if body else tuple(keys)
