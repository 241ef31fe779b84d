"""Replay hostile input against `briefing check`: every case must end in a clean message
(file:line, exit 1) or a site (exit 0), never a traceback, and quickly.

    python bench/hostile.py --random 500 [--seed 1]

The named cases are the repro cases of issue 19 (alias bombs, deep nesting, huge
numbers, control characters, duplicate keys, circular rewrites, bad language tags,
long names, FIFOs); the random ones mix those values with random nesting, anchors
and aliases in every content file. Prints the cases tried, how they ended, and the
slowest case. tests/test_limits.py holds the same property as a hypothesis test."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from commands import ROOT, THEME

sys.path.insert(0, str(ROOT))
from generator.cli import main as briefing

MINI = ROOT / "tests" / "fixtures" / "mini"
FILES = ["site.yaml", "topics.yaml", "entities.yaml", "sources.yaml", "articles/first.md"]
MESSAGE = re.compile(r"^\S+?(:\d+){0,2}: (error|warning): \S")
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
    for p, n in zip("abcdefghi", "bcdefghij", strict=True)
)
VALUES = [
    "&a [*a]", "*undefined", "[" * 30_000 + "]" * 30_000, "{a: " * 5000 + "x" + "}" * 5000,
    "9" * 5000, "0x" + "f" * 5000, "1e99999", '"\\x00\\x1b[31m\\u0085\\uFFFE"', '"\\t ok"',
    "!!binary Zm9v", "!!python/object:os.system {}", "'" + "z" * 150_000 + "'", "2025-13-45",
    "'" + "N" * 10_000 + "'", "../../../../X", "[" * 5000 + "x" + "]" * 5000,
]
NAMES = ["id", "title", "name", "date", "source", "topics", "summary", "rewrite_of", "language",
         "aliases", "key_facts", "base_url", "x"]


def named_cases() -> list[tuple[str, str, str]]:
    """(name, file, text appended to the front matter or replacing a YAML file)."""
    cases = [(f"alias bomb as {key}", FILES[4], BOMB.replace("j: &j", f"{key}: &j"))
             for key in ("title", "date", "summary", "unused")]
    cases += [(f"{value[:20]!r} as {key}", FILES[4], f"{key}: {value}\n")
              for value in VALUES for key in ("title", "date", "note")]
    cases += [
        ("duplicate key", FILES[4], "title: Again\n"),
        ("circular rewrite", FILES[4], "rewrite_of: second\n"),
        ("language ../X", FILES[0], "title: T\nlanguage: ../../../../X\n"),
        ("long entity name", FILES[2], f"- id: e\n  name: {'A' * 10_000}\n  kind: place\n"),
        ("deep title list", FILES[4], "title: " + "- " * 5000 + "x\n"),
    ]
    return cases


def random_case(rng: random.Random) -> tuple[str, str, str]:
    lines = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.5:
            value = rng.choice(VALUES)
        else:
            depth = rng.randint(0, 60)
            value = "[" * depth + rng.choice(["x", "1", "null", "''", "é"]) + "]" * depth
        anchor = rng.choice(["", "&n ", "*n"])
        lines.append(f"{rng.choice(NAMES)}: {anchor if anchor == '*n' else anchor + value}")
    return "random", rng.choice(FILES), "\n".join(lines) + "\n"


def run_case(target: str, text: str) -> tuple[str, float]:
    """'ok', 'message' or 'TRACEBACK ...', and the CPU seconds it took (wall time
    on a shared machine mostly measures the other processes)."""
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        shutil.copytree(MINI, content)
        path = content / target
        if target.endswith(".md"):
            path.write_text(path.read_text().replace("---\n", "---\n" + text, 1))
        else:
            body = text if target == "site.yaml" else "- " + text.replace("\n", "\n  ")
            path.write_text(body)
        err = io.StringIO()
        started = time.process_time()
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = briefing(["check", "--content", str(content), "--theme", str(THEME)])
        except BaseException:
            return "TRACEBACK " + traceback.format_exc(limit=1).splitlines()[-1], 0.0
        seconds = time.process_time() - started
        lines = err.getvalue().splitlines()
        if code == 0:
            return "ok", seconds
        clean = code == 1 and all(MESSAGE.match(line) for line in lines[:-1])
        return ("message" if clean else f"UNCLEAN {lines[:2]}"), seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = named_cases() + [random_case(rng) for _ in range(args.random)]
    outcomes: dict[str, int] = {}
    slowest = (0.0, "")
    for name, target, text in cases:
        outcome, seconds = run_case(target, text)
        kind = outcome.split()[0]
        outcomes[kind] = outcomes.get(kind, 0) + 1
        if kind not in ("ok", "message"):
            print(f"{name} in {target}: {outcome}")
        slowest = max(slowest, (seconds, f"{name} in {target}"))
    fifo_ok = _fifo_case()
    fifo = "skipped with a warning" if fifo_ok else "FAILED"
    print(f"{len(cases) + 1} cases: {outcomes}, FIFO {fifo}")
    print(f"slowest: {slowest[0]:.2f} CPU seconds ({slowest[1]})")
    return 0 if set(outcomes) <= {"ok", "message"} and fifo_ok else 1


def _fifo_case() -> bool:
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        shutil.copytree(MINI, content)
        os.mkfifo(content / "articles" / "pipe.md")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = briefing(["check", "--content", str(content), "--theme", str(THEME)])
        return code == 0 and "skipped: not a regular file" in err.getvalue()


if __name__ == "__main__":
    sys.exit(main())
