"""The support check with its memo (support.check_site): CPU from nothing, with nothing
changed, and after one cited article's text changed, on bench/corpus.py's articles with
bench/evidence.py's claims.

    .venv/bin/python bench/evidence_memo.py --articles 1000 --claims 30"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import write_corpus
from evidence import add_claims

from generator.content.assemble import build_site
from generator.content.load import load_content
from generator.evidence.site_check import check_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=30, help="per topic")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        write_corpus(content, args.articles)
        add_claims(content, args.claims, 1)
        site = build_site(load_content(content))
        started = time.process_time()
        first = check_site(site)
        cold = time.process_time() - started
        started = time.process_time()
        same = check_site(site, first.memo)
        unchanged = time.process_time() - started
        slug = next(s for s in site.articles if first.evidence.by_article.get(s))
        article = site.articles[slug]
        article = dataclasses.replace(article, body=article.body + "\n\nAn added paragraph.\n")
        edited = dataclasses.replace(site, articles={**site.articles, slug: article})
        started = time.process_time()
        again = check_site(edited, first.memo)
        one = time.process_time() - started
        assert again.evidence == check_site(edited).evidence
    print(f"{len(first.evidence.items)} claims, {args.articles} articles (CPU seconds):")
    print(f"  from nothing: {cold:.3f} s, {first.checked} claims checked")
    print(f"  nothing changed: {unchanged:.3f} s, {same.checked} checked")
    print(f"  one cited article's text changed: {one:.3f} s, {again.checked} checked")


if __name__ == "__main__":
    main()
