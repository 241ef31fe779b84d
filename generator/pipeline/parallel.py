"""Render and write pages on all cores. Each page is rendered on its own, so the
output is the same byte for byte whichever process renders it.

Workers are forked after the site is prepared, so they inherit the Jinja
environment and the pages instead of receiving them pickled; only page indexes
go to them and only hashes come back (and, when the site is indexed, each written
page's entry in the search list, made from the bytes at hand: not read again later in
one process). Work `beside` the pages (the social cards) goes to the same workers after
the pages, so it overlaps their last pages instead of waiting for all of them."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from generator import output
from generator.pages.page import Page
from generator.reads.queries import Query, SiteData
from generator.reads.reader import Key, Reads
from generator.render.jinja import RecordingEnvironment, compile_templates, render_each
from generator.routes import output_file
from generator.search.pages import Listed, listed_entry, page_url
from generator.settings import Progress

MIN_PAGES_PER_WORKER = 300  # below this, starting processes costs more than it saves
CHUNKS_PER_WORKER = 8  # smaller chunks: steadier progress and balance, a little overhead
Done = TypeVar("Done")  # what a part of the work beside the pages returns


@dataclass
class PageWriter:
    """Writes rendered pages into `directory`, skipping those whose HTML is unchanged,
    and keeps what each page read."""

    directory: Path
    previous_hashes: dict[str, str] = field(default_factory=dict)
    atomic: bool = False  # True when writing into a folder that is being served
    search_entries: bool = False  # make each written page's entry in the search list here
    hashes: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    reads: dict[str, frozenset[Key]] = field(default_factory=dict)
    queries: dict[Query, Hashable] = field(default_factory=dict)  # values the pages saw
    listed: dict[str, Listed] = field(default_factory=dict)  # output file -> search entry
    _tree: output.OutputTree | None = field(default=None, repr=False)

    def __call__(self, page: Page, html: str, reads: Reads) -> None:
        data = html.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        self.hashes[page.path] = digest
        self.reads[page.path] = reads.keys
        self.queries.update(reads.queries)
        if self.previous_hashes.get(page.path) == digest:
            return
        file = output_file(page.path)
        if self.search_entries and file.endswith(".html"):  # while its bytes are at hand
            self.listed[file] = listed_entry(page_url(file), data, bytes.fromhex(digest))
        if self._tree is None or self._tree.root != self.directory:
            self._tree = output.OutputTree(self.directory)  # each folder checked once
        target = self._tree.inside(file)
        if self.atomic:
            output.write_atomic(target, data)
        else:
            target.write_bytes(data)
        self.written.append(page.path)


@dataclass(frozen=True, slots=True)
class Beside(Generic[Done]):
    """Work the render workers take after the pages: `run` is called with ranges of
    `range(count)` (in a worker, or here in one go), `done` with what each returned, in
    order, in this process."""

    count: int
    run: Callable[[range], Done]
    done: Callable[[Done], None]


# What a forked worker is given (and this process, for the tasks it takes itself)
Job = tuple[RecordingEnvironment, Sequence[Page], SiteData, PageWriter, Beside[Any] | None]


def worker_count(pages: int, allowed: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(allowed, cores or 1, pages // MIN_PAGES_PER_WORKER))


def render_and_write(
    env: RecordingEnvironment,
    pages: Sequence[Page],
    data: SiteData,
    writer: PageWriter,
    workers: int,
    progress: Progress | None = None,
    beside: Beside[Any] | None = None,
) -> PageWriter:
    """Render `pages` through `writer`, in `workers` forked processes when that pays;
    `progress(done, total)` hears how far it got. `beside` is done after the pages."""
    workers = worker_count(len(pages), workers)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        render_each(env, pages, data, _counting(writer, len(pages), progress))
        if beside is not None and beside.count:
            beside.done(beside.run(range(beside.count)))
        return writer
    compile_templates(env)  # once here, not once in each worker
    give_back_memory()  # what is free now is not copied into each worker as resident
    with _frozen():
        _render_in_workers(workers, pages, writer, progress, (env, pages, data, writer, beside))
    order = {page.path: index for index, page in enumerate(pages)}
    writer.written.sort(key=order.__getitem__)
    return writer


def _render_in_workers(
    workers: int,
    pages: Sequence[Page],
    writer: PageWriter,
    progress: Progress | None,
    job: Job,
) -> None:
    """The pages in chunks (then `beside`'s parts), taken by `workers - 1` forked
    processes from the front of the queue and by this one from its back: each forked
    process is a copy of this one, resident in full, and this one has nothing else to do
    meanwhile. What each chunk gives is merged in chunk order, whoever rendered it."""
    beside = job[4]
    chunk_count = workers * CHUNKS_PER_WORKER
    chunks = [range(start, len(pages), chunk_count) for start in range(chunk_count)]
    parts = _parts(beside, chunk_count)
    tasks = _Tasks(
        deque((_render_chunk, index, chunk) for index, chunk in enumerate(chunks)),
        deque((_beside_chunk, len(chunks) + index, part) for index, part in enumerate(parts)),
    )
    finished: dict[int, Any] = {}
    keys, rendered = _Keys(), [0]

    def keep(index: int, answer: Any) -> None:
        if index < len(chunks):  # a chunk of pages: each key they read kept once
            answer = (*answer[:2], keys.shared(answer[2]), *answer[3:])
            rendered[0] += len(chunks[index])
            if progress:
                progress(rendered[0], len(pages))
        finished[index] = answer

    context = multiprocessing.get_context("fork")
    helpers = workers - 1
    with ProcessPoolExecutor(helpers, mp_context=context, initializer=_adopt, initargs=job) as pool:
        running: dict[Future[Any], int] = {}
        while tasks or running:
            for future in [future for future in running if future.done()]:
                keep(running.pop(future), future.result())
            while tasks and len(running) < 2 * helpers:
                work, index, part = tasks.first()
                running[pool.submit(work, part)] = index
            if tasks:
                work, index, part = tasks.last()
                keep(index, _here(job, work, part))
            elif running:
                wait(running, return_when=FIRST_COMPLETED)
    _merge(writer, [finished[index] for index in range(len(chunks))])
    if beside is not None:
        for index in range(len(parts)):
            beside.done(finished[len(chunks) + index])


Task = tuple[Callable[[range], Any], int, range]  # what to run, its place, its part


@dataclass(frozen=True, slots=True)
class _Tasks:
    """The chunks of pages, then the work beside them: the workers take each from the
    front, this process from the back, so the work beside starts after the last pages."""

    pages: deque[Task]
    beside: deque[Task]

    def __bool__(self) -> bool:
        return bool(self.pages or self.beside)

    def first(self) -> Task:
        return self.pages.popleft() if self.pages else self.beside.popleft()

    def last(self) -> Task:
        return self.pages.pop() if self.pages else self.beside.pop()


def _merge(writer: PageWriter, answers: list[Rendered]) -> None:
    for hashes, written, reads, queries, listed in answers:
        writer.hashes.update(hashes)
        writer.listed.update(listed)
        writer.written.extend(written)
        writer.reads.update(reads)
        writer.queries.update(queries)


def _here(job: Job, work: Callable[[range], Any], part: range) -> Any:
    """A task done in this process, as a forked one does it (`_adopt`ing the job)."""
    global _job
    forked, _job = _job, None
    _adopt(*job)
    try:
        return work(part)
    finally:
        _job = forked


def give_back_memory() -> None:
    """Give back to the system what the build let go: collect its cycles, then have
    glibc return its free memory (malloc_trim; nothing elsewhere)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """The objects alive now set aside from the collector while the workers run: a
    collection writes into every object it visits, which would copy each page of the
    site a worker shares with this process into the worker (and here, this process's
    own collection) - most of a worker's memory. Unfrozen after, unless a caller had
    frozen them already (the preview does, between builds)."""
    ours = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if ours:
            gc.unfreeze()


class _Keys:
    """One object for each key the pages read: the workers send each chunk's keys as
    new objects, and the same few thousand keys are read by thousands of pages."""

    def __init__(self) -> None:
        self._known: dict[Key, Key] = {}

    def shared(self, reads: dict[str, frozenset[Key]]) -> dict[str, frozenset[Key]]:
        known = self._known
        return {
            path: frozenset([known.setdefault(key, key) for key in keys])
            for path, keys in reads.items()
        }


def _parts(beside: Beside[Any] | None, count: int) -> list[range]:
    """`beside`'s work in up to `count` contiguous ranges."""
    if beside is None or not beside.count:
        return []
    size = -(-beside.count // count)
    return [range(start, min(start + size, beside.count)) for start in range(0, beside.count, size)]


def _counting(writer: PageWriter, total: int, progress: Progress | None) -> PageWriter:
    if progress is None:
        return writer

    def sink(page: Page, html: str, reads: Reads) -> None:
        writer(page, html, reads)
        if len(writer.hashes) % 100 == 0 or len(writer.hashes) == total:
            progress(len(writer.hashes), total)

    return sink  # type: ignore[return-value]


# What a forked worker process was given: set once per process by the pool's initializer
# (a process pool has no other way to hand a worker what it inherits).
_job: Job | None = None


def _adopt(
    env: RecordingEnvironment,
    pages: Sequence[Page],
    data: SiteData,
    writer: PageWriter,
    beside: Beside[Any] | None,
) -> None:
    global _job
    fresh = PageWriter(
        writer.directory, writer.previous_hashes, writer.atomic, writer.search_entries
    )
    _job = (env, pages, data, fresh, beside)


Rendered = tuple[
    dict[str, str], list[str], dict[str, frozenset[Key]], dict[Query, Hashable], dict[str, Listed]
]


def _render_chunk(indexes: range) -> Rendered:
    assert _job is not None
    env, pages, data, writer, _ = _job
    writer.hashes, writer.written, writer.reads, writer.queries = {}, [], {}, {}
    writer.listed = {}
    render_each(env, (pages[index] for index in indexes), data, writer)
    return writer.hashes, writer.written, writer.reads, writer.queries, writer.listed


def _beside_chunk(indexes: range) -> Any:
    assert _job is not None and _job[4] is not None
    return _job[4].run(indexes)
