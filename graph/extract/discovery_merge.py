"""One entity across documents and languages for discovered names.

Within a document, and across documents whose words correspond exactly (pinyin = Palladius read
back = the English spelling), a name's slug already is its identity: 绥芬河综合保税区 and
Суйфэньхэская зона свободной торговли give the slug they share. What slugs cannot see is a
katakana or a Russian-origin spelling of the same name (ニジネレニンスコエ, Нижнеленинское,
Nizhneleninskoye); those meet on a consonant outline of the whole slug — but only between
different languages, one of them Japanese or Russian, and only with the same class and subclass.
Two names of one language never merge on an outline (Dongning Port is not Tongning Port).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from amurkg.corpus.catalog import Entity
from amurkg.extract.gazetteer import from_gazetteer
from amurkg.text.romanize import skeleton

# Whose slug names a merged entity: the rendering closest to the name's own spelling first.
_LANGUAGE_RANK = {"en": 0, "zh": 1, "ru": 2, "ja": 3}
_FUZZY_LANGUAGES = frozenset({"ja", "ru"})
_MIN_OUTLINE = 5  # consonants: shorter outlines are too weak to identify anything


def language_of(entity: Entity) -> str:
    """The language the entity was discovered in (its one non-English label, or English)."""
    others = sorted((lang for lang in entity.labels if lang != "en"), key=_LANGUAGE_RANK.__getitem__)
    return others[0] if others else "en"


def merge_proposed(entities: Iterable[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Discovered entities of all documents merged: (entities by id, old id → kept id)."""
    by_id: dict[str, Entity] = {}
    for entity in entities:
        by_id[entity.id] = _combine(by_id[entity.id], entity) if entity.id in by_id else entity
    parent = {entity_id: entity_id for entity_id in by_id}

    def find(entity_id: str) -> str:
        while parent[entity_id] != entity_id:
            parent[entity_id] = parent[parent[entity_id]]
            entity_id = parent[entity_id]
        return entity_id

    groups: dict[tuple, list[Entity]] = {}
    for entity in sorted(by_id.values(), key=lambda e: e.id):
        outline = skeleton(entity.id)
        if len(outline) >= _MIN_OUTLINE:
            groups.setdefault((entity.cls, entity.subclass, outline), []).append(entity)
    for members in groups.values():
        for first in members:
            for second in members:
                if first.id < second.id and _may_merge(first, second):
                    a, b = find(first.id), find(second.id)
                    if a != b:
                        keep, drop = sorted((a, b), key=lambda i: (_LANGUAGE_RANK[language_of(by_id[i])], i))
                        parent[drop] = keep
    remap = {entity_id: find(entity_id) for entity_id in by_id}
    merged: dict[str, Entity] = {}
    for entity_id in sorted(by_id):
        target = remap[entity_id]
        entity = replace(by_id[entity_id], id=target)
        merged[target] = _combine(merged[target], entity) if target in merged else entity
    return [merged[k] for k in sorted(merged)], {k: v for k, v in remap.items() if k != v}


def _may_merge(first: Entity, second: Entity) -> bool:
    languages = {language_of(first), language_of(second)}
    if len(languages) < 2 or not languages & _FUZZY_LANGUAGES:
        return False
    # the same language on both sides means two spellings, not one name in two scripts
    return not (set(first.labels) - {"en"}) & (set(second.labels) - {"en"})


def _combine(kept: Entity, other: Entity) -> Entity:
    """Labels of both (the kept one's first), places of both."""
    labels = dict(kept.labels)
    aliases = {lang: list(names) for lang, names in kept.aliases.items()}
    for lang, label in other.labels.items():
        if lang not in labels:
            labels[lang] = label
        elif label != labels[lang] and lang != "en":
            aliases.setdefault(lang, [])
            if label not in aliases[lang]:
                aliases[lang].append(label)
    for lang, names in other.aliases.items():
        for name in names:
            if name != labels.get(lang) and name not in aliases.setdefault(lang, []):
                aliases[lang].append(name)
    located = tuple(dict.fromkeys(kept.located_in + other.located_in))
    # a gazetteer town keeps its GeoNames source whichever document named it first
    source = other.source if from_gazetteer(other) and not from_gazetteer(kept) else kept.source
    return replace(
        kept,
        labels=labels,
        aliases={k: tuple(sorted(v)) for k, v in sorted(aliases.items()) if v},
        located_in=located,
        source=source,
    )
