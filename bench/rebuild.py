"""Rebuild times in one long-lived Builder, as the preview uses it.

    .venv/bin/python bench/rebuild.py --articles 1000 --edits 10

Writes the synthetic corpus, builds it once (in-process, one worker, no search), then
times a no-change rebuild and a series of one-article edits: body edits (new text)
and title edits (front matter), each on a different article, then topic edits (a
topic's title in topics.yaml), each after the quiet moment in which the preview
collects garbage. Prints the medians, the number of pages
each edit rendered and the edits' mean CPU per stage, as one JSON line. Times are CPU
seconds of this process (it renders in-process), which a busy machine disturbs far less
than wall time; wall-clock medians are printed beside them."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from commands import THEME  # noqa: E402
from corpus import write_corpus  # noqa: E402

from generator.pipeline.builder import Builder, BuildOptions  # noqa: E402
from generator.preview.session import collect_and_freeze  # noqa: E402

STAGES: dict[str, list[float]] = {}  # the edits' CPU seconds in each stage


def timed(builder: Builder) -> tuple[float, int, float]:
    """(CPU seconds, pages rendered, wall seconds) of one build, after the quiet moment
    in which the preview collects the last one's garbage."""
    collect_and_freeze()
    started, wall = time.process_time(), time.perf_counter()
    report = builder.build()
    for stage in report.stages:
        STAGES.setdefault(stage.name, []).append(stage.cpu)
    return time.process_time() - started, len(report.rendered), time.perf_counter() - wall


def _median_ms(values) -> float:
    return round(statistics.median(values) * 1000, 1)


def _medians(name: str, timings: list[tuple[float, int, float]]) -> dict[str, float]:
    if not timings:
        return {}
    return {
        f"{name}_cpu_ms": _median_ms(t for t, _, _ in timings),
        f"{name}_wall_ms": _median_ms(w for _, _, w in timings),
        f"{name}_pages": statistics.median(n for _, n, _ in timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--topic-edits", type=int, default=3, help="each re-renders a topic's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        write_corpus(content, args.articles)
        options = BuildOptions(
            content_dir=content,
            theme_dir=THEME,
            output_dir=Path(temp) / "site",
            search=False,
            workers=1,
        )
        builder = Builder(options)
        full, _, _ = timed(builder)
        no_change, _, _ = timed(builder)
        STAGES.clear()  # the edits' alone
        articles = sorted((content / "articles").glob("*.md"))
        body, title = [], []
        for index in range(args.edits):
            article = articles[7 + index]
            text = article.read_text(encoding="utf-8")
            article.write_text(text + "\nOne more sentence.\n", "utf-8")
            body.append(timed(builder))
            article = articles[100 + index]
            text = article.read_text(encoding="utf-8")
            article.write_text(text.replace("title: Report", "title: Renamed report", 1), "utf-8")
            title.append(timed(builder))
        topic = []  # after the article edits: their stage times are the articles' alone
        article_stages = {name: list(cpu) for name, cpu in STAGES.items()}
        topics_file = content / "topics.yaml"
        for index in range(args.topic_edits):
            text = topics_file.read_text(encoding="utf-8")
            old = f"title: Topic {index}\n"
            topics_file.write_text(text.replace(old, f"title: Renamed topic {index}\n", 1), "utf-8")
            topic.append(timed(builder))
        print(
            json.dumps(
                {
                    "articles": args.articles,
                    "full_cpu_s": round(full, 3),
                    "no_change_cpu_ms": round(no_change * 1000, 1),
                    "body_edit_cpu_ms": _median_ms(t for t, _, _ in body),
                    "body_edit_wall_ms": _median_ms(w for _, _, w in body),
                    "body_edit_pages": statistics.median(n for _, n, _ in body),
                    "title_edit_cpu_ms": _median_ms(t for t, _, _ in title),
                    "title_edit_wall_ms": _median_ms(w for _, _, w in title),
                    "title_edit_pages": statistics.median(n for _, n, _ in title),
                    **_medians("topic_edit", topic),
                    # mean CPU ms of each stage over the article edits (os.times: 10 ms ticks)
                    "edit_stage_cpu_ms": {
                        name: round(statistics.mean(cpu) * 1000, 1)
                        for name, cpu in article_stages.items()
                    },
                }
            )
        )


if __name__ == "__main__":
    main()
