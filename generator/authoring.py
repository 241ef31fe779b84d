"""Creating content files: `briefing new article` and `briefing import`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import importer
from .entity_links import build_matcher
from .errors import ContentError, ContentErrors, Position
from .lint import find_near_copies
from .load import load_content
from .model import Article, Site, build_site
from .slug import slugify


@dataclass(frozen=True, slots=True)
class ImportOptions:
    content_dir: Path
    source: str = ""
    topics: tuple[str, ...] = ()
    date: dt.date | None = None
    title: str = ""
    slug: str = ""
    force: bool = False


def new_article(content_dir: Path, title: str, force: bool = False) -> Path:
    """A new article file with front matter from site.yaml's `defaults` and today's date."""
    defaults = _defaults(content_dir)
    path = _target(content_dir, slugify(title), force)
    front = [
        ("title", _scalar(title)),
        ("date", dt.date.today().isoformat()),
        ("source", _scalar(defaults.get("source", ""))),
        ("url", ""),
        ("topics", _flow(defaults.get("topics", []))),
        ("summary", ""),
    ]
    head = "\n".join(f"{key}: {value}" if value else f"{key}:" for key, value in front)
    path.write_text(f"---\n{head}\n---\n\nWrite the article here.\n", encoding="utf-8")
    return path


def import_article(data: bytes, origin: Path, options: ImportOptions) -> importer.ImportReport:
    """Convert plain text into content/articles/<slug>.md and collect suggestions."""
    text = importer.decode_input(data, origin)
    try:
        article = importer.parse_plain_text(text)
    except ValueError as exc:
        raise ContentErrors([ContentError(Position(origin), str(exc))]) from None
    site = build_site(load_content(options.content_dir))
    title = options.title or article.title
    path = _target(options.content_dir, options.slug or slugify(title), options.force)
    source = options.source or importer.source_for_url(article.url, site.sources.values())
    body = "\n\n".join(text for _, text in article.blocks)
    report = importer.ImportReport(path, article, source, source_by_domain=not options.source)
    report.mentions = importer.count_mentions(body, build_matcher(site.entities.values()))
    report.suggestions = importer.suggest_spellings(body, site.entities.values())
    report.near_copies = _near_copies(site, path.stem, body, options.date or dt.date.today())
    title_note = (
        ""
        if options.title or article.title_from_first_line
        else ("  # made from the first sentence: write a better one")
    )
    front = [
        ("title", _scalar(title) + title_note),
        ("date", (options.date or dt.date.today()).isoformat()),
        ("source", source),
        ("url", article.url),
        ("topics", _flow(options.topics)),
    ]
    path.write_text(importer.article_file(article, front), encoding="utf-8")
    return report


def _near_copies(site: Site, slug: str, body: str, date: dt.date) -> list[tuple[str, float]]:
    newcomer = Article(slug, "", date, "", "", (), "", "", body, 0, Position(Path()))
    articles = [a for a in site.articles.values() if a.slug != slug] + [newcomer]
    found = find_near_copies(articles)
    return [
        (other if one == slug else one, share)
        for one, other, share in found
        if slug in (one, other)
    ]


def _target(content_dir: Path, slug: str, force: bool) -> Path:
    path = content_dir / "articles" / f"{slug}.md"
    if path.exists() and not force:
        message = f"{path} already exists"
        raise ContentErrors([ContentError(Position(path), message, "pass --force to replace it")])
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _defaults(content_dir: Path) -> dict:
    try:
        site = yaml.safe_load((content_dir / "site.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    defaults = site.get("defaults") if isinstance(site, dict) else None
    return defaults if isinstance(defaults, dict) else {}


def _scalar(value: object) -> str:
    if value in ("", None):
        return ""
    return (
        yaml.safe_dump(value, allow_unicode=True, width=10**6).strip().removesuffix("...").strip()
    )


def _flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(_scalar(item) for item in items) + "]"
