"""How well the evidence check tells supported claims from unsupported ones.

    .venv/bin/python bench/evidence_quality.py [--misses] [--runs 5]

Reads the hand-labelled claims of bench/claims/claims.yaml (each against the article it
cites: the five articles of content/ and the benchmark's own in bench/claims/articles/),
checks every one with the support check (`evidence.check_claims`, the rules `check` uses)
and reports, for "not supported" as the positive class: precision, recall, the share of
correct paraphrases flagged (false positives), and the share caught of each kind of error.
A claim is flagged when its cited article does not support it. `--misses` lists every
claim the check got wrong; `--runs` times the whole check (median, per citation)."""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.dates import PartialDate  # noqa: E402
from generator.errors import Position  # noqa: E402
from generator.evidence.claims import Claim, Evidence  # noqa: E402
from generator.evidence.passages import check_claims  # noqa: E402
from generator.evidence.textfeatures import NameIndex, name_index  # noqa: E402

CLAIMS = ROOT / "bench" / "claims" / "claims.yaml"
ENTITY_FILES = (ROOT / "content" / "entities.yaml", ROOT / "bench" / "claims" / "entities.yaml")
CORRECT = "paraphrase"


@dataclass(frozen=True, slots=True)
class Article:
    body: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Labelled:
    claim: Claim
    kind: str  # "paraphrase" or the kind of error


def read_article(path: Path) -> Article:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return Article(body, dt.date.fromisoformat(str(yaml.safe_load(front)["date"])))


def read_names() -> NameIndex:
    entities = [e for path in ENTITY_FILES for e in yaml.safe_load(path.read_text("utf-8"))]
    people = [e["id"] for e in entities if e.get("kind") == "person"]
    spellings = [(e["id"], e.get("name", e["id"]), e.get("aliases") or []) for e in entities]
    return name_index(spellings, people)


def read_claims() -> tuple[dict[str, Article], list[Labelled]]:
    data = yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))
    articles = {key: read_article(ROOT / path) for key, path in data["articles"].items()}
    labelled = []
    for index, item in enumerate(data["claims"]):
        kind, *rest = item.get("claim", "fact").split()
        claim = Claim(
            kind,
            "bench",
            index,
            item["text"],
            (item["cite"],),
            Position(CLAIMS, index + 1),
            speaker=rest[0] if kind == "quote" else "",
            date=PartialDate.parse(rest[0]) if kind == "event" else None,
        )
        labelled.append(Labelled(claim, item["kind"]))
    return articles, labelled


def check(articles: dict[str, Article], labelled: list[Labelled], names: NameIndex) -> tuple:
    bodies = {key: article.body for key, article in articles.items()}
    published = {key: article.date for key, article in articles.items()}
    return check_claims([item.claim for item in labelled], bodies, {}, names, published)


def flagged(evidence: Evidence) -> bool:
    """What `check` would report: a cited article that does not support the claim."""
    return any(not support.supported for support in evidence.supports if support.cited)


def report(labelled: list[Labelled], results: tuple[Evidence, ...]) -> dict[str, float]:
    counts, caught = Counter(), Counter()
    for item, evidence in zip(labelled, results, strict=True):
        counts[item.kind] += 1
        caught[item.kind] += flagged(evidence)
    errors = sum(n for kind, n in counts.items() if kind != CORRECT)
    true_pos = sum(n for kind, n in caught.items() if kind != CORRECT)
    false_pos = caught[CORRECT]
    figures = {
        "precision": true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0,
        "recall": true_pos / errors,
        "false positives": false_pos / counts[CORRECT],
    }
    print(f"{len(labelled)} claims: {counts[CORRECT]} correct paraphrases, {errors} errors")
    print(
        f"precision {figures['precision']:.2f}  recall {figures['recall']:.2f}  "
        f"paraphrases flagged {figures['false positives']:.0%} "
        f"({false_pos}/{counts[CORRECT]})"
    )
    for kind in sorted(counts, key=lambda k: (k == CORRECT, k)):
        share = caught[kind] / counts[kind]
        what = "flagged" if kind == CORRECT else "caught"
        print(f"  {kind:<11} {what} {caught[kind]:>3}/{counts[kind]:<3} {share:>5.0%}")
        figures[kind] = share
    return figures


def list_misses(labelled: list[Labelled], results: tuple[Evidence, ...]) -> None:
    for item, evidence in zip(labelled, results, strict=True):
        if flagged(evidence) == (item.kind != CORRECT):
            continue
        (support,) = evidence.supports
        wrong = "flagged" if item.kind == CORRECT else "missed"
        print(f"\n{wrong} [{item.kind}] {item.claim.cites[0]}: {item.claim.text}")
        print(f"    passage: {support.text[:160]}")
        for what in [*support.missing, *(d.message for d in support.differences)]:
            print(f"    says: {what}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list what the check got wrong")
    parser.add_argument("--runs", type=int, default=0, help="time the check this many times")
    args = parser.parse_args()
    articles, labelled = read_claims()
    names = read_names()
    results = check(articles, labelled, names)
    report(labelled, results)
    if args.misses:
        list_misses(labelled, results)
    if args.runs:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            check(articles, labelled, names)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(
            f"check: {median * 1000:.1f} ms for {len(labelled)} citations (median of "
            f"{args.runs}) = {median * 1000 / len(labelled):.2f} ms per citation"
        )


if __name__ == "__main__":
    main()
