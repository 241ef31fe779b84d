"""Social cards: one PNG per shareable page, 1200×630, the same bytes every build, drawn
once and reused, in any script a font here has."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import parse, tree
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from generator.errors import Position
from generator.pipeline import parallel
from generator.pipeline.builder import build
from generator.render import cards
from generator.render.cards import drawing, layout
from generator.render.cards import store as card_store
from generator.render.cards.card import DRAWN
from generator.settings import BuildOptions

BASE_URL = "https://example.org/"


def card_of(site: Path, page: str) -> Path:
    meta = parse(site / page / "index.html").select_one('meta[property="og:image"]')
    return site / meta["content"].removeprefix(BASE_URL)


def test_cards_are_1200_by_630_and_identical_between_builds(
    mini_content: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for output in (first, second):
        build(
            BuildOptions(
                content_dir=mini_content, output_dir=output, base_url=BASE_URL, search=False
            )
        )
    for page in ("topics/ankara-meeting", "articles/first", "articles/second"):
        card = card_of(first, page)
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
        html = parse(first / page / "index.html")
        assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
        assert (
            html.select_one('meta[name="twitter:image"]')["content"]
            == (html.select_one('meta[property="og:image"]')["content"])
        )
    assert tree(first / "cards") == tree(second / "cards")
    shown = {
        parse(page).select_one('meta[property="og:image"]')["content"].rsplit("/", 1)[1]
        for page in first.rglob("index.html")
        if parse(page).select_one('meta[property="og:image"]')
    }
    assert set(tree(first / "cards")) == shown  # every card drawn is shown, and no other


def test_cards_drawn_by_the_render_workers_are_the_cards_drawn_alone(
    mini_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build hands the cards to the render workers after the pages (issue 27): the
    same files as one process drawing them, and the cache's store and digests filled."""
    alone, shared = tmp_path / "alone" / "site", tmp_path / "shared" / "site"
    build(BuildOptions(content_dir=mini_content, output_dir=alone, search=False, workers=1))
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_WORKER", 1)
    options = BuildOptions(
        content_dir=mini_content, output_dir=shared, search=False, workers=2, cache=True
    )
    build(options)  # drawn beside the pages, by the worker and by this process (its share)
    assert tree(shared / "cards") == tree(alone / "cards")
    assert tree(shared, skip="cards") == tree(alone, skip="cards")
    store = shared.parent / ".briefing-cache" / "site.cards"
    assert tree(store, skip="digests.json") == tree(shared / "cards")
    assert set(card_store.read_index(store)) == set(tree(shared / "cards"))


def test_with_cards_site_one_card_is_drawn_and_every_page_shows_it(
    mini_content: Path, tmp_path: Path
) -> None:
    site_yaml = mini_content / "site.yaml"
    content = tmp_path / "one-card"
    shutil.copytree(mini_content, content)
    (content / "site.yaml").write_text(site_yaml.read_text() + "cards: site\n")
    site = tmp_path / "site"
    build(BuildOptions(content_dir=content, output_dir=site, base_url=BASE_URL, search=False))
    (drawn,) = tree(site / "cards")
    for page in ("", "topics/ankara-meeting", "articles/first", "sources", "search"):
        assert card_of(site, page).name == drawn, page


def test_a_rebuild_copies_cards_instead_of_drawing_them(tmp_path: Path) -> None:
    card = cards.Card("Site", "Topic", "Talks in Ankara", "2 articles", "#1f4e79", "#ffffff")
    previous, fresh = tmp_path / "previous", tmp_path / "fresh"
    known: dict[str, str] = {}
    assert cards.write_cards([card], previous, known=known) == 1
    assert cards.write_cards([card], fresh, previous / cards.CARDS_DIR, known=known) == 0
    assert (fresh / card.path.lstrip("/")).read_bytes() == cards.draw(card)
    assert cards.write_cards([card], tmp_path / "unknown", previous / cards.CARDS_DIR) == 1


def test_a_card_swapped_for_another_is_drawn_again(tmp_path: Path) -> None:
    """A whole, valid PNG of another card in the output or the store is not this card."""
    card = cards.Card("Site", "Topic", "Talks in Ankara", "2 articles", "#1f4e79", "#ffffff")
    other = cards.Card("Site", "Topic", "Talks in Istanbul", "2 articles", "#1f4e79", "#ffffff")
    site, store, known = tmp_path / "site", tmp_path / "store", {}
    cards.write_cards([card, other], site, store=store, known=known)
    for folder in (site / cards.CARDS_DIR, store):
        (folder / card.name).write_bytes((folder / other.name).read_bytes())
    assert cards.write_cards([card, other], site, site / cards.CARDS_DIR, 1, store, known) == 1
    assert (site / card.path.lstrip("/")).read_bytes() == cards.draw(card)


