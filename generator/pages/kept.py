"""Page objects made again only when what they are made from changes.

A page kind makes each page through `PageMaker.page(key, make, *args)`: `key` names every value
the page object holds (its path, title, description, crumbs...) and `make` makes it. A
rebuild in the same process hands the maker the last build's pages by key, and an equal
key gives back the same page object: a page's text and lists are read when it renders
(and the reads recorded), so a body edit makes no page object again and a title edit
only the pages that show the title in their header. What every page of the site is made
from (its settings and routes) is the maker's `shared` key: when it changes, nothing is
kept. A key that leaves out a value the page holds would keep a stale page: the
incremental property test (tests/incremental/) compares every rebuild with a cold one."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ParamSpec

from generator.pages.page import Page

P = ParamSpec("P")
Made = Page | tuple[Page, ...]  # a page, or pages made together


@dataclass(frozen=True, slots=True)
class KeptPages:
    """The page objects one build made, by their keys, for the next build."""

    shared: Hashable = None  # what every page was made from
    by_key: Mapping[Hashable, Made] = field(default_factory=dict)


class PageMaker:
    """Makes one build's page objects, each the last build's when its key is equal, and
    remembers what it made (`kept`) for the next."""

    __slots__ = ("_before", "_made", "_shared")

    def __init__(self, shared: Hashable = None, kept: KeptPages | None = None) -> None:
        self._shared = shared
        self._before = kept.by_key if kept is not None and kept.shared == shared else {}
        self._made: dict[Hashable, Made] = {}

    def page(self, key: Hashable, make: Callable[P, Page], *args: P.args, **kw: P.kwargs) -> Page:
        """The page made from `key`: the last build's if it made one, else `make(*args)`."""
        found = self._before.get(key)
        page = found if isinstance(found, Page) else make(*args, **kw)
        self._made[key] = page
        return page

    def pages(
        self, key: Hashable, make: Callable[P, Sequence[Page]], *args: P.args, **kw: P.kwargs
    ) -> tuple[Page, ...]:
        """`page` for pages made together (from every page's path, say)."""
        found = self._before.get(key)
        pages = found if isinstance(found, tuple) else tuple(make(*args, **kw))
        self._made[key] = pages
        return pages

    def kept(self) -> KeptPages:
        """What this build made (only that: pages no longer made are forgotten)."""
        return KeptPages(self._shared, dict(self._made))

    @property
    def reused(self) -> int:
        """How many of this build's pages (or sets of pages) were the last build's."""
        return sum(1 for key, made in self._made.items() if self._before.get(key) is made)
