"""`briefing import`: a pasted plain-text article -> a `PlainArticle` (title, blocks, URL,
the date it states), and the source its URL names.

Plain text as analysts receive it: a title line, paragraphs, short plain lines
that are subheadings, clutter ("Back", "Generated on:"), a trailing
`Source: URL`."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlunsplit

from generator.authoring.textdates import (
    LABELS,
    FoundDate,
    date_line_indexes,
    find_publication_date,
    parse_date,
)
from generator.content.model import Source
from generator.errors import ContentError, ContentErrors, Position
from generator.routes import split_url

MAX_TITLE = 150  # a longer first line is a paragraph, not a title
MAX_HEADING = 70
MAX_LINE = 100_000
CLUTTER = re.compile(
    r"^(back|source article|generated on:.*|advertisement|share( this)?( article)?|"
    r"read more|skip to (main )?content|related articles?|image source.*|getty images)$",
    re.IGNORECASE,
)
SOURCE_LINE = re.compile(r"^source:\s*(https?://\S+)\s*$", re.IGNORECASE)
TRACKING = re.compile(r"^(utm_\w+|at_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|src)$")
# An unterminated OSC sequence ends at the line: it must not swallow the rest of the text.
ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|[@-_])")
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\v": "\n", "\f": "\n"})


@dataclass(frozen=True, slots=True)
class PlainArticle:
    title: str
    title_from_first_line: bool
    blocks: tuple[tuple[str, str], ...]  # ("heading" | "paragraph", text)
    url: str
    dropped: tuple[str, ...]  # clutter lines left out
    date: FoundDate | None = None  # the publication date the text states, if any


def decode_input(data: bytes, origin: Path) -> str:
    """Text from a file or stdin, or one clear error about why it is not an article."""
    if b"\x00" in data:
        raise _error(origin, "this is a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(origin, "the file is not UTF-8 text; save it as UTF-8", line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _error(origin, "the file is empty")
    for number, text_line in enumerate(text.split("\n"), start=1):
        if len(text_line) > MAX_LINE:
            raise _error(
                origin,
                f"line {number} is {len(text_line):,} characters long; "
                "this does not look like an article",
                number,
            )
    return clean_text(text)


# A byte-order mark, noncharacters, and the bidirectional controls that reorder what
# follows them (a title can be made to read backwards, or hide what it says).
INVISIBLE = frozenset("\ufeff\ufffe\uffff\u061c\u200e\u200f") | frozenset(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
)


def clean_text(text: str) -> str:
    """Text as a person reads it: HTML entities decoded (`&#163;` is £), Unicode in NFC,
    terminal escape sequences, other control characters and bidirectional overrides
    removed; quotes are kept."""
    text = ANSI_ESCAPE.sub("", text).translate(LINE_BREAKS)
    text = ENTITY.sub(lambda match: html.unescape(match.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    return "".join(
        " " if char == "\t" else char
        for char in text
        if char in "\n\t"
        or (unicodedata.category(char) not in ("Cc", "Cs") and char not in INVISIBLE)
    )


def parse_plain_text(text: str) -> PlainArticle:
    lines = [line.strip() for line in text.split("\n")]
    url, dropped, kept = "", [], []
    edges = date_line_indexes(lines)
    for index, line in enumerate(lines):
        if not line:
            continue
        if match := SOURCE_LINE.match(line):
            url = clean_url(match.group(1))
        elif CLUTTER.match(line) or _is_date_line(line, index in edges):
            dropped.append(line)
        else:
            kept.append((index, line))
    if not kept:
        raise ValueError("no text left after removing clutter")
    first = kept[0][1]
    if len(first) <= MAX_TITLE and not first.endswith((".", "”", '"')) and len(kept) > 1:
        title, from_first_line, body = first, True, kept[1:]
    else:
        title, from_first_line, body = _title_from_sentence(first), False, kept
    date = find_publication_date(lines, body[0][0])
    blocks = _blocks([line for _, line in body])
    return PlainArticle(title, from_first_line, blocks, url, tuple(dropped), date)


def _is_date_line(line: str, at_an_edge: bool) -> bool:
    """'Published: 13 May 2025', or a line that is only a date at the start or end of the
    text: they date the text, and are not news."""
    match = LABELS.match(line)
    if match and parse_date(match.group("rest")):
        return True
    return at_an_edge and bool(parse_date(line, whole=True))


def _blocks(lines: Sequence[str]) -> tuple[tuple[str, str], ...]:
    blocks = []
    for index, line in enumerate(lines):
        between_paragraphs = 0 < index < len(lines) - 1
        looks_like_heading = len(line) <= MAX_HEADING and not line.endswith(
            (".", "”", '"', "?", "!")
        )
        if between_paragraphs and looks_like_heading:
            blocks.append(("heading", line.rstrip(":").strip()))
        else:
            blocks.append(("paragraph", line))
    return tuple(blocks)


def _title_from_sentence(paragraph: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= 90:
        return sentence
    return sentence[:90].rsplit(" ", 1)[0] + "…"


def clean_url(url: str) -> str:
    """The URL without tracking parameters (utm_*, at_*, fbclid, …) or a fragment."""
    parts = split_url(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def source_for_url(url: str, sources: Iterable[Source]) -> str:
    """The id of the source whose website has the same domain as `url`, or ''."""
    host = _domain(url)
    for source in sources:
        if host and source.url and _domain(source.url) == host:
            return source.id
    return ""


def _domain(url: str) -> str:
    host = split_url(url).hostname or ""
    return host.removeprefix("www.")


def _error(origin: Path, message: str, line: int = 0) -> ContentErrors:
    return ContentErrors([ContentError(Position(origin, line), message)])
