"""The evidence stage on a Site: its claims, their support, and what `check` reports."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from . import forked
from .errors import ContentError
from .evidence import Claim, Evidence, Support, check_claims
from .intel import original_of
from .model import Site, Topic
from .signatures import body_digest
from .textfeatures import name_index

QUOTED_SHOWN = 160  # characters of the closest sentence quoted in a warning


@dataclass(frozen=True, slots=True)
class SiteEvidence:
    """Every claim's evidence, by (topic id, kind, index)."""

    items: Mapping[tuple[str, str, int], Evidence]
    by_article: Mapping[str, tuple[Evidence, ...]]  # the claims each article's text supports

    def of(self, topic: str, kind: str, index: int) -> Evidence:
        return self.items[(topic, kind, index)]

    def citing(self, slug: str, *, cited: bool = True) -> tuple[Evidence, ...]:
        """The claims that cite this article and that its text supports, in topic order;
        with cited=False also those it supports as the original of a cited rewrite."""
        found = self.by_article.get(slug, ())
        return tuple(e for e in found if not cited or e.support(slug).cited)

    @property
    def checked(self) -> int:
        return sum(1 for e in self.items.values() for s in e.supports if s.cited)

    @property
    def supported(self) -> int:
        return sum(1 for e in self.items.values() for s in e.supports if s.cited and s.supported)


def topic_claims(topic: Topic) -> Iterable[Claim]:
    for index, fact in enumerate(topic.key_facts):
        yield Claim(
            "fact", topic.id, index, fact.text, fact.cites, fact.position, inferred=fact.inferred
        )
    for index, event in enumerate(topic.events):
        yield Claim(
            "event",
            topic.id,
            index,
            event.text,
            event.cites,
            event.position,
            date=event.date,
            inferred=event.inferred,
        )
    for index, quote in enumerate(topic.quotes):
        yield Claim(
            "quote", topic.id, index, quote.text, quote.cites, quote.position, quote.speaker
        )


Supports = tuple[Support, ...]
Memo = Mapping[bytes, Supports]  # a claim's supports by the digest of all they depend on


@dataclass(frozen=True, slots=True)
class CheckedSite:
    evidence: SiteEvidence
    memo: Memo  # every claim's supports, to skip the unchanged ones next time
    checked: int  # claims checked now (the others came from the memo)


def check_site(site: Site, memo: Memo | None = None) -> CheckedSite:
    """Every claim's evidence. A claim whose key in `memo` (its text, date, speaker and
    citations, the entity names, and the text of each article it is checked against)
    is the same as last time takes its supports from there: the rules are a function
    of exactly these."""
    memo = memo or {}
    claims = [claim for topic in site.topics.values() for claim in topic_claims(topic)]
    bodies = {slug: article.body for slug, article in site.articles.items()}
    originals = {
        slug: original_of(site, article).slug
        for slug, article in site.articles.items()
        if article.rewrite_of
    }
    entities = [(e.id, e.name, e.aliases) for e in site.entities.values()]
    keys = _ClaimKeys(bodies, originals, repr(entities).encode())
    keyed = [(claim, keys.of(claim)) for claim in claims]
    todo = [claim for claim, key in keyed if key not in memo]
    fresh = dict(memo)
    if todo:
        checked = check_claims(todo, bodies, originals, name_index(entities))
        fresh.update((keys.of(item.claim), item.supports) for item in checked)
    evidence = [Evidence(claim, fresh[key]) for claim, key in keyed]
    kept = {key: fresh[key] for _, key in keyed}
    return CheckedSite(_site_evidence(evidence), kept, len(todo))


