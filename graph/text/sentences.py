"""Sentence spans with offsets into the original text.

CJK texts end sentences at 。！？ and at line ends (a line is a paragraph or a table row);
Russian and English texts at . ! ? followed by space, and at blank lines — their single line
breaks are often only the layout of a PDF page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK_END = re.compile(r"[。！？!?]+[」』）)]*|\n")
_ALPHA_END = re.compile(r"[.!?…]+[\"»”)]*(?=\s+[\"«“(]?[A-ZА-ЯЁ0-9])|\n[ \t]*\n")
# Words after which a full stop is an abbreviation, not a sentence end (г. Харбин, e.g. This,
# 4 млрд долл. США).
_ABBREVIATIONS = frozenset(
    {"г", "гг", "т", "д", "с", "им", "e.g", "i.e", "vs", "etc", "no", "dr", "mr", "ms", "st", "fig"}
    | {"дол", "долл", "руб", "тыс", "млн", "млрд", "трлн", "ул", "обл", "пос", "проф", "акад"}
)
MAX_SENTENCE = 1200


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Non-empty sentence spans, trimmed of surrounding white space, covering the text in order."""
    pattern = _CJK_END if language in ("zh", "ja") else _ALPHA_END
    spans: list[Sentence] = []
    cursor = 0
    for match in pattern.finditer(text):
        if pattern is _ALPHA_END and match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        _add(text, cursor, match.end(), spans)
        cursor = match.end()
    _add(text, cursor, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    return len(word) == 1 and word.isupper() or word.lower() in _ABBREVIATIONS


def _add(text: str, start: int, end: int, spans: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # runaway "sentences" (lists, tables without stops)
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append(Sentence(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(Sentence(start, end))
