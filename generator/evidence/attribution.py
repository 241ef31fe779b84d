"""Who a text credits with what it says: 'X said', 'according to X', 'said X', 'X, who
accused', 'in X's words', and 'he' or 'she' resolved to the person named before."""

from __future__ import annotations

from generator.evidence import cues
from generator.evidence.textfeatures import NameIndex
from generator.evidence.tokens import Tokens


def speakers(tokens: Tokens, names: NameIndex, before: str) -> tuple[str, ...]:
    """Who each attribution verb ('X said', 'according to X', 'said X') credits, in order."""
    words, found = tokens.words, []
    for index, word in enumerate(words):
        if tuple(words[index : index + 2]) == cues.ACCORDING:
            speaker = _speaker_after(tokens, names, index + 2, inverted=False)
        elif word in cues.POSSESSED and words[index - 2 : index] == ["'", "s"]:
            speaker = tokens.entities[index - 3] if index >= 3 else ""  # X's words, X's view
        elif word in cues.ATTRIBUTIONS:
            speaker = _speaker_before(tokens, names, index)
            if not speaker and word in cues.INVERTED:
                speaker = _speaker_after(tokens, names, index + 1)
        else:
            continue
        if speaker in cues.PRONOUNS:
            people = [e for e in tokens.entities[:index] if e and names.is_person(e)]
            speaker = people[-1] if people else before
        if speaker and speaker not in found:
            found.append(speaker)
    return tuple(found)


def _speaker_before(tokens: Tokens, names: NameIndex, index: int) -> str:
    """The nearest person or 'he'/'she' before an attribution verb, else the nearest other
    name ('the Ukrainian air force said')."""
    fallback = ""
    if index and tokens.words[index - 1] in cues.COORDINATING:
        return _subject(tokens, names, index)
    for at in range(index - 1, max(index - cues.SPEAKER_BEFORE, 0) - 1, -1):
        entity, word = tokens.entities[at], tokens.words[at]
        if entity and names.is_person(entity):
            return entity
        if word in cues.PRONOUNS:
            return word
        if word in cues.PUNCTUATION_ENDS - {","} or word in cues.ATTRIBUTIONS:
            break  # nor before another verb
        if word == '"' and at and tokens.words[at - 1] in cues.PUNCTUATION_ENDS:
            break  # the end of a quotation: its speaker is not inside it
        if entity and not fallback:
            fallback = entity
    return fallback


def _subject(tokens: Tokens, names: NameIndex, index: int) -> str:
    """The first person named before `index`: the subject of a verb after 'and'."""
    return next((e for e in tokens.entities[:index] if e and names.is_person(e)), "")


def _speaker_after(tokens: Tokens, names: NameIndex, start: int, inverted: bool = True) -> str:
    """The name after 'according to', or after an inverted 'said' (only when what follows
    the name cannot be its own verb)."""
    if start >= len(tokens.words) or tokens.words[start] in cues.PUNCTUATION_ENDS | {"that"}:
        return ""
    found, end = [], start
    limit = min(start + cues.SPEAKER_AFTER, len(tokens.words))
    while end < limit and (
        tokens.entities[end] or tokens.raw[end][0].isupper() or tokens.words[end] in cues.TITLES
    ):
        if tokens.entities[end] and tokens.entities[end] not in found:
            found.append(tokens.entities[end])
        end += 1
    # 'said Dmitry Peskov.' names its speaker; 'said Putin remained open' names a subject
    closed = end >= len(tokens.words) or tokens.words[end] in cues.AFTER_SPEAKER
    if not found or (inverted and not closed):
        return ""
    people = [e for e in found if names.is_person(e)]
    return people[0] if people else found[0]
