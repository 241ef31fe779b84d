"""Typed reads from a located YAML mapping, collecting an error for each bad field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.content.yamlpos import KeyPath, Located
from generator.errors import ContentError, Position


class FieldReader:
    """Reads the fields of the mapping at `key_path`; problems go to `errors`."""

    def __init__(self, doc: Located, key_path: KeyPath, errors: list[ContentError], what: str):
        self.doc = doc
        self.key_path = key_path
        self.errors = errors
        self.what = what
        value = value_at(doc.data, key_path)
        self.mapping: dict[str, Any] = value if isinstance(value, dict) else {}
        if not isinstance(value, dict):
            self.error((), f"{what} must be a mapping of fields, not {_type_name(value)}")

    def at(self, *keys: str | int) -> Position:
        return self.doc.at(*self.key_path, *keys)

    def error(self, keys: tuple[str | int, ...], message: str, hint: str = "") -> None:
        self.errors.append(ContentError(self.at(*keys), message, hint))

    def text(self, name: str, *, required: bool = True) -> str:
        value = self.mapping.get(name)
        if value is None or value == "":
            if required:
                self.error((), f"{self.what} is missing required field '{name}'")
            return ""
        if isinstance(value, str) and not value.strip() and required:
            self.error((name,), f"'{name}' is blank", "write it, or remove the line")
            return ""
        if not isinstance(value, str):
            self.error(
                (name,),
                f"'{name}' must be text, not {_type_name(value)}",
                "put it in quotes" if isinstance(value, int | float | bool) else "",
            )
            return str(value)
        return value.strip()

    def text_list(self, name: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.mapping.get(name)
        if value is None:
            if required:
                self.error((), f"{self.what} is missing required field '{name}'")
            return ()
        if isinstance(value, str):
            self.error((name,), f"'{name}' must be a list, not text", f"write it as [{value}]")
            return (value,)
        if not isinstance(value, list):
            self.error((name,), f"'{name}' must be a list, not {_type_name(value)}")
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                items.append(item.strip())
            elif isinstance(item, str):
                self.error((name, index), f"an item of '{name}' is blank", "remove it")
            else:
                self.error(
                    (name, index), f"each item of '{name}' must be text, not {_type_name(item)}"
                )
        return tuple(items)

    def date(self, name: str) -> dt.date:
        value = self.mapping.get(name)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if value is None:
            self.error((), f"{self.what} is missing required field '{name}'")
        else:
            try:
                return dt.datetime.fromisoformat(str(value).strip()).date()
            except ValueError as exc:
                said = str(exc)  # "month must be in 1..12", "day is out of range for month"
                in_form = "range" in said or "must be in" in said
                reason = said if in_form else "use the ISO form YYYY-MM-DD"
                self.error((name,), f"invalid date {str(value)!r}", reason)
        return dt.date.min

    def records(self, name: str) -> list[int]:
        """Indexes of the items in a list-of-mappings field."""
        value = self.mapping.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error((name,), f"'{name}' must be a list, not {_type_name(value)}")
            return []
        return list(range(len(value)))

    def child(self, *keys: str | int, what: str) -> FieldReader:
        return FieldReader(self.doc, (*self.key_path, *keys), self.errors, what)


def top_level_list(doc: Located, errors: list[ContentError], what: str) -> list[int]:
    """Indexes of the records in a YAML file that holds a list of mappings."""
    if doc.data is None:
        return []
    if not isinstance(doc.data, list):
        errors.append(ContentError(doc.at(), f"{doc.path.name} must be a list of {what}s"))
        return []
    return list(range(len(doc.data)))


def value_at(data: Any, key_path: KeyPath) -> Any:
    """The value at a key path in parsed YAML, or None where the path leads nowhere."""
    for key in key_path:
        if isinstance(data, dict) and isinstance(key, str):
            data = data.get(key)
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            return None
    return data


def _type_name(value: Any) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "empty",
        dt.date: "a date",
    }
    return names.get(type(value), type(value).__name__)


@dataclass(frozen=True, slots=True)
class Reference:
    """An id written in one record that must name another; the model checks them all."""

    kind: str  # "source", "topic", "article" or "entity"
    id: str
    position: Position


def references_to(kind: str, ids: Iterable[str], fields: FieldReader, name: str) -> list[Reference]:
    return [Reference(kind, ref, fields.at(name, index)) for index, ref in enumerate(ids)]


def rewrite_loops(rewrite_of: Mapping[str, str]) -> list[list[str]]:
    """Each loop of 'a rewrites b rewrites ... a' once, starting at its smallest slug
    (an article that rewrites itself is reported on its own)."""
    loops, done = [], set()
    for start in sorted(rewrite_of):
        chain: list[str] = []
        slug = start
        while slug in rewrite_of and slug not in chain and slug not in done:
            chain.append(slug)
            slug = rewrite_of[slug]
        loop = chain[chain.index(slug) :] if slug in chain else []
        if len(loop) > 1:
            first = loop.index(min(loop))
            loops.append(loop[first:] + loop[:first])
        done.update(chain)
    return loops
