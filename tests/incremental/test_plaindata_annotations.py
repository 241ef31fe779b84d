"""A record whose annotation names a class imported for the type checker only (to keep
the imports free of circles) is still checked field by field when a cache is read: the
name is looked up among the records the reader allows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator import errors
from generator.content.dates import PartialDate
from generator.incremental import cache, plaindata
from generator.incremental.state import BuildState

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


def test_the_cached_near_copy_search_is_checked() -> None:
    """CachedBuild names NearCopySearch for the type checker only: a cache holding another
    record in its place is refused."""
    cached = cache.CachedBuild(BuildState(), {}, {}, near_copy_search=errors.Position(Path("a")))
    with pytest.raises(plaindata.PlainDataError, match=r"CachedBuild\.near_copy_search is a"):
        plaindata.loads(plaindata.dumps(cached), cache.allowed_types())
