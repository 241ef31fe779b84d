"""Content-addressed chunks: the build cache's mappings (records, bodies, each page's reads,
headers and hashes...) cut into groups, each group a file named by the sha256 of its bytes.

A key's group is a stable digest of the key (crc32 of its text), so one article's edit
changes the groups that hold what changed and leaves the others equal; a save compares
each group with the one it read (`Group`: the items it held, by `same`) and keeps that file
without encoding it again. Files are never changed once written: the index that lists them
(cache.py) is the one file replaced, then the files it no longer lists are removed, so a
cache is whole or not at all. Every file is checked against its name when read.

The keys' order is kept (`PartIndex.order`: where each key is among the groups' items, in the
mapping's order), so a cache read back iterates as the build that wrote it did, and a group
is the same whatever the order its keys came in."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

from generator.incremental import plaindata
from generator.routes import CHUNK_STORE_SUFFIX

NAME = re.compile(r"[0-9a-f]{64}")
MAX_GROUPS = 1 << 15


class ChunkError(ValueError):
    """A chunk is missing, or is not what its name says."""


@dataclass(frozen=True, slots=True)
class PartIndex:
    """One mapping of the cache: its groups' files, and where each key is in them, in order."""

    chunks: tuple[str, ...]
    order: bytes  # each key's place among the groups' items, in the mapping's order


@dataclass(frozen=True, slots=True)
class Group:
    """A group as read (or written): its file and its items, for the next save to compare."""

    name: str
    items: dict[object, object]


