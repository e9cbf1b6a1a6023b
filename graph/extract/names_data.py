"""names.yaml, the grammar of discovered names, parsed once per process for every module that reads it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from amurkg.yamlio import load_data

NAMES_GRAMMAR = Path(__file__).with_name("names.yaml")


@lru_cache(maxsize=1)
def names_grammar() -> dict:
    """The parsed names.yaml (callers read their keys; do not mutate)."""
    with open(NAMES_GRAMMAR, encoding="utf-8") as handle:
        return load_data(handle)
