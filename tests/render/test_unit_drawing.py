"""render.cards.drawing and layout (issue 27): a card draws only the rows its own text
inks, on strips of the site's background reduced once, and gives the bytes of the whole
card drawn with `ImageDraw.text` and reduced in one go."""

from __future__ import annotations

import io
import itertools
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.render.cards import Card, draw, drawing, layout

# Letters of every kind: accents stacked above the ascender, ideographs (a fallback font,
# where the machine has one), letters no font has, tabs and line breaks.
TEXT = st.text(
    st.one_of(
        st.characters(codec="latin-1", categories=("L", "N", "P", "Zs")),
        st.sampled_from(["\u0301", "\u0308", "Ǻ", "和", "谈", "\U0001f600", "\t", "\n", "ﬁ"]),
    ),
    max_size=140,
)


def drawn_whole(card: Card) -> bytes:
    """The card as drawn before issue 27's third round: the whole image, reduced, saved."""
    levels = drawing.drawing(card).point(drawing.SIXTEENTHS).tobytes()
    paletted = Image.frombytes("P", drawing.SIZE, levels)
    paletted.putpalette(drawing._palette(card.foreground, card.background))
    out = io.BytesIO()
    paletted.save(out, format="PNG", compress_level=3, compress_type=zlib.Z_RLE, bits=4)
    return out.getvalue()


@settings(max_examples=40, deadline=None)  # a loaded machine pauses
@given(site_title=TEXT, kicker=TEXT, title=TEXT, footer=TEXT)
def test_drawing_the_inked_rows_gives_the_bytes_of_the_whole_card(
    site_title: str, kicker: str, title: str, footer: str
) -> None:
    card = Card(site_title, kicker, title, footer, "#1f4e79", "#ffffff")
    assert draw(card) == drawn_whole(card)


def test_a_line_break_in_the_kicker_is_drawn_as_pillow_draws_it() -> None:
    card = Card("Site", "Article\n· Ankara", "Talks", "BBC\nNews", "#000", "#fff")
    assert draw(card) == drawn_whole(card)
    assert draw(card) != draw(Card("Site", "Article · Ankara", "Talks", "BBC News", "#000", "#fff"))


class Ink:
    """A stand-in for a mask: only its size is read."""

    def __init__(self, height: int) -> None:
        self.size = (10, height)


def mark(top: int, height: int) -> drawing.Mark:
    return drawing.Mark(0, top, Ink(height), 255)


def test_marks_whose_rows_meet_share_a_band_in_the_order_they_are_drawn() -> None:
    kicker, first, second, footer = mark(120, 30), mark(190, 90), mark(270, 90), mark(540, 40)
    late = mark(140, 60)  # drawn after the footer, it joins the kicker's and title's rows
    bands = drawing._bands([kicker, first, second, footer, late])
    assert [(top, bottom) for top, bottom, _ in bands] == [(540, 580), (120, 360)]
    assert bands[1][2] == [kicker, first, second, late]
    assert [b[:2] for b in drawing._bands([kicker, mark(150, 40)])] == [(120, 150), (150, 190)]


def test_ink_outside_the_card_or_none_at_all_makes_no_band() -> None:
    bands = drawing._bands([mark(-40, 30), mark(600, 90), mark(300, 0)])
    assert [(top, bottom) for top, bottom, _ in bands] == [(600, 630)]


@settings(max_examples=60, deadline=None)
@given(text=TEXT, bold=st.booleans())
def test_runs_are_the_letters_each_font_draws_in_order(text: str, bold: bool) -> None:
    face = layout.Face(bold, 30)
    found = layout.runs(text, face)
    drawable = [c for c in text if layout.font_file(c, bold) is not None]
    assert "".join(run for run, _ in found) == "".join(drawable)
    for run, font in found:
        assert {layout.font(layout.font_file(c, bold), 30) for c in run} == {font}
    assert all(a[1] is not b[1] for a, b in itertools.pairwise(found))  # neighbours differ
    assert layout.runs(text, face) == found  # the second time, from the letters known
