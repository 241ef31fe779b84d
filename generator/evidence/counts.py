"""Numbers with what they count ('1,200 prisoners of war'), and quantifiers ('all their
prisoners', 'some EU leaders')."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.evidence import cues
from generator.evidence.tokens import Tokens

NUMERAL = re.compile(r"\d+(?:[.,]\d+)*$")
ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True, slots=True)
class Counted:
    value: tuple  # ("n", digits, scale) or ("o", n)
    nouns: frozenset  # stems of the words after it: what it counts
    label: str  # as written, with what it counts


NUMBER_WORDS = frozenset(cues.ORDINAL_WORDS) | frozenset(cues.TENS) | frozenset(cues.UNITS)


def numbers(tokens: Tokens) -> Iterable[Counted]:
    words, after = tokens.words, 0
    starts = [i for i, word in enumerate(words) if word[0].isdigit() or word in NUMBER_WORDS]
    for index in starts:
        found = _number_at(words, index) if index >= after else None
        if found is None:
            continue
        value, after = found
        end = after
        nouns, stop = _counted(tokens, end)
        if nouns and not _is_year(value, words[index]):
            yield Counted(value, nouns, " ".join(tokens.raw[index:stop]).replace(" - ", "-"))


def _number_at(words: list[str], index: int) -> tuple[tuple, int] | None:
    """(value, end) of a number starting at `index`: '1,200', 'forty - five', '4 th',
    'fourth', '1.5 bn', 'three million'."""
    word = words[index]
    if word in cues.ORDINAL_WORDS:
        return ("o", cues.ORDINAL_WORDS[word]), index + 1
    if NUMERAL.match(word):
        digits, end = word.replace(",", ""), index + 1
        if end < len(words) and words[end] in ORDINAL_SUFFIX:
            return ("o", int(float(digits))), end + 1
    elif word in cues.TENS:
        value, end = cues.TENS[word], index + 1
        if end + 1 < len(words) and words[end] == "-" and words[end + 1] in cues.UNITS:
            value, end = value + cues.UNITS[words[end + 1]], end + 2
        digits = str(value)
    elif word in cues.UNITS and word not in ("zero", "one"):
        digits, end = str(cues.UNITS[word]), index + 1
    else:
        return None
    scale = ""
    if end < len(words) and words[end] in cues.SCALES:
        scale, end = cues.SCALES[words[end]], end + 1
    return ("n", digits, scale), end


def _counted(tokens: Tokens, start: int) -> tuple[frozenset, int]:
    """The stems of the words a number counts: up to COUNTED words after it, before
    punctuation (a hyphen joins: '30-day') or another number; 'per cent' and '%' as '%'."""
    nouns, index, seen, last = set(), start, 0, start
    words = tokens.words
    while index < len(words) and seen < cues.COUNTED:
        word = words[index]
        if word == "%" or (word == "per" and words[index + 1 : index + 2] == ["cent"]):
            nouns.add(cues.PERCENT)
            index += 1 if word == "%" else 2
            seen, last = seen + 1, index
            continue
        if word == "percent":
            nouns.add(cues.PERCENT)
            last = index + 1
        elif word == "-":
            index += 1
            continue
        elif (
            not word[0].isalpha()
            or _number_at(words, index)
            or word in cues.TERMINATORS
            or word == "and"
        ):
            break
        elif tokens.keys[index] is not None and not tokens.entities[index]:
            nouns.add(tokens.keys[index])
            last = index + 1
        seen += 1
        index += 1
    return frozenset(nouns), last


def _is_year(value: tuple, written: str) -> bool:
    """'in 1994' counts nothing; '1,950 soldiers' is no year, for its separator."""
    plain = written.isdigit() and value[0] == "n" and not value[2]
    return plain and 1900 <= int(value[1]) < 2100


def quantifiers(tokens: Tokens) -> tuple[tuple, dict, frozenset]:
    universals, quantified = [], set()
    partials: dict[str | tuple, str] = {}  # a stem or an entity key -> the words shown
    words = tokens.words
    for index, word in enumerate(words):
        if word not in cues.UNIVERSALS and word not in cues.PARTIALS:
            continue
        after = index + 1
        while after < len(words) and words[after] in cues.DETERMINERS:
            after += 1
        stop = min(after + 2, len(words))
        while stop > after and tokens.keys[stop - 1] is None:
            stop -= 1
        shown = " ".join(tokens.raw[index:stop])
        for key_index in range(after, stop):
            key = tokens.keys[key_index]
            if key is None:
                continue
            quantified.add(key)
            if word in cues.UNIVERSALS and not isinstance(key, tuple):
                universals.append((key, shown))
            elif word in cues.PARTIALS:
                partials.setdefault(key, shown)
    return tuple(universals), partials, frozenset(quantified)
