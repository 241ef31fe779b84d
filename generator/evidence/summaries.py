"""Topic summaries checked sentence by sentence, by the support check the key facts use,
against the articles of the topic (any of them may support a sentence: a summary cites
none). Each sentence no article supports is a warning at its line in topics.yaml."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.model import Site, Topic
from generator.copies.lineage import declared
from generator.errors import ContentError, Position
from generator.evidence.claims import Claim, Evidence
from generator.evidence.needs import claim_needs
from generator.evidence.passages import check_claims, originals_of
from generator.evidence.sentences import split_sentences
from generator.evidence.textfeatures import NameIndex, name_index

KIND = "summary"
QUOTED_SHOWN = 160  # characters of the closest passage quoted in a warning


@dataclass(frozen=True, slots=True)
class SummarySentence:
    topic: Topic
    index: int  # 0-based within the summary
    text: str


@dataclass(frozen=True, slots=True)
class SummaryCheck:
    unsupported: tuple[Evidence, ...]  # the sentences no article of their topic supports

    def of(self, topic_id: str) -> tuple[str, ...]:
        """A topic's unsupported sentences, as the page names them."""
        return tuple(e.claim.text for e in self.unsupported if e.claim.topic == topic_id)

    def warnings(self) -> list[ContentError]:
        lines = _SummaryLines()
        return [_warning(item, lines) for item in self.unsupported]


# A topic's inputs (`_topic_key`) -> its summary's sentences checked
SummaryMemo = Mapping[Hashable, tuple[Evidence, ...]]


def check_summaries(site: Site) -> SummaryCheck:
    """Every summary sentence, checked against the articles of its topic. A topic with no
    articles yet is left out: nothing could support it, and lint says it has none."""
    return checked_summaries(site, {})[0]


def checked_summaries(site: Site, memo: SummaryMemo) -> tuple[SummaryCheck, SummaryMemo]:
    """`check_summaries`, and what the next call starts from: a topic whose inputs (its
    summary, the entity names, the texts of its articles and of the articles up their
    rewrite chains) are those of a topic in `memo` takes its sentences from there."""
    entities = tuple((e.id, e.name, e.aliases) for e in site.entities.values())
    names: NameIndex | None = None  # made once, if some topic is checked
    bodies = {slug: article.body for slug, article in site.articles.items()}
    parents = dict(declared(site).parents)
    kept: dict[Hashable, tuple[Evidence, ...]] = {}
    for topic, slugs in _topics_reported(site):
        key = _topic_key(topic, entities, slugs, bodies, parents)
        found = memo.get(key)
        if found is None:
            if names is None:
                names = name_index(list(entities))
            found = _checked_topic(topic, slugs, bodies, parents, names)
        kept[key] = found
    unsupported = [item for items in kept.values() for item in items if not item.supported_by]
    return SummaryCheck(tuple(unsupported)), kept


def _topics_reported(site: Site) -> list[tuple[Topic, list[str]]]:
    """Each topic some article reports, in the site's order, with those articles'."""
    in_topic: dict[str, list[str]] = {}
    for slug, article in site.articles.items():
        for topic in dict.fromkeys(article.topics):
            in_topic.setdefault(topic, []).append(slug)
    return [(t, in_topic[t.id]) for t in site.topics.values() if t.id in in_topic]


def _topic_key(
    topic: Topic,
    entities: tuple,
    slugs: list[str],
    bodies: Mapping[str, str],
    parents: Mapping[str, str],
) -> Hashable:
    chains = tuple(originals_of(slug, parents) for slug in slugs)
    up_chains = sorted({slug for chain in chains for slug in chain})
    return (
        (topic.id, topic.summary, topic.position),
        entities,
        tuple((slug, bodies[slug]) for slug in slugs),
        chains,
        tuple((slug, bodies.get(slug, "")) for slug in up_chains),
    )


def _checked_topic(
    topic: Topic,
    slugs: list[str],
    bodies: Mapping[str, str],
    parents: Mapping[str, str],
    names: NameIndex,
) -> tuple[Evidence, ...]:
    lowered = {slug: bodies[slug].lower() for slug in slugs}
    claims = [
        _claim(sentence, _may_support(sentence, lowered, names))
        for sentence in summary_sentences(topic)
    ]
    return check_claims(claims, bodies, parents, names)


def summary_sentences(topic: Topic) -> tuple[SummarySentence, ...]:
    return tuple(
        SummarySentence(topic, index, sentence.text)
        for index, sentence in enumerate(split_sentences(topic.summary))
    )


def _may_support(
    sentence: SummarySentence, lowered: Mapping[str, str], names: NameIndex
) -> tuple[str, ...]:
    """The topic's articles (`lowered`: their texts, lower case) that hold enough of the
    sentence's content words (each a word stem) to support it: a cheap test that never
    drops one that could, so a large topic is not read whole for every sentence."""
    needs = claim_needs(_claim(sentence, ()), names)
    stems = [word[1] for word in needs.words]
    enough = 0.6 * len(stems)  # needs.MIN_OVERLAP
    return tuple(
        slug for slug, text in lowered.items() if sum(stem in text for stem in stems) >= enough
    )


def _claim(sentence: SummarySentence, cites: tuple[str, ...]) -> Claim:
    topic = sentence.topic
    return Claim(KIND, topic.id, sentence.index, sentence.text, cites, topic.position)


def _warning(item: Evidence, lines: _SummaryLines) -> ContentError:
    claim = item.claim
    closest = min(
        (s for s in item.supports if s.passage), key=lambda s: len(s.missing), default=None
    )
    if closest is None:
        message = "no article of the topic has enough of its words"
        hint = ""
    else:
        message = f"closest, in '{closest.slug}', lacks {', '.join(closest.missing)}"
        text = closest.text
        if len(text) > QUOTED_SHOWN:
            text = text[: QUOTED_SHOWN - 1].rstrip() + "…"
        hint = f"closest: {text!r}"
    return ContentError(
        lines.of(claim.position, claim.text),
        f"summary sentence {claim.index + 1} is not supported by the topic's articles "
        f"({message}): {claim.text!r}",
        hint,
        severity="warning",
    )


class _SummaryLines:
    """The line of a sentence in topics.yaml: the first line at or after the topic's
    that holds its opening words (read only when there is something to report)."""

    def __init__(self) -> None:
        self._files: dict[Path, list[str]] = {}

    def of(self, topic: Position, sentence: str) -> Position:
        if topic.path not in self._files:
            try:
                self._files[topic.path] = topic.path.read_text(encoding="utf-8").split("\n")
            except OSError:
                self._files[topic.path] = []
        opening = " ".join(sentence.split()[:3])
        lines = [" ".join(line.split()) for line in self._files[topic.path]]
        for number in range(max(topic.line, 1), len(lines) + 1):
            here = lines[number - 1]
            at = f"{here} {lines[number] if number < len(lines) else ''}".find(opening)
            if 0 <= at < len(here):  # it starts on this line (maybe ending on the next)
                return Position(topic.path, number)
        return topic

