"""What the support check compares: the names, numbers, dates and content words of a text.

A text's features are one set of small tuples ("keys"), so a passage is checked against a
claim with set operations:
  ("e", entity id)               a person, organisation or place, by any name or alias
  ("n", value, currency, scale)  a number: '€140 billion' is ("n", "140", "€", "billion")
  ("o", 4)                       an ordinal word: 'fourth'
  ("d", day, month)              a day of a month: '19 November', 'November 19'
  ("c", "november")              a month or weekday name
  ("w", stem)                    a content word: its first five letters, after -s/-ed/-ing
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from generator.evidence.cues import IRREGULAR, SCALES, TENS, UNITS
from generator.evidence.sentences import QUOTES, normalise

MONTHS = (
    "january february march april may june july august september october november december"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
CARDINALS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
    if value >= 2  # 'one' is too often a pronoun to count as a number
} | {word: str(value) for word, value in TENS.items()}
ORDINALS = {
    word: value
    for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
    if value
}
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing during each few for
    from further had has have having he her here hers him his how i if in into is it its itself
    just me more most my of off on once only or other our out over own same she should so some
    such than that the their them then there these they this those through to too under until
    up upon very was we were what when where which while who whom why will with would you your
    said says say saying told according reportedly also already s t""".split()
)
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)
CALENDAR = "|".join(m.title() for m in MONTHS) + "|" + "|".join(d.title() for d in WEEKDAYS)
CALENDAR_WORD = re.compile(rf"\b(?:{CALENDAR})\b")
MONTH = "|".join(m.title() for m in MONTHS)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\b|\b({MONTH})\s+(\d{{1,2}})\b")
NUMBER = re.compile(
    r"(?<![\w.,])(?P<currency>[€$£₴₽¥])?\s?(?P<value>\d+(?:[.,]\d+)*)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion)\b|(?P<short>bn|mn|m|k|tn)\b"
    r"|(?P<ordinal>st|nd|rd|th)\b)?",
    re.IGNORECASE,
)
# 'forty-five', 'twenty two': read as one number.
COMPOUND_NUMBER = re.compile(
    rf"\b({'|'.join(TENS)})[- ]({'|'.join(w for w in UNITS if 0 < UNITS[w] < 10)})\b",
    re.IGNORECASE,
)
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|tomorrow)\b", re.IGNORECASE)
DATE_EXPRESSION = re.compile(
    rf"(?:\b(?:on\s+)?(?:{'|'.join(d.title() for d in WEEKDAYS)}),?\s*)?"
    rf"(?:\b\d{{1,2}}\s+(?:{MONTH})|\b(?:{MONTH})\s+\d{{1,2}}\b)(?:,?\s+\d{{4}})?"
    rf"|\b(?:on\s+)?(?:{'|'.join(d.title() for d in WEEKDAYS)})\b"
    rf"|\b(?:{MONTH})(?:\s+\d{{4}})?\b"
)
TOKEN = re.compile(r"\w+")
QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Every name and alias of every entity, as word sequences (matched case-sensitively,
    as the entity links are)."""

    ids: dict[tuple[str, ...], str]
    names: dict[str, str]  # entity id -> its name, for messages
    longest: int
    firsts: frozenset[str] = frozenset()  # the first words of all names
    people: frozenset[str] = frozenset()  # the ids of persons (empty: every entity counts)

    def label(self, entity_id: str) -> str:
        return self.names.get(entity_id, entity_id)

    def is_person(self, entity_id: str) -> bool:
        return not self.people or entity_id in self.people

    def find(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of each name, longest first at each place."""
        firsts, ids, count = self.firsts, self.ids, len(tokens)
        found: list[tuple[int, int, str]] = []
        after = 0
        for index in [i for i, token in enumerate(tokens) if token in firsts]:
            if index < after:
                continue
            for size in range(min(self.longest, count - index), 0, -1):
                entity = ids.get(tuple(tokens[index : index + size]))
                if entity:
                    found.append((index, index + size, entity))
                    after = index + size
                    break
        return found


def name_index(
    entities: Iterable[tuple[str, str, Iterable[str]]], people: Iterable[str] = ()
) -> NameIndex:
    """From (id, name, aliases) of each entity, and the ids of those that are persons."""
    ids: dict[tuple[str, ...], str] = {}
    names: dict[str, str] = {}
    for entity_id, name, aliases in entities:
        names[entity_id] = name
        for spelling in (name, *aliases):
            words = tuple(TOKEN.findall(spelling.translate(QUOTES)))
            if words:
                ids.setdefault(words, entity_id)
    longest = max((len(w) for w in ids), default=0)
    firsts = frozenset(words[0] for words in ids)
    return NameIndex(ids, names, longest, firsts, frozenset(people))


@dataclass(slots=True)
class Features:
    keys: frozenset  # names, numbers, dates
    words: frozenset  # content words
    labels: dict = field(default_factory=dict)  # key -> as written, for messages


def claim_features(text: str, names: NameIndex) -> Features:
    return _features(_plain(text), names)


