"""The curated parts of a topic: key facts, timeline events and quotes, each citing articles."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import PartialDate
from .fields import FieldReader, Reference, references_to

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


@dataclass(frozen=True, slots=True)
class KeyFact:
    text: str
    cites: tuple[str, ...]
    credibility: str = ""  # "1".."6" when graded for the fact itself


@dataclass(frozen=True, slots=True)
class Event:
    date: PartialDate
    text: str
    cites: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str  # entity id
    text: str
    cites: tuple[str, ...]
    context: str = ""


def read_key_facts(fields: FieldReader, references: list[Reference]) -> tuple[KeyFact, ...]:
    facts = []
    for index in fields.records("key_facts"):
        fact = fields.child("key_facts", index, what="key fact")
        cites = _cites(fact, references)
        facts.append(KeyFact(fact.text("text"), cites, grade(fact, "credibility", CREDIBILITY)))
    return tuple(facts)


def read_events(fields: FieldReader, references: list[Reference]) -> tuple[Event, ...]:
    events = []
    for index in fields.records("events"):
        event = fields.child("events", index, what="event")
        date = partial_date(event, "date")
        events.append(Event(date, event.text("text"), _cites(event, references)))
    return tuple(events)


def read_quotes(fields: FieldReader, references: list[Reference]) -> tuple[Quote, ...]:
    quotes = []
    for index in fields.records("quotes"):
        quote = fields.child("quotes", index, what="quote")
        speaker = quote.text("speaker")
        references.append(Reference("entity", speaker, quote.at("speaker")))
        cites = _cites(quote, references)
        quotes.append(
            Quote(speaker, quote.text("text"), cites, quote.text("context", required=False))
        )
    return tuple(quotes)


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
