"""Slugs: stable, URL-safe, cut at a word boundary, the same rule for import and new."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.slug import SLUG_MAX, is_slug, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("İstanbul talks resume", "istanbul-talks-resume"),
        ("İSTANBUL'DA GÖRÜŞME", "istanbul-da-görüşme"),
        ("Kırım and Diyarbakır", "kırım-and-diyarbakır"),  # the dotless i is a letter of its own
        ("Переговоры в Стамбуле", "переговоры-в-стамбуле"),
        ("£1.8m deal", "1-8m-deal"),
        ("../../etc/passwd", "etc-passwd"),
        ("…", "untitled"),
    ],
)
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_a_long_title_is_cut_at_a_word_boundary() -> None:
    title = (
        "US special envoy Steve Witkoff is scheduled to meet with Ukrainian President "
        "Volodymyr Zelensky"
    )
    assert slugify(title) == (
        "us-special-envoy-steve-witkoff-is-scheduled-to-meet-with-ukrainian-president"
    )
    assert slugify("x" * 100) == "x" * SLUG_MAX  # one word longer than the limit


@given(st.text())
def test_every_slug_is_short_stable_and_whole_words(text: str) -> None:
    slug = slugify(text)
    assert is_slug(slug) and slugify(slug) == slug
    assert 0 < len(slug) <= SLUG_MAX
    assert "/" not in slug and ".." not in slug and not slug.startswith("-")
    full = slugify(text, max_length=10**6)
    if full != slug:  # cut: at a boundary of the uncut slug, unless one word is too long
        assert full.startswith(slug + "-") or len(slug) == SLUG_MAX
