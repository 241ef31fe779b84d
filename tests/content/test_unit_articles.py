"""content.articles: an article's front matter and body become an `Article`, each problem an
error at its line, and each id it names a reference to check later."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.content.articles import MAX_ALIASES, ArticlesRead, read_article, read_articles
from generator.content.fields import Reference
from generator.content.load import RawContent, load_article
from generator.content.model import Article
from generator.content.yamlpos import Located
from generator.errors import ContentError

FRONT = "title: Talks\ndate: 2025-11-20\nsource: wire\ntopics: [ankara-meeting]\n"


def read(
    tmp_path: Path, extra: str = "", body: str = "Zelensky spoke.\n", slug: str = "talks"
) -> tuple[Article, list[str], list[Reference]]:
    path = tmp_path / f"{slug}.md"
    path.write_text(f"---\n{FRONT}{extra}---\n\n{body}", encoding="utf-8")
    errors: list[ContentError] = []
    references: list[Reference] = []
    article = read_article(load_article(path), errors, references)
    return article, [f"{e.position.line}: {e.message}" for e in errors], references


def test_a_plain_article_is_read_whole(tmp_path: Path) -> None:
    article, errors, references = read(tmp_path, "url: https://wire.example/a\n")
    assert errors == []
    assert (article.slug, article.title, article.date) == ("talks", "Talks", dt.date(2025, 11, 20))
    assert (article.source, article.topics, article.url) == (
        "wire",
        ("ankara-meeting",),
        "https://wire.example/a",
    )
    assert (article.body, article.body_line, article.position.line) == ("\nZelensky spoke.\n", 8, 1)
    assert not (article.draft or article.date_inferred or article.updated or article.aliases)
    assert [(r.kind, r.id) for r in references if r.id] == [
        ("source", "wire"),
        ("topic", "ankara-meeting"),
    ]


def test_flags_updates_and_aliases_are_read(tmp_path: Path) -> None:
    extra = "draft: true\nlastmod: 2025-12-01\naliases: [/old/, '/2025/talks.html']\n"
    article, errors, _ = read(tmp_path, extra)
    assert errors == []
    assert article.draft and article.updated == dt.date(2025, 12, 1)
    assert article.aliases == ("/old/", "/2025/talks.html")
    assert [p.line for p in article.alias_positions] == [8, 8]


def test_each_problem_is_an_error_at_its_line(tmp_path: Path) -> None:
    extra = (
        "draft: yes please\n"  # line 6
        "updated: 2025-01-01\n"  # before the date
        "rewrite_of: bad_Name\n"
        "url: javascript:alert(1)\n"
        "aliases:\n  - /ok/\n  - /../etc/\n"  # lines 10-12
    )
    _, errors, _ = read(tmp_path, extra, body="\n", slug="bad_Name")
    assert "1: file name 'bad_Name.md' is not a valid slug" in errors
    assert "6: 'draft' must be true or false, not 'yes please'" in errors
    assert "7: 'updated' is before the article's date" in errors
    assert "8: an article cannot be a rewrite of itself" in errors
    assert "9: 'url' must be a web address starting with https:// or http://" in errors
    assert "12: alias '/../etc/' holds '..'" in errors  # at the second alias, not the list
    assert "14: the article has no text" in errors
    assert len(errors) == 7


def test_updated_and_lastmod_together_are_one_field_too_many(tmp_path: Path) -> None:
    _, errors, _ = read(tmp_path, "updated: 2025-12-01\nlastmod: 2025-12-02\n")
    assert errors == ["7: 'updated' and 'lastmod' are the same field"]


def test_too_many_aliases_are_refused_as_a_whole(tmp_path: Path) -> None:
    listed = ", ".join(f"/old-{n}/" for n in range(MAX_ALIASES + 1))
    article, errors, _ = read(tmp_path, f"aliases: [{listed}]\n")
    assert article.aliases == ()
    assert errors == [f"6: {MAX_ALIASES + 1:,} aliases, over {MAX_ALIASES:,} for one article"]


def test_an_article_read_before_from_the_same_record_is_taken_as_it_was(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(f"---\n{FRONT}---\n\nText.\n", encoding="utf-8")
    bad.write_text(f"---\n{FRONT}---\n\n", encoding="utf-8")  # no text: an error
    records = (load_article(good), load_article(bad))
    raw = _raw(tmp_path, records)
    kept: ArticlesRead = {}
    first_refs: list[Reference] = []
    first = list(read_articles(raw, [], first_refs, {}, kept))
    assert [entry[0] for entry in kept.values()] == [records[0]]  # one with an error is not kept
    errors: list[ContentError] = []
    references: list[Reference] = []
    again = list(read_articles(raw, errors, references, kept, {}))
    assert again[0] is first[0] and again[1] is not first[1]
    assert references == first_refs and [e.message for e in errors] == ["the article has no text"]
    reloaded = _raw(tmp_path, (load_article(good),))  # the file read again: a new record
    assert next(iter(read_articles(reloaded, [], [], kept))) is not first[0]


def _raw(tmp_path: Path, articles: tuple) -> RawContent:
    nothing = Located(None, tmp_path)
    return RawContent(nothing, nothing, nothing, nothing, articles)
