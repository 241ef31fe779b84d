"""A page for each topic: its claims with their evidence, its articles, who is involved; and
its timeline as TimelineJS data."""

from __future__ import annotations

from typing import Any

from generator.content.model import Site, Topic
from generator.i18n import Strings, strings_for
from generator.pages import whatsnew
from generator.pages.crumbs import crumbs
from generator.pages.jsonld import claims_json_ld
from generator.pages.kept import PageMaker
from generator.pages.page import Crumb, Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import entity_graph, entity_lists, toc
from generator.views import evidence as evidence_views
from generator.views import items as views
from generator.views.timelinejs import timelinejs


def topic_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    t, made = strings_for(site.config.language), made or PageMaker()
    pages, timelines = [], []
    for topic in site.topics.values():
        description = texts.descriptions[topic.id]
        key = ("topic", topic.id, topic.title, description)
        pages.append(made.page(key, _topic, topic, description, routes, t))
        timeline = ("timeline", topic.id, topic.title)
        timelines.append(made.page(timeline, _timeline_json, topic, routes))
    return pages + timelines


def _topic(topic: Topic, description: str, routes: Routes, t: Strings) -> Page:
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
        crumbs(t, routes, (t("nav.topics"), routes.topics), (topic.title, path)),
        description=description,
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
        return {"data": timelinejs(topic_now, views.timeline(reader, [topic_now]), routes)}

    return Page(routes.topic_timeline_json(topic.id), "timeline.json", topic.title, context)
