"""`checked: {warning: …, reason: …}`: an editor acknowledges one named warning of the
support check; the rest still count, the reason is shown on the page, and a mistaken or
stale `checked` is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import THEME, parse, site_args
from test_check import check, replace_in

from generator.cli import main
from generator.content.curation import Checked
from generator.errors import Position
from generator.evidence.claims import Claim
from generator.evidence.passages import check_claims
from generator.evidence.textfeatures import name_index
from generator.pipeline.builder import build
from generator.settings import BuildOptions

NAMES = name_index([("zelensky", "Volodymyr Zelensky", ["Zelensky"])], ["zelensky"])
HERE = Position(Path("topics.yaml"), 1)
TEXT = "Zelensky is expected to visit Ankara, where he will not meet anyone from Moscow.\n"


def support(text: str, checked: Checked | None) -> object:
    claim = Claim("fact", "t", 0, text, ("a",), HERE, checked=checked)
    (evidence,) = check_claims([claim], {"a": TEXT}, {}, NAMES)
    return evidence.supports[0]


def test_the_named_warning_is_acknowledged() -> None:
    found = support("Zelensky visited Ankara.", None)
    assert not found.supported
    assert [d.rule for d in found.differences] == ["hedge"]
    found = support("Zelensky visited Ankara.", Checked("hedge", "He went: see the video."))
    assert found.supported
    assert [d.rule for d in found.acknowledged] == ["hedge"]


def test_the_other_warnings_still_count() -> None:
    claim = "Zelensky is expected to visit Ankara, where he will meet someone from Moscow."
    found = support(claim, Checked("hedge", "Not this one."))
    assert not found.supported
    assert [d.rule for d in found.differences] == ["negation"]


FACT = "    - text: Zelensky travelled to Ankara.\n      cite: [first]\n"
HEDGED = "Voldymir Zelensky travelled to Ankara."
SUMMARY = "  summary: Zelensky travelled to Ankara.\n"


def with_checked(content: Path, checked: str) -> None:
    replace_in(content / "topics.yaml", FACT, FACT + checked)


def hedge_the_article(content: Path) -> None:
    """The article now only plans the trip; the topic's summary says so too (it is checked)."""
    replace_in(content / "articles/first.md", HEDGED, "Zelensky plans to travel to Ankara.")
    replace_in(content / "topics.yaml", SUMMARY, "  summary: Zelensky plans to travel to Ankara.\n")


def test_acknowledged_warning_leaves_strict_check_clean(mini_content: Path, capsys) -> None:
    hedge_the_article(mini_content)
    code, lines = check(mini_content, capsys, "--strict")
    assert code == 1
    assert any("[hedge]" in line and "topics.yaml:5:13" in line for line in lines), lines
    with_checked(
        mini_content, "      checked: {warning: hedge, reason: The trip was filmed the next day.}\n"
    )
    code, lines = check(mini_content, capsys, "--strict")
    assert code == 0, lines


@pytest.mark.parametrize(
    ("checked", "expected"),
    [
        (
            "      checked: {warning: hegde, reason: Seen.}\n",
            "topics.yaml:7:26: error: 'checked' names no warning of the support check: 'hegde' "
            "(did you mean 'hedge'?)",
        ),
        (
            "      checked: {warning: hedge}\n",
            "topics.yaml:7:16: error: 'checked' is missing required field 'reason'",
        ),
        (
            "      checked: {warning: hedge, reson: Seen.}\n",
            "topics.yaml:7:40: error: unknown field 'reson' in 'checked' (did you mean 'reason'?)",
        ),
    ],
)
def test_a_mistaken_checked_is_an_error(
    mini_content: Path, capsys, checked: str, expected: str
) -> None:
    with_checked(mini_content, checked)
    code, lines = check(mini_content, capsys)
    assert code == 1
    assert f"{mini_content}/{expected}" in lines, lines


def test_a_checked_with_nothing_to_acknowledge_is_a_warning(mini_content: Path, capsys) -> None:
    with_checked(mini_content, "      checked: {warning: hedge, reason: Seen.}\n")
    code, lines = check(mini_content, capsys)
    assert code == 0
    assert any(
        "topics.yaml:5:13: warning: fact 1 of topic ankara-meeting" in line
        and "acknowledges a 'hedge' warning, but the check raises none" in line
        for line in lines
    ), lines


def test_the_reason_is_shown_with_the_claim(mini_content: Path, tmp_path: Path) -> None:
    hedge_the_article(mini_content)
    with_checked(
        mini_content, "      checked: {warning: hedge, reason: The trip was filmed the next day.}\n"
    )
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output, search=False))
    page = parse(output / "topics" / "ankara-meeting" / "index.html")
    fact = page.select_one("#fact-1")
    note = fact.select_one(".checked-note").get_text(" ", strip=True)
    assert note == (
        "Checked by the editor despite a “hedge” warning: The trip was filmed the next day."
    )
    warned = fact.select_one(".evidence .supports .no-support-note").get_text(" ", strip=True)
    assert warned.startswith("The check warned: the source hedges: 'plans to travel")
    assert main(site_args("check", mini_content, None, "--strict")) == 0


def test_an_error_does_not_hide_the_warnings(mini_content: Path, capsys) -> None:
    """A misquote (an error) and a claim that flips its source (a warning), reported together,
    each naming the claim, the article, what differs and the closest passage."""
    replace_in(mini_content / "articles/first.md", HEDGED, "Zelensky did not travel to Ankara.")
    replace_in(
        mini_content / "topics.yaml",
        "  related: []",
        "  quotes:\n    - speaker: volodymyr-zelensky\n      text: We went.\n      cite: [first]\n"
        "  related: []",
    )
    code, lines = check(mini_content, capsys)
    assert code == 1
    assert lines[-1] == "1 error; nothing was written"
    error, warning = (
        next(line for line in lines if kind in line) for kind in (": error:", ": warning:")
    )
    assert error == (
        f'{mini_content}/topics.yaml:9:13: error: quote 1 of topic ankara-meeting ("We went.") '
        "not found word for word in any cited article "
        "(closest: 'Zelensky did not travel to Ankara.')"
    )
    assert warning == (
        f'{mini_content}/topics.yaml:5:13: warning: fact 1 of topic ankara-meeting ("Zelensky '
        "travelled to Ankara.\") not supported by 'first': the source negates it ('not travel "
        "to Ankara'); the claim does not [negation] (closest: 'Zelensky did not travel to "
        "Ankara.')"
    )


def test_an_unsupported_claim_is_published_marked_so(
    mini_content: Path, tmp_path: Path, capsys
) -> None:
    replace_in(mini_content / "articles/first.md", HEDGED, "Zelensky did not travel to Ankara.")
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output, search=False))
    fact = parse(output / "topics" / "ankara-meeting" / "index.html").select_one("#fact-1")
    assert fact.select_one(".provenance").get("class") == ["provenance", "provenance-unsupported"]
    assert not fact.select(".evidence .supports")
    assert fact.select_one(".evidence .no-support-note").get_text(" ", strip=True) == (
        "does not say this (the source negates it ('not travel to Ankara'); the claim does "
        "not); closest:"
    )
    code, lines = check(mini_content, capsys)
    assert code == 0
    assert (
        "evidence: 1 claim no cited article supports: published marked 'Unsupported'; "
        "--strict fails" in lines
    )
    assert check(mini_content, capsys, "--strict")[0] == 1
