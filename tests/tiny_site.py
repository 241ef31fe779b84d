"""A tiny site for the unit layer: the mini fixture's content, with files replaced or added
from strings, taken through the real loader and the stages up to the list of pages (no
template rendered, no output written, no process started)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES

from generator.content.assemble import build_site
from generator.content.load import RawContent, load_content
from generator.content.model import Site
from generator.copies.lineage import declared
from generator.evidence.site_check import check_site
from generator.i18n import strings_for
from generator.pages.kinds import PAGE_KINDS, build_pages
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph, build_graph
from generator.reads.queries import SiteData
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.entity_links import build_matcher, entity_links_plugin
from generator.text.footnotes import footnote_labels
from generator.text.markdown import Markdown
from generator.text.paragraph_ids import paragraph_ids_plugin
from generator.text.texts import Texts, render_texts

ARTICLE = """\
---
title: {title}
date: {date}
source: wire
topics: [ankara-meeting]
---

{body}
"""


def article(title: str, date: str = "2025-11-20", body: str = "Zelensky spoke.") -> str:
    return ARTICLE.format(title=title, date=date, body=body)


def content(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    """The mini fixture's content in tmp_path, each of `files` (path: text) written over it."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", folder)
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def markdown_for(site: Site, routes: Routes) -> Markdown:
    """The article parser as the build makes it: entity links and paragraph ids."""
    matcher = build_matcher(site.entities.values())
    plugin = (entity_links_plugin, {"matcher": matcher, "routes": routes})
    labels = footnote_labels(strings_for(site.config.language))
    return Markdown(plugin, (paragraph_ids_plugin, {}), labels=labels)


@dataclass(frozen=True, slots=True)
class Tiny:
    raw: RawContent
    site: Site
    routes: Routes
    texts: Texts
    graph: LinkGraph
    pages: tuple[Page, ...]
    data: SiteData

    def page(self, path: str) -> Page:
        (found,) = [page for page in self.pages if page.path == path]
        return found

    def reader(self) -> Reader:
        return Reader(self.data)


def prepare(folder: Path) -> Tiny:
    raw = load_content(folder)
    site = build_site(raw)
    routes = Routes(site.config.base_url, site.config.base_path)
    texts = render_texts(site, markdown_for(site, routes), {}, {})
    graph = build_graph(site, texts.bodies, build_matcher(site.entities.values()))
    pages = tuple(build_pages(site, graph, texts, routes, PAGE_KINDS))
    evidence = check_site(site).evidence
    data = SiteData(site, graph, texts, routes, evidence, declared(site))
    return Tiny(raw, site, routes, texts, graph, pages, data)


def tiny(tmp_path: Path, files: dict[str, str] | None = None) -> Tiny:
    return prepare(content(tmp_path, files))
