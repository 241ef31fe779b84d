"""Social cards: the og:image of every HTML page, a 1200×630 PNG drawn at
build time with Pillow and the bundled DejaVu fonts, in the theme's colours.

A card's file name is the hash of everything drawn on it, so the same card is the same
file: a build copies it from the last build instead of drawing it again, and a changed
card gets a new address that no platform has cached."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import multiprocessing
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator import output
from generator.content.model import Site
from generator.errors import ContentError, Position
from generator.evidence.provenance import Grade
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.resources import FONTS
from generator.routes import CARDS_FOLDER, NOT_FOUND_FILE, Routes

SIZE = (1200, 630)
MARGIN = 80
FADED = round(255 * 0.72)  # the grey level of the kicker, the footer and the rules
SIXTEENTHS = [round(level / 17) for level in range(256)]  # 256 grey levels to 16
CARDS_DIR = CARDS_FOLDER
STORE_INDEX = "digests.json"  # in the card store: each card's PNG digest, as drawn
CARD_NAME = re.compile(r"[0-9a-f]{16}\.png")
DIGEST = re.compile(r"[0-9a-f]{64}")
MIN_CARDS_PER_WORKER = 40
# Fonts for the letters DejaVu lacks, where the machine has them (Debian and Ubuntu's
# fonts-noto-cjk, fonts-droid-fallback, fonts-wqy-*): bundling one would add megabytes to
# every wheel. A letter no font here has is left out of the card, and the build says so.
FALLBACK_FONTS = tuple(
    path
    for path in (
        Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    )
    if path.is_file()
)
# Bump when the drawing changes, so cached cards are drawn again; the fallback fonts found
# are part of it, so cards drawn without them are not reused once they are installed.
DRAWING_VERSION = "3-rle:" + ",".join(path.name for path in FALLBACK_FONTS)
DEFAULT_COLOURS = {"header-bg": "#1f4e79", "header-fg": "#ffffff", "accent": "#1f4e79"}
CSS_COLOUR = re.compile(r"--(header-bg|header-fg|accent)\s*:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")


@dataclass(frozen=True, slots=True)
class Card:
    site_title: str
    kicker: str  # 'Topic', 'Article · Istanbul talks'
    title: str
    footer: str  # 'BBC News · graded B2', '5 articles from 3 sources'
    background: str  # '#1f4e79'
    foreground: str

    @property
    def name(self) -> str:
        """The card's file name: a hash of what is drawn on it."""
        text = "\x1f".join((DRAWING_VERSION, *(str(v) for v in _fields(self))))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] + ".png"

    @property
    def path(self) -> str:
        return f"/{CARDS_DIR}/{self.name}"


def theme_colours(stylesheet: Path) -> dict[str, str]:
    """The light scheme's header colours from the theme's style.css (its first values),
    so a site that restyles its header gets cards to match."""
    colours = dict(DEFAULT_COLOURS)
    try:
        css = stylesheet.read_text(encoding="utf-8")
    except OSError:
        return colours
    found: dict[str, str] = {}
    for name, value in CSS_COLOUR.findall(css):
        found.setdefault(name, value)
    return colours | found


def site_cards(
    site: Site,
    graph: LinkGraph,
    grades: Mapping[str, Grade],
    colours: Mapping[str, str],
    routes: Routes,
    pages: Iterable[Page] = (),
) -> dict[str, Card]:
    """The card of each page, by page path: topics, articles, entities and sources their
    own; every other HTML page in `pages` a default one."""
    base = {
        "site_title": site.config.title,
        "background": colours["header-bg"],
        "foreground": colours["header-fg"],
    }
    cards: dict[str, Card] = {}
    for topic in site.topics.values():
        slugs = graph.articles_by_topic.get(topic.id, ())
        outlets = {site.articles[slug].source for slug in slugs}
        footer = f"{_count(len(slugs), 'article')} from {_count(len(outlets), 'source')}"
        cards[routes.topic(topic.id)] = Card(
            kicker="Topic", title=topic.title, footer=footer, **base
        )
    for article in site.articles.values():
        topics = ", ".join(site.topics[t].title for t in article.topics)
        source = site.sources[article.source].name
        grade = grades[article.slug]
        footer = f"{source} · {article.date.isoformat()} · graded {grade.code}"
        kicker = "Article" + (f" · {topics}" if topics else "")
        cards[routes.article(article.slug)] = Card(
            kicker=kicker, title=article.title, footer=footer, **base
        )
    cards |= entity_and_source_cards(site, graph, base, routes)
    return cards | default_cards(pages, site, base, cards)


# The kicker of a page that has no card of its own, by its template: every HTML page a
# reader can share gets a card.
KICKERS = {
    "home.html": "Briefing",
    "topics.html": "Topics",
    "articles.html": "Articles",
    "sources.html": "Sources",
    "entities.html": "People, organisations and places",
    "timeline.html": "Timeline",
    "graph.html": "People, organisations and places",
    "search.html": "Search",
}
DEFAULT_KICKER = "Briefing"
NOT_SHARED = frozenset({NOT_FOUND_FILE, "redirect.html"})  # HTML pages nobody shares


