"""Raw records -> a validated, cross-referenced Site made of frozen dataclasses."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from generator.content.curation import (
    CREDIBILITY,
    RELIABILITY,
    Event,
    KeyFact,
    Quote,
    grade,
    read_events,
    read_key_facts,
    read_quotes,
)
from generator.content.fields import (
    FieldReader,
    Reference,
    references_to,
    rewrite_loops,
    top_level_list,
)
from generator.content.load import RawArticle, RawContent
from generator.content.slug import slugify
from generator.content.yamlpos import Located
from generator.errors import ContentError, ContentErrors, Position, did_you_mean
from generator.routes import BadPath, site_path, split_url
from generator.settings import BASE_URL_ENV

ENTITY_KINDS = ("person", "organisation", "place")
MAX_ALIASES = 100  # old addresses of one article: more is a generated list gone wrong
MAX_NAME = 200  # characters in an entity's name or alias: longer is a paste gone wrong
# A BCP 47 language tag: language, then optional script, region and variants ("en", "pt-BR").
LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Config:
    title: str
    description: str
    base_url: str  # absolute, ends with '/'
    language: str

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: '/' or '/repo/'."""
        path = split_url(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    url: str
    kind: str
    description: str
    position: Position
    reliability: str = ""  # Admiralty grade A-F
    reliability_note: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    description: str
    aliases: tuple[str, ...]
    position: Position
    country: str = ""


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    summary: str
    key_facts: tuple[KeyFact, ...]
    related: tuple[str, ...]
    position: Position
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # the editor's word on the reports themselves (who carries what): shown under the
    # summary, and not checked against them as the summary is
    note: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    date: dt.date
    source: str
    url: str
    topics: tuple[str, ...]
    summary: str
    rewrite_of: str
    body: str
    body_line: int
    position: Position
    credibility: str = ""  # Admiralty grade 1-6
    date_inferred: bool = False  # the text gave no date: it was supplied, and the page says so
    draft: bool = False  # left out of `build` unless --drafts; the preview shows it
    scheduled: bool = False  # dated after the build's day, and shown (--future, the preview)
    language: str = ""  # its own language tag ('language:'), if not the site's
    updated: dt.date | None = None  # last corrected or updated ('updated:' or 'lastmod:')
    aliases: tuple[str, ...] = ()  # old site paths ('/old/path/') that redirect here
    alias_positions: tuple[Position, ...] = ()  # where each alias is written

    @property
    def modified(self) -> dt.date:
        return self.updated or self.date


@dataclass(frozen=True, slots=True)
class Site:
    config: Config
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    topics: Mapping[str, Topic]
    articles: Mapping[str, Article]  # newest first, then by slug


def build_site(raw: RawContent, base_url_override: str | None = None) -> Site:
    """Validate every record and resolve every reference; raise all errors at once."""
    site, errors = assemble_site(raw, base_url_override)
    if errors:
        raise ContentErrors(errors)
    return site


def assemble_site(
    raw: RawContent, base_url_override: str | None = None
) -> tuple[Site, list[ContentError]]:
    """The Site as far as it can be built, and every error found on the way. A record
    with an error may have blank fields: only build_site's result is fit to publish."""
    errors: list[ContentError] = []
    config = _config(raw, errors, base_url_override or os.environ.get(BASE_URL_ENV))
    sources = _unique(_sources(raw, errors), "source", errors)
    entity_list = list(_entities(raw, errors))
    entities = _unique(entity_list, "entity", errors)
    _check_aliases(entity_list, raw.entities, errors)
    references: list[Reference] = []
    topics = _unique(_topics(raw, errors, references), "topic", errors)
    articles = {article.slug: article for article in _articles(raw, errors, references)}
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
    _article(raw, errors, references)
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


def _config(raw: RawContent, errors: list[ContentError], base_url_override: str | None) -> Config:
    fields = FieldReader(raw.site, (), errors, "site.yaml")
    base_url = (base_url_override or fields.text("base_url", required=False) or "/").strip()
    if base_url.startswith("/") or split_url(base_url).scheme in ("http", "https"):
        base_url = base_url if base_url.endswith("/") else base_url + "/"
    else:
        fields.error(("base_url",), f"base_url {base_url!r} must start with https:// or /")
    return Config(
        title=fields.text("title"),
        description=fields.text("description", required=False),
        base_url=base_url,
        language=_language(fields),
    )


def _language(fields: FieldReader, default: str = "en") -> str:
    """It names the search index's stemmer and the interface's strings, so it must be a
    real tag."""
    value = fields.text("language", required=False) or default
    if value and not LANGUAGE_TAG.fullmatch(value):
        fields.error(
            ("language",),
            f"language {value!r} is not a language tag",
            "use a BCP 47 tag such as 'en', 'uk' or 'pt-BR'",
        )
        return default
    return value


def _sources(raw: RawContent, errors: list[ContentError]) -> Iterable[Source]:
    for index in top_level_list(raw.sources, errors, "source"):
        fields = FieldReader(raw.sources, (index,), errors, "source")
        yield Source(
            id=_id(fields),
            name=fields.text("name"),
            url=_web_url(fields, "url"),
            kind=fields.text("kind"),
            description=fields.text("description", required=False),
            position=fields.at(),
            reliability=grade(fields, "reliability", RELIABILITY),
            reliability_note=fields.text("reliability_note", required=False),
        )


def _entities(raw: RawContent, errors: list[ContentError]) -> Iterable[Entity]:
    for index in top_level_list(raw.entities, errors, "entity"):
        fields = FieldReader(raw.entities, (index,), errors, "entity")
        kind = fields.text("kind")
        if kind and kind not in ENTITY_KINDS:
            fields.error(
                ("kind",),
                f"unknown entity kind '{kind}'",
                did_you_mean(kind, ENTITY_KINDS) or f"use one of {', '.join(ENTITY_KINDS)}",
            )
        name, aliases = fields.text("name"), fields.text_list("aliases")
        _check_name_length(fields, ("name",), name)
        for index, alias in enumerate(aliases):
            _check_name_length(fields, ("aliases", index), alias)
        yield Entity(
            id=_id(fields),
            name=name,
            kind=kind,
            description=fields.text("description", required=False),
            aliases=aliases,
            position=fields.at(),
            country=fields.text("country", required=False),
        )


def _check_name_length(fields: FieldReader, keys: tuple[str | int, ...], name: str) -> None:
    if len(name) > MAX_NAME:
        fields.error(keys, f"a name of {len(name):,} characters is too long (at most {MAX_NAME})")


def _topics(
    raw: RawContent, errors: list[ContentError], references: list[Reference]
) -> Iterable[Topic]:
    for index in top_level_list(raw.topics, errors, "topic"):
        fields = FieldReader(raw.topics, (index,), errors, "topic")
        topic_id = _id(fields)
        related = fields.text_list("related")
        references.extend(references_to("topic", related, fields, "related"))
        if topic_id in related:
            fields.error(
                ("related", related.index(topic_id)), f"topic '{topic_id}' is related to itself"
            )
        yield Topic(
            id=topic_id,
            title=fields.text("title"),
            summary=fields.text("summary"),
            key_facts=read_key_facts(fields, references),
            related=related,
            position=fields.at(),
            events=read_events(fields, references),
            quotes=read_quotes(fields, references),
            note=fields.text("note", required=False),
        )


def _web_url(fields: FieldReader, name: str) -> str:
    """An optional link to the outside web: only http(s), so no javascript: reaches a page."""
    value = fields.text(name, required=False)
    parts = split_url(value)
    if value and (parts.scheme not in ("http", "https") or not parts.netloc):
        fields.error((name,), f"'{name}' must be a web address starting with https:// or http://")
        return ""
    return value


def _id(fields: FieldReader) -> str:
    """A record's id: it becomes part of a URL, so it must already be a slug."""
    value = fields.text("id")
    if value and value != slugify(value):
        fields.error(("id",), f"id '{value}' is not a valid slug", _slug_hint(value, "use"))
    return value


def _slug_hint(value: str, verb: str, suffix: str = "") -> str:
    """'use 'köln'', unless the slug looks the same: then say what differs."""
    slug = slugify(value)
    if unicodedata.normalize("NFC", value) == slug:
        return (
            "it is written with decomposed accents (Unicode NFD), which look the same: "
            "retype it, or save the file with composed characters (NFC)"
        )
    return f"{verb} '{slug}{suffix}'"


def _check_aliases(entities: list[Entity], doc: Located, errors: list[ContentError]) -> None:
    """A name or alias may belong to one entity only, or mentions would be ambiguous.
    `entities` are in file order, one per record of entities.yaml."""
    owners: dict[str, tuple[str, Position]] = {}
    for index, entity in enumerate(entities):
        names = [(entity.name, doc.at(index, "name"))]
        names += [(alias, doc.at(index, "aliases", i)) for i, alias in enumerate(entity.aliases)]
        for name, position in names:
            owner_id, first = owners.setdefault(name, (entity.id, position))
            if name and owner_id != entity.id:
                message = f"'{name}' names two entities: '{owner_id}' and '{entity.id}'"
                errors.append(ContentError(position, message, f"first claimed at {first}"))


def _articles(
    raw: RawContent, errors: list[ContentError], references: list[Reference]
) -> Iterable[Article]:
    for article in raw.articles:
        yield _article(article, errors, references)


def _article(raw: RawArticle, errors: list[ContentError], references: list[Reference]) -> Article:
    fields = FieldReader(raw.meta, (), errors, "front matter")
    source = fields.text("source")
    topics = fields.text_list("topics")
    rewrite_of = fields.text("rewrite_of", required=False)
    references.append(Reference("source", source, fields.at("source")))
    references.extend(references_to("topic", topics, fields, "topics"))
    references.append(Reference("article", rewrite_of, fields.at("rewrite_of")))
    if rewrite_of == raw.slug:
        fields.error(("rewrite_of",), "an article cannot be a rewrite of itself")
    if raw.slug != slugify(raw.slug):
        message = f"file name '{raw.slug}.md' is not a valid slug"
        hint = _slug_hint(raw.slug, "rename it to", ".md")
        errors.append(ContentError(Position(raw.meta.path, 1), message, hint))
    if not raw.body.strip():
        errors.append(
            ContentError(Position(raw.meta.path, raw.body_line), "the article has no text")
        )
    aliases, alias_positions = _aliases(fields)
    return Article(
        slug=raw.slug,
        title=fields.text("title"),
        date=fields.date("date"),
        source=source,
        url=_web_url(fields, "url"),
        topics=topics,
        summary=fields.text("summary", required=False),
        rewrite_of=rewrite_of,
        credibility=grade(fields, "credibility", CREDIBILITY),
        date_inferred=_flag(fields, "date_inferred"),
        body=raw.body,
        body_line=raw.body_line,
        position=Position(raw.meta.path, 1),
        draft=_flag(fields, "draft"),
        updated=_updated(fields),
        aliases=aliases,
        alias_positions=alias_positions,
        language=_language(fields, ""),
    )


def _flag(fields: FieldReader, name: str) -> bool:
    value = fields.mapping.get(name)
    if value is None or isinstance(value, bool):
        return bool(value)
    fields.error((name,), f"'{name}' must be true or false, not {value!r}")
    return False


def _updated(fields: FieldReader) -> dt.date | None:
    """'updated:', or 'lastmod:' as Hugo calls it; never before the article's date."""
    names = [name for name in ("updated", "lastmod") if fields.mapping.get(name) is not None]
    if not names:
        return None
    if len(names) > 1:
        fields.error(("lastmod",), "'updated' and 'lastmod' are the same field", "keep one")
    updated = fields.date(names[0])
    published = fields.mapping.get("date")
    if updated != dt.date.min and str(published or "") > updated.isoformat():
        fields.error((names[0],), f"'{names[0]}' is before the article's date")
    return None if updated == dt.date.min else updated


def _aliases(fields: FieldReader) -> tuple[tuple[str, ...], tuple[Position, ...]]:
    """Old addresses of the article as site paths ('/2025/old-name/', '/old.html'),
    each checked by routes.site_path, and where each is written."""
    paths, positions = [], []
    listed = fields.text_list("aliases")
    if len(listed) > MAX_ALIASES:
        fields.error(("aliases",), f"{len(listed):,} aliases, over {MAX_ALIASES:,} for one article")
        return (), ()
    for index, alias in enumerate(listed):
        try:
            paths.append(site_path(alias))
        except BadPath as bad:
            fields.error(("aliases", index), str(bad), bad.hint)
            continue
        positions.append(fields.at("aliases", index))
    return tuple(paths), tuple(positions)


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
