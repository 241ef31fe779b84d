"""Fields that no part of Briefing reads: a misspelt 'sumary:' would otherwise be lost
without a word. Each is a warning ('did you mean ...?'); `--strict` makes it an error.
So is a field indented into the text above it ('note: >-' then '    key_facts:'): valid
YAML, read as more of that text, and the facts under it lost."""

from __future__ import annotations

import re
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
# a field that takes a list, then its list: in a text, a field indented into it
LIST_FIELDS = ("key_facts", "events", "quotes", "cite", "topics", "aliases", "related")
SWALLOWED = re.compile(rf"(?:^|\s)({'|'.join(LIST_FIELDS)}):\s*(?:-\s|\[)")


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
    for doc in (raw.site, raw.sources, raw.entities, raw.topics):
        warnings += _swallowed(doc, (), doc.data)
    for article in raw.articles:
        warnings += _swallowed(article.meta, (), article.meta.data)
    return warnings


def _swallowed(doc: Located, key_path: KeyPath, value: object) -> Iterable[ContentError]:
    """Each text value that holds a list field and its list, at the text."""
    if isinstance(value, str):
        found = SWALLOWED.search(value)
        if found and key_path:
            name = found.group(1)
            yield ContentError(
                doc.at(*key_path),
                f"the text of '{key_path[-1]}' holds '{name}:' and a list: is '{name}' "
                "indented into it?",
                f"indent '{name}:' as the other fields of its record; it is read as text now",
                severity="warning",
            )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _swallowed(doc, (*key_path, key), item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _swallowed(doc, (*key_path, index), item)


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