def test_a_card_changes_name_with_what_it_shows() -> None:
    card = cards.Card("Site", "Topic", "Talks in Ankara", "2 articles", "#1f4e79", "#ffffff")
    renamed = cards.Card("Site", "Topic", "Talks in Istanbul", "2 articles", "#1f4e79", "#ffffff")
    assert card.name != renamed.name
    assert card.name == cards.Card(*(getattr(card, s) for s in DRAWN)).name


def test_a_long_title_is_cut_and_the_card_keeps_its_size() -> None:
    card = cards.Card("Site", "Article", "word " * 200, "x " * 200, "#000", "#fff")
    with Image.open(io.BytesIO(cards.draw(card))) as image:
        assert image.size == (1200, 630)


def test_cards_take_the_colours_of_the_sites_stylesheet(tmp_path: Path) -> None:
    css = tmp_path / "style.css"
    css.write_text(
        ":root { --header-bg: #7a1f1f; --header-fg: #fff; }\n"
        "@media (prefers-color-scheme: dark) { :root { --header-bg: #000000; } }"
    )
    colours = cards.theme_colours(css)
    assert (colours["header-bg"], colours["header-fg"]) == ("#7a1f1f", "#fff")


def test_the_cache_keeps_cards_when_the_output_is_gone(
    mini_content: Path, tmp_path: Path, monkeypatch
) -> None:
    """As in CI, where only .briefing-cache/ is restored: no card is drawn again, and a
    stored card cut short is drawn again rather than published."""
    site = tmp_path / "site"
    options = BuildOptions(
        content_dir=mini_content, output_dir=site, search=False, workers=1, cache=True
    )
    build(options)
    cold = tree(site)
    store = tmp_path / ".briefing-cache" / "site.cards"
    assert sorted(p.name for p in store.glob("*.png")) == sorted(tree(site / "cards"))
    drawn: list[cards.Card] = []
    real_draw = cards.draw
    monkeypatch.setattr(card_store, "draw", lambda card: drawn.append(card) or real_draw(card))
    damaged = sorted(store.glob("*.png"))[0]
    damaged.write_bytes(damaged.read_bytes()[:100])
    for leftover in (tmp_path / ".briefing-cache").glob("*.cache"):
        leftover.unlink()  # pages too are built from nothing
    shutil.rmtree(site)
    build(options)
    assert [card.name for card in drawn] == [damaged.name]
    assert tree(site) == cold


def cjk_card(title: str) -> cards.Card:
    return cards.Card("Briefing", "Article · 和谈", title, "新华社 · graded B2", "#1f4e79", "#fff")


@pytest.fixture
def no_fallback_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(layout, "FALLBACK_FONTS", ())
    forget_fonts()
    yield
    forget_fonts()


def forget_fonts() -> None:
    for cached in (layout.font_file, layout.length, drawing._shared_marks):
        cached.cache_clear()


def test_letters_no_font_has_are_left_out_not_drawn_as_boxes(no_fallback_fonts) -> None:
    card = cjk_card("Talks resume in Ankara 和谈")
    assert drawing.undrawable(card) == "华和新社谈"
    without = replace(
        card, kicker="Article · ", title="Talks resume in Ankara", footer=" · graded B2"
    )
    assert cards.draw(card) == cards.draw(without)  # nothing where the letters were
    warnings = cards.undrawable_warnings({"/articles/x/": card}, Position(Path("site.yaml"), 1))
    assert [str(w) for w in warnings] == [
        "site.yaml:1: warning: the social cards of 1 pages leave out letters no font here has "
        "(e.g. '华和新社谈' on /articles/x/) (install a font that has them, e.g. fonts-noto-cjk "
        "on Debian or Ubuntu)"
    ]


