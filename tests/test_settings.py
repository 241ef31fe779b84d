"""Build settings are one frozen record, made by keyword; the cache key and the manifest
derive from it, so a setting that changes what is built changes the key."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.incremental import cache
from generator.settings import BASE_URL_ENV, BuildOptions

# How a build is done, not what it makes: the one fields outside the key.
HOW = {"workers", "cache", "progress", "today"}
OTHER_VALUES = {
    "content_dir": Path("elsewhere/content"),
    "theme_dir": Path("elsewhere/theme"),
    "output_dir": Path("elsewhere/site"),
    "base_url": "https://example.org/repo/",
    "search": False,
    "strict": True,
    "drafts": True,
    "future": True,
    "search_shards": 3,
    "workers": 7,
    "cache": True,
    "progress": print,
    "today": dt.date(2025, 1, 2),
}


def test_settings_are_made_by_keyword_only() -> None:
    with pytest.raises(TypeError):
        BuildOptions(Path("content"))  # type: ignore[misc]


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(BuildOptions)])
def test_every_setting_of_what_is_built_is_in_the_key(name: str) -> None:
    """A field added to BuildOptions fails here until it is in the key or in HOW."""
    options = BuildOptions()
    changed = dataclasses.replace(options, **{name: OTHER_VALUES[name]})
    assert (changed.key() == options.key()) == (name in HOW)


def test_the_cache_key_derives_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    options = BuildOptions(search=False)
    key = cache.cache_key(options)
    assert cache.cache_key(dataclasses.replace(options, workers=1, cache=True)) == key
    assert cache.cache_key(dataclasses.replace(options, drafts=True)) != key
    monkeypatch.setenv(BASE_URL_ENV, "https://example.org/")
    assert cache.cache_key(options) != key


def test_the_day_is_the_given_one_or_today_in_utc() -> None:
    assert BuildOptions(today=dt.date(2025, 1, 2)).day() == dt.date(2025, 1, 2)
    assert BuildOptions().day() == dt.datetime.now(dt.UTC).date()
