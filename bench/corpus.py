"""A seeded synthetic corpus in Briefing's content format, for benchmarks.

    python bench/corpus.py OUTPUT_DIR --articles 1000 [--seed 1]

Writes OUTPUT_DIR/{site,topics,entities,sources}.yaml and OUTPUT_DIR/articles/*.md:
N articles of about 600 words, 20 topics, 300 entities with aliases that the
article text mentions, 12 sources. The same seed gives the same files."""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

WORDS = [
    "talks",
    "ceasefire",
    "delegation",
    "minister",
    "envoy",
    "agreement",
    "prisoners",
    "exchange",
    "region",
    "border",
    "security",
    "sanctions",
    "proposal",
    "meeting",
    "capital",
    "president",
    "summit",
    "negotiations",
    "statement",
    "officials",
    "conditions",
    "withdrawal",
    "territory",
    "guarantees",
    "aid",
    "loan",
    "reconstruction",
    "drones",
    "frontline",
    "villages",
    "offensive",
    "diplomacy",
    "mediator",
    "round",
    "draft",
    "memorandum",
    "council",
    "spokesman",
    "reported",
    "confirmed",
    "denied",
    "suggested",
    "warned",
    "announced",
    "expected",
    "discussed",
    "proposed",
    "rejected",
    "the",
    "a",
    "of",
    "in",
    "on",
    "to",
    "and",
    "for",
    "with",
    "by",
    "from",
    "at",
    "as",
    "that",
    "which",
    "while",
    "after",
    "before",
    "during",
]
FIRST = [
    "Anna",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hakan",
    "Irina",
    "Jonas",
    "Kateryna",
    "Lev",
    "Maria",
]
LAST = [
    "Aksoy",
    "Bondar",
    "Castell",
    "Demir",
    "Egorov",
    "Fischer",
    "Grigoryan",
    "Horvath",
    "Ivanenko",
    "Jensen",
]
PLACES = [
    "Avdiivka",
    "Bilhorod",
    "Chernivtsi",
    "Dnipro",
    "Enerhodar",
    "Fastiv",
    "Horlivka",
    "Izium",
    "Kupiansk",
]


def write_corpus(
    target: Path,
    articles: int,
    seed: int = 1,
    topics: int = 20,
    entities: int = 300,
    sources: int = 12,
) -> None:
    rng = random.Random(seed)
    (target / "articles").mkdir(parents=True, exist_ok=True)
    (target / "site.yaml").write_text(
        "title: Synthetic briefing\ndescription: Benchmark corpus.\nbase_url: /\nlanguage: en\n",
        encoding="utf-8",
    )
    source_ids = [f"source-{i}" for i in range(sources)]
    (target / "sources.yaml").write_text(
        "".join(
            f"- id: {sid}\n  name: Source {i}\n  kind: outlet\n  url: https://s{i}.example/\n"
            for i, sid in enumerate(source_ids)
        ),
        encoding="utf-8",
    )
    names = _entity_names(rng, entities)
    (target / "entities.yaml").write_text(
        "".join(
            f"- id: entity-{i}\n  name: {name}\n  kind: {kind}\n  description: Entity {i}.\n"
            f"  aliases: [{alias}]\n"
            for i, (name, alias, kind) in enumerate(names)
        ),
        encoding="utf-8",
    )
    slugs = [f"article-{i:05d}" for i in range(articles)]
    topic_ids = [f"topic-{i:02d}" for i in range(topics)]
    (target / "topics.yaml").write_text(
        "".join(
            f"- id: {tid}\n  title: Topic {i}\n  summary: Summary of topic {i}.\n  key_facts:\n"
            f"    - text: A fact about topic {i}.\n      cite: [{rng.choice(slugs)}]\n"
            f"  related: [{topic_ids[(i + 1) % topics]}]\n"
            for i, tid in enumerate(topic_ids)
        ),
        encoding="utf-8",
    )
    start = dt.date(2024, 1, 1)
    for slug in slugs:
        chosen = rng.sample(topic_ids, 2)
        date = start + dt.timedelta(days=rng.randrange(700))
        body = _body(rng, names)
        source = rng.choice(source_ids)
        (target / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: Report {slug}\ndate: {date.isoformat()}\nsource: {source}\n"
            f"topics: [{', '.join(chosen)}]\nsummary: A synthetic report.\n---\n\n{body}",
            encoding="utf-8",
        )


def _entity_names(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    names = []
    for i in range(count):
        if i % 3 == 2:
            name = f"{rng.choice(PLACES)} {i}"
            names.append((name, f"{name}sk", "place"))
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}{i}"
            names.append((name, f"{name.split()[1]}y", "person"))
    return names


def _body(rng: random.Random, names: list[tuple[str, str, str]]) -> str:
    paragraphs = []
    for _ in range(6):
        words = [rng.choice(WORDS) for _ in range(95)]
        for _ in range(4):
            name, alias, _ = rng.choice(names)
            words.insert(rng.randrange(len(words)), rng.choice((name, alias)))
        text = " ".join(words)
        paragraphs.append(text[0].upper() + text[1:] + ".")
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.output, args.articles, args.seed)


if __name__ == "__main__":
    main()
