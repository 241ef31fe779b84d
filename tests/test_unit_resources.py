"""The package's own files are named in one place, and the build cache keys on all of its
code: a change to a module deep in a sub-package makes another key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import resources
from generator.incremental import cache
from generator.settings import BuildOptions


def test_every_resource_is_there() -> None:
    assert (resources.FONTS / "DejaVuSans.ttf").is_file()
    assert (resources.STARTER / "site.yaml").is_file()
    assert resources.LIVE_RELOAD_SCRIPT.is_file()
    assert (resources.I18N / "en.yaml").is_file()
    assert (resources.packaged_theme_dir() / "templates" / "base.html").is_file()


def test_the_cache_key_notices_a_change_in_any_sub_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "generator"
    shutil.copytree(resources.CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(resources, "CODE", code)
    theme = tmp_path / "theme"
    theme.mkdir()

    options = BuildOptions(
        content_dir=tmp_path / "content", theme_dir=theme, output_dir=tmp_path / "site"
    )

    def key() -> str:
        return cache.cache_key(options)

    before = key()
    nested = code / "evidence" / "rules.py"
    nested.write_text(nested.read_text() + "\n# changed\n")
    assert key() != before


def test_the_library_versions_are_those_python_would_import() -> None:
    from importlib import metadata

    assert resources.library_versions() == [
        f"{name} {metadata.version(name)}" for name in resources.LIBRARIES
    ]


def test_an_upgraded_library_changes_the_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `make lock` moves Jinja2 or Pillow, no page the old one made is kept."""
    options = BuildOptions(
        content_dir=tmp_path / "content", theme_dir=tmp_path, output_dir=tmp_path / "site"
    )
    before = cache.cache_key(options)
    found = tmp_path / "found"
    found.mkdir()
    (found / "jinja2-99.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(found))  # found first, as Python would import it
    assert "Jinja2 99.0" in resources.library_versions()
    assert cache.cache_key(options) != before


def test_a_new_version_of_briefing_changes_the_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its version is read as the libraries' are (importlib.metadata is not imported)."""
    from importlib import metadata

    from generator import DISTRIBUTION

    assert resources.installed_versions((DISTRIBUTION,)) == [
        f"{DISTRIBUTION} {metadata.version(DISTRIBUTION)}"
    ]
    options = BuildOptions(
        content_dir=tmp_path / "content", theme_dir=tmp_path, output_dir=tmp_path / "site"
    )
    before = cache.cache_key(options)
    found = tmp_path / "found"
    found.mkdir()
    (found / "briefing_news-99.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(found))
    assert cache.cache_key(options) != before
