"""The build, as its stages: load -> model -> text -> links -> pages -> render -> write
-> index -> swap. Each stage is a function of plain data.

`Builder` keeps only caches between runs (the last build's state, the Markdown
parser and the Jinja environment), so a rebuild re-parses only changed files,
re-renders only changed texts and renders only the pages whose recorded reads
changed. `make build` is a Builder's first build; the preview server calls
`build()` again after each edit: one code path for both."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import output
from generator.content.assemble import build_site
from generator.content.drafts import without_drafts
from generator.content.fingerprints import Fingerprint, scan, snapshot
from generator.content.known_fields import unknown_field_warnings
from generator.content.load import RawContent, load_content, loaded_files, skipped_files
from generator.content.model import Site
from generator.content.schedule import Held, marked_scheduled, today_utc, without_scheduled
from generator.copies.lineage import lineage
from generator.copies.near_copies import NearCopySearch
from generator.copies.signatures import Signature
from generator.errors import ContentError, ContentErrors
from generator.evidence import site_check as support
from generator.evidence.provenance import article_grade
from generator.evidence.site_check import SiteEvidence
from generator.evidence.summaries import check_summaries
from generator.i18n import strings_for
from generator.incremental import cache, manifest
from generator.incremental.state import BuildState, changed_files, changed_reads, dirty_pages
from generator.pages.internal_links import check_internal_links
from generator.pages.kinds import PAGE_KINDS, build_pages
from generator.pages.page import Page
from generator.pipeline.parallel import PageWriter, Progress, render_and_write
from generator.pipeline.stages import StageClock, StageTime
from generator.pipeline.warnings import content_warnings, near_copies_soon
from generator.reads.link_graph import LinkGraph, build_graph
from generator.reads.queries import SiteData
from generator.render import cards
from generator.render.jinja import RecordingEnvironment, make_environment, render_each
from generator.render.theme import Theme
from generator.routes import SEARCH_FOLDER, Routes, output_file
from generator.search.index import write_search_index
from generator.text import images
from generator.text.entity_links import EntityMatcher, build_matcher, entity_links_plugin
from generator.text.footnotes import footnote_labels
from generator.text.markdown import Markdown
from generator.text.paragraph_ids import paragraph_ids_plugin
from generator.text.texts import Texts, render_texts

BACKGROUND_NEAR_COPIES = 500  # articles from which near-copy search and the support check
# each get their own process (beside Markdown rendering) on a full build


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
    cache: bool = False  # read and save the persistent cache beside the output (the CLI does)
    drafts: bool = False  # include articles marked 'draft: true' (the preview does)
    search_shards: int | None = None  # shards of the search index; None: by the site's size
    future: bool = False  # include articles dated after today (the preview does)
    today: dt.date | None = None  # the day the build is as of; None: today in UTC


@dataclass(frozen=True, slots=True)
class RenderedSite:
    site: Site
    pages: tuple[Page, ...]
    warnings: tuple[ContentError, ...] = ()
    evidence: SiteEvidence | None = None


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
    held: Held = field(default_factory=Held)  # articles dated after the day, left out
    stages: tuple[StageTime, ...] = ()  # what each stage of this build cost


@dataclass(frozen=True, slots=True)
class Prepared:
    """The site up to its list of pages: what the render stage needs."""

    raw: RawContent
    data: SiteData
    pages: tuple[Page, ...]
    warnings: tuple[ContentError, ...]
    cards: Mapping[str, cards.Card]  # the social card of a page, by its path
    held: Held
    images: tuple[images.LocalImage, ...] = ()  # articles' own images, to publish


class Builder:
    """Builds one site, again and again; every error leaves the output as it was."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.search_stale = False  # pages changed since the search index was written
        self._state: BuildState | None = None
        self._markdown: tuple[tuple, Markdown, EntityMatcher] | None = None
        self._env: tuple[tuple, RecordingEnvironment] | None = None
        self._language = "en"
        self._last_report: BuildReport | None = None
        self._seed: cache.CachedBuild | None = None  # the last process's build, from the cache
        self._near_copies: tuple[str, list] | None = None
        self._signatures: Mapping[bytes, Signature] = {}  # near-copy signatures, by body
        self._signed: frozenset[bytes] = frozenset()  # bodies the last search signed
        self._last_search: NearCopySearch | None = None  # the last near-copy search
        self._evidence_memo: support.Memo = {}  # claims' supports, by what they depend on
        self._files: set[str] | None = None  # inputs changed since the last build
        self._first = True  # no build yet in this process
        self._clock = StageClock()  # this build's stage times
        self._card_digests: dict[str, str] = {}  # card name -> sha256 of the PNG drawn

    def render(self) -> RenderedSite:
        """Validate and render every page in memory; writes nothing."""
        fingerprints = scan(self.options.content_dir, self.options.theme_dir)
        prepared = self._prepare(fingerprints, None, None)
        env = self._environment(prepared.data, fingerprints)
        render_each(env, prepared.pages, prepared.data, lambda page, html, reads: None)
        data = prepared.data
        return RenderedSite(data.site, prepared.pages, prepared.warnings, data.evidence)

    def build(self) -> BuildReport:
        started = time.perf_counter()
        self._clock = StageClock()
        stage = self._clock.stage
        fingerprints = scan(self.options.content_dir, self.options.theme_dir)
        if self._first and self._seed is None and self.options.cache:
            self._load_cache(fingerprints)
            if self._state is not None and self._seed and self._seed.report is not None:
                self._last_report = self._seed.report  # what the last process built
        previous = self._state if self.options.output_dir.is_dir() else None
        base = previous or (self._seed.state if self._seed else None)  # records to reuse
        files = None if base is None else changed_files(base.fingerprints, fingerprints)
        self._files = files
        released = self._last_report is not None and self._last_report.held.stale(self._today())
        if files == set() and self._last_report is not None and not released:
            return self._unchanged(started)
        prepared = self._prepare(fingerprints, base, files)
        data = prepared.data
        with stage("pages"):
            if previous is None or files is None or released:  # a new day: lists change
                changed, queries = None, {}
            else:
                changed, queries = changed_reads(previous, files, prepared.raw, data)
            dirty = dirty_pages(prepared.pages, previous, changed)
        with stage("render"):
            env = self._environment(data, fingerprints)
        if previous is None:
            writer, deleted = self._write_everything(env, dirty, prepared), ()
        elif self._first:  # a new process, from the persistent cache
            writer, deleted = self._write_aside(env, dirty, prepared, previous)
        else:
            assert files is not None
            writer, deleted = self._write_changes(env, dirty, prepared, previous)
            if any(key.startswith("static/") for key in files):
                with stage("write"):
                    self._sync_static()
        self._state = _next_state(previous, fingerprints, prepared, writer, queries, deleted)
        self._last_report = BuildReport(
            pages=len(prepared.pages),
            rendered=tuple(page.path for page in dirty),
            written=tuple(writer.written),
            deleted=deleted,
            seconds=time.perf_counter() - started,
            output_dir=self.options.output_dir,
            base_path=data.site.config.base_path,
            full=previous is None,
            warnings=prepared.warnings,
            held=prepared.held,
            stages=self._clock.times(),
        )
        self._first = False
        return self._last_report

    def _load_cache(self, fingerprints: Mapping[str, Fingerprint]) -> None:
        """Start from the last process's build: its records and bodies always, its
        pages only if the output folder is exactly as that build left it."""
        path = cache.cache_file(self.options.output_dir)
        cache.clean_leftovers(path.parent)
        seed = cache.load(path, self._cache_key())
        if seed is None:
            return
        options = self.options
        self._seed = cache.adopt_fingerprints(
            seed, fingerprints, options.content_dir, options.theme_dir
        )
        self._signatures, self._evidence_memo = seed.signatures, seed.evidence
        self._last_search = seed.near_copy_search
        with output.build_lock(options.output_dir):  # not while another build writes
            out = options.output_dir
            if out.is_dir() and snapshot(out) == seed.output:
                self._state = self._seed.state

    def _cache_key(self) -> str:
        options = self.options
        settings = self._settings().key()
        return cache.cache_key(options.content_dir, options.theme_dir, options.output_dir, settings)

    def save_cache(self) -> None:
        """Leave this build for the next process; nothing is written if nothing changed."""
        report, state, seed = self._last_report, self._state, self._seed
        if not self.options.cache or report is None or state is None:
            return
        unchanged = not (report.full or report.written or report.deleted or self.search_stale)
        if unchanged and seed is not None and self._files == set() and not seed.adopted:
            if not manifest.manifest_file(self.options.output_dir).is_file():  # an older cache
                with output.build_lock(self.options.output_dir):
                    path = cache.cache_file(self.options.output_dir)
                    now = snapshot(self.options.output_dir)
                    self._save_manifest(state, now, path, report)
            return
        options = self.options
        with output.build_lock(options.output_dir):  # the snapshot must be of a whole output
            cached = cache.CachedBuild(
                state=state,
                digests=cache.digests(
                    state.fingerprints, seed, options.content_dir, options.theme_dir
                ),
                output=snapshot(options.output_dir),
                entity_key=self._entity_key(state.fingerprints),
                near_copies=self._near_copies,
                signatures=self._signatures,
                signed=self._signed,
                near_copy_search=self._last_search,
                evidence=self._evidence_memo,
                report=replace(report, rendered=(), written=(), deleted=(), full=False, stages=()),
            )
            path = cache.cache_file(options.output_dir)
            if cache.save(path, self._cache_key(), cached):
                self._save_manifest(state, cached.output, path, report)
            else:  # the manifest must never vouch for a cache that is not this build's
                with contextlib.suppress(OSError):
                    manifest.manifest_file(options.output_dir).unlink(missing_ok=True)

    def _settings(self) -> manifest.Settings:
        options = self.options
        return manifest.Settings(
            options.content_dir,
            options.theme_dir,
            options.output_dir,
            options.base_url,
            options.search,
            options.strict,
            options.drafts,
            options.search_shards,
            options.future,
        )

    def _save_manifest(
        self,
        state: BuildState,
        snapshot: Mapping[str, tuple[int, int]],
        path: Path,
        report: BuildReport,
    ) -> None:
        """What `briefing build` checks first (manifest.unchanged): if nothing changed
        since, it repeats this report without importing the stages."""
        held = report.held
        said = manifest.Report(
            report.pages,
            tuple(str(warning) for warning in report.warnings),
            held.count,
            held.next_date.isoformat() if held.next_date else "",
            held.as_of.isoformat() if held.as_of else "",
        )
        manifest.write(self._settings(), state.fingerprints, snapshot, path, said)

    def _entity_key(self, fingerprints: Mapping[str, Fingerprint]) -> tuple:
        """What bodies rendered by the parser depend on beyond their text: the entity
        table, the base path, and the language of the footnotes' labels."""
        routes, language = self._markdown[0][1:] if self._markdown else (None, None)
        return (cache.file_digest(self.options.content_dir / "entities.yaml"), routes, language)

    def _unchanged(self, started: float) -> BuildReport:
        assert self._last_report is not None
        return replace(
            self._last_report,
            rendered=(),
            written=(),
            deleted=(),
            full=False,
            seconds=time.perf_counter() - started,
            stages=self._clock.times(),
        )

    def _prepare(
        self,
        fingerprints: Mapping[str, Fingerprint],
        previous: BuildState | None,
        files: set[str] | None,
    ) -> Prepared:
        """The stages up to the list of pages, each a function of the one before.
        Near copies and evidence may run in the background: their stages are the wait."""
        stage = self._clock.stage
        with stage("load"):
            raw = load_content(self.options.content_dir, _reusable(previous, files, self.options))
        with stage("model"):
            site = build_site(raw, self.options.base_url)
            site, draft_warnings = (site, []) if self.options.drafts else without_drafts(site)
            site, held, schedule_warnings = self._as_of_today(site)
            routes = Routes(site.config.base_url, site.config.base_path)
        with stage("near copies"):
            near_copies = self._near_copies_soon(site)
        with stage("evidence"):
            evidence_soon = support.check_site_soon(
                site, self._evidence_memo, self._in_background(site) and previous is None
            )
        with stage("texts"):
            markdown, matcher, earlier = self._markdown_for(site, routes, fingerprints, previous)
            resolvers = images.article_resolvers(site.articles, routes)
            texts = render_texts(site, markdown, earlier, resolvers)
        with stage("evidence"):
            checked = evidence_soon()
            self._evidence_memo, evidence = checked.memo, checked.evidence
            evidence_errors, evidence_warnings = support.evidence_problems(
                evidence,
                {slug: a.language for slug, a in site.articles.items() if a.language},
                site.config.language,
            )
        if evidence_errors:  # with the warnings: an error never hides them
            raise ContentErrors([*evidence_errors, *evidence_warnings])
        with stage("pages"):
            graph = build_graph(site, texts.bodies, matcher)
            pages = tuple(build_pages(site, graph, texts, routes, PAGE_KINDS))
        with stage("cards"):
            page_cards = self._cards(site, graph, routes, pages)
            pages = cards.with_cards(pages, page_cards)
        with stage("pages"):
            local_images = _checked_links_and_images(site, texts, pages, resolvers)
        with stage("near copies"):
            copies = near_copies()
        with stage("evidence"):
            summaries = check_summaries(site)
        with stage("model"):
            more = [
                *evidence_warnings,
                *summaries.warnings(),
                *draft_warnings,
                *schedule_warnings,
                *_field_warnings(raw),
                *cards.undrawable_warnings(page_cards, raw.site.at("title")),
            ]
            warnings = self._warnings(site, graph, copies, more)
            self._language = site.config.language
            data = SiteData(site, graph, texts, routes, evidence, lineage(site, copies), summaries)
        return Prepared(raw, data, pages, warnings, page_cards, held, local_images)

    def _today(self) -> dt.date:
        return self.options.today or today_utc()

    def _as_of_today(self, site: Site) -> tuple[Site, Held, list[ContentError]]:
        """The site without the articles dated after today, or with them marked (--future)."""
        today = self._today()
        if self.options.future:
            return marked_scheduled(site, today), Held(as_of=today), []
        site, warnings, held = without_scheduled(site, today)
        return site, held, warnings

    def _in_background(self, site: Site) -> bool:
        return self.options.workers > 1 and len(site.articles) >= BACKGROUND_NEAR_COPIES

    def _cards(
        self, site: Site, graph: LinkGraph, routes: Routes, pages: Sequence[Page]
    ) -> dict[str, cards.Card]:
        theme = Theme.for_site(self.options.theme_dir)
        colours = cards.theme_colours(theme.static_file("style.css"))
        grades = {slug: article_grade(site, article) for slug, article in site.articles.items()}
        return cards.site_cards(site, graph, grades, colours, routes, pages)

    def _write_cards(self, page_cards: Mapping[str, cards.Card], directory: Path) -> None:
        """Cards not already in `directory`: copied from the last build's or the cache's
        card store, else drawn."""
        reuse = self.options.output_dir / cards.CARDS_DIR
        store = cache.card_store(self.options.output_dir) if self.options.cache else None
        known = self._card_digests
        if store is not None:
            known.update({k: v for k, v in cards.read_index(store).items() if k not in known})
        workers = self.options.workers
        cards.write_cards(page_cards.values(), directory, reuse, workers, store, known)
        if store is not None:
            cards.keep_only(page_cards.values(), store, known)

    def _near_copies_soon(self, site: Site) -> Callable[[], list]:
        """Near-copy detection reads every article; a full build searches them all (or
        takes the cache's answer if the articles are the same), a rebuild re-queries
        only the changed ones from the last search: provenance on the pages needs it."""
        articles = tuple(site.articles.values())
        key = cache.articles_digest(articles) if self.options.cache else ""
        seed = self._seed.near_copies if self._seed else None
        if seed is not None and seed[0] == key:
            self._near_copies = seed
            return lambda: seed[1]
        known, last = self._signatures, self._last_search
        found = near_copies_soon(articles, known, last, self._in_background(site))

        def result() -> list:
            answer = found()
            self._signatures = {d: answer.signed.get(d) or known[d] for d in answer.digests}
            self._signed = frozenset(answer.signed)
            self._last_search = replace(answer, signed={})  # its signatures are kept apart
            self._near_copies = (key, list(answer.found))
            return list(answer.found)

        return result

    def _warnings(
        self,
        site: Site,
        graph: LinkGraph,
        copies: list[tuple[str, str, float]],
        more: list[ContentError],
    ) -> tuple[ContentError, ...]:
        skipped = skipped_files(self.options.content_dir)
        warnings = tuple(sorted([*content_warnings(site, graph, copies), *skipped, *more]))
        if self.options.strict and warnings:
            raise ContentErrors(replace(w, severity="error") for w in warnings)
        return warnings

    def _markdown_for(
        self,
        site: Site,
        routes: Routes,
        fingerprints: Mapping[str, Fingerprint],
        previous: BuildState | None,
    ) -> tuple[Markdown, EntityMatcher, Mapping]:
        """The parser, with the bodies it rendered before (none when it is new: the
        entity table or the base path changed)."""
        key = (fingerprints.get("entities.yaml"), routes, site.config.language)
        if self._markdown is None or self._markdown[0] != key:
            matcher = build_matcher(site.entities.values())
            plugin = (entity_links_plugin, {"matcher": matcher, "routes": routes})
            labels = footnote_labels(strings_for(site.config.language))
            markdown = Markdown(plugin, (paragraph_ids_plugin, {}), labels=labels)
            self._markdown = (key, markdown, matcher)
            seed = self._seed
            if seed and self._first and seed.entity_key == self._entity_key({}):
                return self._markdown[1], matcher, seed.state.bodies  # linked the same way
            return self._markdown[1], matcher, {}
        return self._markdown[1], self._markdown[2], previous.bodies if previous else {}

    def _environment(
        self, data: SiteData, fingerprints: Mapping[str, Fingerprint]
    ) -> RecordingEnvironment:
        theme = tuple(
            sorted(
                (k, v) for k, v in fingerprints.items() if k.startswith(("templates/", "static/"))
            )
        )
        key = (data.site.config, theme)
        if self._env is None or self._env[0] != key:
            env = make_environment(self.options.theme_dir, data.site.config, data.routes)
            self._env = (key, env)
        return self._env[1]

    def _sync_static(self) -> None:
        static = Theme.for_site(self.options.theme_dir).static_files()
        with output.build_lock(self.options.output_dir):
            output.sync_static(static, self.options.output_dir / "static")

    def refresh_search(self) -> None:
        """Re-index the output folder and swap the new bundle in."""
        if self._state is None or not self.options.search:
            return
        with output.build_lock(self.options.output_dir):
            output.replace_folder(
                self.options.output_dir / "pagefind",
                lambda temp: write_search_index(
                    self.options.output_dir,
                    self._language,
                    temp,
                    shards=self.options.search_shards,
                    previous=self.options.output_dir / SEARCH_FOLDER,
                ),
            )
        self.search_stale = False

    def _write_everything(
        self, env: RecordingEnvironment, pages: list[Page], prepared: Prepared
    ) -> PageWriter:
        """Render into a temporary folder beside the output, index it, swap it in."""
        writer = PageWriter(Path())
        data = prepared.data
        stage = self._clock.stage

        def fill(temp: Path) -> None:
            writer.directory = temp
            images.write_images(prepared.images, temp)
            with stage("render"):
                options = self.options
                render_and_write(env, pages, data, writer, options.workers, options.progress)
            with stage("cards"):
                self._write_cards(prepared.cards, temp)
            output.copy_static(Theme.for_site(self.options.theme_dir).static_files(), temp)
            output.write_file(temp, ".nojekyll", "")
            if self.options.search:
                with stage("search"):
                    write_search_index(
                        temp, data.site.config.language, shards=self.options.search_shards
                    )

        protected = (self.options.content_dir, self.options.theme_dir, Path.cwd())
        with stage("write"):
            output.publish(self.options.output_dir, fill, protected)
        self.search_stale = False
        return writer

    def _write_aside(
        self,
        env: RecordingEnvironment,
        dirty: list[Page],
        prepared: Prepared,
        previous: BuildState,
    ) -> tuple[PageWriter, tuple[str, ...]]:
        """Like a full build, a new folder swapped in whole (re-indexed, verified), but
        made of hard links to the current output with only the changed pages replaced.
        Nothing is swapped if no page's bytes changed."""
        out = self.options.output_dir
        writer = PageWriter(Path(), dict(previous.hashes), atomic=True)  # never in place
        deleted = _vanished(prepared, previous)
        language = prepared.data.site.config.language

        def fill(temp: Path) -> None:
            output.link_tree(out, temp)
            (temp / output.MARKER).unlink(missing_ok=True)  # publish writes it anew
            writer.directory = temp
            self._update_pages(env, dirty, prepared, writer, deleted)
            if not (writer.written or deleted):
                raise _NothingChanged
            if self.options.search:
                shutil.rmtree(temp / SEARCH_FOLDER, ignore_errors=True)  # links: not in place
                with self._clock.stage("search"):
                    write_search_index(
                        temp,
                        language,
                        shards=self.options.search_shards,
                        previous=out / SEARCH_FOLDER,  # its unchanged shards are reused
                    )

        protected = (self.options.content_dir, self.options.theme_dir, Path.cwd())
        with contextlib.suppress(_NothingChanged), self._clock.stage("write"):
            output.publish(out, fill, protected)
        self.search_stale = False
        return writer, deleted

    def _update_pages(
        self,
        env: RecordingEnvironment,
        dirty: list[Page],
        prepared: Prepared,
        writer: PageWriter,
        deleted: tuple[str, ...],
    ) -> None:
        """Bring the pages in `writer.directory` up to date: new social cards first (so
        no page is served before the card it names), the changed pages, then remove the
        pages and cards that are gone."""
        directory = writer.directory
        with self._clock.stage("cards"):
            self._write_cards(prepared.cards, directory)
        images.write_images(prepared.images, directory)
        with self._clock.stage("render"):
            render_and_write(env, dirty, prepared.data, writer, self.options.workers)
        for path in deleted:
            output.remove_page(directory, output_file(path))
        cards.remove_other_cards(prepared.cards.values(), directory)

    def _write_changes(
        self,
        env: RecordingEnvironment,
        dirty: list[Page],
        prepared: Prepared,
        previous: BuildState,
    ) -> tuple[PageWriter, tuple[str, ...]]:
        """Write the pages whose output changed, each atomically, in the served folder."""
        out = self.options.output_dir
        writer = PageWriter(out, dict(previous.hashes), atomic=True)
        deleted = _vanished(prepared, previous)
        with output.build_lock(out), self._clock.stage("write"):  # `make build` waits
            self._update_pages(env, dirty, prepared, writer, deleted)
        if writer.written or deleted:
            self.search_stale = True
        return writer, deleted


