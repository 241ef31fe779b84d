"""Provenance from the whole chain: a rewrite of a rewrite and an undeclared near copy
count with their original as one outlet, and the near-copy warning lands on the copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, THEME, parse
from hypothesis import given
from hypothesis import strategies as st

from generator.content.model import Article, Site, Source
from generator.copies.lineage import Lineage, copy_and_original, lineage
from generator.errors import Position
from generator.pipeline.builder import build
from generator.settings import BuildOptions

LABELS = {
    # only the first rewrite's text adds it: the rewrite of the rewrite is no second outlet
    "fact-1": ("single", "Single source: The Herald"),
    # an undeclared near copy of the original counts with it, and the label says so
    "fact-2": (
        "single",
        "Single source: The Daily (The Copyshop repeats the wording of The Daily)",
    ),
    "fact-3": ("confirmed", "Confirmed by 2 independent outlets: The Daily and The Wire"),
    # the original two links up the chain says it: its outlet stands behind it
    "fact-4": ("single", "Single source: The Daily"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    output = tmp_path_factory.mktemp("chain") / "site"
    report = build(
        BuildOptions(
            content_dir=FIXTURES / "chain", theme_dir=THEME, output_dir=output, search=False
        )
    )
    return output, [str(w) for w in report.warnings if "absolute base_url" not in w.message]


@pytest.mark.parametrize("anchor", LABELS)
def test_a_chain_counts_as_one_outlet(built: tuple[Path, list[str]], anchor: str) -> None:
    status, label = LABELS[anchor]
    fact = parse(built[0] / "topics" / "visit" / "index.html").select_one(f"#{anchor}")
    provenance = fact.select_one(".provenance")
    assert (provenance.get_text(), provenance["class"][1]) == (label, f"provenance-{status}")


def test_the_near_copy_warning_lands_on_the_copy_only(built: tuple[Path, list[str]]) -> None:
    # same day as the original, and 'a-copy' sorts first: only its lower grade tells
    assert built[1] == [
        f"{FIXTURES / 'chain' / 'articles' / 'a-copy.md'}:1: warning: the article shares 97% "
        "of its wording with 'original' (if it is a rewrite, add 'rewrite_of: original')"
    ]


def test_the_uncited_middle_of_a_chain_is_checked(built: tuple[Path, list[str]]) -> None:
    fact = parse(built[0] / "topics" / "visit" / "index.html").select_one("#fact-4")
    originals = fact.select(".evidence li.supports .evidence-source")
    assert [o.get_text(" ", strip=True) for o in originals] == [
        "The Echo:",
        "The Herald (original of a cited rewrite):",
        "The Daily (original of a cited rewrite):",
    ]


SOURCES = {
    "outlet-b": Source("outlet-b", "B outlet", "", "outlet", "", Position(Path("s")), "B"),
    "outlet-d": Source("outlet-d", "D outlet", "", "outlet", "", Position(Path("s")), "D"),
    "bot": Source("bot", "Bot", "", "machine rewrite", "", Position(Path("s")), "B"),
}


def article(slug: str, day: int, source: str, rewrite_of: str = "", credibility: str = "2"):
    return Article(
        slug, slug, dt.date(2025, 3, day), source, "", (), "", rewrite_of, "", 1,
        Position(Path(f"{slug}.md")), credibility=credibility,
    )


def site(*articles: Article) -> Site:
    return Site(config=None, sources=SOURCES, entities={}, topics={},
                articles={a.slug: a for a in articles})


articles = st.builds(
    article,
    st.sampled_from(["a", "b"]),
    st.integers(1, 3),
    st.sampled_from(sorted(SOURCES)),
    st.just(""),
    st.sampled_from(["2", "3"]),
)


@given(articles, articles)
def test_copy_and_original_does_not_depend_on_the_order(one: Article, two: Article) -> None:
    two = replace(two, slug=one.slug + "-2")
    both = site(one, two)
    copy, original = copy_and_original(both, one, two)
    assert (copy, original) == copy_and_original(both, two, one)
    assert copy.date >= original.date
    if copy.date == original.date and SOURCES[copy.source].kind == "outlet":
        assert SOURCES[original.source].kind == "outlet"
        assert (SOURCES[copy.source].reliability, copy.credibility) >= (
            SOURCES[original.source].reliability, original.credibility
        )


def test_a_loop_of_rewrites_ends_where_it_closes() -> None:
    loop = Lineage({"a": "b", "b": "c", "c": "a"})
    assert loop.chain("a") == ("b", "c")
    assert loop.root("a") == "c"


def test_a_declared_link_wins_over_a_near_copy() -> None:
    found = lineage(
        site(article("first", 1, "outlet-b"), article("second", 2, "outlet-d", "first"),
             article("third", 3, "outlet-d")),
        [("second", "first", 0.9), ("third", "second", 0.8), ("third", "first", 0.7)],
    )
    assert found.parents == {"second": "first", "third": "first"}
    assert found.undeclared == {"third"}
    assert found.of("third") == (("first", False),)
