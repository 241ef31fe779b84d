"""`briefing new article`: a draft article file, its front matter from the options or
site.yaml's `defaults`, checked like an import before it is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from generator.authoring.article_file import front_matter
from generator.authoring.content_folder import write_whole
from generator.authoring.imports import Importer, ImportOptions
from generator.authoring.plain_text import clean_text
from generator.authoring.problems import option_error
from generator.content.assemble import check_ids
from generator.content.slug import slugify
from generator.errors import ContentError, ContentErrors, Position
from generator.routes import ARTICLES_FOLDER, SITE_FILE


def new_article(
    content_dir: Path,
    title: str,
    force: bool = False,
    source: str = "",
    topics: Sequence[str] = (),
    date: dt.date | None = None,
) -> Path:
    """A new article file: front matter from the options, else site.yaml's `defaults`,
    and today's date; checked like an import before it is written."""
    run = Importer(ImportOptions(content_dir))
    defaults = run.site_yaml.get("defaults")
    defaults = defaults if isinstance(defaults, dict) else {}
    source = source or str(defaults.get("source", "") or "")
    default_topics = defaults.get("topics") or []
    if not isinstance(default_topics, list):
        default_topics = [default_topics]
    topics = tuple(topics) or tuple(str(t) for t in default_topics)
    title = clean_text(title).strip()
    errors = check_ids(run.site, "source", [source], Position(Path("--source")))
    errors += check_ids(run.site, "topic", topics, Position(Path("--topic")))
    if not source:
        known = ", ".join(sorted(run.site.sources))
        message = "an article needs a source"
        hint = f"pass --source ID or set defaults: source: in {SITE_FILE}; known sources: {known}"
        errors.append(option_error("--source", message, hint))
    if not topics and run.site.topics:
        known = ", ".join(sorted(run.site.topics))
        message = "the new article needs a topic"
        hint = f"pass --topic ID or set defaults: topics: in {SITE_FILE}; known topics: {known}"
        errors.append(option_error("--topic", message, hint))
    if not title or "\n" in title:
        errors.append(option_error("title", "the title must be one non-empty line"))
    if errors:
        raise ContentErrors(errors)
    slug = slugify(title)
    path = content_dir / ARTICLES_FOLDER / f"{slug}.md"
    if path.exists() and not force:
        message = f"{path} already exists"
        raise ContentErrors([ContentError(Position(path), message, "pass --force to replace it")])
    front = {"title": title, "date": date or dt.date.today(), "source": source}
    # A draft until its writer removes the line: `build` leaves it out, `serve` shows it.
    head = front_matter(front | {"topics": list(topics), "draft": True})
    text = f"---\n{head}# url: https://…\n# summary: …\n---\n\nWrite the article here.\n"
    run.validate(text, path, Path(title))
    write_whole(path, text, replace=force)
    return path
