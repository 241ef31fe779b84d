"""Analysis for readers: Admiralty grades, independent corroboration, timelines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.content.curation import CREDIBILITY, RELIABILITY, Event
from generator.content.model import Article, Site, Source, Topic
from generator.copies.lineage import DERIVATIVE_KINDS, Lineage, declared
from generator.evidence.claims import Evidence

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
    # sources whose undeclared near copy of a credited source's article was counted with it
    repeated: tuple[tuple[Source, tuple[Source, ...]], ...] = ()

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
            return f"{head} {listed}{self._repeated_note}"
        return (f"{head}: {listed}" if listed else head) + self._repeated_note

    @property
    def _repeated_note(self) -> str:
        """' (X repeats the wording of Y)' for undeclared near copies counted as one."""
        notes = [
            f"{_and_list([c.name for c in copiers])} repeat{'s' if len(copiers) == 1 else ''} "
            f"the wording of {source.name}"
            for source, copiers in self.repeated
        ]
        return f" ({'; '.join(notes)})" if notes else ""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    event: Event
    topic: Topic
    articles: tuple[Article, ...]
    index: int = 0  # the event's place among its topic's events (its claim's index)


def article_grade(site: Site, article: Article) -> Grade:
    source = site.sources[article.source]
    return Grade(
        source.reliability or UNGRADED_RELIABILITY, article.credibility or UNGRADED_CREDIBILITY
    )


def corroboration(
    site: Site, evidence: Evidence, credibility: str = "", lineage: Lineage | None = None
) -> Corroboration:
    """Credit each cited article whose text supports the claim to a source. The articles
    of one rewrite chain or near-copy tree (`lineage`; the declared rewrites when not
    given) are one voice: the tree is credited once, to the source of its supporting
    article nearest its root (an uncited original is checked for this), so what only a
    rewrite adds stays with the rewrite's source. Sources of a derivative kind are never
    independent. `credibility`: the claim's own grade."""
    lineage = lineage if lineage is not None else declared(site)
    credited: dict[str, list[Article]] = {}
    repeated: dict[str, list[Source]] = {}
    for members in _trees(evidence.supported_by, lineage).values():
        behind = _first_voice(site, evidence, lineage, members)
        said = credited.setdefault(behind.source, [])
        for each in (behind, *(site.articles[slug] for slug in members)):
            if each not in said:
                said.append(each)
            if each.slug in lineage.undeclared and each.source != behind.source:
                copier = site.sources[each.source]
                if copier not in repeated.setdefault(behind.source, []):
                    repeated[behind.source].append(copier)
    groups = [(site.sources[s], tuple(arts)) for s, arts in credited.items()]
    outlets = tuple(g for g in groups if g[0].kind not in DERIVATIVE_KINDS)
    derivatives = tuple(g for g in groups if g[0].kind in DERIVATIVE_KINDS)
    return Corroboration(
        outlets,
        derivatives,
        _claim_grade(site, outlets or derivatives, len(outlets) > 1, credibility),
        tuple((site.sources[s], tuple(c)) for s, c in repeated.items()),
    )


def _trees(slugs: Iterable[str], lineage: Lineage) -> dict[str, list[str]]:
    """The supporting articles by the root of their tree, in citation order."""
    trees: dict[str, list[str]] = {}
    for slug in slugs:
        trees.setdefault(lineage.root(slug), []).append(slug)
    return trees


def _first_voice(
    site: Site, evidence: Evidence, lineage: Lineage, members: list[str]
) -> Article:
    """Of a tree's articles that support the claim (cited, or the checked original of a
    cited one), the nearest its root; then the earliest."""
    supporting = {s.slug for s in evidence.supports if s.supported}
    candidates = {
        slug for member in members for slug in (member, *lineage.chain(member))
        if slug in supporting
    }
    first = min(
        candidates,
        key=lambda slug: (len(lineage.chain(slug)), site.articles[slug].date, slug),
    )
    return site.articles[first]


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
    entries = [
        TimelineEntry(event, topic, (), index)
        for topic in topics
        for index, event in enumerate(topic.events)
    ]
    return tuple(sorted(entries, key=lambda e: (e.event.date, e.topic.id, e.event.text)))
