"""A record whose annotation names a class imported for the type checker only (to keep
the imports free of circles) is still checked field by field when a cache is read: the
name is looked up among the records the reader allows."""

from __future__ import annotations

import gc
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


@dataclass(frozen=True, slots=True)
class Either:
    value: int | str | None
    mapping: object  # anything


@dataclass(frozen=True)
class Unslotted:  # set through object.__setattr__, not a slot's own setter
    where: Path
    count: float


@pytest.mark.parametrize("value", [3, "three", None])
def test_a_field_of_a_union_takes_each_of_its_types(value: object) -> None:
    either = Either(value, {"any": ("thing",)})
    assert plaindata.loads(plaindata.dumps(either), (Either,)) == either


@pytest.mark.parametrize("value", [3.5, (3,), b"3", Path("3")])
def test_a_field_of_a_union_refuses_any_other_type(value: object) -> None:
    data = plaindata.dumps(Either(value, None))
    with pytest.raises(plaindata.PlainDataError, match=r"Either\.value is a"):
        plaindata.loads(data, (Either,))


def test_a_record_without_slots_reads_back_and_is_checked() -> None:
    record = Unslotted(Path("a.md"), 2)
    assert plaindata.loads(plaindata.dumps(record), (Unslotted,)) == record
    with pytest.raises(plaindata.PlainDataError, match=r"Unslotted\.where is a str"):
        plaindata.loads(plaindata.dumps(Unslotted("a.md", 2.0)), (Unslotted,))  # type: ignore[arg-type]


def test_a_reader_makes_one_path_of_each_text() -> None:
    """A record's file recurs in each of its values: one Path, not thousands."""
    read = plaindata.loads(plaindata.dumps([Path("a.md"), Path("b.md"), Path("a.md")]), ())
    assert isinstance(read, list) and read == [Path("a.md"), Path("b.md"), Path("a.md")]
    assert read[0] is read[2] and read[0] is not read[1]


def test_what_is_read_to_be_kept_is_put_out_of_the_collectors_reach() -> None:
    """`keep`: the objects made are frozen before the collector runs again, and the
    collector is on again after, as it was before."""
    gc.unfreeze()
    try:
        with plaindata.no_cycle_collection(keep=True):
            assert not gc.isenabled()
            made = plaindata.loads(plaindata.dumps([(n, str(n)) for n in range(100)]), ())
        assert gc.isenabled() and gc.get_freeze_count() > 0
        assert len(made) == 100  # type: ignore[arg-type]
        with plaindata.no_cycle_collection():
            pass
        frozen = gc.get_freeze_count()
        with plaindata.no_cycle_collection():
            plaindata.loads(b"[1]", ())
        assert gc.get_freeze_count() == frozen  # without `keep`, nothing more is frozen
    finally:
        gc.unfreeze()
