"""Long lists cut into pages with real addresses (/articles/page/2/), so they work without
JavaScript, are each a reasonable size, and can be linked to."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

ARTICLES_PER_PAGE = 50


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page sits in its list: its number, the items it shows, every page's path."""

    number: int  # from 1
    paths: tuple[str, ...]  # of every page, in order
    total: int  # items in the whole list
    first: int  # the first item shown, counted from 1
    last: int

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def previous(self) -> str:
        return self.paths[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.paths[self.number] if self.number < self.count else ""


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def pagers(total: int, per_page: int, path_of: Callable[[int], str]) -> tuple[Pager, ...]:
    """One Pager per page of a list of `total` items; an empty list still has its page."""
    paths = tuple(path_of(n) for n in range(1, page_count(total, per_page) + 1))
    return tuple(
        Pager(n, paths, total, min(total, (n - 1) * per_page + 1), min(total, n * per_page))
        for n in range(1, len(paths) + 1)
    )
