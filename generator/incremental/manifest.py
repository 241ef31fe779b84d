"""A small manifest beside the build cache, so a build with nothing to do is answered
without importing the stages (Jinja2, markdown-it-py, PyYAML) or unpickling the state.

It is JSON and holds what the cache was made under (settings, the package version, the
stat of every file of the generator and the theme), the stat of every input, the output
snapshot, the stat of the cache file it goes with, and what that build reported. If all
of it is as recorded, the last build's report stands. Any difference at all, even one
that would turn out to be harmless (a touched file), sends the build the full way,
which decides with digests. Standard library only."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import resources
from generator.content.fingerprints import Fingerprint, scan, snapshot

FOLDER = ".briefing-cache"
FORMAT = 1
BASE_URL_ENV = "BRIEFING_BASE_URL"  # assemble.BASE_URL_ENV: the build reads it too


@dataclass(frozen=True, slots=True)
class Settings:
    """What a `briefing build` was asked to do."""

    content_dir: Path
    theme_dir: Path
    output_dir: Path
    base_url: str | None
    search: bool
    strict: bool
    drafts: bool
    search_shards: int | None = None  # BuildOptions.search_shards (None from the command line)
    future: bool = False
    today: str = ""  # the ISO day the build is as of ('': today in UTC); not in the key

    def key(self) -> list:
        folders = [str(p.resolve()) for p in (self.content_dir, self.theme_dir, self.output_dir)]
        flags = [self.base_url, os.environ.get(BASE_URL_ENV), self.search, self.strict]
        # the package version is not here: the code files' stat stands for it
        return [FORMAT, *folders, *flags, self.drafts, self.search_shards, self.future]

    def day(self) -> str:
        return self.today or dt.datetime.now(dt.UTC).date().isoformat()


@dataclass(frozen=True, slots=True)
class Report:
    """What the last build said: its page count and its warnings, as printed."""

    pages: int
    warnings: tuple[str, ...]
    held: int = 0  # articles dated after `as_of`, left out
    next_date: str = ""  # the ISO day the first of them is due
    as_of: str = ""  # the ISO day the build was as of


def cache_folder(output_dir: Path) -> Path:
    return output_dir.parent / FOLDER


def cache_file(output_dir: Path) -> Path:
    """The cached build (incremental/cache.py, plain data as JSON) this manifest goes with."""
    return cache_folder(output_dir) / f"{output_dir.name}.cache"


def manifest_file(output_dir: Path) -> Path:
    return cache_folder(output_dir) / f"{output_dir.name}.manifest.json"


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


def write(
    settings: Settings,
    inputs: Mapping[str, Fingerprint],
    output: Mapping[str, tuple[int, int]],
    cache_file: Path,
    report: Report,
) -> None:
    """Record a build whose cache was just saved at `cache_file`. Written atomically;
    a failure only costs the next build the full way."""
    path = manifest_file(settings.output_dir)
    try:
        stat = cache_file.stat()
        data = {
            "key": settings.key(),
            "code": code_stats(settings.theme_dir),
            "inputs": {key: list(value) for key, value in inputs.items()},
            "output": {key: list(value) for key, value in output.items()},
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


def unchanged(settings: Settings, cache_file: Path) -> Report | None:
    """The last build's report if nothing it depends on changed since, else None."""
    try:
        data = json.loads(manifest_file(settings.output_dir).read_text(encoding="utf-8"))
        stat = cache_file.stat()
        held, next_date, as_of = data["held"]
        same = (
            _same_day(settings.day(), str(next_date), str(as_of))
            and data["key"] == settings.key()
            and data["cache"] == [stat.st_size, stat.st_mtime_ns, stat.st_ino]
            and data["code"] == code_stats(settings.theme_dir)
            and _equal(data["inputs"], scan(settings.content_dir, settings.theme_dir))
            and _equal(data["output"], snapshot(settings.output_dir))
        )
        if not same:
            return None
        return Report(int(data["pages"]), tuple(map(str, data["warnings"])), int(held), next_date)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing or damaged
        return None


def _same_day(today: str, next_date: str, as_of: str) -> bool:
    """Whether a build today publishes the articles the recorded build did (schedule.Held)."""
    return today == as_of or (as_of < today and not (next_date and today >= next_date))


def _equal(recorded: Mapping[str, list], found: Mapping[str, Sequence[int]]) -> bool:
    if not isinstance(recorded, dict):
        return False
    return recorded.keys() == found.keys() and all(
        recorded[key] == list(value) for key, value in found.items()
    )
