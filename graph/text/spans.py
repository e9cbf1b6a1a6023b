"""An index of spans (mentions, names) by offset: the ones starting at, inside, around or
overlapping a range, found by bisection instead of a scan of the whole document.

Spans are kept in the order given, stably sorted by start, so a list already in text order comes
back in the same order. The longest span bounds how far left of a range a span reaching into it
can start; names are short, so each query costs a bisection plus the few spans near the range.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


def _tuple_span(item) -> tuple[int, int]:
    return item[0], item[1]


class SpanIndex(Generic[T], Sequence[T]):
    """Items with a (start, end) span, queryable by offset."""

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]] = _tuple_span):
        self._items: list[T] = sorted(items, key=lambda item: span(item)[0])
        self._spans = [span(item) for item in self._items]
        self._starts = [a for a, _ in self._spans]
        self._longest = max((b - a for a, b in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def _between(self, low: int, high: int) -> range:
        """Positions of the spans whose start lies in [low, high]."""
        return range(bisect.bisect_left(self._starts, low), bisect.bisect_right(self._starts, high))

    def starting_at(self, offset: int) -> list[T]:
        return [self._items[i] for i in self._between(offset, offset)]

    def within(self, start: int, end: int) -> list[T]:
        """Spans lying inside [start, end)."""
        return [self._items[i] for i in self._between(start, end) if self._spans[i][1] <= end]

    def around(self, start: int, end: int) -> list[T]:
        """Spans containing [start, end)."""
        return [self._items[i] for i in self._between(start - self._longest, start) if self._spans[i][1] >= end]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Spans sharing at least one character with [start, end)."""
        found = self._between(start - self._longest, end - 1)
        return [self._items[i] for i in found if self._spans[i][0] < end and start < self._spans[i][1]]