def text_features(text: str, names: NameIndex, published: dt.date | None = None) -> frozenset:
    """A passage's keys, numbers in every form a claim may ask for ('€140 billion' also
    satisfies '140', '€140' and '140 billion'). The fast path: no labels. With the date
    the article was `published`, a weekday or 'yesterday' also counts as the day it means."""
    text = _plain(text)
    tokens = TOKEN.findall(text)
    found = names.find(tokens)
    keys: set[tuple | None] = {("e", entity) for _, _, entity in found}
    if found:
        in_names = {i for start, end, _ in found for i in range(start, end)}
        tokens = [t for i, t in enumerate(tokens) if i not in in_names]
    keys.update(map(word_key, tokens))
    keys.discard(None)
    for key, _ in numbers(text):
        if key[0] == "o":
            keys.add(key)
            continue
        _, value, currency, scale = key
        keys.update(
            (key, ("n", value, "", ""), ("n", value, currency, ""), ("n", value, "", scale))
        )
    for match in DAY_MONTH.finditer(text):
        day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        keys.add(("d", int(day), MONTHS.index(month.casefold()) + 1))
    keys.update(("c", word.casefold()) for word in CALENDAR_WORD.findall(text))
    if published is not None:
        keys.update(_days_meant(text, published))
    return frozenset(keys)


def numbers(text: str) -> Iterator[tuple[tuple, str]]:
    """(key, as written) of each number in digits: ("n", value, currency, scale), with 'bn'
    read as 'billion' and so on, or ("o", n) for '4th'."""
    for match in NUMBER.finditer(text):
        value = match["value"].replace(",", "")
        if match["ordinal"]:
            if value.isdigit():
                yield ("o", int(value)), match.group(0).strip()
            continue
        scale = (match["scale"] or SCALES.get((match["short"] or "").casefold(), "")).casefold()
        yield ("n", value, match["currency"] or "", scale), match.group(0).strip()


def _days_meant(text: str, published: dt.date) -> Iterator[tuple]:
    """The day each weekday name means (the nearest such day, up to three days before or
    after the article's date: 'on Wednesday' in Tuesday's paper is tomorrow, in Saturday's
    it was three days ago), and 'yesterday', 'today' and 'tomorrow'."""
    for word in CALENDAR_WORD.findall(text):
        if word.casefold() in WEEKDAYS:
            offset = (WEEKDAYS.index(word.casefold()) - published.weekday() + 3) % 7 - 3
            day = published + dt.timedelta(days=offset)
            yield ("d", day.day, day.month)
    for word in RELATIVE_DAY.findall(text):
        day = published + dt.timedelta(days=RELATIVE_DAYS[word.casefold()])
        yield ("d", day.day, day.month)


def _plain(text: str) -> str:
    """Typographic marks made plain and compound number words made digits."""
    text = text.translate(QUOTES)
    if "-" in text or " " in text:
        text = COMPOUND_NUMBER.sub(_compound_value, text)
    return text


def _compound_value(match: re.Match[str]) -> str:
    return str(TENS[match[1].casefold()] + UNITS[match[2].casefold()])


def quoted_spans(text: str) -> tuple[str, ...]:
    """The normalised words a claim puts in double quotation marks."""
    return tuple(span.strip(" .,;:") for span in QUOTED.findall(normalise(text)) if span.strip())


def date_free(text: str) -> str:
    """The text without its dates and weekdays: an inferred date is not looked for."""
    return DATE_EXPRESSION.sub(" ", text.translate(QUOTES))


def _features(text: str, names: NameIndex) -> Features:
    keys: set = set()
    labels: dict = {}
    tokens = TOKEN.findall(text)
    in_names: set[int] = set()
    for start, end, entity in names.find(tokens):
        in_names.update(range(start, end))
        keys.add(("e", entity))
        labels[("e", entity)] = names.label(entity)
    for key, label in numbers(text):
        keys.add(key)
        labels[key] = label
    for match in DAY_MONTH.finditer(text):
        day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        key = ("d", int(day), MONTHS.index(month.casefold()) + 1)
        keys.add(key)
        labels[key] = match.group(0)
    for match in CALENDAR_WORD.finditer(text):
        keys.add(("c", match.group(0).casefold()))
        labels[("c", match.group(0).casefold())] = match.group(0)
    words = set()
    for position, token in enumerate(tokens):
        if position in in_names:
            continue
        word = word_key(token)
        if word is None:
            continue
        if word[0] == "w":
            words.add(word)
        else:
            keys.add(word)
            labels[word] = token
    return Features(frozenset(keys), frozenset(words), labels)


@cache
def word_key(token: str) -> tuple | None:
    """What one word counts as: a number ("n"), an ordinal ("o"), a content word ("w"),
    or nothing (a stop word, a digit run, a month or weekday: those are read elsewhere)."""
    word = token.casefold()
    if word in STOP_WORDS or word[0].isdigit() or word in CALENDAR_NAMES:
        return None
    word = IRREGULAR.get(word, word)
    if word in CARDINALS:
        return ("n", CARDINALS[word], "", "")
    if word in ORDINALS:
        return ("o", ORDINALS[word])
    return ("w", stem(word))


def stem(word: str) -> str:
    """Crude on purpose, and easy to state: drop -s, -es, -ed or -ing, keep five letters."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]
