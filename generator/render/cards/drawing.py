"""Drawing a card: a 1200×630 PNG, with Pillow and the bundled DejaVu fonts (and the
machine's fallback fonts for the letters DejaVu lacks), the same bytes for the same card.

What every card of a site shares (the bar, the site's title, the rule) is drawn and
reduced to 16 levels once; a card draws only its own lines, on strips of that
background as tall as their ink, the way Pillow's `ImageDraw.text` draws them."""

from __future__ import annotations

import io
import math
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from PIL import Image, ImageDraw

from generator.errors import ContentError, Position
from generator.render.cards.card import Card
from generator.render.cards.layout import Face, fit, font_file, runs, title_lines

SIZE = (1200, 630)
MARGIN = 80
FADED = round(255 * 0.72)  # the grey level of the kicker, the footer and the rules
SIXTEENTHS = [round(level / 17) for level in range(256)]  # 256 grey levels to 16
SMALL = Face(False, 30)  # the kicker's and the footer's


def draw(card: Card) -> bytes:
    """The card as PNG bytes: the same card gives the same bytes.

    It is drawn in grey levels (0 the background, 255 the text), reduced to 16 levels and
    saved with a 4-bit palette that maps each level to a mix of the two colours: a sixth
    of the bytes of RGB to compress, and the anti-aliased edges stay smooth."""
    paletted = levels(card)
    paletted.putpalette(_palette(card.foreground, card.background))  # L to P, not copied
    out = io.BytesIO()
    # zlib's run-length strategy on 4-bit pixels: a card is runs of one colour, so it takes
    # half the time of the default strategy at level 3 and gives 6 % fewer bytes
    paletted.save(out, format="PNG", compress_level=3, compress_type=zlib.Z_RLE, bits=4)
    return out.getvalue()


def levels(card: Card) -> Image.Image:
    """The card in its 16 levels: the site's background, reduced once, with the rows the
    card's own text inks drawn in grey levels and reduced (a third of a card's rows)."""
    lines = _lines(card)
    if any("\n" in text for _, text, _, _ in lines):  # Pillow lays it out as several lines
        return drawing(card).point(SIXTEENTHS)
    background = _background(card.site_title)
    image = _background_levels(card.site_title).copy()
    for top, bottom, band in _bands(mark for line in lines for mark in _line_marks(*line)):
        strip = background.crop((0, top, SIZE[0], bottom))
        pen = ImageDraw.Draw(strip)
        for mark in band:
            pen.draw.draw_bitmap((mark.left, mark.top - top), mark.mask, mark.ink)
        image.paste(strip.point(SIXTEENTHS), (0, top))
    return image


def drawing(card: Card) -> Image.Image:
    """The card in grey levels: its own text drawn onto a copy of the site's background."""
    image = _background(card.site_title).copy()
    pen = ImageDraw.Draw(image)
    for xy, text, face, fill in _lines(card):
        _text(pen, xy, text, face, fill)
    return image


Line = tuple[tuple[float, float], str, Face, int]  # where, what, in which face, how bright


def _lines(card: Card) -> list[Line]:
    """The card's own lines of text, in the order they are drawn: kicker, title, footer."""
    width = SIZE[0] - 2 * MARGIN
    lines: list[Line] = [((MARGIN, 124), fit(card.kicker, SMALL, width), SMALL, FADED)]
    face, title = title_lines(card.title, width)
    height = int(face.size * 1.18)
    lines += [((MARGIN, 196 + n * height), line, face, 255) for n, line in enumerate(title)]
    lines.append(((MARGIN, 545), fit(card.footer, SMALL, width), SMALL, FADED))
    return lines


@lru_cache(maxsize=4)
def _background(site_title: str) -> Image.Image:
    """What every card of a site shares, drawn once per process: the top bar, the site's
    title and the rule above the footer. Nothing else is drawn where they are (the title's
    at most five lines end above the rule), so the card has the pixels it had when all
    was drawn in one go."""
    image = Image.new("L", SIZE, 0)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, SIZE[0], 12), fill=FADED)
    _text(pen, (MARGIN, 64), site_title, Face(True, 34), 255)
    pen.line((MARGIN, 520, SIZE[0] - MARGIN, 520), fill=FADED, width=2)
    return image


@lru_cache(maxsize=4)
def _background_levels(site_title: str) -> Image.Image:
    return _background(site_title).point(SIXTEENTHS)


