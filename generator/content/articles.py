"""An article's front matter and body -> an `Article`, and the references it makes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.content.curation import CREDIBILITY, grade
from generator.content.field_rules import read_language, read_web_url, slug_hint
from generator.content.fields import FieldReader, Reference, references_to
from generator.content.load import RawArticle, RawContent
from generator.content.model import Article
from generator.content.slug import slugify
from generator.errors import ContentError, Position
from generator.routes import BadPath, site_path

MAX_ALIASES = 100  # old addresses of one article: more is a generated list gone wrong


# An article read without an error, by the record it was read from (by identity: a
# record the loader reused, its file unchanged, is the same object): what it gave.
ArticlesRead = dict[int, tuple[RawArticle, Article, tuple[Reference, ...]]]


def read_articles(
    raw: RawContent,
    errors: list[ContentError],
    references: list[Reference],
    earlier: ArticlesRead | None = None,
    kept: ArticlesRead | None = None,
) -> Iterable[Article]:
    """Each article of `raw`; one whose very record `earlier` read is taken as it was
    (reading is a function of the record alone). `kept` is filled for the next build."""
    for record in raw.articles:
        article, found, problems = _read_once(record, earlier or {})
        errors.extend(problems)
        references.extend(found)
        if kept is not None and not problems:
            kept[id(record)] = (record, article, found)
        yield article


def _read_once(
    record: RawArticle, earlier: ArticlesRead
) -> tuple[Article, tuple[Reference, ...], list[ContentError]]:
    known = earlier.get(id(record))
    if known is not None and known[0] is record:
        return known[1], known[2], []
    problems: list[ContentError] = []
    found: list[Reference] = []
    article = read_article(record, problems, found)
    return article, tuple(found), problems


def read_article(
    raw: RawArticle, errors: list[ContentError], references: list[Reference]
) -> Article:
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
        hint = slug_hint(raw.slug, "rename it to", ".md")
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
        url=read_web_url(fields, "url"),
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
        language=read_language(fields, ""),
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
