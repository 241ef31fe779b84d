"""Fields that no part of Briefing reads: a misspelt 'sumary:' would otherwise be lost
without a word. Each is a warning ('did you mean ...?'); `--strict` makes it an error."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.content.fields import value_at
from generator.content.load import RawContent
from generator.content.yamlpos import KeyPath, Located
from generator.errors import ContentError, did_you_mean
from generator.routes import SITE_FILE

ARTICLE = frozenset(
    "title date date_inferred updated lastmod source url topics summary rewrite_of credibility "
    "draft aliases language".split()
)
SITE = frozenset("title description base_url language cards defaults".split())
SITE_DEFAULTS = frozenset("source topics".split())
SOURCE = frozenset("id name url kind description reliability reliability_note".split())
ENTITY = frozenset("id name kind description aliases country".split())
TOPIC = frozenset("id title summary note key_facts related events quotes".split())
KEY_FACT = frozenset("text cite credibility inferred added checked".split())
EVENT = frozenset("date approximate inferred text cite checked".split())
QUOTE = frozenset("speaker text cite context checked".split())
TOPIC_PARTS = {"key_facts": KEY_FACT, "events": EVENT, "quotes": QUOTE}


def unknown_field_warnings(raw: RawContent) -> list[ContentError]:
    warnings = list(_unknown(raw.site, (), SITE, SITE_FILE))
    warnings += _unknown(raw.site, ("defaults",), SITE_DEFAULTS, "defaults")
    for doc, allowed, what in (
        (raw.sources, SOURCE, "source"),
        (raw.entities, ENTITY, "entity"),
        (raw.topics, TOPIC, "topic"),
    ):
        for index in _indexes(doc.data):
            warnings += _unknown(doc, (index,), allowed, what)
    for index in _indexes(raw.topics.data):
        topic = raw.topics.data[index]
        for part, allowed in TOPIC_PARTS.items():
            items = topic.get(part) if isinstance(topic, dict) else None
            for item in _indexes(items):
                warnings += _unknown(raw.topics, (index, part, item), allowed, part[:-1])
    for article in raw.articles:
        warnings += _unknown(article.meta, (), ARTICLE, "front matter")
    return warnings


def _unknown(
    doc: Located, key_path: KeyPath, allowed: frozenset[str], what: str
) -> Iterable[ContentError]:
    mapping = value_at(doc.data, key_path)
    if not isinstance(mapping, Mapping):
        return
    for key in mapping:
        if isinstance(key, str) and key in allowed:
            continue
        name = str(key)
        hint = did_you_mean(name, allowed) or f"known fields: {', '.join(sorted(allowed))}"
        yield ContentError(
            doc.at(*key_path, name),
            f"unknown field '{name}' in {what}: Briefing does not read it",
            hint,
            severity="warning",
        )


def _indexes(data: object) -> range:
    return range(len(data)) if isinstance(data, list) else range(0)
