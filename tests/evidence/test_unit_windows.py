"""evidence.windows: an article's passages are each sentence, then each pair of adjacent
sentences, with each sentence's features; the sentences are read for meaning once, and only
when a passage's readings are first asked for."""

from __future__ import annotations

import pytest
from names_for_tests import ANKARA, NAMES, ZELENSKY

from generator.evidence import meaning, windows
from generator.evidence.meaning import Reading
from generator.evidence.sentences import Sentence
from generator.evidence.textfeatures import NameIndex
from generator.evidence.windows import article_windows

BODY = "Zelensky arrived on Monday.\n\nHe met officials in Ankara. Talks went well."


def test_each_sentence_then_each_adjacent_pair() -> None:
    found = article_windows(BODY, NAMES)
    passages = [tuple(s.text for s in w.passage) for w in found]
    assert passages == [
        ("Zelensky arrived on Monday.",),
        ("He met officials in Ankara.",),
        ("Talks went well.",),
        ("Zelensky arrived on Monday.", "He met officials in Ankara."),
        ("He met officials in Ankara.", "Talks went well."),
    ]
    assert [w.first for w in found] == [0, 1, 2, 0, 1]
    assert [len(w.presents) for w in found] == [1, 1, 1, 2, 2]


def test_a_pair_keeps_each_sentences_features_and_names_are_found() -> None:
    _, ankara, _, pair, _ = article_windows(BODY, NAMES)
    assert ("e", ZELENSKY) in pair.presents[0] and ("e", ANKARA) in pair.presents[1]
    assert ("e", ANKARA) in ankara.presents[0] and ("e", ZELENSKY) not in ankara.presents[0]
    assert pair.text == "zelensky arrived on monday. he met officials in ankara."


def test_no_text_has_no_passage() -> None:
    assert article_windows("", NAMES) == ()


def test_the_sentences_are_read_once_and_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = meaning.read_sentences

    def counting(sentences: tuple[Sentence, ...], names: NameIndex) -> tuple[Reading, ...]:
        calls.append(len(sentences))
        return real(sentences, names)

    monkeypatch.setattr(windows, "read_sentences", counting)
    found = article_windows(BODY, NAMES)
    assert calls == []
    pair = found[4]
    assert len(pair.readings) == len(found[3].readings) == 2
    assert found[0].readings[0].subject == ZELENSKY
    assert calls == [3]  # every sentence, once, for all the passages
    assert pair.readings == (found[1].readings[0], found[2].readings[0])
