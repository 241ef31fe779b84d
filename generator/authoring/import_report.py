"""What an import did, or would do under --dry-run, and what a person should check: the
report of one article, what became of each input, and their lines for the terminal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.mentions import Suggestion
from generator.authoring.plain_text import PlainArticle
from generator.content.model import Entity
from generator.errors import ContentError
from generator.routes import ENTITIES_FILE

NEAR_COPIES_SHOWN = 3


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


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: a report when it was (or would be) written."""

    origin: Path
    report: ImportReport | None = None
    errors: tuple[ContentError, ...] = ()


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
            f"right, add it to the entity's aliases in {ENTITIES_FILE}):"
        )
        lines += [
            f'    "{s.written}" looks like {s.entity.name} ({s.entity.id}; known as "{s.known_as}")'
            for s in report.suggestions
        ]
    return lines
