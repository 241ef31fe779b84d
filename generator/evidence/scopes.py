"""Where a cue's scope runs (NegEx-style: from the cue to a terminator), and what the
negation, hedge and future cues of `evidence/cues.py` govern in a text."""

from __future__ import annotations

from collections.abc import Iterable

from generator.evidence import cues
from generator.evidence.tokens import Tokens


def _cue_table(kind: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    if kind == "hedge":
        entries = list(cues.HEDGES)
    elif kind == "future":
        entries = [(cue, "clause") for cue in cues.FUTURES]
    else:
        entries = [(cue, "clause") for cue in cues.NEGATIONS]
    for cue, scope in entries:
        table.setdefault(cue[0], []).append((cue, scope))
    for found in table.values():
        found.sort(key=lambda entry: -len(entry[0]))
    return table


TABLES = {kind: _cue_table(kind) for kind in ("hedge", "future", "negation")}


def cue_spans(tokens: Tokens, kind: str) -> list[tuple[int, int, int]]:
    """(cue start, cue end, scope end) of each cue of a kind."""
    table, words = TABLES[kind], tokens.words
    spans: list[tuple[int, int, int]] = []
    after = 0  # a cue starts after the end of the one before
    for index in [i for i, word in enumerate(words) if word in table]:
        if index < after:
            continue
        match = _match(tokens, table[words[index]], index, kind)
        if match is None:
            continue
        size, scope = match
        after = index + size
        spans.append((index, after, _scope_end(tokens, after, scope, kind == "negation")))
    return spans


def _match(tokens: Tokens, entries: Iterable, index: int, kind: str) -> tuple[int, str] | None:
    words = tokens.words
    for cue, scope in entries:
        if tuple(words[index : index + len(cue)]) != cue:
            continue
        if kind == "hedge" and cue == ("may",) and tokens.raw[index] != "may":
            continue  # the month
        after_article = index > 0 and words[index - 1] in cues.ARTICLES
        if kind == "hedge" and cue[0] in cues.HEDGE_AFTER_ARTICLE and not after_article:
            continue  # 'reported' as a verb of saying
        if cue in cues.BE_BEFORE and (index == 0 or words[index - 1] not in cues.BE):
            continue
        if kind == "negation" and tuple(words[index : index + 2]) in cues.NOT_NEGATIONS:
            continue
        if index and words[index - 1] in cues.ARTICLES:
            scope = "noun"  # 'a proposed summit': it governs the noun, not the clause
        return len(cue), scope
    return None


def _scope_end(tokens: Tokens, start: int, scope: str, negation: bool = False) -> int:
    """Up to a terminator, the close of a quotation the cue is in, or `limit` content words
    (a name counting as one, so a title does not push the words after it out)."""
    limit = cues.NOUN_SCOPE if scope == "noun" else cues.MAX_SCOPE
    quoted = tokens.words[:start].count('"') % 2 == 1
    counted, index, complement = 0, start, False
    while index < len(tokens.words) and counted < limit:
        word = tokens.words[index]
        if word in cues.PUNCTUATION_ENDS or word in cues.TERMINATORS or (quoted and word == '"'):
            break
        if negation and word in cues.NEGATION_ENDS and not complement:
            break
        complement = complement or word in cues.COMPLEMENTISERS
        entity = tokens.entities[index]
        if tokens.keys[index] is not None and not (entity and tokens.entities[index - 1] == entity):
            counted += 1
        index += 1
    return index


def governed(tokens: Tokens, spans: list[tuple[int, int, int]]) -> tuple[dict, bool]:
    """Each key a cue governs -> the cue with the word after it, as written."""
    governed: dict = {}
    for start, end, scope_end in spans:
        shown = _shown(tokens, start, end)
        for index in range(end, scope_end):
            key = tokens.keys[index]
            if key is not None:
                governed.setdefault(key, shown)
    return governed, bool(spans)


def _shown(tokens: Tokens, start: int, end: int) -> str:
    """The cue as a reader would quote it: 'is scheduled to meet'."""
    if start and tokens.words[start - 1] in cues.BE | {"has", "have", "had"}:
        start -= 1
    end = min(
        end
        + (
            2
            if tokens.words[end - 1 : end] == ["to"] or tokens.words[end : end + 1] == ["to"]
            else 1
        ),
        len(tokens.raw),
    )
    return " ".join(tokens.raw[start:end])


def polarity(tokens: Tokens) -> tuple[dict, tuple[str, ...]]:
    spans = cue_spans(tokens, "negation")
    flips = [0] * len(tokens.words)
    in_cue: set[int] = set()
    for start, end, scope_end in spans:
        in_cue.update(range(start, end))
        for index in range(end, scope_end):
            flips[index] += 1
    polarity: dict = {}
    for index, key in enumerate(tokens.keys):
        if key is None or index in in_cue or isinstance(key, tuple):
            continue
        polarity[key] = polarity.get(key, frozenset()) | {flips[index] % 2 == 1}
    shown = tuple(" ".join(tokens.raw[start:scope_end]) for start, _, scope_end in spans)
    return polarity, shown
