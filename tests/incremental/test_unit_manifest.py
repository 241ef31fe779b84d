"""manifest: a build with nothing to do is answered from the last build's report; any
difference at all (settings, an input, the output, the cache file, the day) sends it the
full way, and so does a missing or damaged manifest."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from generator.content.fingerprints import scan, snapshot
from generator.incremental import manifest
from generator.incremental.manifest import Report, unchanged
from generator.settings import BASE_URL_ENV, BuildOptions

REPORT = Report(12, ("warning: x",), 1, "2025-12-01", "2025-11-20")


@pytest.fixture
def settings(tmp_path: Path) -> BuildOptions:
    for name in ("content/topics.yaml", "theme/templates/base.html", "site/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    made = BuildOptions(
        content_dir=tmp_path / "content",
        theme_dir=tmp_path / "theme",
        output_dir=tmp_path / "site",
        today=dt.date(2025, 11, 20),
    )
    cache = manifest.cache_file(made.output_dir)
    cache.parent.mkdir()
    cache.write_text("{}")
    inputs, output = scan(made.content_dir, made.theme_dir), snapshot(made.output_dir)
    manifest.write(made, inputs, output, REPORT)
    return made


def _unchanged(settings: BuildOptions) -> Report | None:
    return unchanged(settings)


def test_nothing_changed_gives_the_recorded_report(settings: BuildOptions) -> None:
    assert _unchanged(settings) == Report(12, ("warning: x",), 1, "2025-12-01")
    assert manifest.manifest_file(settings.output_dir).parent.name == ".briefing-cache"


@pytest.mark.parametrize(
    "change",
    ["content/topics.yaml", "theme/templates/base.html", "site/index.html", "site/new.html"],
)
def test_a_changed_input_or_output_file_is_a_difference(
    settings: BuildOptions, change: str
) -> None:
    path = settings.content_dir.parent / change
    path.write_text("changed, and longer than before")
    assert _unchanged(settings) is None


def test_other_settings_or_a_new_cache_file_are_a_difference(settings: BuildOptions) -> None:
    assert _unchanged(replace(settings, drafts=True)) is None
    assert _unchanged(replace(settings, base_url="https://example.org/")) is None
    cache = manifest.cache_file(settings.output_dir)
    cache.write_text("{ }")
    assert _unchanged(settings) is None


def test_a_later_day_differs_only_once_a_held_article_is_due(settings: BuildOptions) -> None:
    assert _unchanged(replace(settings, today=dt.date(2025, 11, 30))) is not None
    assert _unchanged(replace(settings, today=dt.date(2025, 12, 1))) is None
    assert _unchanged(replace(settings, today=dt.date(2025, 11, 19))) is None  # back in time


def test_a_base_url_from_the_environment_is_a_setting(
    settings: BuildOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "https://example.org/")
    assert _unchanged(settings) is None


@pytest.mark.parametrize("damage", ["", "[]", '{"key": 1}', "not json"])
def test_a_damaged_manifest_is_a_difference_not_an_error(
    settings: BuildOptions, damage: str
) -> None:
    manifest.manifest_file(settings.output_dir).write_text(damage)
    assert _unchanged(settings) is None


def test_a_wrong_type_inside_is_a_difference(settings: BuildOptions) -> None:
    path = manifest.manifest_file(settings.output_dir)
    data = json.loads(path.read_text())
    data["inputs"] = ["not", "a", "mapping"]
    path.write_text(json.dumps(data))
    assert _unchanged(settings) is None


def test_no_manifest_is_left_when_the_cache_file_is_gone(settings: BuildOptions) -> None:
    cache = manifest.cache_file(settings.output_dir)
    os.remove(cache)
    manifest.write(settings, {}, {}, REPORT)
    assert not manifest.manifest_file(settings.output_dir).exists()


def test_the_stat_digest_is_of_the_files_not_the_order_they_are_listed_in() -> None:
    found = {"a.md": (1, 2, 3), "b/c.md": (4, 5, 6), "d.md": (7, 8, 9)}
    digest = manifest.stat_digest(found)
    assert manifest.stat_digest(dict(reversed(found.items()))) == digest
    assert manifest.stat_digest({**found, "b/c.md": (4, 5, 7)}) != digest
    assert manifest.stat_digest({**found, "e.md": (0, 0, 0)}) != digest
    assert len(json.dumps(digest)) < 70  # however many files there are
