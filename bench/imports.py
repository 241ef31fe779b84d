"""`briefing import` of many files: one call for a folder against one call per file.

    .venv/bin/python bench/imports.py --files 100

Writes N distinct plain texts (sentences of the five seed texts, shuffled with a fixed
seed, each with a title and a "Published:" line), then imports them into two empty copies
of a content folder (content/'s sources, entities and topics, no articles): once as a
folder in one process, once file by file, and prints both wall times and their ratio."""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def write_texts(folder: Path, count: int, seed: int = 15) -> list[Path]:
    rng = random.Random(seed)
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 6]
    folder.mkdir(parents=True)
    paths = []
    for number in range(count):
        chosen = rng.sample(sentences, 12)
        body = "\n\n".join(" ".join(chosen[i : i + 3]) for i in range(0, 12, 3))
        day = f"{1 + number % 28} {('May', 'June', 'July')[number % 3]} 2025"
        path = folder / f"{number:03}.txt"
        path.write_text(
            f"Briefing note {number}: {chosen[0][:60]}\n\nPublished: {day}\n\n{body}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def empty_content(target: Path) -> Path:
    (target / "articles").mkdir(parents=True)
    for name in ("site", "sources", "entities"):
        shutil.copy(ROOT / "content" / f"{name}.yaml", target)
    topics = yaml.safe_load((ROOT / "content" / "topics.yaml").read_text(encoding="utf-8"))
    kept = [{k: v for k, v in t.items() if k in ("id", "title", "summary")} for t in topics]
    (target / "topics.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True), "utf-8")
    return target


def briefing_import(content: Path, *files: Path) -> None:
    command = [sys.executable, "-m", "generator", "import", *map(str, files)]
    command += ["--content", str(content), "--source", "unattributed"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"import failed:\n{result.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        texts = write_texts(work / "inbox", args.files)
        started = time.perf_counter()
        briefing_import(empty_content(work / "batch"), work / "inbox")
        batch = time.perf_counter() - started
        content = empty_content(work / "single")
        started = time.perf_counter()
        for text in texts:
            briefing_import(content, text)
        single = time.perf_counter() - started
        written = len(list((work / "batch" / "articles").glob("*.md")))
        assert written == len(list((content / "articles").glob("*.md"))) == args.files
    print(f"{args.files} files in one call:  {batch:.2f} s")
    print(f"{args.files} calls of one file: {single:.2f} s ({single / args.files:.2f} s each)")
    print(f"one call is {single / batch:.1f}x faster")


if __name__ == "__main__":
    main()
