"""A topic's key facts, events and quotes as data: CSV for spreadsheets, JSON for code.
Each row carries its citations (title, page, original URL, source, Admiralty grade) and
how many independent sources support it, as the topic page shows them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from generator.content.model import Site, Topic
from generator.pages.kept import PageMaker
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import items as views
from generator.views.evidence import ClaimView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "kind",
    "number",
    "date",
    "text",
    "speaker",
    "context",
    "credibility",
    "date_inferred",
    "labels",
    "checked",
    "support",
    "independent_sources",
    "sources",
    "derivative_sources",
    "citations",
    "citation_pages",
    "citation_originals",
    "citation_grades",
)


EXPORT_TEMPLATE = "export.txt"  # one for both formats: the data comes made


def export_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    pages = []
    for topic in site.topics.values():
        pages.append(_page(topic, routes.topic_export_csv(topic.id), EXPORT_TEMPLATE, _csv))
        pages.append(_page(topic, routes.topic_export_json(topic.id), EXPORT_TEMPLATE, _json))
    return pages


def _page(topic: Topic, path: str, template: str, make: Any) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        return {"data": make(topic_records(reader, reader.topic(topic.id)))}

    return Page(path, template, f"{topic.title}: key facts, events and quotes", context)


def _citation(card: views.ArticleCard, routes: Routes) -> dict[str, str]:
    return {
        "title": card.article.title,
        "date": card.article.date.isoformat(),
        "page": routes.absolute(routes.article(card.article.slug)),
        "original_url": card.article.url,
        "source": card.source.name,
        "grade": card.grade.code,
    }


def _support(claim: ClaimView) -> dict[str, Any]:
    """Who stands behind the claim, and its labels ("date inferred", "Unconfirmed"...):
    an export never shows a claim looking checked when the page does not."""
    corroboration = claim.corroboration
    return {
        "date_inferred": claim.claim.inferred,
        "labels": [label.text for label in claim.labels],
        "checked": _checked(claim),
        "support": corroboration.status,
        "support_label": corroboration.label,
        "independent_sources": corroboration.count,
        "sources": [source.name for source, _ in corroboration.outlets],
        "derivative_sources": [source.name for source, _ in corroboration.derivatives],
    }


def _checked(claim: ClaimView) -> dict[str, str] | None:
    """The warning the editor acknowledged (`checked:`), and why."""
    checked = claim.claim.checked
    return None if checked is None else {"warning": checked.warning, "reason": checked.reason}


def topic_records(reader: Reader, topic: Topic) -> dict[str, Any]:
    """The topic's facts, events and quotes as plain data, in page order."""
    routes = reader.routes
    facts = [
        {
            "number": index + 1,
            "text": fact.text.striptags(),
            "added": _iso(topic.key_facts[index].added),
            "credibility": fact.credibility,
            "anchor": routes.absolute(routes.topic(topic.id)) + "#" + fact.anchor,
            **_support(fact.claim),
            "citations": [_citation(card, routes) for card in fact.cites],
        }
        for index, fact in enumerate(views.fact_views(reader, topic))
    ]
    events = [
        {
            "number": index + 1,
            "date": item.event.date.iso(),
            "date_label": item.event.date.label(),
            "text": item.event.text,
            **_support(item.claim),
            "citations": [_citation(card, routes) for card in item.cites],
        }
        for index, item in enumerate(views.timeline(reader, [topic]))
    ]
    quotes = [
        {
            "number": index + 1,
            "speaker": view.speaker.name,
            "text": view.quote.text,
            "context": view.quote.context,
            **_support(view.claim),
            "citations": [_citation(card, routes) for card in view.cites],
        }
        for index, view in enumerate(views.quote_views(reader, [topic]))
    ]
    return {
        "topic": {
            "id": topic.id,
            "title": topic.title,
            "page": routes.absolute(routes.topic(topic.id)),
        },
        "key_facts": facts,
        "events": events,
        "quotes": quotes,
    }


def _iso(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def _json(records: dict[str, Any]) -> Markup:
    return Markup(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def _csv(records: dict[str, Any]) -> Markup:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for kind, key in (("fact", "key_facts"), ("event", "events"), ("quote", "quotes")):
        for record in records[key]:
            writer.writerow(_csv_row(kind, record))
    return Markup(out.getvalue())


def _csv_row(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    cites: Iterable[dict[str, str]] = record["citations"]
    row = {
        "kind": kind,
        "number": record["number"],
        "date": record.get("date") or record.get("added", ""),
        "text": record["text"],
        "speaker": record.get("speaker", ""),
        "context": record.get("context", ""),
        "credibility": record.get("credibility", ""),
        "date_inferred": "yes" if record["date_inferred"] else "",
        "labels": "; ".join(record["labels"]),
        "checked": "{warning}: {reason}".format(**record["checked"]) if record["checked"] else "",
        "support": record.get("support", ""),
        "independent_sources": record.get("independent_sources", ""),
        "sources": "; ".join(record.get("sources", ())),
        "derivative_sources": "; ".join(record.get("derivative_sources", ())),
        "citations": "; ".join(c["title"] for c in cites),
        "citation_pages": " ".join(c["page"] for c in cites),
        "citation_originals": " ".join(c["original_url"] or "-" for c in cites),
        "citation_grades": " ".join(c["grade"] for c in cites),
    }
    return {name: _inert(value) for name, value in row.items()}


def _inert(value: Any) -> Any:
    """Text a spreadsheet would run as a formula is quoted (OWASP's CSV injection advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
