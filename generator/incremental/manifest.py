"""A small manifest beside the build cache, so a build with nothing to do is answered
without importing the stages (Jinja2, markdown-it-py, PyYAML) or unpickling the state.

It is JSON and holds what the cache was made under (settings, the package version, the
stat of every file of the generator and the theme), a digest of the stat of every input,
the output's folders and files with one digest of their stat (incremental/output_stamp.py:
one lstat each, no folder listed), the stat of the cache file it goes with, and what that
build reported. If all of it is as recorded,
the last build's report stands. Any difference at all, even one
that would turn out to be harmless (a touched file), sends the build the full way,
which decides with digests. Standard library only."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import resources
from generator.content.fingerprints import Fingerprint, scan
from generator.incremental import output_stamp
from generator.routes import CACHE_FOLDER, CACHE_SUFFIX, MANIFEST_SUFFIX
from generator.settings import BuildOptions

FORMAT = 3  # 1 listed every input and output file; 2 digested the output snapshot


@dataclass(frozen=True, slots=True)
class Report:
    """What the last build said: its page count and its warnings, as printed."""

    pages: int
    warnings: tuple[str, ...]
    held: int = 0  # articles dated after `as_of`, left out
    next_date: str = ""  # the ISO day the first of them is due
    as_of: str = ""  # the ISO day the build was as of


def cache_folder(output_dir: Path) -> Path:
    return output_dir.parent / CACHE_FOLDER


def cache_file(output_dir: Path) -> Path:
    """The cached build (incremental/cache.py, plain data as JSON) this manifest goes with."""
    return cache_folder(output_dir) / f"{output_dir.name}{CACHE_SUFFIX}"


def manifest_file(output_dir: Path) -> Path:
    return cache_folder(output_dir) / f"{output_dir.name}{MANIFEST_SUFFIX}"


def code_stats(theme_dir: Path) -> dict[str, list[int]]:
    """The stat of every file of the generator's code and of the theme folder: the
    files the cache key digests (cache.cache_key)."""
    found = {}
    for prefix, root in (("code", resources.CODE), ("theme", theme_dir)):
        for directory, subdirectories, names in os.walk(root):
            subdirectories[:] = [d for d in subdirectories if d != "__pycache__"]
            for name in names:
                path = os.path.join(directory, name)
                stat = os.stat(path)
                key = f"{prefix}/{os.path.relpath(path, root)}"
                found[key] = [stat.st_mtime_ns, stat.st_size, stat.st_ino]
    return found


def _key(options: BuildOptions) -> list[object]:
    # the package version is not here: the code files' stat stands for it
    return [FORMAT, *options.key()]


def write(
    options: BuildOptions,
    inputs: Mapping[str, Fingerprint],
    output: Mapping[str, tuple[int, int]],
    report: Report,
) -> None:
    """Record a build whose cache was just saved (`cache_file`). Written atomically;
    a failure only costs the next build the full way."""
    path = manifest_file(options.output_dir)
    try:
        stat = cache_file(options.output_dir).stat()
        stamp = output_stamp.stamp(options.output_dir, output)
        if stamp is None:  # the output is not the snapshot the cache holds
            raise FileNotFoundError(options.output_dir)
        data = {
            "key": _key(options),
            "code": code_stats(options.theme_dir),
            "libraries": resources.library_versions(),
            "inputs": stat_digest(inputs),
            "output": stamp.to_data(),
            "cache": [stat.st_size, stat.st_mtime_ns, stat.st_ino],
            "pages": report.pages,
            "warnings": list(report.warnings),
            "held": [report.held, report.next_date, report.as_of],
        }
        temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        temp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        path.unlink(missing_ok=True)  # never leave one that might not match the cache


def unchanged(options: BuildOptions) -> Report | None:
    """The last build's report if nothing it depends on changed since, else None."""
    try:
        data = json.loads(manifest_file(options.output_dir).read_text(encoding="utf-8"))
        stat = cache_file(options.output_dir).stat()
        held, next_date, as_of = data["held"]
        same = (
            _same_day(options.day().isoformat(), str(next_date), str(as_of))
            and data["key"] == _key(options)
            and data["cache"] == [stat.st_size, stat.st_mtime_ns, stat.st_ino]
            and data["code"] == code_stats(options.theme_dir)
            and data.get("libraries") == resources.library_versions()
            and data["inputs"] == stat_digest(scan(options.content_dir, options.theme_dir))
            and output_stamp.holds(options.output_dir, output_stamp.from_data(data["output"]))
        )
        if not same:
            return None
        return Report(int(data["pages"]), tuple(map(str, data["warnings"])), int(held), next_date)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing or damaged
        return None


def _same_day(today: str, next_date: str, as_of: str) -> bool:
    """Whether a build today publishes the articles the recorded build did (schedule.Held)."""
    return today == as_of or (as_of < today and not (next_date and today >= next_date))


def stat_digest(found: Mapping[str, Sequence[int]]) -> str:
    """One digest of a scan or a snapshot, whatever order a folder lists its files in."""
    return hashlib.sha256(repr(sorted(found.items())).encode()).hexdigest()
