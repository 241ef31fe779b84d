"""Plain text cleaning and the front matter an import writes."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.authoring.article_file import front_matter
from generator.authoring.plain_text import clean_text
from generator.content.load import split_front_matter
from generator.errors import ContentErrors


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("&#163;1.8m for &quot;drones&quot; &amp; ships", '£1.8m for "drones" & ships'),
        ("&#x20AC;140bn &euro;", "€140bn €"),
        ("R&D, AT&T and this &notation stay", "R&D, AT&T and this &notation stay"),
        ("Cafe\u0301 in Kyiv", "Café in Kyiv"),  # NFC
        ("“Smart” ‘quotes’ – kept", "“Smart” ‘quotes’ – kept"),
        ("red \x1b[31mtext\x1b[0m\x07 and \x1b]0;title\x07 gone", "red text and  gone"),
        ("a\u2028b\x0cc\td", "a\nb\nc d"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@given(st.text())
def test_clean_text_leaves_no_control_character(text: str) -> None:
    cleaned = clean_text(text)
    assert all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)


@given(
    title=st.text(min_size=1),
    source=st.text(min_size=1),
    url=st.text(),
    topics=st.lists(st.text(min_size=1), max_size=3),
)
def test_no_value_can_add_a_key_or_break_the_front_matter(
    title: str, source: str, url: str, topics: list[str]
) -> None:
    front = {"title": title, "date": dt.date(2025, 5, 13), "source": source, "url": url}
    front["topics"] = topics
    text = f"---\n{front_matter(front)}---\n\nText.\n"
    try:
        meta, body, _ = split_front_matter(text, Path("x.md"))
    except ContentErrors as exc:  # the loader refuses control characters (import removes them)
        assert all("control character" in error.message for error in exc.errors)
        assert any(clean_text(value) != value for value in (title, source, url, *topics))
        return
    assert meta.data == {**front, "date": "2025-05-13"}
    assert body == "\nText.\n"


def test_the_copy_index_measures_shares_and_replaces_a_text() -> None:
    from generator.copies.new_text import CopyIndex

    words = [f"word{n}" for n in range(60)]
    index = CopyIndex([("a", " ".join(words)), ("b", " ".join(words[:30]))])
    assert index.shares(" ".join(words)) == [("a", 1.0), ("b", 1.0)]
    assert index.shares(" ".join(words), skip="a") == [("b", 1.0)]
    index.add("a", " ".join(reversed(words)))  # replaced: no pair of the old text is left
    assert index.shares(" ".join(words)) == [("b", 1.0)]
    assert index.shares(" ".join(reversed(words))) == [("a", 1.0)]
