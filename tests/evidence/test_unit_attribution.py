"""attribution.speakers: who a text credits with what it says."""

from __future__ import annotations

import pytest
from names_for_tests import ERDOGAN, NAMES, ZELENSKY

from generator.evidence.attribution import speakers
from generator.evidence.tokens import tokenise


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky said the talks failed.",
        "The talks failed, according to Zelensky.",
        "The talks failed, said Zelensky.",
        "In Zelensky's words, the talks failed.",
    ],
)
def test_each_way_of_crediting_names_the_speaker(text: str) -> None:
    assert speakers(tokenise(text, NAMES), NAMES, "") == (ZELENSKY,)


def test_he_is_the_person_named_before() -> None:
    assert speakers(tokenise("He said the talks failed.", NAMES), NAMES, ERDOGAN) == (ERDOGAN,)


def test_a_text_that_credits_no_one_has_no_speaker() -> None:
    assert speakers(tokenise("The talks failed in Ankara.", NAMES), NAMES, ZELENSKY) == ()
