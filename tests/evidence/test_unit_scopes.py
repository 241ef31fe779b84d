"""scopes: a cue governs the words after it up to a terminator (NegEx-style)."""

from __future__ import annotations

from names_for_tests import NAMES

from generator.evidence.scopes import cue_spans, governed, polarity
from generator.evidence.tokens import tokenise


def test_a_negation_stops_at_a_contrasting_clause() -> None:
    tokens = tokenise("Zelensky did not go, but he came.", NAMES)
    (span,) = cue_spans(tokens, "negation")
    start, end, scope_end = span
    assert tokens.raw[start:end] == ["not"]
    assert tokens.raw[end:scope_end] == ["go"]  # the comma ends it
    negated, _ = polarity(tokens)
    assert negated["go"] == frozenset({True})
    assert negated["come"] == frozenset({False})


def test_may_the_month_is_no_hedge() -> None:
    assert cue_spans(tokenise("Talks resumed in May in Ankara.", NAMES), "hedge") == []
    assert cue_spans(tokenise("Talks may resume in Ankara.", NAMES), "hedge") != []


def test_governed_words_map_to_the_cue_as_written() -> None:
    tokens = tokenise("Erdogan will host the talks", NAMES)
    future, any_future = governed(tokens, cue_spans(tokens, "future"))
    assert any_future
    assert future["talk"] == "will host"
    assert ("e", "recep-erdogan") not in future  # before the cue


def test_no_cue_governs_nothing() -> None:
    tokens = tokenise("Erdogan hosted the talks.", NAMES)
    assert governed(tokens, cue_spans(tokens, "hedge")) == ({}, False)
    assert polarity(tokens)[1] == ()
