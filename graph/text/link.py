"""Linking: find catalog names in a text and tie each occurrence to one entity.

Every name of every entity (labels and aliases in all languages, and the declined forms of the
Russian ones) is folded once and put in one Aho–Corasick automaton. A text is folded the same
way, matched, and the matches resolved longest first (哈尔滨经济技术开发区 is a park, not Harbin);
alphabetic names must start and end on word boundaries. Offsets always point into the original.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import ahocorasick

from amurkg.corpus.catalog import CORE_CLASSES, PLACE_CLASSES, Catalog, Entity
from amurkg.text.normalize import FoldedText, fold, fold_text, is_word_char, script_of
from amurkg.text.russian import analyzer, inflected_forms
from amurkg.text.segment import Word, words
from amurkg.text.sentences import Sentence, split_sentences
from amurkg.text.spans import SpanIndex
from amurkg.yamlio import load_data

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# When two entities share a name, the more specific kind of place wins.
_CLASS_PRECEDENCE = {
    cls: rank
    for rank, cls in enumerate(
        (
            "Park",
            "Port",
            "City",
            "Region",
            "Country",
            "Corridor",
            "GeoFeature",
            "Project",
            "Program",
            "Organization",
            "Event",
            "Industry",
            "CooperationModel",
        )
    )
}
assert set(_CLASS_PRECEDENCE) == set(CORE_CLASSES)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity's name in a document."""

    entity: str
    document: str
    start: int
    end: int
    surface: str
    sentence: int  # index of the sentence in the document's sentence list


@dataclass(frozen=True)
class LinkedText:
    """A document's text with its sentences and the mentions found in it."""

    document: str
    text: str
    language: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    words: tuple[Word, ...] = ()  # Chinese texts: the words of the folded text (jieba)

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    def mentions_in(self, index: int) -> list[Mention]:
        """The mentions of one sentence, in text order."""
        return list(self._by_sentence.get(index, ()))

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions lying inside [start, end) of the text, in text order."""
        return self.mention_index.within(start, end)

    def sentence_at(self, offset: int) -> int:
        """The sentence containing an offset (the last sentence when none does)."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return index
        return max(0, len(self.sentences) - 1)

    def sentences_starting_in(self, start: int, end: int) -> range:
        """Indices of the sentences that start inside [start, end)."""
        starts = self._sentence_starts
        return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))

    # Indexes built on first use (the dataclass is frozen, so they never go stale).
    @cached_property
    def mention_index(self) -> SpanIndex[Mention]:
        return SpanIndex(self.mentions, lambda m: (m.start, m.end))

    @cached_property
    def _by_sentence(self) -> dict[int, list[Mention]]:
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for mention in self.mentions:
            by_sentence[mention.sentence].append(mention)
        return dict(by_sentence)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]


class Linker:
    """A matcher built once from the catalog, then applied to any number of texts."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.ambiguous: dict[str, tuple[str, ...]] = {}
        self._automaton = ahocorasick.Automaton()
        for form, entity_ids in sorted(self._forms(catalog).items()):
            ranked = tuple(sorted(entity_ids, key=lambda e: (_CLASS_PRECEDENCE[catalog[e].cls], e)))
            if len(ranked) > 1:
                self.ambiguous[form] = ranked
            proper = catalog[ranked[0]].cls in PLACE_CLASSES  # industries and models are common nouns anyway
            self._automaton.add_word(form, (len(form), ranked[0], proper and is_common_word(form)))
        self._automaton.make_automaton()
        self._port_of_city = _single_ports(catalog)
        self._senses = _Senses.of(catalog, self._forms(catalog))
        self._han_forms = tuple(sorted(f for f in self._forms(catalog) if all(_is_han_char(c) for c in f)))

    @staticmethod
    def _forms(catalog: Catalog) -> dict[str, set[str]]:
        forms: dict[str, set[str]] = defaultdict(set)
        for entity in catalog:
            for form in sorted(_surface_forms(entity)):
                folded = fold(form)
                if _usable(folded):
                    forms[folded].add(entity.id)
        return forms

    def link(self, document: str, text: str, language: str) -> LinkedText:
        """All mentions in a text, longest match first, non-overlapping, in text order."""
        folded = fold_text(text)
        sentences = tuple(split_sentences(text, language))
        candidates = self._candidates(folded, text)
        segmented: tuple[Word, ...] = ()
        if language == "zh":
            segmented = tuple(words(folded.text, self._han_forms))
            candidates = _not_cutting_words(candidates, segmented, folded.text)
        spans = self._distribute_class_suffix(folded.text, self._resolve(candidates))
        spans = self._senses.apply(folded.text, spans)
        sentence_of = _sentence_index(sentences)
        mentions = []
        for start, end, entity_id in spans:
            a, b = folded.original_span(start, end)
            mentions.append(Mention(entity_id, document, a, b, text[a:b], sentence_of(a)))
        return LinkedText(document, text, language, sentences, tuple(mentions), segmented)

    def _candidates(self, folded: FoldedText, original: str) -> list[tuple[int, int, str]]:
        text = folded.text
        found = []
        for last, (length, entity_id, common_word) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if common_word and not original[folded.starts[start]].isupper():
                continue  # Пограничный the town, not пограничный "border" the adjective
            if _on_boundaries(text, start, end):
                found.append((start, end, entity_id))
        return found

    def _distribute_class_suffix(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """In "綏芬河、東寧口岸" (Suifenhe and Dongning ports) the suffix of the last name applies to
        every name of the list: cities listed right before a port are read as their cities' ports."""
        spans = list(spans)
        for index in range(len(spans) - 1, 0, -1):
            if self.catalog[spans[index][2]].cls != "Port":
                continue
            cursor = index
            while cursor > 0:
                start, end, entity_id = spans[cursor - 1]
                gap = text[end : spans[cursor][0]].strip()
                port = self._port_of_city.get(entity_id)
                if gap not in _LIST_SEPARATORS or port is None:
                    break
                spans[cursor - 1] = (start, end, port)
                cursor -= 1
        return spans

    @staticmethod
    def _resolve(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        taken = bytearray(max((e for _, e, _ in candidates), default=0))
        chosen = []
        for start, end, entity_id in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, entity_id))
        return sorted(chosen)


