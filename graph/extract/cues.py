"""The cue words of `patterns.yaml`, loaded once and looked up on folded text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from amurkg.text.normalize import fold
from amurkg.yamlio import load_data

if TYPE_CHECKING:
    from amurkg.text.link import LinkedText

CUES_FILE = Path(__file__).with_name("patterns.yaml")


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = load_data(CUES_FILE.read_text(encoding="utf-8"))
    return {
        kind: {lang: tuple(fold(w) if fold(w) else w for w in words) for lang, words in per_lang.items()}
        for kind, per_lang in raw.items()
    }


def cues(kind: str, language: str) -> tuple[str, ...]:
    """Folded cue words of one kind for one language (empty when the language has none)."""
    return _cues()[kind].get(language, ())


def find_cue(kind: str, language: str, folded_text: str) -> int:
    """Position of the first cue of this kind in a folded text, or -1."""
    positions = [folded_text.find(c) for c in cues(kind, language)]
    positions = [p for p in positions if p >= 0]
    return min(positions) if positions else -1


def is_connector(language: str, between: str) -> bool:
    """Is the text between two names only a connector ("と", " и ", "–", ", and ")?"""
    gap = fold(between).strip(" ")
    return bool(gap) and gap in cues("connectors", language)


_CLAUSE_BREAK = re.compile(r"[，,；;：:。]")


def link_word_before(linked: LinkedText, sentence_start: int, at: int) -> bool:
    """Is a word of linking (`link_before` of patterns.yaml: 连接A与B) earlier in the pair's clause?"""
    words = cues("link_before", linked.language)
    if not words:
        return False
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(linked.text, sentence_start, at)]
    before = fold(linked.text[breaks[-1] if breaks else sentence_start : at])
    return any(word in before for word in words)
