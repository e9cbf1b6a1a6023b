"""Progress of a long build: documents and megabytes done, rate and time left, and the stage
inside a large document; plus the warning for a very large text.

`ProgressMeter` writes to a stream (the CLI gives stderr): as one line rewritten in place on a
terminal ("bar"), as plain lines otherwise ("lines"). It only ever writes to that stream, never
to an export, so the build's products are the same with or without it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal, TextIO

Mode = Literal["bar", "lines"]

LARGE_TEXT = 5_000_000  # bytes of UTF-8: above this a document gets a size warning and stage progress
STAGE_PROGRESS = 1_000_000  # bytes: above this the meter also says which stage a document is in


def size_warning(document: str, size: int, limit: int | None = None) -> str | None:
    """A one-line warning for a text of more than `limit` (default LARGE_TEXT) bytes, or None."""
    limit = LARGE_TEXT if limit is None else limit
    if size <= limit:
        return None
    return (
        f"warning: {document} is {size / 1e6:.1f} MB of text (more than {limit / 1e6:g} MB); "
        "it is linked and extracted in one piece, so this takes a while (about 10-30 s per MB on one core)"
    )


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class ProgressMeter:
    """Documents and bytes done out of a known total, with rate and ETA."""

    def __init__(
        self,
        documents: int,
        total_bytes: int,
        stream: TextIO,
        mode: Mode = "lines",
        clock: Callable[[], float] = time.monotonic,
    ):
        self.documents, self.total_bytes = documents, total_bytes
        self.stream, self.mode, self.clock = stream, mode, clock
        self.done_documents = self.done_bytes = 0
        self.started = clock()
        self._width = 0

    def status(self) -> str:
        """'12/340 documents · 3.2/11.0 MB · 0.42 MB/s · ETA 18 s'"""
        elapsed = self.clock() - self.started
        rate = self.done_bytes / elapsed if elapsed > 0 else 0.0  # bytes per second
        line = (
            f"{self.done_documents:,}/{self.documents:,} documents · "
            f"{self.done_bytes / 1e6:.1f}/{self.total_bytes / 1e6:.1f} MB"
        )
        if rate > 0:
            shown = f"{rate / 1e6:.2f} MB/s" if rate >= 1e5 else f"{rate / 1e3:.1f} kB/s"
            line += f" · {shown} · ETA {_duration((self.total_bytes - self.done_bytes) / rate)}"
        return line

    def document_done(self, document: str, size: int, note: str = "") -> None:
        self.done_documents += 1
        self.done_bytes += size
        self._show(f"{self.status()} · {document}{note}")

    def stage(self, document: str, size: int, stage: str) -> None:
        """Within a large document: the stage it has reached (linking, names, clauses …)."""
        if size > STAGE_PROGRESS:
            self._show(f"{self.status()} · {document} ({size / 1e6:.1f} MB): {stage}")

    def message(self, text: str) -> None:
        """A line of its own (a warning), not overwritten by the bar."""
        self._clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.mode == "bar" and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def _show(self, line: str) -> None:
        if self.mode == "lines":
            self.stream.write(line + "\n")
        else:
            self.stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
        self.stream.flush()

    def _clear(self) -> None:
        if self.mode == "bar" and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0
