"""The support check: for each key fact, event and quote, the passage (a sentence, or two
adjacent ones) of each cited article that supports it, or the closest one and what it lacks
or says otherwise. The rules are in `needs` and `claim_meaning`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from generator.evidence.claim_meaning import ClaimMeaning
from generator.evidence.claims import Claim, Evidence, Support
from generator.evidence.needs import Needs, claim_needs
from generator.evidence.rules import Difference
from generator.evidence.textfeatures import NameIndex
from generator.evidence.windows import Window, article_windows


def best_support(
    needs: Needs,
    slug: str,
    windows: tuple[Window, ...],
    cited: bool = True,
    meaning: ClaimMeaning | None = None,
) -> Support:
    """The supporting window with the highest score (a single sentence before a pair,
    earlier before later); when none supports, the closest one and what it lacks, or
    what it says otherwise (a window with all the words is read for meaning too)."""
    best: tuple | None = None
    for order, window in enumerate(windows):
        has_words, score, missing = needs.check(window)
        if best is not None and best[0][0] and score <= best[0][2]:
            continue  # cannot outrank a supporting passage found before it
        differences: tuple[Difference, ...] = ()
        if has_words and meaning is not None:
            differences = meaning.differences(window)
        acknowledged, differences = _acknowledge(meaning, differences)
        rank = (has_words and not differences, has_words, score, -order)
        if best is None or rank > best[0]:
            best = (rank, window, missing, differences, acknowledged)
    if best is None:
        return Support(slug, False, (), ("any text",), cited)
    (supported, has_words, *_), window, missing, differences, acknowledged = best
    if not has_words and meaning is not None and window.passage:
        # the closest passage lacks words; say too what it says otherwise, for the editor
        acknowledged, differences = _acknowledge(meaning, meaning.differences(window))
    checked = meaning.claim.checked if meaning else None
    if missing and checked is not None and checked.warning == "words" and not differences:
        # the editor says the closest passage says it in other words
        acknowledged += (Difference("words", f"missing {', '.join(missing)}"),)
        supported, missing = True, ()
    return Support(slug, supported, window.passage, missing, cited, differences, acknowledged)


def _acknowledge(
    meaning: ClaimMeaning | None, differences: tuple[Difference, ...]
) -> tuple[tuple[Difference, ...], tuple[Difference, ...]]:
    """(acknowledged, the rest): the claim's `checked` acknowledges one rule's warning."""
    checked = meaning.claim.checked if meaning else None
    if checked is None or not differences:
        return (), differences
    return (
        tuple(d for d in differences if d.rule == checked.warning),
        tuple(d for d in differences if d.rule != checked.warning),
    )


def check_claims(
    claims: Iterable[Claim],
    bodies: Mapping[str, str],
    originals: Mapping[str, str],
    names: NameIndex,
    published: Mapping[str, dt.date] | None = None,
) -> tuple[Evidence, ...]:
    """`bodies`: article slug -> Markdown body; `originals`: rewrite slug -> the slug of
    the article it rewrites; every article up a cited rewrite's chain is checked too, so
    provenance can tell who said it first; `published`: article slug -> its date, what
    'on Wednesday' in its text is read against."""
    windows: dict[str, tuple[Window, ...]] = {}
    published = published or {}

    def windows_of(slug: str) -> tuple[Window, ...]:
        if slug not in windows:
            windows[slug] = article_windows(bodies.get(slug, ""), names, published.get(slug))
        return windows[slug]

    results = []
    for claim in claims:
        needs = claim_needs(claim, names)
        meaning = ClaimMeaning(claim, names)
        cited = list(dict.fromkeys(claim.cites))
        chain = [o for s in cited for o in originals_of(s, originals) if o not in cited]
        supports = [best_support(needs, slug, windows_of(slug), True, meaning) for slug in cited]
        supports += [
            best_support(needs, slug, windows_of(slug), False, meaning)
            for slug in dict.fromkeys(chain)
        ]
        results.append(Evidence(claim, tuple(supports)))
    return tuple(results)


def originals_of(slug: str, originals: Mapping[str, str]) -> tuple[str, ...]:
    """The articles up `slug`'s rewrite chain, nearest first (a loop stops where it closes)."""
    found: list[str] = []
    seen = {slug}
    while (slug := originals.get(slug, "")) and slug not in seen:
        found.append(slug)
        seen.add(slug)
    return tuple(found)
