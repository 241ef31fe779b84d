"""meaning.read: a text read once into what the rules compare (negation, hedges, numbers,
speakers)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from names_for_tests import ANKARA, ERDOGAN, NAMES, ZELENSKY

from generator.evidence.meaning import read, read_sentences
from generator.evidence.sentences import split_sentences


def test_negation_hedge_and_future_are_read_apart() -> None:
    assert read("Zelensky did not travel to Ankara.", NAMES).negations == ("not travel to Ankara",)
    hedged = read("Zelensky may travel to Ankara.", NAMES)
    assert hedged.hedges and hedged.hedged[("e", ANKARA)] == "may travel"
    assert not hedged.futures
    future = read("Zelensky will travel to Ankara.", NAMES)
    assert future.futures and not future.hedges


def test_the_subject_carries_to_the_next_sentence() -> None:
    sentences = split_sentences("Erdogan met him. He said the talks went well.")
    first, second = read_sentences(sentences, NAMES)
    assert first.subject == ERDOGAN
    assert second.speakers == (ERDOGAN,)


def test_a_named_speaker_wins_over_the_one_before() -> None:
    assert read("Zelensky said so.", NAMES, before=ERDOGAN).subject == ZELENSKY


@given(st.text(max_size=200))
def test_any_text_reads_and_its_words_are_keys(text: str) -> None:
    reading = read(text, NAMES)
    assert None not in reading.words
    words = set(reading.words)  # what a cue governs is a word of the text
    assert set(reading.hedged) <= words and set(reading.future) <= words
    assert set(reading.polarity) <= words
