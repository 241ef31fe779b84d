"""`briefing import`: a pasted plain-text article -> a content file, plus suggestions.

Plain text as analysts receive it: a title line, paragraphs, short plain lines
that are subheadings, clutter ("Back", "Generated on:"), a trailing
`Source: URL`. Nothing is ever added to entities.yaml: likely misspellings of
known entities are printed for a person to confirm."""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlunsplit

import yaml

from generator.authoring.textdates import (
    LABELS,
    FoundDate,
    date_line_indexes,
    find_publication_date,
    parse_date,
)
from generator.content.model import Entity, Source
from generator.errors import ContentError, ContentErrors, Position
from generator.routes import split_url
from generator.text.entity_links import EntityMatcher

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NEAR_COPIES_SHOWN = 3
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
NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
POSSESSIVE = re.compile(r"(’s|'s|’|')$")
SPELLING_CUTOFF = {1: 0.85, 2: 0.78, 3: 0.78}  # by the candidate's word count
LEADING_WORDS = frozenset(
    """The A An President Prime Foreign Defence Defense Deputy Minister Secretary Chancellor Chief
    Special Envoy Spokesman Spokeswoman Mr Mrs Ms Dr General Ukrainian Russian Turkish US EU UK
    Kremlin""".split()
)
FIRST_SENTENCE_NOTE = "title made from the first sentence: write a better one"
# What Markdown could read as a block (list, heading, quote, break, fence, table) at the start
# of a line; a backslash before ASCII punctuation always shows as that character.
MARKDOWN_LINE_START = re.compile(r"^[#>*+\-=_`~|]")
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


@dataclass(frozen=True, slots=True)
class Suggestion:
    written: str  # as the article spells it
    entity: Entity
    known_as: str  # the name or alias it resembles