class ChunkStore:
    """A folder of chunks named by the sha256 of their bytes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read(self, name: str, reader: plaindata.Reader) -> object:
        if not NAME.fullmatch(name):
            raise ChunkError(f"a chunk named {name[:70]!r}")
        try:
            data = (self.folder / name).read_bytes()
        except FileNotFoundError:
            raise ChunkError(f"chunk {name[:12]} is missing") from None
        except OSError as exc:
            raise ChunkError(f"chunk {name[:12]}: {exc.strerror}") from None
        if hashlib.sha256(data).hexdigest() != name:
            # gone, so that the next save writes it again: `write` keeps a file by its name
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()
            raise ChunkError(f"chunk {name[:12]} is damaged")
        return reader.loads(data)

    def write(self, data: bytes) -> str:
        """The chunk's name; written (atomically) only if no file has it yet."""
        name = hashlib.sha256(data).hexdigest()
        path = self.folder / name
        if not path.is_file():
            temp = self.folder / f".{name}.tmp-{os.getpid()}"
            try:
                temp.write_bytes(data)
                os.replace(temp, path)
            finally:
                temp.unlink(missing_ok=True)
        return name

    def has(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def prune(self, keep: set[str]) -> None:
        """Remove the chunks not in `keep` (temporary files are clean_leftovers' job)."""
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                if NAME.fullmatch(entry.name) and entry.name not in keep:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


def store_for(index: Path) -> ChunkStore:
    """The chunks of the cache whose index is `index` (`<output>.cache`)."""
    return ChunkStore(index.with_suffix(CHUNK_STORE_SUFFIX))


def group_count(size: int, per_group: int) -> int:
    """A power of two, so the groups stay the same while the mapping grows by a little."""
    count = 1
    while count * per_group < size and count < MAX_GROUPS:
        count *= 2
    return count


def stable_key(key: object) -> bytes:
    """The key as bytes that are the same in every process (hash() is not: it is salted)."""
    if isinstance(key, str):
        return key.encode("utf-8", "surrogatepass")
    if isinstance(key, bytes):
        return key
    if isinstance(key, PurePath):
        return key.as_posix().encode("utf-8", "surrogatepass")
    if isinstance(key, tuple):
        return b"\0(" + b"\0,".join(stable_key(item) for item in key)
    if isinstance(key, frozenset):
        return b"\0{" + b"\0,".join(sorted(stable_key(item) for item in key))
    return repr(key).encode("utf-8", "surrogatepass")


def split(
    mapping: Mapping[object, object], count: int, by: Callable[[object], bytes] = stable_key
) -> list[dict[object, object]]:
    """The mapping's items in `count` groups by key (what of the key `by` says)."""
    groups: list[dict[object, object]] = [{} for _ in range(count)]
    mask = count - 1
    for key, value in mapping.items():
        groups[zlib.crc32(by(key)) & mask][key] = value
    return groups


def order_of(mapping: Mapping[object, object], groups: list[dict[object, object]]) -> bytes:
    """Where each key of `mapping`, in its order, is among the groups' items one after
    another (big-endian unsigned 32-bit)."""
    where: dict[object, int] = {}
    for group in groups:
        where.update(zip(group, range(len(where), len(where) + len(group)), strict=True))
    order = array("I", [where[key] for key in mapping])
    if sys.byteorder == "little":
        order.byteswap()
    return order.tobytes()


def join(groups: list[dict[object, object]], order: bytes) -> dict[object, object]:
    """The mapping the groups hold, its keys in the `order` it was written in."""
    items = [item for group in groups for item in group.items()]
    positions = array("I")
    if len(order) % positions.itemsize:
        raise ChunkError("an order of a length that is no whole number of positions")
    positions.frombytes(order)
    if sys.byteorder == "little":
        positions.byteswap()
    if len(positions) != len(items) or set(positions) != set(range(len(items))):
        raise ChunkError("an order that does not name each key once")
    joined = dict(items[position] for position in positions)
    if len(joined) != len(items):
        raise ChunkError("a key in two groups")
    return joined


def save_part(
    store: ChunkStore,
    mapping: Mapping[object, object],
    per_group: int,
    earlier: tuple[Group, ...],
    by: Callable[[object], bytes] = stable_key,
) -> tuple[PartIndex, tuple[Group, ...]]:
    """Write the groups of `mapping` that differ from those read (`earlier`); keep the rest
    (a kept group keeps its file and so the order of its items in it)."""
    groups = split(mapping, group_count(len(mapping), per_group), by)
    same_cut = len(earlier) == len(groups)
    written = []
    for number, items in enumerate(groups):
        before = earlier[number] if same_cut else None
        if before is not None and same(before.items, items) and store.has(before.name):
            written.append(before)
        else:
            written.append(Group(store.write(plaindata.dumps(items)), items))
    order = order_of(mapping, [group.items for group in written])
    return PartIndex(tuple(group.name for group in written), order), tuple(written)


def same(a: object, b: object) -> bool:
    """a == b with the same types all the way down, as their encodings would be: 1, 1.0 and
    True are ==, as are a set and a frozenset, yet a group kept by == would hand the next
    build the old one's type (a front matter's `draft: 1` for its new `draft: true`).
    The same object is the same: unchanged items are, and cost one comparison each."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is dict:
        assert isinstance(a, dict) and isinstance(b, dict)
        return len(a) == len(b) and _same_keys(a, b) and all(same(v, b[k]) for k, v in a.items())
    if issubclass(kind, tuple) or kind is list:
        assert isinstance(a, tuple | list) and isinstance(b, tuple | list)
        return len(a) == len(b) and all(map(same, a, b))
    if kind is frozenset or kind is set:
        assert isinstance(a, frozenset | set) and isinstance(b, frozenset | set)
        return a == b and _typed(a) == _typed(b)
    fields = getattr(kind, "__dataclass_fields__", None)
    if fields is not None:
        return all(same(getattr(a, name), getattr(b, name)) for name in fields)
    return a == b


def _same_keys(a: dict[object, object], b: dict[object, object]) -> bool:
    if all(type(key) is str for key in a):  # the common case: names and paths
        return all(type(key) is str for key in b) and a.keys() == b.keys()
    return _typed(a) == _typed(b)


def _typed(items: object) -> set[tuple[type, object]]:
    assert isinstance(items, dict | set | frozenset)
    return {(type(item), item) for item in items}


def load_part(
    store: ChunkStore, index: PartIndex, reader: plaindata.Reader
) -> tuple[dict[object, object], tuple[Group, ...]]:
    """The mapping a part's chunks hold, and its groups as read (for the next save)."""
    if not isinstance(index, PartIndex) or not isinstance(index.order, bytes):
        raise ChunkError("a part that is not a part")
    if not 0 < len(index.chunks) <= MAX_GROUPS:
        raise ChunkError(f"a part of {len(index.chunks)} chunks")
    groups = []
    for name in index.chunks:
        value = store.read(name, reader) if isinstance(name, str) else None
        if not isinstance(value, dict):
            raise ChunkError(f"chunk {str(name)[:12]} does not hold a mapping")
        groups.append(Group(name, value))
    return join([group.items for group in groups], index.order), tuple(groups)


def save_parts(
    store: ChunkStore,
    parts: Mapping[str, Mapping[object, object]],
    per_group: Mapping[str, int],
    earlier: Mapping[str, tuple[Group, ...]],
    grouped_by: Mapping[str, Callable[[object], bytes]] | None = None,
) -> dict[str, PartIndex]:
    """`grouped_by`: for a part, what of a key puts it in its group (else all of it)."""
    by = grouped_by or {}
    indexes = {}
    for part, size in per_group.items():
        key_of = by.get(part, stable_key)
        indexes[part] = save_part(store, parts[part], size, earlier.get(part, ()), key_of)[0]
    return indexes


def load_parts(
    store: ChunkStore, indexes: Mapping[str, PartIndex], reader: plaindata.Reader
) -> tuple[dict[str, dict[object, object]], dict[str, tuple[Group, ...]]]:
    found, groups = {}, {}
    for part, index in indexes.items():
        found[part], groups[part] = load_part(store, index, reader)
    return found, groups


def clean_leftovers(folder: Path) -> None:
    """Remove what a killed or failed build left in the cache folder and its chunk stores:
    temporary files (`.x.tmp-PID`) whose process is gone, and caches in the old pickle
    format."""
    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return
    for entry in entries:
        name = entry.name
        pid = name.rsplit(".tmp-", 1)[-1] if ".tmp-" in name else ""
        if name.endswith(CHUNK_STORE_SUFFIX) and entry.is_dir() and not entry.is_symlink():
            clean_leftovers(entry)
        stale = (pid.isdigit() and not _running(int(pid))) or name.endswith(".pickle")
        if stale and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # someone else's process
        return True
    return True
