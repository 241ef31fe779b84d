"""The persistent build cache: what one `briefing build` leaves for the next process.

It lives in `.briefing-cache/` beside the output folder: `<output>.cache`, a small index,
and `<output>.chunks/`, the chunks it lists (incremental/chunks.py). It holds the last
build's `BuildState` (parsed records, rendered bodies, each page's recorded reads, header
and output hash, query values), a content digest of every input file, a snapshot of the
output folder, the entity table the bodies were linked with and the near-copy result with
the articles it was found in. Each large mapping is cut into groups of keys, each group a
chunk named by its digest; a save writes only the groups that differ from those read.

The cache is a hint, never a source of truth:
- its key is the package version, a digest of the generator's own code, of the theme
  and of the settings; an index made under another key is ignored (one-line note);
- the index carries its digest and each chunk is named by its own; a corrupt, missing
  or unreadable one makes the whole cache ignored (note);
- its output snapshot (size and mtime of every file) must match the output folder,
  or the pages are all rendered again (records and bodies are still reused);
- an input whose stat differs (a fresh checkout) counts as unchanged only if its
  content digest is the one recorded."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import DISTRIBUTION, resources
from generator.content.fingerprints import Fingerprint
from generator.copies.signatures import Signature
from generator.incremental import chunks, plaindata
from generator.incremental.chunks import ChunkError, ChunkStore, Group, PartIndex
from generator.incremental.manifest import cache_file as cache_file
from generator.incremental.manifest import cache_folder
from generator.incremental.state import BuildState
from generator.routes import CARD_STORE_SUFFIX, SITE_FILE, TEMPLATES_FOLDER, THEME_STATIC_FOLDER
from generator.settings import BuildOptions

if TYPE_CHECKING:  # for annotations only (plaindata finds them among the allowed records)
    from generator.content.model import Article
    from generator.copies.near_copies import NearCopySearch

MAGIC = b"briefing-cache 3\n"  # 1 was a pickle, 2 one JSON file: neither is read again
THEME_PARTS = (f"{TEMPLATES_FOLDER}/", f"{THEME_STATIC_FOLDER}/")


@dataclass(frozen=True, slots=True)
class CachedBuild:
    state: BuildState
    digests: Mapping[str, str]  # input key -> sha256 of its bytes
    output: Mapping[str, tuple[int, int]]  # output file -> (size, mtime_ns)
    entity_key: Hashable = None  # the entity table and routes the bodies were linked with
    near_copies: tuple[str, list] | None = None  # (digest of the articles, what was found)
    adopted: frozenset[str] = field(default_factory=frozenset)  # inputs re-stat'ed, same bytes
    # The BuildReport of that build: a no-change build repeats it. The build stage is later
    # than this one, so the cache does not import it; the build checks it when read.
    report: object = None
    signatures: Mapping[bytes, Signature] = field(default_factory=dict)  # by body digest
    signed: frozenset[bytes] = frozenset()  # the bodies that build signed (tests, benchmarks)
    near_copy_search: NearCopySearch | None = None  # the next one starts from it
    evidence: Mapping[bytes, tuple] = field(default_factory=dict)  # support.Memo
    # the groups of each part as read from the chunks: a save compares with them (not saved)
    groups: Mapping[str, tuple[Group, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CacheIndex:
    """What `<output>.cache` holds: the chunk of the small fields, and each part's chunks."""

    rest: str
    parts: Mapping[str, PartIndex]


# The mappings kept in chunks, with how many keys a group holds (about 100-200 KB a chunk).
STATE_PARTS = {
    "fingerprints": 256,
    "records": 16,
    "bodies": 16,
    "reads": 256,
    "headers": 256,
    "queries": 64,
    "hashes": 256,
}
BUILD_PARTS = {"digests": 256, "output": 256, "signatures": 16, "evidence": 16}
PARTS = {**{f"state.{name}": size for name, size in STATE_PARTS.items()}, **BUILD_PARTS}


def _folder_of(key: object) -> bytes:
    """An output file's folder: an edit rewrites a search shard's ~200 files, all in a
    few folders, and they then change a few groups of the output's stat, not all 32."""
    return chunks.stable_key(key).rpartition(b"/")[0]


