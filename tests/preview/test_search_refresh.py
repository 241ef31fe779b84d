"""The preview's search refresh runs beside the rebuilds: an edit saved while it runs is
served at once, and supersedes it (the bundle of the pages before the edit is dropped;
the next pause indexes the edit)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from conftest import search_fragments
from previewing import Server, previewing

ARTICLE = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"
ARTICLE_URL = f"/articles/{ARTICLE}/"


def _wait_for(done, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.05)


def _append(server: Server, words: str) -> None:
    article = server.content / "articles" / f"{ARTICLE}.md"
    article.write_text(article.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def _held_refresh(server: Server) -> tuple[threading.Event, threading.Event]:
    """Hold the first search refresh in the middle of its indexing until released."""
    builder = server.running.preview.builder
    index_search, started, release = builder.index_search, threading.Event(), threading.Event()

    def held() -> Path | None:
        if not started.is_set():
            started.set()
            assert release.wait(timeout=120)
        return index_search()

    builder.index_search = held  # type: ignore[method-assign]
    return started, release


def _served(server: Server, words: str) -> bool:
    return words in server.get(ARTICLE_URL)[1]


def test_an_edit_saved_during_a_search_refresh_is_served_before_it_ends(tmp_path: Path) -> None:
    with previewing(tmp_path) as server:
        started, release = _held_refresh(server)
        bundle = server.output / "pagefind"
        _append(server, "Quartzfirst arrived.")
        _wait_for(lambda: _served(server, "Quartzfirst"), "the first edit served")
        assert started.wait(timeout=30)  # the refresh began once edits paused
        indexed_before = search_fragments(server.output)
        _append(server, "Quartzsecond arrived.")
        _wait_for(lambda: _served(server, "Quartzsecond"), "the second edit served", 20)
        assert not release.is_set()  # served while the refresh was still running
        assert search_fragments(server.output) == indexed_before
        release.set()
        _wait_for(
            lambda: "quartzsecond" in search_fragments(server.output).casefold(),
            "the search index of the second edit",
        )
        assert "quartzfirst" in search_fragments(server.output).casefold()
        assert bundle.is_dir()
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-new")]
        assert leftovers == []
