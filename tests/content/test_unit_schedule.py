"""schedule: an article dated after the build's day is held back until that day; a build
is a function of its content and its day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tiny_site import tiny

from generator.content.schedule import Held, marked_scheduled, scheduled, without_scheduled

FIRST, SECOND = dt.date(2025, 11, 18), dt.date(2025, 11, 19)


def test_an_article_after_today_is_held_and_said_when_it_is_due(tmp_path: Path) -> None:
    site = tiny(tmp_path).site
    assert scheduled(site, FIRST) == {"second"}
    published, warnings, held = without_scheduled(site, FIRST)
    assert list(published.articles) == ["first"]
    assert warnings == []  # the one key fact cites 'first'
    assert held == Held(1, SECOND, FIRST)
    assert without_scheduled(site, SECOND)[2] == Held(0, None, SECOND)


def test_the_preview_marks_later_articles_instead(tmp_path: Path) -> None:
    site = tiny(tmp_path).site
    marked = marked_scheduled(site, FIRST)
    assert {slug: a.scheduled for slug, a in marked.articles.items()} == {
        "second": True,
        "first": False,
    }
    assert marked_scheduled(site, SECOND) is site


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.integers(-30, 30), st.integers(1, 30))
def test_a_held_build_is_stale_when_the_day_goes_back_or_one_comes_due(
    as_of: dt.date, days_later: int, due_in: int
) -> None:
    today = as_of + dt.timedelta(days=days_later)
    held = Held(1, as_of + dt.timedelta(days=due_in), as_of)
    expected = days_later < 0 or days_later >= due_in  # back in time, or the first is due
    assert held.stale(today) is expected
    assert Held(0, None, as_of).stale(today) is (days_later < 0)
    assert not Held().stale(today)  # nothing recorded: nothing to redo