class _NothingChanged(Exception):
    """Every page rendered to the bytes it had: the new folder is not swapped in."""


def _checked_links_and_images(
    site: Site, texts: Texts, pages: tuple[Page, ...], resolvers: Mapping[str, images.Resolver]
) -> tuple[images.LocalImage, ...]:
    """The local images to publish; every broken link and image reported at once."""
    errors: list[ContentError] = []
    try:
        check_internal_links(site, texts.bodies, pages)
    except ContentErrors as problems:
        errors += problems.errors
    try:
        found = images.site_images(site.articles, texts.bodies, resolvers)
    except ContentErrors as problems:
        errors += problems.errors
    if errors:
        raise ContentErrors(errors)
    return found


def _field_warnings(raw: RawContent) -> list[ContentError]:
    """Fields nothing reads. (A base_url without a host is no warning: such a build is for
    viewing here, and writes no address that must be absolute.)"""
    return unknown_field_warnings(raw)


def _vanished(prepared: Prepared, previous: BuildState) -> tuple[str, ...]:
    """The pages the last build wrote that this one no longer has."""
    return tuple(sorted(previous.reads.keys() - {page.path for page in prepared.pages}))


def _reusable(previous: BuildState | None, files: set[str] | None, options: BuildOptions) -> dict:
    """Records loaded by the last build from files that have not changed since."""
    if previous is None or files is None:
        return {}
    content_dir = options.content_dir
    return {
        path: record
        for path, record in previous.records.items()
        if path.relative_to(content_dir).as_posix() not in files
    }


