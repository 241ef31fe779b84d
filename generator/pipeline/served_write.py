"""The way a new process, warm from the cache, writes an edit: the changed pages, cards
and images are replaced in the served output itself, under a journal (output/journal.py),
and the search bundle is made beside it and swapped in; any failure puts the output back
as it was. A full build's new folder would cost a folder and a link for every page of the
site, where an edit changes a few files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator import output
from generator.output.folder_swap import check_output
from generator.output.journal import Journal
from generator.pipeline.parallel import PageWriter
from generator.pipeline.writers import (
    WriteJob,
    Written,
    files_and_digests,
    protected_paths,
    search_pages_file,
    update_pages,
    vanished_pages,
)
from generator.render.cards import CARDS_DIR
from generator.routes import SEARCH_FOLDER, TEMP_PREFIX, output_file
from generator.search.index import write_search_index
from generator.search.pages import Listed
from generator.text import images


def into_served_folder(job: WriteJob) -> Written:
    """Replace the pages whose bytes changed (and the cards and images that changed) in
    the served output, then index it beside and swap the bundle in; all or nothing."""
    assert job.previous is not None
    options, out = job.options, job.options.output_dir
    check_output(out, protected_paths(options))
    writer = PageWriter(out, dict(job.previous.hashes), atomic=True, search_entries=options.search)
    deleted = vanished_pages(job.prepared, job.previous)
    cards_there = frozenset(_cards_in(out))
    images_there = images.images_present(out)
    files = _may_change(job, deleted, cards_there, images_there)
    search_list: dict[str, Listed] = {}
    try:
        journal = Journal.begin(out, files, (SEARCH_FOLDER,) if options.search else ())
    except OSError as exc:
        raise output.OutputError(output.describe_fault(exc, out)) from None
    try:
        with job.clock.stage("write"):
            update_pages(job, writer, deleted, cards_there, frozenset(images_there))
        if options.search and (writer.written or deleted):
            with job.clock.stage("search"):
                search_list = _swap_in_search(job, writer, journal)
    except OSError as exc:
        journal.rollback()
        raise output.OutputError(output.describe_fault(exc, out)) from None
    except BaseException:
        journal.rollback()
        raise
    journal.commit(remove_later=True)  # removed while the cache is saved
    return Written(writer, deleted, search_list=search_list)


def _may_change(
    job: WriteJob, deleted: tuple[str, ...], cards_there: frozenset[str], images_there: set[str]
) -> set[str]:
    """Every file of the output that writing these pages may replace, make or remove."""
    wanted_cards = {card.name for card in job.prepared.cards.values()}
    files = {output_file(page.path) for page in job.pages}
    files.update(output_file(path) for path in deleted)
    files.update(f"{CARDS_DIR}/{name}" for name in wanted_cards ^ cards_there)
    files.update(output_file(image.path) for image in job.prepared.images)
    files.update(images_there)
    return files


def _cards_in(out: Path) -> list[str]:
    """The cards in the output: each is named by its text, so one there is the card."""
    try:
        return [name for name in os.listdir(out / CARDS_DIR) if name.endswith(".png")]
    except FileNotFoundError:
        return []


def _swap_in_search(job: WriteJob, writer: PageWriter, journal: Journal) -> dict[str, Listed]:
    """Index the output as it is now into a bundle beside it (its unchanged shards linked
    from the served one), then swap it in under the journal."""
    options, out = job.options, job.options.output_dir
    folder = out.parent / f"{TEMP_PREFIX}new-{out.name}-{SEARCH_FOLDER}-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        listed = write_search_index(
            out,
            job.prepared.data.site.config.language,
            folder,
            shards=options.search_shards,
            previous=out / SEARCH_FOLDER,  # its unchanged shards are reused
            known=files_and_digests({**writer.previous_hashes, **writer.hashes}),
            fresh=writer.listed,
            page_list_file=search_pages_file(options),
        )
        journal.swap_folder(SEARCH_FOLDER, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return listed
