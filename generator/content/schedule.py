"""Scheduled posts: an article dated after today is left out of a published build (and so
out of every list, feed, sitemap, search index and topic page) until its date, unless
`--future`; the preview keeps it, with a banner. "Today" is given, so a build is a function
of its input and its date: the same two give the same bytes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.content.drafts import without_articles
from generator.content.model import Site
from generator.errors import ContentError


@dataclass(frozen=True, slots=True)
class Held:
    """What a build as of `as_of` held back: how many articles, and the day the first is
    due (None if nothing was held, or everything was shown: --future)."""

    count: int = 0
    next_date: dt.date | None = None
    as_of: dt.date | None = None

    def stale(self, today: dt.date) -> bool:
        """Whether a build today could publish other articles: one held back is due, or
        the day went back (a build given an earlier --today)."""
        if self.as_of is None or today == self.as_of:
            return False
        return today < self.as_of or (self.next_date is not None and today >= self.next_date)


def today_utc() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def scheduled(site: Site, today: dt.date) -> set[str]:
    return {slug for slug, article in site.articles.items() if article.date > today}


def without_scheduled(site: Site, today: dt.date) -> tuple[Site, list[ContentError], Held]:
    """The site as of `today`, a warning per curated item that cites only later articles,
    and what was held back."""
    later = scheduled(site, today)
    published, warnings = without_articles(site, later, "articles scheduled for later")
    first = min((site.articles[slug].date for slug in later), default=None)
    return published, warnings, Held(len(later), first, today)


def marked_scheduled(site: Site, today: dt.date) -> Site:
    """Every article dated after today marked so its page says it is not yet published."""
    later = scheduled(site, today)
    if not later:
        return site
    articles = {
        slug: replace(article, scheduled=True) if slug in later else article
        for slug, article in site.articles.items()
    }
    return replace(site, articles=articles)