@dataclass
class ImportReport:
    path: Path
    article: PlainArticle
    source: str = ""
    source_by_domain: bool = False
    text: str = ""  # the file, as written or as it would be
    title: str = ""  # as written: --title, or the article's
    date: dt.date | None = None
    date_inferred: bool = False
    written: bool = False  # False under --dry-run
    mentions: list[tuple[Entity, int]] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    near_copies: list[tuple[str, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings for the person importing


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


def count_mentions(text: str, matcher: EntityMatcher) -> list[tuple[Entity, int]]:
    counts: dict[str, int] = {}
    entities: dict[str, Entity] = {}
    for _, entity in matcher.find(text):
        counts[entity.id] = counts.get(entity.id, 0) + 1
        entities[entity.id] = entity
    return sorted(
        ((entities[i], n) for i, n in counts.items()), key=lambda item: (-item[1], item[0].name)
    )


def suggest_spellings(text: str, entities: Iterable[Entity]) -> list[Suggestion]:
    """Capitalised names in the text that are close to, but not, a known name or alias."""
    known = {name: entity for entity in entities for name in (entity.name, *entity.aliases)}
    canonical = {entity.name for entity in known.values()}
    folded = {name.casefold(): name for name in known}
    suggestions: dict[str, Suggestion] = {}
    for candidate in sorted(_name_candidates(text), key=lambda c: (-len(c.split()), c)):
        if any(candidate in name for name in known):  # a known name, or part of one
            continue
        if any(_extends(candidate, name) for name in canonical):
            continue
        if any(candidate in longer for longer in suggestions):
            continue
        cutoff = SPELLING_CUTOFF.get(len(candidate.split()), 0.78)
        match = difflib.get_close_matches(candidate.casefold(), list(folded), n=1, cutoff=cutoff)
        if match:
            name = folded[match[0]]
            suggestions[candidate] = Suggestion(candidate, known[name], name)
    return sorted(suggestions.values(), key=lambda s: s.written)


def _name_candidates(text: str) -> set[str]:
    """Runs of one to three capitalised words that do not start with a title or article."""
    candidates = set()
    for run in NAME_RUN.findall(text):
        words = [POSSESSIVE.sub("", word) for word in run.split()]
        for start in range(len(words)):
            if words[start] in LEADING_WORDS:
                continue
            for end in range(start + 1, min(len(words), start + 3) + 1):
                candidates.add(" ".join(words[start:end]))
    return {c for c in candidates if len(c) > 3}


def _extends(candidate: str, name: str) -> bool:
    """'European Union Council' holds 'European Union'; 'Russian' starts with 'Russia'."""
    return candidate != name and (
        f" {name} " in f" {candidate} " or (" " not in candidate and candidate.startswith(name))
    )


def article_file(article: PlainArticle, front: Mapping[str, object], note: str = "") -> str:
    """The content file: YAML front matter (a comment line first if `note`), then the
    blocks as Markdown."""
    comment = f"# {note}\n" if note else ""
    body = "\n\n".join(
        f"## {_no_links(text)}" if kind == "heading" else _escape_line_start(_no_links(text))
        for kind, text in article.blocks
    )
    return f"---\n{comment}{front_matter(front)}---\n\n{body}\n"


def front_matter(front: Mapping[str, object]) -> str:
    """YAML written by PyYAML's emitter, so no value can add a key or break the block.
    Letters of any script are written as they are; should that change a value (PyYAML
    writes U+2028 and U+0085 unescaped, and reads them back as spaces), every character
    beyond ASCII is escaped instead."""
    data = dict(front)
    for allow_unicode in (True, False):
        text = yaml.safe_dump(
            data, sort_keys=False, allow_unicode=allow_unicode, width=10**6, default_flow_style=None
        )
        if yaml.load(text, Loader=_Loader) == data:
            break
    return text


def _no_links(text: str) -> str:
    """Plain text has no links: '[the talks](/nowhere/)' stays text, and cannot point to a
    page that does not exist."""
    return text.replace("[", "\\[")


def _escape_line_start(text: str) -> str:
    """Keep a paragraph a paragraph: escape what Markdown would read as a list, a heading
    or a link definition."""
    if ordered := re.match(r"^(\d+)([.)])(\s)", text):
        return ordered.group(1) + "\\" + text[len(ordered.group(1)) :]
    return "\\" + text if MARKDOWN_LINE_START.match(text) else text


def describe_import(report: ImportReport, origin: Path, detailed: bool) -> str:
    """What an import did (or would do) and what a person should check, as terminal
    lines: one line, the warnings below it, and with `detailed` the whole account."""
    verb = "written" if report.written else "would write"
    lines = [f"{verb} {report.path} (from {origin})"]
    if detailed:
        lines += _details(report)
    if not report.written:
        lines += ["  | " + line for line in report.text.split("\n---\n", 1)[0].split("\n")[1:]]
    lines += [f"  warning: {note}" for note in report.notes]
    for other, share in report.near_copies[:NEAR_COPIES_SHOWN]:
        lines.append(
            f"  near-copy: it shares {share:.0%} of its wording with '{other}'; "
            f"if it is a rewrite, import it with --rewrite-of {other}"
        )
    if len(report.near_copies) > NEAR_COPIES_SHOWN:
        more = len(report.near_copies) - NEAR_COPIES_SHOWN
        lines.append(f"  near-copy: and {more} more articles share a fifth of its wording or more")
    return "\n".join(lines)


def _details(report: ImportReport) -> list[str]:
    article = report.article
    headings = [text for kind, text in article.blocks if kind == "heading"]
    source = report.source + (" (by the domain of the URL)" if report.source_by_domain else "")
    if report.date_inferred:
        when = f"{report.date} (today: the text states no date)"
    elif article.date and article.date.date == report.date:
        when = f"{report.date} (from {article.date.where}, line {article.date.line})"
    else:
        when = f"{report.date} (from --date)"
    lines = [
        f"  title     {report.title or article.title}"
        + (
            ""
            if article.title_from_first_line or report.title != article.title
            else "  (made from the first sentence: review it)"
        ),
        f"  date      {when}",
        f"  headings  {', '.join(headings) or '(none)'}",
        f"  url       {article.url or '(none found)'}",
        f"  source    {source}",
    ]
    if article.dropped:
        lines.append(f"  left out  {', '.join(article.dropped)}")
    mentions = ", ".join(f"{entity.name} {count}" for entity, count in report.mentions[:12])
    if len(report.mentions) > 12:
        mentions += f" and {len(report.mentions) - 12} more"
    lines.append(f"  mentions  {mentions or '(no known entity)'}")
    if report.suggestions:
        lines.append(
            "  possible misspellings of known entities (nothing was added; if one is "
            "right, add it to the entity's aliases in entities.yaml):"
        )
        lines += [
            f'    "{s.written}" looks like {s.entity.name} ({s.entity.id}; known as "{s.known_as}")'
            for s in report.suggestions
        ]
    return lines


def _error(origin: Path, message: str, line: int = 0) -> ContentErrors:
    return ContentErrors([ContentError(Position(origin, line), message)])
