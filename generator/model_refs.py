"""References between records: an id written in one record that must name another."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .errors import Position
from .fields import FieldReader


@dataclass(frozen=True, slots=True)
class Reference:
    kind: str  # "source", "topic", "article" or "entity"
    id: str
    position: Position


def references_to(kind: str, ids: Iterable[str], fields: FieldReader, name: str) -> list[Reference]:
    return [Reference(kind, ref, fields.at(name, index)) for index, ref in enumerate(ids)]
