"""A page for each article: its text with the cited sentences marked, its citations, who
it names, and its copies and rewrites."""

from __future__ import annotations

from typing import Any

from generator.content.model import Article, Entity, Site
from generator.i18n import Strings, strings_for
from generator.pages.crumbs import crumbs
from generator.pages.jsonld import article_json_ld
from generator.pages.kept import PageMaker
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import entity_lists, toc
from generator.views import evidence as evidence_views
from generator.views import items as views
from generator.views.highlight import mark_cited


def article_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    t, made = strings_for(site.config.language), made or PageMaker()
    return [
        made.page(("article", a.slug, a.title, a.summary), _article, a, routes, t)
        for a in site.articles.values()
    ]


def _article(article: Article, routes: Routes, t: Strings) -> Page:
    slug = article.slug

    def context(reader: Reader) -> dict[str, Any]:
        this = reader.article(slug)
        mentioned = entity_lists.mentioned(reader, slug)
        source = reader.source(this.source)
        topics = tuple(reader.topic(t) for t in this.topics)
        return {
            "article": this,
            "body": _marked_body(reader, slug),
            "contents": toc.article_contents(reader.body(slug).html),
            "source": source,
            "grade": reader.grade(slug),
            "topics": topics,
            "mentioned": mentioned,
            "citations": views.citations(reader, slug),
            "original": reader.article(this.rewrite_of) if this.rewrite_of else None,
            "rewrites": reader.articles(reader.ask("rewrites", slug)),
            "json_ld": article_json_ld(
                this, source, topics, _by_mention(reader, slug), routes, reader.config.title
            ),
        }

    path = routes.article(slug)
    return Page(
        path,
        "article.html",
        article.title,
        context,
        crumbs(t, routes, (t("nav.articles"), routes.articles), (article.title, path)),
        description=article.summary,
        og_type="article",
    )


def _marked_body(reader: Reader, slug: str) -> Any:
    """The article's text with the sentences that support claims marked as cited."""
    cited_by = strings_for(reader.config.language)("article.cited_by_link", name="{name}")
    cited = evidence_views.cited_sentences(reader, slug)
    return mark_cited(reader.body(slug).html, cited, cited_by)


def _by_mention(reader: Reader, slug: str) -> list[Entity]:
    """The entities an article names, most mentioned first."""
    return [reader.entity(entity_id) for entity_id, _ in reader.mentions(slug)]
