"""pages.kept: a rebuild gives back the last build's page object where what it is made
from is the same, and the pages it hands on are those a fresh build makes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tiny_site import Tiny, content, prepare

from generator.pages.kept import KeptPages, PageMaker
from generator.pages.kinds import PAGE_KINDS, build_pages
from generator.pages.page import Page


def made_again(site: Tiny, kept: KeptPages | None) -> tuple[list[Page], PageMaker]:
    made = PageMaker((site.site.config, site.routes), kept)
    return build_pages(site.site, site.graph, site.texts, site.routes, PAGE_KINDS, made), made


def headers(pages: list[Page] | tuple[Page, ...]) -> list[tuple[str, tuple]]:
    return [(page.path, page.header) for page in pages]


def edited(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def made_after_edit(
    tmp_path: Path, old: str, new: str
) -> tuple[list[Page], Tiny, list[Page], PageMaker]:
    """The pages of a first build, then the site and pages of a rebuild after replacing
    `old` with `new` in articles/first.md, made with what the first build kept."""
    folder = content(tmp_path)
    before, made = made_again(prepare(folder), None)
    edited(folder, "articles/first.md", old, new)
    site = prepare(folder)
    after, again = made_again(site, made.kept())
    return before, site, after, again


def test_an_equal_key_gives_back_the_same_page_and_a_new_one_makes_it_again() -> None:
    first = PageMaker("shared")
    page = first.page(("a", 1), Page, "/a/", "a.html", "A")
    assert first.page(("b", 1), Page, "/b/", "b.html", "B").title == "B"
    second = PageMaker("shared", first.kept())
    assert second.page(("a", 1), Page, "/a/", "a.html", "A") is page
    assert second.page(("b", 2), Page, "/b/", "b.html", "B2").title == "B2"
    assert second.reused == 1
    assert dict(second.kept().by_key).keys() == {("a", 1), ("b", 2)}  # ("b", 1) forgotten
    other = PageMaker("other settings", second.kept())
    assert other.page(("a", 1), Page, "/a/", "a.html", "A") is not page
    assert other.reused == 0


def test_a_body_edit_makes_no_page_object_again(tmp_path: Path) -> None:
    before, site, after, again = made_after_edit(
        tmp_path, "travelled to Ankara.", "travelled to Ankara again."
    )
    kept = again.kept().by_key
    # a page of each article, entity, source and topic (the lists are made anew: a few)
    assert again.reused == len(kept) >= len(site.site.articles) + len(site.site.entities) + 2
    first = [(a, b) for a, b in zip(before, after, strict=True) if a.path == "/articles/first/"]
    assert first and first[0][0] is first[0][1]


def test_a_title_edit_makes_the_article_page_again_with_its_new_title(tmp_path: Path) -> None:
    _, site, after, again = made_after_edit(
        tmp_path, "title: First report", "title: Renamed report"
    )
    (page,) = [p for p in after if p.path == "/articles/first/"]
    assert page.title == "Renamed report"
    assert page.crumbs[-1].title == "Renamed report"
    assert again.reused == len(again.kept().by_key) - 1  # only the article's page is new
    assert headers(after) == headers(site.pages)


# What a page object holds in its header, edited in the files a build reads it from.
EDITS = {
    "article title": ("articles/first.md", "title: First report", "title: {}"),
    "article summary": ("articles/first.md", "summary: Zelensky goes", "summary: {}"),
    "topic title": ("topics.yaml", "title: Ankara meeting", "title: {}"),
    "topic summary": ("topics.yaml", "summary: Zelensky travelled", "summary: {}"),
    "entity name": ("entities.yaml", "name: Volodymyr Zelensky", "name: {}"),  # has a feed
    "entity kind": ("entities.yaml", "kind: person", "kind: {}"),
    "entity description": ("entities.yaml", "description: Capital", "description: {}"),
    "source name": ("sources.yaml", "name: Wire Service", "name: {}"),
    "site title": ("site.yaml", "title: ", "title: {} "),
    "article alias": ("articles/first.md", "aliases: [/old/first/]", "aliases: [{}]"),
}
words = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12).map(lambda s: s.strip() or "x")
KINDS = ("person", "organisation", "place")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(EDITS)), words), min_size=1, max_size=4))
def test_kept_pages_are_the_pages_a_fresh_build_makes(edits: list[tuple[str, str]]) -> None:
    now = {name: old for name, (_, old, _) in EDITS.items()}  # each field's text as it is
    with tempfile.TemporaryDirectory() as temp:
        folder = content(Path(temp))
        # an old address of the first article: a redirect page titled as the article
        aliased = "source: wire\naliases: [/old/first/]\n"
        edited(folder, "articles/first.md", "source: wire\n", aliased)
        _, made = made_again(prepare(folder), None)
        for step, (name, word) in enumerate(edits):
            file, _, new = EDITS[name]
            value = KINDS[len(word) % len(KINDS)] if name == "entity kind" else f"{word} {step}"
            if name == "article alias":
                value = f"/old/{len(word)}-{step}/"
            edited(folder, file, now[name], new.format(value))
            now[name] = new.format(value)
            site = prepare(folder)
            pages, again = made_again(site, made.kept())
            assert headers(pages) == headers(site.pages), name
            made = again
