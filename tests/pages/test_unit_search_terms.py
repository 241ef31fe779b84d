"""search_terms.alias_table: every name of every entity, for spelling-proof search."""

from __future__ import annotations

from pathlib import Path

from tiny_site import tiny

from generator.pages.search_terms import alias_table


def test_every_entity_is_listed_by_name_with_its_aliases_sorted_without_case(
    tmp_path: Path,
) -> None:
    entities = """\
- {id: b, name: beta, kind: place, description: B., aliases: []}
- {id: a, name: Alpha, kind: person, description: A., aliases: [Alfa, A. Lpha]}
- {id: c, name: Gamma, kind: place, description: C., aliases: [Gama]}
"""
    site = tiny(tmp_path, {"entities.yaml": entities}).site
    assert alias_table(site.entities.values()) == [
        ["Alpha", ["Alfa", "A. Lpha"]],
        ["beta", []],  # a misspelt canonical name is corrected from the table too
        ["Gamma", ["Gama"]],
    ]
