"""evidence.claim_meaning: a passage with all of a claim's words must also agree with it in
meaning (negation, who said a quote) and, for an inferred day, with the days it states; the
claim is read once, when first compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from names_for_tests import NAMES, ZELENSKY

from generator.content.dates import PartialDate
from generator.errors import Position
from generator.evidence import claim_meaning, meaning
from generator.evidence.claim_meaning import ClaimMeaning
from generator.evidence.claims import Claim
from generator.evidence.meaning import Reading
from generator.evidence.textfeatures import NameIndex
from generator.evidence.windows import article_windows

DAY = PartialDate(2025, 11, 20)


def claim(text: str, kind: str = "fact", **more: Any) -> Claim:
    position = Position(Path("topics.yaml"))
    return Claim(kind, "talks", 0, text, ("a",), position, **more)


def differences(of: Claim, body: str, window: int = 0) -> list[tuple[str, str]]:
    found = ClaimMeaning(of, NAMES).differences(article_windows(body, NAMES)[window])
    return [(d.rule, d.message) for d in found]


def test_a_passage_that_negates_the_claim_differs() -> None:
    fact = claim("Zelensky travelled to Ankara.")
    assert differences(fact, "Zelensky travelled to Ankara.") == []
    assert differences(fact, "Zelensky did not travel to Ankara.") == [
        ("negation", "the source negates it ('not travel to Ankara'); the claim does not")
    ]


def test_an_inferred_day_is_checked_against_the_days_the_passage_states() -> None:
    inferred = claim("Zelensky arrived.", "event", date=DAY, inferred=True)
    assert differences(inferred, "Zelensky arrived on 20 November.") == []
    assert differences(inferred, "Zelensky arrived.") == []  # no day stated: nothing to compare
    assert differences(inferred, "Zelensky arrived on 21 November.") == [
        ("date", "the source dates it 21 November; the claim 20 November 2025 (inferred)")
    ]


def test_a_stated_day_is_left_to_the_words_rules() -> None:
    stated = claim("Zelensky arrived.", "event", date=DAY)
    assert differences(stated, "Zelensky arrived on 21 November.") == []


def test_a_quote_credited_to_someone_else_differs() -> None:
    quote = claim("We want peace.", "quote", speaker=ZELENSKY)
    assert differences(quote, 'Zelensky said: "We want peace."') == []
    assert differences(quote, 'Erdogan said: "We want peace."') == [
        (
            "speaker",
            "the source credits it to Recep Tayyip Erdogan, the claim to Volodymyr Zelensky",
        )
    ]


def test_an_unattributed_quote_is_the_speakers_only_in_the_paragraph_naming_them() -> None:
    quote = claim("We want peace.", "quote", speaker=ZELENSKY)
    assert differences(quote, 'Zelensky spoke. "We want peace."', window=2) == []
    assert differences(quote, 'Zelensky spoke.\n\n"We want peace."', window=2) == [
        ("speaker", "its paragraph does not say Volodymyr Zelensky said it")
    ]


def test_a_quote_keeps_only_the_speaker_rule() -> None:
    quote = claim("We want peace.", "quote", speaker=ZELENSKY)
    assert differences(quote, 'Zelensky did not travel. "We want peace."', window=2) == []


def test_the_claim_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = meaning.read

    def counting(text: str, names: NameIndex) -> Reading:
        calls.append(text)
        return real(text, names)

    monkeypatch.setattr(claim_meaning, "read", counting)
    compared = ClaimMeaning(claim("Zelensky travelled to Ankara."), NAMES)
    assert calls == []
    for window in article_windows("Zelensky travelled. He saw Ankara.", NAMES):
        assert isinstance(compared.differences(window), tuple)
    assert calls == ["Zelensky travelled to Ankara."]
