"""Japanese open-world discovery helpers (round 5): towns named without a class word right after the
region they lie in, firms named in kanji without a legal suffix after a class noun, and the few words
(対外) that go on inside a name though their first character stops a walk elsewhere.

The grammar is data (`names.yaml`, keys `ja_*`). SudachiPy (installed with the `nlp` extra, through
GiNZA) tells a dictionary word from a name: a katakana run it does not know (OOV) or knows as a place
name is a name, one it knows as a common noun (プロジェクト, センター) is not. Without SudachiPy the
rules fall back to the data alone (place endings, company tails), which find fewer names, never more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from amurkg.extract.names_data import names_grammar
from amurkg.text.normalize import fold

_KANJI_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{4,10}")


@lru_cache(maxsize=1)
def data() -> dict:
    return names_grammar().get("ja_open", {})


@lru_cache(maxsize=1)
def _sudachi():
    try:
        from sudachipy import dictionary, tokenizer
    except ImportError:  # pragma: no cover - the base install has no SudachiPy
        return None
    try:
        return dictionary.Dictionary().create(), tokenizer.Tokenizer.SplitMode.C
    except Exception:  # pragma: no cover - SudachiPy without its dictionary
        return None


@lru_cache(maxsize=8192)
def morphemes(text: str) -> tuple[tuple[str, tuple[str, ...], bool], ...] | None:
    """Sudachi's words of a short string: (surface, part of speech, out of vocabulary); None without Sudachi."""
    loaded = _sudachi()
    if loaded is None:
        return None
    tok, mode = loaded
    return tuple((m.surface(), tuple(m.part_of_speech()[:4]), m.is_oov()) for m in tok.tokenize(text, mode))


def _proper(pos: tuple[str, ...], oov: bool) -> bool:
    return oov or (len(pos) > 1 and pos[1] == "固有名詞")


def katakana_name(stem: str, any_proper: bool = False) -> bool:
    """Is this katakana run a name, not a loanword of the dictionary (プロジェクト, ホテル)? One word that
    Sudachi does not know or knows as a place (any proper noun, with any_proper: ヴャゼムスキー is also a
    surname); without Sudachi, a run ending like a Russian place."""
    words = morphemes(stem.replace("・", ""))
    if words is None:
        return stem.endswith(tuple(data().get("town_endings", ())))
    if len(words) != 1:
        return False
    _, pos, oov = words[0]
    return oov or (len(pos) > 2 and pos[1] == "固有名詞" and (any_proper or pos[2] == "地名"))


def town_after_region(text: str, b: int, stem: str) -> bool:
    """A katakana run right after a known region and の (アムール州のコンスタンチノフカでは) is a town when
    a locative word follows it (では, 近郊, に位置する …), or a place ending (…フカ, …スク) ends it and a
    particle follows; it must be a name, not a dictionary loanword."""
    d = data()
    rest = text[b : b + 6]
    locative = rest.startswith(tuple(d.get("town_after", ())))
    ending = stem.endswith(tuple(d.get("town_endings", ()))) and rest.startswith(tuple(d.get("town_particles", ())))
    return (locative or ending) and katakana_name(stem, any_proper=locative)


def inner_word(text: str, i: int) -> bool:
    """Does the stop character at i begin a word that goes on inside a name (対外 in …対外経済銀行)?"""
    return i > 0 and any(text.startswith(w, i) for w in data().get("inner_words", ()))


def kanji_company(original: str) -> bool:
    """Is a kanji run after a company class noun a firm's name (極東炭鉱開発, 北安穀物加工), not words
    (技術開発, 日本進出)? It ends in a trade word of the data, has a word before that, and Sudachi finds a
    proper or unknown word in it, or it opens with a region word of the data and has three words."""
    d = data()
    tails = tuple(d.get("company_tails", ()))
    if not original.endswith(tails):
        return False
    tail = next(t for t in sorted(tails, key=len, reverse=True) if original.endswith(t))
    stem = original[: len(original) - len(tail)]
    if len(stem) < 2:
        return False
    words = morphemes(stem)
    if words is None:
        return False
    if len(words) == 1 and not _proper(words[0][1], words[0][2]):
        opens = stem.startswith(tuple(d.get("company_openers", ())))
        return opens and len(stem) > 2
    proper = [w for w in words if _proper(w[1], w[2])]
    if proper and all(len(p) > 2 and p[2] == "地名" and p[3] == "国" for _, p, _ in proper) and len(words) == 1:
        return False  # 日本 + a trade word: a country's trade, no firm
    return bool(proper) or stem.startswith(tuple(d.get("company_openers", ())))


