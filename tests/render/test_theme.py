"""A site's theme folder over the packaged default: single templates and static files
override, everything else falls back."""

from __future__ import annotations

from pathlib import Path

from conftest import THEME, parse

from generator.pipeline.builder import build
from generator.render.theme import Theme
from generator.resources import packaged_theme_dir
from generator.settings import BuildOptions


def test_the_packaged_theme_is_the_repository_theme() -> None:
    assert packaged_theme_dir().resolve() == THEME.resolve()
    assert Theme.for_site(THEME).folders == (THEME,)  # no second copy to fall back to


def test_a_site_overrides_one_template_and_one_static_file(
    mini_content: Path, tmp_path: Path
) -> None:
    own = tmp_path / "themes" / "mine"
    (own / "templates").mkdir(parents=True)
    (own / "static").mkdir()
    (own / "templates" / "topics.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1 class="own">Our topics</h1>{% endblock %}',
        encoding="utf-8",
    )
    (own / "static" / "style.css").write_text(":root { --header-bg: #7a1f1f; }", "utf-8")
    (own / "static" / "extra.js").write_text("// ours", encoding="utf-8")
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=own, output_dir=output, search=False))

    assert parse(output / "topics" / "index.html").select_one("h1.own").get_text() == "Our topics"
    home = parse(output / "index.html")  # home.html and base.html from the package
    assert home.select_one(".topic-grid") is not None
    assert (output / "static" / "style.css").read_text() == ":root { --header-bg: #7a1f1f; }"
    assert (output / "static" / "extra.js").is_file()
    assert (output / "static" / "search.js").read_bytes() == (
        THEME / "static" / "search.js"
    ).read_bytes()


def test_a_site_with_no_theme_folder_uses_the_packaged_one(
    mini_content: Path, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    build(
        BuildOptions(
            content_dir=mini_content,
            theme_dir=tmp_path / "themes" / "default",
            output_dir=output,
            search=False,
        )
    )
    assert parse(output / "index.html").select_one("link[rel=stylesheet]") is not None
    assert (output / "static" / "style.css").is_file()


def test_no_two_theme_files_are_the_same() -> None:
    """Copies drift apart, and wheel checks flag identical files."""
    from collections import Counter

    from conftest import THEME

    contents = Counter(p.read_bytes() for p in THEME.rglob("*") if p.is_file())
    assert [text[:40] for text, count in contents.items() if count > 1] == []
