"""cues: the lexicon the meaning rules read negation, hedges and futures with."""

from __future__ import annotations

import pytest

from generator.evidence import cues


@pytest.mark.parametrize(
    "phrases",
    [cues.NEGATIONS, [cue for cue, _ in cues.HEDGES], cues.FUTURES],
    ids=["negations", "hedges", "futures"],
)
def test_every_cue_is_words_as_the_tokeniser_folds_them(phrases) -> None:
    assert phrases
    for phrase in phrases:
        assert phrase and all(word == word.casefold() and word.strip() == word for word in phrase)


def test_each_hedge_names_a_scope_the_rules_know() -> None:
    scopes = {scope for _, scope in cues.HEDGES}
    assert "clause" in scopes
    assert scopes <= {"clause", "noun"}


def test_no_cue_is_listed_twice() -> None:
    hedges = [cue for cue, _ in cues.HEDGES]
    for table in (cues.NEGATIONS, hedges, cues.FUTURES):
        assert len(set(table)) == len(table)


def test_modal_and_saying_words_are_cues_the_rules_expect() -> None:
    assert ("not",) in cues.NEGATIONS
    assert {"said", "told"} <= cues.SAYING
