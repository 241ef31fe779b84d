"""terminal.printable: content shown in a terminal can never drive it."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from generator.terminal import BIDI_CONTROLS, printable


def _drives_a_terminal(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS


@given(st.text())
def test_no_control_or_bidi_character_survives(text: str) -> None:
    assert not any(_drives_a_terminal(char) for char in printable(text))


@given(st.text().filter(str.isprintable))
def test_printable_text_is_shown_as_it_is(text: str) -> None:
    assert printable(text) == text


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n")), min_size=1))
def test_lines_keep_their_breaks_and_lose_the_rest(lines: list[str]) -> None:
    shown = printable("\n".join(lines), lines=True)
    assert shown.split("\n") == [printable(line) for line in lines]


def test_escape_and_bidi_override_are_written_out() -> None:
    assert printable("\x1b[31mred\u202e") == "\\x1b[31mred\\u202e"
