"""Replay hostile input against `briefing check` and `briefing build`: every case must
end in a clean message (file:line, exit 1) or a site (exit 0), never a traceback, and
quickly; and no build may write outside its output folder or replace a page it has.

    python bench/hostile.py --random 500 [--seed 1] [--builds 200]

The named cases are the repro cases of issue 19 (alias bombs, deep nesting, huge
numbers, control characters, duplicate keys, circular rewrites, bad language tags,
long names, FIFOs); the random ones mix those values with random nesting, anchors
and aliases in every content file. Prints the cases tried, how they ended, and the
slowest case. tests/content/test_limits.py holds the same property as a hypothesis test.

The build cases are those of issue 23: aliases that climb out ('%2e%2e'), name an
existing page ('//', '/index.html', '/articles/%66irst/', '/sitemap.xml') or hold NUL,
backslashes or escaped separators, plus random aliases made of such parts; a planted
pickle and crafted files in the build cache; articles, YAML files and templates linked
out of their folder; timestamps, addresses, blank titles and control characters that
once raised. Each builds the mini site in a folder of its own, three levels deep, and
every file outside the output folder is compared before and after (the aliases that
climb climb into that watched folder, never further)."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from commands import ROOT, THEME

sys.path.insert(0, str(ROOT))
from generator.cli import main as briefing

MINI = ROOT / "tests" / "fixtures" / "mini"
FILES = ["site.yaml", "topics.yaml", "entities.yaml", "sources.yaml", "articles/first.md"]
MESSAGE = re.compile(r"^\S+?(:\d+){0,2}: (error|warning): \S")
NOTE = re.compile(r"^\S+: (ignoring|could not save) the build cache: \S")  # one line, then on
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


ALIAS_PARTS = [
    "/", "//", ".", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "\\", "%00", "%25", "%252e",
    "index.html", "articles", "first", "%66irst", "sitemap.xml", "robots.txt", "feed.xml",
    "tmp", "x", "é", "e\u0301", "K", "\u202e", "C:", "~", " ", "pagefind", "static", "cards",
    ".nojekyll", "%", "?", "#", ":", "zz.pth",
]  # fmt: skip
NAMED_ALIASES = [
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/x/", "/%2e%2e/site-packages/zz.pth",  # into the watched folder
    "//", "/./", "/", "/index.html", "/articles/%66irst/", "/Articles/First/", "/sitemap.xml",
    "/robots.txt", "/feed.xml/x/", "/%00/", "/a\\..\\..\\x", "/..%2f..%2fx/", "/%252e%252e/x/",
    "/.briefing-site", "/pagefind/pagefind.js", "/static/style.css", "/%ff/", "/C:/x",
]  # fmt: skip
FRONT_MATTER = [  # (name, old, new) in first.md: values that once raised
    ("timestamp 2025-02-30", "date: 2025-11-18", "date: !!timestamp 2025-02-30"),
    ("timestamp 0000-01-01", "date: 2025-11-18", "date: !!timestamp 0000-01-01"),
    ("url http://[::1", "summary:", 'url: "http://[::1"\nsummary:'),
    ("blank title", "title: First report", "title: '   '"),
    ("blank topic", "topics: [ankara-meeting]", "topics: ['']"),
    ("!!int abc", "summary:", "x: !!int abc\nsummary:"),
]


def build_cases(rng: random.Random, count: int) -> list[tuple[str, Callable[[Path], None]]]:
    """(name, how to spoil a copy of the mini site's folder: content/ and the cache)."""
    aliases = NAMED_ALIASES + [_random_alias(rng) for _ in range(count)]
    cases = [(f"alias {alias!r}", _with_alias(alias)) for alias in aliases]
    cases += [(name, _replacing(old, new)) for name, old, new in FRONT_MATTER]
    cases += [
        ("ESC in a body", _appending("Red \x1b[31malert\x1b[0m.\n")),
        ("U+FFFE in a body", _appending("A \ufffe B.\n")),
        ("article linked out", _linked("articles/leak.md", "/etc/hostname")),
        ("dangling article link", _linked("articles/gone.md", "/nonexistent/x.md")),
        ("looping article link", _linked("articles/loop.md", "loop.md")),
        ("sources.yaml linked out", _linked_yaml),
        ("planted pickle (old name)", _planted("site.pickle")),
        ("planted pickle (cache)", _planted("site.cache")),
        ("crafted cache: os.system", _crafted(b'{"c":["os.system","touch PLANTED"]}')),
        ("crafted cache: deep", _crafted(b"[" * 100_000 + b"]" * 100_000)),
        ("damaged manifest", _damaged_manifest),
    ]
    return cases


def _briefing(args: list[str], cwd: Path, check: bool = False) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` from this checkout (not whichever one is installed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=check)


def _random_alias(rng: random.Random) -> str:
    parts = [rng.choice(ALIAS_PARTS) for _ in range(rng.randint(1, 8))]
    return rng.choice(["/", "/", "/", "", "//"]) + "".join(parts)


def _article(root: Path) -> Path:
    return root / "content" / "articles" / "first.md"


def _with_alias(alias: str) -> Callable[[Path], None]:
    quoted = "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in alias)
    return _replacing("summary:", f'aliases: ["{quoted}"]\nsummary:')


def _replacing(old: str, new: str) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        path = _article(root)
        path.write_text(path.read_text().replace(old, new, 1))

    return spoil


def _appending(text: str) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        path = _article(root)
        path.write_text(path.read_text() + text)

    return spoil


def _linked(name: str, target: str) -> Callable[[Path], None]:
    return lambda root: (root / "content" / name).symlink_to(target)


def _linked_yaml(root: Path) -> None:
    (root / "content" / "sources.yaml").rename(root.parent / "sources.yaml")
    (root / "content" / "sources.yaml").symlink_to(root.parent / "sources.yaml")


PLANT = (
    "import os, pickle, sys\n"
    "class P:\n    def __reduce__(self): return (os.system, ('touch {marker}',))\n"
    "sys.stdout.buffer.write(pickle.dumps(P()))"
)


def _planted(name: str) -> Callable[[Path], None]:
    def spoil(root: Path) -> None:
        marker = root / "PLANTED"
        code = PLANT.format(marker=marker)
        payload = subprocess.run([sys.executable, "-c", code], capture_output=True).stdout
        _rewrite_cache(root, payload, name)

    return spoil


def _crafted(payload: bytes) -> Callable[[Path], None]:
    return lambda root: _rewrite_cache(root, payload, "site.cache")


def _rewrite_cache(root: Path, payload: bytes, name: str) -> None:
    """`payload` under a valid header, digest recomputed, as `name`; a change to an
    article so the build does not stop at the manifest."""
    folder = root / ".briefing-cache"
    cache = next(folder.glob("site.[cp]*[ek]"))  # site.cache (site.pickle before issue 23)
    magic, key, _ = cache.read_bytes().split(b"\n", 2)
    digest = hashlib.sha256(payload).hexdigest().encode()
    cache.unlink()
    (folder / name).write_bytes(b"\n".join([magic, key, digest, b"", payload]))
    _appending("More text.\n")(root)


def _damaged_manifest(root: Path) -> None:
    manifest = root / ".briefing-cache" / "site.manifest.json"
    manifest.write_text(manifest.read_text().replace('"inputs":"', '"inputs":[],"x":"', 1))


def run_build_case(
    spoil: Callable[[Path], None], clean: dict[str, bytes] | None
) -> tuple[str, int]:
    """How one spoiled build ended ('ok', 'message' or 'TRACEBACK ...') and how many
    files outside its output folder it created, changed or removed (a planted marker
    included), or pages of the `clean` site it replaced (for aliases, which change no
    page)."""
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "a" / "b" / "c"
        shutil.copytree(MINI, root / "content")
        args = ["build", "--content", "content", "--theme", str(THEME), "--no-search"]
        _briefing(args, root)
        spoil(root)
        before = _files(Path(temp), skip=root / "site")
        done = _briefing(args, root)
        after = _files(Path(temp), skip=root / "site")
        outside = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
        outside -= {p for p in outside if p.startswith(str(root / ".briefing-cache"))}
        outside |= {str(root / "PLANTED")} & after.keys()
        if done.returncode == 0 and clean is not None:
            built = _files(root / "site").items()
            site = {k.replace(str(root / "site"), "{site}"): v for k, v in built}
            outside |= {name for name, data in clean.items() if site.get(name) != data}
        if "Traceback" in done.stderr:
            return "TRACEBACK " + done.stderr.strip().splitlines()[-1], len(outside)
        lines = [line for line in done.stderr.splitlines() if not NOTE.match(line)]
        if done.returncode == 0:
            return "ok", len(outside)
        clean_exit = done.returncode == 1 and all(MESSAGE.match(line) for line in lines[:-1])
        return ("message" if clean_exit else f"UNCLEAN {lines[:2]}"), len(outside)


def _files(root: Path, skip: Path | None = None) -> dict[str, bytes]:
    found = {}
    for path in root.rglob("*"):
        if skip is not None and path.is_relative_to(skip):
            continue
        if path.is_file() and not path.is_symlink():
            found[str(path)] = path.read_bytes()
    return found


def _clean_site() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "a" / "b" / "c"
        shutil.copytree(MINI, root / "content")
        args = ["build", "--content", "content", "--theme", str(THEME), "--no-search"]
        _briefing(args, root, check=True)
        site = root / "site"
        return {str(p).replace(str(site), "{site}"): p.read_bytes()
                for p in site.rglob("*") if p.is_file()}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--builds", type=int, default=100, help="random aliases built")
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
    print(f"{len(cases) + 1} check cases: {outcomes}, FIFO {fifo}")
    print(f"slowest: {slowest[0]:.2f} CPU seconds ({slowest[1]})")
    built, outside = _run_builds(build_cases(rng, args.builds))
    good = set(outcomes) <= {"ok", "message"} and set(built) <= {"ok", "message"}
    return 0 if good and fifo_ok and outside == 0 else 1


def _run_builds(cases: list[tuple[str, Callable[[Path], None]]]) -> tuple[dict[str, int], int]:
    clean = _clean_site()
    outcomes: dict[str, int] = {}
    outside = 0
    for name, spoil in cases:
        outcome, written = run_build_case(spoil, clean if name.startswith("alias") else None)
        kind = outcome.split()[0]
        outcomes[kind] = outcomes.get(kind, 0) + 1
        outside += written
        if kind not in ("ok", "message") or written:
            print(f"{name}: {outcome}, {written} files outside the output or pages replaced")
    tracebacks = outcomes.get("TRACEBACK", 0)
    print(f"{len(cases)} build cases: {outcomes}; {tracebacks} tracebacks, "
          f"{outside} writes outside the output or over a page")  # fmt: skip
    return outcomes, outside


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
