"""The curated parts of a topic: key facts, timeline events and quotes, each citing articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.content.dates import PartialDate
from generator.content.fields import FieldReader, Reference, references_to
from generator.errors import Position, did_you_mean
from generator.routes import TOPICS_FILE

# The meaning rules of the evidence check (evidence/rules.py), by name.
RULES = ("negation", "hedge", "number", "speaker", "date")
# What a claim's `checked:` may name: a rule, or "words" (the passage says it in other
# words than the claim's).
ACKNOWLEDGEABLE = (*RULES, "words")


@dataclass(frozen=True, slots=True)
class Checked:
    """An editor's word that one named warning of a claim was read and does not apply."""

    warning: str  # one of ACKNOWLEDGEABLE
    reason: str  # shown on the page with the claim


RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    "1": "Confirmed by other sources",
    "2": "Probably true",
    "3": "Possibly true",
    "4": "Doubtful",
    "5": "Improbable",
    "6": "Truth cannot be judged",
}


NOWHERE = Position(Path(TOPICS_FILE))


@dataclass(frozen=True, slots=True)
class KeyFact:
    text: str
    cites: tuple[str, ...]
    credibility: str = ""  # "1".."6" when graded for the fact itself
    position: Position = NOWHERE  # of its text, for the support check's messages
    inferred: bool = False  # a date in it was worked out by the editor, not stated
    added: dt.date | None = None  # when the curator added it, if they say
    checked: Checked | None = None  # one warning of the support check acknowledged


@dataclass(frozen=True, slots=True)
class Event:
    date: PartialDate
    text: str
    cites: tuple[str, ...]
    position: Position = NOWHERE
    inferred: bool = False  # the date was worked out (from "on Tuesday"), not stated
    checked: Checked | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str  # entity id
    text: str
    cites: tuple[str, ...]
    context: str = ""
    position: Position = NOWHERE
    checked: Checked | None = None


def read_key_facts(fields: FieldReader, references: list[Reference]) -> tuple[KeyFact, ...]:
    facts = []
    for index in fields.records("key_facts"):
        fact = fields.child("key_facts", index, what="key fact")
        cites = _cites(fact, references)
        facts.append(
            KeyFact(
                fact.text("text"),
                cites,
                grade(fact, "credibility", CREDIBILITY),
                fact.at("text"),
                inferred(fact),
                fact.date("added") if "added" in fact.mapping else None,
                checked(fact),
            )
        )
    return tuple(facts)


def read_events(fields: FieldReader, references: list[Reference]) -> tuple[Event, ...]:
    events = []
    for index in fields.records("events"):
        event = fields.child("events", index, what="event")
        date = partial_date(event, "date")
        cites = _cites(event, references)
        events.append(
            Event(
                date, event.text("text"), cites, event.at("text"), inferred(event), checked(event)
            )
        )
    return tuple(events)


def read_quotes(fields: FieldReader, references: list[Reference]) -> tuple[Quote, ...]:
    quotes = []
    for index in fields.records("quotes"):
        quote = fields.child("quotes", index, what="quote")
        speaker = quote.text("speaker")
        references.append(Reference("entity", speaker, quote.at("speaker")))
        cites = _cites(quote, references)
        context = quote.text("context", required=False)
        text = quote.text("text")
        quotes.append(Quote(speaker, text, cites, context, quote.at("text"), checked(quote)))
    return tuple(quotes)


def inferred(fields: FieldReader) -> bool:
    """`inferred: true`: the date was worked out by the editor, not stated in the text."""
    value = fields.mapping.get("inferred", False)
    if not isinstance(value, bool):
        fields.error(("inferred",), "'inferred' must be true or false")
        return False
    return value


def checked(fields: FieldReader) -> Checked | None:
    """`checked: {warning: hedge, reason: "…"}`: the editor read the support check's warning
    of that name and says why it does not apply; the reason is shown with the claim."""
    if "checked" not in fields.mapping:
        return None
    what = fields.child("checked", what="'checked'")
    if not what.mapping:
        return None
    for key in what.mapping:
        if key not in ("warning", "reason"):
            hint = did_you_mean(str(key), ("warning", "reason")) or "use warning: and reason:"
            what.error((str(key),), f"unknown field '{key}' in 'checked'", hint)
    warning, reason = what.text("warning"), what.text("reason")
    if warning and warning not in ACKNOWLEDGEABLE:
        hint = did_you_mean(warning, ACKNOWLEDGEABLE) or f"use one of {', '.join(ACKNOWLEDGEABLE)}"
        what.error(
            ("warning",), f"'checked' names no warning of the support check: '{warning}'", hint
        )
        return None
    return Checked(warning, reason) if warning and reason else None


def grade(fields: FieldReader, name: str, scale: dict[str, str]) -> str:
    """An optional Admiralty grade ('B', '2'); an error names the scale."""
    value = fields.mapping.get(name)
    if value is None or value == "":
        return ""
    text = str(value).strip().upper()
    if text not in scale:
        choices = ", ".join(f"{key} ({meaning.lower()})" for key, meaning in scale.items())
        fields.error((name,), f"'{name}' must be one of {', '.join(scale)}", choices)
        return ""
    return text


def partial_date(fields: FieldReader, name: str) -> PartialDate:
    value = fields.mapping.get(name)
    approximate = fields.mapping.get("approximate") is True
    if value is None:
        fields.error((), f"{fields.what} is missing required field '{name}'")
        return PartialDate(1)
    try:
        return PartialDate.parse(str(value), approximate)
    except ValueError:
        fields.error(
            (name,),
            f"invalid date {str(value)!r}",
            "use YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known",
        )
        return PartialDate(1)


def _cites(fields: FieldReader, references: list[Reference]) -> tuple[str, ...]:
    cites = fields.text_list("cite", required=True)
    references.extend(references_to("article", cites, fields, "cite"))
    return cites
