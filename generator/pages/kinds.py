"""Site -> the list of pages. Each page kind is a function `(site, graph, texts, routes)
-> [Page]`; `PAGE_KINDS` is the site's set of them, in order. A page's context is made
only when it is rendered, from a `Reader` that records what it reads."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from generator.content.model import Article, Entity, Site, Source, Topic
from generator.i18n import Strings, strings_for
from generator.pages import exports, feeds, search_terms, whatsnew
from generator.pages.comparisons import comparison_pages, comparisons_of
from generator.pages.jsonld import article_json_ld, claims_json_ld, entity_json_ld
from generator.pages.page import Crumb, Page
from generator.pages.redirects import alias_pages
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import NOT_FOUND_FILE, SEARCH_ALIASES_FILE, Routes
from generator.text.texts import Texts
from generator.views import entity_graph, entity_lists, paging, toc
from generator.views import evidence as evidence_views
from generator.views import items as views
from generator.views.highlight import mark_cited

PageKind = Callable[[Site, LinkGraph, Texts, Routes], list[Page]]

LATEST_ON_HOME = 10
ENTITY_ARTICLES_SHOWN = 20  # the newest; search (filtered by the entity) finds the rest


def build_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, kinds: Sequence[PageKind]
) -> list[Page]:
    pages = [page for kind in kinds for page in kind(site, graph, texts, routes)]
    # Redirects from old addresses come after the sitemap: they are not listed in it.
    pages += feeds.index_pages(site, routes, pages)
    return pages + alias_pages(site, routes, pages)


def _crumbs(t: Strings, routes: Routes, *crumbs: tuple[str, str]) -> tuple[Crumb, ...]:
    return (Crumb(t("nav.home"), routes.home), *(Crumb(title, path) for title, path in crumbs))


def _articles_crumbs(t: Strings, routes: Routes, pager: paging.Pager) -> tuple[Crumb, ...]:
    articles = (t("nav.articles"), routes.articles)
    if pager.number == 1:
        return _crumbs(t, routes, articles)
    own = (t("nav.page", number=pager.number), pager.paths[pager.number - 1])
    return _crumbs(t, routes, articles, own)


def site_pages(site: Site, graph: LinkGraph, texts: Texts, routes: Routes) -> list[Page]:
    """The home page, the lists, search and the 404."""
    t = strings_for(site.config.language)

    def home(reader: Reader) -> dict[str, Any]:
        latest = reader.ask("articles")[:LATEST_ON_HOME]
        return {
            "topics": views.topic_cards(reader),
            "latest": views.cards(reader, latest),
            "search_examples": reader.ask("search-examples"),
        }

    def search(reader: Reader) -> dict[str, Any]:
        return {"search_examples": reader.ask("search-examples")}

    def topics(reader: Reader) -> dict[str, Any]:
        return {"items": views.topic_cards(reader)}

    def articles(pager: paging.Pager) -> Callable[[Reader], dict[str, Any]]:
        def context(reader: Reader) -> dict[str, Any]:
            shown = reader.ask("articles")[pager.first - 1 : pager.last]
            return {"items": views.cards(reader, shown), "pager": pager}

        return context

    def sources(reader: Reader) -> dict[str, Any]:
        return {"items": views.source_cards(reader)}

    def entities(reader: Reader) -> dict[str, Any]:
        return {"groups": views.entity_groups(reader)}

    def timeline(reader: Reader) -> dict[str, Any]:
        return {"entries": views.timeline(reader)}

    def graph_page(reader: Reader) -> dict[str, Any]:
        return {"graph": entity_graph.graph_view(reader)}

    def search_aliases(reader: Reader) -> dict[str, Any]:
        return {"table": search_terms.alias_table(reader.entities())}

    return [
        Page(routes.home, "home.html", site.config.title, home),
        Page(
            routes.topics,
            "topics.html",
            t("nav.topics"),
            topics,
            _crumbs(t, routes, (t("nav.topics"), routes.topics)),
        ),
        *(
            Page(
                pager.paths[pager.number - 1],
                "articles.html",
                t("nav.articles")
                if pager.number == 1
                else t("articles.page_title", number=pager.number),
                articles(pager),
                _articles_crumbs(t, routes, pager),
                signature=pager,
            )
            for pager in paging.pagers(
                len(site.articles), paging.ARTICLES_PER_PAGE, routes.articles_page
            )
        ),
        Page(
            routes.sources,
            "sources.html",
            t("nav.sources"),
            sources,
            _crumbs(t, routes, (t("nav.sources"), routes.sources)),
        ),
        Page(
            routes.entities,
            "entities.html",
            t("entities.title"),
            entities,
            _crumbs(t, routes, (t("nav.entities"), routes.entities)),
        ),
        Page(
            routes.timeline,
            "timeline.html",
            t("nav.timeline"),
            timeline,
            _crumbs(t, routes, (t("nav.timeline"), routes.timeline)),
        ),
        Page(
            routes.graph,
            "graph.html",
            t("graph.title"),
            graph_page,
            _crumbs(
                t, routes, (t("nav.entities"), routes.entities), (t("nav.graph"), routes.graph)
            ),
        ),
        Page(routes.search, "search.html", t("search.label"), search),
        Page(routes.search_aliases, SEARCH_ALIASES_FILE, "Search aliases", search_aliases),
        Page(routes.not_found, NOT_FOUND_FILE, t("404.title")),
    ]


def topic_pages(site: Site, graph: LinkGraph, texts: Texts, routes: Routes) -> list[Page]:
    t = strings_for(site.config.language)
    return [_topic(topic, texts, routes, t) for topic in site.topics.values()] + [
        _timeline_json(topic, routes) for topic in site.topics.values()
    ]


def _topic(topic: Topic, texts: Texts, routes: Routes, t: Strings) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        topic_now = reader.topic(topic.id)
        facts = views.fact_views(reader, topic_now)
        events = views.event_views(reader, topic_now)
        quotes = views.quote_views(reader, [topic_now])
        claims = [f.claim for f in facts] + [e.claim for e in events] + [q.claim for q in quotes]
        articles = views.cards(reader, reader.ask("topic-articles", topic.id))
        context = {
            "topic": topic_now,
            "summary": reader.topic_texts().summaries[topic.id],
            "unsupported_summary": reader.ask("unsupported-summary", topic.id),
            "facts": facts,
            "articles": views.originals_first(articles),
            "latest": articles[0].article.date if articles else None,
            "involved": entity_lists.involved(reader, topic.id),
            "related": reader.related_topics(topic.id),
            "timeline": events,
            "quotes": quotes,
            "disputed": evidence_views.disputed(claims),
            "status_notice": evidence_views.status_notice(claims),
            "json_ld": claims_json_ld(topic_now, facts, routes),
            "graph": entity_graph.graph_view(reader, topic.id),
        }
        changes = whatsnew.topic_changes(reader, topic_now)
        return {
            **context,
            "contents": _topic_contents(context, t),
            "updated": whatsnew.updated(changes),
            "fact_keys": whatsnew.fact_keys(changes),
            "article_keys": whatsnew.article_keys(changes),
        }

    path = routes.topic(topic.id)
    return Page(
        path,
        "topic.html",
        topic.title,
        context,
        _crumbs(t, routes, (t("nav.topics"), routes.topics), (topic.title, path)),
        description=texts.descriptions[topic.id],
        feeds=(Crumb(t("feed.site_title", site=topic.title), routes.topic_feed(topic.id)),),
    )


def _topic_contents(context: dict[str, Any], t: Strings) -> tuple[toc.Heading, ...]:
    """The sections the topic page shows, in its order (topic.html)."""
    return toc.sections(
        ("facts-heading", t("topic.key_facts"), context["facts"]),
        ("timeline-heading", t("nav.timeline"), context["timeline"]),
        ("quotes-heading", t("topic.quotes"), context["quotes"]),
        ("graph-heading", t("topic.named_together"), context["graph"]),
        ("articles-heading", t("nav.articles"), True),
        ("export-heading", t("topic.data"), True),
        ("involved-heading", t("topic.who_where"), context["involved"]),
        ("related-heading", t("topic.related"), context["related"]),
    )


def _timeline_json(topic: Topic, routes: Routes) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        topic_now = reader.topic(topic.id)
        return {"data": views.timelinejs(topic_now, views.timeline(reader, [topic_now]), routes)}

    return Page(routes.topic_timeline_json(topic.id), "timeline.json", topic.title, context)


def article_pages(site: Site, graph: LinkGraph, texts: Texts, routes: Routes) -> list[Page]:
    t = strings_for(site.config.language)
    return [_article(article, routes, t) for article in site.articles.values()]


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
        _crumbs(t, routes, (t("nav.articles"), routes.articles), (article.title, path)),
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


def entity_pages(site: Site, graph: LinkGraph, texts: Texts, routes: Routes) -> list[Page]:
    t = strings_for(site.config.language)
    return [_entity(entity, graph, routes, t) for entity in site.entities.values()]


def _entity(entity: Entity, graph: LinkGraph, routes: Routes, t: Strings) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        this = reader.entity(entity.id)
        slugs = reader.ask("entity-articles", entity.id)
        return {
            "entity": this,
            "kind_heading": views.KIND_HEADINGS[this.kind],
            "articles": views.cards(reader, slugs[:ENTITY_ARTICLES_SHOWN]),
            "article_count": len(slugs),
            "all_articles_url": routes.search_for(entity=this.name, type="Article", sort="date"),
            "topics": tuple(reader.topic(t) for t in reader.ask("entity-topics", entity.id)),
            "together": entity_lists.named_with(reader, this),
            "timeline": views.entity_timeline(reader, this),
            "quotes": views.speaker_quotes(reader, this),
            "json_ld": entity_json_ld(this, routes),
        }

    path = routes.entity(entity.id)
    has_articles = bool(graph.articles_by_entity.get(entity.id))
    feed = Crumb(t("entity.articles_mentioning", name=entity.name), routes.entity_feed(entity.id))
    return Page(
        path,
        "entity.html",
        entity.name,
        context,
        _crumbs(t, routes, (t("nav.entities"), routes.entities), (entity.name, path)),
        description=entity.description,
        og_type="profile" if entity.kind == "person" else "website",
        feeds=(feed,) if has_articles else (),
    )


def source_pages(site: Site, graph: LinkGraph, texts: Texts, routes: Routes) -> list[Page]:
    t = strings_for(site.config.language)
    return [_source(source, routes, t) for source in site.sources.values()]


def _source(source: Source, routes: Routes, t: Strings) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        slugs = reader.ask("source-articles", source.id)
        return {
            "source": reader.source(source.id),
            "articles": views.cards(reader, slugs),
            "comparisons": comparisons_of(reader, slugs),
        }

    path = routes.source(source.id)
    return Page(
        path,
        "source.html",
        source.name,
        context,
        _crumbs(t, routes, (t("nav.sources"), routes.sources), (source.name, path)),
    )


PAGE_KINDS: tuple[PageKind, ...] = (
    site_pages,
    topic_pages,
    article_pages,
    entity_pages,
    source_pages,
    comparison_pages,
    feeds.feed_pages,
    whatsnew.whats_new_pages,
    exports.export_pages,
)
