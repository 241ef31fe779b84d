"""The publication date a pasted text states: only places that date the text itself."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.authoring.textdates import find_publication_date, parse_date

MAY_13 = dt.date(2025, 5, 13)


@pytest.mark.parametrize(
    "text",
    [
        "2025-05-13",
        "2025-05-13T10:32:00Z",
        "13 May 2025",
        "13th May, 2025",
        "Tuesday 13 May 2025",
        "Tue, 13 May 2025 10:32 BST",
        "May 13, 2025",
        "Tuesday, May 13, 2025 at 10:32 am",
        "13 of May 2025",
    ],
)
def test_iso_and_english_forms(text: str) -> None:
    assert parse_date(text, whole=True) == MAY_13


@pytest.mark.parametrize("text", ["May 13", "31 February 2025", "13/05/2025", "in May 2025"])
def test_incomplete_or_impossible_dates_are_not_dates(text: str) -> None:
    assert parse_date(text, whole=True) is None


@pytest.mark.parametrize(
    ("lines", "first", "where"),
    [
        (["Title", "Published: 13 May 2025", "Text."], 2, "the 'Published:' line"),
        (["Title", "KYIV, May 13, 2025 (Reuters) - Ukraine said"], 1, "the dateline"),
        (["Title", "ISTANBUL, 13 May 2025 – Talks resumed"], 1, "the dateline"),
        (["Title", "13 May 2025", "Text."], 2, "a line that gives the date"),
        (["Back", "Title", "Generated on: 2025-05-13", "Text."], 3, "the 'Generated on:' line"),
    ],
)
def test_places_that_date_the_text(lines: list[str], first: int, where: str) -> None:
    found = find_publication_date(lines, first)
    assert found is not None and (found.date, found.where) == (MAY_13, where)


def test_the_published_line_wins_over_generated_on() -> None:
    lines = ["Generated on: 2025-11-18", "Title", "Published: 13 May 2025", "Text."]
    assert find_publication_date(lines, 3).date == MAY_13


def test_dates_inside_sentences_tell_of_events_not_of_the_text() -> None:
    lines = ["Title", "The talks of 16 May 2025 in Istanbul were the first since March 2022."]
    assert find_publication_date(lines, 1) is None


def test_a_date_heading_inside_a_timeline_is_not_the_publication_date() -> None:
    lines = ["Timeline of the talks", "The talks so far.", "Paragraph.", "More.", "Even more."]
    lines += ["16 May 2025", "The first round.", "2 June 2025", "The second round."]
    lines += ["A closing paragraph.", "Another one.", "The end."]
    assert find_publication_date(lines, 1) is None
    assert find_publication_date(["Title", "Text.", "Published: 13 May 2025"], 1).date == MAY_13
