"""The chunk store of the build cache (no build): a cached build round-trips, a save
rewrites only the groups that changed and removes the chunks no longer listed, and a
missing, damaged or crafted chunk makes the whole cache ignored with a note."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.incremental import cache, chunks, plaindata
from generator.incremental.state import BuildState

KEY = "a key"
TEXTS = st.text(max_size=8)
VALUES = st.recursive(
    st.none() | st.integers() | TEXTS | st.binary(max_size=6) | st.dates(),
    lambda children: st.lists(children, max_size=3) | st.tuples(children, children),
    max_leaves=8,
)
MAPPINGS = st.dictionaries(TEXTS, VALUES, max_size=40)


def a_build(articles: int = 60) -> cache.CachedBuild:
    slugs = [f"article-{number:03}" for number in range(articles)]
    state = BuildState(
        fingerprints={f"articles/{slug}.md": (number, 10, 7) for number, slug in enumerate(slugs)},
        records={Path(f"articles/{slug}.md"): (slug, "text " * 20) for slug in slugs},
        reads={f"/articles/{slug}/": frozenset({slug, "topics.yaml"}) for slug in slugs},
        hashes={f"/articles/{slug}/": f"hash of {slug}" for slug in slugs},
        queries={("articles", slug): (slug, dt.date(2025, 1, 2)) for slug in slugs},
    )
    output = {f"articles/{slug}/index.html": (100, 5) for slug in slugs}
    return cache.CachedBuild(state=state, digests={}, output=output, signed=frozenset({b"x"}))


def stored(path: Path) -> set[str]:
    return {name for name in os.listdir(chunks.store_for(path).folder) if not name.startswith(".")}


def listed(path: Path) -> set[str]:
    payload = path.read_bytes().split(b"\n\n", 1)[1]
    index = plaindata.Reader((cache.CacheIndex, chunks.PartIndex)).loads(payload)
    assert isinstance(index, cache.CacheIndex)
    return {index.rest, *(name for part in index.parts.values() for name in part.chunks)}


def same(a: cache.CachedBuild, b: cache.CachedBuild) -> bool:
    """Equal, and each mapping in the same order (a build iterates them)."""
    fields = ("fingerprints", "records", "reads", "hashes", "queries")
    return replace(a, groups={}) == replace(b, groups={}) and all(
        list(getattr(a.state, name)) == list(getattr(b.state, name)) for name in fields
    )


def test_a_cached_build_round_trips(tmp_path: Path) -> None:
    path, made = tmp_path / "site.cache", a_build()
    assert cache.save(path, KEY, made)
    found = cache.load(path, KEY)
    assert found is not None and same(found, made)
    assert stored(path) == listed(path)
    assert found.groups.keys() == cache.PARTS.keys()


def test_an_edit_rewrites_only_its_groups_and_removes_the_old_ones(tmp_path: Path) -> None:
    path = tmp_path / "site.cache"
    assert cache.save(path, KEY, a_build(600))
    earlier = cache.load(path, KEY)
    assert earlier is not None
    before = {name: os.stat(chunks.store_for(path).folder / name).st_ino for name in stored(path)}
    records = {**earlier.state.records, Path("articles/article-007.md"): ("article-007", "new")}
    edited = replace(earlier, state=replace(earlier.state, records=records), groups={})
    assert cache.save(path, KEY, edited, earlier)
    after = stored(path)
    assert after == listed(path)
    new, gone = after - before.keys(), before.keys() - after
    assert len(new) == len(gone) == 1  # the edited record's group alone
    assert all(os.stat(chunks.store_for(path).folder / n).st_ino == before[n] for n in after - new)
    found = cache.load(path, KEY)
    assert found is not None and same(found, edited)


def test_a_search_shard_made_again_rewrites_the_groups_of_its_folders_alone(
    tmp_path: Path,
) -> None:
    """The output's stat is grouped by folder: a shard's 200 files, all with a new mtime
    after an edit, change the groups of its three folders, not every group."""
    path, made = tmp_path / "site.cache", a_build(2400)
    kinds = ("fragment", "index")
    shard = {f"pagefind/s6/{kind}/f{n}": (10, 1) for kind in kinds for n in range(100)}
    made = replace(made, output={**made.output, **shard, "pagefind/shards.json": (9, 1)})
    assert cache.save(path, KEY, made)
    earlier = cache.load(path, KEY)
    assert earlier is not None and len(earlier.groups["output"]) == 16
    before = stored(path)
    output = {**earlier.output, **{name: (10, 2) for name in [*shard, "pagefind/shards.json"]}}
    assert cache.save(path, KEY, replace(earlier, output=output, groups={}), earlier)
    assert 1 < len(stored(path) - before) <= 1 + 3  # the rest chunk, and the three folders'
    found = cache.load(path, KEY)
    assert found is not None and found.output == output and list(found.output) == list(output)


@pytest.mark.parametrize("damage", ["remove", "flip a byte", "truncate"])
def test_a_missing_or_damaged_chunk_ignores_the_cache_with_a_note(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "site.cache"
    assert cache.save(path, KEY, a_build())
    chunk = chunks.store_for(path).folder / sorted(stored(path))[3]
    data = chunk.read_bytes()
    if damage == "remove":
        chunk.unlink()
    else:
        chunk.write_bytes(data[:-1] + bytes([data[-1] ^ 1]) if damage == "flip a byte" else b"")
    notes: list[str] = []
    assert cache.load(path, KEY, notes.append) is None
    assert len(notes) == 1 and "ignoring the build cache: it is damaged (chunk" in notes[0]
    # the next save (of the full build that follows) mends the cache: the one after is warm
    assert cache.save(path, KEY, a_build())
    assert cache.load(path, KEY, notes.append) is not None and len(notes) == 1


def test_a_chunk_name_that_is_a_path_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "secret").write_bytes(b'{"d":[]}')
    store = chunks.ChunkStore(tmp_path / "store")
    reader = plaindata.Reader(())
    for name in ("../secret", "/etc/passwd", "A" * 64):
        with pytest.raises(chunks.ChunkError, match="a chunk named"):
            store.read(name, reader)


def test_a_crafted_order_is_an_error_not_a_crash() -> None:
    groups: list[dict[object, object]] = [{"a": 1}, {"b": 2}]
    for order in (b"\0", b"\0\0\0\0", b"\0\0\0\0\0\0\0\0", b"\0\0\0\0\0\0\0\5"):
        with pytest.raises(chunks.ChunkError):
            chunks.join(groups, order)
    with pytest.raises(chunks.ChunkError, match="two groups"):
        chunks.join([{"a": 1}, {"a": 2}], b"\0\0\0\0\0\0\0\1")
    assert chunks.join(groups, b"\0\0\0\1\0\0\0\0") == {"b": 2, "a": 1}


def test_a_group_whose_keys_came_in_another_order_is_kept(tmp_path: Path) -> None:
    """The near-copy search makes its signatures in another order each build."""
    path = tmp_path / "site.cache"
    assert cache.save(path, KEY, a_build(200))
    earlier = cache.load(path, KEY)
    assert earlier is not None
    before = stored(path)
    hashes = dict(reversed(earlier.state.hashes.items()))
    reordered = replace(earlier, state=replace(earlier.state, hashes=hashes))
    assert cache.save(path, KEY, reordered, earlier)
    assert stored(path) == before
    found = cache.load(path, KEY)
    assert found is not None and list(found.state.hashes) == list(hashes)


def test_a_save_that_fails_keeps_the_last_cache(tmp_path: Path) -> None:
    path = tmp_path / "site.cache"
    assert cache.save(path, KEY, a_build())
    kept = path.read_bytes()
    unsaveable = replace(a_build(), evidence={b"x": (object(),)})
    assert not cache.save(path, KEY, unsaveable)
    assert path.read_bytes() == kept
    found = cache.load(path, KEY)
    assert found is not None and same(found, a_build())


def test_leftovers_in_the_chunk_store_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "site.cache"
    assert cache.save(path, KEY, a_build())
    dead = 2**22 + 12345  # above the default pid_max: no such process
    leftover = chunks.store_for(path).folder / f".{'0' * 64}.tmp-{dead}"
    leftover.write_bytes(b"half a chunk")
    chunks.clean_leftovers(tmp_path)
    assert not leftover.exists()
    assert cache.load(path, KEY) is not None


def test_groups_stay_the_same_while_a_mapping_grows_a_little() -> None:
    assert [chunks.group_count(size, 16) for size in (0, 16, 17, 1000, 1024, 1025)] == [
        1,
        1,
        2,
        64,
        64,
        128,
    ]
    assert chunks.stable_key(("a", Path("b"))) == chunks.stable_key(("a", "b"))
    assert chunks.stable_key(frozenset({"x", "y"})) == b"\0{x\0,y"


@settings(max_examples=40, deadline=None)
@given(MAPPINGS, st.integers(1, 64))
def test_any_mapping_splits_and_joins_back_in_order(mapping: dict, per_group: int) -> None:
    groups = chunks.split(mapping, chunks.group_count(len(mapping), per_group))
    joined = chunks.join(groups, chunks.order_of(mapping, groups))
    assert joined == mapping and list(joined) == list(mapping)


@settings(max_examples=25, deadline=None)
@given(MAPPINGS, MAPPINGS, st.dictionaries(TEXTS, st.tuples(st.integers(), st.integers())))
def test_any_state_round_trips_and_so_does_its_next_save(
    records: dict, queries: dict, output: dict
) -> None:
    made = cache.CachedBuild(
        state=BuildState(records={Path(k): v for k, v in records.items()}, queries=queries),
        digests={},
        output=output,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "site.cache"
        assert cache.save(path, KEY, made)
        found = cache.load(path, KEY)
        assert found is not None and same(found, made)
        edited = replace(made, state=replace(made.state, hashes={"/": "new"}), output=records)
        assert cache.save(path, KEY, edited, found)
        again = cache.load(path, KEY)
        assert again is not None and same(again, edited)
        assert stored(path) == listed(path)


def test_a_value_that_only_changed_its_type_is_written_anew(tmp_path: Path) -> None:
    """1, 1.0 and True are ==, a set and a frozenset too: a group kept by == would give
    the next build the old value's type ('draft: 1' edited to 'draft: true')."""
    path, made = tmp_path / "site.cache", a_build()
    slug = Path("articles/article-007.md")
    made = replace(made, state=replace(made.state, records={**made.state.records, slug: (1, 1)}))
    assert cache.save(path, KEY, made)
    for value in [(1, True), (1, 1.0)]:
        earlier = cache.load(path, KEY)
        assert earlier is not None
        records = {**earlier.state.records, slug: value}
        assert cache.save(
            path, KEY, replace(earlier, state=replace(earlier.state, records=records)), earlier
        )
        found = cache.load(path, KEY)
        assert found is not None and list(map(type, found.state.records[slug])) == list(
            map(type, value)
        )


@given(VALUES)
def test_a_value_read_back_is_the_same_and_a_retyped_one_is_not(value: object) -> None:
    back = plaindata.loads(plaindata.dumps(value), ())
    assert chunks.same(value, back)  # else every unchanged group would be written again
    assert not chunks.same((value, 1), (value, True))
    assert not chunks.same([value, 1], [value, 1.0])
    assert not chunks.same({"k": frozenset({1})}, {"k": {1}})
    assert chunks.same({"k": frozenset({1}), 2: value}, {"k": frozenset({1}), 2: back})
