"""RSS 2.0 and Atom files as plain articles, for `briefing import FEED.xml`.

feedparser reads the feed (from the bytes given: it fetches nothing); each entry becomes a
`PlainArticle`, the shape a plain-text import produces, so it goes through the same checked
path. Feed content is hostile: entry HTML is reduced here to text blocks (paragraphs,
list items, headings), so no tag, attribute or URL of it reaches the article; only the
entry's own link is kept, and only if it is http(s)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.sax import SAXParseException

from generator.authoring.plain_text import PlainArticle, clean_text
from generator.authoring.textdates import FoundDate
from generator.errors import ContentError, ContentErrors, Position

FEED_START = re.compile(  # BOM, declaration, comments, DOCTYPE, then the root element
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*"
    rb"<(?:rss|feed|rdf:RDF)\b",
    re.S,
)
ENTRY_TAG = re.compile(rb"<(?:item|entry)[\s>/]")
BLOCKS = {"p", "div", "li", "blockquote", "br", "tr", "section", "article", "figcaption", "pre"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
MAX_ENTRIES = 10_000


@dataclass(frozen=True, slots=True)
class FeedEntry:
    origin: Path  # "<feed file>:<line of the entry>", as errors name it
    article: PlainArticle | None
    site_url: str  # the feed's own site, whose domain names the source
    problem: str = ""


def is_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom document (not a text that mentions one)."""
    return bool(FEED_START.match(data[:4096]))


def feed_entries(data: bytes, origin: Path) -> Iterator[FeedEntry]:
    """Each entry of the feed as a plain article, in the feed's order; ContentErrors
    (one message) when the file is not a well-formed feed."""
    import feedparser  # imported here: only a feed import needs it

    # its sanitiser keeps the text of what it drops (an iframe's): _BlockReader drops both
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXParseException) or not parsed.get("version"):
        raise ContentErrors([_malformed(origin, problem)])
    if len(parsed.entries) > MAX_ENTRIES:
        message = f"the feed has {len(parsed.entries):,} entries; at most {MAX_ENTRIES:,}"
        raise ContentErrors([ContentError(Position(origin), message, "split it")])
    lines = [data[: match.start()].count(b"\n") + 1 for match in ENTRY_TAG.finditer(data)]
    site_url = str(parsed.feed.get("link") or "")
    for index, entry in enumerate(parsed.entries):
        line = lines[index] if index < len(lines) else 0
        where = Path(f"{origin}:{line}") if line else origin
        article = _article(entry, line)
        problem = "" if article else "the entry has no title and no text"
        yield FeedEntry(where, article, site_url, problem)


def _malformed(origin: Path, problem: object) -> ContentError:
    if isinstance(problem, SAXParseException):
        line, column = problem.getLineNumber(), problem.getColumnNumber()  # None: unknown
        position = Position(origin, line or 0, column + 1 if column is not None else 0)
        return ContentError(position, f"not a well-formed feed: {problem.getMessage()}")
    return ContentError(Position(origin), "not an RSS or Atom feed")


def _article(entry: dict, line: int) -> PlainArticle | None:
    title = " ".join(clean_text(_text_of(str(entry.get("title") or ""))).split())
    blocks = _blocks(_html_of(entry))
    if not blocks:
        blocks = (("paragraph", title),) if title else ()
    if not (title and blocks):
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    date = FoundDate(dt.date(*stamp[:3]), "the feed's date of the entry", line) if stamp else None
    link = str(entry.get("link") or "")
    return PlainArticle(title, True, blocks, link, (), date)


def _html_of(entry: dict) -> str:
    """The entry's fullest text: its content, else its summary."""
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def _text_of(html: str) -> str:
    return " ".join(text for _, text in _blocks(html))


def _blocks(html: str) -> tuple[tuple[str, str], ...]:
    reader = _BlockReader()
    reader.feed(html)
    reader.close()
    return tuple(reader.blocks)


class _BlockReader(HTMLParser):
    """Text by blocks; every tag and attribute dropped, hidden elements' text too."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._kind = "paragraph"
        self._words: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        elif tag in BLOCKS or tag in HEADINGS:
            self._end_block()
            self._kind = "heading" if tag in HEADINGS else "paragraph"

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCKS or tag in HEADINGS:
            self._end_block()
            self._kind = "paragraph"

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._words.append(data)

    def close(self) -> None:
        super().close()
        self._end_block()

    def _end_block(self) -> None:
        text = " ".join(clean_text("".join(self._words)).split())
        if text:
            self.blocks.append((self._kind, text))
        self._words = []