def kanji_companies(original: str, folded, descriptors: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """Folded and original spans of kanji firms after a class noun and の or である (地元企業の極東炭鉱開発が): the run
    must be followed by a subject or list particle, so a modifier (企業の技術開発の成果) stays words."""
    d = data()
    links = tuple(d.get("company_links", ()))
    after = tuple(d.get("company_after", ()))
    text = folded.text
    found = []
    for descriptor in descriptors:
        for hit in re.finditer(re.escape(descriptor), text):
            link = next((w for w in links if text.startswith(w, hit.end())), None)
            if link is None:
                continue
            run = _KANJI_RUN.match(text, hit.end() + len(link))
            if run is None or not text.startswith(after, run.end()):
                continue
            a, b = run.span()
            start, end = folded.original_span(a, b)
            if kanji_company(original[start:end]):
                found.append((a, b, start, end))
    return sorted(set(found))


@lru_cache(maxsize=1)
def district_suffixes() -> tuple[str, ...]:
    return tuple(fold(w) for w in data().get("district_suffixes", ()))


@lru_cache(maxsize=1)
def prefecture_suffixes() -> tuple[str, ...]:
    return tuple(fold(w) for w in data().get("prefecture_suffixes", ()))


def home_country() -> str:
    return str(data().get("home_country", ""))


def prefecture(original: str, start: int, end: int) -> bool:
    """Is original[start:end] (a kanji stem and 県, 都, 道 or 府) a prefecture of Japan? Sudachi reads the
    whole as one place name of its dictionary (新潟県, 東京都, 北海道); a Chinese county (撫遠県) it does not know."""
    word = original[start:end]
    if not word.endswith(tuple(data().get("prefecture_suffixes", ()))):
        return False
    words = morphemes(word)
    if not words or len(words) != 1:
        return False
    surface, pos, oov = words[0]
    return surface == word and not oov and len(pos) > 2 and pos[1] == "固有名詞" and pos[2] == "地名"


def district_stem(stem: str) -> bool:
    """Is a kanji stem before 区 / 鎮 / 郷 a district's name (愛輝, 香坊), not one common noun of the
    dictionary (工業区, 開発区, 中心区)? Without Sudachi, no district."""
    words = morphemes(stem)
    if words is None or not words:
        return False
    if len(words) == 1:
        _, pos, oov = words[0]
        return _proper(pos, oov)
    return True


def firm_by_ending(run: str, generic: frozenset[str]) -> bool:
    """Is a kanji-and-katakana run a firm named by a katakana ending of the data (北洋トレーディング,
    プリモルトランス, 十勝グリーンファーム)? Something stands before the ending that is not only generic words
    (グローバルロジスティクス), and Sudachi does not read the whole as one word of its dictionary (ロジスティクス)."""
    ending = next((e for e in sorted(data().get("firm_endings", ()), key=len, reverse=True) if run.endswith(e)), None)
    if ending is None:
        return False
    stem = run[: len(run) - len(ending)].rstrip("・")
    if len(stem) < 2:
        return False
    rest = stem
    for word in sorted(generic, key=len, reverse=True):
        rest = rest.replace(word, "")
    if len(rest) < 2:
        return False
    words = morphemes(run.replace("・", ""))
    return words is not None and (len(words) > 1 or (len(words) == 1 and words[0][2]))  # or one unknown word


def country_body(head_en: str) -> bool:
    """Does a country right against the words of a body with this head (by its English) name it?"""
    return head_en in data().get("country_bodies", ())


def compound_head(head) -> bool:
    """Is the modifier of this head (a bank, a branch) one noun compound, verbal nouns and all?"""
    return head.en in data().get("compound_heads", ())
