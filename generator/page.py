"""A page to render: what the pipeline hands from `pages` to `render`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    context: Mapping[str, Any] = field(default_factory=dict)
    crumbs: tuple[Crumb, ...] = ()
    inputs: tuple[str, ...] = ()  # content files it is made from, besides site.yaml and the theme
    description: str = ""  # plain text for <meta name=description> and cards; site's if empty
    og_type: str = "website"
    feeds: tuple[Crumb, ...] = ()  # Atom feeds to announce, besides the site's
    json_ld: Mapping[str, Any] | None = None


def article_inputs(slugs: Iterable[str]) -> tuple[str, ...]:
    """The input keys of articles, as the build state names files."""
    return tuple(f"articles/{slug}.md" for slug in slugs)
