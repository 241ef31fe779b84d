"""Analysis for readers: Admiralty grades, independent corroboration, timelines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .curation import CREDIBILITY, RELIABILITY, Event
from .evidence import Evidence
from .model import Article, Site, Source, Topic

UNGRADED_RELIABILITY, UNGRADED_CREDIBILITY = "F", "6"  # "cannot be judged"


@dataclass(frozen=True, slots=True)
class Grade:
    """An Admiralty code: source reliability (A-F) and information credibility (1-6)."""

    reliability: str
    credibility: str

    @property
    def code(self) -> str:
        return self.reliability + self.credibility

    @property
    def reliability_meaning(self) -> str:
        return RELIABILITY[self.reliability]

    @property
    def meaning(self) -> str:
        return (
            f"Source: {RELIABILITY[self.reliability].lower()} ({self.reliability}). "
            f"Information: {CREDIBILITY[self.credibility].lower()} ({self.credibility})."
        )


DERIVATIVE_KINDS = frozenset({"aggregator", "machine rewrite", "unattributed"})
STATUS_LABELS = {
    "confirmed": "Confirmed by {n} independent outlets",
    "single": "Single source",
    "unconfirmed": "Unconfirmed: only reported by",
    "unsupported": "Unsupported: no cited article says this",
}


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Who stands behind a claim, computed from the support check: the independent outlets
    whose own text supports it, and the derivative sources (aggregators, machine rewrites,
    unattributed texts) that carry it, each with the supporting articles."""

    outlets: tuple[tuple[Source, tuple[Article, ...]], ...]
    derivatives: tuple[tuple[Source, tuple[Article, ...]], ...]
    grade: Grade | None  # None when nothing supports the claim

    @property
    def count(self) -> int:
        return len(self.outlets)

    @property
    def status(self) -> str:
        if len(self.outlets) > 1:
            return "confirmed"
        if self.outlets:
            return "single"
        return "unconfirmed" if self.derivatives else "unsupported"

    @property
    def label(self) -> str:
        """'Confirmed by 2 independent outlets: A, B', 'Single source: A',
        'Unconfirmed: only reported by X', 'Unsupported: no cited article says this'."""
        return self.label_in(lambda key, **values: STATUS_LABELS[key[7:]].format(**values))

    def label_in(self, t: Callable[..., str]) -> str:
        """The label in the interface's language (`t`: i18n.Strings)."""
        names = {
            "confirmed": self.outlets,
            "single": self.outlets,
            "unconfirmed": self.derivatives,
        }.get(self.status, ())
        head = t(f"status.{self.status}", n=len(self.outlets))
        listed = _and_list([source.name for source, _ in names], _and_word(t))
        if self.status == "unconfirmed":
            return f"{head} {listed}"
        return f"{head}: {listed}" if listed else head


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    event: Event
    topic: Topic
    articles: tuple[Article, ...]


def article_grade(site: Site, article: Article) -> Grade:
    source = site.sources[article.source]
    return Grade(
        source.reliability or UNGRADED_RELIABILITY, article.credibility or UNGRADED_CREDIBILITY
    )


def original_of(site: Site, article: Article) -> Article:
    """Follow rewrite_of to the first article of the chain (a loop stops where it closes)."""
    seen = {article.slug}
    while article.rewrite_of in site.articles and article.rewrite_of not in seen:
        article = site.articles[article.rewrite_of]
        seen.add(article.slug)
    return article


def corroboration(site: Site, evidence: Evidence, credibility: str = "") -> Corroboration:
    """Credit each cited article whose text supports the claim to its source. A rewrite's
    support goes to its original's source only when the original's text supports the
    claim too; what only the rewrite says stays with the rewrite's own source. Sources of
    a derivative kind are never independent. `credibility`: the claim's own grade."""
    credited: dict[str, list[Article]] = {}
    for slug in evidence.supported_by:
        article = behind = site.articles[slug]
        original = original_of(site, article)
        own = evidence.support(original.slug) if original is not article else None
        if own is not None and own.supported:
            behind = original
        credited.setdefault(behind.source, [])
        for each in (behind, article):
            if each not in credited[behind.source]:
                credited[behind.source].append(each)
    groups = [(site.sources[s], tuple(arts)) for s, arts in credited.items()]
    outlets = tuple(g for g in groups if g[0].kind not in DERIVATIVE_KINDS)
    derivatives = tuple(g for g in groups if g[0].kind in DERIVATIVE_KINDS)
    return Corroboration(
        outlets,
        derivatives,
        _claim_grade(site, outlets or derivatives, len(outlets) > 1, credibility),
    )


def _claim_grade(
    site: Site,
    groups: tuple[tuple[Source, tuple[Article, ...]], ...],
    confirmed: bool,
    credibility: str,
) -> Grade | None:
    """The best source grade among those behind the claim; information graded 1
    ("confirmed") only when two independent outlets support it."""
    if not groups:
        return None
    grades = [article_grade(site, a) for _, articles in groups for a in articles]
    reliability = min(g.reliability for g in grades)
    if confirmed:
        return Grade(reliability, "1")
    given = credibility or min(g.credibility for g in grades)
    return Grade(reliability, "2" if given == "1" else given)  # 1 is for confirmed only


def _and_list(names: list[str], and_word: str = "and") -> str:
    if len(names) < 3:
        return f" {and_word} ".join(names)
    return ", ".join(names[:-1]) + f" {and_word} " + names[-1]


def _and_word(t: Callable[..., str]) -> str:
    try:
        return t("word.and")
    except KeyError:  # the English labels of STATUS_LABELS
        return "and"


def timeline_events(topics: Iterable[Topic]) -> tuple[TimelineEntry, ...]:
    """Events oldest first; partial dates sort at the start of their month or year.
    (Their articles are left out: the caller reads those it shows.)"""
    entries = [TimelineEntry(event, topic, ()) for topic in topics for event in topic.events]
    return tuple(sorted(entries, key=lambda e: (e.event.date, e.topic.id, e.event.text)))
