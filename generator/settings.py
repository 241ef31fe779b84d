"""What a build is asked to do: one frozen record, made by keyword by the command line,
the preview, the tests and the benchmarks. The cache key and the manifest derive from
it (`key`), so a setting added here is in both. Standard library only: the command
line's no-change check reads it before anything heavy is imported."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BASE_URL_ENV = "BRIEFING_BASE_URL"  # overrides site.yaml's base_url (content/assemble.py reads it)
Progress = Callable[[int, int], None]  # told (pages done, pages in all) while rendering


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildOptions:
    content_dir: Path = Path("content")
    theme_dir: Path = Path("themes/default")
    output_dir: Path = Path("site")
    base_url: str | None = None  # overrides site.yaml's base_url
    search: bool = True
    strict: bool = False  # warnings count as errors
    drafts: bool = False  # include articles marked 'draft: true' (the preview does)
    future: bool = False  # include articles dated after today (the preview does)
    search_shards: int | None = None  # shards of the search index; None: by the site's size
    today: dt.date | None = None  # the day the build is as of; None: today in UTC
    # How it is done, not what is made (so not in the key):
    workers: int = 2  # processes that render a full build; 1 in the preview (it has threads)
    cache: bool = False  # read and save the persistent cache beside the output (the CLI does)
    progress: Progress | None = None

    def key(self) -> list[object]:
        """What must be equal for a cache or manifest made under other settings to be used.
        Not `today`: the manifest compares days itself, and the cache holds what a new day
        may change (the build re-renders the lists then)."""
        folders = [str(p.resolve()) for p in (self.content_dir, self.theme_dir, self.output_dir)]
        # and the content folder as written: the records keep their paths as they were read
        # ('content/x.md' or '/home/me/content/x.md'), and messages name them so
        spelled = str(self.content_dir)
        flags = [self.base_url, os.environ.get(BASE_URL_ENV), self.search, self.strict]
        return [*folders, spelled, *flags, self.drafts, self.search_shards, self.future]

    def day(self) -> dt.date:
        """The day the build is as of."""
        return self.today or dt.datetime.now(dt.UTC).date()
