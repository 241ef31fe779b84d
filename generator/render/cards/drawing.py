"""Drawing a card: a 1200×630 PNG, with Pillow and the bundled DejaVu fonts (and the
machine's fallback fonts for the letters DejaVu lacks), the same bytes for the same card."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.errors import ContentError, Position
from generator.render.cards.card import FALLBACK_FONTS, Card
from generator.resources import FONTS

SIZE = (1200, 630)
MARGIN = 80
FADED = round(255 * 0.72)  # the grey level of the kicker, the footer and the rules
SIXTEENTHS = [round(level / 17) for level in range(256)]  # 256 grey levels to 16


def draw(card: Card) -> bytes:
    """The card as PNG bytes: the same card gives the same bytes.

    It is drawn in grey levels (0 the background, 255 the text), reduced to 16 levels and
    saved with a 4-bit palette that maps each level to a mix of the two colours: a sixth
    of the bytes of RGB to compress, and the anti-aliased edges stay smooth."""
    image = drawing(card)
    paletted = Image.frombytes("P", SIZE, image.point(SIXTEENTHS).tobytes())
    paletted.putpalette(_palette(card.foreground, card.background))
    out = io.BytesIO()
    # zlib's run-length strategy on 4-bit pixels: a card is runs of one colour, so it takes
    # half the time of the default strategy at level 3 and gives 6 % fewer bytes
    paletted.save(out, format="PNG", compress_level=3, compress_type=zlib.Z_RLE, bits=4)
    return out.getvalue()


def drawing(card: Card) -> Image.Image:
    """The card in grey levels: its own text drawn onto a copy of the site's background."""
    image = _background(card.site_title).copy()
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    kicker = Face(False, 30)
    _text(pen, (MARGIN, 124), _fit(card.kicker, kicker, width), kicker, FADED)
    face, lines = _title_lines(card.title, width)
    line_height = int(face.size * 1.18)
    y = 196
    for line in lines:
        _text(pen, (MARGIN, y), line, face, 255)
        y += line_height
    footer = Face(False, 30)
    _text(pen, (MARGIN, 545), _fit(card.footer, footer, width), footer, FADED)
    return image


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


def undrawable(card: Card) -> str:
    """The characters of the card's text that no font here can draw (they are left out:
    a box is worse than nothing)."""
    text = "".join((card.site_title, card.kicker, card.title, card.footer))
    return "".join(sorted({c for c in text if not c.isspace() and _font_file(c, False) is None}))


def undrawable_warnings(cards: Mapping[str, Card], position: Position) -> list[ContentError]:
    """One warning when some cards leave letters out, naming the first such page."""
    missing = {path: letters for path, card in cards.items() if (letters := undrawable(card))}
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


@dataclass(frozen=True, slots=True)
class Face:
    bold: bool
    size: int


def _title_lines(title: str, width: int) -> tuple[Face, list[str]]:
    """The largest size at which the title fits in four lines (cut with '…' at the smallest)."""
    for size in (72, 64, 56, 50, 44):
        face = Face(True, size)
        lines = _wrap(title, face, width)
        if len(lines) * size * 1.18 <= 300:
            return face, lines
    lines = _wrap(title, face, width)
    kept = lines[: int(300 // (face.size * 1.18))]
    kept[-1] = _fit(kept[-1] + " …", face, width) if len(lines) > len(kept) else kept[-1]
    return face, kept


# Ideographs, kana and hangul: scripts written without spaces, where a line may break
# beside any letter.
WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN = re.compile(rf"[{WIDE}]|[^\s{WIDE}]+|\s+")


def _wrap(text: str, face: Face, width: int) -> list[str]:
    lines: list[str] = []
    space = False
    for token in TOKEN.findall(text.strip()):
        if token.isspace():
            space = True
            continue
        candidate = lines[-1] + (" " if space else "") + token if lines else token
        if lines and _length(candidate, face) <= width:
            lines[-1] = candidate
        else:
            lines.append(_fit(token, face, width))
        space = False
    return lines or [""]


def _fit(text: str, face: Face, width: int) -> str:
    """Text cut with '…' to fit the width."""
    if _length(text, face) <= width:
        return text
    while text and _length(text + "…", face) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _runs(text: str, face: Face) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """The text in runs that one font draws: DejaVu, else the first fallback font that
    has the letter; a letter no font has is left out."""
    runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for char in text:
        file = _font_file(char, face.bold)
        if file is None:
            continue
        font = _font(file, face.size)
        if runs and runs[-1][1] is font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs


def _length(text: str, face: Face) -> float:
    return sum(font.getlength(run) for run, font in _runs(text, face))


def _text(
    pen: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, face: Face, fill: int
) -> None:
    x, y = xy
    for run, font in _runs(text, face):
        pen.text((x, y), run, font=font, fill=fill)
        x += font.getlength(run)


@cache
def _font_file(char: str, bold: bool) -> Path | None:
    """The first font that has a glyph for char: the bundled DejaVu, then the fallbacks
    found on this machine (for scripts DejaVu lacks: Chinese, Japanese, Korean...)."""
    own = FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    for file in (own, *FALLBACK_FONTS):
        if char.isspace() or _has_glyph(file, char):
            return file
    return None


@cache
def _has_glyph(file: Path, char: str) -> bool:
    """A missing glyph is drawn as the font's .notdef box: compare with one surely missing."""
    font = _font(file, 40)
    mask = font.getmask(char)
    missing = font.getmask("\U0010ffff")
    return (mask.size, bytes(mask)) != (missing.size, bytes(missing))


@cache
def _font(file: Path, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout: the same bytes whether or not libraqm is installed.
    return ImageFont.truetype(str(file), size, layout_engine=ImageFont.Layout.BASIC)


def _mix(first: str, second: str, share: float) -> tuple[int, int, int]:
    a, b = _rgb(first), _rgb(second)
    return tuple(round(x * share + y * (1 - share)) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _rgb(colour: str) -> tuple[int, int, int]:
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    return tuple(int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
