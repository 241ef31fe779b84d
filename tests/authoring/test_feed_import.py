"""`briefing import FEED.xml`: RSS 2.0 and Atom entries become checked articles; feed
content is hostile, and nothing is fetched."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, FIXTURES, THEME, parse, site_args
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring.article_file import article_file
from generator.authoring.feeds import _blocks, is_feed
from generator.authoring.plain_text import PlainArticle
from generator.cli import main
from generator.pipeline.builder import build
from generator.settings import BuildOptions
from generator.text.markdown import Markdown

FEEDS = FIXTURES / "feeds"
SWAP = "articles/prisoner-swap-agreed-at-istanbul-talks.md"
OFFER = "articles/erdogan-offers-to-host-a-leaders-meeting.md"


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real content, copied; and no network: a connection attempt fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def importing(content: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["import", *args, "--content", str(content)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def front_and_body(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text("utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def test_rss_entries_become_articles_that_pass_check(content: Path, capsys, tmp_path) -> None:
    code, out, err = importing(content, capsys, str(FEEDS / "bbc.rss"), "--topic", "istanbul-talks")
    assert (code, err) == (0, "")
    assert "1 file: 2 written, 0 skipped" in out
    front, body = front_and_body(content / SWAP)
    assert front == {
        "title": "Prisoner swap agreed at Istanbul talks",
        "date": __import__("datetime").date(2025, 5, 16),
        "source": "bbc-news",  # by the feed's site, www.bbc.com
        "url": "https://www.bbc.com/news/articles/swap-agreed",
        "topics": ["istanbul-talks"],
    }
    assert body.lstrip().startswith("## A thousand each\n\nUkraine and Russia agreed")
    assert "hidden text" not in body and "alert(1)" not in body  # iframe, script: dropped
    assert front_and_body(content / OFFER)[1].strip() == (
        "Turkey's president said he would host Zelensky and Putin & their delegations."
    )
    assert main(site_args("check", content)) == 0
    output = tmp_path / "site"
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output, search=False))
    page = parse(output / "articles" / "prisoner-swap-agreed-at-istanbul-talks" / "index.html")
    body_html = page.select_one(".body")
    assert not body_html.find_all(["script", "iframe", "img"])
    assert all(
        not str(value).lower().startswith("javascript:")
        for tag in page.find_all(True)
        for value in tag.attrs.values()
    )


def test_atom_entries_keep_their_script_and_date(content: Path, capsys) -> None:
    args = (str(FEEDS / "kyiv.atom"), "--source", "bbc-news", "--topic", "istanbul-talks")
    code, _, err = importing(content, capsys, *args)
    assert code == 0, err
    (path,) = content.glob("articles/зеленський*.md")
    front, body = front_and_body(path)
    assert front["title"] == "Зеленський: готові до зустрічі"
    assert front["url"] == "https://kyivindependent.com/zelensky-ready/"
    assert str(front["date"]) == "2025-05-18"
    assert body.strip().startswith("Президент Зеленський заявив")


def test_dry_run_writes_nothing_and_a_second_import_is_refused(content: Path, capsys) -> None:
    before = sorted(content.rglob("*"))
    code, out, _ = importing(content, capsys, str(FEEDS / "bbc.rss"), "--dry-run")
    assert code == 0 and "2 would be written" in out and "nothing was written" in out
    assert sorted(content.rglob("*")) == before
    assert importing(content, capsys, str(FEEDS / "bbc.rss"))[0] == 0
    code, out, err = importing(content, capsys, str(FEEDS / "bbc.rss"))
    assert code == 1
    assert err.splitlines() == [
        f"{FEEDS / 'bbc.rss'}:7: error: already imported as "
        "'prisoner-swap-agreed-at-istanbul-talks' (the same link: "
        "https://www.bbc.com/news/articles/swap-agreed) (pass --force to import it again)",
        f"{FEEDS / 'bbc.rss'}:21: error: already imported as "
        "'erdogan-offers-to-host-a-leaders-meeting' (the same link: "
        "https://www.bbc.com/news/articles/erdogan-offer) (pass --force to import it again)",
        "1 file: 0 written, 2 skipped",
    ]


MALFORMED = {
    "not well-formed": (
        b'<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>A & B</title>',
        ":3:17: error: not a well-formed feed: not well-formed (invalid token)",
    ),
    "external entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>',
        ":2:1: error: not a well-formed feed",
    ),
    "external dtd": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://example.invalid/rss.dtd">\n'
        b'<rss version="2.0"><channel><item><title>&nbsp;x</title></item></channel></rss>',
        ":3:",  # refused (an undefined entity), and nothing fetched
    ),
    "not a feed": (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><x/></rdf:RDF>',
        ": error: not an RSS or Atom feed",
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_feed_is_one_message(content: Path, tmp_path, capsys, case: str) -> None:
    data, expected = MALFORMED[case]
    feed = tmp_path / "feed.xml"
    feed.write_bytes(data)
    before = sorted(content.rglob("*"))
    code, _, err = importing(content, capsys, str(feed))
    assert code == 1
    assert err.splitlines()[0].startswith(f"{feed}{expected}"), err
    assert err.splitlines()[1:] == ["1 file: 0 written, 1 skipped"]
    assert sorted(content.rglob("*")) == before


def test_texts_are_not_mistaken_for_feeds() -> None:
    assert is_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- x -->\n<rss version="2.0">')
    assert is_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert not is_feed(b"Talks resume\n\nThe <rss> tag was mentioned.")


HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:x">a</a>',
        "<iframe>i</iframe>", "<p>", "</p>", "<h2>", "<b>", "&lt;b&gt;", "[x](javascript:y)",
        "# h", "1. one", "> q", "<style>p{}</style>", "<svg><script>1</script></svg>", "text",
        "<!-- c -->", "<![CDATA[x]]>", "&#x3C;script&#x3E;", "\n", " ", "`code`", "<br>", "*",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(HOSTILE, min_size=1, max_size=12).map("".join))
def test_no_markup_of_a_feed_survives_into_the_page(html: str) -> None:
    blocks = _blocks(html)
    if not blocks:
        return
    text = article_file(PlainArticle("T", True, blocks, "", ()), {"title": "T"})
    body = text.split("---\n", 2)[2]
    rendered = BeautifulSoup(str(Markdown().render(body).html), "html.parser")
    assert {tag.name for tag in rendered.find_all(True)} <= {"p", "h2", "code", "em", "strong"}
    assert all(not tag.attrs or set(tag.attrs) == {"id"} for tag in rendered.find_all(True))
