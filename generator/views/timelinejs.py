"""A topic's timeline as a TimelineJS document: its events with their dates, labels and
the articles that report them, plain text escaped (TimelineJS shows it as HTML)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from generator.content.model import Article, Topic
from generator.routes import Routes
from generator.views.evidence import Label
from generator.views.items import TimelineItem


def timelinejs(topic: Topic, items: Iterable[TimelineItem], routes: Routes) -> dict[str, Any]:
    """A TimelineJS document (https://timeline.knightlab.com/docs/json-format.html).
    TimelineJS shows headline and text as HTML, so plain text is escaped."""
    return {
        "title": {"text": {"headline": _html(topic.title), "text": _html(topic.summary)}},
        "events": [
            {
                "start_date": {
                    **item.event.date.timelinejs(),
                    "display_date": _display_date(item),
                },
                "text": {
                    "headline": _html(item.event.text),
                    "text": _labels_html(item.claim.labels)
                    + "Reported by: "
                    + "; ".join(_link(c.article, routes) for c in item.cites),
                },
            }
            for item in items
        ],
    }


def _display_date(item: TimelineItem) -> str:
    label = item.event.date.label()
    inferred = next((x.text for x in item.claim.labels if x.kind == "inferred"), "")
    return f"{label} ({inferred})" if inferred else label


def _labels_html(labels: Iterable[Label]) -> str:
    """'<p><strong>Unconfirmed: only reported by X.</strong></p>' for each label but the
    date's (shown with the date)."""
    said = [label.title for label in labels if label.kind != "inferred"]
    return "".join(f"<p><strong>{_html(text)}.</strong></p>" for text in said)


def _html(text: str) -> str:
    return str(Markup.escape(text))


def _link(article: Article, routes: Routes) -> str:
    href = routes.absolute(routes.article(article.slug))
    return f'<a href="{Markup.escape(href)}">{Markup.escape(article.title)}</a>'