class _ClaimKeys:
    """What a claim's supports are a function of, as one digest."""

    def __init__(self, bodies: Mapping[str, str], originals: Mapping[str, str], names: bytes):
        self._bodies = bodies
        self._originals = originals
        self._names = hashlib.blake2b(names, digest_size=16).digest()
        self._body_keys: dict[str, bytes] = {}

    def of(self, claim: Claim) -> bytes:
        cited = list(dict.fromkeys(claim.cites))
        chain = [self._originals[s] for s in cited if s in self._originals]
        checked = [(slug, self._body(slug)) for slug in dict.fromkeys(cited + chain)]
        what = (claim.kind, claim.text, cited, claim.speaker, claim.date, claim.inferred)
        digest = hashlib.blake2b(repr((what, checked)).encode(), digest_size=16)
        digest.update(self._names)
        return digest.digest()

    def _body(self, slug: str) -> bytes:
        if slug not in self._body_keys:
            self._body_keys[slug] = body_digest(self._bodies.get(slug, ""))
        return self._body_keys[slug]


def _site_evidence(evidence: Iterable[Evidence]) -> SiteEvidence:
    items = {(e.claim.topic, e.claim.kind, e.claim.index): e for e in evidence}
    by_article: dict[str, list[Evidence]] = {}
    for item in items.values():
        for support in item.supports:
            if support.supported:
                by_article.setdefault(support.slug, []).append(item)
    return SiteEvidence(items, {slug: tuple(found) for slug, found in by_article.items()})


def check_site_soon(site: Site, memo: Memo, background: bool) -> Callable[[], CheckedSite]:
    """Start check_site; call the result for its answer. In the background it runs in a
    forked process (which inherits the site) while the build renders Markdown."""
    return forked.soon(_check, (site, memo), background)


def _check(given: tuple[Site, Memo]) -> CheckedSite:
    return check_site(*given)


def evidence_problems(
    evidence: SiteEvidence, languages: Mapping[str, str] | None = None, claims_in: str = ""
) -> tuple[list[ContentError], list[ContentError]]:
    """(errors, warnings): a quote that no cited article carries word for word is an error;
    each cited article that does not support its claim is a warning. An article written in
    another language than the claims (`languages`: an article's, where it has its own;
    `claims_in`: the site's) is not judged: the rules compare words, so it is said instead."""
    languages = languages or {}
    errors, warnings = [], []
    for item in evidence.items.values():
        claim = item.claim
        cited = [s for s in item.supports if s.cited]
        other = [s for s in cited if _other_language(languages.get(s.slug, ""), claims_in)]
        warnings += [_across_languages(claim, s.slug, languages[s.slug], claims_in) for s in other]
        cited = [s for s in cited if s not in other]
        if not cited:
            continue
        if claim.kind == "quote" and not any(s.supported for s in cited):
            message = f"quote not found word for word in any cited article: {claim.text!r}"
            errors.append(ContentError(claim.position, message, _closest(cited)))
            continue
        for support in cited:
            if not support.supported:
                warnings.append(
                    ContentError(
                        claim.position,
                        f"{claim.kind} not supported by '{support.slug}': "
                        f"missing {', '.join(support.missing)}",
                        _closest([support]),
                        severity="warning",
                    )
                )
    return errors, warnings


def _other_language(language: str, claims_in: str) -> bool:
    """'uk' beside 'en' is another language; 'en-GB' beside 'en' is not."""
    return bool(language and claims_in) and language.split("-")[0] != claims_in.split("-")[0]


def _across_languages(claim: Claim, slug: str, language: str, claims_in: str) -> ContentError:
    message = (
        f"{claim.kind} cites '{slug}', written in '{language}', but the claim is in "
        f"'{claims_in}': the support check compares words and does not translate, so it "
        "cannot say whether the text supports the claim"
    )
    return ContentError(claim.position, message, "check it by hand", severity="warning")


def _closest(supports: list) -> str:
    texts = [s.text for s in supports if s.passage]
    if not texts:
        return ""
    text = texts[0]
    if len(text) > QUOTED_SHOWN:
        text = text[: QUOTED_SHOWN - 1].rstrip() + "…"
    return f"closest: {text!r}"
