"""The meaning rules on their own (no build): each difference names one of the rules an
editor may acknowledge, and a passage that says what the claim says gives none."""

from __future__ import annotations

import pytest

from generator.content.curation import ACKNOWLEDGEABLE, RULES
from generator.evidence.meaning import read
from generator.evidence.rules import compare
from generator.evidence.textfeatures import name_index

NAMES = name_index([("russia", "Russia", ()), ("lavrov", "Sergey Lavrov", ("Lavrov",))], ["lavrov"])


def differences(claim: str, passage: str) -> tuple[str, ...]:
    found = compare(read(claim, NAMES), [read(passage, NAMES)], NAMES)
    return tuple(difference.rule for difference in found)


@pytest.mark.parametrize(
    ("claim", "passage", "rule"),
    [
        ("Russia signed the deal.", "Russia did not sign the deal.", "negation"),
        ("Russia will sign the deal.", "Russia may sign the deal.", "hedge"),
    ],
)
def test_a_passage_that_says_otherwise_names_its_rule(claim: str, passage: str, rule: str) -> None:
    assert rule in differences(claim, passage)


def test_a_passage_that_says_the_same_differs_in_nothing() -> None:
    assert differences("Russia signed the deal.", "Russia signed the deal on Monday.") == ()


def test_every_rule_can_be_acknowledged() -> None:
    assert set(RULES) < set(ACKNOWLEDGEABLE)
