"""`briefing import`: a pasted plain-text article -> a content file, plus suggestions.

Plain text as analysts receive it: a title line, paragraphs, short plain lines
that are subheadings, clutter ("Back", "Generated on:"), a trailing
`Source: URL`. Nothing is ever added to entities.yaml: likely misspellings of
known entities are printed for a person to confirm."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .entity_links import EntityMatcher
from .errors import ContentError, ContentErrors, Position
from .model import Entity, Source

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
MARKDOWN_LINE_START = re.compile(r"^(#|>|[-*+]\s|\d+[.)]\s|={3,}|-{3,})")


@dataclass(frozen=True, slots=True)
class PlainArticle:
    title: str
    title_from_first_line: bool
    blocks: tuple[tuple[str, str], ...]  # ("heading" | "paragraph", text)
    url: str
    dropped: tuple[str, ...]  # clutter lines left out


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
    mentions: list[tuple[Entity, int]] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    near_copies: list[tuple[str, float]] = field(default_factory=list)


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
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            raise _error(
                origin,
                f"line {number} is {len(line):,} characters long; "
                "this does not look like an article",
                number,
            )
    return text


def parse_plain_text(text: str) -> PlainArticle:
    lines = [line.strip() for line in text.split("\n")]
    url, dropped, kept = "", [], []
    for line in lines:
        if not line:
            continue
        if match := SOURCE_LINE.match(line):
            url = clean_url(match.group(1))
        elif CLUTTER.match(line):
            dropped.append(line)
        else:
            kept.append(line)
    if not kept:
        raise ValueError("no text left after removing clutter")
    if len(kept[0]) <= MAX_TITLE and not kept[0].endswith((".", "”", '"')) and len(kept) > 1:
        title, from_first_line, body = kept[0], True, kept[1:]
    else:
        title, from_first_line, body = _title_from_sentence(kept[0]), False, kept
    return PlainArticle(title, from_first_line, _blocks(body), url, tuple(dropped))


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
    parts = urlsplit(url)
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
    host = urlsplit(url).hostname or ""
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


def article_file(article: PlainArticle, front_matter: Sequence[tuple[str, str]]) -> str:
    """The content file: YAML front matter, then the blocks as Markdown."""
    head = "\n".join(f"{key}: {value}" if value else f"{key}:" for key, value in front_matter)
    body = "\n\n".join(
        f"## {text}" if kind == "heading" else _escape_line_start(text)
        for kind, text in article.blocks
    )
    return f"---\n{head}\n---\n\n{body}\n"


def _escape_line_start(text: str) -> str:
    """Keep a paragraph a paragraph: escape what Markdown would read as a list or heading."""
    return "\\" + text if MARKDOWN_LINE_START.match(text) else text


def describe_import(report: ImportReport) -> str:
    """What an import did and what a person should check, as terminal lines."""
    article = report.article
    headings = [text for kind, text in article.blocks if kind == "heading"]
    source = report.source + (" (by the domain of the URL)" if report.source_by_domain else "")
    source = source or "(unknown): pass --source ID or fill in 'source:'"
    lines = [
        f"created {report.path}",
        f"  title     {article.title}"
        + ("" if article.title_from_first_line else "  (made from the first sentence: review it)"),
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
            "possible misspellings of known entities (nothing was added; if one is "
            "right, add it to the entity's aliases in entities.yaml):"
        )
        lines += [
            f'  "{s.written}" looks like {s.entity.name} ({s.entity.id}; known as "{s.known_as}")'
            for s in report.suggestions
        ]
    for other, share in report.near_copies:
        lines.append(
            f"near-copy: it shares {share:.0%} of its wording with '{other}'; "
            f"if it is a rewrite, add to its front matter: rewrite_of: {other}"
        )
    lines.append("next: review the file, run make check, then see it in make serve")
    return "\n".join(lines)


def _error(origin: Path, message: str, line: int = 0) -> ContentErrors:
    return ContentErrors([ContentError(Position(origin, line), message)])
