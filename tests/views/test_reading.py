"""Reading a developing story: contents, ranked entity lists, what's new, print citations."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import THEME, parse
from hypothesis import given
from hypothesis import strategies as st

from generator.pipeline.builder import build
from generator.reads.ranking import Rank, rank
from generator.settings import BuildOptions
from generator.views.toc import Heading, article_contents, headings

ATOM = "{http://www.w3.org/2005/Atom}"
ISTANBUL = Path("topics") / "istanbul-talks" / "index.html"
REWRITE = Path("articles") / "zelensky-to-meet-us-envoy-and-turkish-president" / "index.html"
BBC = Path("articles") / "zelensky-to-meet-witkoff-and-erdogan-in-ankara" / "index.html"


def test_rank_orders_by_shared_articles_then_mentions_then_id() -> None:
    mentions = {"a": (("x", 1), ("y", 5), ("z", 1)), "b": (("x", 1), ("w", 9))}
    assert rank(["a", "b"], mentions) == (
        Rank("x", 2, 2),
        Rank("w", 1, 9),
        Rank("y", 1, 5),
        Rank("z", 1, 1),
    )
    assert [r.entity_id for r in rank(["a", "b"], mentions, leave_out="x")] == ["w", "y", "z"]


@given(st.dictionaries(st.sampled_from("abcdef"), st.dictionaries(
    st.sampled_from("pqrstu"), st.integers(1, 5)), max_size=6))
def test_rank_is_sorted_and_counts_every_article(articles: dict) -> None:
    mentions = {slug: tuple(counts.items()) for slug, counts in articles.items()}
    ranks = rank(articles, mentions)
    keys = [(-r.articles, -r.mentions, r.entity_id) for r in ranks]
    assert keys == sorted(keys)
    for r in ranks:
        assert r.articles == sum(r.entity_id in counts for counts in articles.values())


def test_headings_with_ids_become_contents() -> None:
    html = '<h2 id="a">One <em>two</em></h2><p>x</p><h3 id="b">Three</h3><h2>no id</h2>'
    assert headings(html) == (Heading("a", "One two", 2), Heading("b", "Three", 3))
    assert article_contents('<h2 id="a">Only one</h2>') == ()


def test_topic_contents_link_to_the_headings_of_the_page(real_site: Path) -> None:
    soup = parse(real_site / ISTANBUL)
    links = [a["href"] for a in soup.select("nav.toc a")]
    assert links[:2] == ["#facts-heading", "#timeline-heading"]
    for href in links:
        assert soup.find(id=href[1:]) is not None, href
    assert "with-contents" in soup.select_one("main")["class"]


def test_long_articles_get_contents_and_short_ones_none(real_site: Path) -> None:
    long = parse(real_site / REWRITE)
    titles = [a.get_text() for a in long.select("nav.toc a")]
    assert titles == [
        "Recent Diplomatic Engagements",
        "Domestic Challenges and International Aid",
        "Stalled Peace Prospects",
    ]
    short = parse(real_site / BBC)
    assert short.select("nav.toc") == []


def test_timeline_and_whats_new_are_in_the_main_navigation(real_site: Path) -> None:
    for page in (Path("index.html"), ISTANBUL, Path("entities") / "index.html"):
        nav = [a["href"] for a in parse(real_site / page).select(".site-nav a")]
        assert "/timeline/" in nav and "/whats-new/" in nav


def test_named_with_ranks_by_articles_and_hides_no_one(real_site: Path) -> None:
    soup = parse(real_site / "entities" / "sergei-lavrov" / "index.html")
    section = soup.select_one("#together-heading").parent
    chips = [a.get_text(" ", strip=True) for a in section.select("a.chip")]
    names = [chip.rsplit(" ", 2)[0] for chip in chips]
    assert {"Volodymyr Zelensky", "Vladimir Putin", "Steve Witkoff"} <= set(names)
    counts = [int(chip.rsplit(" ", 2)[1]) for chip in chips]
    assert counts == sorted(counts, reverse=True)
    assert all(chip.endswith((" 1 article", " articles")) for chip in chips)
    show_all = section.select_one("details.show-all summary")
    assert show_all is not None and show_all.get_text() == f"Show all {len(chips)}"


def test_counts_name_their_unit(real_site: Path) -> None:
    topic = parse(real_site / ISTANBUL)
    involved = [a.get_text(" ", strip=True) for a in topic.select("#involved-heading ~ * a.chip")]
    assert involved and all(text.endswith(("article", "articles")) for text in involved)
    article = parse(real_site / REWRITE)
    named = [a.get_text(" ", strip=True) for a in article.select("#mentioned-heading ~ * a.chip")]
    assert named and all(text.endswith(("mention", "mentions")) for text in named)


def test_citations_print_the_original_article_url(real_site: Path) -> None:
    soup = parse(real_site / "topics" / "ankara-meeting" / "index.html")
    bbc = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"
    prints = {a["href"]: a["data-print-url"] for a in soup.select("a.cite")}
    assert prints[f"/articles/{bbc}/"] == "https://www.bbc.com/news/articles/c620p6jnynko"
    # an article with no original URL prints its page on this site
    assert all(url.startswith(("http", "/")) for url in prints.values())


def test_topic_says_when_it_was_updated(real_site: Path) -> None:
    time = parse(real_site / ISTANBUL).select_one(".updated time")
    assert time["datetime"] == "2025-07-23"  # its newest article


def test_whats_new_lists_changes_newest_first_and_feeds_facts(real_site: Path) -> None:
    soup = parse(real_site / "whats-new" / "index.html")
    dates = [t["datetime"] for t in soup.select(".changes time")]
    assert dates and dates == sorted(dates, reverse=True)
    kinds = {li["class"][1] for li in soup.select(".changes > li")}
    assert kinds == {"change-fact", "change-event", "change-article"}
    feed = ET.parse(real_site / "whats-new" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    kinds = {e.find(f"{ATOM}category").get("term") for e in entries}
    assert entries and kinds <= {"fact", "event"}
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))


def test_a_fact_added_later_updates_the_topic_and_leads_whats_new(
    mini_content: Path, tmp_path: Path
) -> None:
    topics = mini_content / "topics.yaml"
    topics.write_text(
        topics.read_text(encoding="utf-8").replace(
            "      cite: [first]\n",
            "      cite: [first]\n    - text: Erdogan hosted the talks.\n"
            "      cite: [first]\n      added: 2025-12-01\n",
        ),
        encoding="utf-8",
    )
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output))
    topic = parse(output / "topics" / "ankara-meeting" / "index.html")
    assert topic.select_one(".updated time")["datetime"] == "2025-12-01"
    first = parse(output / "whats-new" / "index.html").select_one(".changes > li")
    assert "Erdogan hosted the talks." in first.get_text()
    assert first.select_one("time")["datetime"] == dt.date(2025, 12, 1).isoformat()