def _next_state(
    previous: BuildState | None,
    fingerprints: Mapping[str, Fingerprint],
    prepared: Prepared,
    writer: PageWriter,
    queries: Mapping,
    deleted: tuple[str, ...],
) -> BuildState:
    """This build's state: what it rendered now, and what it kept from the last one."""
    paths = {page.path for page in prepared.pages}
    reads = {p: r for p, r in (previous.reads if previous else {}).items() if p in paths}
    reads.update(writer.reads)
    hashes = {p: h for p, h in (previous.hashes if previous else {}).items() if p in paths}
    hashes.update(writer.hashes)
    data = prepared.data
    values = {**queries, **writer.queries}  # earlier queries and new ones, as of this build
    texts: Texts = data.texts
    return BuildState(
        fingerprints=dict(fingerprints),
        records=loaded_files(prepared.raw),
        bodies={
            slug: (article.body, texts.bodies[slug]) for slug, article in data.site.articles.items()
        },
        reads=reads,
        headers={page.path: page.header for page in prepared.pages},
        queries=values,
        hashes=hashes,
    )


def build(options: BuildOptions) -> BuildReport:
    """One build: a full one into a temporary folder, swapped into place; or, from the
    persistent cache (`options.cache`), only the pages whose reads changed, in place."""
    builder = Builder(options)
    report = builder.build()
    if builder.search_stale:
        builder.refresh_search()
    builder.save_cache()
    return report


def render_site(options: BuildOptions) -> RenderedSite:
    """Everything short of writing: raises ContentErrors with every problem found."""
    return Builder(options).render()
