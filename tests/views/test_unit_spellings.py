"""views.spellings: an alias written only in articles from machine rewrites is shown apart
from the spellings others write, with the articles and sources it comes from; worked out
from the texts and their sources' kinds. A short form of the name is never set apart."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import THEME
from tiny_site import Tiny, tiny

from generator.render.jinja import make_environment, render_page
from generator.views.spellings import Spellings, spellings

SOURCES = """\
- id: wire
  name: Wire Service
  url: https://wire.example/
  kind: outlet

- id: odd
  name: Odd Site
  kind: {kind}
"""

ENTITIES = """\
- id: volodymyr-zelensky
  name: Volodymyr Zelensky
  kind: person
  aliases: [Zelensky, Voldymir Zelensky, Receptacle Zelensky, Volodymyr, Zelenskyy]

- id: ankara
  name: Ankara
  kind: place
  aliases: [Angora]
"""

ODD_ARTICLE = """\
---
title: Odd report {n}
date: 2025-11-2{n}
source: odd
topics: [ankara-meeting]
---

Receptacle Zelensky and Voldymir Zelensky went to Angora. Volodymyr spoke.
"""


def site_with(tmp_path: Path, kind: str = "machine rewrite", odd: int = 1) -> Tiny:
    files = {"sources.yaml": SOURCES.format(kind=kind), "entities.yaml": ENTITIES}
    files |= {f"articles/odd-{n}.md": ODD_ARTICLE.format(n=n) for n in range(1, odd + 1)}
    return tiny(tmp_path, files)


def zelensky_spellings(site: Tiny) -> Spellings:
    reader = site.reader()
    return spellings(reader, reader.entity("volodymyr-zelensky"))


def test_an_alias_only_machine_rewrites_write_is_set_apart(tmp_path: Path) -> None:
    found = zelensky_spellings(site_with(tmp_path, odd=2))
    # "Voldymir Zelensky" is in the wire's first report too; "Volodymyr" is a word of the
    # name; "Zelenskyy" is in no text at all: all stay spellings others write.
    assert found.written == ("Zelensky", "Voldymir Zelensky", "Volodymyr", "Zelenskyy")
    ((garbled),) = found.garbled
    assert (garbled.alias, garbled.articles) == ("Receptacle Zelensky", 2)
    assert [source.id for source in garbled.sources] == ["odd"]


def test_an_alias_an_aggregator_writes_too_is_not_set_apart(tmp_path: Path) -> None:
    found = zelensky_spellings(site_with(tmp_path, kind="aggregator"))
    assert found.garbled == () and "Receptacle Zelensky" in found.written


def test_the_entity_page_lists_it_apart_with_its_source(tmp_path: Path) -> None:
    site = site_with(tmp_path)
    env = make_environment(THEME, site.site.config, site.routes)
    html = render_page(env, site.page("/entities/volodymyr-zelensky/"), site.data)[0]
    page = BeautifulSoup(html, "html.parser")
    written = [li.get_text() for li in page.select("ul.aliases li")]
    assert "Receptacle Zelensky" not in written and "Voldymir Zelensky" in written
    apart = page.select_one("p.garbled-aliases")
    assert apart is not None
    text = " ".join(apart.get_text().split())
    assert text == (
        "Seen only in machine rewrites: Receptacle Zelensky (in 1 article from Odd Site)"
    )
    assert apart.select_one("a")["href"] == "/sources/odd/"


def test_a_places_other_name_only_machine_rewrites_write_is_not_set_apart(tmp_path: Path) -> None:
    """A reviewer's find: "Türkiye", "Kiev" and "Britain" were listed as seen only in
    machine rewrites, which reads as garbled; a place's other names are real names."""
    reader = site_with(tmp_path).reader()
    found = spellings(reader, reader.entity("ankara"))
    assert found == Spellings(("Angora",), ())
