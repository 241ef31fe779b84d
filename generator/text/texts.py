"""The text stage: every piece of Markdown in the site rendered once, before any page
is made: article bodies (with their entity mentions and links), topic summaries and
key facts, and the plain-text descriptions made from them. With `beside`, a forked
process renders half the bodies while this one renders the other half (each body on its
own, so the same HTML whichever process renders it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator import forked
from generator.content.model import Site
from generator.text.images import Resolver, is_local
from generator.text.markdown import Markdown
from generator.text.rendered import MarkdownResult

DESCRIPTION_LENGTH = 200
BESIDE_BODIES = 200  # fewer bodies to render than this: forking costs more than it saves


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
    beside: bool = False,
) -> Texts:
    """`earlier` holds (text, result) of bodies rendered by the same `markdown` in an
    earlier build, by slug; a body is rendered again only when its text differs, or when
    it shows local images (their files may have changed). `images`: each article's.
    `beside`: half the bodies may be rendered in a forked process meanwhile."""
    bodies: dict[str, MarkdownResult] = {}
    todo = []
    for slug, article in site.articles.items():
        hit = earlier.get(slug)
        if hit and hit[0] == article.body and not any(is_local(i[0]) for i in hit[1].images):
            bodies[slug] = hit[1]
        else:
            todo.append(slug)

    def render(slugs: Sequence[str]) -> list[MarkdownResult]:
        return [
            markdown.render(site.articles[slug].body, images=images.get(slug) if images else None)
            for slug in slugs
        ]

    rendered = _halves(render, todo, beside and len(todo) >= BESIDE_BODIES)
    bodies.update(zip(todo, rendered, strict=True))
    bodies = {slug: bodies[slug] for slug in site.articles}  # in the site's order
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


def _halves(
    render: Callable[[Sequence[str]], list[MarkdownResult]], slugs: list[str], beside: bool
) -> list[MarkdownResult]:
    """`render(slugs)`, the second half in a forked process when `beside`. A half the
    fork did not hand back (it failed) is rendered here, so its error is raised here."""
    middle = len(slugs) // 2 if beside else len(slugs)
    later = forked.soon(render, slugs[middle:], background=beside)
    first = render(slugs[:middle])
    try:
        return first + later()
    except EOFError:
        return first + render(slugs[middle:])


def plain_line(html: Markup) -> str:
    """Rendered text as one tag-free line of at most ~200 characters."""
    text = html.striptags()
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
