"""Russian inflection of catalog names, so a text's declined forms meet the nominative entry.

Rather than lemmatizing every word of a text (pymorphy3 mis-lemmatizes transliterated Chinese
names: Хулине → хулина), the declined forms of each catalog name are generated once and matched.
Known words inflect with pymorphy3; words it does not know (Хэйлунцзян, Суйфэньхэ) take the
regular endings of their final letter, and names ending in other vowels stay indeclinable.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_INFLECTING = {"NOUN", "ADJF", "PRTF"}
_WORD = re.compile(r"[А-Яа-яЁё]+")
# Regular endings by final letter for words the dictionary does not know (nominative → others).
_FALLBACK_ENDINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "consonant": ("", ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")),
    "й": ("й", ("я", "ю", "ем", "е", "и", "ев")),
    "ь": ("ь", ("я", "ю", "ем", "е", "и", "ью", "ей")),
    "а": ("а", ("ы", "и", "е", "у", "ой", "ою")),
    "я": ("я", ("и", "е", "ю", "ей", "ею")),
}
_VOWELS = set("аеёиоуыэюя")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 proposes for a word (lower case)."""
    return frozenset(p.normal_form for p in analyzer().parse(word.lower()))


def inflected_forms(name: str) -> set[str]:
    """The name in every case, singular and plural (зона экспортной переработки → зон экспортной
    переработки); the name itself included."""
    tokens = re.split(r"(\s+|-)", name)
    words = [i for i, t in enumerate(tokens) if _WORD.fullmatch(t)]
    if not words:
        return {name}
    head = _inflecting_prefix_end(tokens, words)
    forms_by_case: dict[int, dict[str, set[str]]] = {}
    for index in words:
        if index > head or (index + 1 < len(tokens) and tokens[index + 1] == "-"):
            continue
        forms_by_case[index] = _word_forms(tokens[index])
    results = {name}
    for case in CASES + tuple(f"{c}+plur" for c in CASES) + ("fallback",):
        candidates = [
            [tokens[i]] if i not in forms_by_case else sorted(forms_by_case[i].get(case, {tokens[i]}))
            for i in range(len(tokens))
        ]
        _combine(candidates, results)
    return results


def _combine(candidates: list[list[str]], results: set[str], limit: int = 64) -> None:
    combos = [""]
    for options in candidates:
        combos = [c + o for c in combos for o in options][:limit]
    results.update(combos)


def _inflecting_prefix_end(tokens: list[str], words: list[int]) -> int:
    """Index of the head noun: adjectives before it and the noun itself inflect, the rest stay."""
    morph = analyzer()
    for index in words:
        if index + 1 < len(tokens) and tokens[index + 1] == "-":
            continue  # first part of a compound (торгово-экономическая): the second part inflects
        parse = _nominative_parse(tokens[index], morph)
        if parse is not None and parse.tag.POS == "NOUN":
            return index
        if parse is None and not morph.word_is_known(tokens[index].lower()):
            return index  # an unknown name is its own head (Хэйлунцзян)
    return words[-1]


def _nominative_parse(word: str, morph: pymorphy3.MorphAnalyzer):
    for parse in morph.parse(word):
        # adjectives inflect regularly even when guessed (Лунцзянский); guessed nouns do not
        if parse.tag.POS in _INFLECTING and "nomn" in parse.tag and (parse.is_known or parse.tag.POS == "ADJF"):
            return parse
    return None


@lru_cache(maxsize=16384)
def _word_forms(word: str) -> dict[str, set[str]]:
    """Forms of one word per case; unknown words get their ending-based forms under 'fallback'."""
    morph = analyzer()
    parse = _nominative_parse(word, morph)
    forms: dict[str, set[str]] = {}
    if parse is not None:
        for case in CASES:
            for key, grammemes in ((case, {case}), (f"{case}+plur", {case, "plur"})):
                inflected = parse.inflect(grammemes)
                if inflected is not None:
                    forms.setdefault(key, set()).add(_match_case(inflected.word, word))
        return forms
    forms["fallback"] = _fallback_forms(word)
    return forms


def _fallback_forms(word: str) -> set[str]:
    last = word[-1].lower()
    if last in _FALLBACK_ENDINGS:
        key = last
    elif last in _VOWELS:
        return {word}
    else:
        key = "consonant"
    drop, endings = _FALLBACK_ENDINGS[key]
    stem = word[: len(word) - len(drop)] if drop else word
    return {word} | {stem + ending for ending in endings}


def _match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
