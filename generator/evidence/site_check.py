"""The evidence stage on a Site: its claims, their support, and what `check` reports."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator import forked
from generator.content.model import Site, Topic
from generator.copies.lineage import declared
from generator.copies.signatures import body_digest
from generator.errors import ContentError
from generator.evidence.claims import Claim, Evidence, Support
from generator.evidence.passages import check_claims, originals_of
from generator.evidence.textfeatures import name_index

QUOTED_SHOWN = 160  # characters of the closest sentence quoted in a warning
CLAIM_SHOWN = 60  # characters of the claim named in a message


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
        return tuple(
            e for e in found if not cited or ((s := e.support(slug)) is not None and s.cited)
        )

    @property
    def checked(self) -> int:
        return sum(1 for e in self.items.values() for s in e.supports if s.cited)

    @property
    def unsupported(self) -> tuple[Evidence, ...]:
        """The claims no cited article supports. They are published, marked "Unsupported"
        wherever they are shown; `check` warns and `check --strict` fails."""
        return tuple(e for e in self.items.values() if not e.supported_by)

    @property
    def supported(self) -> int:
        return sum(1 for e in self.items.values() for s in e.supports if s.cited and s.supported)


def topic_claims(topic: Topic) -> Iterable[Claim]:
    for index, fact in enumerate(topic.key_facts):
        yield Claim(
            "fact",
            topic.id,
            index,
            fact.text,
            fact.cites,
            fact.position,
            inferred=fact.inferred,
            checked=fact.checked,
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
            checked=event.checked,
        )
    for index, quote in enumerate(topic.quotes):
        yield Claim(
            "quote",
            topic.id,
            index,
            quote.text,
            quote.cites,
            quote.position,
            quote.speaker,
            checked=quote.checked,
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
    originals = dict(declared(site).parents)
    published = {slug: article.date for slug, article in site.articles.items()}
    entities = [(e.id, e.name, e.aliases) for e in site.entities.values()]
    people = sorted(e.id for e in site.entities.values() if e.kind == "person")
    keys = _ClaimKeys(bodies, originals, repr((entities, people)).encode(), published)
    keyed = [(claim, keys.of(claim)) for claim in claims]
    todo = [claim for claim, key in keyed if key not in memo]
    fresh = dict(memo)
    if todo:
        names = name_index(entities, people)
        checked = check_claims(todo, bodies, originals, names, published)
        fresh.update((keys.of(item.claim), item.supports) for item in checked)
    evidence = [Evidence(claim, fresh[key]) for claim, key in keyed]
    kept = {key: fresh[key] for _, key in keyed}
    return CheckedSite(_site_evidence(evidence), kept, len(todo))


class _ClaimKeys:
    """What a claim's supports are a function of, as one digest."""

    def __init__(
        self,
        bodies: Mapping[str, str],
        originals: Mapping[str, str],
        names: bytes,
        published: Mapping[str, dt.date],
    ):
        self._bodies = bodies
        self._published = published
        self._originals = originals
        self._names = hashlib.blake2b(names, digest_size=16).digest()
        self._body_keys: dict[str, bytes] = {}

    def of(self, claim: Claim) -> bytes:
        cited = list(dict.fromkeys(claim.cites))
        chain = [o for s in cited for o in originals_of(s, self._originals)]
        checked = [
            (slug, self._body(slug), self._published.get(slug))
            for slug in dict.fromkeys(cited + chain)
        ]
        what = (
            claim.kind,
            claim.text,
            cited,
            claim.speaker,
            claim.date,
            claim.inferred,
            claim.checked,
        )
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
    """(errors, warnings), all of them: a quote that no cited article carries word for word,
    or credits to its speaker, is an error; each cited article that does not support its
    claim is a warning, as is a `checked:` that acknowledges no warning. Each message names
    the claim, the article, what differs, and (as its hint) the closest passage. An article
    written in another language than the claims (`languages`: an article's, where it has its
    own; `claims_in`: the site's) is not judged: the rules compare words, so it says so."""
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
            errors.append(_quote_error(claim, cited))
        else:
            warnings += [_unsupported(claim, s) for s in cited if not s.supported]
        if claim.checked is not None and not any(s.acknowledged for s in cited):
            message = (
                f"{_named(claim)}: 'checked' acknowledges a '{claim.checked.warning}' warning, "
                "but the check raises none for it"
            )
            hint = "remove 'checked', or name the warning the check raises"
            warnings.append(ContentError(claim.position, message, hint, severity="warning"))
    return errors, warnings


def _other_language(language: str, claims_in: str) -> bool:
    """'uk' beside 'en' is another language; 'en-GB' beside 'en' is not."""
    return bool(language and claims_in) and language.split("-")[0] != claims_in.split("-")[0]


def _across_languages(claim: Claim, slug: str, language: str, claims_in: str) -> ContentError:
    message = (
        f"{_named(claim)} cites '{slug}', written in '{language}', but the claim is in "
        f"'{claims_in}': the support check compares words and does not translate, so it "
        "cannot say whether the text supports the claim"
    )
    return ContentError(claim.position, message, "check it by hand", severity="warning")


def _named(claim: Claim) -> str:
    """'fact 3 of topic ankara-meeting ("Witkoff met Zelensky…")'."""
    text = claim.text if len(claim.text) <= CLAIM_SHOWN else claim.text[: CLAIM_SHOWN - 1] + "…"
    return f'{claim.kind} {claim.index + 1} of topic {claim.topic} ("{text}")'


def _quote_error(claim: Claim, cited: list[Support]) -> ContentError:
    verbatim = [s for s in cited if not any(m.startswith('"') for m in s.missing)]
    if verbatim:
        what = "; ".join(_differs(s) for s in verbatim)
        message = f"{_named(claim)} is not credited to its speaker by '{verbatim[0].slug}': {what}"
        return ContentError(claim.position, message, _closest(verbatim))
    message = f"{_named(claim)} not found word for word in any cited article"
    return ContentError(claim.position, message, _closest(cited))


def _unsupported(claim: Claim, support: Support) -> ContentError:
    message = f"{_named(claim)} not supported by '{support.slug}': {_differs(support)}"
    return ContentError(claim.position, message, _closest([support]), severity="warning")


def _differs(support: Support) -> str:
    """What the closest passage lacks, or what it says otherwise, with the rule's name."""
    parts = [f"{d.message} [{d.rule}]" for d in support.differences]
    if support.missing:
        parts.insert(0, f"missing {', '.join(support.missing)} [words]")
    return "; ".join(parts)


def _closest(supports: list) -> str:
    texts = [s.text for s in supports if s.passage]
    if not texts:
        return ""
    text = texts[0]
    if len(text) > QUOTED_SHOWN:
        text = text[: QUOTED_SHOWN - 1].rstrip() + "…"
    return f"closest: {text!r}"
