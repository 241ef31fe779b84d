"""authoring.content_folder: the folder loads as far as it loads (what does not is a problem
returned, not a stop), and a file is written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_site import article, content

from generator.authoring.content_folder import write_whole
from generator.content.load import load_what_loads
from generator.errors import ContentErrors


def test_a_clean_folder_loads_whole_with_no_problem(tmp_path: Path) -> None:
    raw, problems = load_what_loads(content(tmp_path))
    assert problems == []
    assert len(raw.articles) == 2
    assert raw.site.data["title"] == "Mini briefing"


def test_what_does_not_load_is_a_problem_and_the_rest_still_loads(tmp_path: Path) -> None:
    folder = content(
        tmp_path,
        {"entities.yaml": "- id: [unclosed\n", "articles/third.md": "---\ntitle: [\n---\nx\n"},
    )
    raw, problems = load_what_loads(folder)
    assert {p.position.path.name for p in problems} == {"entities.yaml", "third.md"}
    assert len(raw.articles) == 2  # first and second, not the broken third
    assert raw.entities.data is None and raw.site.data["title"] == "Mini briefing"


def test_a_missing_yaml_file_is_a_problem_too(tmp_path: Path) -> None:
    folder = content(tmp_path)
    (folder / "sources.yaml").unlink()
    raw, problems = load_what_loads(folder)
    assert [p.position.path.name for p in problems] == ["sources.yaml"]
    assert len(raw.articles) == 2


def test_a_file_is_written_whole_with_its_folder_and_no_temporary_left(tmp_path: Path) -> None:
    path = tmp_path / "articles" / "new.md"
    write_whole(path, article("New"), replace=False)
    assert path.read_text(encoding="utf-8") == article("New")
    assert [p.name for p in path.parent.iterdir()] == ["new.md"]


def test_an_existing_file_is_kept_unless_replacing(tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        write_whole(path, "theirs", replace=False)
    assert "cannot write the file" in raised.value.errors[0].message
    assert raised.value.errors[0].position.path == path
    assert path.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"]  # the temporary file is gone
    write_whole(path, "theirs", replace=True)
    assert path.read_text(encoding="utf-8") == "theirs"
