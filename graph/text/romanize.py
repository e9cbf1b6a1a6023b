"""Romanization of names in four scripts, for slugs and for making one name meet across languages.

Hanzi and kanji → Hanyu Pinyin (pypinyin); Russian → GOST 7.79 (ASCII), except a word that reads
entirely as Palladius syllables, which goes back to its pinyin (Суйфэньхэ → suifenhe); katakana →
Hepburn. `skeleton` reduces any romanization to a consonant outline so that a katakana rendering
meets its Russian or English original (habarofusuku ~ khabarovsk). Tables: romanize.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from amurkg.yamlio import load_data

_TABLES = Path(__file__).with_name("romanize.yaml")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@lru_cache(maxsize=1)
def _tables() -> dict:
    with open(_TABLES, encoding="utf-8") as handle:
        return load_data(handle)


def is_han(text: str) -> bool:
    return bool(_HAN.search(text))


def pinyin_syllables(text: str) -> list[str]:
    """Toneless pinyin of every han character (other characters dropped)."""
    from pypinyin import Style, lazy_pinyin

    return [s.replace("ü", "v") for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore", v_to_u=False)]


def pinyin(text: str) -> str:
    """绥芬河 → suifenhe; 綏芬河 (traditional) gives the same."""
    return "".join(pinyin_syllables(text))


@lru_cache(maxsize=1)
def _valid_pinyin() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = unicodedata.normalize("NFKD", reading)
            plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ü", "v")
            syllables.add(plain)
    return frozenset(syllables)


@lru_cache(maxsize=1)
def _palladius_reverse() -> dict[str, str]:
    """Cyrillic syllable → pinyin syllable, for every valid pinyin syllable."""
    table = _tables()["palladius"]
    valid = _valid_pinyin()
    reverse: dict[str, str] = {}
    forward: dict[str, str] = dict(table["special"])
    for initial, cyr_initial in table["initials"].items():
        if not initial:
            continue
        for final, cyr_final in table["finals"].items():
            syllable = initial + final
            if initial in ("j", "q", "x") and final.startswith("v"):
                syllable = initial + "u" + final[1:]  # ju, que, xuan: ü is written u
            elif final == "v" and initial in ("n", "l"):
                syllable = initial + "v"
            if syllable in forward:
                continue
            cyr = cyr_initial + cyr_final
            if final.startswith("i") and len(final) > 1 and cyr_final[0] in "яеюё":
                cyr = cyr_initial + cyr_final  # lia → ля: the i is carried by the iotated vowel
            forward[syllable] = cyr
    for syllable, cyr in sorted(forward.items()):
        if syllable in valid:
            reverse.setdefault(cyr, syllable)
    return reverse


def palladius_to_pinyin(word: str) -> str | None:
    """The pinyin a Cyrillic word transcribes by the Palladius system, or None if it is not one."""
    reverse = _palladius_reverse()
    text = word.lower().replace("ё", "е")
    if not text or not _CYRILLIC.fullmatch(text[0]):
        return None
    longest = max(len(k) for k in reverse)
    best: list[list[str] | None] = [None] * (len(text) + 1)
    best[0] = []
    for i in range(len(text)):
        if best[i] is None:
            continue
        for size in range(min(longest, len(text) - i), 0, -1):
            piece = text[i : i + size]
            if piece in reverse:
                candidate = best[i] + [reverse[piece]]  # type: ignore[operator]
                if best[i + size] is None or len(candidate) < len(best[i + size]):  # type: ignore[arg-type]
                    best[i + size] = candidate
    found = best[len(text)]
    return "".join(found) if found else None


def gost(text: str) -> str:
    """Russian → ASCII Latin letters (GOST 7.79 system B, simplified), capitals kept."""
    table = _tables()["gost"]
    letters = []
    for char in text:
        latin = table.get(char.lower())
        if latin is None:
            letters.append(char)
        else:
            letters.append(latin.capitalize() if char.isupper() and latin else latin)
    return "".join(letters)


def kana_to_romaji(text: str) -> str:
    """Katakana/hiragana → Hepburn; ー lengthens (dropped), ッ doubles the next consonant."""
    table = _tables()["kana"]
    katakana = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)
    out: list[str] = []
    double = False
    i = 0
    while i < len(katakana):
        pair, char = katakana[i : i + 2], katakana[i]
        if char == "ッ":
            double = True
            i += 1
            continue
        if char == "ー" or char == "・":
            i += 1
            continue
        latin = table.get(pair) if len(pair) == 2 and pair in table else None
        step = 2 if latin else 1
        latin = latin or table.get(char, char)
        if double and latin[:1].isalpha():
            latin = latin[0] + latin
        double = False
        out.append(latin)
        i += step
    return "".join(out)


def romanize(text: str) -> str:
    """A readable Latin form of a proper name in any of the four scripts."""
    if _HAN.search(text):
        return "".join(pinyin(c) if _HAN.match(c) else romanize(c) for c in text)
    if _KATAKANA.search(text):
        return kana_to_romaji(text)
    if _CYRILLIC.search(text):
        return " ".join(palladius_to_pinyin(w) or gost(w) for w in re.split(r"\s+", text) if w)
    return text


_SKELETON_RULES = (
    ("shch", "s"),
    ("tsu", "c"),
    ("ts", "c"),
    ("kh", "h"),
    ("zh", "j"),
    ("ch", "c"),
    ("sh", "s"),
    ("ph", "f"),
    ("w", "v"),
    ("f", "v"),
    ("b", "v"),
    ("l", "r"),
    ("q", "c"),
    ("x", "s"),
    ("z", "s"),
    ("j", "s"),
    ("c", "s"),
    ("y", ""),
)


def skeleton(latin: str) -> str:
    """A consonant outline: hepburn habarofusuku and GOST khabarovsk both give hrvsk... (rough by design;
    used only to compare names that already agree on class and head)."""
    text = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", latin.lower()))
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    # epenthetic vowels of katakana (su-ku, fu) vanish with all other vowels
    text = re.sub(r"[aeiou]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)
