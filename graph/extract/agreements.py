"""Agreements named by an ordinary noun phrase at a verb of signing: "signed a cooperation agreement",
签署了合作框架协议, 協力協定を締結した. News name most agreements this way, not by a title; each such phrase
becomes one agreement of its document (an `ak:Program` with subclass Agreement, status "proposed"), so the
clause rules give its signatories their `signs` edges. A named agreement or any other name that overlaps
the phrase wins. The words are data: agreements.yaml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from amurkg.corpus.catalog import Catalog, Entity
from amurkg.extract.discovery import Discovery
from amurkg.extract.phrases import phrase_entity_id, phrase_labels
from amurkg.text.link import Mention
from amurkg.text.normalize import simplified
from amurkg.yamlio import load_data

AGREEMENTS_FILE = Path(__file__).with_name("agreements.yaml")
_CJK_WORD = r"[\u3400-\u9fff\uf900-\ufaff\u30a0-\u30ffー]"


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_data(AGREEMENTS_FILE.read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _pattern(language: str) -> re.Pattern | None:
    entry = _data().get(language)
    if not entry:
        return None
    verbs, heads, reach = _alternation(entry["verbs"]), _alternation(entry["heads"]), int(entry["modifier"])
    if language == "zh":
        counters = _alternation(entry["counters"])
        return re.compile(rf"(?:{verbs})(?:{counters})*(?P<phrase>{_CJK_WORD}{{0,{reach}}}?(?:{heads}))")
    if language == "ja":
        markers = _alternation(entry["markers"])
        return re.compile(rf"(?P<phrase>{_CJK_WORD}{{0,{reach}}}?(?:{heads}))(?:{markers})(?:{verbs})")
    articles = f"(?:(?:{_alternation(entry['articles'])})\\s+)+" if entry["articles"] else ""
    return re.compile(
        rf"\b(?:{verbs})\s+{articles}(?P<phrase>(?:[^\W\d_][\w-]*\s+){{0,{reach}}}?(?:{heads}))\b",
        re.IGNORECASE,
    )


def add_agreements(discovery: Discovery, catalog: Catalog) -> Discovery:
    """Discovery's outcome with the document's agreement phrases added as entities and mentions."""
    linked = discovery.linked
    pattern = _pattern(linked.language)
    if pattern is None:
        return discovery
    known = linked.mention_index
    entities: dict[str, Entity] = {}
    added: list[Mention] = []
    text = simplified(linked.text) if linked.language == "zh" else linked.text  # 簽署了合作框架協議
    for match in pattern.finditer(text):
        start, end = match.span("phrase")
        if linked.language == "ja":
            start = _ja_phrase_start(linked.text, start, end)
        if linked.language in ("en", "ru") and _stops(match.group("phrase"), linked.language):
            continue
        if known.overlapping(start, end) or any(a < end and start < b for a, b in ((m.start, m.end) for m in added)):
            continue  # a name there wins: the Harbin Agreement, 《中俄睦邻友好合作条约》
        label = linked.text[start:end]
        entity_id = phrase_entity_id(linked.document, label)
        if entity_id in catalog:
            continue
        entities[entity_id] = Entity(
            id=entity_id,
            cls="Program",
            labels=phrase_labels(label, "Agreement", linked.language),
            source="discovered",
            subclass="Agreement",
            status="proposed",
        )
        added.append(Mention(entity_id, linked.document, start, end, label, linked.sentence_at(start)))
    if not added:
        return discovery
    mentions = sorted([*linked.mentions, *added], key=lambda m: (m.start, m.end))
    return Discovery(
        replace(linked, mentions=tuple(mentions)),
        sorted([*discovery.entities, *entities.values()], key=lambda e: e.id),
        discovery.relations,
    )


def _stops(phrase: str, language: str) -> bool:
    """English and Russian: a function word among the modifiers ("signed with China an agreement")."""
    words = phrase.lower().split()[:-1]
    return any(w in _data()[language]["stop"] for w in words)


def _ja_phrase_start(text: str, start: int, end: int) -> int:
    """Japanese: the modifier ends at a particle or punctuation before it (…は協力協定を → 協力協定)."""
    while start < end and text[start] in "のはがをにとでもへや、。・":
        start += 1
    return start
