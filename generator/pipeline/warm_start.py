"""The persistent cache, from the pipeline's side: a new process starts warm from the
last process's build (its records and bodies always, its pages only if the output folder
is exactly as that build left it), and leaves its own build for the next process, with
the manifest that answers a build with nothing to do (incremental/manifest.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from generator.content.fingerprints import Fingerprint, snapshot
from generator.incremental import cache, chunks, manifest
from generator.incremental.state import BuildState
from generator.output import journal
from generator.pipeline.lock import OutputLock
from generator.pipeline.near_copy_memory import NearCopyMemory
from generator.pipeline.prepare import Memory, Warm, entity_key
from generator.pipeline.report import BuildReport
from generator.settings import BuildOptions


@dataclass(frozen=True, slots=True)
class WarmStart:
    cached: cache.CachedBuild  # inputs whose stat changed but whose bytes did not adopted
    state: BuildState | None  # its pages too: the output is exactly as that build left it
    report: BuildReport | None  # what that build said, if its pages are taken
    altered: str = ""  # how the output differs from that build's, if it does

    def memory(self) -> Memory:
        """What the first build of this process starts from."""
        cached = self.cached
        near_copies = NearCopyMemory(signatures=cached.signatures, search=cached.near_copy_search)
        warm = Warm(cached.near_copies, cached.state.bodies, _as_tuple(cached.entity_key))
        return Memory(near_copies=near_copies, evidence=cached.evidence, warm=warm)


@dataclass(frozen=True, slots=True)
class LastBuild:
    """What the last build of this process left."""

    state: BuildState
    report: BuildReport
    changed: frozenset[str] | None  # the inputs it found changed (None: it had no base)

    @property
    def nothing_changed(self) -> bool:
        return self.changed is not None and not self.changed


def warm_start(
    options: BuildOptions, fingerprints: Mapping[str, Fingerprint], lock: OutputLock
) -> WarmStart | None:
    """The last process's build from the cache beside the output, if it was made under
    these settings, this code and this theme and is whole."""
    path = cache.cache_file(options.output_dir)
    chunks.clean_leftovers(path.parent)
    found = cache.load(path, cache.cache_key(options), kept=True)  # the Builder keeps it
    if found is None:
        return None
    cached = cache.adopt_fingerprints(found, fingerprints, options.content_dir, options.theme_dir)
    lock.take()  # the snapshot must be of an output no other build is writing
    out = options.output_dir
    journal.recover(out)  # an edit killed midway is undone: the output is the cache's again
    if not out.is_dir():
        return WarmStart(cached, None, None)
    now = snapshot(out)
    if now != cached.output:
        return WarmStart(cached, None, None, altered_output(cached.output, now))
    report = cached.report if isinstance(cached.report, BuildReport) else None
    return WarmStart(cached, cached.state, report)


def altered_output(
    built: Mapping[str, tuple[int, int]], now: Mapping[str, tuple[int, int]], shown: int = 3
) -> str:
    """What was added to, removed from or changed in the output since a build left it
    `built` (each file's size and mtime), a few paths named: "CNAME added; a.html removed"."""
    added = sorted(now.keys() - built.keys())
    removed = sorted(built.keys() - now.keys())
    changed = sorted(name for name in now.keys() & built.keys() if now[name] != built[name])
    parts = []
    # by its stat: a file touched or written again with the same bytes counts too
    for names, what in ((added, "added"), (removed, "removed"), (changed, "changed or touched")):
        if names:
            more = f" and {len(names) - shown} more" if len(names) > shown else ""
            parts.append(f"{', '.join(names[:shown])}{more} {what}")
    return "; ".join(parts)


def save(
    options: BuildOptions,
    last: LastBuild,
    earlier: cache.CachedBuild | None,
    memory: Memory,
    lock: OutputLock,
) -> None:
    """Leave this build for the next process; nothing is written if nothing changed since
    the cache it started from (`earlier`) but a manifest that no longer vouches for it.
    Meanwhile the journal of the edit (and the search bundle it replaced) is removed."""
    try:
        _save(options, last, earlier, memory, lock)
    finally:
        journal.removed()


def _save(
    options: BuildOptions,
    last: LastBuild,
    earlier: cache.CachedBuild | None,
    memory: Memory,
    lock: OutputLock,
) -> None:
    report = last.report
    unchanged = not (report.full or report.written or report.deleted)
    if unchanged and earlier is not None and last.nothing_changed and not earlier.adopted:
        # missing (an older cache), or it saw a change this build did not: a folder's
        # mtime moved by a stray file since removed; left, every build would come here
        if manifest.unchanged(options) is None:
            lock.take()
            _save_manifest(options, last, snapshot(options.output_dir))
        return
    lock.take()  # the snapshot must be of a whole output
    cached = cache.CachedBuild(
        state=last.state,
        digests=cache.digests(
            last.state.fingerprints, earlier, options.content_dir, options.theme_dir
        ),
        output=snapshot(options.output_dir),
        entity_key=entity_key(options.content_dir, memory.parser),
        near_copies=memory.near_copies.found,
        signatures=memory.near_copies.signatures,
        signed=memory.near_copies.signed,
        near_copy_search=memory.near_copies.search,
        evidence=memory.evidence,
        report=report.repeated(report.seconds),
    )
    if cache.save(cache.cache_file(options.output_dir), cache.cache_key(options), cached, earlier):
        _save_manifest(options, last, cached.output)
    else:  # the manifest must never vouch for a cache that is not this build's
        with contextlib.suppress(OSError):
            manifest.manifest_file(options.output_dir).unlink(missing_ok=True)


def _save_manifest(
    options: BuildOptions, last: LastBuild, output: Mapping[str, tuple[int, int]]
) -> None:
    """What `briefing build` checks first (manifest.unchanged): if nothing changed
    since, it repeats this report without importing the stages."""
    held = last.report.held
    said = manifest.Report(
        pages=last.report.pages,
        warnings=tuple(str(warning) for warning in last.report.warnings),
        held=held.count,
        next_date=held.next_date.isoformat() if held.next_date else "",
        as_of=held.as_of.isoformat() if held.as_of else "",
    )
    manifest.write(options, last.state.fingerprints, output, said)


def _as_tuple(key: Hashable) -> tuple[object, ...]:
    """The entity key a cache holds: a tuple, or None from a build that linked nothing."""
    return key if isinstance(key, tuple) else ()
