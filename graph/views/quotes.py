"""Quotes as the views show them: whitespace tidied (a table row's cells joined by " · "), cut to a
window around the linked terms, and the spans of those terms, so the page can mark them.

Terms are the labels and aliases of the two linked entities in every language. A word of five or
more letters also matches with its last two letters changed (Russian and other inflected forms:
Харбин → Харбина, Благовещенск → Благовещенске).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

WIDTH = 280  # characters of a quote shown around the terms
_CELLS = re.compile(r"[ \u3000]*\t[\t \u3000]*")
_SPACE = re.compile(r"\s+")


def tidy(quote: str) -> str:
    """One line: tab-separated cells joined by " · ", runs of white space as one space."""
    return _SPACE.sub(" ", _CELLS.sub(" · ", quote.strip())).strip(" ·")


def _inflected(word: str) -> bool:
    return len(word) >= 5 and word.isalpha() and not _is_cjk(word)


def _stem(word: str) -> str:
    return word[:-2] if _inflected(word) else word


def _pattern(term: str) -> str:
    parts = []
    for word in term.split():
        parts.append(re.escape(word[:-2]) + r"\w{0,4}" if _inflected(word) else re.escape(word))
    return r"\s+".join(parts)


def _is_cjk(text: str) -> bool:
    return any("\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text)


@lru_cache(maxsize=4096)
def _compiled(term: str) -> re.Pattern[str]:
    boundary = "" if _is_cjk(term) else r"(?<!\w)"
    return re.compile(boundary + _pattern(term), re.IGNORECASE)


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of `text` where a term occurs (longest first), in text order."""
    found: list[tuple[int, int]] = []
    folded = text.lower()
    for term in sorted({t.strip() for t in terms if len(t.strip()) >= 2}, key=lambda t: (-len(t), t)):
        if not all(_stem(w).lower() in folded for w in term.split()):  # cheap test before a regex
            continue
        for match in _compiled(term).finditer(text):
            start, end = match.span()
            if all(end <= s or start >= e for s, e in found):
                found.append((start, end))
    return sorted(found)


def excerpt(quote: str, terms: Iterable[str], width: int = WIDTH) -> tuple[str, list[tuple[int, int]]]:
    """The tidied quote cut to about `width` characters around its first marked terms (an ellipsis
    where it was cut), and the spans of the terms in what is shown."""
    text = tidy(quote)
    spans = term_spans(text, terms)
    if len(text) <= width:
        return text, spans
    if spans:
        first = spans[0][0]
        last = max((e for s, e in spans if e - first <= width), default=spans[0][1])
        middle = (first + last) // 2
    else:
        middle = 0
    start = max(0, min(middle - width // 2, len(text) - width))
    end = min(len(text), start + width)
    if start > 0:  # begin at a word where there is one near
        space = text.find(" ", start, start + 20)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shown = prefix + text[start:end] + suffix
    shift = len(prefix) - start
    kept = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return shown, kept
