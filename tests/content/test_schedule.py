"""Scheduled posts: an article dated after the build's day is held back from everything
built until that day, `--future` includes it, the preview shows it with a banner."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from conftest import parse, search_fragments, site_args, tree
from previewing import previewing

from generator.cli import main
from generator.pipeline.builder import Builder, build
from generator.settings import BuildOptions

BASE_URL = "https://example.org/mini/"
LATER = (
    "---\ntitle: Talks planned for the spring\ndate: 2031-05-01\nsource: wire\n"
    "topics: [ankara-meeting]\n---\n\nZelensky and the word quixotically appear in Ankara.\n"
)
BEFORE, ON_THE_DAY = dt.date(2031, 4, 30), dt.date(2031, 5, 1)


def add_later(content: Path, source: str = "wire", topic: str = "ankara-meeting") -> None:
    text = LATER.replace("source: wire", f"source: {source}").replace("ankara-meeting", topic)
    (content / "articles" / "later.md").write_text(text, encoding="utf-8")


def every_text(site: Path) -> str:
    return "".join(
        p.read_text("utf-8") for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json")
    )


def test_a_future_article_is_held_back_until_its_day(mini_content: Path, tmp_path: Path) -> None:
    add_later(mini_content)
    output = tmp_path / "site"
    options = BuildOptions(
        content_dir=mini_content, output_dir=output, base_url=BASE_URL, today=BEFORE
    )
    report = build(options)
    assert (report.held.count, report.held.next_date) == (1, ON_THE_DAY)
    assert not (output / "articles" / "later").exists()
    assert "later" not in every_text(output) and "spring" not in every_text(output)
    assert "Zelensky" in search_fragments(output)  # the index is there and readable
    assert "quixotically" not in search_fragments(output)

    report = build(
        BuildOptions(
            content_dir=mini_content, output_dir=output, base_url=BASE_URL, today=ON_THE_DAY
        )
    )
    assert report.held.count == 0
    for page in (
        "articles/later/index.html",
        "feed.xml",
        "sitemap.xml",
        "topics/ankara-meeting/index.html",
    ):
        assert "later" in (output / page).read_text("utf-8"), page
    assert "quixotically" in search_fragments(output)
    assert (
        parse(output / "articles" / "later" / "index.html").select_one(".scheduled-banner") is None
    )


def test_same_input_and_day_give_the_same_bytes(mini_content: Path, tmp_path: Path) -> None:
    add_later(mini_content)
    sites = []
    for name, day in (("a", BEFORE), ("b", BEFORE), ("c", ON_THE_DAY)):
        sites.append(tmp_path / name)
        build(BuildOptions(content_dir=mini_content, output_dir=sites[-1], search=False, today=day))
    assert tree(sites[0]) == tree(sites[1])
    assert tree(sites[0]) != tree(sites[2])


def test_a_warm_builder_publishes_when_the_day_comes_and_back(
    mini_content: Path, tmp_path: Path
) -> None:
    """No file changes, only the day: the preview's Builder (and the cache) must notice."""
    add_later(mini_content)
    output = tmp_path / "site"
    builder = Builder(
        BuildOptions(content_dir=mini_content, output_dir=output, search=False, today=BEFORE)
    )
    builder.build()
    assert builder.build().rendered == ()  # nothing changed: nothing rendered
    builder.options = BuildOptions(
        content_dir=mini_content, output_dir=output, search=False, today=ON_THE_DAY
    )
    report = builder.build()
    assert "/articles/later/" in report.written and "/articles/" in report.written
    full = tmp_path / "full"
    build(BuildOptions(content_dir=mini_content, output_dir=full, search=False, today=ON_THE_DAY))
    assert tree(output) == tree(full)


def test_the_command_line_says_what_it_held_back(
    mini_content: Path, tmp_path: Path, capsys
) -> None:
    add_later(mini_content)
    output = tmp_path / "site"
    args = site_args("build", mini_content, output, "--no-search", "--today", "2031-04-30")
    for _ in range(2):  # the second from the cache's manifest, without building
        assert main(args) == 0
        out = capsys.readouterr().out
        assert "held back 1 scheduled article, due 2031-05-01 (--future includes it)" in out
    assert main([*args[:-2], "--today", "2031-05-01"]) == 0  # the day came: built again
    assert "held back" not in capsys.readouterr().out
    assert (output / "articles" / "later" / "index.html").is_file()

    future = tmp_path / "future"
    assert (
        main(
            site_args(
                "build", mini_content, future, "--no-search", "--future", "--today", "2031-04-30"
            )
        )
        == 0
    )
    banner = parse(future / "articles" / "later" / "index.html").select_one(".scheduled-banner")
    assert "1 May 2031" in banner.get_text()


def test_check_checks_scheduled_articles_too(mini_content: Path, capsys) -> None:
    (mini_content / "articles" / "later.md").write_text(
        LATER.replace("wire", "wyre"), encoding="utf-8"
    )
    assert main(site_args("check", mini_content)) == 1
    assert "later.md:4:9: error: unknown source 'wyre'" in capsys.readouterr().err


def test_serve_shows_a_scheduled_article_with_a_banner(tmp_path: Path) -> None:
    with previewing(tmp_path) as server:
        add_later(server.content, "bbc-news", "istanbul-talks")
        deadline = time.monotonic() + 30
        status, body = server.get("/articles/later/")
        while status != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
            status, body = server.get("/articles/later/")
        assert status == 200
        assert "Scheduled" in parse_text(body).select_one(".scheduled-banner").get_text()


def parse_text(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
