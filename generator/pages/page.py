"""A page to render: what the pipeline hands from `pages` to `render`."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.reads.reader import Reader


@dataclass(frozen=True, slots=True)
class Crumb:
    title: str
    path: str


def no_context(reader: Reader) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # site-relative, e.g. '/topics/ankara-meeting/'
    template: str
    title: str
    # Makes the template's variables from the site as the Reader shows it, when the
    # page is rendered: most pages of a rebuild are not, and what it reads is recorded.
    context: Callable[[Reader], Mapping[str, Any]] = no_context
    crumbs: tuple[Crumb, ...] = ()
    description: str = ""  # plain text for <meta name=description> and cards; site's if empty
    og_type: str = "website"
    feeds: tuple[Crumb, ...] = ()  # Atom feeds to announce, besides the site's
    signature: Hashable = ()  # anything else its context is made from (the sitemap: its pages)
    image: str = ""  # site path of its social card (og:image), if it has one
    image_alt: str = ""  # what the card says in words (og:image:alt); the title if empty

    @property
    def header(self) -> tuple:
        """What the page is made from besides its reads: a change re-renders it."""
        return (
            self.template,
            self.title,
            self.crumbs,
            self.description,
            self.og_type,
            self.feeds,
            self.signature,
            self.image,
            self.image_alt,
        )
