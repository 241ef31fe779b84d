"""site.yaml, sources.yaml, entities.yaml and topics.yaml -> `Config`, `Source`, `Entity`
and `Topic` records, and the references they make."""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.curation import (
    RELIABILITY,
    grade,
    read_events,
    read_key_facts,
    read_quotes,
)
from generator.content.field_rules import read_id, read_language, read_web_url
from generator.content.fields import FieldReader, Reference, references_to, top_level_list
from generator.content.load import RawContent
from generator.content.model import CARD_CHOICES, ENTITY_KINDS, Config, Entity, Source, Topic
from generator.content.yamlpos import Located
from generator.errors import ContentError, Position, did_you_mean
from generator.routes import SITE_FILE, split_url

MAX_NAME = 200  # characters in an entity's name or alias: longer is a paste gone wrong


def read_config(
    raw: RawContent, errors: list[ContentError], base_url_override: str | None
) -> Config:
    fields = FieldReader(raw.site, (), errors, SITE_FILE)
    base_url = (base_url_override or fields.text("base_url", required=False) or "/").strip()
    if base_url.startswith("/") or split_url(base_url).scheme in ("http", "https"):
        base_url = base_url if base_url.endswith("/") else base_url + "/"
    else:
        fields.error(("base_url",), f"base_url {base_url!r} must start with https:// or /")
    return Config(
        title=fields.text("title"),
        description=fields.text("description", required=False),
        base_url=base_url,
        language=read_language(fields),
        cards=_card_choice(fields),
    )


def _card_choice(fields: FieldReader) -> str:
    """Each page its own social card ('page', the default) or every page the site's one."""
    value = fields.text("cards", required=False) or CARD_CHOICES[0]
    if value not in CARD_CHOICES:
        fields.error(
            ("cards",),
            f"unknown cards setting '{value}'",
            did_you_mean(value, CARD_CHOICES) or f"use one of {', '.join(CARD_CHOICES)}",
        )
        return CARD_CHOICES[0]
    return value


def read_sources(raw: RawContent, errors: list[ContentError]) -> Iterable[Source]:
    for index in top_level_list(raw.sources, errors, "source"):
        fields = FieldReader(raw.sources, (index,), errors, "source")
        yield Source(
            id=read_id(fields),
            name=fields.text("name"),
            url=read_web_url(fields, "url"),
            kind=fields.text("kind"),
            description=fields.text("description", required=False),
            position=fields.at(),
            reliability=grade(fields, "reliability", RELIABILITY),
            reliability_note=fields.text("reliability_note", required=False),
        )


def read_entities(raw: RawContent, errors: list[ContentError]) -> Iterable[Entity]:
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
            id=read_id(fields),
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


def read_topics(
    raw: RawContent, errors: list[ContentError], references: list[Reference]
) -> Iterable[Topic]:
    for index in top_level_list(raw.topics, errors, "topic"):
        fields = FieldReader(raw.topics, (index,), errors, "topic")
        topic_id = read_id(fields)
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


def check_aliases(entities: list[Entity], doc: Located, errors: list[ContentError]) -> None:
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
