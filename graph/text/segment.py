"""Chinese word segmentation (jieba, with the catalog's Chinese names added to its dictionary).

Used where a character sequence alone cannot tell a name from a piece of a longer word: a catalog
name that a word of the text cuts on its left (边贸 inside 周边贸易) is not a mention, and the
words in front of a discovered name's head stop at a verb, preposition or pronoun. jieba is
deterministic (one dictionary, Viterbi decoding), so the same text gives the same words anywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    flag: str  # jieba's part-of-speech tag (ns place, nr person, nt organization, v verb, ...)


@lru_cache(maxsize=4)
def _tokenizer(names: tuple[str, ...]):
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for name in names:
        tokenizer.add_word(name, freq=2000, tag="ns")
    return jieba.posseg.POSTokenizer(tokenizer)


def common_word(text: str) -> bool:
    """Is this a word of jieba's dictionary other than a name (道路, 投资: yes; 绥芬河, 同江: no)?"""
    tokenizer = _tokenizer(())
    if not tokenizer.tokenizer.FREQ.get(text):
        return False
    return not tokenizer.word_tag_tab.get(text, "n").startswith(("ns", "nr", "nt", "nz"))


def words(text: str, names: Iterable[str] = ()) -> list[Word]:
    """The words of a (folded) Chinese text with offsets and tags; `names` join the dictionary."""
    tokenizer = _tokenizer(tuple(sorted(set(names))))
    found = []
    offset = 0
    for pair in tokenizer.cut(text):
        found.append(Word(pair.word, offset, offset + len(pair.word), pair.flag))
        offset += len(pair.word)
    return found
