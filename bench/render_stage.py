"""The render stage on its own: prepare a site, then render every page in this process.

    .venv/bin/python bench/render_stage.py CONTENT_DIR [--today 2026-12-01] [--repeat 1]

Runs every stage up to the list of pages once, then renders all pages (Jinja, one
process, nothing written, no cards, no search) `--repeat` times, and prints one JSON
line: pages, CPU seconds of preparing and of each render pass. Use it to compare two
versions of the templates, views and pages on the same content, side by side (one
checkout each, the same corpus from `bench/corpus.py`); a whole cold build adds the
cards and the writes, which vary far more on a loaded machine."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.fingerprints import scan  # noqa: E402
from generator.pipeline.prepare import Memory, prepare  # noqa: E402
from generator.pipeline.stages import StageClock  # noqa: E402
from generator.render.jinja import make_environment, render_each  # noqa: E402
from generator.settings import BuildOptions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--today", default="2026-12-01")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    options = BuildOptions(
        content_dir=args.content,
        theme_dir=ROOT / "themes" / "default",
        output_dir=Path("/nonexistent-render-stage-output"),
        search=False,
        today=dt.date.fromisoformat(args.today),
        workers=1,
    )
    started = time.process_time()
    fingerprints = scan(options.content_dir, options.theme_dir)
    prepared, _ = prepare(options, fingerprints, None, None, Memory(), StageClock())
    data = prepared.data
    env = make_environment(options.theme_dir, data.site.config, data.routes)
    prepare_cpu = time.process_time() - started
    passes = []
    for _ in range(args.repeat):
        started = time.process_time()
        render_each(env, prepared.pages, data, lambda page, html, reads: None)
        passes.append(round(time.process_time() - started, 3))
    result = {"pages": len(prepared.pages), "prepare_cpu": round(prepare_cpu, 3)}
    print(json.dumps(result | {"render_cpu": passes}))


if __name__ == "__main__":
    main()
