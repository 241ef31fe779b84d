"""Work that may run beside the build: in a forked process, which inherits its input
instead of receiving it pickled, so only the answer crosses the pipe."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

Given = TypeVar("Given")
Answer = TypeVar("Answer")


def soon(work: Callable[[Given], Answer], given: Given, background: bool) -> Callable[[], Answer]:
    """Start `work(given)`; call the result for its answer. With `background` (and fork
    available) it runs in a forked process while the caller goes on."""
    if not background or "fork" not in multiprocessing.get_all_start_methods():
        found = work(given)
        return lambda: found
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send, args=(work, given, sender), daemon=True)
    process.start()
    sender.close()

    def result() -> Answer:
        found = receiver.recv()
        process.join()
        return found

    return result


def _send(work: Callable[[Any], object], given: object, sender: Connection) -> None:
    sender.send(work(given))
    sender.close()
