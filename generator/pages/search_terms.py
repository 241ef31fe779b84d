"""What the search page needs beyond Pagefind's index: every name of every entity, so a
query in any spelling is answered as if it used the canonical name."""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.model import Entity


def alias_table(entities: Iterable[Entity]) -> list[list]:
    """[[canonical name, [aliases...]], ...] sorted by name; entities without aliases too,
    since a misspelt canonical name is corrected from the same table."""
    ordered = sorted(entities, key=lambda e: e.name.casefold())
    return [[entity.name, list(entity.aliases)] for entity in ordered]
