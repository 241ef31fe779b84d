"""The three ways a build writes its pages, each a unit that is committed whole or not at
all (Lektor's artifact-and-commit, at the scale of a folder or of a file):

- `into_new_folder`: a whole new site in a temporary folder beside the output, indexed,
  then swapped in (a first build; `make build --no-cache`);
- `into_served_folder` (served_write.py): the changed pages replaced in the served
  output under a journal, the search bundle swapped in (a new process, warm from the
  cache);
- `in_place`: each changed page replaced atomically in the served folder, the search
  index left for later (a rebuild in the preview), when it is made beside the served
  bundle without the lock (`index_search_beside`) and swapped in with it
  (`publish_search`), unless an edit came first (`discard_search`).

The caller holds the output's lock (pipeline/lock.py)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import output
from generator.incremental import cache
from generator.incremental.manifest import cache_folder
from generator.incremental.state import BuildState
from generator.pages.page import Page
from generator.pipeline.parallel import (
    Beside,
    PageWriter,
    give_back_memory,
    render_and_write,
    worker_count,
)
from generator.pipeline.prepare import Prepared
from generator.pipeline.stages import StageClock
from generator.render import cards
from generator.render.jinja import RecordingEnvironment
from generator.render.theme import Theme
from generator.routes import (
    NO_JEKYLL,
    SEARCH_FOLDER,
    SEARCH_PAGES_SUFFIX,
    STATIC_FOLDER,
    TEMP_PREFIX,
    output_file,
)
from generator.search.index import write_search_index
from generator.search.pages import Listed
from generator.settings import BuildOptions
from generator.text import images


@dataclass(frozen=True, slots=True)
class WriteJob:
    options: BuildOptions
    env: RecordingEnvironment
    pages: Sequence[Page]  # the pages to render: all, or those whose reads changed
    prepared: Prepared
    previous: BuildState | None  # what the output holds now (None: write a whole site)
    clock: StageClock
    card_digests: dict[str, str]  # card name -> sha256 of the PNG drawn; kept across builds
    cards_in_place: frozenset[str] = frozenset()  # cards this process's last build left in
    # the output: a rebuild in place writes only the others (each card is named by its text)
    images_in_place: frozenset[str] | None = None  # the articles' images it left there


@dataclass(frozen=True, slots=True)
class Written:
    writer: PageWriter  # what was rendered, written, read
    deleted: tuple[str, ...] = ()  # page paths whose file was removed
    indexed: bool = True  # the search index went with the pages (not when written in place)
    search_list: Mapping[str, Listed] = field(default_factory=dict)  # search's page digests
    whole: bool = False  # a whole new site was swapped in

    @property
    def changed(self) -> bool:
        return bool(self.writer.written or self.deleted)


@dataclass(slots=True)
class Handover:
    """A build's job, given once to the writer: the frame that takes it is then its last
    holder (and of the prepared site and its pages), so a whole new output lets them go
    once the pages are written, before the search stage, the build's peak of memory."""

    options: BuildOptions
    clock: StageClock
    _job: WriteJob | None

    @classmethod
    def of(cls, job: WriteJob) -> Handover:
        return cls(job.options, job.clock, job)

    def take(self) -> WriteJob:
        job, self._job = self._job, None
        if job is None:
            raise RuntimeError("a build's job is taken once")
        return job


# Called once the pages are written, with the job, the writer and the pages removed: what
# the caller keeps of the build is taken then (the job is let go after it returns).
Settle = Callable[[WriteJob, PageWriter, tuple[str, ...]], None]