_SENSES = Path(__file__).with_name("senses.yaml")


@dataclass(frozen=True)
class _Senses:
    """Context rules choosing a name's sense (senses.yaml): the river a province is named after,
    the city a region's short name also names, no place inside a newspaper's or website's name."""

    river_of: dict[str, str]  # folded form → the river it may mean
    city_of: dict[str, str]  # folded form of a region → the city of the same name
    rules: dict

    @classmethod
    def of(cls, catalog: Catalog, forms: dict[str, set[str]]) -> _Senses:
        with open(_SENSES, encoding="utf-8") as handle:
            raw = load_data(handle)
        rules = {
            part: {key: tuple(_keep_edges(fold(w), w) for w in words) for key, words in values.items()}
            for part, values in raw.items()
        }
        return cls(_rivers(catalog, forms, rules["river"]), _cities(catalog, forms, rules["city"]), rules)

    def apply(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        chosen = []
        for start, end, entity_id in spans:
            form = text[start:end]
            before, after = text[max(0, start - 16) : start], text[end : end + 24]
            if _touches(before, after, self.rules["media"]):
                continue
            if form in self.river_of and _touches(before, after, self.rules["river"]):
                entity_id = self.river_of[form]
            elif form in self.city_of and not self._region_follows(after):
                entity_id = self.city_of[form]
            chosen.append((start, end, entity_id))
        return chosen

    def _region_follows(self, after: str) -> bool:
        """A region word right after the name, or at the end of the list it opens (ハバロフスク、
        ザバイカル、アムール州: the suffix of the last item applies to all)."""
        region_words = self.rules["city"]["region_after"]
        if after.startswith(region_words):
            return True
        if not after[:1] or after[:1] not in "、,，·/" and not after.startswith((" и ", " and ")):
            return False
        clause = re.split(r"[。．.;；:：!?！？\n]", after, maxsplit=1)[0]
        return any(word.strip() in clause for word in region_words)


def _keep_edges(folded: str, original: str) -> str:
    """fold() strips the spaces that mark a cue as a separate word; keep them."""
    lead = " " if original.startswith(" ") else ""
    trail = " " if original.endswith(" ") else ""
    return lead + folded.strip() + trail


def _touches(before: str, after: str, rule: dict) -> bool:
    """Does a cue stand right before or after the name (a particle in between allowed: 黒竜江の対岸)?"""
    if after[:1] in ("の", "的"):
        after = after[1:]
    return after.startswith(rule.get("after", ())) or before.endswith(rule.get("before", ()))


def _rivers(catalog: Catalog, forms: dict[str, set[str]], rule: dict) -> dict[str, str]:
    """A bare name X of a non-river entity whose river is named "X river", "X（…）", "X江"."""
    river_of: dict[str, str] = {}
    bare_names: dict[str, str] = {}
    for entity in catalog:
        if entity.cls != "GeoFeature":
            continue
        for _, name in entity.names():
            folded = fold(name)
            for word in rule["words"]:
                stripped = word.strip()
                if folded.endswith(stripped) and len(folded) > len(stripped):
                    bare_names.setdefault(folded[: -len(stripped)].strip(), entity.id)
                index = folded.find(stripped)
                if stripped in "（(" and index > 0:
                    bare_names.setdefault(folded[:index].strip(), entity.id)
    for bare, river in sorted(bare_names.items()):
        for other in sorted(forms.get(bare, ())):
            if catalog[other].cls == "GeoFeature":
                continue
            for _, name in catalog[other].names():
                folded = fold(name)
                if folded in forms and not any(w.strip() in folded for w in rule["region_words"]):
                    river_of.setdefault(folded, river)
    return river_of


def _cities(catalog: Catalog, forms: dict[str, set[str]], rule: dict) -> dict[str, str]:
    """A region's bare name that is also the name of a city lying in it (with or without 市/city)."""
    city_of: dict[str, str] = {}
    for form, entity_ids in sorted(forms.items()):
        regions = [e for e in sorted(entity_ids) if catalog[e].cls == "Region"]
        if not regions or any(catalog[e].cls == "City" for e in entity_ids):
            continue
        for city in catalog.of_class("City"):
            if not set(regions) & set(catalog.ancestors(city.id)):
                continue
            names = {fold(n) for _, n in city.names()}
            if form in names or any(form + w.strip() in names or form + w in names for w in rule["city_words"]):
                city_of[form] = city.id
                break
    return city_of


_NAME_TAGS = frozenset({"nt", "ns", "nz", "nr", "nrt"})
_NAME_SUFFIXES = frozenset("市省县区镇乡村港州")


def _is_han_char(char: str) -> bool:
    return script_of(char) == "han"


def _not_cutting_words(
    candidates: list[tuple[int, int, str]], segmented: tuple[Word, ...], text: str
) -> list[tuple[int, int, str]]:
    """Drop CJK matches that a word of the text cuts: one that begins before the match and ends
    inside it (边贸 in 周边|贸易), or a short match's end inside a word that goes on by more
    than a place suffix (黑河 in 黑河市 stays)."""
    starts = [w.start for w in segmented]
    kept = []
    for start, end, entity_id in candidates:
        if not _is_han_char(text[start]):
            kept.append((start, end, entity_id))
            continue
        index = bisect.bisect_right(starts, start) - 1
        word = segmented[index] if index >= 0 else None
        if word is not None and word.start < start < word.end:
            continue
        last = bisect.bisect_right(starts, end - 1) - 1
        tail = segmented[last] if last >= 0 else None
        if (
            tail is not None
            and tail.end > end
            and end - start <= 2
            and not (tail.end - end == 1 and text[end] in _NAME_SUFFIXES)
            and not (tail.start == start and tail.flag in _NAME_TAGS)  # 中国银行: a name that begins with it
        ):
            continue
        kept.append((start, end, entity_id))
    return kept


_LIST_SEPARATORS = frozenset({"、", ",", "，", "и", "and", "和", "及", "与", "·", "/"})


def _single_ports(catalog: Catalog) -> dict[str, str]:
    """City id → its port, for cities with exactly one port in the catalog."""
    ports: dict[str, list[str]] = defaultdict(list)
    for entity in catalog:
        if entity.cls == "Port":
            for city in entity.located_in:
                ports[city].append(entity.id)
    return {city: found[0] for city, found in ports.items() if len(found) == 1}


def _surface_forms(entity: Entity) -> set[str]:
    forms = set()
    for _, name in entity.names():
        forms.add(name)
        if _CYRILLIC.search(name):
            forms.update(inflected_forms(name))
    return forms


def is_common_word(folded: str) -> bool:
    """A one-word Russian place name that is also an ordinary word (Пограничный "border", Находка
    "find"): it is matched only where the text capitalises it."""
    if " " in folded or not _CYRILLIC.search(folded):
        return False
    return any(
        p.is_known and not ({"Geox", "Name", "Surn", "Patr", "Orgn"} & set(p.tag.grammemes))
        for p in analyzer().parse(folded)
    )


def _usable(folded: str) -> bool:
    """Names too short to be safe are not matched: one CJK character, one letter."""
    if len(folded) < 2:
        return False
    return not folded.isdigit()


def _on_boundaries(text: str, start: int, end: int) -> bool:
    """An alphabetic or kana name must not begin or end inside a word of its own script."""
    first, last = text[start], text[end - 1]
    if (
        start > 0
        and is_word_char(first)
        and is_word_char(text[start - 1])
        and script_of(first) == script_of(text[start - 1])
    ):
        return False
    if end < len(text) and is_word_char(last) and is_word_char(text[end]) and script_of(last) == script_of(text[end]):
        return False
    return True


def _sentence_index(sentences: tuple[Sentence, ...]):
    starts = [s.start for s in sentences]

    def index_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    return index_of
