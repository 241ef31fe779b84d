"""Interface strings: one table per language (English and Ukrainian shipped), complete,
used by every template and page title, chosen in site.yaml."""

from __future__ import annotations

import re
import shutil
import string
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, THEME, parse

from generator.i18n import languages, plural_category, strings_for
from generator.pipeline.builder import build
from generator.settings import BuildOptions

FORMS = {"en": {"one", "other"}, "uk": {"one", "few", "many"}}
USED = re.compile(r"""\bt\(\s*["'](\w+\.[\w.]*\w)["']\s*[,)]""")  # t("a.key") in templates, Python


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_english_and_ukrainian_are_shipped_with_the_same_keys() -> None:
    assert languages() == ("en", "uk")
    english, ukrainian = strings_for("en").table, strings_for("uk").table
    assert english.keys() == ukrainian.keys()
    for key, value in english.items():
        other = ukrainian[key]
        if isinstance(value, dict):
            assert set(value) == FORMS["en"] and set(other) == FORMS["uk"], key
            values = [*value.values(), *other.values()]
        else:
            values = [value, other]
        assert len({frozenset(fields(v)) for v in values}) == 1, f"{key}: placeholders differ"


def test_every_key_used_is_in_the_table() -> None:
    sources = [*(THEME / "templates").glob("*"), *(ROOT / "generator").rglob("*.py")]
    used = {key for path in sources for key in USED.findall(path.read_text("utf-8"))}
    used |= {f"search.{part}.{name}" for part in ("filter", "any")
             for name in ("topic", "source", "reliability", "entity", "type")}  # fmt: skip
    assert len(used) > 100
    assert used - strings_for("en").table.keys() == set()


@pytest.mark.parametrize(
    ("n", "form"), [(0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"),
                    (12, "many"), (21, "one"), (22, "few"), (111, "many"), (1001, "one")],
)  # fmt: skip
def test_ukrainian_plurals(n: int, form: str) -> None:
    assert plural_category("uk", n) == form


def test_a_language_without_a_table_falls_back_to_english() -> None:
    assert strings_for("pt-BR").language == "en"
    assert strings_for("uk-UA").language == "uk"


@pytest.fixture(scope="module")
def ukrainian_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("uk")
    content = root / "content"
    shutil.copytree(FIXTURES / "mini", content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text("utf-8").replace("language: en", "language: uk"))
    first = content / "articles" / "first.md"
    first.write_text(first.read_text("utf-8") + "\nA note.[^1]\n\n[^1]: The wire.\n")
    build(
        BuildOptions(content_dir=content, theme_dir=THEME, output_dir=root / "site", search=False)
    )
    return root / "site"


PAGES = ["index.html", "topics/ankara-meeting/index.html", "articles/first/index.html",
         "sources/index.html", "whats-new/index.html", "articles/second/compare/index.html",
         "entities/index.html", "articles/index.html", "404.html", "search/index.html"]  # fmt: skip


@pytest.mark.parametrize("page", PAGES)
def test_a_ukrainian_site_shows_no_english_string_of_the_table(
    ukrainian_site: Path, page: str
) -> None:
    html = parse(ukrainian_site / page)
    assert html.html["lang"] == "uk"
    for hidden in html(["script", "style"]):
        hidden.decompose()
    text = " ".join(html.get_text(" ").split())
    english, ukrainian = strings_for("en").table, strings_for("uk").table
    checked = 0
    for key, value in english.items():
        for form in value.values() if isinstance(value, dict) else [value]:
            words = re.split(r"\{\w+\}", form)
            for piece in (w.strip(" .,:;()") for w in words):
                if len(piece) > 6 and piece not in str(ukrainian[key]):
                    assert piece not in text, f"{page}: {key}: {piece!r} is in English"
                    checked += 1
    assert checked > 100  # an untranslated table (uk as en) would check nothing


def test_ukrainian_dates_titles_and_notes(ukrainian_site: Path) -> None:
    article = parse(ukrainian_site / "articles" / "first" / "index.html")
    assert article.select_one("time").get_text() == "18 листопада 2025"
    assert [a.get_text() for a in article.select(".breadcrumbs a")][:2] == ["Головна", "Статті"]
    assert article.select_one("section.footnotes")["aria-label"] == "Примітки"
    assert article.select_one(".footnote-ref a")["aria-label"] == "Примітка 1"
    assert article.select_one(".cited-by").get_text().startswith("цитує: Ankara meeting, ключовий")
    assert parse(ukrainian_site / "articles" / "index.html").select_one("main p").get_text() == (
        "2 статті, спершу нові."
    )


def test_ukrainian_pages_are_valid_html(ukrainian_site: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import lint_site

    try:
        errors = lint_site.run_vnu(ukrainian_site)
    except lint_site.MissingTool as exc:
        pytest.fail(str(exc), pytrace=False)
    assert errors == []


@pytest.mark.parametrize(
    ("language", "n", "said"),
    [
        ("uk", 25, "Усі 25 фактів, подій і цитат не підтверджені"),
        ("uk", 3, "Усі 3 факти, події й цитати не підтверджені"),
        ("uk", 21, "Усі 21 факт, подія й цитата не підтверджені"),
        ("en", 1, "Its 1 fact, event or quote unconfirmed"),
        ("en", 25, "All 25 facts, events and quotes unconfirmed"),
    ],
)
def test_all_of_a_topics_claims_takes_the_plural_of_their_number(
    language: str, n: int, said: str
) -> None:
    """A reviewer's find: the Ukrainian card said "all 25" with the plural form for 2-4."""
    assert strings_for(language)("topic.card_all.unconfirmed", total=n, n=n) == said
