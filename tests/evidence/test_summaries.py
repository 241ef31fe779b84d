"""Topic summaries are checked sentence by sentence against the topic's articles, by the
check the key facts use, each unsupported sentence a warning at its own line."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, THEME, parse

from generator.cli import main
from generator.copies.lineage import declared
from generator.evidence import summaries
from generator.evidence.passages import check_claims
from generator.evidence.summaries import (
    _claim,
    _may_support,
    check_summaries,
    checked_summaries,
    summary_sentences,
)
from generator.evidence.textfeatures import name_index
from generator.pipeline.builder import build, render_site
from generator.settings import BuildOptions

SUMMARY = """  summary: >-
    Zelensky travelled to Ankara.
    He signed a gas deal in Athens with
    Greek officials. Zelensky travelled to Ankara again.
"""


def test_each_unsupported_sentence_is_a_warning_at_its_line(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    topics = content / "topics.yaml"
    text = topics.read_text().replace("  summary: Zelensky travelled to Ankara.\n", SUMMARY)
    topics.write_text(text)
    code = main(["check", "--content", str(content), "--theme", str(THEME), "--strict"])
    errors = capsys.readouterr().err.splitlines()
    assert code == 1
    assert errors[0].startswith(
        f"{topics}:5: error: summary sentence 2 is not supported by the topic's articles "
        "(no article of the topic has enough of its words): "
        "'He signed a gas deal in Athens with Greek officials.'"
    )
    assert errors[1:] == ["1 error; nothing was written"]  # sentences 1 and 3 are supported


def test_a_summary_that_says_more_than_its_closest_passage_is_named_with_it(
    tmp_path: Path, capsys
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text().replace(
            "summary: Zelensky travelled to Ankara.",
            "summary: Zelensky travelled to Ankara on 3 May.",
        )
    )
    main(["check", "--content", str(content), "--theme", str(THEME)])
    warning = next(line for line in capsys.readouterr().err.splitlines() if "summary" in line)
    assert f"{topics}:3: warning: summary sentence 1" in warning
    assert "closest, in 'first', lacks " in warning and "3 May" in warning
    assert warning.endswith("(closest: 'Voldymir Zelensky travelled to Ankara.')")


@pytest.fixture(scope="module")
def real():
    return render_site(BuildOptions(content_dir=CONTENT, theme_dir=THEME, search=False)).site


def test_the_cheap_filter_never_drops_an_article_that_supports(real) -> None:
    """Checked against every article of its topic, each summary sentence of the real
    content gets the same answer as against the filtered ones."""
    names = name_index([(e.id, e.name, e.aliases) for e in real.entities.values()])
    bodies = {slug: a.body for slug, a in real.articles.items()}
    lowered = {slug: body.lower() for slug, body in bodies.items()}
    originals = dict(declared(real).parents)
    sentences = [s for topic in real.topics.values() for s in summary_sentences(topic)]
    everything = [
        _claim(s, tuple(a for a in real.articles if s.topic.id in real.articles[a].topics))
        for s in sentences
    ]
    of_topic = {
        topic: {slug: text for slug, text in lowered.items() if topic in real.articles[slug].topics}
        for topic in real.topics
    }
    filtered = [_claim(s, _may_support(s, of_topic[s.topic.id], names)) for s in sentences]
    full = check_claims(everything, bodies, originals, names)
    cheap = check_claims(filtered, bodies, originals, names)
    assert [set(e.supported_by) for e in full] == [set(e.supported_by) for e in cheap]
    assert all(e.supported_by for e in full) and len(full) >= 15


def test_a_memo_checks_again_only_the_topics_of_an_edited_article(real, monkeypatch) -> None:
    """The memo's answer is the fresh one, before and after an edit that takes away the
    words of a supported sentence; only the edited article's topics are checked again."""
    first, memo = checked_summaries(real, {})
    assert first == check_summaries(real)
    checked: list[str] = []
    check_topic = summaries._checked_topic

    def counted(topic, *rest):
        checked.append(topic.id)
        return check_topic(topic, *rest)

    monkeypatch.setattr(summaries, "_checked_topic", counted)
    again, memo = checked_summaries(real, memo)
    assert again == first and checked == []
    rewritten = set(declared(real).parents.values())  # their texts count in other topics
    slug, article = next(
        (s, a) for s, a in real.articles.items() if a.topics and s not in rewritten
    )
    edited = dataclasses.replace(article, body="Nothing here supports anything.")
    site = dataclasses.replace(real, articles={**real.articles, slug: edited})
    after, _ = checked_summaries(site, memo)
    assert sorted(checked) == sorted(t for t in dict.fromkeys(article.topics) if t in real.topics)
    assert after == check_summaries(site) and after != first


def test_the_topic_page_names_an_unsupported_summary_sentence(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    topics = content / "topics.yaml"
    topics.write_text(
        topics.read_text().replace("  summary: Zelensky travelled to Ankara.\n", SUMMARY)
    )
    output = tmp_path / "site"
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output, search=False))
    note = parse(output / "topics" / "ankara-meeting" / "index.html").select_one(
        ".summary-unsupported"
    )
    assert note.get_text(" ", strip=True) == (
        "Unsupported No article of this topic says: "
        "“He signed a gas deal in Athens with Greek officials.”"
    )
    assert parse(output / "topics" / "ankara-meeting" / "index.html").select(".summary p")
