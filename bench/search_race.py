"""Consecutive indexed builds: every one must leave a whole, verified search bundle.

    python bench/search_race.py --articles 300 --builds 30

Issue 19, finding 3: through Pagefind's Python wrapper, 24 builds in a row gave 4
tracebacks (an empty pagefind-entry.json) and one truncated pagefind-ui.js. Each
build here is a fresh `briefing build` process; after it, the bundle on disk is
checked with `search.verify_bundle`, and all bundles must be byte-identical.
tests/pipeline/test_outputs.py runs a small version of this (2 builds of 40 articles)."""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from commands import ROOT, briefing
from corpus import write_corpus

sys.path.insert(0, str(ROOT))
from generator.search.index import SearchIndexError, verify_bundle


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--builds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        content, site = Path(temp) / "content", Path(temp) / "site"
        write_corpus(content, args.articles)
        digests, failures, seconds = set(), 0, []
        for number in range(1, args.builds + 1):
            started = time.perf_counter()
            result = subprocess.run(
                briefing("build", content, site), cwd=ROOT, capture_output=True, text=True
            )
            seconds.append(time.perf_counter() - started)
            bundle_dir = site / "pagefind"
            bundle = {
                str(p.relative_to(bundle_dir)): p.read_bytes()
                for p in sorted(bundle_dir.rglob("*"))
                if p.is_file()
            }
            try:
                if result.returncode != 0:
                    raise SearchIndexError(result.stderr.strip())
                verify_bundle(bundle)
            except SearchIndexError as exc:
                failures += 1
                print(f"build {number}: {exc}")
            digests.add(hashlib.sha256(repr(sorted(bundle.items())).encode()).hexdigest())
        print(
            f"{args.builds} builds of {args.articles} articles: {failures} failed, "
            f"{len(digests)} distinct bundle(s), slowest {max(seconds):.2f} s"
        )
    return 1 if failures or len(digests) != 1 else 0


if __name__ == "__main__":
    sys.exit(main())
