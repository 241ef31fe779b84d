"""Search quality: a fixed set of queries through the built index, in headless Chromium.

    .venv/bin/python bench/search_quality.py [--site site/] [--engine briefing|pagefind]

Builds the real content/ (or takes a built --site), serves it, and runs every query of
QUERIES through Pagefind's JS API in Chromium: `--engine briefing` (the default) through
the site's own search (static/search-core.js: alias expansion, ranking options, type
weights), `--engine pagefind` through Pagefind's defaults alone, for comparison. Reports
hit@1, hit@3 and the mean reciprocal rank of the expected page (any of them, where a
query has more than one right answer), and complete@10: the share of the queries naming
pages that must all be found (the articles of a topic, every article that mentions a
person, whatever spelling the query uses) whose first 10 results hold them all."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
DEPTH = 10  # results read per query; a page ranked lower counts as not found

ISTANBUL = "/articles/ukraine-proposes-leaders-meeting-at-istanbul-talks/"
HEADS_TO_ANKARA = "/articles/zelensky-in-ankara-ready-to-meet-putin-in-istanbul/"
REWRITE = "/articles/zelensky-to-meet-us-envoy-and-turkish-president/"
BBC = "/articles/zelensky-to-meet-witkoff-and-erdogan-in-ankara/"
VOWS = "/articles/zelensky-vows-direct-talks-with-putin-in-turkey/"


def entity(entity_id: str) -> str:
    return f"/entities/{entity_id}/"


def topic(topic_id: str) -> str:
    return f"/topics/{topic_id}/"


WITKOFF_ARTICLES = (HEADS_TO_ANKARA, REWRITE, BBC)
EVERY_ARTICLE = (ISTANBUL, HEADS_TO_ANKARA, REWRITE, BBC, VOWS)
LAVROV_ARTICLES = (HEADS_TO_ANKARA, REWRITE, BBC, VOWS)
# the topics whose own text names him: any spelling of his name must find them too
ZELENSKY_TOPICS = ("ankara-meeting", "istanbul-talks", "lavrov-conditions")
ZELENSKY_ALL = (*EVERY_ARTICLE, *(topic(topic_id) for topic_id in ZELENSKY_TOPICS))
ERDOGAN_ALL = (*EVERY_ARTICLE, topic("ankara-meeting"), topic("istanbul-talks"))
WITKOFF_ALL = (*WITKOFF_ARTICLES, topic("ankara-meeting"))

# (query, what kind of query, the pages that answer it (any one), the pages that must all be
# among the first DEPTH results: "every spelling finds the same things")
QUERIES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Ukraine proposes a Zelensky–Putin meeting at the Istanbul talks", "title", (ISTANBUL,), ()),
    ("Zelensky heads to Ankara, ready to meet Putin in Istanbul", "title", (HEADS_TO_ANKARA,), ()),
    ("Zelensky to Meet US Envoy and Turkish President for Peace", "title", (REWRITE,), ()),
    ("Zelensky to meet US envoy Witkoff and Erdogan in Ankara", "title", (BBC,), ()),
    ("Zelensky vows to do everything to ensure direct talks", "title", (VOWS,), ()),
    ("Ankara meeting", "topic", (topic("ankara-meeting"),), (REWRITE, BBC)),
    ("Istanbul talks", "topic", (topic("istanbul-talks"),), (ISTANBUL, HEADS_TO_ANKARA, VOWS)),
    ("Lavrov's conditions", "topic", (topic("lavrov-conditions"),), LAVROV_ARTICLES),
    ("Lavrov conditions", "topic", (topic("lavrov-conditions"), BBC, REWRITE), LAVROV_ARTICLES),
    ("Steve Witkoff", "name", (entity("steve-witkoff"),), WITKOFF_ALL),
    ("Volodymyr Zelensky", "name", (entity("volodymyr-zelensky"),), ZELENSKY_ALL),
    ("Recep Tayyip Erdogan", "name", (entity("recep-tayyip-erdogan"),), ERDOGAN_ALL),
    ("Vladimir Medinsky", "name", (entity("vladimir-medinsky"),), (ISTANBUL,)),
    ("Rustem Umerov", "name", (entity("rustem-umerov"),), (ISTANBUL,)),
    ("Hakan Fidan", "name", (entity("hakan-fidan"),), (ISTANBUL,)),
    ("Dmitry Peskov", "name", (entity("dmitry-peskov"),), ()),
    ("Sergei Ryabkov", "name", (entity("sergei-ryabkov"),), (HEADS_TO_ANKARA,)),
    ("Kaja Kallas", "name", (entity("kaja-kallas"),), (HEADS_TO_ANKARA,)),
    ("Witkov", "garbled name", (entity("steve-witkoff"),), WITKOFF_ALL),
    ("Receptacle Erdogan", "garbled name", (entity("recep-tayyip-erdogan"),), ERDOGAN_ALL),
    ("Voldymir Zelensky", "garbled name", (entity("volodymyr-zelensky"),), ZELENSKY_ALL),
    ("Zelenskyy", "garbled name", (entity("volodymyr-zelensky"),), ZELENSKY_ALL),
    ("Liabakov", "garbled name", (entity("sergei-ryabkov"),), (HEADS_TO_ANKARA,)),
    ("Kaja Karas", "garbled name", (entity("kaja-kallas"),), (HEADS_TO_ANKARA,)),
    ("Andri Yamak", "garbled name", (entity("andriy-yermak"),), (HEADS_TO_ANKARA,)),
    ("Erdoğan", "garbled name", (entity("recep-tayyip-erdogan"),), ERDOGAN_ALL),
    ("Medinski", "misspelling", (entity("vladimir-medinsky"),), (ISTANBUL,)),
    ("Witkof", "misspelling", (entity("steve-witkoff"),), WITKOFF_ALL),
    ("1,200 prisoners of war", "phrase", (ISTANBUL,), ()),
    ("the positions are quite distant", "phrase", (ISTANBUL,), ()),
    ("100 fighter jets", "phrase", (REWRITE,), ()),
    ("30-day ceasefire", "phrase", (VOWS,), ()),
    ("rushed ascent briefing", "phrase", (HEADS_TO_ANKARA,), ()),
    ("€140 billion loan", "phrase", (BBC, REWRITE), ()),
    ("end this bloody war", "phrase", (ISTANBUL,), ()),
    ("root causes of the conflict", "phrase", (VOWS,), ()),
    ("Medinsky ceasefire", "words", (ISTANBUL,), ()),
    ("Witkoff Erdogan Ankara", "words", (BBC, REWRITE, topic("ankara-meeting")), ()),
    ("Lavrov NATO ambitions", "words", (BBC,), ()),
    ("Peskov open to a conversation", "words", (BBC, REWRITE, topic("ankara-meeting")), ()),
    ("BBC News", "source", ("/sources/bbc-news/",), ()),
)

# Runs in the page: every query through the chosen engine, the result paths in order.
RUN_QUERIES = """
async ([engineName, queries, depth]) => {
  const box = document.querySelector("[data-search]");
  const out = [];
  if (engineName === "pagefind") {
    const pagefind = await import(box.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: box.dataset.base });
    for (const query of queries) {
      const search = await pagefind.search(query);
      const data = await Promise.all(search.results.slice(0, depth).map((r) => r.data()));
      out.push(data.map((d) => d.url));
    }
    return out;
  }
  const core = await import(box.dataset.core);
  const engine = await core.createEngine(box.dataset);
  for (const query of queries) {
    const found = await core.search(engine, { q: query });
    const data = await Promise.all(found.results.slice(0, depth).map((r) => r.data()));
    out.push(data.map((d) => d.url));
  }
  return out;
}
"""


@dataclass(frozen=True, slots=True)
class Outcome:
    query: str
    kind: str
    rank: int | None  # 1-based rank of the first expected page, None if not in the top DEPTH
    complete: bool | None  # all the pages that must be found are; None: nothing required
    top: str


@dataclass(frozen=True, slots=True)
class Report:
    outcomes: tuple[Outcome, ...]

    @property
    def hit_at_1(self) -> float:
        return self._share(lambda rank: rank == 1)

    @property
    def hit_at_3(self) -> float:
        return self._share(lambda rank: rank <= 3)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    @property
    def complete(self) -> float:
        """Share of the queries that require pages which find all of them."""
        checked = [o.complete for o in self.outcomes if o.complete is not None]
        return sum(checked) / len(checked)

    def _share(self, hit) -> float:
        return sum(1 for o in self.outcomes if o.rank and hit(o.rank)) / len(self.outcomes)


def measure(site_dir: Path, engine: str = "briefing", browser=None) -> Report:
    """Run QUERIES on a built site (served at the root) and score the answers; in the
    given Playwright browser, or in a Chromium of its own."""
    sys.path.insert(0, str(ROOT))
    from generator.preview.server import serving

    with serving(site_dir) as base:
        if browser is not None:
            found = _run(browser, base, engine)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                own = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                try:
                    found = _run(own, base, engine)
                finally:
                    own.close()
    return Report(tuple(_outcome(entry, urls) for entry, urls in zip(QUERIES, found, strict=True)))


def _run(browser, base: str, engine: str) -> list[list[str]]:
    page = browser.new_page()
    try:
        page.goto(base + "/search/")
        queries = [entry[0] for entry in QUERIES]
        return page.evaluate(RUN_QUERIES, [engine, queries, DEPTH])
    finally:
        page.close()


def _outcome(entry: tuple[str, str, tuple[str, ...], tuple[str, ...]], urls: list[str]) -> Outcome:
    query, kind, expected, required = entry
    rank = next((i + 1 for i, url in enumerate(urls) if url in expected), None)
    complete = set(required) <= set(urls) if required else None
    return Outcome(query, kind, rank, complete, urls[0] if urls else "")


def build_real_site(output: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from generator.pipeline.builder import BuildOptions, build

    build(
        BuildOptions(
            content_dir=ROOT / "content", theme_dir=ROOT / "themes" / "default", output_dir=output
        )
    )
    return output


def print_report(report: Report, engine: str) -> None:
    for o in report.outcomes:
        mark = "ok " if o.rank == 1 else ("~  " if o.rank and o.rank <= 3 else "MISS")
        gaps = " INCOMPLETE" if o.complete is False else ""
        print(f"{mark} {o.rank or '-':>2}  {o.kind:<13} {o.query!r:<55} top: {o.top}{gaps}")
    print(
        f"\nengine={engine} queries={len(report.outcomes)} "
        f"hit@1={report.hit_at_1:.1%} hit@3={report.hit_at_3:.1%} MRR={report.mrr:.3f} "
        f"complete@{DEPTH}={report.complete:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build content/)")
    parser.add_argument("--engine", choices=("briefing", "pagefind"), default="briefing")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_real_site(Path(tmp) / "site")
        report = measure(site, args.engine)
    if args.json:
        figures = {
            "hit@1": report.hit_at_1,
            "hit@3": report.hit_at_3,
            "mrr": report.mrr,
            f"complete@{DEPTH}": report.complete,
        }
        print(json.dumps(figures))
    else:
        print_report(report, args.engine)


if __name__ == "__main__":
    main()