GROUPED_BY = {"output": _folder_of}


def card_store(output_dir: Path) -> Path:
    """The social cards drawn for this output, kept even if the output is removed (as
    in CI, where only the cache is restored): drawing is a third of a cold build."""
    return cache_folder(output_dir) / f"{output_dir.name}{CARD_STORE_SUFFIX}"


def cache_key(options: BuildOptions) -> str:
    """What must be equal for a cache to be used at all: the version, the libraries that
    shape pages, the settings, the generator's code, the theme and site.yaml."""
    digest = hashlib.sha256()
    versions = resources.installed_versions((DISTRIBUTION, *resources.LIBRARIES))
    for part in (*versions, *options.key()):
        digest.update(repr(part).encode() + b"\0")
    for root, prefix in ((resources.CODE, "code"), (options.theme_dir, "theme")):
        files = (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in sorted(files):
            digest.update(f"{prefix}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(file_digest(path).encode())
    site_yaml = options.content_dir / SITE_FILE
    digest.update(file_digest(site_yaml).encode() if site_yaml.is_file() else b"-")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def load(
    path: Path, key: str, note: Callable[[str], None] | None = None, *, kept: bool = False
) -> CachedBuild | None:
    """The cached build at `path` if it was made under `key` and is whole, else None.
    `kept`: it will live as long as the process (plaindata.no_cycle_collection)."""
    note = note or _note
    payload = _index_payload(path, key, note)
    if payload is None:
        return None
    try:
        with plaindata.no_cycle_collection(keep=kept):
            return _load_chunks(payload, chunks.store_for(path))
    except (plaindata.PlainDataError, ChunkError) as exc:
        note(f"{path}: ignoring the build cache: it is damaged ({str(exc)[:80]})")
        return None


def _index_payload(path: Path, key: str, note: Callable[[str], None]) -> bytes | None:
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # no cache yet
        return None
    except OSError as exc:
        note(f"{path}: ignoring the build cache: {exc.strerror}")
        return None
    header, _, rest = data.partition(b"\n\n")
    lines = (header + b"\n").splitlines(keepends=True)
    if len(lines) != 3 or not lines[0].startswith(MAGIC[:-2]):
        note(f"{path}: ignoring the build cache: not a briefing cache")
        return None
    if lines[0] != MAGIC or lines[1].strip().decode("ascii", "replace") != key:
        made = "made by another version (of briefing or its libraries), theme or settings"
        note(f"{path}: ignoring the build cache: {made}")
        return None
    if hashlib.sha256(rest).hexdigest().encode() != lines[2].strip():
        note(f"{path}: ignoring the build cache: it is damaged")
        return None
    return rest


def _load_chunks(payload: bytes, store: ChunkStore) -> CachedBuild:
    index = plaindata.Reader((CacheIndex, PartIndex)).loads(payload)
    if not isinstance(index, CacheIndex) or index.parts.keys() != PARTS.keys():
        raise ChunkError("an index that does not list this cache's parts")
    reader = plaindata.Reader(allowed_types())
    rest = store.read(index.rest, reader)
    if not isinstance(rest, CachedBuild) or not isinstance(rest.state, BuildState):
        raise ChunkError("its fields are not a cached build")
    found, groups = chunks.load_parts(store, index.parts, reader)
    state_parts: dict[str, Any] = {name: found[f"state.{name}"] for name in STATE_PARTS}
    build_parts: dict[str, Any] = {name: found[name] for name in BUILD_PARTS}
    return replace(rest, state=replace(rest.state, **state_parts), groups=groups, **build_parts)


def allowed_types() -> tuple[type, ...]:
    """The classes a cache file may hold: the generator's own frozen dataclasses (plain
    records: each field is checked against its annotation when read, so one that holds a
    function or a process cannot be made from a file). Found in the generator's loaded
    modules, so a record another stage adds is allowed without a list to keep (the
    builder, the one caller, has imported every stage)."""
    found = []
    for name, module in list(sys.modules.items()):
        if name != "generator" and not name.startswith("generator."):
            continue
        for value in list(vars(module).values()):
            if (
                isinstance(value, type)
                and value.__module__ == name
                and dataclasses.is_dataclass(value)
                and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
            ):
                found.append(value)
    return tuple(found)


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def save(path: Path, key: str, cached: CachedBuild, earlier: CachedBuild | None = None) -> bool:
    """Write the chunks that differ from those `earlier` was read from, then the index
    atomically, then remove the chunks it no longer lists; a failure to write only costs
    the next build time (False, with a note, the last index whole, no temporary file)."""
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    store = chunks.store_for(path)
    try:
        store.folder.mkdir(parents=True, exist_ok=True)
        (path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
        with plaindata.no_cycle_collection():
            index = _save_chunks(store, cached, earlier.groups if earlier else {})
        payload = plaindata.dumps(index)
        digest = hashlib.sha256(payload).hexdigest().encode()
        temp.write_bytes(MAGIC + key.encode() + b"\n" + digest + b"\n\n" + payload)
        os.replace(temp, path)
    except (TypeError, ValueError, RecursionError) as exc:  # a value the cache cannot hold
        temp.unlink(missing_ok=True)
        _note(f"{path}: could not save the build cache: {exc}")
        return False
    except OSError as exc:
        temp.unlink(missing_ok=True)
        _note(f"{path}: could not save the build cache: {exc.strerror}")
        return False
    store.prune({index.rest, *(name for part in index.parts.values() for name in part.chunks)})
    return True


def _save_chunks(
    store: ChunkStore, cached: CachedBuild, earlier: Mapping[str, tuple[Group, ...]]
) -> CacheIndex:
    state = cached.state
    parts = {
        **{f"state.{name}": getattr(state, name) for name in STATE_PARTS},
        **{name: getattr(cached, name) for name in BUILD_PARTS},
    }
    indexes = chunks.save_parts(store, parts, PARTS, earlier, GROUPED_BY)
    no_state_parts: dict[str, Any] = {name: {} for name in STATE_PARTS}
    no_build_parts: dict[str, Any] = {name: {} for name in BUILD_PARTS}
    small = replace(cached, state=replace(state, **no_state_parts), groups={}, **no_build_parts)
    return CacheIndex(store.write(plaindata.dumps(small)), indexes)


def adopt_fingerprints(
    cached: CachedBuild,
    fingerprints: Mapping[str, Fingerprint],
    content_dir: Path,
    theme_dir: Path,
) -> CachedBuild:
    """Inputs whose stat changed but whose bytes did not (a fresh checkout, a touch)
    take their new fingerprint, so the build sees them unchanged."""
    old = cached.state.fingerprints
    adopted = {}
    for key, fingerprint in fingerprints.items():
        if key in old and old[key] != fingerprint and key in cached.digests:
            path = input_path(key, content_dir, theme_dir)
            if file_digest(path) == cached.digests[key]:
                adopted[key] = fingerprint
    if not adopted:
        return cached
    state = replace(cached.state, fingerprints={**old, **adopted})
    return replace(cached, state=state, adopted=frozenset(adopted))


def input_path(key: str, content_dir: Path, theme_dir: Path) -> Path:
    return (theme_dir if key.startswith(THEME_PARTS) else content_dir) / key


def digests(
    fingerprints: Mapping[str, Fingerprint],
    earlier: CachedBuild | None,
    content_dir: Path,
    theme_dir: Path,
) -> dict[str, str]:
    """A content digest of every input, reusing the earlier one where the stat is equal."""
    known = earlier.state.fingerprints if earlier else {}
    found = {}
    for key, fingerprint in fingerprints.items():
        if earlier is not None and known.get(key) == fingerprint and key in earlier.digests:
            found[key] = earlier.digests[key]
        else:
            found[key] = file_digest(input_path(key, content_dir, theme_dir))
    return found


def articles_digest(articles: Iterable[Article]) -> str:
    """What the near-copy search reads of the articles."""
    digest = hashlib.sha256()
    for article in articles:
        digest.update(repr((article.slug, article.date, article.body)).encode() + b"\0")
    return digest.hexdigest()
