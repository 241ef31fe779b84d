"""The text stage: every piece of Markdown in the site rendered once, before any page
is made: article bodies (with their entity mentions and links), topic summaries and
key facts, and the plain-text descriptions made from them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.model import Site
from generator.text.images import Resolver, is_local
from generator.text.markdown import Markdown
from generator.text.rendered import MarkdownResult

DESCRIPTION_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Texts:
    bodies: Mapping[str, MarkdownResult]  # article slug -> its text, rendered
    summaries: Mapping[str, Markup]  # topic id -> its summary, rendered
    descriptions: Mapping[str, str]  # topic id -> its summary as one plain line
    facts: Mapping[tuple[str, int], Markup]  # (topic id, fact index) -> the fact, rendered inline


def render_texts(
    site: Site,
    markdown: Markdown,
    earlier: Mapping[str, tuple[str, MarkdownResult]],
    images: Mapping[str, Resolver] | None = None,
) -> Texts:
    """`earlier` holds (text, result) of bodies rendered by the same `markdown` in an
    earlier build, by slug; a body is rendered again only when its text differs, or when
    it shows local images (their files may have changed). `images`: each article's."""
    bodies = {}
    for slug, article in site.articles.items():
        hit = earlier.get(slug)
        if hit and hit[0] == article.body and not any(is_local(i[0]) for i in hit[1].images):
            bodies[slug] = hit[1]
        else:
            resolver = images.get(slug) if images else None
            bodies[slug] = markdown.render(article.body, images=resolver)
    summaries = {
        topic.id: markdown.render(topic.summary, link_entities=False).html
        for topic in site.topics.values()
    }
    return Texts(
        bodies=bodies,
        summaries=summaries,
        descriptions={topic_id: plain_line(html) for topic_id, html in summaries.items()},
        facts={
            (topic.id, index): markdown.render_inline(fact.text)
            for topic in site.topics.values()
            for index, fact in enumerate(topic.key_facts)
        },
    )


def plain_line(html: Markup) -> str:
    """Rendered text as one tag-free line of at most ~200 characters."""
    text = html.striptags()
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
