"""The built site is what it was: the real content and a seeded bench corpus, built as of a
fixed day, give exactly the files recorded in `golden/output.json` (a digest of each file's
bytes; of each card's pixels, so a card may be encoded anew as long as it looks the same).

Speed work must not change what is built; this test says which files did if it does. A
change that is meant to change the output re-records the digests, and the diff of the
golden file shows what changed:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_output.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from PIL import Image

from generator.pipeline.builder import build
from generator.settings import BuildOptions
from tests.conftest import CONTENT, ROOT, THEME

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus

GOLDEN = Path(__file__).resolve().parent / "golden" / "output.json"
TODAY = dt.date(2026, 12, 1)
CORPUS_ARTICLES = 120  # enough for two search shards and every kind of list page
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def digest(path: Path) -> str:
    """sha256 of the file's bytes (of a PNG's size and RGBA pixels instead), cut to 64 bits."""
    if path.suffix == ".png":
        with Image.open(path) as image:
            pixels = image.convert("RGBA")
            data = f"{pixels.size}".encode() + pixels.tobytes()
        return "pixels:" + hashlib.sha256(data).hexdigest()[:16]
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): digest(path)
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def corpus(folder: Path) -> Path:
    write_corpus(folder, CORPUS_ARTICLES, seed=1)
    return folder


def built(content: Path, output: Path) -> dict[str, str]:
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output, today=TODAY))
    return digests(output)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    root = tmp_path_factory.mktemp("golden")
    return {
        "content": built(CONTENT, root / "content-site"),
        "corpus": built(corpus(root / "corpus"), root / "corpus-site"),
    }


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    lines = [f"missing: {name}" for name in sorted(expected.keys() - actual.keys())]
    lines += [f"new:     {name}" for name in sorted(actual.keys() - expected.keys())]
    lines += [
        f"changed: {name}"
        for name in sorted(expected.keys() & actual.keys())
        if expected[name] != actual[name]
    ]
    return lines


@pytest.mark.parametrize("name", ["content", "corpus"])
def test_the_site_is_what_it_was(sites: dict[str, dict[str, str]], name: str) -> None:
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    if UPDATE:
        recorded[name] = sites[name]
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert name in recorded, f"no golden digests for {name}: run with UPDATE_GOLDEN=1"
    changed = differences(recorded[name], sites[name])
    more = f"\n… and {len(changed) - 40} more" if len(changed) > 40 else ""
    shown = "\n".join(changed[:40]) + more
    assert not changed, (
        f"{len(changed)} files of the {name} site differ from tests/golden/output.json:\n{shown}\n"
        "If the change is meant, re-record: UPDATE_GOLDEN=1 .venv/bin/python -m pytest "
        "tests/test_golden_output.py"
    )


def test_a_changed_file_is_named() -> None:
    """The comparison can fail: one changed byte, one missing file, one new file."""
    before = {"a.html": "1", "b.html": "2", "c.png": "pixels:3"}
    after = {"a.html": "1", "b.html": "X", "d.xml": "4"}
    assert differences(before, after) == ["missing: c.png", "new:     d.xml", "changed: b.html"]
