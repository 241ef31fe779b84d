"""Social cards alone: every card of a site drawn in one process, as a cold build draws
them (issue 27), for the CPU a card costs and the bytes it weighs.

    .venv/bin/python bench/cards.py CONTENT [--limit N]

CONTENT: a content folder (e.g. one written by `bench/corpus.py --articles 1000 DIR`).
Prints the cards drawn, the CPU seconds of drawing them (layout, letters, PNG encoding;
not the site's preparation, not writing files), ms a card, the PNG bytes, and a digest of
all the PNGs: equal digests, equal cards (to compare two versions of the drawing)."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.content.fingerprints import scan
from generator.pipeline.prepare import Memory, prepare
from generator.pipeline.stages import StageClock
from generator.render.cards import Card, draw
from generator.settings import BuildOptions


def site_cards(content: Path) -> list[Card]:
    """The cards a build of `content` draws, once each, in page order."""
    with tempfile.TemporaryDirectory() as folder:
        options = BuildOptions(
            content_dir=content,
            output_dir=Path(folder) / "site",
            search=False,
            today=dt.date(2026, 12, 1),
            workers=1,
        )
        fingerprints = scan(options.content_dir, options.theme_dir)
        prepared, _ = prepare(options, fingerprints, None, None, Memory(), StageClock())
    return list({card.name: card for card in prepared.cards.values()}.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="draw only the first N cards")
    args = parser.parse_args()
    cards = site_cards(args.content)
    cards = cards[: args.limit] if args.limit else cards
    digest, size = hashlib.sha256(), 0
    started = time.process_time()
    for card in cards:
        png = draw(card)
        digest.update(png)
        size += len(png)
    cpu = time.process_time() - started
    print(
        f"{len(cards)} cards: {cpu:.2f} s CPU, {1000 * cpu / max(len(cards), 1):.2f} ms a card, "
        f"{size / 1e6:.1f} MB of PNG, digest {digest.hexdigest()[:16]}"
    )


if __name__ == "__main__":
    main()
