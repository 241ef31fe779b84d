"""The Pagefind service client, without a site build."""

from __future__ import annotations

import signal
import time

import pytest

from generator.search.pagefind_client import PagefindService

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
