"""The publication date a pasted article states about itself, if it states one.

Only places that date the article itself are read, in this order: a
"Published:"/"Posted:"/"Date:" line, a dateline opening the first paragraph
("ISTANBUL, 16 May 2025 –"), a line that is only a date near the start or the end of the
text, then "Generated on:". Dates
inside sentences ("in March 2022", "on 16 May") tell of events, not of the text, and
are never taken. A date must name its year: "May 13 (Reuters)" is not enough."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
DATE_FORMS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?"),
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
)
_TIME_TAIL = r"(?:[\s,|–—-]+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
LABELS = re.compile(
    r"^(?:published(?: on)?|posted(?: on)?|date|first published(?: on)?)\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
GENERATED = re.compile(r"^generated on\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
DATELINE = re.compile(r"^[A-Z][\w.'’ -]{1,40},\s+(?P<rest>.{6,60}?)\s*(?:\([^)]*\)\s*)?[–—-]")


EDGE_LINES = 4


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    where: str  # "the 'Published:' line", "the dateline", …
    line: int  # 1-based line of the text


def parse_date(text: str, whole: bool = False) -> dt.date | None:
    """A full date written in ISO or English form at the start of `text`; with `whole`,
    `text` must be nothing but the date (and perhaps a time)."""
    text = text.strip()
    for form in DATE_FORMS:
        match = re.match(form.pattern + _TIME_TAIL + (r"\s*$" if whole else ""), text, form.flags)
        if match:
            return _to_date(match)
    return None


def date_line_indexes(lines: Sequence[str]) -> set[int]:
    """Where a line that is only a date dates the text: among the first EDGE_LINES and the
    last EDGE_LINES lines with text. Elsewhere it is part of the story (a timeline's
    '16 May 2025' heading)."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])


def find_publication_date(lines: Sequence[str], first_paragraph: int | None) -> FoundDate | None:
    """`lines` are the text's lines; `first_paragraph` the index of the first body line."""
    found: dict[str, FoundDate] = {}
    edges = date_line_indexes(lines)
    for index, line in enumerate(lines):
        line = line.strip()
        for key, pattern in (("label", LABELS), ("generated", GENERATED)):
            match = pattern.match(line)
            if match and key not in found and (date := parse_date(match.group("rest"))):
                label = line.split(":")[0].strip() if ":" in line else line.split()[0]
                found[key] = FoundDate(date, f"the '{label}:' line", index + 1)
        if "alone" not in found and index in edges and (date := parse_date(line, whole=True)):
            found["alone"] = FoundDate(date, "a line that gives the date", index + 1)
    if first_paragraph is not None and first_paragraph < len(lines):
        match = DATELINE.match(lines[first_paragraph].strip())
        if match and (date := parse_date(match.group("rest"))):
            found["dateline"] = FoundDate(date, "the dateline", first_paragraph + 1)
    for key in ("label", "dateline", "alone", "generated"):
        if key in found:
            return found[key]
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else MONTHS[month.casefold().rstrip(".")]
    try:
        return dt.date(int(match.group("year")), number, int(match.group("day")))
    except ValueError:
        return None
