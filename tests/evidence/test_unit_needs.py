"""evidence.needs: what a passage must contain to support a claim (docs/EVIDENCE.md): every
name, number and stated date; most (60%) of its content words; a quote's words verbatim and
its speaker. What is missing is said in words, with a score from 0 to 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from names_for_tests import NAMES, ZELENSKY

from generator.content.dates import PartialDate
from generator.errors import Position
from generator.evidence.claims import Claim
from generator.evidence.needs import MIN_OVERLAP, claim_needs
from generator.evidence.windows import Window, article_windows


def claim(text: str, kind: str = "fact", **more: Any) -> Claim:
    position = Position(Path("topics.yaml"))
    return Claim(kind, "talks", 0, text, ("a",), position, **more)


def best(text: str, body: str) -> tuple[bool, float, tuple[str, ...]]:
    needs = claim_needs(claim(text), NAMES)
    return max((needs.check(window) for window in article_windows(body, NAMES)), key=_score)


def _score(result: tuple[bool, float, tuple[str, ...]]) -> float:
    return result[1]


def test_a_passage_with_every_name_number_and_word_supports_the_claim() -> None:
    body = "Zelensky met 12 officials in Ankara on Monday."
    assert best("Zelensky met 12 officials in Ankara.", body) == (True, 1.0, ())


def test_a_missing_name_or_number_is_named() -> None:
    supported, score, missing = best(
        "Zelensky met 12 officials in Ankara.", "Zelensky met 15 officials."
    )
    assert not supported and 0 < score < 1
    assert missing == ("Ankara", "the number (12)")


def test_a_missing_number_reads_as_a_number_not_as_a_count_of_words() -> None:
    claim_text = "Zelensky seeks a 30-day ceasefire, on his 4th call."
    _, _, missing = best(claim_text, "Zelensky seeks a ceasefire, on his call.")
    assert missing == ("the number (30)", "the ordinal (4th)")
    _, _, missing = best("Zelensky met thirty officials.", "Zelensky met officials.")
    assert missing == ("the number (thirty)",)


def test_too_few_of_the_claims_words_is_said_with_the_share() -> None:
    supported, _, missing = best(
        "Zelensky praised the generous humanitarian corridor agreement.",
        "Zelensky spoke about something else entirely.",
    )
    assert not supported
    assert missing[-1].startswith("most of its words (shares ")
    assert missing[-1].endswith(f"needs {MIN_OVERLAP:.0%})")


def test_a_stated_date_must_be_in_the_passage_and_an_inferred_one_need_not() -> None:
    stated = claim("Zelensky arrived.", "event", date=PartialDate(2025, 11, 20))
    window = article_windows("Zelensky arrived.", NAMES)[0]
    assert claim_needs(stated, NAMES).check(window)[2] == ("the date (20 November)",)
    inferred = claim("Zelensky arrived.", "event", date=PartialDate(2025, 11, 20), inferred=True)
    assert claim_needs(inferred, NAMES).check(window)[0]
    month = claim("Zelensky arrived.", "event", date=PartialDate(2025, 11))
    assert claim_needs(month, NAMES).check(window)[2] == ("the month (November)",)


def test_a_quote_needs_its_words_verbatim_and_its_speaker() -> None:
    quote = claim("We want peace.", "quote", speaker=ZELENSKY)
    needs = claim_needs(quote, NAMES)
    assert needs.spans == ("we want peace",) and needs.words == frozenset()
    said = article_windows('Zelensky said: "We want peace."', NAMES)[0]
    assert needs.check(said) == (True, 1.0, ())
    unnamed = article_windows('"We want peace," an official said.', NAMES)[0]
    assert needs.check(unnamed)[2] == ("Volodymyr Zelensky",)
    reworded = article_windows("Zelensky said they wanted peace.", NAMES)[0]
    assert needs.check(reworded)[2] == ('"we want peace"',)


def window_of(body: str) -> Window:
    return article_windows(body, NAMES)[0]


def test_hedge_words_are_not_content_words() -> None:
    needs = claim_needs(claim("Zelensky is likely to travel."), NAMES)
    assert needs.check(window_of("Zelensky will travel."))[0]  # the modality rule compares it


def test_three_words_in_five_is_enough_and_two_is_not() -> None:
    text = "Zelensky praised the generous humanitarian corridor agreement."
    assert best(text, "Zelensky praised generous humanitarian efforts.")[0]
    supported, _, missing = best(text, "Zelensky praised generous efforts.")
    assert not supported and missing == ("most of its words (shares 40%, needs 60%)",)
