"""tokens.tokenise: words, punctuation and names, each with the key rules compare it by."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from names_for_tests import NAMES, ZELENSKY

from generator.evidence.tokens import tokenise


@given(st.text())
def test_the_four_lists_run_in_parallel(text: str) -> None:
    tokens = tokenise(text, NAMES)
    assert len(tokens.raw) == len(tokens.words) == len(tokens.entities) == len(tokens.keys)
    assert tokens.words == [token.casefold() for token in tokens.raw]


def test_a_name_is_one_entity_key_and_punctuation_has_none() -> None:
    tokens = tokenise("Volodymyr Zelensky went.", NAMES)
    assert tokens.entities == [ZELENSKY, ZELENSKY, "", ""]
    assert tokens.keys[:2] == [("e", ZELENSKY)] * 2
    assert tokens.keys[-1] is None


def test_contractions_are_read_as_their_negation() -> None:
    assert tokenise("He didn't go", NAMES).words == ["he", "did", "not", "go"]
    assert tokenise("She cannot go", NAMES).words == ["she", "can", "not", "go"]


def test_saying_verbs_share_one_key() -> None:
    keys = tokenise("says said told", NAMES).keys
    assert keys == ["say", "say", "say"]