def test_letters_left_out_are_taken_from_the_last_answers_where_the_card_is_the_same(
    no_fallback_fonts,
) -> None:
    card, plain = cjk_card("Talks resume in Ankara 和谈"), cjk_card("Talks resume")
    known = cards.left_out([card], {})
    assert known == {card: "华和新社谈"}
    assert cards.left_out([replace(card), plain], known | {plain: "remembered"}) == {
        card: "华和新社谈",
        plain: "remembered",  # taken as it was, not asked of the fonts again
    }
    where, pages = Position(Path("site.yaml"), 1), {"/articles/x/": card, "/": plain}
    letters = cards.left_out(pages.values(), {})
    assert cards.undrawable_warnings(pages, where, letters) == cards.undrawable_warnings(
        pages, where
    )


@pytest.mark.skipif(not layout.FALLBACK_FONTS, reason="no CJK font: .ci/run installs one")
def test_a_chinese_title_is_drawn_with_the_fallback_font() -> None:
    card = cjk_card("乌克兰与俄罗斯在伊斯坦布尔恢复和谈，双方同意交换战俘和遗体")
    assert drawing.undrawable(card) == ""
    blank = cards.draw(replace(card, title=""))
    drawn = cards.draw(card)
    assert drawn != blank
    with Image.open(io.BytesIO(drawn)) as image:
        _, top, _, bottom = image.crop((80, 196, 1120, 500)).getbbox()  # the title's ink
    assert bottom - top > 120  # two lines of ideographs, wrapped between letters


def test_default_cards_for_every_page_kind(mini_content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, output_dir=site, base_url=BASE_URL, search=False))
    for page in ("", "topics", "articles", "sources", "entities", "timeline", "search"):
        with Image.open(card_of(site, page)) as image:
            assert image.size == (1200, 630), page


@settings(max_examples=15, deadline=None)  # a loaded machine pauses
@given(
    title=st.text(st.characters(codec="latin-1", categories=("L", "N", "P", "Zs")), max_size=120),
    kicker=st.sampled_from(["Topic", "Article · Istanbul talks", "Article"]),
)
def test_run_length_encoding_keeps_every_pixel_of_the_drawing(title: str, kicker: str) -> None:
    """Cards are encoded with zlib's run-length strategy (issue 27): the same pixels as the
    default strategy at level 3 that it replaced, in fewer bytes."""
    card = cards.Card("A briefing", kicker, title, "BBC News · graded B2", "#1f4e79", "#ffffff")
    drawn = cards.draw(card)
    with Image.open(io.BytesIO(drawn)) as image:
        image.load()
        before = io.BytesIO()
        image.save(before, format="PNG", compress_level=3, bits=4)  # the old encoding
        pixels = image.tobytes()
        palette = image.getpalette()
    with Image.open(io.BytesIO(before.getvalue())) as old:
        assert old.tobytes() == pixels and old.getpalette() == palette
    assert len(drawn) < len(before.getvalue())


def _drawn_in_one_go(card: cards.Card) -> Image.Image:
    """The drawing as it was before the shared background (issue 27): every element in turn."""
    image = Image.new("L", drawing.SIZE, 0)
    pen = ImageDraw.Draw(image)
    width, margin, faded = drawing.SIZE[0] - 2 * drawing.MARGIN, drawing.MARGIN, round(255 * 0.72)
    pen.rectangle((0, 0, drawing.SIZE[0], 12), fill=faded)
    drawing._text(pen, (margin, 64), card.site_title, layout.Face(True, 34), 255)
    small = layout.Face(False, 30)
    drawing._text(pen, (margin, 124), layout.fit(card.kicker, small, width), small, faded)
    face, lines = layout.title_lines(card.title, width)
    for number, line in enumerate(lines):
        drawing._text(pen, (margin, 196 + number * int(face.size * 1.18)), line, face, 255)
    pen.line((margin, 520, drawing.SIZE[0] - margin, 520), fill=faded, width=2)
    drawing._text(pen, (margin, 545), layout.fit(card.footer, small, width), small, faded)
    return image


@settings(max_examples=25, deadline=None)
@given(
    site_title=st.text(st.characters(codec="latin-1", categories=("L", "N", "Zs")), max_size=90),
    title=st.text(st.characters(codec="latin-1", categories=("L", "N", "P", "Zs")), max_size=300),
    footer=st.text(st.characters(codec="latin-1", categories=("L", "N", "Zs")), max_size=90),
)
def test_text_on_the_shared_background_gives_the_pixels_of_one_drawing(
    site_title: str, title: str, footer: str
) -> None:
    card = cards.Card(site_title, "Article · Istanbul talks", title, footer, "#1f4e79", "#fff")
    assert drawing.drawing(card).tobytes() == _drawn_in_one_go(card).tobytes()
