"""What the search page needs beyond Pagefind's index: every name of every entity, so a
query in any spelling is answered as if it used the canonical name."""

from __future__ import annotations

from .model import Site

ALIASES_PATH = "/search/aliases.json"


def alias_table(site: Site) -> list[list]:
    """[[canonical name, [aliases...]], ...] sorted by name; entities without aliases too,
    since a misspelt canonical name is corrected from the same table."""
    entities = sorted(site.entities.values(), key=lambda e: e.name.casefold())
    return [[entity.name, list(entity.aliases)] for entity in entities]
