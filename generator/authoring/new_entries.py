"""`briefing new topic|entity|source`: append one commented entry to a YAML file.

The entry is added as text at the end of the file, so the user's comments, order and
formatting stay as they were; the file with the entry is then read back and the whole
site model built from it, as `check` does, and nothing is written if that finds a problem
the content did not have before."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from generator.content.assemble import build_site
from generator.content.curation import RELIABILITY
from generator.content.load import RawContent, load_content, read_text
from generator.content.model import ENTITY_KINDS
from generator.content.slug import slugify
from generator.content.yamlpos import parse_yaml
from generator.errors import ContentError, ContentErrors, Position, did_you_mean
from generator.routes import ENTITIES_FILE, SOURCES_FILE, TOPICS_FILE

SOURCE_KINDS = ("outlet", "aggregator", "machine rewrite", "unattributed")
FILES = {"topic": TOPICS_FILE, "entity": ENTITIES_FILE, "source": SOURCES_FILE}


@dataclass(frozen=True, slots=True)
class NewEntry:
    kind: str  # topic, entity or source
    name: str  # a topic's title, an entity's or a source's name
    id: str = ""  # default: the name as a slug
    summary: str = ""  # topic
    entity_kind: str = ""  # entity: person, organisation or place
    aliases: tuple[str, ...] = ()  # entity
    country: str = ""  # entity
    description: str = ""  # entity, source
    url: str = ""  # source
    source_kind: str = "outlet"  # source
    reliability: str = "F"  # source: A-F


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    line: int  # where the entry starts
    id: str


def add_entry(content_dir: Path, entry: NewEntry) -> Written:
    """Append `entry` to its YAML file, or raise ContentErrors and write nothing."""
    path = content_dir / FILES[entry.kind]
    entry = _tidied(entry)
    before = _content(content_dir)
    entry_id = entry.id or slugify(entry.name)
    _check_options(entry, entry_id, before)
    old = read_text(path) if path.exists() else ""
    separator = "" if not old or old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")
    added = separator + _entry_text(entry, entry_id)
    _check_result(before, entry.kind, path, old + added)
    as_written = path.read_bytes().decode("utf-8") if path.exists() else ""  # BOM, CRLF kept
    newline = "\r\n" if "\r\n" in as_written else "\n"
    _write(path, as_written + added.replace("\n", newline))
    return Written(path, (old + separator).count("\n") + 1, entry_id)


def _content(content_dir: Path) -> RawContent:
    try:
        return load_content(content_dir)
    except ContentErrors as exc:  # fix the file first: an entry appended to it would not help
        raise ContentErrors(exc.errors) from None


def _check_options(entry: NewEntry, entry_id: str, raw: RawContent) -> None:
    errors: list[ContentError] = []
    if not entry.name:
        errors.append(_option("name", "the name is empty"))
    if entry_id != slugify(entry_id):
        hint = f"use --id {slugify(entry_id)}"
        errors.append(_option("--id", f"'{entry_id}' is not a valid id", hint))
    taken = _ids(raw, entry.kind)
    if entry_id in taken:
        free = next(f"{entry_id}-{n}" for n in range(2, 10_000) if f"{entry_id}-{n}" not in taken)
        article = "an" if entry.kind == "entity" else "a"
        message = f"there is already {article} {entry.kind} '{entry_id}' in {FILES[entry.kind]}"
        errors.append(_option("--id", message, f"pick another id, e.g. --id {free}"))
    if entry.kind == "entity" and entry.entity_kind not in ENTITY_KINDS:
        hint = did_you_mean(entry.entity_kind, ENTITY_KINDS) or f"one of {', '.join(ENTITY_KINDS)}"
        errors.append(_option("--kind", f"unknown entity kind '{entry.entity_kind}'", hint))
    if entry.kind == "source":
        if entry.source_kind not in SOURCE_KINDS:
            hint = did_you_mean(entry.source_kind, SOURCE_KINDS) or ", ".join(SOURCE_KINDS)
            errors.append(_option("--kind", f"unknown source kind '{entry.source_kind}'", hint))
        if entry.reliability not in RELIABILITY:
            hint = "A (completely reliable) to F (cannot be judged)"
            errors.append(_option("--reliability", f"'{entry.reliability}' is no grade", hint))
    if errors:
        raise ContentErrors(errors)


def _tidied(entry: NewEntry) -> NewEntry:
    """Names, aliases and one-line texts with their white space collapsed, as typed."""

    def tidy(text: str) -> str:
        return " ".join(text.split())

    return replace(
        entry,
        name=tidy(entry.name),
        id=entry.id.strip(),
        summary=tidy(entry.summary),
        aliases=tuple(a for a in map(tidy, entry.aliases) if a),
        country=tidy(entry.country),
        description=tidy(entry.description),
        url=entry.url.strip(),
    )


def _ids(raw: RawContent, kind: str) -> set[str]:
    doc = {"topic": raw.topics, "entity": raw.entities, "source": raw.sources}[kind]
    records = doc.data if isinstance(doc.data, list) else []
    return {str(r.get("id")) for r in records if isinstance(r, dict) and r.get("id")}


def _check_result(before: RawContent, kind: str, path: Path, text: str) -> None:
    """Build the site model with the new text, as `check` does; refuse what it adds."""
    old_errors = set(_model_errors(before))
    try:
        doc = parse_yaml(text, path)
    except ContentErrors as exc:
        raise ContentErrors(exc.errors) from None
    after = {
        "topic": replace(before, topics=doc),
        "entity": replace(before, entities=doc),
        "source": replace(before, sources=doc),
    }[kind]
    new_errors = [e for e in _model_errors(after) if e not in old_errors]
    if new_errors:
        raise ContentErrors(new_errors)


def _model_errors(raw: RawContent) -> list[ContentError]:
    try:
        build_site(raw)
    except ContentErrors as exc:
        return [e for e in exc.errors if e.severity == "error"]
    return []


def _entry_text(entry: NewEntry, entry_id: str) -> str:
    if entry.kind == "topic":
        return _topic_text(entry, entry_id)
    if entry.kind == "entity":
        return _entity_text(entry, entry_id)
    return _source_text(entry, entry_id)


def _topic_text(entry: NewEntry, entry_id: str) -> str:
    summary = entry.summary or "One paragraph on what this topic follows (Markdown)."
    return (
        f"- id: {entry_id}\n"
        f"  title: {_scalar(entry.name)}\n"
        f"  summary: {_scalar(summary)}\n"
        "  # Key facts, events and quotes each cite the articles (by slug) whose own text\n"
        "  # says them; `briefing check` checks each against those texts. For example:\n"
        "  # key_facts:\n"
        "  #   - text: What one article says, in your words.\n"
        "  #     cite: [an-article-slug]\n"
        "  # events:\n"
        "  #   - date: 2025-05-16\n"
        "  #     text: What happened that day, as the article tells it.\n"
        "  #     cite: [an-article-slug]\n"
        "  key_facts: []\n"
        "  related: []  # ids of other topics\n"
    )


def _entity_text(entry: NewEntry, entry_id: str) -> str:
    aliases = ", ".join(_scalar(alias, flow=True) for alias in entry.aliases)
    lines = [
        f"- id: {entry_id}\n",
        f"  name: {_scalar(entry.name)}\n",
        f"  kind: {entry.entity_kind}  # person, organisation or place\n",
        f"  country: {_scalar(entry.country)}\n" if entry.country else "  # country: Ukraine\n",
        f"  description: {_scalar(entry.description)}\n"
        if entry.description
        else "  # description: One line on who or what this is.\n",
        "  # other spellings in the articles, in any script; each links to this page\n",
        f"  aliases: [{aliases}]\n",
    ]
    return "".join(lines)


def _source_text(entry: NewEntry, entry_id: str) -> str:
    lines = [
        f"- id: {entry_id}\n",
        f"  name: {_scalar(entry.name)}\n",
        f"  url: {_scalar(entry.url)}\n" if entry.url else "  # url: https://…\n",
        f"  kind: {entry.source_kind}  # outlet, aggregator, machine rewrite or unattributed\n",
        f"  description: {_scalar(entry.description)}\n"
        if entry.description
        else "  # description: Who publishes it.\n",
        f"  reliability: {entry.reliability}  # Admiralty grade: A (completely reliable) to F\n",
        "  # reliability_note: Why this grade.\n",
    ]
    return "".join(lines)


def _scalar(text: str, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain when it reads back the same, else double-quoted
    (a JSON string is a YAML one)."""
    plain = " ".join(text.split())
    risky = flow and any(c in plain for c in ",[]{}")
    if plain == text and not risky and "#" not in text and ": " not in text:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a hidden temporary file (never read as content), renamed."""
    temp = path.with_name(f".{path.name}.tmp")
    try:
        temp.write_bytes(text.encode("utf-8"))
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        problem = ContentError(Position(path), f"cannot write: {exc.strerror}")
        raise ContentErrors([problem]) from None


def _option(option: str, message: str, hint: str = "") -> ContentError:
    return ContentError(Position(Path(option)), message, hint)