def into_new_folder(handover: Handover, settle: Settle) -> Written:
    """Render into a temporary folder beside the output, index it, swap it in. The job is
    let go between the two (`settle` having taken what the caller keeps of it): the
    search stage runs without the site's model and pages."""
    options, stage = handover.options, handover.clock.stage
    writer = PageWriter(Path(), search_entries=options.search)
    search_list: dict[str, Listed] = {}

    def fill(temp: Path) -> None:
        writer.directory = temp
        language = _fill_pages(handover.take(), writer, settle)
        if options.search:
            give_back_memory()
            with stage("search"):
                indexed = write_search_index(
                    temp,
                    language,
                    shards=options.search_shards,
                    known=files_and_digests(writer.hashes),
                    fresh=writer.listed,
                    page_list_file=search_pages_file(options),
                )
                search_list.update(indexed)

    with stage("write"):
        output.publish(options.output_dir, fill, protected_paths(options))
    return Written(writer, whole=True, search_list=search_list)


def _fill_pages(job: WriteJob, writer: PageWriter, settle: Settle) -> str:
    """The pages, images, cards and static files of a new output in `writer.directory`;
    then `settle`. Returns the site's language, all the search stage needs of the job."""
    options, stage, temp = job.options, job.clock.stage, writer.directory
    images.write_images(job.prepared.images, temp)
    with stage("cards"):
        drawing = _cards_to_draw(job, temp) if _forks(job) else None
    with stage("render"):  # with workers, they draw the cards after the pages
        data = job.prepared.data
        render_and_write(
            job.env, job.pages, data, writer, options.workers, options.progress, drawing
        )
    with stage("cards"):
        if drawing is None:  # on the cores it may use, if there are many
            _write_cards(job, temp)
        else:
            _keep_cards(job)
    output.copy_static(Theme.for_site(options.theme_dir).static_files(), temp)
    output.write_file(temp, NO_JEKYLL, "")
    settle(job, writer, ())
    return data.site.config.language


def in_place(job: WriteJob, static_changed: bool) -> Written:
    """Write the pages whose output changed, each atomically, in the served folder; then
    the theme's static files, if one changed."""
    assert job.previous is not None
    out = job.options.output_dir
    writer = PageWriter(out, dict(job.previous.hashes), atomic=True)
    deleted = vanished_pages(job.prepared, job.previous)
    with job.clock.stage("write"):
        update_pages(job, writer, deleted, job.cards_in_place, job.images_in_place)
        if static_changed:
            static = Theme.for_site(job.options.theme_dir).static_files()
            output.sync_static(static, out / STATIC_FOLDER)
    return Written(writer, deleted, indexed=False)


def update_pages(
    job: WriteJob,
    writer: PageWriter,
    deleted: tuple[str, ...],
    cards_there: frozenset[str] = frozenset(),
    images_there: frozenset[str] | None = None,
) -> None:
    """Bring the pages in `writer.directory` up to date: new social cards first (so no
    page is served before the card it names), the changed pages, then remove the pages
    and cards that are gone (of those `cards_there` and `images_there` name, when the
    last build of this process left them: no need to list the folders)."""
    directory = writer.directory
    with job.clock.stage("cards"):
        _write_cards(job, directory, cards_there)
    images.write_images(job.prepared.images, directory, images_there)
    with job.clock.stage("render"):
        render_and_write(job.env, job.pages, job.prepared.data, writer, job.options.workers)
    for path in deleted:
        output.remove_page(directory, output_file(path))
    cards.remove_other_cards(job.prepared.cards.values(), directory, cards_there)


def _write_cards(job: WriteJob, directory: Path, there: frozenset[str] = frozenset()) -> None:
    """Cards not already in `directory` (those named in `there` are not looked at):
    copied from the last build's or the cache's card store, else drawn."""
    options, page_cards = job.options, job.prepared.cards.values()
    reuse, store, known = _card_sources(job)
    missing = [card for card in page_cards if card.name not in there]
    cards.write_cards(missing, directory, reuse, options.workers, store, known)
    _keep_cards(job)