@dataclass(frozen=True, slots=True)
class Mark:
    """The ink of one run of text, as `ImageDraw.text` puts it: a mask, where it goes."""

    left: int
    top: int
    mask: Any  # Pillow's ImagingCore (its size: width, height)
    ink: int

    @property
    def bottom(self) -> int:
        return self.top + self.mask.size[1]


def _line_marks(xy: tuple[float, float], text: str, face: Face, fill: int) -> tuple[Mark, ...]:
    """A kicker's or footer's marks from the cache (a site's cards share most of them),
    a title's drawn (titles seldom repeat, and their masks are large)."""
    return (_shared_marks if face == SMALL else _marks)(xy, text, face, fill)


def _marks(xy: tuple[float, float], text: str, face: Face, fill: int) -> tuple[Mark, ...]:
    """The ink of a line, run by run, as `_text` draws it (`ImageDraw.text`'s arithmetic
    for one line of text in a FreeType font on a grey-level image)."""
    x, y = xy
    marks = []
    for run, drawn_by in runs(text, face):
        start = (math.modf(x)[0], math.modf(y)[0])
        mask, offset = drawn_by.getmask2(
            run, "L", None, None, None, 0, "la", fill, start, stroke_filled=True
        )
        marks.append(Mark(int(x) + offset[0], int(y) + offset[1], mask, fill))
        x += drawn_by.getlength(run)
    return tuple(marks)


_shared_marks = lru_cache(maxsize=128)(_marks)


def _bands(marks: Iterable[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """The rows the marks ink inside the card, as bands: marks whose rows meet share a
    band and keep the order they are drawn in (where two overlap, the later is on top)."""
    bands: list[tuple[int, int, list[tuple[int, Mark]]]] = []
    for number, mark in enumerate(marks):
        top, bottom = max(mark.top, 0), min(mark.bottom, SIZE[1])
        if top >= bottom:
            continue  # no ink, or none inside the card
        band = [(number, mark)]
        for other in [b for b in bands if b[0] < bottom and top < b[1]]:
            bands.remove(other)
            top, bottom, band = min(top, other[0]), max(bottom, other[1]), other[2] + band
        bands.append((top, bottom, band))
    return [(top, bottom, [mark for _, mark in sorted(band)]) for top, bottom, band in bands]


def _text(
    pen: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, face: Face, fill: int
) -> None:
    x, y = xy
    for run, drawn_by in runs(text, face):
        pen.text((x, y), run, font=drawn_by, fill=fill)
        x += drawn_by.getlength(run)


def undrawable(card: Card) -> str:
    """The characters of the card's text that no font here can draw (they are left out:
    a box is worse than nothing)."""
    text = "".join((card.site_title, card.kicker, card.title, card.footer))
    return "".join(sorted(c for c in set(text) if not c.isspace() and font_file(c, False) is None))


def left_out(cards: Iterable[Card], known: Mapping[Card, str]) -> dict[Card, str]:
    """`undrawable` of each card, from `known` (the last build's answers) where it has it."""
    return {card: known[card] if card in known else undrawable(card) for card in cards}


def undrawable_warnings(
    cards: Mapping[str, Card], position: Position, letters: Mapping[Card, str] | None = None
) -> list[ContentError]:
    """One warning when some cards leave letters out, naming the first such page
    (`letters`: `left_out` of every card, if known)."""
    letters = left_out(cards.values(), {}) if letters is None else letters
    missing = {path: letters[card] for path, card in cards.items() if letters[card]}
    if not missing:
        return []
    path = min(missing)
    message = (
        f"the social cards of {len(missing)} pages leave out letters no font here has "
        f"(e.g. {missing[path][:12]!r} on {path})"
    )
    hint = "install a font that has them, e.g. fonts-noto-cjk on Debian or Ubuntu"
    return [ContentError(position, message, hint, severity="warning")]


@cache
def _palette(foreground: str, background: str) -> bytes:
    return bytes(
        channel for level in range(16) for channel in _mix(foreground, background, level / 15)
    )


def _mix(first: str, second: str, share: float) -> tuple[int, int, int]:
    a, b = _rgb(first), _rgb(second)
    return tuple(round(x * share + y * (1 - share)) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _rgb(colour: str) -> tuple[int, int, int]:
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    return tuple(int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
