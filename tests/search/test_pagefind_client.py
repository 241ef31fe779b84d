"""The Pagefind service client, without a site build."""

from __future__ import annotations

import base64
import itertools
import json
import platform
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.search.pagefind_client import (
    PagefindService,
    _Replies,
    index_pages,
    large_blocks_given_back,
    pagefind_executable,
)

PAGE = "<html><body><main><h1>Talks {n}</h1>" + "<p>Ceasefire talks in Ankara.</p>" * 400


def test_an_interrupted_index_stops_pagefind_at_once() -> None:
    """Ctrl-C in `briefing serve` while the search index catches up: the service is
    killed, not left to finish the pages it was sent (the preview then took 10 s to stop)."""
    with pytest.raises(KeyboardInterrupt), PagefindService() as service:
        process = service._process
        index = service.request({"type": "NewIndex", "config": {}}, "NewIndex")["index_id"]
        for n in range(400):
            page = {"index_id": index, "url": f"/{n}/", "file_path": None}
            service.send({"type": "AddFile", **page, "file_contents": PAGE.format(n=n)})
        interrupted = time.monotonic()
        raise KeyboardInterrupt
    assert time.monotonic() - interrupted < 1
    assert process.returncode == -signal.SIGKILL  # stopped, not left to finish its queue


def test_two_indexers_sharing_the_finishing_lock_make_what_one_alone_makes() -> None:
    """The lock that keeps indexers from their peak of memory at once: each holds it
    while its bundle is made and sent, its service stopped before it lets go."""
    pages = [(f"/{n}/", PAGE.format(n=n).encode("utf-8")) for n in range(20)]
    held: list[str] = []

    class Finishing:
        def __init__(self) -> None:
            self.lock = threading.Lock()

        def __enter__(self) -> None:
            self.lock.acquire()
            held.append("in")

        def __exit__(self, *exc_info: object) -> None:
            held.append("out")
            self.lock.release()

    alone = index_pages(pages, "en")
    finishing = Finishing()
    with ThreadPoolExecutor(2) as pool:
        both = list(pool.map(lambda _: index_pages(pages, "en", finishing), range(2)))
    assert held == ["in", "out", "in", "out"]  # never both at once
    assert both == [alone, alone] and "pagefind-entry.json" in alone


REPLY = st.fixed_dictionaries(
    {
        "message_id": st.integers(0, 10**6),
        "payload": st.dictionaries(st.text(max_size=5), st.text()),
    }
)


@given(st.lists(REPLY, max_size=6), st.lists(st.integers(0, 400), max_size=8))
def test_replies_arriving_in_any_pieces_are_read_whole_and_in_order(
    replies: list[dict], cuts: list[int]
) -> None:
    """Each reply is base64 of its JSON, ended by a comma; the pipe cuts them anywhere."""
    stream = b"".join(base64.b64encode(json.dumps(reply).encode()) + b"," for reply in replies)
    bounds = [0, *sorted(cut for cut in cuts if cut < len(stream)), len(stream)]
    reading, read = _Replies(), []
    for start, end in itertools.pairwise(bounds):
        read.extend(reading.feed(stream[start:end]))
    assert read == replies


def test_a_reply_cut_before_its_comma_is_not_read_yet() -> None:
    reading = _Replies()
    message = base64.b64encode(json.dumps({"message_id": 3, "payload": {"a": 1}}).encode())
    assert reading.feed(message[:7]) == [] and reading.feed(message[7:] + b"\n") == []
    assert reading.feed(b",") == [{"message_id": 3, "payload": {"a": 1}}]


def test_glibc_gives_large_blocks_back_once_told() -> None:
    """On glibc (this project's Linux builds) the threshold is fixed; elsewhere a no-op."""
    told = large_blocks_given_back()
    assert told == (platform.libc_ver()[0] == "glibc")
    assert large_blocks_given_back() is told  # asked once per process


def test_the_binary_is_the_one_pagefinds_own_package_finds(monkeypatch, tmp_path) -> None:
    """Looked up without importing pagefind.service (which imports asyncio), in the same
    order: the variable first, then the binary wheel."""
    from pagefind.service import get_executable

    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    assert pagefind_executable() == get_executable() is not None
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "pf"))
    assert pagefind_executable() == get_executable() == tmp_path / "pf"


@pytest.mark.slow  # starts a Python process
def test_a_build_imports_neither_asyncio_nor_package_metadata() -> None:
    """What an edit in a fresh process imports: every stage, yet not asyncio (Pagefind's
    own service module) nor importlib.metadata (the cache's key), a tenth of it."""
    code = (
        "import sys, generator.cli.site_commands, generator.pipeline.builder;"
        "print(sorted({'asyncio', 'importlib.metadata'} & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
