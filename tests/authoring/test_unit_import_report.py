"""authoring.import_report: what an import did or would do, as terminal lines: one line,
the text that would be written under --dry-run, the warnings, the near-copies (three, then
a count), and with `detailed` where each fact came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.authoring.import_report import ImportReport, describe_import
from generator.authoring.mentions import Suggestion
from generator.authoring.plain_text import PlainArticle
from generator.authoring.textdates import FoundDate
from generator.content.model import Entity
from generator.errors import Position

ORIGIN = Path("pasted.txt")
DAY = dt.date(2025, 11, 20)
ZELENSKY = Entity("zelensky", "Volodymyr Zelensky", "person", "", (), Position(Path("e.yaml")))
TEXT = "---\ntitle: Talks\ndate: 2025-11-20\n---\n\nBody.\n"


def plain(**changes: object) -> PlainArticle:
    fields: dict = {
        "title": "Talks",
        "title_from_first_line": True,
        "blocks": (("heading", "Ankara"), ("paragraph", "Body.")),
        "url": "https://wire.example/talks",
        "dropped": (),
    }
    return PlainArticle(**(fields | changes))


def report(**changes: object) -> ImportReport:
    fields: dict = {"path": Path("articles/talks.md"), "article": plain(), "text": TEXT}
    return ImportReport(**(fields | changes))


def test_a_written_import_is_one_line_with_its_warnings() -> None:
    lines = describe_import(report(written=True, notes=["no source"]), ORIGIN, False)
    assert lines.split("\n") == [
        "written articles/talks.md (from pasted.txt)",
        "  warning: no source",
    ]


def test_a_dry_run_shows_the_front_matter_it_would_write() -> None:
    lines = describe_import(report(), ORIGIN, False).split("\n")
    assert lines == [
        "would write articles/talks.md (from pasted.txt)",
        "  | title: Talks",
        "  | date: 2025-11-20",
    ]


def test_three_near_copies_are_named_and_the_rest_counted() -> None:
    copies = [("a", 0.5), ("b", 0.4), ("c", 0.3), ("d", 0.25), ("e", 0.2)]
    lines = describe_import(report(written=True, near_copies=copies), ORIGIN, False)
    near = [line for line in lines.split("\n") if "near-copy" in line]
    assert near[0] == (
        "  near-copy: it shares 50% of its wording with 'a'; "
        "if it is a rewrite, import it with --rewrite-of a"
    )
    assert len(near) == 4 and "and 2 more articles" in near[3]


def details(**changes: object) -> list[str]:
    text = describe_import(report(written=True, **changes), ORIGIN, True)
    return text.split("\n")[1:]


def test_the_details_say_where_each_fact_came_from() -> None:
    found = FoundDate(DAY, "the dateline", 2)
    lines = details(
        article=plain(date=found, dropped=("Share this",)),
        title="Talks",
        date=DAY,
        source="wire",
        source_by_domain=True,
        mentions=[(ZELENSKY, 2)],
    )
    assert lines == [
        "  title     Talks",
        "  date      2025-11-20 (from the dateline, line 2)",
        "  headings  Ankara",
        "  url       https://wire.example/talks",
        "  source    wire (by the domain of the URL)",
        "  left out  Share this",
        "  mentions  Volodymyr Zelensky 2",
    ]


def test_a_date_is_from_the_option_or_today_when_not_from_the_text() -> None:
    assert "  date      2025-11-20 (from --date)" in details(date=DAY)
    assert "  date      2025-11-20 (today: the text states no date)" in details(
        date=DAY, date_inferred=True
    )


def test_a_title_made_from_the_first_sentence_asks_for_review() -> None:
    made = details(article=plain(title_from_first_line=False), title="Talks")
    assert made[0] == "  title     Talks  (made from the first sentence: review it)"
    given = details(article=plain(title_from_first_line=False), title="Given by --title")
    assert given[0] == "  title     Given by --title"


def test_what_is_missing_is_said_and_misspellings_are_listed() -> None:
    suggestion = Suggestion("Zelenksy", ZELENSKY, "Volodymyr Zelensky")
    lines = details(article=plain(blocks=(), url=""), suggestions=[suggestion])
    assert "  headings  (none)" in lines and "  url       (none found)" in lines
    assert "  mentions  (no known entity)" in lines
    assert lines[-1] == (
        '    "Zelenksy" looks like Volodymyr Zelensky (zelensky; known as "Volodymyr Zelensky")'
    )


def test_more_than_twelve_mentions_are_cut_with_a_count() -> None:
    many = [(ZELENSKY, 1)] * 14
    (line,) = [line for line in details(mentions=many) if line.startswith("  mentions")]
    assert line.count("Volodymyr Zelensky 1") == 12 and line.endswith(" and 2 more")
