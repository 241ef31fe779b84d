"""The build, as its stages: gather everything (`prepare`: load -> model -> evidence ->
texts -> links -> pages), choose the pages to render (those whose recorded reads changed),
then write them one of three ways (`writers`: render -> write -> index -> swap).

`Builder` runs the builds of one site, again and again: `make build` is a Builder's first
build, and the preview calls `build()` again after each edit (one code path for both).
Between builds it holds what the last one left (`LastBuild`: its state and report), what
preparing it learnt (`prepare.Memory`: the Markdown parser, the near-copy search, the
claims' supports), the Jinja environment (rebuilt when a template, a static file or the
site's settings change), the social cards' digests, and the warm start from the
persistent cache (`warm_start`). Every error leaves the output as it was."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Hashable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from generator.content.fingerprints import Fingerprint, scan
from generator.incremental.cache import THEME_PARTS
from generator.incremental.state import BuildState, changed_files
from generator.pipeline.lock import OutputLock
from generator.pipeline.parallel import PageWriter
from generator.pipeline.plan import Plan, next_state, pages_to_render
from generator.pipeline.prepare import Memory, prepare
from generator.pipeline.report import BuildReport, RenderedSite
from generator.pipeline.served_write import into_served_folder
from generator.pipeline.stages import StageClock
from generator.pipeline.warm_start import LastBuild, WarmStart, save, warm_start
from generator.pipeline.writers import (
    Handover,
    Settle,
    WriteJob,
    Written,
    discard_search,
    in_place,
    index_search_beside,
    into_new_folder,
    publish_search,
)
from generator.reads.queries import Query, SiteData
from generator.render.jinja import RecordingEnvironment, make_environment, render_each
from generator.routes import STATIC_FOLDER, output_file
from generator.search.pages import Listed
from generator.settings import BuildOptions

__all__ = ["BuildOptions", "BuildReport", "Builder", "RenderedSite", "build", "render_site"]


@dataclass(frozen=True, slots=True)
class Templates:
    key: tuple  # the site's settings and every template and static file, as scanned
    env: RecordingEnvironment


@dataclass(frozen=True, slots=True)
class Settled:
    """What a build keeps once its pages are written (the rest is let go)."""

    state: BuildState | None  # None: nothing would read it (see `Builder._keeps_state`)
    report: BuildReport  # timed again once the build ends
    memory: Memory | None  # what preparing it learnt (None: not kept)
    data: SiteData | None  # what the next build of this process makes pages of
    cards: frozenset[str]  # the social cards it writes, by name
    images: frozenset[str]  # and the articles' images, by output file


class Builder:
    """Builds one site, again and again; every error leaves the output as it was."""

    def __init__(self, options: BuildOptions, once: bool = False) -> None:
        """`once`: this is the process's only build; nothing is kept for a next one but
        the cache (`options.cache`), so a new output lets the site go before its search."""
        self.options = options
        self._once = once
        self._keeps_state = not once or options.cache  # the state: for a next build, the cache
        self.search_stale = False  # pages changed in place since the search index was written
        self._lock = OutputLock(options.output_dir)
        self._last: LastBuild | None = None
        self._memory = Memory()
        self._data: SiteData | None = None  # what the last build of this process made pages of
        self._templates: Templates | None = None
        self._card_digests: dict[str, str] = {}  # card name -> sha256 of the PNG drawn
        self._cards_written: frozenset[str] = frozenset()  # the cards the last build left
        self._images_written: frozenset[str] | None = None  # and the articles' images
        self._warm: WarmStart | None = None  # the last process's build, from the cache
        self._first = True  # no build has written yet in this process
        self.scanned: Mapping[str, Fingerprint] = {}  # the inputs as the last build found them
        self._search_list: dict[str, Listed] | None = None  # search's page digests, by URL

    def session(self) -> AbstractContextManager[None]:
        """Hold the output's lock, once taken, until the end of everything inside (a build,
        then the cache it leaves)."""
        return self._lock.during_build()

    def render(self) -> RenderedSite:
        """Validate and render every page in memory; writes nothing."""
        fingerprints = scan(self.options.content_dir, self.options.theme_dir)
        prepared, self._memory = prepare(
            self.options, fingerprints, None, None, self._memory, StageClock()
        )
        env = self._environment(prepared.data, fingerprints)
        render_each(env, prepared.pages, prepared.data, lambda page, html, reads: None)
        data = prepared.data
        return RenderedSite(data.site, prepared.pages, prepared.warnings, data.evidence)

    def build(self) -> BuildReport:
        started, clock = time.perf_counter(), StageClock()
        with self.session():
            fingerprints = self.scanned = scan(self.options.content_dir, self.options.theme_dir)
            plan = self._plan(fingerprints, clock)
            if self._last is not None and plan.nothing_changed and not plan.new_day:
                self._last = replace(self._last, changed=plan.changed)
                return self._last.report.repeated(time.perf_counter() - started, clock.times())
            prepared, memory = prepare(
                self.options, fingerprints, plan.base, plan.changed, self._memory, clock
            )
            with clock.stage("pages"):
                pages, queries = pages_to_render(prepared, plan, self._data)
            with clock.stage("render"):
                env = self._environment(prepared.data, fingerprints)
            self._lock.take()
            job = WriteJob(
                self.options,
                env,
                pages,
                prepared,
                plan.previous,
                clock,
                self._card_digests,
                self._cards_written if plan.previous is not None else frozenset(),
                self._images_written if plan.previous is not None else None,
            )
            kept = memory if self._keeps_state else None
            found: list[Settled] = []  # what the writer's call of `settle` keeps
            settle = partial(self._settle, found.append, fingerprints, plan, queries, kept)
            # from here the handover is the only holder of the prepared site and its pages:
            # a new output lets them go before the search stage (`Handover`)
            handover = Handover.of(job)
            del job, prepared, pages, memory, kept, env
            # not known while writing: a write that fails leaves the output's unknown
            self._cards_written, self._images_written = frozenset(), None
            self._write(handover, plan, settle)
            (settled,) = found
            report = replace(
                settled.report, seconds=time.perf_counter() - started, stages=clock.times()
            )
        if settled.state is not None:
            self._last = LastBuild(settled.state, report, plan.changed)
        if settled.memory is not None:
            self._memory = settled.memory
        self._data = settled.data
        self._cards_written, self._images_written = settled.cards, settled.images
        self._first = False
        return report

    def _plan(self, fingerprints: Mapping[str, Fingerprint], clock: StageClock) -> Plan:
        """Where this build starts: from the last build of this process, or on the first
        (with the cache) from the last process's."""
        if self._first and self._warm is None and self.options.cache:
            with clock.stage("cache load"):
                self._start_warm(fingerprints)
        last = self._last
        previous = last.state if last and self.options.output_dir.is_dir() else None
        base = previous or (self._warm.cached.state if self._warm else None)
        changed = None if base is None else changed_files(base.fingerprints, fingerprints)
        new_day = last is not None and last.report.held.stale(self.options.day())
        return Plan(previous, base, None if changed is None else frozenset(changed), new_day)

    def _start_warm(self, fingerprints: Mapping[str, Fingerprint]) -> None:
        """Take the last process's build from the cache: its records and bodies always, its
        pages (as if this process had built them) if the output is as it left it."""
        self._warm = warm_start(self.options, fingerprints, self._lock)
        if self._warm is None:
            return
        # the cached build is most of the heap and lives as long as the Builder: out of
        # the cycle collector's reach, which would walk it again and again (plain data)
        gc.freeze()
        self._memory = self._warm.memory()
        if self._warm.state is not None and self._warm.report is not None:
            self._last = LastBuild(self._warm.state, self._warm.report, None)

    def _write(self, handover: Handover, plan: Plan, settle: Settle) -> Written:
        """A new output, a journaled edit of the served one (a new process), or in place
        (a rebuild)."""
        if plan.previous is None:
            written = into_new_folder(handover, settle)
        else:
            job = handover.take()
            if self._first:
                written = into_served_folder(job)
            else:
                assert plan.changed is not None
                static = any(key.startswith(f"{STATIC_FOLDER}/") for key in plan.changed)
                written = in_place(job, static_changed=static)
            settle(job, written.writer, written.deleted)
        self.search_stale = not written.indexed and (self.search_stale or written.changed)
        if written.search_list:  # the search stage's list of the pages it indexed
            self._search_list = dict(written.search_list)
        return written

    def _settle(
        self,
        keep: Callable[[Settled], None],
        fingerprints: Mapping[str, Fingerprint],
        plan: Plan,
        queries: Mapping[Query, Hashable],
        memory: Memory | None,
        job: WriteJob,
        writer: PageWriter,
        deleted: tuple[str, ...],
    ) -> None:
        """What this build keeps, taken from its job once the pages are written: its state
        (not for the only build of a process without a cache: nothing would read it), its
        report (timed again at the end), and its site's data for the next build."""
        prepared = job.prepared
        state = None
        if self._keeps_state:
            state = next_state(plan.previous, fingerprints, prepared, writer, queries)
        writer.reads, writer.queries = {}, {}  # in the state now, if it is kept
        report = BuildReport(
            pages=len(prepared.pages),
            rendered=tuple(page.path for page in job.pages),
            written=tuple(writer.written),
            deleted=deleted,
            seconds=0.0,
            output_dir=self.options.output_dir,
            base_path=prepared.data.site.config.base_path,
            full=plan.previous is None,
            warnings=prepared.warnings,
            held=prepared.held,
            stages=(),
            altered=self._warm.altered if self._first and self._warm else "",
        )
        keep(
            Settled(
                state,
                report,
                memory,
                None if self._once else prepared.data,
                frozenset(card.name for card in prepared.cards.values()),
                frozenset(output_file(image.path) for image in prepared.images),
            )
        )
        if self._once:
            self._templates = None

    def _environment(
        self, data: SiteData, fingerprints: Mapping[str, Fingerprint]
    ) -> RecordingEnvironment:
        theme = tuple(sorted((k, v) for k, v in fingerprints.items() if k.startswith(THEME_PARTS)))
        key = (data.site.config, theme)
        if self._templates is None or self._templates.key != key:
            env = make_environment(self.options.theme_dir, data.site.config, data.routes)
            self._templates = Templates(key, env)
        return self._templates.env

    def refresh_search(self) -> None:
        """Re-index the output folder after pages were written in place, and swap the new
        bundle in: `index_search` then `publish_search`, in this thread."""
        folder = self.index_search()
        if folder is not None:
            self.publish_search(folder)

    def index_search(self) -> Path | None:
        """The search bundle of the output's pages as they are now, made beside the served
        one without the output's lock (None: no search); `publish_search` swaps it in,
        `discard_search` drops it. Another thread may build meanwhile: only the swap
        must not overlap a build."""
        parser = self._memory.parser
        if self._last is None or parser is None or not self.options.search:
            return None
        hashes = self._last.state.hashes
        folder, self._search_list = index_search_beside(
            self.options, parser.key.language, hashes, self._search_list
        )
        return folder

    def publish_search(self, folder: Path) -> None:
        with self.session():
            self._lock.take()
            publish_search(self.options, folder)
        self.search_stale = False

    @staticmethod
    def discard_search(folder: Path) -> None:
        discard_search(folder)

    def save_cache(self) -> None:
        """Leave this build for the next process (`options.cache`)."""
        if not self.options.cache or self._last is None:
            return
        earlier = self._warm.cached if self._warm else None
        with self.session():
            save(self.options, self._last, earlier, self._memory, self._lock)


def build(options: BuildOptions) -> BuildReport:
    """One build: a full one into a temporary folder, swapped into place; or, from the
    persistent cache (`options.cache`), only the pages whose reads changed. The output's
    lock is held from the build's first look at the output to the cache it leaves."""
    builder = Builder(options, once=True)
    with builder.session():
        report = builder.build()
        if not options.cache:
            return report
        clock = StageClock()
        with clock.stage("cache save"):
            builder.save_cache()
    saved = clock.times()
    return replace(report, seconds=report.seconds + saved[0].seconds, stages=report.stages + saved)


def render_site(options: BuildOptions) -> RenderedSite:
    """Everything short of writing: raises ContentErrors with every problem found."""
    return Builder(options).render()
