"""The first few of a ranking, taken without ordering the rest, are the ranking's first few."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.reads.ranking import first, rank

ARTICLES = st.dictionaries(
    st.sampled_from("abcdefgh"),
    st.dictionaries(st.sampled_from("pqrstuvw"), st.integers(1, 4)),
    max_size=8,
)


@given(ARTICLES, st.integers(0, 10), st.sampled_from(["", "p", "q", "z"]))
def test_first_is_the_head_of_the_whole_ranking(articles: dict, limit: int, leave_out: str) -> None:
    mentions = {slug: tuple(counts.items()) for slug, counts in articles.items()}
    whole = rank(articles, mentions, leave_out=leave_out)
    assert first(articles, mentions, limit, leave_out=leave_out) == (len(whole), whole[:limit])


def test_first_counts_every_entity_but_keeps_only_the_limit() -> None:
    mentions = {"a": (("x", 1), ("y", 5), ("z", 1)), "b": (("x", 1), ("w", 9))}
    total, top = first(["a", "b"], mentions, 2, leave_out="y")
    assert total == 3
    assert [(r.entity_id, r.articles, r.mentions) for r in top] == [("x", 2, 2), ("w", 1, 9)]


@given(ARTICLES, st.sampled_from(["", "p", "z"]))
def test_rank_counts_articles_and_mentions_of_each_entity(articles: dict, leave_out: str) -> None:
    mentions = {slug: tuple(counts.items()) for slug, counts in articles.items()}
    named = {e for counts in articles.values() for e in counts} - {leave_out}
    expected = sorted(
        (
            -sum(e in counts for counts in articles.values()),
            -sum(counts.get(e, 0) for counts in articles.values()),
            e,
        )
        for e in named
    )
    got = [(-r.articles, -r.mentions, r.entity_id) for r in rank(articles, mentions, leave_out)]
    assert got == expected
