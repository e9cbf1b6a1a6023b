"""Per-character folding that keeps a map back to the original text.

Folding makes the spellings of one name meet: Unicode NFKC, case folding (Latin, Cyrillic),
ё → е, Japanese and traditional Chinese characters to simplified Chinese (OpenCC `jp2t` then
`t2s`: 黒龍江/黑龍江/黒竜江 → 黑龙江), dashes and tildes to one form, runs of white space to one
space. Every folded character remembers the span of original text it came from, so a match in
the folded text slices the original exactly.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

_JP_TO_TRADITIONAL = opencc.OpenCC("jp2t")
_TRADITIONAL_TO_SIMPLIFIED = opencc.OpenCC("t2s")
_DASHES = dict.fromkeys("‐‑‒–—―−－─ー", "-")
_TILDES = dict.fromkeys("~～〜∼", "~")
_DOTS = dict.fromkeys("・·•･", "·")
_NOT_FOLDED_DASH = "ー"  # the katakana length mark is a letter, not a dash


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one character (possibly empty or several characters)."""
    if char.isspace():
        return " "
    if char in _TILDES:
        return "~"
    if char in _DOTS:
        return "·"
    if char in _DASHES and char != _NOT_FOLDED_DASH:
        return "-"
    text = unicodedata.normalize("NFKC", char).casefold().replace("ё", "е")
    if any(_is_han(c) for c in text):
        text = _TRADITIONAL_TO_SIMPLIFIED.convert(_JP_TO_TRADITIONAL.convert(text))
    return text


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


@dataclass(frozen=True)
class FoldedText:
    """A folded text and, per folded character, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) back to the original text."""
        return self.starts[start], self.ends[end - 1]


def fold_text(original: str) -> FoldedText:
    """Fold a whole text, keeping the map to original offsets."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_space = True
    for index, char in enumerate(original):
        folded = fold_char(char)
        if folded == " ":
            # a run of white space folds to its first character; none is kept after a dash
            if previous_space or (pieces and pieces[-1] == "-"):
                continue
            previous_space = True
        else:
            if folded == "-" and pieces and pieces[-1] == " ":
                pieces.pop(), starts.pop(), ends.pop()  # nor before one: "Харбин – Муданьцзян"
            previous_space = False
        for piece in folded:
            pieces.append(piece)
            starts.append(index)
            ends.append(index + 1)
    return FoldedText("".join(pieces), tuple(starts), tuple(ends))


def fold(name: str) -> str:
    """Fold a name the way texts are folded (leading/trailing space dropped)."""
    return fold_text(name).text.strip()


def is_word_char(char: str) -> bool:
    """Letters and digits of alphabetic scripts, where a name must not start or end mid-word."""
    if not char or not (char.isalnum() or char == "ー"):
        return False
    return not _is_han(char)


def script_of(char: str) -> str:
    """A coarse script class: han, hiragana, katakana, hangul, latin, cyrillic, other."""
    if _is_han(char):
        return "han"
    code = ord(char)
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if 0x30A0 <= code <= 0x30FF or char == "ー":
        return "katakana"
    if 0xAC00 <= code <= 0xD7AF:
        return "hangul"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if char.isascii() and char.isalnum() or 0x00C0 <= code <= 0x024F:
        return "latin"
    return "other"


def simplified(text: str) -> str:
    """Traditional Chinese characters as simplified ones, one character for one (綏芬河項目 → 绥芬河项目),
    so that offsets into the result are offsets into `text`; a character whose simplified form is not one
    character stays as written. Word lists written in simplified script then match traditional texts."""
    out = []
    for char in text:
        if _is_han(char):
            converted = _simplified_char(char)
            out.append(converted if len(converted) == 1 else char)
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=65536)
def _simplified_char(char: str) -> str:
    return _TRADITIONAL_TO_SIMPLIFIED.convert(char)