def entity_and_source_cards(
    site: Site, graph: LinkGraph, base: Mapping[str, str], routes: Routes
) -> dict[str, Card]:
    cards: dict[str, Card] = {}
    for entity in site.entities.values():
        count = len(graph.articles_by_entity.get(entity.id, ()))
        footer = f"Named in {_count(count, 'article')}"
        kicker = entity.kind.capitalize() or "Entity"
        cards[routes.entity(entity.id)] = Card(
            kicker=kicker, title=entity.name, footer=footer, **base
        )
    for source in site.sources.values():
        count = len(graph.articles_by_source.get(source.id, ()))
        grade = f" · reliability {source.reliability}" if source.reliability else ""
        cards[routes.source(source.id)] = Card(
            kicker="Source", title=source.name, footer=f"{_count(count, 'article')}{grade}", **base
        )
    return cards


def default_cards(
    pages: Iterable[Page], site: Site, base: Mapping[str, str], taken: Mapping[str, Card]
) -> dict[str, Card]:
    """A card for each HTML page that has none of its own (home, lists, timeline, search,
    what's new, comparisons...): its kind, its title and the site's size."""
    outlets = {article.source for article in site.articles.values()}
    footer = (
        f"{_count(len(site.articles), 'article')} from {_count(len(outlets), 'source')}"
        f" · {_count(len(site.topics), 'topic')}"
    )
    return {
        page.path: Card(
            kicker=KICKERS.get(page.template, DEFAULT_KICKER),
            title=page.title,
            footer=footer,
            **base,
        )
        for page in pages
        if page.path not in taken and _shareable(page)
    }


def _shareable(page: Page) -> bool:
    return (
        page.path.endswith("/")
        and page.template.endswith(".html")
        and page.template not in NOT_SHARED
    )


def with_cards(pages: Iterable[Page], cards: Mapping[str, Card]) -> tuple[Page, ...]:
    return tuple(
        replace(page, image=cards[page.path].path) if page.path in cards else page for page in pages
    )


def write_cards(
    cards: Iterable[Card],
    directory: Path,
    reuse_from: Path | None = None,
    workers: int = 1,
    store: Path | None = None,
    known: dict[str, str] | None = None,
) -> int:
    """Put each card into directory/cards/: kept if the file there is the card, copied
    from `reuse_from` (the last build's cards) or from `store` (kept by the build cache)
    when a file there is, else drawn, and then kept in `store`. A file is the card only
    if its sha256 is the one `known` (card name -> digest of the PNG drawn for it,
    updated here) records: a PNG swapped for another card's is drawn again. Returns
    how many were drawn."""
    known = {} if known is None else known
    target = directory / CARDS_DIR
    target.mkdir(parents=True, exist_ok=True)
    missing = []
    for card in {card.name: card for card in cards}.values():
        destination = output.inside(directory, f"{CARDS_DIR}/{card.name}")
        expected = known.get(card.name)
        if expected and _digest_of(destination) == expected:
            continue
        sources = (folder / card.name for folder in (reuse_from, store) if folder is not None)
        found = next((p for p in sources if expected and _digest_of(p) == expected), None)
        if found is None:
            missing.append(card)
        else:  # replaced, never written in place: it may be a hard link to the served file
            output.write_atomic(destination, found.read_bytes())
    for card, data in zip(missing, _draw_all(missing, workers), strict=True):
        output.write_atomic(output.inside(target, card.name), data)  # it may be being served
        known[card.name] = _digest(data)
        if store is not None:
            with contextlib.suppress(OSError):  # a store that cannot be written costs time only
                output.write_atomic(output.inside(store, card.name), data)
    return len(missing)


def _digest_of(path: Path) -> str:
    try:
        return _digest(path.read_bytes())
    except OSError:
        return ""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_index(store: Path) -> dict[str, str]:
    """The digests of the cards in the store, as the builds that drew them recorded
    them (an unreadable index is an empty one: every card is drawn again)."""
    try:
        data = json.loads((store / STORE_INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        name: digest
        for name, digest in data.items()
        if CARD_NAME.fullmatch(name) and isinstance(digest, str) and DIGEST.fullmatch(digest)
    }


def keep_only(cards: Iterable[Card], store: Path, known: Mapping[str, str]) -> None:
    """Forget the stored cards no page shows any more; record the digests of the rest."""
    wanted = {card.name for card in cards}
    with contextlib.suppress(OSError):
        for present in store.glob("*.png") if store.is_dir() else ():
            if present.name not in wanted:
                present.unlink(missing_ok=True)
        index = {name: known[name] for name in sorted(wanted) if name in known}
        store.mkdir(parents=True, exist_ok=True)
        output.write_atomic(store / STORE_INDEX, json.dumps(index, indent=0).encode())


def _draw_all(cards: Sequence[Card], workers: int) -> Iterable[bytes]:
    """Drawing takes ~30 ms a card: a large site draws on all the cores it may use."""
    if workers <= 1 or len(cards) < MIN_CARDS_PER_WORKER * 2:
        return map(draw, cards)
    if "fork" not in multiprocessing.get_all_start_methods():
        return map(draw, cards)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(draw, cards, chunksize=MIN_CARDS_PER_WORKER // 4))


def remove_other_cards(cards: Iterable[Card], directory: Path) -> None:
    wanted = {card.name for card in cards}
    for present in (directory / CARDS_DIR).glob("*.png"):
        if present.name not in wanted:
            present.unlink()


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


def _fields(card: Card) -> tuple:
    return tuple(getattr(card, name) for name in Card.__slots__)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
