"""Loading: front matter, YAML positions, slugs; property-based where it pays."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.load import article_paths, skipped_files, split_front_matter
from generator.content.slug import slugify
from generator.content.yamlpos import parse_yaml
from generator.errors import ContentErrors

PATH = Path("content/articles/x.md")


def test_positions_point_at_values() -> None:
    doc = parse_yaml("title: A\ntopics:\n  - one\n  - two\n", PATH, first_line=2)
    assert (doc.at("title").line, doc.at("title").column) == (2, 8)
    assert (doc.at("topics", 1).line, doc.at("topics", 1).column) == (5, 5)
    assert doc.at("missing").line == 2  # falls back to the document


def test_dates_stay_text_for_our_own_validation() -> None:
    assert parse_yaml("date: 2025-13-45\n", PATH).data == {"date": "2025-13-45"}


def test_front_matter_with_crlf_is_split() -> None:
    text = "---\r\ntitle: T\r\n---\r\nBody\r\n".replace("\r\n", "\n")
    meta, body, body_line = split_front_matter(text, PATH)
    assert meta.data == {"title": "T"}
    assert (body, body_line) == ("Body\n", 4)


@settings(max_examples=300)
@given(st.text())
def test_any_front_matter_gives_data_or_our_error(text: str) -> None:
    try:
        split_front_matter(f"---\n{text}\n---\nbody\n", PATH)
    except ContentErrors as exc:
        assert all(error.position.path == PATH for error in exc.errors)
        assert all(error.position.line >= 1 for error in exc.errors)


@given(st.text())
def test_slugs_are_url_safe_and_stable(title: str) -> None:
    slug = slugify(title)
    assert slug == slugify(title)
    assert slug and not slug.startswith("-") and not slug.endswith("-")
    assert not re.search(r"[\s/?#%<>\"'\\]", slug)
    assert slugify(slug) == slug


def test_slugs_keep_non_latin_letters_readable() -> None:
    assert slugify("Переговоры в Стамбуле") == "переговоры-в-стамбуле"
    assert slugify("Türkiye'de görüşme") == "türkiye-de-görüşme"
    assert slugify("Zelensky & Erdogan: talks!") == "zelensky-erdogan-talks"


def test_an_articles_folder_that_links_out_is_read_as_nothing_and_said(tmp_path: Path) -> None:
    """Articles are not resolved one by one when their folder stays inside content/; a
    folder that leads out makes every article in it a link out."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leak.md").write_text("---\ntitle: Leak\n---\n\nSecret.\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "articles").symlink_to(outside)
    assert article_paths(content) == []
    (warning,) = skipped_files(content)
    assert f"symbolic link to {outside / 'leak.md'}" in str(warning)
    (content / "articles").unlink()
    (content / "articles").mkdir()
    (content / "articles" / "plain.md").write_text("x", encoding="utf-8")
    (content / "articles" / "out.md").symlink_to(outside / "leak.md")
    assert article_paths(content) == [content / "articles" / "plain.md"]
    assert [w.position.path for w in skipped_files(content)] == [content / "articles" / "out.md"]
