"""Site -> the list of pages. The one place that knows which pages exist and their paths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from . import intel, meta, search_terms, urls, views
from .feeds import feed_pages, index_pages
from .links import LinkGraph
from .markdown import Markdown
from .model import ENTITY_KINDS, Article, Entity, Site, Source, Topic
from .page import Crumb, Page, article_inputs

LATEST_ON_HOME = 10
ENTITY_ARTICLES_SHOWN = 20  # the newest; search (filtered by the entity) finds the rest
KIND_HEADINGS = {"person": "People", "organisation": "Organisations", "place": "Places"}


def build_pages(
    site: Site, graph: LinkGraph, bodies: Mapping[str, Markup], markdown: Markdown
) -> list[Page]:
    facts = views.fact_views(site, markdown)
    summaries = {
        t.id: Markup(markdown.render(t.summary, link_entities=False).html)
        for t in site.topics.values()
    }
    every_article = article_inputs(site.articles)
    pages = [
        _home(site, summaries),
        _list(
            site.topics.values(),
            "/topics/",
            "topics.html",
            "Topics",
            ("topics.yaml", *every_article),
            summaries=summaries,
            counts={t: len(graph.articles_by_topic.get(t, ())) for t in site.topics},
        ),
        _list(
            site.articles.values(),
            "/articles/",
            "articles.html",
            "Articles",
            ("sources.yaml", *every_article),
        ),
        _list(
            site.sources.values(),
            "/sources/",
            "sources.html",
            "Sources",
            ("sources.yaml", *every_article),
            counts={s: len(graph.articles_by_source.get(s, ())) for s in site.sources},
        ),
        _entity_index(site, graph),
        _timeline(site),
        Page("/search/", "search.html", "Search"),
        _search_aliases(site),
        Page("/404.html", "404.html", "Page not found"),
    ]
    pages += [
        _topic(site, graph, topic, summaries[topic.id], facts[topic.id])
        for topic in site.topics.values()
    ]
    pages += [
        _article(site, graph, article, bodies[article.slug], facts)
        for article in site.articles.values()
    ]
    pages += [_timeline_json(site, topic) for topic in site.topics.values()]
    pages += [_entity(site, graph, entity) for entity in site.entities.values()]
    pages += [_source(site, graph, source) for source in site.sources.values()]
    pages += feed_pages(site, graph)
    pages += index_pages(site, pages)
    return pages


def _crumbs(*crumbs: tuple[str, str]) -> tuple[Crumb, ...]:
    return (Crumb("Home", urls.home_path()), *(Crumb(title, path) for title, path in crumbs))


def _home(site: Site, summaries: Mapping[str, Markup]) -> Page:
    latest = tuple(site.articles.values())[:LATEST_ON_HOME]
    context = {"topics": tuple(site.topics.values()), "summaries": summaries, "latest": latest}
    inputs = ("topics.yaml", "sources.yaml", *article_inputs(a.slug for a in latest))
    return Page("/", "home.html", site.config.title, context, inputs=inputs)


def _list(
    items: Iterable[Any],
    path: str,
    template: str,
    title: str,
    inputs: tuple[str, ...],
    **context: Any,
) -> Page:
    context["items"] = tuple(items)
    return Page(path, template, title, context, _crumbs((title, path)), inputs)


def _entity_index(site: Site, graph: LinkGraph) -> Page:
    counts = {e: len(graph.articles_by_entity.get(e, ())) for e in site.entities}
    context = {"groups": views.entity_groups(site, KIND_HEADINGS), "counts": counts}
    return Page(
        "/entities/",
        "entities.html",
        "People, organisations and places",
        context,
        _crumbs(("People & places", "/entities/")),
        ("entities.yaml", *article_inputs(site.articles, body=True)),
    )


def _search_aliases(site: Site) -> Page:
    table = search_terms.alias_table(site)
    return Page(
        search_terms.ALIASES_PATH,
        "aliases.json",
        "Search aliases",
        {"table": table},
        inputs=("entities.yaml",),
    )


def _timeline(site: Site) -> Page:
    entries = intel.timeline(site)
    slugs = {a.slug for entry in entries for a in entry.articles}
    return Page(
        "/timeline/",
        "timeline.html",
        "Timeline",
        {"entries": entries},
        _crumbs(("Timeline", "/timeline/")),
        ("topics.yaml", "sources.yaml", *article_inputs(sorted(slugs))),
    )


def _topic(
    site: Site, graph: LinkGraph, topic: Topic, summary: Markup, facts: tuple[views.FactView, ...]
) -> Page:
    articles = tuple(site.articles[s] for s in graph.articles_by_topic.get(topic.id, ()))
    involved = tuple((site.entities[e], n) for e, n in graph.entities_by_topic.get(topic.id, ()))
    links = urls.Urls(site.config.base_url, site.config.base_path)
    timeline = intel.timeline(site, [topic])
    context = {
        "topic": topic,
        "summary": summary,
        "facts": facts,
        "articles": articles,
        "involved": _group_by_kind(involved),
        "related": tuple(site.topics[t] for t in graph.related_topics.get(topic.id, ())),
        "timeline": timeline,
        "quotes": views.quote_views(site, [topic]),
    }
    inputs = (
        "topics.yaml",
        "entities.yaml",
        "sources.yaml",
        *article_inputs(graph.articles_by_topic.get(topic.id, ()), body=True),
    )
    return Page(
        urls.topic_path(topic.id),
        "topic.html",
        topic.title,
        context,
        _crumbs(("Topics", "/topics/"), (topic.title, urls.topic_path(topic.id))),
        inputs,
        description=meta.plain_description(topic.summary),
        feeds=(Crumb(f"{topic.title}: new articles", meta.topic_feed_path(topic.id)),),
        json_ld=views.claims_json_ld(topic, facts, links),
    )


def _timeline_json(site: Site, topic: Topic) -> Page:
    links = urls.Urls(site.config.base_url, site.config.base_path)
    data = views.timelinejs(site, topic, intel.timeline(site, [topic]), links)
    cited = sorted({slug for event in topic.events for slug in event.cites})
    return Page(
        urls.topic_path(topic.id) + "timeline.json",
        "timeline.json",
        topic.title,
        {"data": data},
        inputs=("topics.yaml", *article_inputs(cited)),
    )


def _article(
    site: Site,
    graph: LinkGraph,
    article: Article,
    body: Markup,
    facts: Mapping[str, tuple[views.FactView, ...]],
) -> Page:
    def context() -> dict[str, Any]:
        mentioned = tuple((site.entities[e], n) for e, n in graph.mentions.get(article.slug, ()))
        source = site.sources[article.source]
        topics = tuple(site.topics[t] for t in article.topics)
        links = urls.Urls(site.config.base_url, site.config.base_path)
        return {
            "article": article,
            "body": body,
            "source": source,
            "topics": topics,
            "mentioned": _group_by_kind(mentioned),
            "citations": tuple(
                views.CitationView(site.topics[c.topic_id], facts[c.topic_id][c.fact_index])
                for c in graph.cited_by.get(article.slug, ())
            ),
            "original": site.articles.get(article.rewrite_of),
            "rewrites": tuple(site.articles[s] for s in graph.rewrites.get(article.slug, ())),
            "json_ld": meta.article_json_ld(
                article, source, topics, [entity for entity, _ in mentioned], links
            ),
        }

    related_articles = (article.rewrite_of, *graph.rewrites.get(article.slug, ()))
    inputs = (
        "topics.yaml",
        "entities.yaml",
        "sources.yaml",
        *article_inputs(filter(None, related_articles)),
        *article_inputs([article.slug], body=True),
    )
    return Page(
        urls.article_path(article.slug),
        "article.html",
        article.title,
        context,
        _crumbs(("Articles", "/articles/"), (article.title, urls.article_path(article.slug))),
        inputs,
        description=article.summary,
        og_type="article",
    )


def _entity(site: Site, graph: LinkGraph, entity: Entity) -> Page:
    slugs = graph.articles_by_entity.get(entity.id, ())

    def context() -> dict[str, Any]:
        return {
            "entity": entity,
            "kind_heading": KIND_HEADINGS[entity.kind],
            "articles": tuple(site.articles[s] for s in slugs[:ENTITY_ARTICLES_SHOWN]),
            "article_count": len(slugs),
            "topics": tuple(site.topics[t] for t in graph.topics_by_entity.get(entity.id, ())),
            "together": views.co_mentioned(site, graph, entity),
            "timeline": views.entity_timeline(site, graph, entity),
            "quotes": views.speaker_quotes(site, entity),
        }

    inputs = (
        "entities.yaml",
        "topics.yaml",
        "sources.yaml",
        *article_inputs(graph.articles_by_entity.get(entity.id, ()), body=True),
    )
    links = urls.Urls(site.config.base_url, site.config.base_path)
    feeds = (Crumb(f"Articles mentioning {entity.name}", meta.entity_feed_path(entity.id)),)
    return Page(
        urls.entity_path(entity.id),
        "entity.html",
        entity.name,
        context,
        _crumbs(("People & places", "/entities/"), (entity.name, urls.entity_path(entity.id))),
        inputs,
        description=entity.description,
        og_type="profile" if entity.kind == "person" else "website",
        feeds=feeds if slugs else (),
        json_ld=meta.entity_json_ld(entity, links),
    )


def _source(site: Site, graph: LinkGraph, source: Source) -> Page:
    articles = tuple(site.articles[s] for s in graph.articles_by_source.get(source.id, ()))
    context = {"source": source, "articles": articles}
    inputs = ("sources.yaml", *article_inputs(graph.articles_by_source.get(source.id, ())))
    return Page(
        urls.source_path(source.id),
        "source.html",
        source.name,
        context,
        _crumbs(("Sources", "/sources/"), (source.name, urls.source_path(source.id))),
        inputs,
    )


def _group_by_kind(
    entities: tuple[tuple[Entity, int], ...],
) -> tuple[tuple[str, tuple[tuple[Entity, int], ...]], ...]:
    """(heading, entities) per kind that has any: people, organisations, places."""
    groups = []
    for kind in ENTITY_KINDS:
        members = tuple(item for item in entities if item[0].kind == kind)
        if members:
            groups.append((KIND_HEADINGS[kind], members))
    return tuple(groups)