def _cards_to_draw(job: WriteJob, directory: Path) -> Beside[dict[str, str]]:
    """The cards not copied into `directory` (from the last build's or the cache's card
    store), as work for the render workers: each drawn into directory/cards/ and the
    store, its digest recorded."""
    reuse, store, known = _card_sources(job)
    missing = cards.to_draw(job.prepared.cards.values(), directory, reuse, store, known)
    folder = cards.cards_folder(directory)

    def run(indexes: range) -> dict[str, str]:
        return cards.draw_into((missing[index] for index in indexes), folder, store)

    return Beside(len(missing), run, known.update)


def _forks(job: WriteJob) -> bool:
    """Whether the pages are rendered by worker processes (they can draw the cards too)."""
    return worker_count(len(job.pages), job.options.workers) > 1


def _card_sources(job: WriteJob) -> tuple[Path, Path | None, dict[str, str]]:
    """Where cards are copied from (the last build's, the store) and their known digests."""
    options, known = job.options, job.card_digests
    store = cache.card_store(options.output_dir) if options.cache else None
    if store is not None:
        known.update({k: v for k, v in cards.read_index(store).items() if k not in known})
    return options.output_dir / cards.CARDS_DIR, store, known


def _keep_cards(job: WriteJob) -> None:
    """Forget the stored cards no page shows any more; record the digests of the rest."""
    if job.options.cache:
        store = cache.card_store(job.options.output_dir)
        cards.keep_only(job.prepared.cards.values(), store, job.card_digests)


def protected_paths(options: BuildOptions) -> tuple[Path, ...]:
    """Folders a new output must never replace or hold."""
    return (options.content_dir, options.theme_dir, Path.cwd())


def vanished_pages(prepared: Prepared, previous: BuildState) -> tuple[str, ...]:
    """The pages the last build wrote that this one no longer has."""
    return tuple(sorted(previous.reads.keys() - {page.path for page in prepared.pages}))


def index_search_beside(
    options: BuildOptions,
    language: str,
    hashes: Mapping[str, str],
    held_list: Mapping[str, Listed] | None = None,
) -> tuple[Path, dict[str, Listed]]:
    """Index the output folder's pages as they are into a new bundle folder beside the
    output (its unchanged shards linked, not indexed): nothing served changes, so the
    output's lock is not needed. `publish_search` swaps it in. Named as a new output
    is, so a process killed meanwhile leaves nothing the next build does not remove.
    `held_list`: the search stage's list of page digests as the caller holds it; with the
    folder, the list now."""
    out = options.output_dir
    folder = out.parent / f"{TEMP_PREFIX}new-{out.name}-{SEARCH_FOLDER}-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        listed = write_search_index(
            out,
            language,
            folder,
            shards=options.search_shards,
            previous=out / SEARCH_FOLDER,
            known=files_and_digests(hashes),  # if a build changes them, this bundle is dropped
            page_list_file=search_pages_file(options),
            held_list=held_list,
        )
    except BaseException:
        discard_search(folder)
        raise
    return folder, listed


def publish_search(options: BuildOptions, folder: Path) -> None:
    """Swap a bundle made by `index_search_beside` in for the served one (the caller
    holds the output's lock)."""

    def fill(temp: Path) -> None:
        for entry in sorted(folder.iterdir()):
            os.replace(entry, temp / entry.name)
        folder.rmdir()

    try:
        output.replace_folder(options.output_dir / SEARCH_FOLDER, fill)
    finally:
        discard_search(folder)


def discard_search(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def search_pages_file(options: BuildOptions) -> Path | None:
    """Where the search stage keeps its list of the pages' digests for the next build:
    with the cache, beside the output (bookkeeping, not deployed); None without a cache."""
    if not options.cache:
        return None
    out = options.output_dir
    return cache_folder(out) / f"{out.name}{SEARCH_PAGES_SUFFIX}"


def files_and_digests(hashes: Mapping[str, str]) -> dict[str, str]:
    """{output file: sha256 hex of its bytes} of the pages the writer has digested: the
    search stage need not read them again to know which changed."""
    return {output_file(path): digest for path, digest in hashes.items()}
