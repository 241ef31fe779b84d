"""Rebuilds: only pages whose inputs changed are rendered, and the result always
equals a full build of the same content."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, THEME, tree

from generator.pipeline.builder import Builder, build
from generator.settings import BuildOptions

ARTICLE = "ukraine-proposes-leaders-meeting-at-istanbul-talks"
ORIGINAL = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path, Builder]:
    content, theme = tmp_path / "content", tmp_path / "theme"
    shutil.copytree(CONTENT, content)
    shutil.copytree(THEME, theme)
    builder = Builder(
        BuildOptions(
            content_dir=content, theme_dir=theme, output_dir=tmp_path / "site", search=False
        )
    )
    builder.build()
    return content, theme, builder


def assert_same_as_full_build(builder: Builder, tmp_path: Path) -> None:
    options = builder.options
    fresh = tmp_path / "fresh"
    build(
        BuildOptions(
            content_dir=options.content_dir,
            theme_dir=options.theme_dir,
            output_dir=fresh,
            search=False,
        )
    )
    assert tree(options.output_dir, "pagefind") == tree(fresh, "pagefind")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_no_change_renders_and_writes_nothing(workspace) -> None:
    _, _, builder = workspace
    before = {p: p.stat().st_mtime_ns for p in builder.options.output_dir.rglob("*")}
    report = builder.build()
    assert (report.rendered, report.written, report.deleted) == ((), (), ())
    assert {p: p.stat().st_mtime_ns for p in builder.options.output_dir.rglob("*")} == before


def test_a_text_edit_renders_only_the_pages_that_show_the_text(workspace, tmp_path) -> None:
    content, _, builder = workspace
    edit(content / "articles" / f"{ARTICLE}.md", "Varachyne in the Sumy region", "Varachyne, Sumy")
    report = builder.build()
    # The same entities, as often: lists, counts and the topic page read nothing that changed.
    assert report.rendered == (f"/articles/{ARTICLE}/",)
    assert report.written == (f"/articles/{ARTICLE}/",)
    assert_same_as_full_build(builder, tmp_path)


def test_a_new_mention_renders_the_pages_that_count_mentions(workspace, tmp_path) -> None:
    content, _, builder = workspace
    edit(content / "articles" / f"{ARTICLE}.md", "Varachyne in the Sumy region", "Kirill Dmitriev")
    report = builder.build()
    rendered = set(report.rendered)
    assert {
        f"/articles/{ARTICLE}/",
        "/topics/istanbul-talks/",  # who is involved, by mentions in its articles
        "/entities/kirill-dmitriev/",  # now mentioned here
        "/entities/",  # article counts
    } <= rendered
    # Only the text changed: pages that show the front matter alone are left alone.
    assert not {"/", "/articles/", "/sources/unattributed/", "/feed.xml"} & rendered
    assert f"/articles/{ORIGINAL}/" not in rendered
    assert "/topics/ankara-meeting/" not in rendered
    assert len(rendered) < report.pages / 4
    assert set(report.written) <= rendered
    assert_same_as_full_build(builder, tmp_path)


def test_a_title_edit_renders_the_lists_that_show_it(workspace, tmp_path) -> None:
    content, _, builder = workspace
    edit(content / "articles" / f"{ARTICLE}.md", "title: Ukraine proposes", "title: Kyiv proposes")
    rendered = set(builder.build().rendered)
    assert {"/", "/articles/", "/sources/unattributed/", "/feed.xml", f"/articles/{ARTICLE}/"} <= (
        rendered
    )
    assert "/entities/kirill-dmitriev/" not in rendered
    assert_same_as_full_build(builder, tmp_path)


def rename_article(content: Path) -> None:
    articles = content / "articles"
    os.replace(articles / f"{ARTICLE}.md", articles / "istanbul-third-round.md")
    topics = content / "topics.yaml"
    topics.write_text(topics.read_text().replace(ARTICLE, "istanbul-third-round"), "utf-8")


def delete_article(content: Path) -> None:
    """Delete an article and, as an editor must, the claims that only it supported."""
    (content / "articles" / f"{ARTICLE}.md").unlink()
    topics_file = content / "topics.yaml"
    topics = yaml.safe_load(topics_file.read_text(encoding="utf-8"))
    for topic in topics:
        for kind in ("key_facts", "events", "quotes"):
            kept = [item for item in topic.get(kind, []) if item["cite"] != [ARTICLE]]
            for item in kept:
                item["cite"] = [slug for slug in item["cite"] if slug != ARTICLE]
            topic[kind] = kept
    topics_file.write_text(yaml.safe_dump(topics, allow_unicode=True), "utf-8")


def save_atomically(content: Path) -> None:
    """The editor pattern of vim and JetBrains: write a temporary file, rename it over."""
    target = content / "articles" / f"{ORIGINAL}.md"
    temp = target.with_name(".tmp-save")
    temp.write_text(target.read_text().replace("fourth capital", "4th capital"), encoding="utf-8")
    os.replace(temp, target)


EDITS: dict[str, Callable[[Path, Path], None]] = {
    "rename": lambda content, theme: rename_article(content),
    "atomic save": lambda content, theme: save_atomically(content),
    "new article": lambda content, theme: (content / "articles" / "new.md").write_text(
        "---\ntitle: New\ndate: 2026-01-01\nsource: bbc-news\ntopics: [ankara-meeting]\n---\n\n"
        "Kaja Kallas spoke.\n",
        encoding="utf-8",
    ),
    "delete article": lambda content, theme: delete_article(content),
    "move to another topic": lambda content, theme: edit(
        content / "articles" / f"{ARTICLE}.md",
        "topics: [istanbul-talks]",
        "topics: [ankara-meeting]",
    ),
    "new alias": lambda content, theme: edit(
        content / "entities.yaml",
        "aliases: [Umerov]",
        "aliases: [Umerov, Ukraine’s lead negotiator]",
    ),
    # the same mentions, but the garbled name is no longer the machine rewrite's alone
    "a rewrite's garbled name elsewhere": lambda content, theme: edit(
        content / "articles" / f"{ARTICLE}.md", "and Recep Tayyip", "and Receptacle"
    ),
    "topic title": lambda content, theme: edit(
        content / "topics.yaml", "title: Istanbul talks", "title: The Istanbul talks"
    ),
    "source name": lambda content, theme: edit(
        content / "sources.yaml", "name: BBC News", "name: BBC"
    ),
    "date moves an article": lambda content, theme: edit(
        content / "articles" / f"{ORIGINAL}.md", "date: 2025-11-18", "date: 2024-01-01"
    ),
    "article template": lambda content, theme: edit(
        theme / "templates" / "article.html",
        '<p class="kicker" data-pagefind-ignore>{{ t("kind.article") }}</p>',
        "<p>Report</p>",
    ),
    "base template": lambda content, theme: edit(
        theme / "templates" / "base.html", 'id="main" class="wrap', 'id="main" class="x wrap'
    ),
    "site chrome": lambda content, theme: edit(  # drawn once a build (once())
        theme / "templates" / "chrome.html", 't("nav.about_sources")', 't("nav.sources")'
    ),
    "stylesheet": lambda content, theme: edit(
        theme / "static" / "style.css", "--measure: 70ch;", "--measure: 65ch;"
    ),
    "site title": lambda content, theme: edit(
        content / "site.yaml", "title: Ukraine–Russia", "title: The Ukraine–Russia"
    ),
}


@pytest.mark.parametrize("name", EDITS)
def test_rebuild_after_an_edit_equals_a_full_build(workspace, tmp_path, name: str) -> None:
    content, theme, builder = workspace
    EDITS[name](content, theme)
    builder.build()
    assert_same_as_full_build(builder, tmp_path)


def test_article_template_change_renders_only_article_pages(workspace) -> None:
    content, theme, builder = workspace
    EDITS["article template"](content, theme)
    rendered = builder.build().rendered
    assert rendered and all(
        path.startswith("/articles/") and path != "/articles/" for path in rendered
    )


def test_failed_rebuild_keeps_the_last_good_state(workspace, tmp_path) -> None:
    from generator.errors import ContentErrors

    content, _, builder = workspace
    article = content / "articles" / f"{ARTICLE}.md"
    edit(article, "topics: [istanbul-talks]", "topics: [istanbul-talk]")
    with pytest.raises(ContentErrors):
        builder.build()
    edit(article, "topics: [istanbul-talk]", "topics: [istanbul-talks]")
    edit(article, "Varachyne in the Sumy region", "Varachyne, Sumy")
    report = builder.build()
    assert f"/articles/{ARTICLE}/" in report.written
    assert_same_as_full_build(builder, tmp_path)


def test_a_rebuild_after_a_failed_one_links_the_entities_of_the_failed_edit(
    workspace, tmp_path
) -> None:
    """A build that fails after its texts were rendered (a broken link) keeps nothing of
    what it learnt: the next one must not take the parser made for the new entity table
    with the bodies linked under the old one."""
    from generator.errors import ContentErrors

    content, _, builder = workspace
    entities = content / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8")
        + "\n- id: ukrainian-delegation\n  name: Ukrainian delegation\n  kind: organisation\n"
        "  country: Ukraine\n  description: Ukraine's negotiators.\n",
        encoding="utf-8",
    )
    article = content / "articles" / f"{ARTICLE}.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nSee [the talks](/topics/no-such-topic/).\n", encoding="utf-8")
    with pytest.raises(ContentErrors, match="link to a page that does not exist"):
        builder.build()
    article.write_text(text, encoding="utf-8")
    builder.build()
    page = (builder.options.output_dir / "articles" / ARTICLE / "index.html").read_text()
    assert 'href="/entities/ukrainian-delegation/"' in page
    assert_same_as_full_build(builder, tmp_path)
