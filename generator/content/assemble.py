"""Raw records -> a validated, cross-referenced `Site`: every record read, every id unique,
every reference resolved, no rewrite a rewrite of itself; all errors at once."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TypeVar

from generator.content.articles import ArticlesRead, read_article, read_articles
from generator.content.fields import Reference, rewrite_loops
from generator.content.load import RawArticle, RawContent
from generator.content.model import Article, Entity, Site, Source, Topic
from generator.content.yaml_records import (
    check_aliases,
    read_config,
    read_entities,
    read_sources,
    read_topics,
)
from generator.errors import ContentError, ContentErrors, Position, did_you_mean
from generator.settings import BASE_URL_ENV


def build_site(
    raw: RawContent,
    base_url_override: str | None = None,
    earlier: ArticlesRead | None = None,
    kept: ArticlesRead | None = None,
) -> Site:
    """Validate every record and resolve every reference; raise all errors at once.
    Articles read before from the same records are taken from `earlier`; `kept` is
    filled with this build's, for the next."""
    site, errors = assemble_site(raw, base_url_override, earlier, kept)
    if errors:
        raise ContentErrors(errors)
    return site


def assemble_site(
    raw: RawContent,
    base_url_override: str | None = None,
    earlier: ArticlesRead | None = None,
    kept: ArticlesRead | None = None,
) -> tuple[Site, list[ContentError]]:
    """The Site as far as it can be built, and every error found on the way. A record
    with an error may have blank fields: only build_site's result is fit to publish."""
    errors: list[ContentError] = []
    config = read_config(raw, errors, base_url_override or os.environ.get(BASE_URL_ENV))
    sources = _unique(read_sources(raw, errors), "source", errors)
    entity_list = list(read_entities(raw, errors))
    entities = _unique(entity_list, "entity", errors)
    check_aliases(entity_list, raw.entities, errors)
    references: list[Reference] = []
    topics = _unique(read_topics(raw, errors, references), "topic", errors)
    read = read_articles(raw, errors, references, earlier, kept)
    articles = {article.slug: article for article in read}
    known: dict[str, Mapping[str, object]] = {
        "source": sources,
        "entity": entities,
        "topic": topics,
        "article": articles,
    }
    _check_references(references, known, errors)
    _check_rewrite_cycles(articles, raw, errors)
    ordered = sorted(articles.values(), key=lambda a: (-a.date.toordinal(), a.slug))
    return Site(config, sources, entities, topics, {a.slug: a for a in ordered}), errors


def check_article(raw: RawArticle, site: Site) -> list[ContentError]:
    """The errors `check` would report for this one article added to `site`."""
    errors: list[ContentError] = []
    references: list[Reference] = []
    read_article(raw, errors, references)
    _check_references(references, _known(site), errors)
    return errors


def check_ids(site: Site, kind: str, ids: Iterable[str], position: Position) -> list[ContentError]:
    """Errors (with "did you mean") for ids given elsewhere, say on the command line."""
    errors: list[ContentError] = []
    _check_references([Reference(kind, i, position) for i in ids], _known(site), errors)
    return errors


def _known(site: Site) -> dict[str, Mapping[str, object]]:
    return {
        "source": site.sources,
        "entity": site.entities,
        "topic": site.topics,
        "article": site.articles,
    }


def _check_rewrite_cycles(
    articles: Mapping[str, Article], raw: RawContent, errors: list[ContentError]
) -> None:
    """A rewrite of a rewrite of itself has no original."""
    meta = {article.slug: article.meta for article in raw.articles}
    for loop in rewrite_loops({slug: a.rewrite_of for slug, a in articles.items()}):
        message = "circular rewrite_of: " + " -> ".join([*loop, loop[0]])
        hint = "one of them must be the original: remove its 'rewrite_of'"
        errors.append(ContentError(meta[loop[0]].at("rewrite_of"), message, hint))


Record = TypeVar("Record", Source, Entity, Topic)


def _unique(records: Iterable[Record], what: str, errors: list[ContentError]) -> dict[str, Record]:
    by_id: dict[str, Record] = {}
    for record in records:
        if not record.id:
            continue
        if record.id in by_id:
            first = by_id[record.id].position
            errors.append(
                ContentError(
                    record.position,
                    f"duplicate {what} id '{record.id}'",
                    f"first defined at {first}",
                )
            )
        else:
            by_id[record.id] = record
    return by_id


def _check_references(
    references: list[Reference],
    known: Mapping[str, Mapping[str, object]],
    errors: list[ContentError],
) -> None:
    for reference in references:
        ids = known[reference.kind]
        if reference.id and reference.id not in ids:
            message = f"unknown {reference.kind} '{reference.id}'"
            errors.append(
                ContentError(reference.position, message, did_you_mean(reference.id, ids))
            )
