"""Contents of a page: the headings a table of contents links to."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

ARTICLE_MIN_HEADINGS = 2  # an article with fewer is short enough to read without contents


@dataclass(frozen=True, slots=True)
class Heading:
    anchor: str  # the heading's id
    title: str
    level: int = 2


class _Headings(HTMLParser):
    """h2 and h3 elements with an id, and their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Heading] = []
        self._open: tuple[str, int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        anchor = dict(attrs).get("id")
        if tag in ("h2", "h3") and anchor:
            self._open = (anchor, int(tag[1]), [])

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == f"h{self._open[1]}":
            anchor, level, parts = self._open
            self.found.append(Heading(anchor, " ".join("".join(parts).split()), level))
            self._open = None


def headings(html: str) -> tuple[Heading, ...]:
    if "<h2" not in html and "<h3" not in html:  # most articles: no need to parse
        return ()
    parser = _Headings()
    parser.feed(html)
    parser.close()
    return tuple(parser.found)


def article_contents(html: str) -> tuple[Heading, ...]:
    """Contents for an article's text, or none when it has too few headings to need them."""
    found = headings(html)
    return found if len(found) >= ARTICLE_MIN_HEADINGS else ()


def sections(*candidates: tuple[str, str, object]) -> tuple[Heading, ...]:
    """Contents from (anchor, title, shown) triples: the sections a page shows."""
    return tuple(Heading(anchor, title) for anchor, title, shown in candidates if shown)

