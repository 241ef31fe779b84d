"""Where the cards go: each written once into the output's cards/ folder, copied from the
last build or the cache's store when a file there is the card, else drawn (on several
cores for a large site)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator import output
from generator.render.cards.card import CARDS_DIR, Card
from generator.render.cards.drawing import draw

STORE_INDEX = "digests.json"  # in the card store: each card's PNG digest, as drawn
CARD_NAME = re.compile(r"[0-9a-f]{16}\.png")
DIGEST = re.compile(r"[0-9a-f]{64}")
MIN_CARDS_PER_WORKER = 40


def write_cards(
    cards: Iterable[Card],
    directory: Path,
    reuse_from: Path | None = None,
    workers: int = 1,
    store: Path | None = None,
    known: dict[str, str] | None = None,
) -> int:
    """Put each card into directory/cards/: kept if the file there is the card, copied
    from `reuse_from` (the last build's cards) or from `store` (kept by the build cache)
    when a file there is, else drawn, and then kept in `store`. A file is the card only
    if its sha256 is the one `known` (card name -> digest of the PNG drawn for it,
    updated here) records: a PNG swapped for another card's is drawn again. Returns
    how many were drawn."""
    known = {} if known is None else known
    missing = to_draw(cards, directory, reuse_from, store, known)
    folder = cards_folder(directory)
    for drawn in _draw_all(missing, folder, store, workers):
        known.update(drawn)
    return len(missing)


def cards_folder(directory: Path) -> Path:
    """directory/cards/, made and checked once (its files' names are hashes: plain)."""
    return output.inside(directory, f"{CARDS_DIR}/{STORE_INDEX}").parent


def to_draw(
    cards: Iterable[Card],
    directory: Path,
    reuse_from: Path | None,
    store: Path | None,
    known: Mapping[str, str],
) -> list[Card]:
    """The cards to draw, once each: those neither in directory/cards/ already nor copied
    there from `reuse_from` or `store` (a file is the card only if its digest is known)."""
    folder = cards_folder(directory)
    missing = []
    for card in {card.name: card for card in cards}.values():
        destination = folder / card.name
        expected = known.get(card.name)
        if expected and _digest_of(destination) == expected:
            continue
        sources = (place / card.name for place in (reuse_from, store) if place is not None)
        found = next((p for p in sources if expected and _digest_of(p) == expected), None)
        if found is None:
            missing.append(card)
        else:  # replaced, never written in place: it may be a hard link to the served file
            output.write_atomic(
                output.inside(directory, f"{CARDS_DIR}/{card.name}"), found.read_bytes()
            )
    return missing


def draw_into(cards: Iterable[Card], folder: Path, store: Path | None) -> dict[str, str]:
    """Draw each card into `folder` (made by `cards_folder`) and into `store`; returns
    each card's name -> the digest of its PNG."""
    kept = _store_folder(store)
    drawn = {}
    for card in cards:
        data = draw(card)
        output.write_atomic(folder / card.name, data)  # it may be being served
        drawn[card.name] = _digest(data)
        if kept is not None:
            with contextlib.suppress(OSError):  # a store that cannot be written costs time only
                output.write_atomic(kept / card.name, data)
    return drawn


def _store_folder(store: Path | None) -> Path | None:
    """The store, made and checked once (None: no store, or one that cannot be made)."""
    if store is None:
        return None
    try:
        return output.inside(store, STORE_INDEX).parent
    except OSError:
        return None


def _digest_of(path: Path) -> str:
    try:
        return _digest(path.read_bytes())
    except OSError:
        return ""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_index(store: Path) -> dict[str, str]:
    """The digests of the cards in the store, as the builds that drew them recorded
    them (an unreadable index is an empty one: every card is drawn again)."""
    try:
        data = json.loads((store / STORE_INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        name: digest
        for name, digest in data.items()
        if CARD_NAME.fullmatch(name) and isinstance(digest, str) and DIGEST.fullmatch(digest)
    }


def keep_only(cards: Iterable[Card], store: Path, known: Mapping[str, str]) -> None:
    """Forget the stored cards no page shows any more; record the digests of the rest."""
    wanted = {card.name for card in cards}
    with contextlib.suppress(OSError):
        for present in store.glob("*.png") if store.is_dir() else ():
            if present.name not in wanted:
                present.unlink(missing_ok=True)
        index = {name: known[name] for name in sorted(wanted) if name in known}
        store.mkdir(parents=True, exist_ok=True)
        output.write_atomic(store / STORE_INDEX, json.dumps(index, indent=0).encode())


def _draw_all(
    cards: Sequence[Card], folder: Path, store: Path | None, workers: int
) -> Iterable[dict[str, str]]:
    """Drawing takes a few ms a card: a large site draws on all the cores it may use."""
    if workers <= 1 or len(cards) < MIN_CARDS_PER_WORKER * 2:
        return [draw_into(cards, folder, store)]
    if "fork" not in multiprocessing.get_all_start_methods():
        return [draw_into(cards, folder, store)]
    context = multiprocessing.get_context("fork")
    chunks = [
        cards[start : start + MIN_CARDS_PER_WORKER]
        for start in range(0, len(cards), MIN_CARDS_PER_WORKER)
    ]
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(draw_into, chunks, [folder] * len(chunks), [store] * len(chunks)))


def remove_other_cards(
    cards: Iterable[Card], directory: Path, there: Set[str] = frozenset()
) -> None:
    """Remove the cards no page names: of `there` (the names of the cards known to be
    in `directory`), else of all its cards."""
    wanted = {card.name for card in cards}
    folder = directory / CARDS_DIR
    present = there or {found.name for found in folder.glob("*.png")}
    for name in sorted(present - wanted):
        (folder / name).unlink(missing_ok=bool(there))
