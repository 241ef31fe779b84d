"""Topic summaries checked sentence by sentence, by the support check the key facts use,
against the articles of the topic (any of them may support a sentence: a summary cites
none). Each sentence no article supports is a warning at its line in topics.yaml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.model import Site, Topic
from generator.copies.lineage import declared
from generator.errors import ContentError, Position
from generator.evidence.claims import Claim, Evidence
from generator.evidence.needs import claim_needs
from generator.evidence.passages import check_claims
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


def check_summaries(site: Site) -> SummaryCheck:
    """Every summary sentence, checked against the articles of its topic. A topic with no
    articles yet is left out: nothing could support it, and lint says it has none."""
    names = name_index([(e.id, e.name, e.aliases) for e in site.entities.values()])
    reported = {topic for article in site.articles.values() for topic in article.topics}
    bodies = {slug: article.body for slug, article in site.articles.items()}
    lowered = {slug: body.lower() for slug, body in bodies.items()}
    claims = [
        _claim(sentence, _may_support(sentence, site, lowered, names))
        for topic in site.topics.values()
        if topic.id in reported
        for sentence in summary_sentences(topic)
    ]
    checked = check_claims(claims, bodies, dict(declared(site).parents), names)
    return SummaryCheck(tuple(item for item in checked if not item.supported_by))


def summary_sentences(topic: Topic) -> tuple[SummarySentence, ...]:
    return tuple(
        SummarySentence(topic, index, sentence.text)
        for index, sentence in enumerate(split_sentences(topic.summary))
    )


def _may_support(
    sentence: SummarySentence, site: Site, lowered: Mapping[str, str], names: NameIndex
) -> tuple[str, ...]:
    """The topic's articles whose text holds enough of the sentence's content words
    (each a word stem) to support it: a cheap test that never drops one that could, so
    a large topic is not read whole for every sentence."""
    needs = claim_needs(_claim(sentence, ()), names)
    stems = [word[1] for word in needs.words]
    enough = 0.6 * len(stems)  # needs.MIN_OVERLAP
    return tuple(
        slug
        for slug, article in site.articles.items()
        if sentence.topic.id in article.topics
        and sum(stem in lowered[slug] for stem in stems) >= enough
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

