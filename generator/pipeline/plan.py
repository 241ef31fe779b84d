"""What a build starts from and what it leaves: the plan (the last build's output and
records, the inputs changed since), the pages to render (those whose recorded reads
changed), and the state the next build starts from."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from generator.content.fingerprints import Fingerprint
from generator.content.load import loaded_files
from generator.incremental.state import BuildState, changed_reads, dirty_pages
from generator.pages.page import Page
from generator.pipeline.parallel import PageWriter
from generator.pipeline.prepare import Prepared
from generator.reads.queries import Query, SiteData


@dataclass(frozen=True, slots=True)
class Plan:
    """What a build starts from."""

    previous: BuildState | None  # the output as the last build left it (None: make a new one)
    base: BuildState | None  # records and bodies to reuse: `previous`, or the cache's
    changed: frozenset[str] | None  # inputs changed since `base` (None: all of them)
    new_day: bool  # a held-back article is due, or the day went back: the lists change

    @property
    def nothing_changed(self) -> bool:
        return self.changed is not None and not self.changed



def pages_to_render(
    prepared: Prepared, plan: Plan, before: SiteData | None
) -> tuple[list[Page], Mapping[Query, Hashable]]:
    """The pages whose recorded reads changed (all of them for a new output or a new day),
    and every earlier query's value now (`before`: the data of the build `plan.previous`
    describes, if this process made it)."""
    previous, changed = plan.previous, plan.changed
    if previous is None or changed is None or plan.new_day:
        return dirty_pages(prepared.pages, previous, None), {}
    keys, queries = changed_reads(previous, set(changed), prepared.raw, prepared.data, before)
    return dirty_pages(prepared.pages, previous, keys), queries


def next_state(
    previous: BuildState | None,
    fingerprints: Mapping[str, Fingerprint],
    prepared: Prepared,
    writer: PageWriter,
    queries: Mapping[Query, Hashable],
) -> BuildState:
    """This build's state: what it rendered now, and what it kept from the last one."""
    paths = {page.path for page in prepared.pages}
    reads = {p: r for p, r in (previous.reads if previous else {}).items() if p in paths}
    reads.update(writer.reads)
    hashes = {p: h for p, h in (previous.hashes if previous else {}).items() if p in paths}
    hashes.update(writer.hashes)
    data = prepared.data
    return BuildState(
        fingerprints=dict(fingerprints),
        records=loaded_files(prepared.raw),
        bodies={
            slug: (article.body, data.texts.bodies[slug])
            for slug, article in data.site.articles.items()
        },
        reads=reads,
        headers={page.path: page.header for page in prepared.pages},
        queries={**queries, **writer.queries},  # earlier queries and new ones, as of now
        hashes=hashes,
    )
