"""The support check: golden fixtures for every rule (claim + article text -> the
supporting passage, or what the closest one lacks), and properties over the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import CONTENT
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.assemble import build_site
from generator.content.dates import PartialDate
from generator.content.load import load_content
from generator.errors import Position
from generator.evidence.claims import Claim, Support
from generator.evidence.passages import check_claims
from generator.evidence.sentences import normalise, split_sentences
from generator.evidence.textfeatures import name_index

FIXTURES = Path(__file__).parent.parent / "fixtures" / "evidence"
PEOPLE = [
    ("steve-witkoff", "Steve Witkoff", ["Witkoff", "Steve Witkov", "Witkov"]),
    ("volodymyr-zelensky", "Volodymyr Zelensky", ["Zelensky", "Voldymir Zelensky"]),
    ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", ["Erdogan", "Receptacle Erdogan"]),
    ("dmitry-peskov", "Dmitry Peskov", ["Peskov"]),
    ("vladimir-putin", "Vladimir Putin", ["Putin"]),
    ("sergei-lavrov", "Sergei Lavrov", ["Lavrov"]),
    ("vladimir-medinsky", "Vladimir Medinsky", ["Medinsky"]),
    ("rustem-umerov", "Rustem Umerov", ["Umerov"]),
    ("donald-trump", "Donald Trump", ["Trump"]),
    ("hakan-fidan", "Hakan Fidan", ["Fidan"]),
]
PLACES = [
    ("istanbul", "Istanbul", []),
    ("ankara", "Ankara", []),
    ("moscow", "Moscow", []),
    ("kyiv", "Kyiv", []),
    ("kremlin", "Kremlin", []),
    ("european-union", "European Union", ["EU"]),
    ("ukraine", "Ukraine", []),
    ("russia", "Russia", []),
    ("turkey", "Turkey", []),
    ("budapest", "Budapest", []),
]
NAMES = name_index(PEOPLE + PLACES, [entity_id for entity_id, _, _ in PEOPLE])
HERE = Position(Path("topics.yaml"), 1)


def read_cases(path: Path) -> list[tuple[str, str, str, str]]:
    """Cases separated by blank lines: title, '.', claim, '.', article, '.', expected, '.'."""
    cases = []
    for block in path.read_text(encoding="utf-8").split("\n.\n\n"):
        title, claim, text, expected = block.strip().removesuffix("\n.").split("\n.\n")
        cases.append((title, claim, text, expected))
    return cases


CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in read_cases(path)]


def parse_claim(line: str) -> Claim:
    """'fact: …', 'fact inferred: …', 'event 2025-05-15 [inferred]: …', 'quote <id>: …'."""
    head, text = line.split(": ", 1)
    kind, *rest = head.split()
    inferred = "inferred" in rest
    if kind == "quote":
        return Claim("quote", "t", 0, text, ("a",), HERE, speaker=rest[0])
    date = PartialDate.parse(rest[0]) if kind == "event" else None
    return Claim(kind, "t", 0, text, ("a",), HERE, date=date, inferred=inferred)


def check_case(claim: str, text: str) -> Support:
    """The support of the article `text` (whose first line may be 'published: YYYY-MM-DD',
    the date its weekdays are read against) for the claim."""
    published = {}
    if text.startswith("published: "):
        first, text = text.split("\n", 1)
        published["a"] = dt.date.fromisoformat(first.removeprefix("published: "))
    (evidence,) = check_claims([parse_claim(claim)], {"a": text + "\n"}, {}, NAMES, published)
    (support,) = evidence.supports
    return support


def describe(support: Support) -> str:
    """What the closest passage lacks, then what it says otherwise, as the fixtures say it."""
    return ", ".join([*support.missing, *(f"{d.rule}: {d.message}" for d in support.differences)])


@pytest.mark.parametrize(("title", "claim", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_golden(title: str, claim: str, text: str, expected: str) -> None:
    support = check_case(claim, text)
    if expected.startswith("none: "):
        assert not support.supported
        assert describe(support) == expected.removeprefix("none: ")
    else:
        assert support.supported, describe(support)
        assert support.text == expected


def test_every_rule_has_fixtures() -> None:
    names = {path.stem for path in FIXTURES.glob("*.txt")}
    assert names == {
        "quotes",
        "names",
        "numbers",
        "dates",
        "words",
        "negation",
        "hedges",
        "speakers",
    }
    assert len(CASES) >= 60


def test_an_article_without_text_supports_nothing() -> None:
    claim = parse_claim("fact: Zelensky went to Ankara.")
    (evidence,) = check_claims([claim], {"a": "\n"}, {}, NAMES)
    assert evidence.supports[0].missing == ("any text",)


def test_the_original_of_a_cited_rewrite_is_checked_too() -> None:
    claim = Claim("fact", "t", 0, "Zelensky went to Ankara.", ("copy",), HERE)
    bodies = {"copy": "Zelensky went to Ankara.", "first": "Zelensky stayed in Kyiv."}
    (evidence,) = check_claims([claim], bodies, {"copy": "first"}, NAMES)
    assert [(s.slug, s.cited, s.supported) for s in evidence.supports] == [
        ("copy", True, True),
        ("first", False, False),
    ]
    assert evidence.supported_by == ("copy",)


def test_sentences_keep_quotes_and_skip_abbreviations() -> None:
    body = "\n“We will go,” he said. Mr. Smith agreed.\n\n## Heading\n\n- One item. Two.\n"
    found = [(s.paragraph, s.number, s.text) for s in split_sentences(body)]
    assert found == [
        (2, 1, "“We will go,” he said."),
        (2, 2, "Mr. Smith agreed."),
        (6, 1, "One item."),
        (6, 2, "Two."),
    ]


SEEDS = build_site(load_content(CONTENT))
SEED_SENTENCES = [
    (article.slug, sentence.text)
    for article in SEEDS.articles.values()
    for sentence in split_sentences(article.body)
]
SEED_NAMES = name_index(
    ((e.id, e.name, e.aliases) for e in SEEDS.entities.values()),
    [e.id for e in SEEDS.entities.values() if e.kind == "person"],
)
SEED_DATES = {slug: article.date for slug, article in SEEDS.articles.items()}


def check_seed(text: str, slug: str) -> Support:
    claim = Claim("fact", "t", 0, text, (slug,), HERE)
    body = SEEDS.articles[slug].body
    (evidence,) = check_claims([claim], {slug: body}, {}, SEED_NAMES, SEED_DATES)
    return evidence.supports[0]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEED_SENTENCES))
def test_a_sentence_of_a_seed_supports_itself(case: tuple[str, str]) -> None:
    slug, text = case
    support = check_seed(text, slug)
    assert support.supported, describe(support)
    assert normalise(text) in normalise(support.text)


NEGATED = [(slug, text) for slug, text in SEED_SENTENCES if " not " in text]


@pytest.mark.parametrize(("slug", "text"), NEGATED, ids=[t[:40] for _, t in NEGATED])
def test_a_seed_sentence_without_its_not_is_not_supported(slug: str, text: str) -> None:
    support = check_seed(text.replace(" not ", " ", 1), slug)
    assert not support.supported
    assert "negation" in [d.rule for d in support.differences], describe(support)


@given(st.text())
def test_normalising_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)
