"""The build: load -> model -> markdown -> links -> pages -> render -> write -> index.

`Builder` keeps what the last successful build produced (`BuildState`), so a
rebuild re-parses only changed files and re-renders only pages whose inputs
changed. `make build` is a Builder's first build; the preview server calls
`build()` again after each edit: one code path for both."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from . import cards, output, urls
from .drafts import without_drafts
from .errors import ContentError, ContentErrors
from .intel import article_grade
from .known_fields import unknown_field_warnings
from .links import LinkGraph, build_graph, check_internal_links
from .lint import base_url_warnings, content_warnings, near_copies_soon
from .load import RawArticle, RawContent, load_content, loaded_files
from .markdown import Markdown, MarkdownResult, build_matcher
from .model import Site, build_site
from .page import BODY, Page
from .pages import build_pages
from .parallel import PageWriter, Progress, render_and_write
from .render import make_environment, render_each, template_inputs
from .search import write_search_index
from .state import BuildState, Fingerprint, changed_keys, dirty_pages, scan
from .theme import Theme

BACKGROUND_NEAR_COPIES = 500  # articles from which near-copy search gets its own process


@dataclass(frozen=True, slots=True)
class BuildOptions:
    content_dir: Path = Path("content")
    theme_dir: Path = Path("themes/default")
    output_dir: Path = Path("site")
    base_url: str | None = None  # overrides site.yaml's base_url
    search: bool = True
    strict: bool = False  # warnings count as errors
    workers: int = 2  # processes that render a full build; 1 in the preview (it has threads)
    progress: Progress | None = None  # told (pages done, pages in all) while rendering
    drafts: bool = False  # include articles marked 'draft: true' (the preview does)


@dataclass(frozen=True, slots=True)
class RenderedSite:
    site: Site
    pages: tuple[Page, ...]
    warnings: tuple[ContentError, ...] = ()


@dataclass(frozen=True, slots=True)
class BuildReport:
    pages: int
    rendered: tuple[str, ...]  # page paths rendered by this build
    written: tuple[str, ...]  # page paths whose file was (re)written
    deleted: tuple[str, ...]  # page paths whose file was removed
    seconds: float
    output_dir: Path
    base_path: str
    full: bool  # a whole new site was swapped in
    warnings: tuple[ContentError, ...] = ()


@dataclass(frozen=True, slots=True)
class _Prepared:
    raw: RawContent
    site: Site
    pages: tuple[Page, ...]
    markdown: dict[str, tuple[tuple, MarkdownResult]]
    warnings: tuple[ContentError, ...]
    cards: Mapping[str, cards.Card]  # social card by page path


class Builder:
    """Builds one site, again and again; every error leaves the output as it was."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.search_stale = False  # pages changed since the search index was written
        self._state: BuildState | None = None
        self._env: jinja2.Environment | None = None
        self._env_key: tuple = ()
        self._markdown: Markdown | None = None
        self._markdown_key: tuple = ()
        self._template_inputs: dict[str, frozenset[str]] = {}
        self._language = "en"
        self._last_report: BuildReport | None = None

    def render(self) -> RenderedSite:
        """Validate and render every page in memory; writes nothing."""
        fingerprints = scan(self.options.content_dir, self.options.theme_dir)
        prepared = self._prepare(fingerprints, None, None)
        env = self._environment(prepared.site, fingerprints)
        render_each(env, prepared.pages, lambda page, html: None)
        return RenderedSite(prepared.site, prepared.pages, prepared.warnings)

    def build(self) -> BuildReport:
        started = time.perf_counter()
        previous = self._state if self.options.output_dir.is_dir() else None
        fingerprints = scan(self.options.content_dir, self.options.theme_dir)
        changed = None if previous is None else changed_keys(previous.fingerprints, fingerprints)
        if changed == set() and self._last_report is not None:
            return replace(
                self._last_report,
                rendered=(),
                written=(),
                deleted=(),
                full=False,
                seconds=time.perf_counter() - started,
            )
        prepared = self._prepare(fingerprints, previous, changed)
        if previous is not None and changed is not None:
            changed = self._split_body_changes(changed, previous, prepared.raw)
        env = self._environment(prepared.site, fingerprints)
        inputs = {page.path: self._page_inputs(env, page) for page in prepared.pages}
        dirty = dirty_pages(prepared.pages, inputs, previous, changed)
        if previous is None or changed is None:
            writer = self._write_everything(env, dirty, prepared)
            deleted: tuple[str, ...] = ()
            hashes = writer.hashes
        else:
            # New cards first, so no page is served before the card it names.
            self._write_cards(prepared.cards, self.options.output_dir)
            writer, deleted = self._write_changes(env, dirty, inputs, previous, changed)
            cards.remove_other_cards(prepared.cards.values(), self.options.output_dir)
            hashes = {**previous.hashes, **writer.hashes}
            for path in deleted:
                hashes.pop(path, None)
        written = tuple(writer.written)
        self._state = BuildState(
            fingerprints, loaded_files(prepared.raw), prepared.markdown, inputs, hashes
        )
        self._last_report = BuildReport(
            pages=len(prepared.pages),
            rendered=tuple(page.path for page in dirty),
            written=written,
            deleted=deleted,
            seconds=time.perf_counter() - started,
            output_dir=self.options.output_dir,
            base_path=prepared.site.config.base_path,
            full=previous is None,
            warnings=prepared.warnings,
        )
        return self._last_report

    def _split_body_changes(
        self, changed: set[str], previous: BuildState, raw: RawContent
    ) -> set[str]:
        """An article whose front matter is unchanged changed only in its text: name it
        'articles/x.md#body', so pages that show only front matter are not re-rendered."""
        articles = {article.meta.path: article for article in raw.articles}
        refined = set()
        for key in changed:
            path = self.options.content_dir / key
            old, new = previous.records.get(path), articles.get(path)
            if isinstance(old, RawArticle) and new is not None and old.meta.data == new.meta.data:
                refined.add(key + BODY)
            elif key.startswith("articles/"):
                refined.update((key, key + BODY))
            else:
                refined.add(key)
        return refined

    def refresh_search(self) -> None:
        """Re-index the output folder and swap the new bundle in."""
        if self._state is None or not self.options.search:
            return
        output.replace_folder(
            self.options.output_dir / "pagefind",
            lambda temp: write_search_index(self.options.output_dir, self._language, temp),
        )
        self.search_stale = False

    def _prepare(
        self,
        fingerprints: Mapping[str, Fingerprint],
        previous: BuildState | None,
        changed: set[str] | None,
    ) -> _Prepared:
        reuse = {}
        if previous is not None and changed is not None:
            content_dir = self.options.content_dir
            reuse = {
                path: record
                for path, record in previous.records.items()
                if path.relative_to(content_dir).as_posix() not in changed
            }
        raw = load_content(self.options.content_dir, reuse)
        site = build_site(raw, self.options.base_url)
        draft_warnings: list[ContentError] = []
        if not self.options.drafts:
            site, draft_warnings = without_drafts(site)
        self._language = site.config.language
        near_copies = None
        if previous is None:
            articles = tuple(site.articles.values())
            in_background = self.options.workers > 1 and len(articles) >= BACKGROUND_NEAR_COPIES
            near_copies = near_copies_soon(articles, in_background)
        markdown = self._markdown_renderer(site, fingerprints.get("entities.yaml"))
        cache = previous.markdown if previous is not None else {}
        results: dict[str, tuple[tuple, MarkdownResult]] = {}
        for slug, article in site.articles.items():
            key = (self._markdown_key, article.body)
            hit = cache.get(slug)
            results[slug] = hit if hit and hit[0] == key else (key, markdown.render(article.body))
        rendered = {slug: result for slug, (_, result) in results.items()}
        mentions = {slug: r.mentions for slug, r in rendered.items()}
        graph = build_graph(site, mentions, markdown.matcher)
        bodies = {slug: r.html for slug, r in rendered.items()}
        pages = tuple(build_pages(site, graph, bodies, markdown))
        page_cards = self._cards(site, graph)
        pages = cards.with_cards(pages, page_cards)
        check_internal_links(site, rendered, pages)
        # Near-copy detection reads every article: done on full builds, not on each save.
        copies = near_copies() if near_copies else []
        warnings = tuple(
            sorted(
                [
                    *content_warnings(site, graph, copies),
                    *unknown_field_warnings(raw),
                    *draft_warnings,
                    *base_url_warnings(site, raw.site.at("base_url")),
                ]
            )
        )
        if self.options.strict and warnings:
            raise ContentErrors(replace(w, severity="error") for w in warnings)
        return _Prepared(raw, site, pages, results, warnings, page_cards)

    def _cards(self, site: Site, graph: LinkGraph) -> dict[str, cards.Card]:
        theme = Theme.for_site(self.options.theme_dir)
        colours = cards.theme_colours(theme.static_file("style.css"))
        grades = {slug: article_grade(site, article) for slug, article in site.articles.items()}
        return cards.site_cards(site, graph, grades, colours)

    def _write_cards(self, page_cards: Mapping[str, cards.Card], directory: Path) -> None:
        """Cards not already in `directory`: copied from the last build's, else drawn."""
        reuse = self.options.output_dir / cards.CARDS_DIR
        cards.write_cards(page_cards.values(), directory, reuse, self.options.workers)

    def _markdown_renderer(self, site: Site, entities_fingerprint: object) -> Markdown:
        key = (entities_fingerprint, site.config.base_path)
        if self._markdown is None or key != self._markdown_key:
            links = urls.Urls(site.config.base_url, site.config.base_path)
            self._markdown = Markdown(
                build_matcher(site.entities.values()),
                lambda entity: links.link(urls.entity_path(entity.id)),
            )
            self._markdown_key = key
        return self._markdown

    def _environment(
        self, site: Site, fingerprints: Mapping[str, Fingerprint]
    ) -> jinja2.Environment:
        theme = tuple(
            sorted(
                (k, v) for k, v in fingerprints.items() if k.startswith(("templates/", "static/"))
            )
        )
        grades = {slug: article_grade(site, article) for slug, article in site.articles.items()}
        key = (site.config, site.sources, grades, theme)
        if self._env is None or key != self._env_key:
            self._env = make_environment(self.options.theme_dir, site, grades)
            self._env_key = key
            self._template_inputs = {}
        return self._env

    def _page_inputs(self, env: jinja2.Environment, page: Page) -> frozenset[str]:
        if page.template not in self._template_inputs:
            self._template_inputs[page.template] = template_inputs(env, page.template)
        return frozenset(page.inputs) | self._template_inputs[page.template]

    def _write_everything(
        self, env: jinja2.Environment, pages: list[Page], prepared: _Prepared
    ) -> PageWriter:
        """Render into a temporary folder beside the output, index it, swap it in."""
        writer = PageWriter(Path())
        site = prepared.site

        def fill(temp: Path) -> None:
            writer.directory = temp
            render_and_write(env, pages, writer, self.options.workers, self.options.progress)
            self._write_cards(prepared.cards, temp)
            output.copy_static(Theme.for_site(self.options.theme_dir).static_files(), temp)
            output.write_file(temp, ".nojekyll", "")
            if self.options.search:
                write_search_index(temp, site.config.language)

        output.clean_stale(self.options.output_dir)
        output.replace_folder(self.options.output_dir, fill)
        self.search_stale = False
        return writer

    def _write_changes(
        self,
        env: jinja2.Environment,
        pages: list[Page],
        inputs: Mapping[str, frozenset[str]],
        previous: BuildState,
        changed: set[str],
    ) -> tuple[PageWriter, tuple[str, ...]]:
        """Write the pages whose HTML changed, each atomically; remove vanished pages."""
        out = self.options.output_dir
        writer = PageWriter(out, previous.hashes, atomic=True)
        render_and_write(env, pages, writer, self.options.workers)
        deleted = tuple(sorted(previous.inputs.keys() - inputs.keys()))
        for path in deleted:
            output.remove_page(out, urls.output_file(path))
        if any(key.startswith("static/") for key in changed):
            static = Theme.for_site(self.options.theme_dir).static_files()
            output.sync_static(static, out / "static")
        if writer.written or deleted:
            self.search_stale = True
        return writer, deleted


def build(options: BuildOptions) -> BuildReport:
    """One full build: into a temporary folder, then swapped into place."""
    return Builder(options).build()


def render_site(options: BuildOptions) -> RenderedSite:
    """Everything short of writing: raises ContentErrors with every problem found."""
    return Builder(options).render()
