"""quickstart.create_site: `briefing init` writes a site that loads as it is, into an empty
folder only, never through a link out, and nothing at all when an option is bad."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.authoring.init import FILES, REQUIREMENTS, StarterOptions, create_site
from generator.content.assemble import build_site
from generator.content.load import load_content
from generator.errors import ContentErrors


def test_the_starter_is_a_site_that_loads_with_its_title(tmp_path: Path) -> None:
    site_dir = tmp_path / "new"
    title = 'Talks: "Ankara" #1'
    written = create_site(StarterOptions(site_dir, title, "https://me.example/x/"))
    assert {p.relative_to(site_dir).as_posix() for p in written} >= {t for _, t, _ in FILES}
    site = build_site(load_content(site_dir / "content"))
    assert site.config.title == title  # quoted for YAML, whatever it holds
    assert site.config.base_url == "https://me.example/x/"
    assert site.articles and site.topics
    requirements = (site_dir / REQUIREMENTS).read_text()
    assert "./vendor/" in requirements and "--hash=sha256:" in requirements
    assert yaml.safe_load((site_dir / ".github/workflows/pages.yml").read_text())["jobs"]


def test_a_folder_with_files_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ContentErrors) as raised:
        create_site(StarterOptions(tmp_path))
    assert raised.value.errors[0].message == "the folder is not empty"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    "base_url", ["me.example/x", "ftp://me.example/", "https://", "https://me.github.io/x/?q=1#f"]
)
def test_a_bad_base_url_writes_nothing(tmp_path: Path, base_url: str) -> None:
    with pytest.raises(ContentErrors) as raised:
        create_site(StarterOptions(tmp_path / "new", base_url=base_url))
    assert raised.value.errors[0].position.path == Path("--base-url")
    assert not (tmp_path / "new").exists()


def test_no_file_is_written_through_a_link_out(tmp_path: Path) -> None:
    site_dir, elsewhere = tmp_path / "new", tmp_path / "elsewhere"
    site_dir.mkdir()
    elsewhere.mkdir()
    (site_dir / "content").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ContentErrors) as raised:
        create_site(StarterOptions(site_dir, force=True))
    assert "refusing to write through the symbolic link" in raised.value.errors[0].message
    assert list(elsewhere.iterdir()) == []
