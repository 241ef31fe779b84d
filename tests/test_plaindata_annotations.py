"""A record whose annotation names a class imported for the type checker only (to keep
the imports free of circles) is still checked field by field when a cache is read: the
name is looked up among the records the reader allows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator import cache, errors, plaindata
from generator.dates import PartialDate
from generator.state import BuildState

if TYPE_CHECKING:
    from generator.errors import Position


@dataclass(frozen=True, slots=True)
class Placed:
    where: Position | None  # Position is no name of this module when it runs


def test_a_name_imported_for_the_checker_only_reads_back() -> None:
    placed = Placed(errors.Position(Path("a.md"), 3))
    assert plaindata.loads(plaindata.dumps(placed), (Placed, errors.Position)) == placed


def test_a_name_imported_for_the_checker_only_is_still_checked() -> None:
    data = plaindata.dumps(Placed(PartialDate(2025, 2, 30)))  # the wrong record, on purpose
    with pytest.raises(plaindata.PlainDataError, match=r"Placed\.where is a PartialDate"):
        plaindata.loads(data, (Placed, errors.Position, PartialDate))


def test_the_cached_report_and_near_copy_search_are_checked() -> None:
    """CachedBuild names BuildReport and NearCopySearch for the checker only (build
    imports the cache): a cache holding another record in their place is refused."""
    stranger = errors.Position(Path("a.md"), 3)
    for field in ("report", "near_copy_search"):
        cached = cache.CachedBuild(BuildState(), {}, {}, **{field: stranger})
        with pytest.raises(plaindata.PlainDataError, match=f"CachedBuild.{field} is a Position"):
            plaindata.loads(plaindata.dumps(cached), cache.allowed_types())
