"""The cue words of `patterns.yaml`, loaded once and looked up on folded text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from amurkg.text.normalize import fold

CUES_FILE = Path(__file__).with_name("patterns.yaml")


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
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
