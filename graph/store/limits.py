"""Bounds on a query: a time limit and a memory limit, and the one-line failure of a store. No RDF
library is imported here (the command line's fast path uses it too)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from typing import TypeVar


class QueryFailed(Exception):
    """The store could not answer (timeout, unreachable server, HTTP error): one line for the user."""


T = TypeVar("T")
R = TypeVar("R")
DEFAULT_TIMEOUT = 60.0  # seconds a query may run (the command's --timeout; 0 = no limit)
DEFAULT_MEMORY_MB = 2048  # memory a query's answer may take beyond what was in use before it (--max-memory)


class Cancelled(Exception):
    """Raised inside a query's worker thread once `within` has given up on it."""


def _rss() -> int | None:
    """This process's resident memory in bytes (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def collect(items: Iterable[R]) -> list[R]:
    """The items of a lazily evaluated answer, stopping early when `within` gave up on the query
    (its worker thread then ends instead of running on)."""
    stop = getattr(threading.current_thread(), "cancelled", None)
    found: list[R] = []
    for item in items:
        found.append(item)
        if stop is not None and len(found) % 256 == 0 and stop.is_set():
            raise Cancelled()
    return found


def within(seconds: float | None, work: Callable[[], T], max_memory_mb: float | None = None) -> T:
    """Run work in a worker thread; give up on it after `seconds`, or when the process has grown by
    more than `max_memory_mb` since it started (None or 0: no limit). A query given up on is told to
    stop (see collect) and abandoned; exceptions of the work are raised here."""
    if not seconds and not max_memory_mb:
        return work()
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except Cancelled:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="amurkg-query", daemon=True)
    worker.cancelled = threading.Event()  # type: ignore[attr-defined]
    baseline = _rss() if max_memory_mb else None
    deadline = time.monotonic() + seconds if seconds else None
    worker.start()
    while worker.is_alive():
        worker.join(0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic())))
        if not worker.is_alive():
            break
        if deadline is not None and time.monotonic() >= deadline:
            worker.cancelled.set()  # type: ignore[attr-defined]
            raise QueryFailed(f"the query did not finish within {seconds:g} s (--timeout); stopped")
        if baseline is not None and max_memory_mb:
            grown = (_rss() or baseline) - baseline
            if grown > max_memory_mb * 2**20:
                worker.cancelled.set()  # type: ignore[attr-defined]
                raise QueryFailed(
                    f"the query's answer took more than {max_memory_mb:g} MB of memory (--max-memory); stopped "
                    "(a LIMIT, or patterns that join, keep it small)"
                )
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
