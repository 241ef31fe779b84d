"""Who a pasted text names: the known entities it mentions, and capitalised names close to
a known name or alias (likely misspellings, printed for a person to confirm; nothing is
ever added to entities.yaml)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.model import Entity
from generator.text.entity_links import EntityMatcher

NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
POSSESSIVE = re.compile(r"(’s|'s|’|')$")
SPELLING_CUTOFF = {1: 0.85, 2: 0.78, 3: 0.78}  # by the candidate's word count
LEADING_WORDS = frozenset(
    """The A An President Prime Foreign Defence Defense Deputy Minister Secretary Chancellor Chief
    Special Envoy Spokesman Spokeswoman Mr Mrs Ms Dr General Ukrainian Russian Turkish US EU UK
    Kremlin""".split()
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    written: str  # as the article spells it
    entity: Entity
    known_as: str  # the name or alias it resembles


def count_mentions(text: str, matcher: EntityMatcher) -> list[tuple[Entity, int]]:
    counts: dict[str, int] = {}
    entities: dict[str, Entity] = {}
    for _, entity in matcher.find(text):
        counts[entity.id] = counts.get(entity.id, 0) + 1
        entities[entity.id] = entity
    return sorted(
        ((entities[i], n) for i, n in counts.items()), key=lambda item: (-item[1], item[0].name)
    )


def suggest_spellings(text: str, entities: Iterable[Entity]) -> list[Suggestion]:
    """Capitalised names in the text that are close to, but not, a known name or alias."""
    known = {name: entity for entity in entities for name in (entity.name, *entity.aliases)}
    canonical = {entity.name for entity in known.values()}
    folded = {name.casefold(): name for name in known}
    suggestions: dict[str, Suggestion] = {}
    for candidate in sorted(_name_candidates(text), key=lambda c: (-len(c.split()), c)):
        if any(candidate in name for name in known):  # a known name, or part of one
            continue
        if any(_extends(candidate, name) for name in canonical):
            continue
        if any(candidate in longer for longer in suggestions):
            continue
        cutoff = SPELLING_CUTOFF.get(len(candidate.split()), 0.78)
        match = difflib.get_close_matches(candidate.casefold(), list(folded), n=1, cutoff=cutoff)
        if match:
            name = folded[match[0]]
            suggestions[candidate] = Suggestion(candidate, known[name], name)
    return sorted(suggestions.values(), key=lambda s: s.written)


def _name_candidates(text: str) -> set[str]:
    """Runs of one to three capitalised words that do not start with a title or article."""
    candidates = set()
    for run in NAME_RUN.findall(text):
        words = [POSSESSIVE.sub("", word) for word in run.split()]
        for start in range(len(words)):
            if words[start] in LEADING_WORDS:
                continue
            for end in range(start + 1, min(len(words), start + 3) + 1):
                candidates.add(" ".join(words[start:end]))
    return {c for c in candidates if len(c) > 3}


def _extends(candidate: str, name: str) -> bool:
    """'European Union Council' holds 'European Union'; 'Russian' starts with 'Russia'."""
    return candidate != name and (
        f" {name} " in f" {candidate} " or (" " not in candidate and candidate.startswith(name))
    )
