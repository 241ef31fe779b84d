"""What one build's near-copy search leaves the next: its answer, the articles'
signatures, the search itself and its word-pair counts; and the search of a build, from
them (the whole site on a full build, the changed articles on a rebuild)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from generator.content.model import Site
from generator.copies.holders import PairHolders, holders_now
from generator.copies.near_copies import Found, NearCopySearch
from generator.copies.signatures import Signature
from generator.incremental import cache
from generator.pipeline.warnings import near_copies_soon
from generator.settings import BuildOptions

NearCopies = tuple[str, list[Found]]  # (digest of the articles searched, what was found)


@dataclass(frozen=True, slots=True)
class NearCopyMemory:
    """What the next near-copy search starts from."""

    found: NearCopies | None = None  # the last answer (saved in the cache)
    signatures: Mapping[bytes, Signature] = field(default_factory=dict)  # by body digest
    signed: frozenset[bytes] = frozenset()  # the bodies the last search signed
    search: NearCopySearch | None = None  # the last search, without its new signatures
    holders: PairHolders | None = None  # how many of its articles hold each word pair


def near_copies_later(
    site: Site,
    options: BuildOptions,
    last: NearCopyMemory,
    warm: NearCopies | None,
    background: bool,
) -> Callable[[], NearCopyMemory]:
    """Near-copy detection reads every article; a full build searches them all (or takes
    the cache's answer if the articles are the same), a rebuild re-queries only the
    changed ones from the last search: provenance on the pages needs it."""
    articles = tuple(site.articles.values())
    key = cache.articles_digest(articles) if options.cache else ""
    if warm is not None and warm[0] == key:
        return lambda: replace(last, found=warm)
    known = last.signatures
    found = near_copies_soon(articles, known, last.search, background, last.holders)

    def result() -> NearCopyMemory:
        answer = found()
        signatures = {d: answer.signed.get(d) or known[d] for d in answer.digests}
        holders = None  # counted once a search is an update (an edit), then kept up
        if answer.updated and last.search is not None:
            before = last.search.entries
            holders = holders_now(last.holders, before, answer.entries, _either(signatures, known))
        return NearCopyMemory(
            found=(key, list(answer.found)),
            signatures=signatures,
            signed=frozenset(answer.signed),
            search=replace(answer, signed={}),  # its signatures are kept apart
            holders=holders,
        )

    return result


def _either(
    first: Mapping[bytes, Signature], second: Mapping[bytes, Signature]
) -> Callable[[bytes], Signature]:
    return lambda digest: first.get(digest) or second[digest]
