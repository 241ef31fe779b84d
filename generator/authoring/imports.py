"""`briefing import`: plain texts and the entries of RSS and Atom feeds -> article files.

Nothing is written before the article it would write passes the checks `check` runs on
an article (assemble.check_article) against the content already there. Errors elsewhere in
the content folder do not block an import: they are returned as warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.authoring.article_file import FIRST_SENTENCE_NOTE, article_file
from generator.authoring.content_folder import write_whole
from generator.authoring.feeds import feed_entries, is_feed
from generator.authoring.import_inputs import Input
from generator.authoring.import_report import ImportReport, Outcome
from generator.authoring.mentions import count_mentions, suggest_spellings
from generator.authoring.plain_text import (
    PlainArticle,
    clean_text,
    decode_input,
    parse_plain_text,
    source_for_url,
)
from generator.authoring.problems import as_warning, file_error, file_errors, option_error
from generator.content.assemble import assemble_site, check_article, check_ids
from generator.content.load import RawArticle, load_what_loads, split_front_matter
from generator.content.slug import is_slug, slugify
from generator.copies.new_text import EXACT_COPY_SHARE, CopyIndex
from generator.errors import ContentError, ContentErrors, Position
from generator.pipeline.warnings import NEAR_COPY_SHARE
from generator.routes import ARTICLES_FOLDER, SITE_FILE, SOURCES_FILE, split_url
from generator.text.entity_links import EntityMatcher, build_matcher


@dataclass(frozen=True, slots=True)
class ImportOptions:
    content_dir: Path
    source: str = ""  # the source of every text
    default_source: str = ""  # the source of texts whose URL names no known source
    topics: tuple[str, ...] = ()
    date: dt.date | None = None
    title: str = ""
    slug: str = ""
    rewrite_of: str = ""
    force: bool = False  # replace a file, import a copy
    dry_run: bool = False
    today: dt.date = field(default_factory=dt.date.today)


class Importer:
    """The content folder loaded once, and the articles imported into it so far."""

    def __init__(self, options: ImportOptions) -> None:
        self.options = options
        raw, problems = load_what_loads(options.content_dir)
        self.site_yaml = raw.site.data if isinstance(raw.site.data, dict) else {}
        self.site, errors = assemble_site(raw)
        self.elsewhere = tuple(sorted(as_warning(e) for e in (*problems, *errors)))
        self.planned: set[str] = set()

    @cached_property
    def matcher(self) -> EntityMatcher:
        return build_matcher(self.site.entities.values())

    @cached_property
    def copies(self) -> CopyIndex:
        """Built on first use: `new article` does not need it."""
        return CopyIndex((a.slug, a.body) for a in self.site.articles.values())

    def option_errors(self, inputs: int) -> list[ContentError]:
        """Every command-line value checked before any file is read."""
        o, site, errors = self.options, self.site, []
        if not (o.content_dir / SITE_FILE).is_file():
            message = f"'{o.content_dir}' is not a content folder: it has no {SITE_FILE}"
            errors.append(ContentError(Position(Path("--content")), message))
        for option, kind, ids in (
            ("--source", "source", [o.source]),
            ("--default-source", "source", [o.default_source]),
            ("--topic", "topic", o.topics),
            ("--rewrite-of", "article", [o.rewrite_of]),
        ):
            errors += check_ids(site, kind, ids, Position(Path(option)))
        if o.slug and not is_slug(o.slug):
            message = f"'{o.slug}' is not a slug: lower-case letters, digits and '-' only"
            errors.append(option_error("--slug", message, f"use '{slugify(o.slug)}'"))
        if o.title and (not o.title.strip() or "\n" in clean_text(o.title)):
            errors.append(option_error("--title", "the title must be one non-empty line"))
        for option, value in (("--slug", o.slug), ("--title", o.title)):
            if value and inputs > 1:
                message = f"{option} names one article, but {inputs} files are imported"
                errors.append(option_error(option, message, "import that file on its own"))
        return errors

    def run(self, inputs: Iterable[Input]) -> Iterator[Outcome]:
        for item in inputs:
            if item.data is None:
                error = file_error(item.origin, item.problem)
                yield Outcome(item.origin, errors=(as_warning(error) if item.warning else error,))
            elif is_feed(item.data):
                yield from self._run_feed(item.data, item.origin)
            else:
                yield self._outcome(item.origin, self.import_text, item.data, item.origin)

    def _run_feed(self, data: bytes, origin: Path) -> Iterator[Outcome]:
        """One outcome per entry of an RSS or Atom file; one error if it is malformed."""
        try:
            for entry in feed_entries(data, origin):
                if entry.article is None:
                    yield Outcome(entry.origin, errors=(file_error(entry.origin, entry.problem),))
                    continue
                where, site = entry.origin, entry.site_url
                yield self._outcome(where, self.import_entry, entry.article, where, site)
        except ContentErrors as exc:
            yield Outcome(origin, errors=tuple(exc.errors))

    @staticmethod
    def _outcome(
        origin: Path, work: Callable[..., ImportReport], *args: Any
    ) -> Outcome:
        try:
            return Outcome(origin, work(*args))
        except ContentErrors as exc:
            return Outcome(origin, errors=tuple(exc.errors))

    def import_text(self, data: bytes, origin: Path) -> ImportReport:
        """Convert one plain text into content/articles/<slug>.md, or raise why not."""
        article = _parse(decode_input(data, origin), origin)
        return self.import_article(article, origin)

    def import_entry(self, article: PlainArticle, origin: Path, site_url: str) -> ImportReport:
        """A feed's entry: refused if its link is an article's already (the feed read
        again); a text may share its original's link, as a rewrite does."""
        self._check_link(article.url, origin)
        return self.import_article(article, origin, site_url)

    def import_article(
        self, article: PlainArticle, origin: Path, site_url: str = ""
    ) -> ImportReport:
        """Write one parsed article (from a text, or a feed's entry whose feed is about
        `site_url`), or raise why not."""
        o = self.options
        title = clean_text(o.title).strip() or article.title
        slug = o.slug or slugify(title)
        path = o.content_dir / ARTICLES_FOLDER / f"{slug}.md"
        body = "\n\n".join(text for _, text in article.blocks)
        problems: list[ContentError] = []  # all of them at once, not one per attempt
        if not title:
            problems.append(file_error(origin, "the text gives no title", "pass --title"))
        near = self._copies(body, slug, origin, problems)
        self._check_free(path, slug, origin, problems)
        source, by_domain = self._source(article, origin, problems, site_url)
        if problems:
            raise ContentErrors(problems)
        date, inferred, date_note = self._date(article)
        url = article.url if _is_web_url(article.url) else ""
        front = {"title": title, "date": date, "date_inferred": inferred or ""}
        front |= {"source": source, "url": url, "topics": list(o.topics)}
        front |= {"rewrite_of": o.rewrite_of}
        note = "" if o.title or article.title_from_first_line else FIRST_SENTENCE_NOTE
        text = article_file(article, {k: v for k, v in front.items() if v != ""}, note)
        self.validate(text, path, origin)
        report = ImportReport(
            path, article, source, by_domain, text, title, date, inferred, not o.dry_run
        )
        report.mentions = count_mentions(body, self.matcher)
        report.suggestions = suggest_spellings(body, self.site.entities.values())
        report.near_copies = near
        report.notes = [n for n in (date_note, _url_note(article.url, url)) if n]
        if report.written:
            write_whole(path, text, replace=o.force)
        self.copies.add(slug, body)
        self.planned.add(slug)
        if url:
            self.links[url] = slug
        return report

    @cached_property
    def links(self) -> dict[str, str]:
        """The original link of every article, to the article's slug."""
        return {a.url: a.slug for a in self.site.articles.values() if a.url}

    def _check_link(self, url: str, origin: Path) -> None:
        """An article is imported once: its link names it (a feed read again, or twice)."""
        if url and url in self.links and not self.options.force:
            message = f"already imported as '{self.links[url]}' (the same link: {url})"
            raise file_errors(origin, message, "pass --force to import it again")

    def _check_free(
        self, path: Path, slug: str, origin: Path, problems: list[ContentError]
    ) -> None:
        if slug in self.planned:
            message = f"another file of this import is already written as {path}"
            problems.append(file_error(origin, message, "import it on its own with --slug"))
        elif path.exists() and not self.options.force:
            hint = "pass --slug to import it under another name, or --force to replace it"
            problems.append(file_error(origin, f"{path} already exists", hint))

    def _source(
        self,
        article: PlainArticle,
        origin: Path,
        problems: list[ContentError],
        site_url: str = "",
    ) -> tuple[str, bool]:
        o, sources = self.options, self.site.sources.values()
        if o.source:
            return o.source, False
        for url in (site_url, article.url):  # a feed's own site first, then the link
            if found := source_for_url(url, sources):
                return found, True
        if o.default_source:
            return o.default_source, False
        known = ", ".join(sorted(self.site.sources)) or f"(none: add one to {SOURCES_FILE})"
        if site_url or article.url:
            domain = split_url(site_url or article.url).hostname or site_url or article.url
            message = f"no source in {SOURCES_FILE} has the domain of its URL ({domain})"
        else:
            message = "no source: the text has no 'Source: URL' line"
        problems.append(file_error(origin, message, f"pass --source ID; known sources: {known}"))
        return "", False

    def _date(self, article: PlainArticle) -> tuple[dt.date, bool, str]:
        """(date, inferred, a note for the person importing)."""
        found, given = article.date, self.options.date
        if given:
            if found and found.date != given:
                note = f"--date {given} used; the text says {found.date} (line {found.line})"
                return given, False, note
            return given, False, ""
        if found:
            return found.date, False, ""
        today = self.options.today
        return (
            today,
            True,
            f"the text states no date: {today} (today) was used and marked date_inferred; "
            "pass --date YYYY-MM-DD for the real one",
        )

    def _copies(
        self, body: str, slug: str, origin: Path, problems: list[ContentError]
    ) -> list[tuple[str, float]]:
        o = self.options
        shares = self.copies.shares(body, skip=slug if o.force else "")
        if shares and shares[0][1] >= EXACT_COPY_SHARE and shares[0][0] != o.rewrite_of:
            other, share = shares[0]
            if not o.force:
                message = f"it is a copy of '{other}' ({share:.0%} of its wording)"
                hint = f"pass --rewrite-of {other} if it rewrites that article, or --force"
                problems.append(file_error(origin, message, hint))
        return [(s, share) for s, share in shares if share >= NEAR_COPY_SHARE and s != o.rewrite_of]

    def validate(self, text: str, path: Path, origin: Path) -> None:
        try:
            meta, body, body_line = split_front_matter(text, path)
            errors = check_article(RawArticle(path.stem, meta, body, body_line), self.site)
        except ContentErrors as exc:
            errors = exc.errors
        if errors:
            raise ContentErrors(
                ContentError(
                    Position(origin), f"the article would not pass check: {e.message}", e.hint
                )
                for e in errors
            )


def import_files(
    inputs: Sequence[Input], options: ImportOptions
) -> tuple[Importer, Iterator[Outcome]]:
    """The importer (for its warnings about the content folder) and the outcomes, one per
    input as it is done. Raises ContentErrors, before anything is read, for bad options."""
    run = Importer(options)
    errors = run.option_errors(len(inputs))
    if errors:
        raise ContentErrors(errors)
    return run, run.run(inputs)


def _parse(text: str, origin: Path) -> PlainArticle:
    try:
        return parse_plain_text(text)
    except ValueError as exc:
        raise file_errors(origin, str(exc)) from None


def _is_web_url(url: str) -> bool:
    parts = split_url(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _url_note(found: str, kept: str) -> str:
    return f"the 'Source:' URL {found!r} is not a web address: left out" if found != kept else ""
