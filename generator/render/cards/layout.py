"""A card's text laid out: the font that draws each letter (the bundled DejaVu, else a
fallback font of this machine, else none: the letter is left out), the width of a text,
and the title wrapped and cut to fit. Everything measured is cached: a site's cards
share most of their kickers, footers and letters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont

from generator.render.cards.card import FALLBACK_FONTS
from generator.resources import FONTS

TITLE_SIZES = (72, 64, 56, 50, 44)
TITLE_HEIGHT = 300  # the title's lines end above the rule over the footer
LINE_SPACING = 1.18  # a line's height, in font sizes


@dataclass(frozen=True, slots=True)
class Face:
    bold: bool
    size: int


Run = tuple[str, ImageFont.FreeTypeFont]  # letters that one font draws


def title_lines(title: str, width: int) -> tuple[Face, list[str]]:
    """The largest size at which the title fits in four lines (cut with '…' at the smallest)."""
    for size in TITLE_SIZES:
        face = Face(True, size)
        lines = wrap(title, face, width)
        if len(lines) * size * LINE_SPACING <= TITLE_HEIGHT:
            return face, lines
    lines = wrap(title, face, width)
    kept = lines[: int(TITLE_HEIGHT // (face.size * LINE_SPACING))]
    kept[-1] = fit(kept[-1] + " …", face, width) if len(lines) > len(kept) else kept[-1]
    return face, kept


# Ideographs, kana and hangul: scripts written without spaces, where a line may break
# beside any letter.
WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN = re.compile(rf"[{WIDE}]|[^\s{WIDE}]+|\s+")


def wrap(text: str, face: Face, width: int) -> list[str]:
    lines: list[str] = []
    space = False
    for token in TOKEN.findall(text.strip()):
        if token.isspace():
            space = True
            continue
        candidate = lines[-1] + (" " if space else "") + token if lines else token
        if lines and length(candidate, face) <= width:
            lines[-1] = candidate
        else:
            lines.append(fit(token, face, width))
        space = False
    return lines or [""]


def fit(text: str, face: Face, width: int) -> str:
    """Text cut with '…' to fit the width."""
    if length(text, face) <= width:
        return text
    while text and length(text + "…", face) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def runs(text: str, face: Face) -> list[Run]:
    """The text in runs that one font draws: DejaVu, else the first fallback font that
    has the letter; a letter no font has is left out."""
    own = _own_letters(face.bold)
    if own.issuperset(text):  # the common case, checked in C: one run in DejaVu
        return [(text, font(_own_file(face.bold), face.size))] if text else []
    found: list[Run] = []
    for char in text:
        file = font_file(char, face.bold)
        if file is None:
            continue
        if file == _own_file(face.bold):
            own.add(char)
        drawn_by = font(file, face.size)
        if found and found[-1][1] is drawn_by:
            found[-1] = (found[-1][0] + char, drawn_by)
        else:
            found.append((char, drawn_by))
    return found


@lru_cache(maxsize=4096)
def length(text: str, face: Face) -> float:
    """The text's width: kickers and footers repeat across cards, and wrapping a title
    measures its first words at each size."""
    return sum(drawn_by.getlength(run) for run, drawn_by in runs(text, face))


@cache
def _own_letters(bold: bool) -> set[str]:
    """The letters found so far that DejaVu draws (grown by `runs`)."""
    return set()


@cache
def _own_file(bold: bool) -> Path:
    return FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


@cache
def font_file(char: str, bold: bool) -> Path | None:
    """The first font that has a glyph for char: the bundled DejaVu, then the fallbacks
    found on this machine (for scripts DejaVu lacks: Chinese, Japanese, Korean...)."""
    for file in (_own_file(bold), *FALLBACK_FONTS):
        if char.isspace() or _has_glyph(file, char):
            return file
    return None


@cache
def _has_glyph(file: Path, char: str) -> bool:
    """A missing glyph is drawn as the font's .notdef box: compare with one surely missing."""
    face = font(file, 40)
    mask = face.getmask(char)
    missing = face.getmask("\U0010ffff")
    return (mask.size, bytes(mask)) != (missing.size, bytes(missing))


@cache
def font(file: Path, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout: the same bytes whether or not libraqm is installed.
    return ImageFont.truetype(str(file), size, layout_engine=ImageFont.Layout.BASIC)
