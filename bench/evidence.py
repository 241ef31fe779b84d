"""The support check's share of a full build, on the synthetic corpus.

    .venv/bin/python bench/evidence.py --articles 1000 --claims 30 --runs 3

Writes the corpus of bench/corpus.py, then gives each topic CLAIMS key facts, each made of
the opening words of a paragraph of one article and citing it and another article (which
mostly does not support it: the slower path, that looks for the closest sentence). Times,
as medians of RUNS: a full `briefing build` (Pagefind included, as `make build` runs it)
in a fresh process, and the support check (`support.check_site`) alone in this process,
each in wall time and in CPU time (the machine may be shared). Prints both and the shares."""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from commands import briefing  # noqa: E402
from corpus import write_corpus  # noqa: E402

from generator.content.assemble import build_site  # noqa: E402
from generator.content.load import load_content  # noqa: E402
from generator.evidence.site_check import check_site, evidence_problems  # noqa: E402

WORDS_PER_CLAIM = 14


def add_claims(content: Path, per_topic: int, seed: int) -> int:
    """Append key facts drawn from the articles' own words to every topic."""
    rng = random.Random(seed)
    articles = sorted((content / "articles").glob("*.md"))
    lines = (content / "topics.yaml").read_text(encoding="utf-8").split("\n")
    out, added = [], 0
    for line in lines:
        out.append(line)
        if line.strip() != "key_facts:":
            continue
        for _ in range(per_topic):
            source, other = rng.sample(articles, 2)
            paragraphs = source.read_text(encoding="utf-8").split("---\n", 2)[2].split("\n\n")
            words = rng.choice([p for p in paragraphs if p.strip()]).split()[:WORDS_PER_CLAIM]
            text = " ".join(words).replace(":", " ") + "."
            out.append(f"    - text: {text}")
            out.append(f"      cite: [{source.stem}, {other.stem}]")
            added += 1
    (content / "topics.yaml").write_text("\n".join(out), encoding="utf-8")
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=30, help="key facts per topic (20 topics)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        content, output = Path(temp) / "content", Path(temp) / "site"
        write_corpus(content, args.articles)
        added = add_claims(content, args.claims, seed=1)
        builds, build_cpu = [], []
        for _ in range(args.runs):
            before, started = _children_cpu(), time.perf_counter()
            subprocess.run(briefing("build", content, output), check=True, capture_output=True)
            builds.append(time.perf_counter() - started)
            build_cpu.append(_children_cpu() - before)
        site = build_site(load_content(content))
        checks, check_cpu = [], []
        for _ in range(args.runs):
            started, cpu = time.perf_counter(), time.process_time()
            evidence = check_site(site).evidence
            checks.append(time.perf_counter() - started)
            check_cpu.append(time.process_time() - cpu)
        _, warnings = evidence_problems(evidence)
    build_s, check_s = statistics.median(builds), statistics.median(checks)
    build_c, check_c = statistics.median(build_cpu), statistics.median(check_cpu)
    print(f"{args.articles} articles, {len(evidence.items)} claims ({added} added)")
    print(
        f"{evidence.checked} citations checked, {evidence.supported} supported, "
        f"{len(warnings)} warnings"
    )
    print(
        f"wall: full build {build_s:.2f} s, support check {check_s * 1000:.0f} ms "
        f"= {check_s / build_s:.1%}"
    )
    print(
        f"cpu:  full build {build_c:.2f} s, support check {check_c * 1000:.0f} ms "
        f"= {check_c / build_c:.1%}"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
