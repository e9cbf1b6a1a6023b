"""Discovery: names the catalog lacks (bridges, zones, companies, bureaus, fairs, agreements) become
proposed entities while a document is linked.

A name is a head noun that decides its class (大桥, мост, Bridge → ak:Infrastructure) with the
words that may stand before or after it in that language: CJK characters up to a stop word or
particle, Russian adjectives in agreement or a genitive chain, capitalised English words. The
grammar is data (`names.yaml`); this module is the small generic core. A name that contains a
catalog name keeps that link (the zone lies in the city its name starts with) and replaces the
shorter mention. Each entity gets a slug from its romanized, translated name, so the same zone
named in Chinese, Russian or English gets the same IRI wherever the words correspond.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from amurkg.corpus.catalog import PLACE_CLASSES, Catalog, Entity
from amurkg.corpus.ingest import slugify
from amurkg.extract import Relation, discovery_ja
from amurkg.extract.names_data import names_grammar
from amurkg.extract.phrases import phrase_entity_id
from amurkg.text.link import LinkedText, Mention, Word
from amurkg.text.normalize import fold, fold_text
from amurkg.text.romanize import gost, kana_to_romaji, palladius_to_pinyin, pinyin, skeleton
from amurkg.text.russian import analyzer
from amurkg.text.segment import common_word
from amurkg.text.spans import SpanIndex

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
_KATAKANA_RUN = re.compile(r"[\u30a0-\u30ff]{2,}")
# Proper-name contexts may contain these; the place classes a name can lie in.
_ANCHOR_CLASSES = PLACE_CLASSES - {"Corridor"}
# Catalog classes of things with names of their own: quoted after a descriptor (проект «Энергетической
# стратегии 2035»), such a name is that thing, not a new one named after it.
_PROPER_THINGS = frozenset({"Program", "Project", "Organization", "Event"})


@dataclass(frozen=True)
class Head:
    form: str  # folded CJK form, Russian lemma sequence, or English words
    en: str
    cls: str
    kind: str | None = None
    min: int = 1
    national: bool = False  # a body of a country (a ministry): it lies in the country its name names
    route: bool = False  # a name only between two places joined by a dash (撫遠―ハバロフスク航路)
    bare: bool = False  # a place named by its own word (Амурзет): its English label is that word alone
    written: str = ""  # the head as names.yaml writes it, in the nominative (мостовой переход)
    named_at: int = 0  # a modifier this long names the body whatever its words (国際協力銀行, 日本政策金融公庫)


@dataclass(frozen=True)
class Name:
    """A discovered name in one text: its span (original offsets), head and parts."""

    start: int
    end: int
    head: Head
    label: str  # the name as a catalog label: Russian in the nominative singular
    parts: tuple[tuple[str, str], ...]  # (kind, value): ("entity", id) | ("word", en) | ("proper", latin)
    head_first: bool = False
    head_span: tuple[int, int] | None = None  # where the head noun is (original offsets)
    quoted: bool = False  # a quoted name after its head (ТОР «Хабаровск»): it wins over a catalog name
    titled: bool = False  # a name in title brackets (《投资保护备忘录》): the brackets say it is one
    alias: str = ""  # the name with its abbreviated head, as it is also known (ТОР «Надеждинская», ООО «Восход»)
    capital: bool = False  # a head-first name whose capitalised head stands mid-sentence (… Соглашение о …)
    route: bool = False  # two places joined by a dash (Фуюань — Хабаровск): it links them, lies in neither
    located: tuple[str, ...] = ()  # places its descriptor names (харбинская компания «…»), not in its key
    evidence: tuple[int, int] | None = None  # the span that says where it lies, when wider than the name


@dataclass
class Discovery:
    """What discovery adds to one linked document."""

    linked: LinkedText  # with discovered mentions merged in (sorted, non-overlapping)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass(frozen=True)
class Grammar:
    cjk: tuple[Head, ...]
    cjk_title: tuple[Head, ...]  # heads of a name in title brackets: Program heads and title-only ones
    cjk_stop_chars: frozenset[str]
    cjk_stop_words: tuple[str, ...]
    zh_name_verbs: frozenset[str]
    cjk_generic: frozenset[str]
    cjk_pairs: frozenset[str]
    cjk_not_before_head: frozenset[str]
    pair_keys: frozenset[str]
    cjk_short_head_not_after: frozenset[str]
    cjk_short_head_not_before: frozenset[str]
    ja_leading_stop: frozenset[str]
    ja_role_nouns: tuple[str, ...]  # 中心都市, 州都: a place's role, never its name
    cjk_quote_heads: dict[str, Head]
    ru: tuple[Head, ...]
    ru_head_first: frozenset[str]
    ru_generic: frozenset[str]
    ru_quote_heads: dict[str, Head]
    ru_field_links: tuple[str, ...]
    en: tuple[Head, ...]
    en_connectors: frozenset[str]
    en_stop: frozenset[str]
    en_generic: frozenset[str]
    en_plain: frozenset[str]  # words that add nothing to an English name (Provincial, of, the)
    words: dict[str, dict[str, str]]  # language → word (folded for CJK) → English key ("" = ignored)
    last_place_heads: frozenset[str] = frozenset()  # heads of branches: only the last place is theirs
    one_end_links: frozenset[str] = frozenset()  # bridges: a town in the name is the end it joins (黑河公路大桥)
    link_kinds: frozenset[str] = frozenset()  # kinds of name whose two places are its ends (bridges)
    unplaced: frozenset[str] = frozenset()  # classes and kinds whose names do not say where they lie
    route_placed: frozenset[str] = frozenset()  # classes a name joining two places lies in both of (areas)
    endpoint_joints: frozenset[str] = frozenset()  # what joins those two places inside the name
    ja_signed_after: tuple[str, ...] = ()  # Japanese: words of signing right after an agreement's head
    cjk_head_not_after: dict[str, frozenset[str]] = field(default_factory=dict)  # 市|中心: per head
    cjk_head_not_before: dict[str, frozenset[str]] = field(default_factory=dict)  # 中心|城市: per head
    zh_head_verbs: frozenset[str] = frozenset()  # verbs that name a facility's activity right before its head
    zh_translit: frozenset[str] = frozenset()  # characters of transliterated foreign place names
    cjk_place_suffixes: dict[str, dict[str, Head]] = field(default_factory=dict)  # zh|ja → suffix → place head
    cjk_quoted_kinds: dict[str, Head] = field(default_factory=dict)  # 「先行発展区」制度: kind nouns after a term
    zh_glued_prepositions: frozenset[str] = frozenset()  # 由|金禾: prepositions jieba glues to a name
    zh_event_orientations: tuple[str, ...] = ()  # 首届|对俄|农机出口洽谈会: a 对-word inside an edition's name
    cjk_not_long_named: tuple[str, ...] = ()  # 国有商业银行: kind words that keep a long modifier a description
    zh_township_suffixes: dict[str, Head] = field(default_factory=dict)  # 饶河县|西林子乡: townships after a county
    zh_build_verbs: frozenset[str] = frozenset()  # 在饶河|建设|粮食加工园区: a facility built at a named place
    zh_built_heads: tuple[str, ...] = ()  # the heads such a facility may end in (园区, 基地)
    zh_zone_words: frozenset[str] = frozenset()  # 长吉图|开发|开放|先导区: programme words inside a zone's name
    ja_company_descriptors: tuple[str, ...] = ()  # 物流大手の…: class nouns before a katakana company name
    ja_company_links: tuple[str, ...] = ()  # の, である: what joins such a noun to the name


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = names_grammar()

    def heads(entries: list[dict], key: str, prepare=lambda s: s) -> tuple[Head, ...]:
        found = [
            Head(
                prepare(e[key]),
                e["en"],
                e["class"],
                e.get("kind"),
                int(e.get("min", 1)),
                bool(e.get("national")),
                bool(e.get("route")),
                written=e.get("written", e[key]),
                named_at=int(e.get("named_at", 0)),
            )
            for e in entries
        ]
        return tuple(sorted(found, key=lambda h: (-len(h.form), h.form)))

    for lang, extra in data.get("words_open", {}).items():  # open-world additions; the entries above win
        data["words"][lang] = {**extra, **data["words"][lang]}
    cjk_words = {fold(k): v for lang in ("zh", "ja") for k, v in data["words"][lang].items()}
    return Grammar(
        cjk=heads(data["cjk"], "form", fold),
        cjk_title=heads(data["cjk_title_heads"] + [e for e in data["cjk"] if e["class"] == "Program"], "form", fold),
        cjk_stop_chars=frozenset(data["cjk_stop_chars"]),
        zh_name_verbs=frozenset(data.get("zh_name_verbs", [])),
        cjk_stop_words=tuple(
            sorted(
                {fold(w) for w in data["cjk_stop_words"] + data.get("cjk_stop_words_open", [])}, key=len, reverse=True
            )
        ),
        cjk_generic=frozenset(fold(w) for w in data["cjk_generic"]),
        cjk_pairs=frozenset(fold(w) for w in data["cjk_pairs"]),
        cjk_not_before_head=frozenset(fold(w) for w in data["cjk_not_before_head"]),
        pair_keys=frozenset(data["words"]["zh"][w] for w in data["cjk_pairs"] if w in data["words"]["zh"]),
        cjk_short_head_not_after=frozenset(fold(data["cjk_short_head_not_after"])),
        cjk_short_head_not_before=frozenset(fold(data["cjk_short_head_not_before"])),
        ja_leading_stop=frozenset(fold(data["ja_leading_stop"])),
        ja_role_nouns=tuple(fold(w) for w in data.get("ja_role_nouns", ())),
        ja_signed_after=tuple(fold(w) for w in data.get("ja_signed_after", [])),
        cjk_head_not_after={fold(k): frozenset(fold(v)) for k, v in data.get("cjk_head_not_after", {}).items()},
        cjk_head_not_before={fold(k): frozenset(fold(v)) for k, v in data.get("cjk_head_not_before", {}).items()},
        zh_head_verbs=frozenset(fold(w) for w in data.get("zh_head_verbs", [])),
        zh_translit=frozenset(fold(data.get("zh_translit", ""))),
        zh_glued_prepositions=frozenset(fold(data.get("zh_glued_prepositions", ""))),
        zh_event_orientations=tuple(fold(w) for w in data.get("zh_event_orientations", [])),
        zh_build_verbs=frozenset(fold(w) for w in data.get("zh_build_verbs", [])),
        zh_built_heads=tuple(fold(w) for w in data.get("zh_built_heads", [])),
        zh_zone_words=frozenset(fold(w) for w in data.get("zh_zone_words", [])),
        cjk_not_long_named=tuple(fold(w) for w in data.get("cjk_not_long_named", [])),
        zh_township_suffixes={
            fold(k): Head(fold(k), v["en"], v["class"]) for k, v in data.get("zh_township_suffixes", {}).items()
        },
        cjk_quoted_kinds={
            fold(k): Head(fold(k), v["en"], v["class"], v.get("kind"))
            for k, v in data.get("cjk_quoted_kinds", {}).items()
        },
        ja_company_descriptors=tuple(sorted((fold(w) for w in data.get("ja_company_descriptors", [])), key=len)),
        ja_company_links=tuple(fold(w) for w in data.get("ja_company_links", [])),
        cjk_place_suffixes={
            lang: {fold(k): Head(fold(k), v["en"], v["class"], v.get("kind")) for k, v in table.items()}
            for lang, table in data.get("cjk_place_suffixes", {}).items()
        },
        cjk_quote_heads={
            fold(k): Head(fold(k), v["en"], v["class"], v.get("kind")) for k, v in data["cjk_quote_heads"].items()
        },
        ru=heads(data["ru"], "lemma", _lemmas),
        ru_head_first=frozenset(_lemmas(w) for w in data["ru_head_first"] + data.get("ru_head_first_open", [])),
        ru_generic=frozenset(_lemmas(w) for w in data["ru_generic"]),
        ru_field_links=tuple(data["ru_field_links"]),
        ru_quote_heads={k: Head(k, v["en"], v["class"], v.get("kind")) for k, v in data["ru_quote_heads"].items()},
        en=heads(data["en"], "form"),
        en_connectors=frozenset(data["en_connectors"]),
        en_stop=frozenset(data["en_stop"]),
        en_generic=frozenset(data["en_generic"]),
        en_plain=frozenset(data["en_plain"]),
        last_place_heads=frozenset(data.get("last_place_heads", [])),
        one_end_links=frozenset(data.get("one_end_links", [])),
        link_kinds=frozenset(data.get("link_kinds", [])),
        unplaced=frozenset(data.get("unplaced", [])),
        route_placed=frozenset(data.get("route_placed", [])),
        endpoint_joints=frozenset(fold(w) for w in data.get("endpoint_joints", [])),
        words={
            "cjk": cjk_words,
            "ru": {_lemmas(k): v for k, v in data["words"]["ru"].items()},
            "en": dict(data["words"]["en"]),
        },
    )


def _lemmas(text: str) -> str:
    return " ".join(_lemma(w) for w in text.split())


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    """A word's dictionary form; for a word pymorphy3 does not know, its adjective reading if it has
    one (бондовой → бондовый), since unknown words in names are mostly adjectives."""
    parses = analyzer().parse(word.lower())
    if not parses:
        return word.lower()
    chosen = next((p for p in parses if p.is_known), None)
    if chosen is None:
        chosen = next((p for p in parses if p.tag.POS == "ADJF"), parses[0])
    return chosen.normal_form.replace("ё", "е")


# ---------------------------------------------------------------------------------------------
# The generic core: names found by a language finder become entities, mentions and relations.
# ---------------------------------------------------------------------------------------------


def discover(linked: LinkedText, catalog: Catalog) -> Discovery:
    """The proposed entities of one linked text, its mentions with theirs merged in, and the
    `name` relations tying a discovered name to the known place inside it. Places the catalog lacks
    come first (Russian: «в Комсомольске-на-Амуре», «посёлок Яковлевка», «Амурзет — Лобэй»), so the
    names around them see them as places (мостовой переход Амурзет — Лобэй connects both)."""
    finder = {"zh": _cjk_names, "ja": _cjk_names, "ru": _russian_names, "en": _english_names}.get(linked.language)
    if finder is None:
        return Discovery(linked)
    if linked.language == "zh":
        prefixes = _zh_country_prefixes(linked, catalog)
        if prefixes:
            widened = replace(linked, mentions=tuple(sorted(linked.mentions + prefixes, key=_span)))
            found = _discovered(widened, catalog, finder(widened, catalog))
            return replace(
                found, linked=replace(found.linked, mentions=_kept_prefixes(found.linked.mentions, prefixes))
            )
    places = {"ru": _ru_places, "en": _en_places}.get(linked.language, lambda *_: [])(linked, catalog)
    if not places:
        return _discovered(linked, catalog, finder(linked, catalog))
    first = _discovered(linked, catalog, places)
    overlay = catalog.extended(first.entities)
    rest = _discovered(first.linked, overlay, finder(first.linked, overlay))
    entities = {e.id: e for e in first.entities} | {e.id: e for e in rest.entities}
    relations = sorted(set(first.relations + rest.relations))
    return Discovery(rest.linked, sorted(entities.values(), key=lambda e: e.id), relations)


def _span(mention: Mention) -> tuple[int, int]:
    return (mention.start, mention.end)


def _zh_country_prefixes(linked: LinkedText, catalog: Catalog) -> tuple[Mention, ...]:
    """Chinese: a country's one-character form that jieba cuts as a word of its own (俄 of 俄X集团,
    俄阿穆尔州), not after another country's character or a direction mark (names.yaml zh_country_prefix)."""
    data = names_grammar().get("zh_country_prefix") or {}
    forms: dict[str, str] = data.get("forms") or {}
    flags = set(data.get("flags") or ())
    not_after = set(data.get("not_after") or ())
    taken = linked.mention_index
    folded = fold_text(linked.text)  # jieba's words are in folded offsets
    out = []
    for word in linked.words:
        country = forms.get(word.text)
        if country is None or country not in catalog or word.flag not in flags:
            continue
        if word.start > 0 and folded.text[word.start - 1] in not_after:
            continue
        a, b = folded.original_span(word.start, word.end)
        if taken.overlapping(a, b):
            continue
        out.append(Mention(country, linked.document, a, b, linked.text[a:b], linked.sentence_at(a)))
    return tuple(out)


def _kept_prefixes(mentions: tuple[Mention, ...], prefixes: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A country prefix a name did not take in stays only before a mention that starts right after it."""
    starts = {m.start for m in mentions}
    return tuple(m for m in mentions if m not in prefixes or m.end in starts)


def _discovered(linked: LinkedText, catalog: Catalog, found: list[Name]) -> Discovery:
    """The entities, mentions and `name` relations of the names a finder found in one text."""
    names = _non_overlapping(n for n in found if n.route or not n.head.route)
    known = linked.mention_index
    entities: dict[str, Entity] = {}
    new_mentions: list[Mention] = []
    relations: list[Relation] = []
    swallowed: set[tuple[int, int]] = set()
    for name in names:
        inside = known.within(name.start, name.end)
        exact = [m for m in inside if m.start == name.start and m.end == name.end]
        if any(m not in inside for m in known.around(name.start, name.end)) or (
            exact and (not name.quoted or catalog[exact[0].entity].cls in _PROPER_THINGS)
        ):
            continue  # the catalog names this span (a quoted place or sector names something new: ТОР «Хабаровск»)
        if any(m not in inside for m in known.overlapping(name.start, name.end)):
            continue  # cuts a catalog name in two
        if name.head_span and any(
            m.start < name.head_span[1]
            and name.head_span[0] < m.end
            and not _generic_tail(m, name, catalog)
            and not _zh_edition_of(name, m, catalog)
            for m in inside
        ):
            continue  # the head belongs to a catalog name (торгово-экономических зон): nothing new
        if not _anchored(name, catalog) and not _ja_national_company(name, linked, catalog):
            continue
        entity = _entity(name, linked.language, catalog)
        if entity is None:
            continue
        if _described_only(
            name, linked.text
        ):  # 協力協定, соглашение о сотрудничестве: this document's agreement, not a name
            entity = replace(entity, id=phrase_entity_id(linked.document, name.label))
        twin = entity.id if entity.id in catalog else _catalog_twin(entity, catalog)
        if twin is not None:  # the catalog knows it under another surface: a plain mention
            if catalog[twin].cls != entity.cls:
                continue
            entity_id = twin
        else:
            entity_id = entity.id
            entities[entity_id] = _merge_labels(entities.get(entity_id), entity)
        surface = linked.text[name.start : name.end]
        sentence = _sentence_of(linked, name.start)
        new_mentions.append(Mention(entity_id, linked.document, name.start, name.end, surface, sentence))
        swallowed.update((m.start, m.end) for m in inside)
        if entity_id in catalog:
            continue
        if name.head.en in grammar().last_place_heads and len(entity.located_in) > 1:
            # "Harbin Bank Suifenhe Branch", 哈尔滨银行绥芬河分行: the branch lies where it is, not where its bank is
            entity = replace(entity, located_in=entity.located_in[-1:])
            entities[entity_id] = replace(entities[entity_id], located_in=entity.located_in)
        if linked.language == "ja" and linked.text[name.start] in "「『":
            # 「シベリアの力」ガスパイプライン: a place inside the bracketed words is part of a phrase, not where it lies
            entity = replace(entity, located_in=())
            entities[entity_id] = replace(entities[entity_id], located_in=())
        ends: tuple[str, ...]
        if name.route:  # Фуюань — Хабаровск переправа: the route lies in neither of the places it joins
            joined = tuple(
                dict.fromkeys(
                    m.entity for m in inside if m.entity != entity_id and catalog[m.entity].cls not in _NO_ENDS
                )
            )  # 牡丹江至乌苏里斯克国际物流通道: the sector in its name is no end
            ends = joined if len(joined) == 2 else ()
        else:
            ends = _endpoints(linked.text, entity, inside)
            if not ends and name.head.kind == "Infrastructure":  # железная дорога Уссурийск — Гродеково
                paired = _paired_ends(linked.text, inside)
                ends = tuple(p for p in entity.located_in if p in paired)
        if ends and grammar().link_kinds.isdisjoint({name.head.kind, entity.subclass, name.head.en}):
            ends = ()  # Russia–China Investment Fund, 中国—东北亚博览会: only a link or a route joins the places its name pairs
        if not ends and name.head.en in grammar().one_end_links:
            towns = [p for p in entity.located_in if catalog[p].cls in _TOWN_CLASSES]
            ends = tuple(towns) if len(towns) == 1 == len(entity.located_in) else ()  # 黑河公路大桥 joins Heihe
        if ends:  # "Heihe–Blagoveshchensk Bridge" joins its two places; it lies in neither
            entities[entity_id] = replace(
                entities[entity_id], located_in=tuple(p for p in entities[entity_id].located_in if p not in ends)
            )
        for place in ends:
            relations.append(
                Relation(
                    entity_id, "connects", place, linked.document, name.start, name.end, surface, "name", "name:ends"
                )
            )
        if linked.language == "zh":
            relations.extend(_zh_sectors_of(name, entity_id, inside, linked, catalog))
        a, b = name.evidence or (name.start, name.end)
        for place in entity.located_in:  # places named inside it, as mentions or adjectives (Хабаровский)
            # 黑龙江大桥: a bridge named after a river or a province lies in neither
            bridge_of_region = name.head.en in grammar().one_end_links and catalog[place].cls == "Region"
            if (
                place != entity_id
                and place not in ends
                and not bridge_of_region
                and _states_its_place(catalog, place, entity)
            ):
                relations.append(
                    Relation(entity_id, "locatedIn", place, linked.document, a, b, linked.text[a:b], "name")
                )
    mentions = [m for m in linked.mentions if (m.start, m.end) not in swallowed] + new_mentions
    mentions.sort(key=lambda m: (m.start, m.end))
    merged = replace(linked, mentions=tuple(mentions))
    return Discovery(merged, sorted(entities.values(), key=lambda e: e.id), sorted(set(relations)))


_NO_ENDS = frozenset({"Industry", "CooperationModel"})


def _described_only(name: Name, text: str) -> bool:
    """An agreement named by generic words alone, outside brackets (協力協定, соглашение о сотрудничестве,
    合作协议): a description of one document's agreement, which another document's same words do not name."""
    bracketed = name.start > 0 and text[name.start - 1] in _OPENING_BRACKETS
    return (
        name.head.kind == "Agreement"
        and not bracketed
        and not name.quoted
        and all(kind == "word" for kind, _ in name.parts)
    )


_OPENING_BRACKETS = frozenset('《「『“〈«"(')


def _states_its_place(catalog: Catalog, place: str, named: Entity) -> bool:
    """Does a name that holds this place state where the thing lies? A town or region does (黑河海关, Amur Oblast
    Government), a country does for a firm (俄罗斯苏玛集团); a country for a zone or a body (中国(黑龙江)自由贸易试验区,
    俄罗斯经济发展部), a macro-region that regions are parts of (东北财经大学, Far East Development Ministry; but
    a zone lies in it: 俄罗斯远东超前发展区) or a
    river (黑龙江大桥) only qualifies the name: the entity keeps the place, but the document gets no evidence of it
    (annotators of real texts seldom mark those)."""
    entity = catalog[place]
    if entity.cls == "Country":
        return named.subclass == "Company"
    if entity.cls == "GeoFeature":
        return False
    if entity.cls == "Region" and catalog.country_of(place) is None:
        return False
    # a zone named after a macro-region lies in it (俄罗斯远东超前发展区): only a body or a firm it qualifies
    return not (entity.cls == "Region" and _has_parts(catalog, place)) or named.cls == "Park"


def _has_parts(catalog: Catalog, place: str) -> bool:
    """Is `place` a region other regions of the catalog are part of (Northeast China, the Russian Far East)?"""
    return any(e.cls == "Region" and place in e.part_of for e in catalog.entities.values())


_TOWN_CLASSES = frozenset({"City"})  # a port in the name (抚远口岸大桥) is where it lies


def _zh_sectors_of(
    name: Name, entity_id: str, inside: list[Mention], linked: LinkedText, catalog: Catalog
) -> list[Relation]:
    """Chinese: a project or park named after a sector (牡丹江至乌苏里斯克国际物流通道, 木材加工园区)
    targets that sector; a company or bank so named (中国农业发展银行) says nothing of what it targets, nor
    does a venue or hub (`zh_venue_heads`: 会展中心, 物流枢纽)."""
    if name.head.cls not in ("Project", "Park"):
        return []
    if name.head.form in (names_grammar().get("zh_venue_heads") or ()):
        return []  # 哈尔滨国际会展中心, 欧亚物流枢纽: a venue or hub serves the activity it is named by, targets no industry
    surface = linked.text[name.start : name.end]
    return [
        Relation(entity_id, "targetsIndustry", m.entity, linked.document, name.start, name.end, surface, "name")
        for m in inside
        if catalog[m.entity].cls == "Industry"
    ]


def _paired_ends(text: str, inside: list[Mention]) -> set[str]:
    """The places a dash pairs inside a name of infrastructure (Heihe–Blagoveshchensk Bridge,
    железная дорога Находка — Уссурийск): its two ends, not where it lies."""
    dashes = ("-", "–", "—")
    return {
        m.entity
        for m in inside
        if text[m.end : m.end + 3].strip()[:1] in dashes or text[max(0, m.start - 3) : m.start].strip()[-1:] in dashes
    }


def _endpoints(text: str, entity: Entity, inside: list[Mention]) -> tuple[str, ...]:
    """The two places a link's name joins by a dash or a conjunction (Heihe–Blagoveshchensk
    Bridge, Хабаровск-Владивосток трасса): the ends it connects, not places it lies in."""
    if entity.subclass not in grammar().link_kinds:
        return ()
    places = [m for m in inside if m.entity in entity.located_in]
    for a, b in zip(places, places[1:]):
        if a.entity != b.entity and fold(text[a.end : b.start]).strip() in grammar().endpoint_joints:
            return (a.entity, b.entity)
    return ()


def _catalog_twin(entity: Entity, catalog: Catalog) -> str | None:
    """The catalog entity a discovered one is, when their English names have the same words but
    for words that add nothing (黑龙江政府 = Heilongjiang Government = Heilongjiang Provincial
    Government): one entity, not a proposed duplicate of a curated one."""
    return _twin_index(catalog).get((entity.cls, _plain_words(entity.labels.get("en", ""))))


_TWINS: dict[int, tuple[Catalog, dict[tuple[str, frozenset[str]], str]]] = {}


def _twin_index(catalog: Catalog) -> dict[tuple[str, frozenset[str]], str]:
    cached = _TWINS.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    index: dict[tuple[str, frozenset[str]], str] = {}
    clashes: set[tuple[str, frozenset[str]]] = set()
    for known in catalog:
        for lang, name in known.names():
            key = (known.cls, _plain_words(re.sub(r"\([^)]*\)", " ", name)))
            if lang != "en" or len(key[1]) < 2:
                continue
            if index.setdefault(key, known.id) != known.id:
                clashes.add(key)
    for key in clashes:
        del index[key]  # two catalog entities with these words: say nothing
    _TWINS.clear()
    _TWINS[id(catalog)] = (catalog, index)
    return index


def _plain_words(label: str) -> frozenset[str]:
    ignored = grammar().en_plain
    words = re.findall(r"[a-z][a-z'’]*", label.lower().replace("–", " ").replace("-", " "))
    return frozenset(w for w in words if w not in ignored)


def _generic_tail(mention: Mention, name: Name, catalog: Catalog) -> bool:
    """A catalog concept or kind of zone that ends the name, after a part of its own: 黑河 +
    跨境经济合作区 is a zone of its own, named after Heihe; an industry overlapping the head is
    only words (東寧國際物流園區)."""
    if catalog[mention.entity].cls in ("Industry", "CooperationModel") and mention.start > name.start:
        return True
    return (
        mention.end == name.end
        and mention.start > name.start
        and catalog[mention.entity].cls in ("Park", "Corridor", "CooperationModel", "Industry")
        and not catalog[mention.entity].located_in
    )


def _anchored(name: Name, catalog: Catalog) -> bool:
    """A name needs a proper part: a word of its own, or a known entity that is not a mere concept
    (an industry or a cooperation model does not make 高新技术产业园 a name). A country alone with
    generic words does not either (ロシア地方政府, the Russian local governments)."""
    entities = [v for k, v in name.parts if k == "entity" and catalog[v].cls not in ("Industry", "CooperationModel")]
    if name.titled or any(k == "proper" for k, _ in name.parts):
        return True
    if name.head_first and (name.head.kind == "GovernmentBody" or name.capital) and name.parts:
        return True  # Министерство экономического развития, Ministry of Commerce: the capital says it
    if not entities:
        return name.head_first and any(k == "word" for k, _ in name.parts) and name.head.kind == "GovernmentBody"
    if name.route and len(set(entities)) >= 2 and name.head.kind in grammar().link_kinds:
        return True  # the China-Russia East Pipeline: a link named by the two places it joins
    countries_only = all(catalog[e].cls == "Country" for e in entities)
    generic = any(k == "word" for k, _ in name.parts)
    national = name.head.national and name.parts[0][0] == "entity"  # 俄罗斯农业部: a country's own ministry
    return not (countries_only and generic) or national


def _ja_national_company(name: Name, linked: LinkedText, catalog: Catalog) -> bool:
    """Japanese: a country written right against the words of a company or bank (中国輸出入銀行,
    ロシア鉄道社) names a national firm; with の between (ロシアの鉄道会社) it only says whose. Chinese
    has no の: there the country needs four characters or more of the firm's own words before its head
    (俄罗斯管道运输公司), so that 俄罗斯物流公司 stays a description."""
    if linked.language not in ("ja", "zh") or not name.parts:
        return False
    if name.head.kind != "Company" and not (linked.language == "ja" and discovery_ja.country_body(name.head.en)):
        return False  # 日本貿易振興機構: a country and an agency's words, a national body as a firm is
    if name.parts[0][0] != "entity" or catalog[name.parts[0][1]].cls != "Country":
        return False
    if not any(k == "word" for k, _ in name.parts[1:]):
        return False
    if linked.language == "zh":
        country = next(m for m in linked.mentions if m.start == name.start)
        own = (name.head_span[0] if name.head_span else name.end) - country.end
        return own >= 4 and all(_HAN.match(c) for c in linked.text[country.end : country.end + own])
    return "の" not in linked.text[name.start : name.end]


def _non_overlapping(names: Iterable[Name]) -> list[Name]:
    """Longest first, each name kept unless it shares a character with one kept before."""
    ordered = sorted(names, key=lambda n: (n.start - n.end, n.start))
    taken = bytearray(max((n.end for n in ordered), default=0))
    chosen: list[Name] = []
    for name in ordered:
        if not any(taken[name.start : name.end]):
            taken[name.start : name.end] = b"\x01" * (name.end - name.start)
            chosen.append(name)
    return sorted(chosen, key=lambda n: n.start)


def _sentence_of(linked: LinkedText, offset: int) -> int:
    return linked.sentence_at(offset)


def _entity(name: Name, language: str, catalog: Catalog) -> Entity | None:
    """The proposed entity of a name: slug and English label from its translated, romanized parts."""
    english = _english_label(name, catalog) if language != "en" else name.label
    key_words = _key_words(name)
    if not key_words:
        return None
    slug = slugify(" ".join(key_words + [name.head.en]), limit=80)
    if not slug:
        return None
    labels = {"en": english}
    if language != "en":
        labels[language] = name.label
    spans_both = name.route and name.head.cls in grammar().route_placed
    unplaced = (
        (name.route and not spans_both)
        or {name.head.cls, name.head.kind} & grammar().unplaced
        or _en_unplaced(name, language)
        or _cjk_unplaced(name, language)
    )
    places = () if unplaced else _name_places(name, catalog)
    if spans_both:  # the Suifenhe-Dongning pilot zone lies in both towns, not in a country its pair names
        places = tuple(p for p in places if catalog[p].cls != "Country")
    if _cjk_unplaced(name, language):  # 中国华电集团: a national firm still lies in its country
        places = tuple(p for p in _name_places(name, catalog) if catalog[p].cls == "Country")
    return Entity(
        id=slug,
        cls=name.head.cls,
        labels=labels,
        aliases={language: (name.alias, re.sub("[«»]", "", name.alias))} if name.alias else {},
        located_in=places,
        source="discovered",
        subclass=name.head.kind,
        status="proposed",
    )


@lru_cache(maxsize=1)
def _en_unplaced_heads() -> frozenset[str]:
    return frozenset(names_grammar().get("en_unplaced_heads") or ())


def _en_unplaced(name: Name, language: str) -> bool:
    """English: a company, bank or fund named after a place need not lie there (names.yaml
    en_unplaced_heads)."""
    return language == "en" and name.head.en in _en_unplaced_heads()


def _cjk_unplaced(name: Name, language: str) -> bool:
    """Chinese and Japanese: a firm, bank or fund named after a place need not lie there either
    (牡丹江恒信木业集团, 中国进出口银行, 黒龍江省辺境開発基金; names.yaml cjk_unplaced_heads); a
    descriptor's place (哈尔滨物流企业“远东物流”) still says where it is."""
    if language == "zh" and name.head.form in _zh_registered_forms() and name.parts and name.parts[0][0] == "entity":
        return False  # 黑河某某科技有限公司: a registered name opens with the division it is registered in
    return language in ("zh", "ja") and not name.located and name.head.en in _cjk_unplaced_heads()


@lru_cache(maxsize=1)
def _zh_registered_forms() -> frozenset[str]:
    return frozenset(fold(f) for f in names_grammar().get("zh_registered_forms") or ())


@lru_cache(maxsize=1)
def _cjk_unplaced_heads() -> frozenset[str]:
    return frozenset(names_grammar().get("cjk_unplaced_heads") or ())


def _name_places(name: Name, catalog: Catalog) -> tuple[str, ...]:
    """The places a name says it lies in: the known places in its modifier; for a head-first name
    only a place right after the head (Bank of China), not the subject of a complement (Фонд
    развития Дальнего Востока)."""
    parts = name.parts
    places = tuple(dict.fromkeys(v for k, v in parts if k == "entity" and catalog[v].cls in _ANCHOR_CLASSES))
    if name.head_first and parts and parts[0][0] != "entity":
        places = tuple(p for p in places if catalog[p].cls == "Country")  # … Российской Федерации
    if name.head.national:
        return _countries(places, catalog)
    return tuple(dict.fromkeys(places + name.located))


def _countries(places: tuple[str, ...], catalog: Catalog) -> tuple[str, ...]:
    """A national body (a ministry) lies in the country its name names, not in the region
    (俄罗斯远东发展部 lies in Russia): a country among the places, else the first place's country,
    through the catalog."""
    countries = tuple(p for p in places if catalog[p].cls == "Country")
    if countries:
        return countries[:1]
    for place in places[:1]:
        seen: set[str] = set()
        current: str | None = place
        while current is not None and current not in seen and current in catalog:
            seen.add(current)
            if catalog[current].cls == "Country":
                return (current,)
            current = next(iter(catalog[current].located_in), None)
    return ()


def _key_words(name: Name) -> list[str]:
    """The name's identity across languages: known entities first (text order), then the other
    words sorted (word order differs between languages: 商务局 = Bureau of Commerce)."""
    pairs = grammar().pair_keys
    entities = [v for k, v in name.parts if k == "entity"]
    others = sorted(w for k, v in name.parts if k != "entity" and v for w in v.split())
    if entities or any(k == "proper" and v not in pairs for k, v in name.parts):
        others = [w for w in others if w not in pairs] or others  # a pair names it only when nothing else does
    return list(dict.fromkeys(entities)) + others


def merge_key(entity: Entity, key_words: Iterable[str]) -> tuple:
    """Names that agree on class, head and the consonant outline of every word are one entity."""
    return (entity.cls, entity.subclass, tuple(skeleton(w) if not _is_slug_id(w) else w for w in key_words))


def _is_slug_id(word: str) -> bool:
    return "-" in word


def _english_label(name: Name, catalog: Catalog) -> str:
    if name.head.bare:  # Комсомольск-на-Амуре: Komsomolsk-na-Amure, no class word
        return "-".join(
            w if w in _RU_INNER else w[:1].upper() + w[1:] for w in "-".join(v for _, v in name.parts).split("-")
        )
    words = []
    for kind, value in name.parts:
        if kind == "entity":
            words.append(catalog[value].labels["en"])
        elif value:
            words.append(
                " ".join(w[:1].upper() + w[1:] for w in value.split("-"))
                if kind == "word"
                else "-".join(w[:1].upper() + w[1:] for w in value.split("-"))  # China-Mongolia
            )
    modifiers = " ".join(dict.fromkeys(words))
    if name.parts and name.parts[-1][0] == "entity" and modifiers.endswith(f" {name.head.en}"):
        return modifiers  # 第八届中俄博览会: "8th China–Russia Expo", the series names the head already
    if name.head_first and modifiers:
        return f"{name.head.en} of {modifiers}"
    return f"{modifiers} {name.head.en}".strip()


def _merge_labels(previous: Entity | None, entity: Entity) -> Entity:
    if previous is None:
        return entity
    labels = {**entity.labels, **previous.labels}  # the first occurrence's label stays
    located = tuple(dict.fromkeys(previous.located_in + entity.located_in))
    aliases = {
        lang: tuple(dict.fromkeys(previous.aliases.get(lang, ()) + entity.aliases.get(lang, ())))
        for lang in sorted(set(previous.aliases) | set(entity.aliases))
    }
    return replace(previous, labels=labels, located_in=located, aliases=aliases)


# ---------------------------------------------------------------------------------------------
# Chinese and Japanese: a head, and the CJK characters before it up to a stop word or particle.
# ---------------------------------------------------------------------------------------------


def _cjk_names(linked: LinkedText, catalog: Catalog) -> list[Name]:
    g = grammar()
    folded = fold_text(linked.text)
    text = folded.text
    starts = folded.starts
    # known mentions in folded coordinates
    to_folded = _inverse(starts, len(linked.text))
    known = SpanIndex(sorted((to_folded[m.start], to_folded[m.end - 1] + 1, m.entity) for m in linked.mentions))
    pattern = _cjk_pattern()
    names = []
    proper_chars = bytearray(len(text) + 1)
    word_starts = [w.start for w in linked.words]
    for word in linked.words:
        if word.flag in _PROPER_FLAGS or _zh_coined(word):
            proper_chars[word.start : word.end] = b"\x01" * (word.end - word.start)

    def proper(a: int, b: int) -> bool:
        # Japanese: katakana (not one letter: ロ of 対ロ is Russia), or kanji that are no common Chinese word
        if not linked.words:
            return bool(_KATAKANA_RUN.search(text[a:b])) or (b - a >= 2 and not common_word(text[a:b]))
        return any(proper_chars[a:b])

    for match in pattern.finditer(text):
        head = _cjk_head(match.group())
        head_start, head_end = match.start(), match.end()
        if len(head.form) == 1 and (
            (head_end < len(text) and text[head_end] in g.cjk_short_head_not_before)
            or (head_start > 0 and text[head_start - 1] in g.cjk_short_head_not_after)
        ):
            continue
        if (head_end < len(text) and text[head_end] in g.cjk_head_not_before.get(head.form, ())) or (
            head_start > 0 and text[head_start - 1] in g.cjk_head_not_after.get(head.form, ())
        ):
            continue  # 市中心 the city centre, 中心城市 a central city: no facility of that name
        if linked.language == "zh" and head.form in _ZH_AFTER_NAME_ONLY and _zh_after_head(text, head_start):
            continue  # 同江物流园项目: the project of the park, which keeps its own name
        signed = linked.language == "ja" and head.kind == "Agreement" and text.startswith(g.ja_signed_after, head_end)
        if linked.language == "zh" and linked.words:
            start = _zh_left(
                text, head_start, linked.words, word_starts, known, head.cls == "Project", head.cls, head.national
            )
        else:
            start = _cjk_left(
                text, head_start, linked.language, known, verbs_stop=not (signed or discovery_ja.compound_head(head))
            )
        if linked.language == "ja" and head.kind == "Agreement":
            about = _ja_about_before(text, head_start if start is None else start, known)
            if about != (head_start if start is None else start):
                signed, start = True, about
        if linked.language == "ja":
            widened = _ja_parenthesised_place(text, head_start if start is None else start, known, catalog)
            start = start if widened is None else widened
        if linked.language == "ja" and start is not None:
            quoted_start = _ja_bracket_before(text, start)
            signed = signed or quoted_start != start
            start = quoted_start
        route = False
        if start is not None:
            start = _with_pair(text, _past_country(start, head_start, known, catalog), head_start)
            paired = _dash_pair(text, start, known, catalog)
            if paired is None and linked.language == "ja":
                paired = _ja_dot_pair(text, start, known, catalog)
            route = paired is not None
            start = paired if paired is not None else start
        if start is None or head_start - start < max(head.min, 1):
            continue
        edition = words_from = start
        if linked.language == "zh" and head.cls == "Event":
            start = _zh_edition(text, start)  # 第八届中俄博览会: one edition, not the series
            if start == edition:
                start, edition, words_from = _zh_oriented_edition(text, start)
        if linked.language == "ja" and head.cls == "Event" and text.startswith("回", start):
            begin = next(
                (b for b in range(max(0, start - 5), start) if _JA_EDITION.fullmatch(text, b, start + 1)), None
            )
            if begin is not None:  # 第5回中露国境貿易博覧会: the edition's number, not a word 回
                edition, start = start + 1, begin
        institution = linked.language == "zh" and _zh_institution(linked.words, start, head_end)
        proper_here = _ja_event_proper(text) if linked.language == "ja" and head.cls == "Event" else proper
        # 物流センター建設協定に署名した: the signing makes the agreement a name whatever its words
        long_named = _cjk_long_named(text, start, head_start, head)
        modifier_parts = _cjk_parts(
            text,
            start if words_from == start else words_from,
            head_start,
            known,
            catalog,
            proper_here,
            titled=bool(signed or institution or long_named or words_from != start),  # an edition names it
        )
        if modifier_parts is None or (head.form in _ZH_AFTER_NAME_ONLY and _zh_country_only(modifier_parts, catalog)):
            continue
        if _cjk_country_kind_only(modifier_parts, head, catalog):
            continue  # 俄罗斯物流中心 a Russian logistics centre: a country and a kind of thing, no name
        if linked.language == "zh" and _zh_oriented(text, start):
            continue  # 对俄口岸, 对俄技术合作中心: a Russia-oriented kind of thing, no name  # 俄罗斯技术转让项目: a country's projects of a kind, no project of its own name
        if institution:  # 国家开发银行, 中国进出口银行: jieba knows the whole as an institution's name
            modifier_parts = tuple(("proper", v) if k == "word" else (k, v) for k, v in modifier_parts)
        series = next((e for a, b, e in known.starting_at(edition) if b == head_end), None) if edition > start else None
        if series is not None:  # the edition and the series it is of: 第八届 + 中俄博览会
            modifier_parts = (("word", _zh_ordinal(text[start:edition])), ("entity", series))
        elif edition > start:  # 第三届中俄农业合作论坛: the edition's number, then the words of the name
            rest = _cjk_parts(text, max(edition, words_from), head_start, known, catalog, proper, titled=True) or ()
            modifier_parts = (("proper", _zh_ordinal(text[start:edition])), *rest)
        a, b = folded.original_span(start, head_end)
        if linked.language == "zh" and head.cls == "Event":
            a = folded.original_span(_zh_event_title(text, start, known, catalog), start)[0]
        label = " ".join(linked.text[a:b].split())
        span = folded.original_span(head_start, head_end)
        names.append(
            Name(a, b, head, label, modifier_parts, head_span=span, route=route, titled=bool(signed or long_named))
        )
    names.extend(_cjk_titles(linked, text, folded, known, catalog, proper))
    if linked.language == "zh" and linked.words:
        places = _zh_places(linked, folded, known, catalog)
        places += _cjk_foreign_places(linked, folded, known, catalog, places)
        names = _cjk_into_place_stems(linked.text, names, places) + places
        built = _zh_built_facilities(linked, folded, known, catalog)
        names += [n for n in built if not any(m.start < n.end and n.start < m.end for m in names)]
    elif linked.language == "ja":
        places = _cjk_foreign_places(linked, folded, known, catalog, [])
        names = (
            _cjk_into_place_stems(linked.text, names, places)
            + places
            + _ja_repeated(linked.text, folded, known, _ja_described_companies(linked.text, folded, known))
            + _ja_repeated(linked.text, folded, known, _ja_kanji_companies(linked.text, folded, known))
            + _ja_repeated(linked.text, folded, known, _ja_ending_companies(linked.text, folded, known))
            + _ja_heads_after_places(linked.text, places, names)
        )
    quoted = _cjk_quoted(linked, text, folded, known, catalog) + _cjk_quoted_kinds(linked, text, folded, known)
    spans = {(n.start, n.end) for n in quoted}
    names = [n for n in names if (n.start, n.end) not in spans]  # the descriptor's reading wins (its place)
    names.extend(quoted)
    return names


def _cjk_long_named(text: str, start: int, head_start: int, head: Head) -> bool:
    """A bank, fund or lender whose modifier is long names one body even in common words (国際協力銀行,
    吉林省対外開放基金, 中国农业发展银行): at least the head's named_at characters, not all of them generic."""
    if not head.named_at or head_start - start < head.named_at:
        return False
    g = grammar()
    rest = text[start:head_start]
    if any(word in rest for word in g.cjk_not_long_named):
        return False
    for word in sorted(g.cjk_generic, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest) >= 2


_JA_ABOUT = tuple(fold(w) for w in ("に関する", "についての"))


def _ja_about_before(text: str, start: int, known) -> int:
    """Japanese: an agreement named by what it is about (観光交流に関する覚書, 林業についての協定): the
    words before に関する belong to its name."""
    about = next((w for w in _JA_ABOUT if text.endswith(w, 0, start)), None)
    if about is None:
        return start
    before = _cjk_left(text, start - len(about), "ja", known, verbs_stop=False)
    return before if before is not None else start


_JA_PAREN_INNER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u30a0-\u30ff]{2,6}")


def _ja_parenthesised_place(
    text: str, start: int, known: SpanIndex[tuple[int, int, str]], catalog: Catalog
) -> int | None:
    """Japanese: a place in brackets inside a name (中国(黒竜江)自由貿易試験区, 〇〇(△△)産業園区: the place the
    zone is in or serves) does not end the modifier; the walk goes on before the opening bracket. The bracket
    holds a known place, or a short run of kanji or katakana a head follows; words must stand before it. Where
    the name then begins, or None."""
    if start < 4 or text[start - 1] != ")":
        return None
    opening = text.rfind("(", max(0, start - 8), start - 1)
    if opening < 1 or not _JA_PAREN_INNER.fullmatch(text, opening + 1, start - 1):
        return None
    inner = next((e for a, b, e in known.starting_at(opening + 1) if b == start - 1), None)
    if inner is not None and catalog[inner].cls not in _ANCHOR_CLASSES:
        return None
    before = _cjk_left(text, opening, "ja", known)
    return before if before is not None and opening - before >= 2 else None


def _ja_bracket_before(text: str, start: int) -> int:
    """Japanese: a bracketed name right before the head's words (「シベリアの力」ガスパイプライン,
    「北の道」物流センター) is part of the name, and its brackets make it one whatever its words."""
    if start == 0 or text[start - 1] not in "」』":
        return start
    opening = text.rfind("「" if text[start - 1] == "」" else "『", max(0, start - 22), start - 1)
    if opening < 0 or any(c in text[opening + 1 : start - 1] for c in "「」『』。、\n"):
        return start
    return opening


def _ja_event_proper(text: str):
    """Japanese event names (東方経済フォーラム): a word of two or more characters that is not one
    of the generic words of names (国際, 経済, 協力, …, set aside before) names the event even when
    it is a common word; the head alone (フォーラム) or generic words only (国際協力フォーラム) do not."""
    return lambda a, b: b - a >= 2


_QUOTED = re.compile(r"[「“『]([^「」“”『』\n]{2,20})[」”』]")


def _cjk_quoted(linked: LinkedText, text: str, folded, known, catalog: Catalog) -> list[Name]:
    """A bracketed name right after a descriptor noun (食品企業「龍江食品」): the descriptor gives
    its class, a known place before the descriptor (黒龍江省の…) where it lies. A bracketed
    name that ends with a head of its own is left to the head rule (in Japanese, after a
    descriptor, it is read here with its own head: _ja_quoted_own_head)."""
    g = grammar()
    names = []
    for match in _QUOTED.finditer(text):
        content_start, content_end = match.span(1)
        content = text[content_start:content_end]
        descriptors = sorted(g.cjk_quote_heads, key=len, reverse=True)
        descriptor = next((d for d in descriptors if text.endswith(d, 0, match.start())), None)
        own = _ja_quoted_own_head(content) if linked.language == "ja" and descriptor is not None else None
        if descriptor is None or (own is None and any(content.endswith(h.form) for h in g.cjk)):
            continue
        if not any(_is_name_char(c, linked.language) for c in content):
            continue
        head = own or g.cjk_quote_heads[descriptor]
        if own is not None:
            content_end -= len(own.form)  # 建設会社「龍江建設集団」: the name is its own words before 集団
        place = _place_before(text, match.start() - len(descriptor), known, catalog)
        if linked.language == "ja" and descriptor.startswith("を"):
            place = None  # AとBを結ぶ「X」: the places before the verb are the link's ends, not where it lies
        a, b = folded.original_span(content_start, match.end(1))
        label = " ".join(linked.text[a:b].split())
        latin = _cjk_latin(text[content_start:content_end]) or _ru_latin(label)
        located = (place[1],) if place is not None else ()
        evidence = folded.original_span(place[0], match.end()) if place is not None else None
        names.append(Name(a, b, head, label, (("proper", latin),), quoted=True, located=located, evidence=evidence))
    return names


def _cjk_quoted_kinds(linked: LinkedText, text: str, folded, known) -> list[Name]:
    """A bracketed term right before a kind noun (「先行発展区」制度, “自由港”政策) names a program or
    model: the name is the bracketed words (names.yaml cjk_quoted_kinds gives the class)."""
    kinds = grammar().cjk_quoted_kinds
    names = []
    for match in _QUOTED.finditer(text):
        kind = next((kinds[k] for k in sorted(kinds, key=len, reverse=True) if text.startswith(k, match.end())), None)
        content_start, content_end = match.span(1)
        if kind is None or not any(_is_name_char(c, linked.language) for c in text[content_start:content_end]):
            continue
        if any(a <= content_start and content_end <= b for a, b, _ in known.overlapping(content_start, content_end)):
            continue  # the catalog names it
        a, b = folded.original_span(content_start, content_end)
        latin = _cjk_latin(text[content_start:content_end])
        if latin:
            label = " ".join(linked.text[a:b].split())
            names.append(Name(a, b, kind, label, (("proper", latin),), quoted=True, titled=True))
    return names


def _ja_quoted_own_head(content: str) -> Head | None:
    """Japanese: the head a bracketed name after a descriptor noun ends with (黒龍江省の建設会社
    「龍江建設集団」): the brackets and the descriptor make it a name whatever words stand before
    the head (建設 would stop the head rule), and the descriptor's place says where it lies."""
    heads = sorted(grammar().cjk, key=lambda h: len(h.form), reverse=True)
    return next((h for h in heads if content.endswith(h.form) and len(content) > len(h.form)), None)


def _place_before(text: str, end: int, known, catalog: Catalog) -> tuple[int, str] | None:
    """A known place that ends right before a descriptor, or before its の/的 and up to six
    characters of the descriptor's own words (黒龍江省の食品企業)."""
    for gap in range(0, 7):
        at = end - gap
        if at <= 0:
            break
        for stop in ("", "の", "的"):
            ending = known.within(max(0, at - len(stop) - 200), at - len(stop))
            place = next(((a, e) for a, b, e in ending if b + len(stop) == at and text.startswith(stop, b)), None)
            if place is not None and catalog[place[1]].cls in _ANCHOR_CLASSES:
                return place
        if gap < 6 and not _HAN.match(text[end - gap - 1]) and not _KATAKANA.match(text[end - gap - 1]):
            if text[end - gap - 1] not in "の的":
                break
    return None


_TITLE = re.compile(r"[《〈『「]([^《》〈〉『』「」\n]{2,40})[》〉』」]")


def _cjk_titles(linked: LinkedText, text: str, folded, known, catalog: Catalog, proper) -> list[Name]:
    """A title in brackets that ends with an agreement or plan head is a name whatever its words
    (《边境贸易合作协定》, 《投资保护备忘录》): the brackets say it."""
    names = []
    for match in _TITLE.finditer(text):
        content_start, content_end = match.span(1)
        head = next((h for h in grammar().cjk_title if text.endswith(h.form, content_start, content_end)), None)
        if head is None or content_end - content_start <= len(head.form):
            continue
        head_start = content_end - len(head.form)
        parts = _cjk_parts(text, content_start, head_start, known, catalog, proper, titled=True)
        if not parts:
            continue
        a, b = folded.original_span(content_start, content_end)
        label = " ".join(linked.text[a:b].split())
        span = folded.original_span(head_start, content_end)
        names.append(Name(a, b, head, label, parts, head_span=span, titled=True))
    return names


@lru_cache(maxsize=1)
def _cjk_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(h.form) for h in grammar().cjk))


@lru_cache(maxsize=512)
def _cjk_head(form: str) -> Head:
    return next(h for h in grammar().cjk if h.form == form)


def _inverse(starts: tuple[int, ...], length: int) -> list[int]:
    """Original offset → folded index (the first folded character at or after it)."""
    inverse = [0] * (length + 1)
    j = 0
    for original in range(length + 1):
        while j < len(starts) and starts[j] < original:
            j += 1
        inverse[original] = min(j, max(0, len(starts) - 1))
    return inverse


def _is_name_char(char: str, language: str) -> bool:
    if _HAN.match(char):
        return True
    return language == "ja" and (bool(_KATAKANA.match(char)) or char == "ー")


def _cjk_left(
    text: str, head_start: int, language: str, known: SpanIndex[tuple[int, int, str]], verbs_stop: bool = True
) -> int | None:
    """Where the modifier before a head begins: back over name characters, not across a stop
    character or stop word (unless verbs_stop is False: a Japanese noun compound, 建設協定), at most
    12 characters; snapped to the start of a known name it cuts."""
    g = grammar()
    limit = 14 if language == "ja" else 12
    start = head_start
    while start > 0 and head_start - start < limit:
        char = text[start - 1]
        if (char in g.cjk_stop_chars or not _is_name_char(char, language)) and not (
            language == "ja" and (discovery_ja.inner_word(text, start - 1) or _ja_katakana_dot(text, start - 1, known))
        ):
            break
        if verbs_stop and any(text.endswith(word, 0, start) for word in g.cjk_stop_words):
            break
        start -= 1
    for a, b, _ in known.overlapping(start, start + 1):
        if a < start < b:
            start = a  # the name contains the whole known name
    if language == "ja":
        opened = start
        while start < head_start and text[start] in g.ja_leading_stop and not known.starting_at(start):
            start += 1
        if opened < start < head_start and text[start - 1 : start + 1] in g.cjk_not_before_head:
            return None  # 大型冷蔵倉庫 a large cold store: the trimmed 大 and 型 are one word, no name
    return start if start < head_start else None


def _ja_katakana_dot(text: str, at: int, known: SpanIndex[tuple[int, int, str]]) -> bool:
    """Japanese: a middle dot (folded ・ → ·) between two katakana words of one foreign name (アムール・ガス
    処理工場, チャヤンダ・ガス田); not before a known name, where the dot lists two places (ハバロフスク・ウラジオストク)."""
    if text[at] != "·" or at == 0 or at + 1 >= len(text):
        return False
    katakana = "\u30a1" <= text[at - 1] <= "\u30fa" or text[at - 1] == "ー"
    return katakana and "\u30a1" <= text[at + 1] <= "\u30fa" and not known.starting_at(at + 1)


_DASHES = "-‐‑‒–—―－~〜～"
_PAIR_LINKS = _DASHES + "至"  # 黑河至布拉戈维申斯克: "to" joins the two places as a dash does


def _dash_pair(text: str, start: int, known: SpanIndex[tuple[int, int, str]], catalog: Catalog) -> int | None:
    """抚远—哈巴罗夫斯克客运码头: a known place, a dash (with or without spaces), and the known place
    the name begins with are one name; where it then begins, or None when there is no such pair."""
    first = next((e for _, _, e in known.starting_at(start)), None)
    if first is None or catalog[first].cls not in _ANCHOR_CLASSES:
        return None
    j = start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == 0 or text[j - 1] not in _PAIR_LINKS:
        return None
    j -= 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    before = next(((a, e) for a, b, e in known.within(max(0, j - 200), j) if b == j), None)
    if before is None or catalog[before[1]].cls not in _ANCHOR_CLASSES or before[1] == first:
        return None
    return before[0]


def _ja_dot_pair(text: str, start: int, known: SpanIndex[tuple[int, int, str]], catalog: Catalog) -> int | None:
    """Japanese: two known places joined by the middle dot before a head (〇〇・△△道路橋, folded ・ → ·) are
    one name, as a dash joins them; where it then begins. A country is no end (日本・新潟: a country and its
    region, not a link of two places)."""
    first = next((e for _, _, e in known.starting_at(start)), None)
    if first is None or start == 0 or text[start - 1] != "·":
        return None
    before = next(((a, e) for a, b, e in known.within(max(0, start - 201), start - 1) if b == start - 1), None)
    if before is None or before[1] == first:
        return None
    classes = _ANCHOR_CLASSES - {"Country"}
    return before[0] if catalog[first].cls in classes and catalog[before[1]].cls in classes else None


def _past_country(start: int, head_start: int, known: SpanIndex[tuple[int, int, str]], catalog: Catalog) -> int:
    """俄罗斯阿穆尔州政府: a country right before another known place is not part of the name."""
    first = next(iter(known.starting_at(start)), None)
    if first is None or catalog[first[2]].cls != "Country":
        return start
    following = next(((a, b, e) for a, b, e in known.starting_at(first[1]) if b <= head_start), None)
    if following is not None and catalog[following[2]].cls in _ANCHOR_CLASSES - {"Country"}:
        return following[0]
    return start


def _with_pair(text: str, start: int, head_start: int) -> int:
    """A country pair the left boundary cut (日|ロ投資フォーラム, 中|俄原油管道) belongs to the name."""
    for pair in sorted(grammar().cjk_pairs, key=len, reverse=True):
        for cut in range(1, len(pair)):
            if text.startswith(pair[cut:], start) and text.endswith(pair[:cut], 0, start):
                return start - cut
    return start


_ZH_AFTER_NAME_ONLY = frozenset({"项目", "基地"})


def _zh_country_only(parts: tuple[tuple[str, str], ...], catalog: Catalog) -> bool:
    """Are a name's only anchors countries (no proper word, no other known name)?"""
    if any(kind == "proper" for kind, _ in parts):
        return False
    return all(
        catalog[value].cls in ("Country", "Industry", "CooperationModel") for kind, value in parts if kind == "entity"
    )


def _zh_after_head(text: str, at: int) -> bool:
    """Chinese: does another head of a name end right before `at` (物流园 before 项目)?"""
    return any(text.endswith(h.form, 0, at) for h in grammar().cjk if h.form not in _ZH_AFTER_NAME_ONLY)


def _zh_left(
    text: str,
    head_start: int,
    segmented,
    starts: list[int],
    known: SpanIndex[tuple[int, int, str]],
    project_head: bool = False,
    head_cls: str = "",
    national: bool = False,
) -> int | None:
    """Chinese: back over whole words in front of the head (at most five, twelve characters),
    stopping at a verb, preposition, pronoun, number, time or direction word or a stop word. A
    country pair (中俄, 中蒙, 中哈) is part of the name wherever jieba cuts it, and the walk goes on
    past it (抚远中俄公路大桥). A ministry joins its two fields by 和 (工业和贸易部, 自然资源和生态部): 和 between
    two common nouns of its name does not end it."""
    g = grammar()
    index = bisect.bisect_right(starts, head_start - 1) - 1
    if index < 0:
        return None
    start = head_start
    if segmented[index].start < head_start < segmented[index].end:  # 商务局: the head ends a word
        start = segmented[index].start
        index -= 1
    taken = 0
    while True:
        while index >= 0 and taken < 5:
            word = segmented[index]
            bracketed = _zh_bracketed_place(segmented, index, known)
            if (
                bracketed is not None
                and head_start - segmented[bracketed].start <= 14
                and not any(len(h.form) > 1 and h.form in text[word.end : head_start] for h in g.cjk)
            ):  # not past another name's head (中国（黑龙江）自由贸易试验区|黑河片区: the area keeps its own name)
                start, index = segmented[bracketed].start, bracketed - 1  # 中俄（哈尔滨）国际物流枢纽
                taken += 1
                continue
            if head_cls == "Park" and any(
                len(h.form) > 1 and h.cls == "Park" and word.text.endswith(h.form) for h in g.cjk
            ):
                break  # 自由贸易试验区|黑河片区: an area of a zone keeps its own name
            if taken == 0 and word.end == start and word.text in g.zh_head_verbs:
                start, index, taken = (
                    word.start,
                    index - 1,
                    1,
                )  # 远东发展银行, 管道运输公司: the activity it is named by
                continue
            if (
                national
                and start < head_start
                and word.text == "和"
                and index > 0
                and segmented[index - 1].flag in ("n", "vn", "l")
                and segmented[index - 1].end == word.start
                and not known.overlapping(segmented[index - 1].start, segmented[index - 1].end)
            ):
                start, index, taken = word.start, index - 1, taken + 1  # 工业|和|贸易部: one ministry of two fields
                continue
            if _zh_glued_preposition(word, g):
                start = word.start + 1  # 由|金禾: jieba glued the preposition to a name it does not know
                break
            if (
                head_start - word.start > 12
                or (
                    word.flag in _STOP_FLAGS
                    and not (word.text in g.zh_name_verbs and project_head)
                    and not (word.text in g.zh_zone_words and head_cls == "Park")
                )
                or word.text in g.cjk_stop_words
                or (
                    any(c in g.cjk_stop_chars or not _is_name_char(c, "zh") for c in word.text)
                    and not any(a == word.start and b == word.end for a, b, _ in known.starting_at(word.start))
                )  # 乌多坎铜矿开发项目: a catalog name is whole, whatever its characters (多)
            ):
                break
            start = word.start
            index -= 1
            taken += 1
        for a, b, _ in known.overlapping(start, start + 1):
            if a < start < b:
                start = a
        pair_start = _pair_before(text, start)
        if pair_start is None or head_start - pair_start > 12:
            break
        start = pair_start
        index = bisect.bisect_right(starts, start - 1) - 1
        if index >= 0 and segmented[index].end > start:  # the pair began inside a word: stop there
            break
        taken += 1
    return start if start < head_start else None


_JA_PREFECTURE = fold("県")
_JA_CITY = fold("市")
# a katakana run, also words joined by the middle dot (folded ・ → ·: コムソモリスク・ナ・アムーレ), or kanji
_JA_STEM = re.compile(
    r"[\u30a0-\u30ff]{2,}(?:·[\u30a0-\u30ff]+)+|[\u30a0-\u30ff]{3,}|[\u3400-\u9fff\uf900-\ufaff]{2,3}"
)


def _cjk_foreign_places(
    linked: LinkedText, folded, known: SpanIndex[tuple[int, int, str]], catalog: Catalog, found: list[Name]
) -> list[Name]:
    """Places the catalog lacks, by the look of their name: a run of transliteration characters
    (zh: 斯科沃罗季诺, 克拉斯基诺镇) or katakana (ja: スヴォボードヌイ地区), with a place suffix that gives
    the class, or without one right after the known region or country it lies in (阿穆尔州斯科沃罗季诺).
    Japanese kanji stems (琿春市, 新潟県) need that known place before them (with or without の) or 県.
    Every later occurrence of the same name is that place too."""
    g = grammar()
    text = folded.text
    suffixes = g.cjk_place_suffixes.get(linked.language, {})
    ordered = sorted(suffixes, key=len, reverse=True)
    taken = bytearray(len(text) + 1)
    to_folded = _inverse(folded.starts, len(linked.text))
    for n in found:
        taken[to_folded[n.start] : to_folded[n.end - 1] + 1] = b"\x01" * (to_folded[n.end - 1] + 1 - to_folded[n.start])
    if linked.language == "zh":
        runs = [m for m in re.finditer("[" + re.escape("".join(sorted(g.zh_translit))) + "]{2,}", text)]
    else:
        runs = list(_JA_STEM.finditer(text))
    names: list[Name] = []
    names_folded: list[Name] = []  # the same, in folded offsets
    labels: dict[str, Name] = {}
    for run in runs:
        a, b = run.span()
        inside = known.overlapping(a, b)
        if inside:  # the run reaches into a known name: only what follows the last one is new
            a = max(e for _, e, _ in inside)
            if b - a < 2:
                continue
        suffix = next((x for x in ordered if text.startswith(x, b)), None)
        kanji = linked.language == "ja" and _HAN.match(text[a]) is not None
        prefecture = False
        if kanji:  # 吉林省の琿春市: a kanji stem ends where a suffix begins inside it (琿春市 → 琿春 + 市)
            cut = next((i for i in range(a + 2, b + 1) if any(text.startswith(x, i) for x in ordered)), None)
            if cut is None:
                continue
            b = cut
            suffix = next(x for x in ordered if text.startswith(x, b))
            prefecture = discovery_ja.prefecture(linked.text, *folded.original_span(a, b + len(suffix)))
            if not prefecture and suffix in discovery_ja.prefecture_suffixes() and suffix != _JA_PREFECTURE:
                continue  # 中心都市, 高速道: 都, 道 and 府 end a place only as a prefecture of the dictionary
            if not prefecture and (
                (text[a] in g.ja_leading_stop and suffix != _JA_PREFECTURE) or common_word(text[a:b])
            ):
                continue  # 同市, 本市; 新潟県 is a prefecture whatever its first kanji
            if _ja_role_noun(text, a, b + len(suffix), g.ja_role_nouns):
                continue  # ハバロフスク地方の中心都市: the city's role, not its name
        elif linked.language == "ja" and suffix in discovery_ja.prefecture_suffixes() and suffix != _JA_PREFECTURE:
            continue  # katakana and 都, 道, 府: no prefecture
        anchor = next(
            (
                e
                for _, t, e in known.within(max(0, a - 201), a)
                if (t == a or (t == a - 1 and text[a - 1] == "の")) and catalog[e].cls in ("Region", "Country", "City")
            ),
            None,
        )
        chained = any(n.end == a for n in names_folded)  # 萨哈共和国恰扬达: after a place found just before
        if kanji and suffix in discovery_ja.district_suffixes():
            stem_span = folded.original_span(a, b)
            if (
                anchor is None
                or catalog[anchor].cls not in ("City", "Region")
                or not discovery_ja.district_stem(linked.text[stem_span[0] : stem_span[1]])
            ):
                continue  # 黒河市の愛輝区: a district only right after its city, and not a common noun (工業区)
        if suffix is None and linked.language == "ja":
            if (
                kanji
                or anchor is None
                or catalog[anchor].cls != "Region"
                or not discovery_ja.town_after_region(text, b, text[a:b])
            ):
                continue  # アムール州のコンスタンチノフカでは: a town after its region, named by no class word
            head = Head("", "", "City")
        elif suffix is None:
            if (
                linked.language != "zh"
                or not chained
                and (anchor is None or catalog[anchor].cls == "City")
                or b - a < 3
            ):
                continue
            head = Head("", "", "City")
        else:
            head = suffixes[suffix]
            if (
                kanji
                and anchor is None
                and not prefecture
                and not chained
                and not _ja_kanji_place_alone(text, a, b, suffix)
            ):
                continue  # 琿春市 after 吉林省の; alone only 新潟県 or a word of two kanji and 市 (富山市に)
            if linked.language == "zh" and suffix in ("州", "市", "区", "港") and b - a < 3 and anchor is None:
                continue  # 两个字 + 市 without its region may be a common word: 斯达市 is left alone
        end = b + (len(suffix) if suffix else 0)
        if any(taken[a:end]) or known.overlapping(a, end):
            continue
        if linked.language == "ja" and suffix and end < len(text) and _HAN.match(text[end]) and not prefecture:
            continue  # シェア市場 is a market share, 地区内 goes on: a Japanese place suffix ends its word
        stem = text[a:b]
        if linked.language == "zh" and common_word(stem):
            continue
        if linked.language == "ja" and not kanji and stem in g.cjk_generic:
            continue  # モデル区, センター地区: a generic loanword and a suffix name no place
        latin = _cjk_latin(stem)
        if not latin:
            continue
        start, stop = folded.original_span(a, end)
        located = (anchor,) if anchor is not None and catalog[anchor].cls != "City" else ()
        if kanji and suffix in discovery_ja.district_suffixes():
            located = (anchor,) if anchor is not None else ()  # 黒河市の愛輝区: the district of its city
        if prefecture:  # 新潟県, 北海道: a prefecture of Japan lies in it
            located = tuple(c for c in (discovery_ja.home_country(),) if c in catalog)
        span = folded.original_span(b, end) if suffix else None
        name = Name(start, stop, head, linked.text[start:stop], (("proper", latin),), head_span=span, located=located)
        taken[a:end] = b"\x01" * (end - a)
        names.append(name)
        names_folded.append(replace(name, start=a, end=end))
        labels.setdefault(name.label, name)
    for label, first in labels.items():  # the same name later in the text, without its region
        for match in re.finditer(re.escape(fold(label)), text):
            if any(taken[match.start() : match.end()]) or known.overlapping(match.start(), match.end()):
                continue
            start, stop = folded.original_span(match.start(), match.end())
            names.append(replace(first, start=start, end=stop, located=(), evidence=None, head_span=None))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return names


_JA_COMPANY = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff]{0,4}[\u30a0-\u30ff・]*[\u30a0-\u30ff]{3,}(?=[\u3040-\u309f、。，）)「]|$)"
)
_JA_COMPANY_HEAD = Head("", "Company", "Organization", "Company")


def _ja_heads_after_places(text: str, places: list[Name], names: list[Name]) -> list[Name]:
    """Japanese: a place found in the text, then a head right after its stem (新潟県 … 新潟港): the
    port or zone of that place, though its first kanji (新) would not open a name elsewhere."""
    heads = [h for h in grammar().cjk if h.cls in ("Port", "Park") and not h.route]
    found = []
    taken = [(n.start, n.end) for n in names]
    for place in places:
        stem = place.label[: len(place.label) - len(place.head.form)] if place.head.form else place.label
        if len(stem) < 2:
            continue
        for hit in re.finditer(re.escape(stem), text):
            end = hit.end()
            head = next((h for h in heads if fold(text[end : end + len(h.form)]) == h.form), None)
            if head is None or any(a < end + len(head.form) and hit.start() < b for a, b in taken):
                continue
            span = (end, end + len(head.form))
            found.append(Name(hit.start(), span[1], head, text[hit.start() : span[1]], place.parts, head_span=span))
    return found


def _ja_described_companies(original: str, folded, known: SpanIndex[tuple[int, int, str]]) -> list[Name]:
    """Japanese: a katakana name without a legal suffix right after a class noun and の or である
    (物流大手の日本海ロジスティクスは, 物流会社である越後ロジテックは) is a company; up to four kanji may
    open it (日本海, 越後). It must end in katakana before a particle, so 企業のロシア進出 stays words."""
    g = grammar()
    text = folded.text
    names = []
    for descriptor in g.ja_company_descriptors:
        for hit in re.finditer(re.escape(descriptor), text):
            link = next((w for w in g.ja_company_links if text.startswith(w, hit.end())), None)
            if link is None:
                continue
            match = _JA_COMPANY.match(text, hit.end() + len(link))
            if match is None or match.end() - match.start() > 16:
                continue
            if not link and any(text.startswith(d, match.start()) for d in g.ja_company_descriptors):
                continue  # 大手メーカーの: a descriptor after another, no name after either
            a, b = match.span()
            if any(s <= a and b <= e for s, e, _ in known.overlapping(a, b)):
                continue  # a known name
            start, end = folded.original_span(a, b)
            names.append(
                Name(
                    start, end, _JA_COMPANY_HEAD, original[start:end], (("proper", _cjk_latin(text[a:b])),), titled=True
                )
            )
    return names


def _ja_repeated(original: str, folded, known: SpanIndex[tuple[int, int, str]], names: list[Name]) -> list[Name]:
    """Japanese: firms introduced by a class noun, and every later whole-word occurrence of the same name
    (物流会社の〇〇は … 〇〇は): the later bare mention is that firm. A whole word: no katakana or kanji
    goes on from it on either side."""
    found = list(names)
    taken = [(n.start, n.end) for n in names]
    for name in {n.label: n for n in names}.values():
        for hit in re.finditer(re.escape(fold(name.label)), folded.text):
            a, b = hit.span()
            before, after = folded.text[a - 1 : a], folded.text[b : b + 1]
            if any(c and (_HAN.match(c) or _KATAKANA.match(c)) for c in (before, after)):
                continue
            start, end = folded.original_span(a, b)
            if any(s < end and start < e for s, e in taken) or any(
                s < a or e > b or (s, e) == (a, b) for s, e, _ in known.overlapping(a, b)
            ):
                continue  # a known name, or one it cuts (a place or sector inside it is part of the name)
            found.append(replace(name, start=start, end=end))
            taken.append((start, end))
    return found


def _ja_kanji_companies(original: str, folded, known: SpanIndex[tuple[int, int, str]]) -> list[Name]:
    """Japanese: a firm named in kanji without a legal suffix after a class noun and の or である
    (地元企業の〇〇炭鉱開発が, 穀物企業である〇〇穀物加工が); discovery_ja decides it is a name."""
    g = grammar()
    extra = tuple(fold(w) for w in discovery_ja.data().get("company_descriptors", ()))
    names = []
    for a, b, start, end in discovery_ja.kanji_companies(original, folded, g.ja_company_descriptors + extra):
        if any(s < a or e > b or (s, e) == (a, b) for s, e, _ in known.overlapping(a, b)):
            continue  # a known name, or one it cuts; a sector inside it (木材加工) is part of the firm's name
        latin = _cjk_latin(folded.text[a:b])
        if latin:
            names.append(Name(start, end, _JA_COMPANY_HEAD, original[start:end], (("proper", latin),), titled=True))
    return names


def _ja_ending_companies(original: str, folded, known: SpanIndex[tuple[int, int, str]]) -> list[Name]:
    """Japanese: a firm with no class noun before it, named by a katakana ending of a firm (〇〇トレーディングは,
    〇〇トランスが): a whole run of up to four kanji and katakana before a particle; discovery_ja decides."""
    text = folded.text
    after = tuple(fold(w) for w in discovery_ja.data().get("firm_after", ()))
    generic = frozenset(grammar().cjk_generic)
    names = []
    for match in _JA_COMPANY.finditer(text):
        a, b = match.span()
        if a > 0 and (_HAN.match(text[a - 1]) or _KATAKANA.match(text[a - 1])):
            continue  # not a whole run
        if not text.startswith(after, b) or b - a > 16:
            continue
        if known.overlapping(a, b):
            continue  # a known name, or one in it (a place before the ending is left to the head rules)
        start, end = folded.original_span(a, b)
        if not discovery_ja.firm_by_ending(original[start:end], generic):
            continue
        latin = _cjk_latin(text[a:b])
        if latin:
            names.append(Name(start, end, _JA_COMPANY_HEAD, original[start:end], (("proper", latin),), titled=True))
    return names


def _ja_role_noun(text: str, a: int, b: int, nouns: tuple[str, ...]) -> bool:
    """Japanese: does a role noun (中心都市, 州都) overlap the span a..b of a would-be kanji place name?"""
    for noun in nouns:
        start = text.find(noun, max(0, a - len(noun) + 1), b + len(noun) - 1)
        if start != -1 and start < b and start + len(noun) > a:
            return True
    return False


def _ja_kanji_place_alone(text: str, a: int, b: int, suffix: str) -> bool:
    """Japanese: is a kanji stem and its suffix a place without a known place before it? A
    prefecture opening its kanji run (新潟県), or two kanji and 市 standing as a word of their own
    (富山市に本社を置く; not 工業都市, whose run is longer)."""
    opens = a == 0 or not _HAN.match(text[a - 1])
    if suffix == _JA_PREFECTURE:
        return bool(opens)
    end = b + len(suffix)
    closes = end >= len(text) or not _HAN.match(text[end])
    return suffix == _JA_CITY and b - a == 2 and bool(opens) and closes and text[a] not in grammar().ja_leading_stop


def _cjk_into_place_stems(text: str, names: list[Name], places: list[Name]) -> list[Name]:
    """A name whose left edge cuts a place the same text names (比|金大豆产业园 beside 比金市: jieba
    read 比 as "than") begins with that place: its edge moves back to the place's first character."""
    stems = {p.label[: -len(p.head.form)] for p in places if len(p.label) - len(p.head.form) >= 2}
    fixed = []
    for name in names:
        for stem in sorted(stems, key=len, reverse=True):
            cut = next(
                (
                    k
                    for k in range(1, len(stem))
                    if name.start >= k
                    and text.startswith(stem[:k], name.start - k)
                    and text.startswith(stem[k:], name.start)
                ),
                None,
            )
            if cut is not None:
                begin = name.start - cut
                name = replace(
                    name,
                    start=begin,
                    label=text[begin : name.end],
                    parts=(("proper", _cjk_latin(stem[:cut])), *name.parts),
                )
                break
        fixed.append(name)
    return fixed


def _cjk_country_kind_only(parts: tuple[tuple[str, str], ...], head: Head, catalog: Catalog) -> bool:
    """Is the modifier of a facility, zone or port only a country with sectors or generic words
    (俄罗斯物流中心 a Russian logistics centre, 中国口岸)? Events, agreements and bodies named so
    (中国—俄罗斯博览会, 俄罗斯农业部) are left to their own rules."""
    if head.cls not in ("Project", "Park", "Port") or any(k == "proper" for k, _ in parts):
        return False
    entities = [catalog[v].cls for k, v in parts if k == "entity"]
    return "Country" in entities and all(c in ("Country", "Industry", "CooperationModel") for c in entities)


def _zh_oriented(text: str, start: int) -> bool:
    """Chinese: does a modifier begin inside a generic 对-word (对|俄口岸 a port facing Russia, 对|俄技术合作中心)?"""
    return start > 0 and any(w.startswith("对") and text.startswith(w, start - 1) for w in grammar().cjk_generic)


def _zh_glued_preposition(word: Word, g: Grammar) -> bool:
    """Chinese: is the word a preposition jieba glued to an unknown name as a person's name (由金禾/nr)?"""
    return (
        word.flag in ("nr", "nrt", "nrfg")
        and len(word.text) >= 3
        and word.text[0] in g.zh_glued_prepositions
        and all(_HAN.match(c) for c in word.text)
    )


def _zh_coined(word: Word) -> bool:
    """Chinese: a noun of two or three characters that jieba does not have in its dictionary
    (龙垦, 恒信): a coined brand or trade name, proper in a name before a head."""
    return (
        word.flag in ("n", "nz", "nr", "nrt")
        and 2 <= len(word.text) <= 3
        and all(_HAN.match(c) for c in word.text)
        and not common_word(word.text)
    )


def _zh_bracketed_place(segmented, index: int, known: SpanIndex[tuple[int, int, str]]) -> int | None:
    """Chinese: the index of the opening bracket when words index-2..index are a known place in
    brackets inside a name (中俄（哈尔滨）国际物流枢纽, the place the hub serves), else None."""
    if index < 2 or segmented[index].text != ")" or segmented[index - 2].text != "(":
        return None
    inner = segmented[index - 1]
    if not any(a == inner.start and b == inner.end for a, b, _ in known.starting_at(inner.start)):
        return None
    return index - 2


_JA_EDITION = re.compile(r"第[0-9０-９一二三四五六七八九十]{1,4}回")
_ZH_EDITION = re.compile(r"第[0-9０-９一二三四五六七八九十百零〇两]{1,4}[届次]")
_ZH_FIRST_EDITION = ("首届", "首次")  # before a 对-word only: 首届中俄博览会 is the catalog's series


def _zh_event_title(text: str, start: int, known: SpanIndex[tuple[int, int, str]], catalog: Catalog) -> int:
    """Chinese fairs are titled by their country and town before the name (中国·黑河第二届…洽谈会, 中国哈尔滨国际…
    洽谈会): a country, a middle dot and a town right before an event's name belong to its title, so that they
    state neither a compound nor a host. Where the title begins (start when there is no such prefix)."""

    def ending(at: int, classes: frozenset[str]) -> tuple[int, int, str] | None:
        at -= 1 if at > 0 and text[at - 1] == "·" else 0
        return next((k for k in known.within(max(0, at - 30), at) if k[1] == at and catalog[k[2]].cls in classes), None)

    town = ending(start, frozenset({"City", "Region"}))
    country = ending(town[0] if town is not None else start, frozenset({"Country"}))
    return country[0] if country is not None else start


def _zh_edition(text: str, start: int) -> int:
    """Where an event's name begins when an edition number stands before it (第八届, 第3次)."""
    for begin in range(max(0, start - 7), start):
        if _ZH_EDITION.fullmatch(text, begin, start):
            return begin
    return start


_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def _zh_oriented_edition(text: str, start: int) -> tuple[int, int, int]:
    """首届对俄农机出口洽谈会: the walk stopped at a 对-word (对俄), which an edition's number before it makes part
    of the event's name; the name's start, the edition's end and where the name's words begin after the 对-word
    (start three times when there is none)."""
    at = next(  # the walk stops before the 对-word or, when jieba glued 对 to the country, inside it
        (
            (i, i + len(w))
            for w in grammar().zh_event_orientations
            for i in range(max(0, start - len(w)), start)
            if text.startswith(w, i)
        ),
        None,
    )
    if at is None:
        return start, start, start
    begin = at[0] - 2 if text.startswith(_ZH_FIRST_EDITION, at[0] - 2) else _zh_edition(text, at[0])
    return (begin, at[0], at[1]) if begin < at[0] else (start, start, start)


def _zh_ordinal(edition: str) -> str:
    """第八届 → 8th, 第十二次 → 12th, 第3届 → 3rd, 首届 → 1st (the edition's number in English)."""
    if edition.startswith("首"):
        return "1st"
    digits = edition[1:-1].translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if digits.isdigit():
        number = int(digits)
    else:
        number, current = 0, 0
        for char in digits:
            if char in _ZH_DIGITS:
                current = _ZH_DIGITS[char]
            elif char in "十百":
                number += (current or 1) * (10 if char == "十" else 100)
                current = 0
        number += current
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _zh_edition_of(name: Name, mention: Mention, catalog: Catalog) -> bool:
    """Is the name an edition (第八届…) of the catalog's event it ends with?"""
    return (
        catalog[mention.entity].cls == "Event"
        and mention.end == name.end
        and _ZH_EDITION.fullmatch(name.label[: max(0, mention.start - name.start)]) is not None
    )


_ZH_PLACE_HEADS = {
    "市": Head("市", "City", "City"),
    "县": Head("县", "County", "City"),
    "区": Head("区", "District", "City"),
}


def _zh_places(linked: LinkedText, folded, known: SpanIndex[tuple[int, int, str]], catalog: Catalog) -> list[Name]:
    """Cities and counties the catalog lacks: a word jieba tags as a place name (ns) ending in 市 or
    县 (珲春市, 大连市); a district (区) only right after the known region or city it lies in
    (滨海边疆区哈桑区). The known place right before the name is where it lies (吉林省珲春市)."""
    g = grammar()
    names = []
    for word in linked.words:
        head = _ZH_PLACE_HEADS.get(word.text[-1:])
        stem = word.text[:-1]
        if head is None or word.flag not in ("ns", "n") or len(stem) < 2 or stem in g.cjk_generic:
            continue
        if stem.endswith(("地", "城", "山", "林", "边疆", "新", "开发", "合作", "自治", "经济", "保税")):
            continue  # 地区, 新区, 开发区, 边疆区: an area or a park, not a place of its own
        if known.overlapping(word.start, word.end):
            continue
        before = next(
            ((a, e) for a, b, e in known.within(max(0, word.start - 12), word.start) if b == word.start), None
        )
        outer = before[1] if before is not None and catalog[before[1]].cls in ("Region", "City", "Country") else None
        if (head.form == "区" or word.flag != "ns") and outer is None:
            continue  # 辽宁省营口市: a word jieba does not know as a place is one only after its region
        if any(c in g.cjk_stop_chars for c in stem):
            continue
        a, b = folded.original_span(word.start, word.end)
        latin = _cjk_latin(stem)
        if not latin:
            continue
        located = (outer,) if outer is not None else ()
        names.append(Name(a, b, head, linked.text[a:b], (("proper", latin),), head_span=(b - 1, b), located=located))
    return names + _zh_places_after(linked, folded, known, catalog) + _zh_townships(linked, folded, known, catalog)


_ZH_ACTIVITY_FLAGS = frozenset("n vn l nz j".split())


def _zh_built_facilities(
    linked: LinkedText, folded, known: SpanIndex[tuple[int, int, str]], catalog: Catalog
) -> list[Name]:
    """A facility named in common words where the text builds it at a named place: the known place, a
    construction verb, then nouns and activity verbs up to a facility head (在饶河|建设|粮食加工|园区, 在阿穆尔州|
    建设|大豆|种植|和|加工|基地). The place is where it lies. Without the place before the verb (鼓励各地建设
    农产品加工园区) it stays a kind of facility."""
    g = grammar()
    if not g.zh_build_verbs or not g.zh_built_heads:
        return []
    text = folded.text
    words = linked.words
    place_ends = {b: e for _, b, e in known.within(0, len(text)) if catalog[e].cls in ("City", "Region", "Country")}
    names = []
    for i, verb in enumerate(words):
        if verb.text not in g.zh_build_verbs or verb.start not in place_ends:
            continue
        place = place_ends[verb.start]
        activity = False
        for j in range(i + 1, min(i + 7, len(words))):
            word = words[j]
            if word.end - verb.end > 12:
                break
            head_form = next((h for h in g.zh_built_heads if word.text.endswith(h)), None)
            if head_form is not None and j > i + 1 or (head_form is not None and len(word.text) > len(head_form)):
                a0, head_start = verb.end, word.end - len(head_form)
                inside = [e for _, _, e in known.overlapping(a0, head_start)]
                if head_start - a0 < 2 or not activity or any(catalog[e].cls != "Industry" for e in inside):
                    break  # an industry inside is what it does (木材加工基地); another name inside is its own
                if words[i + 1].text in g.cjk_not_before_head or text[a0 : a0 + 2] in g.cjk_not_before_head:
                    break  # 建设大型园区: a large park is no name (大豆 is soybeans)
                parts = _cjk_parts(text, a0, head_start, known, catalog, lambda a, b: False, titled=True)
                if not parts:
                    break
                a, b = folded.original_span(a0, word.end)
                span = folded.original_span(head_start, word.end)
                head = _cjk_head(head_form)
                names.append(Name(a, b, head, linked.text[a:b], parts, head_span=span, titled=True, located=(place,)))
                break
            if word.text in g.zh_name_verbs or word.text in g.zh_head_verbs or word.flag == "l":
                activity = True
            elif word.text in ("和", "与") and activity:
                continue  # 种植和加工: two activities of one facility
            elif word.flag not in _ZH_ACTIVITY_FLAGS or word.text in g.cjk_stop_words:
                break
    return names


_ZH_TOWNSHIP_STOP_FLAGS = frozenset("v vd vi vn vg p c u uj ul d r rr rz m mq q t tg ad a an b y e o x".split())


def _zh_townships(linked: LinkedText, folded, known: SpanIndex[tuple[int, int, str]], catalog: Catalog) -> list[Name]:
    """A township, town or village the catalog lacks right after the known county or city it lies in
    (饶河县|西林子乡, 逊克县|奇克镇): two to four Han characters in whole jieba words, none of them a verb,
    pronoun, number or function word, then the suffix ending a word; one common noun alone (新农村) is no name."""
    g = grammar()
    if not g.zh_township_suffixes:
        return []
    text = folded.text
    by_start = {w.start: w for w in linked.words}
    names = []
    for _, b0, entity in known.within(0, len(text)):
        if catalog[entity].cls not in ("City", "Region"):
            continue
        position, pieces = b0, []
        while position in by_start and position - b0 <= 5:
            word = by_start[position]
            if word.flag in _ZH_TOWNSHIP_STOP_FLAGS or not all(_HAN.match(c) for c in word.text):
                break
            pieces.append(word)
            position = word.end
            head = g.zh_township_suffixes.get(text[position - 1])
            stem = text[b0 : position - 1]
            if head is None or not 2 <= len(stem) <= 4:
                continue
            if len(pieces) == 1 and word.flag not in _PROPER_FLAGS:
                break  # 新农村, 城乡: a common word ending in the suffix
            if (
                known.overlapping(b0, position)
                or stem in g.cjk_generic
                or any(c in g.cjk_stop_chars for c in stem)
                or any(w in stem for w in g.cjk_stop_words)
            ):
                break
            latin = _cjk_latin(stem)
            if latin:
                a, b = folded.original_span(b0, position)
                names.append(
                    Name(a, b, head, linked.text[a:b], (("proper", latin),), head_span=(b - 1, b), located=(entity,))
                )
            break
    return names


def _zh_places_after(
    linked: LinkedText, folded, known: SpanIndex[tuple[int, int, str]], catalog: Catalog
) -> list[Name]:
    """A transliterated place jieba cuts in pieces before its 市 or 区 (俄罗斯|新西伯利亚|市, 阿穆尔州|别洛|
    戈尔|斯克市), right after the known country or region it lies in: proper or noun pieces only."""
    g = grammar()
    text = folded.text
    by_start = {w.start: w for w in linked.words}
    names = []
    for _, b0, entity in known.within(0, len(text)):
        if catalog[entity].cls not in ("Country", "Region"):
            continue
        position = b0
        pieces: list[Word] = []
        while position in by_start and len(pieces) < 4 and position - b0 <= 10:
            word = by_start[position]
            if word.flag in _STOP_FLAGS - {"n"} or (len(word.text) == 1 and word.text in g.cjk_stop_chars):
                break  # 比金市: a stop character inside a longer word (比金) stops nothing
            pieces.append(word)
            position = word.end
            head = _ZH_PLACE_HEADS.get(word.text[-1:])
            stem = text[b0 : position - 1]
            if head is None or head.form == "县" or len(stem) < 2 or len(pieces) < 2 and word.text == text[b0:position]:
                continue  # one word ending in 市 is _zh_places' case
            if (
                known.overlapping(b0, position)
                or stem in g.cjk_generic
                or not (any(w.flag in _PROPER_FLAGS for w in pieces) or _zh_short_stem(entity, stem, catalog))
            ):
                break
            if stem.endswith(("地", "城", "边疆", "新", "开发", "合作", "自治", "经济", "保税")):
                break
            a, b = folded.original_span(b0, position)
            latin = _cjk_latin(stem)
            if latin:
                names.append(
                    Name(a, b, head, linked.text[a:b], (("proper", latin),), head_span=(b - 1, b), located=(entity,))
                )
            break
    return names


def _zh_short_stem(entity: str, stem: str, catalog: Catalog) -> bool:
    """哈巴罗夫斯克边疆区比金市: two to four characters before 市 right after a known region name a
    town even when jieba takes them for common words."""
    return catalog[entity].cls == "Region" and 2 <= len(stem) <= 4 and all(_HAN.match(c) for c in stem)


def _zh_institution(segmented, start: int, end: int) -> bool:
    """Is the span one word jieba tags as the name of an institution (nt): 国家开发银行?"""
    return any(w.start == start and w.end == end and w.flag == "nt" for w in segmented)


def _pair_before(text: str, start: int) -> int | None:
    """Where a country pair ending at start, or cut by start (中|俄), begins."""
    pairs = sorted(grammar().cjk_pairs, key=len, reverse=True)
    pair = next((p for p in pairs if text.endswith(p, 0, start)), None)
    if pair is not None:
        return start - len(pair)
    for p in pairs:
        for cut in range(1, len(p)):
            if text.startswith(p[cut:], start) and text.endswith(p[:cut], 0, start):
                return start - cut
    return None


_STOP_FLAGS = frozenset("v vd vi vg p c u uj ul uz ug ud uv r rr rz m mq q t tg f y e o ad d dg zg x z k h".split())
_PROPER_FLAGS = frozenset("ns nsf nr nrt nrfg nz nt j eng".split())


def _cjk_parts(
    text: str,
    start: int,
    end: int,
    known: SpanIndex[tuple[int, int, str]],
    catalog: Catalog,
    proper_at,
    titled: bool = False,
) -> tuple[tuple[str, str], ...] | None:
    """The modifier split into known entities, translated words and proper pieces (pinyin or romaji);
    None when nothing in it names anything (国际合作论坛 is no name) unless a title's brackets do."""
    g = grammar()
    parts: list[tuple[str, str]] = []
    proper = anchored = False
    i = start
    words = sorted(set(g.words["cjk"]) | g.cjk_generic, key=len, reverse=True)
    pending = ""
    pending_start = start

    def flush() -> None:
        nonlocal pending, proper
        if pending:
            latin = _cjk_latin(pending)
            if latin:
                parts.append(("proper", latin))
                proper = proper or proper_at(pending_start, pending_start + len(pending))
            pending = ""

    while i < end:
        mention = next(((a, b, e) for a, b, e in known.starting_at(i) if b <= end), None)
        if mention is not None:
            flush()
            parts.append(("entity", mention[2]))
            if catalog[mention[2]].cls not in ("Industry", "CooperationModel"):
                anchored = True
            i = mention[1]
            continue
        word = next((w for w in words if text.startswith(w, i) and i + len(w) <= end), None)
        if word is not None:
            flush()
            translated = g.words["cjk"].get(word)
            if translated is None:
                translated = _cjk_latin(word)
            elif word in g.cjk_pairs:  # 中俄博览会, 中俄原油管道: a pairing of countries names it
                proper = True
                parts.append(("proper", translated))
                i += len(word)
                continue
            if word in g.cjk_not_before_head and i + len(word) == end and not titled:
                return None  # 新码头, 大型园区: a new wharf is no name
            parts.append(("word", translated))
            i += len(word)
            continue
        if text[i] in _PAIR_LINKS and parts and parts[-1][0] == "entity":
            flush()  # the dash or 至 between two places says nothing of its own
            i += 1
            continue
        if not pending:
            pending_start = i
        pending += text[i]
        i += 1
    flush()
    if proper:
        parts = [("proper", v) if k == "proper" else (k, v) for k, v in parts]
    else:
        parts = [("word", v) if k == "proper" else (k, v) for k, v in parts]
        if not anchored and not titled:
            return None
    return tuple(parts)


def _cjk_latin(piece: str) -> str:
    out = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[\u30a0-\u30ff]+|[a-z0-9]+", piece):
        out.append(pinyin(run) if _HAN.match(run) else kana_to_romaji(run) if _KATAKANA.match(run) else run)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Russian: adjectives in agreement before a head, or a genitive chain after a head-first noun.
# ---------------------------------------------------------------------------------------------

_RU_TOKEN = re.compile(
    r"«[^»\n]{1,80}»|\"[^\"\n]{1,80}\"|„[^“\n]{1,80}“|[A-Za-zА-Яа-яЁё0-9]+(?:-[A-Za-zА-Яа-яЁё0-9]+)*|\S"
)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    entity: str | None = None  # the known entity whose mention this token lies in

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def quoted(self) -> bool:
        return self.text[:1] in '«"„'

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _tokens(linked: LinkedText, pattern: re.Pattern) -> list[_Token]:
    spans = sorted((m.start, m.end, m.entity) for m in linked.mentions)
    bounds = {m.start for m in linked.mentions} | {m.end for m in linked.mentions}
    tokens = []
    j = 0
    for piece, start in _split_at_mentions(pattern, linked.text, bounds):
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        entity = spans[j][2] if j < len(spans) and spans[j][0] <= start < spans[j][1] else None
        tokens.append(_Token(piece, start, start + len(piece), entity))
    return tokens


def _split_at_mentions(pattern: re.Pattern, text: str, bounds: set[int]) -> Iterable[tuple[str, int]]:
    """The pattern's tokens, a hyphenated word cut at a hyphen where a known name ends or begins
    (Fuyuan-Khabarovsk → Fuyuan, -, Khabarovsk)."""
    for match in pattern.finditer(text):
        word, start = match.group(), match.start()
        if word[:1] in '«"„':  # a quoted name is one token («Амур-Форест», though Амур is a river)
            yield word, start
            continue
        cuts = [k for k, c in enumerate(word) if c == "-" and 0 < k < len(word) - 1]
        cuts = [k for k in cuts if start + k in bounds or start + k + 1 in bounds]
        previous = 0
        for k in cuts:
            yield word[previous:k], start + previous
            yield "-", start + k
            previous = k + 1
        yield word[previous:], start + previous


def _sentence_initial(linked: LinkedText, offset: int) -> bool:
    """Does the word at offset open a sentence or a line (so its capital says nothing)?"""
    j = offset - 1
    while j >= 0 and linked.text[j] in " \t":
        j -= 1
    return j < 0 or linked.text[j] in '.!?…:\n\r#*>-–—•("«'


def _russian_names(linked: LinkedText, catalog: Catalog) -> list[Name]:
    g = grammar()
    tokens = _tokens(linked, _RU_TOKEN)
    morph = analyzer()
    names = []
    place_adjectives = _place_adjectives(catalog)
    max_head = max(len(h.form.split()) for h in g.ru)
    i = 0
    while i < len(tokens):
        head, size = _ru_head_at(tokens, i, max_head)
        if head is None:
            quote = _ru_quoted(tokens, i) or _ru_quoted_own_head(tokens, i)
            if quote is not None:
                names.append(quote)
            i += 1
            continue
        head_tokens = tokens[i : i + size]
        noun = next((t.text for t in head_tokens if _noun_parse(t.text).tag.POS == "NOUN"), head_tokens[-1].text)
        before = _ru_before(tokens, i, noun)
        head_first = head.form in g.ru_head_first
        about = head.kind == "Agreement"
        takes_after = head_first or not before or head.route  # грузовая переправа Благовещенск — Хэйхэ
        after = _ru_after(tokens, i + size, head_first, catalog, about) if takes_after else []
        if i + size < len(tokens) and tokens[i + size].quoted:  # приморская компания «Восход»: the quote names it
            quoted = tokens[i + size]
            label = quoted.text[1:-1].strip()
            if label and label[:1].isupper():
                places = tuple(  # a city or region, not a nationality (китайская корпорация)
                    p
                    for k, p in (_ru_part(t, place_adjectives) for t in before)
                    if k == "entity" and p and p in catalog and catalog[p].cls in ("City", "Region")
                )
                evidence = (before[0].start, quoted.end) if places else None
                latin = _ru_latin(label)
                name = Name(quoted.start + 1, quoted.end - 1, head, label, (("proper", latin),), quoted=True)
                if head.cls in _RU_HEAD_ALIASED:  # тепличного комплекса «X»: тепличный комплекс «X»
                    noun_phrase = _ru_nominative(before, head_tokens, [], morph, "", head.written)
                    name = replace(name, alias=f"{noun_phrase[:1].lower()}{noun_phrase[1:]} «{label}»")
                names.append(replace(name, located=places, evidence=evidence))
            i += size + 1
            continue
        quoted_after = _ru_quote_after_chain(tokens, i + size + len(after), head, after, head_first)
        if quoted_after is not None:  # Форум приграничных территорий «Амур — река дружбы»: the quote names it
            phrase = _ru_nominative(before, head_tokens, after, morph, linked.text, head.written)
            names.append(replace(quoted_after, alias=f"{phrase} «{quoted_after.label}»"))
            i += size + len(after) + 1
            continue
        placed = _ru_placed_facility(tokens, i, size, head, before, after, catalog)
        if placed is not None:  # деревообрабатывающий комбинат в Лесозаводске
            noun_phrase = _ru_nominative(before, head_tokens, [], morph, "", head.written)
            names.append(replace(placed, label=noun_phrase + placed.label))
            i += size
            continue
        parts = tuple(
            _ru_part(t, place_adjectives)
            for t in before + after
            if (t.word or t.quoted) and t.text.lower() not in _RU_LINK_WORDS
        )
        if before and parts and parts[0][0] == "word" and before[0].capitalised:
            if not _sentence_initial(linked, before[0].start):  # Восточный экономический форум: the capital says it
                parts = (("proper", parts[0][1]),) + parts[1:]
        all_tokens = before + head_tokens + after
        start, end = all_tokens[0].start, all_tokens[-1].end
        capitalised_head = head_tokens[0].capitalised and not _sentence_initial(linked, head_tokens[0].start)
        if about and after and (head_tokens[0].capitalised or _ru_signed_near(tokens, i)):
            capitalised_head = True  # "Соглашение о …" opening a sentence, "подписано соглашение о …": a document
        proper = any(k == "entity" or k == "proper" for k, _ in parts)
        named = (
            (before and before[0].capitalised and (proper or not _sentence_initial(linked, before[0].start)))
            or (capitalised_head and after)
            or (proper and any(t.entity or t.capitalised for t in before + after))
        )
        if named and _ru_weak_opening(linked, head, before, after):
            named = False  # "Административный центр края …": a sentence's capital on a common adjective
        if named and _ru_country_opening(linked, before, after, parts, catalog):
            named = False  # "Китайская компания построит …": a country's adjective, capital only by position
        if parts and named:
            label = _ru_nominative(before, head_tokens, after, morph, linked.text, head.written)
            names.append(
                Name(
                    start,
                    end,
                    head,
                    label,
                    tuple((k, v) for k, v in parts if v is not None),
                    head_first=bool(after) and not before and head_first,
                    head_span=(head_tokens[0].start, head_tokens[-1].end),
                    capital=bool(after) and not before and head_first and capitalised_head,
                    route=_dashed_places(before + after, catalog),
                )
            )
        i += size
    kept = [n for n in names if not _ru_project_around_name(n, names)]
    return kept + _ru_stem_companies(linked, kept)


@lru_cache(maxsize=1)
def _ru_company_stems() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """names.yaml ru_company_stems: the last parts of Russian compound company names
    (Читалесторг, Амурнефтетранс, Примсоцбанк) and the case endings they take."""
    data = names_grammar().get("ru_company_stems") or {}
    return tuple(data.get("stems") or ()), tuple(data.get("endings") or ())


_RU_CAPITALISED = re.compile(r"(?<![\w«\"„-])([А-ЯЁ][а-яё]{4,})(?![\w»\"“-])")


def _ru_stem_companies(linked: LinkedText, found: list[Name]) -> list[Name]:
    """Russian companies named by one compound word without a class word or quotes («Его построил
    Читалесторг», «Терминалом управляет Амурнефтетранс»): a capitalised word pymorphy3 does not
    know (nor guesses a place), whose last part is a company stem of names.yaml after three letters
    or more of its own, in any case form (Уссурлесом → Уссурлес)."""
    stems, endings = _ru_company_stems()
    if not stems:
        return []
    text = linked.text
    known = linked.mention_index
    taken = [(n.start, n.end) for n in found]
    morph = analyzer()
    names: list[Name] = []
    for match in _RU_CAPITALISED.finditer(text):
        start, end = match.span(1)
        word = match.group(1)
        if any(m.start < start or m.end > end for m in known.overlapping(start, end)):
            continue  # a known place may open the word (Хабаровскэнерго), not run past it
        if any(m.start == start and m.end == end for m in known.overlapping(start, end)):
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        lower = word.lower().replace("ё", "е")
        label = None
        for stem in sorted(stems, key=len, reverse=True):
            at = lower.rfind(stem)
            if at >= 3 and lower[at + len(stem) :] in endings:
                label = word[: at + len(stem)] if lower[at + len(stem) :] or not stem.endswith("о") else word
                break
        if label is None:
            continue
        parses = morph.parse(word)
        if any(p.is_known and "Orgn" not in p.tag for p in parses) or any("Geox" in p.tag for p in parses[:2]):
            continue  # a dictionary word (лесопромышленность) or a place; a known firm (Orgn) stays
        firm = next((p for p in parses if p.is_known and "Orgn" in p.tag), None)
        if firm is not None:
            label = firm.normal_form[:1].upper() + firm.normal_form[1:]
        head = Head("Company", "Company", "Organization", "Company", bare=True)
        names.append(Name(start, end, head, label, (("proper", _ru_latin(label)),)))
    return names


def _ru_weak_opening(linked: LinkedText, head: Head, before: list[_Token], after: list[_Token]) -> bool:
    """Does only the capital of a sentence's first word, a common adjective, make a name of a head
    that is also an ordinary noun (names.yaml ru_weak_heads: центр, комплекс, проект …)?"""
    if head.form not in _ru_weak_heads() or not before or not _sentence_initial(linked, before[0].start):
        return False
    if any(t.entity or t.quoted or (t.capitalised and t is not before[0]) for t in before + after):
        return False
    parse = analyzer().parse(before[0].text)[0]
    if parse.normal_form.endswith(("ский", "цкий")):  # Находкинский, Хабаровский: a place's adjective
        return False
    return parse.is_known and parse.tag.POS in ("ADJF", "PRTF") and "Geox" not in parse.tag


def _ru_country_opening(
    linked: LinkedText,
    before: list[_Token],
    after: list[_Token],
    parts: tuple[tuple[str, str | None], ...],
    catalog: Catalog,
) -> bool:
    """Is the name only a country's adjective opening a sentence before its head (Китайская компания,
    Российские банки)? Its capital is the sentence's, so it describes whose the thing is, as the same
    words in lower case do mid-sentence."""
    if len(before) != 1 or after or before[0].quoted or not _sentence_initial(linked, before[0].start):
        return False
    if len(parts) != 1 or parts[0][0] != "entity" or parts[0][1] is None:
        return False
    return catalog[parts[0][1]].cls == "Country"


@lru_cache(maxsize=1)
def _ru_weak_heads() -> frozenset[str]:
    return frozenset(_lemmas(w) for w in names_grammar().get("ru_weak_heads") or ())


@lru_cache(maxsize=1)
def _ru_placed_heads() -> frozenset[str]:
    return frozenset(_lemmas(w) for w in names_grammar().get("ru_placed_heads") or ())


def _ru_placed_facility(
    tokens: list[_Token], i: int, size: int, head: Head, before: list[_Token], after: list[_Token], catalog: Catalog
) -> Name | None:
    """A facility named by what it is and where (деревообрабатывающий комбинат в Лесозаводске,
    грузовой пункт пропуска в Полтавке): an adjective of its own, a facility head (names.yaml
    ru_placed_heads) and в + a known place. Its label ends in the place as written (the caller puts
    the nominative of the rest before it); its mention is the noun phrase, the place keeps its own,
    and it lies in that place."""
    if head.form not in _ru_placed_heads() or not before or after or before[0].capitalised:
        return None
    if any("Apro" in p.tag for t in before for p in analyzer().parse(t.text)[:1]):
        return None  # этот комбинат в …: a thing named before
    j = i + size
    place = tokens[j + 1].entity if j + 1 < len(tokens) and tokens[j].text.lower() in ("в", "во") else None
    if place is None or catalog[place].cls not in _ANCHOR_CLASSES or catalog[place].cls == "Country":
        return None
    k = j + 1
    while k + 1 < len(tokens) and tokens[k + 1].entity == place:
        k += 1
    words = [_ru_part(t, {}) for t in before]
    parts = tuple((kind, v) for kind, v in words if v is not None and v) + (("entity", place),)
    where = " в " + " ".join(t.text for t in tokens[j + 1 : k + 1])
    end = tokens[i + size - 1].end
    return Name(
        before[0].start,
        end,
        head,
        where,
        parts,
        head_span=(tokens[i].start, end),
        evidence=(before[0].start, tokens[k].end),
    )


def _ru_project_around_name(name: Name, names: list[Name]) -> bool:
    """A project named by what it builds (проект строительства Находкинского терминала) when that
    is a name of its own: the inner name is the thing, the project adds nothing."""
    if name.head.en != "Project" or not name.head_first:
        return False  # a deposit it develops is no thing it builds (проект освоения Берёзовского месторождения)
    return any(
        o is not name and name.start <= o.start and o.end <= name.end and o.head.cls != "GeoFeature" for o in names
    )


@lru_cache(maxsize=1)
def _ru_place_data() -> tuple[dict[str, str], frozenset[str], tuple[str, ...]]:
    """names.yaml ru_place_cues: nouns before a place's name (lemma → class), prepositions before
    a place noun pymorphy3 tags Geox, and endings of names that are rather countries (Индия)."""
    data = names_grammar().get("ru_place_cues") or {}
    nouns = {_lemma(k): v for k, v in (data.get("nouns") or {}).items()}
    return nouns, frozenset(data.get("prepositions") or ()), tuple(data.get("not_endings") or ())


_RU_INNER = frozenset({"na", "pod", "nad", "на", "под", "над"})  # Комсомольск-на-Амуре, Ростов-на-Дону


def _ru_places(linked: LinkedText, catalog: Catalog) -> list[Name]:
    """Russian places the catalog lacks, named with a cue: after a place noun (посёлок Яковлевка,
    в городе Облучье), after в/из before a word pymorphy3 knows as a place (в Комсомольске-на-Амуре,
    из Бикина), or across a dash from a known place (Амурзет — Лобэй). Each gets its nominative
    label; every other form of it in the text is that place too."""
    nouns, prepositions, not_endings = _ru_place_data()
    tokens = _whole_tokens(linked, _RU_TOKEN, catalog)
    found: dict[str, tuple[str, list[tuple[int, int]]]] = {}  # label → class, spans
    for k, token in enumerate(tokens):
        if not _ru_place_word(token):
            continue
        previous = tokens[k - 1] if k > 0 else None
        label, cls = None, "City"
        if previous is not None and previous.word and previous.entity is None and _lemma(previous.text) in nouns:
            if _ru_modifies_next(tokens, k) or _ru_genitive_of_cue(previous.text, token.text):
                continue  # станцией Байкало-Амурской магистрали, город Приамурья: a modifier, no name
            cls = nouns[_lemma(previous.text)]
            label = _ru_after_cue_label(previous.text, token.text)
        elif (label := _ru_governed_place(tokens, k, linked)) is not None:
            pass  # Власти Читы, Администрация Спасска-Дальнего: a town governed or lived in
        elif _ru_apposed_place(tokens, k):
            label = _ru_geox_nominative(token.text, ("nomn",)) or token.text  # Тында, второй по величине город …
        elif (
            previous is not None
            and previous.text.lower() in prepositions
            and not _sentence_initial(linked, token.start)
        ):
            label = _ru_geox_nominative(token.text, ("loct", "gent", "accs"))
        elif _ru_dashed_to_place(tokens, k, catalog) and _nominative(token.text):
            label = _ru_geox_nominative(token.text, ("nomn",)) or token.text
        if label and not label.lower().endswith(not_endings):
            found.setdefault(label, (cls, []))[1].append((token.start, token.end))
    for j, token in enumerate(tokens if found else []):  # the same place in another form (… в Забайкальске)
        if _ru_place_word(token) and not _ru_modifies_next(tokens, j):
            label = _ru_geox_nominative(token.text, ("nomn", "gent", "datv", "accs", "ablt", "loct")) or token.text
            if label in found and (token.start, token.end) not in found[label][1]:
                found[label][1].append((token.start, token.end))
    names: list[Name] = []
    for label, (cls, spans) in found.items():
        head = Head(label, cls, cls, bare=True)
        parts = (("proper", _ru_latin(label)),)
        names.extend(Name(a, b, head, label, parts) for a, b in spans)
    return names + _ru_districts(linked, tokens)


def _ru_quote_after_chain(
    tokens: list[_Token], k: int, head: Head, after: list[_Token], head_first: bool
) -> Name | None:
    """A quoted name right after a head-first noun and its genitive words (Форум приграничных
    территорий «Амур — река дружбы», Фонд поддержки фермеров «Агроресурс»): the quote is the
    name, of the head's class, unless a known name is among the words (then they name it already)."""
    if not head_first or not after or k >= len(tokens) or not tokens[k].quoted:
        return None
    if any(t.entity for t in after) or tokens[k].start - after[-1].end > 1:
        return None
    label = tokens[k].text[1:-1].strip()
    if not label[:1].isupper():
        return None
    return Name(tokens[k].start + 1, tokens[k].end - 1, head, label, (("proper", _ru_latin(label)),), quoted=True)


def _ru_after_cue_label(cue: str, word: str) -> str:
    """The nominative of a place after its cue noun: as written after a nominative cue (село
    Джалинда, город Бикин — the name does not decline in apposition), else the Geox reading's
    nominative (в городе Облучье, уездом Лобэй)."""
    if cue.lower().replace("ё", "е") == _lemma(cue).replace("ё", "е") and _nominative(word):
        return word
    return _ru_geox_nominative(word, ("nomn", "gent", "datv", "accs", "ablt", "loct")) or word


def _ru_genitive_of_cue(cue: str, word: str) -> bool:
    """After a cue noun, is the word a place in the genitive only (город Приамурья, столица края):
    the region the place lies in, not the place's own name?"""
    parses = analyzer().parse(word)
    return any("Geox" in p.tag and "gent" in p.tag for p in parses[:2]) and not any("nomn" in p.tag for p in parses)


def _ru_modifies_next(tokens: list[_Token], k: int) -> bool:
    """Is this capitalised word an adjective agreeing with the noun right after it (Байкало-Амурской
    магистрали, Вяземского района), so a modifier inside a longer name, not a name of its own?"""
    if k + 1 >= len(tokens) or not tokens[k + 1].word or tokens[k + 1].start - tokens[k].end > 1:
        return False
    return _agrees(tokens[k].text, tokens[k + 1].text) and any(
        p.tag.POS == "NOUN" for p in analyzer().parse(tokens[k + 1].text)[:2]
    )


@lru_cache(maxsize=1)
def _ru_apposition_nouns() -> frozenset[str]:
    """names.yaml ru_place_cues.appositions: nouns of a town's role in an apposition after its name."""
    data = names_grammar().get("ru_place_cues") or {}
    return frozenset(_lemma(w) for w in data.get("appositions") or ())


def _ru_apposed_place(tokens: list[_Token], k: int) -> bool:
    """A town named before a comma and an apposition of its role (Тында, второй по величине город
    Амурской области; Вяземский, административный центр Вяземского района): the word reads
    nominative, is a place (Geox), a word pymorphy3 does not know or a place-like adjective (-ский),
    and a nominative role noun stands within the four words after the comma."""
    if k + 2 >= len(tokens) or tokens[k + 1].text != "," or _ru_modifies_next(tokens, k):
        return False
    if k > 0 and tokens[k - 1].word:
        return False  # the first word of a name or phrase only (not "… в котором Тында, …")
    parses = analyzer().parse(tokens[k].text)[:2]
    if not parses or not any("nomn" in p.tag or not p.is_known for p in parses):
        return False
    first = parses[0]
    placelike = (
        "Geox" in first.tag
        or not first.is_known
        or (first.tag.POS == "ADJF" and first.normal_form.endswith(("ский", "цкий")) and "masc" in first.tag)
    )
    if not placelike or any(p.tag.POS == "NOUN" and p.is_known and "Geox" not in p.tag for p in parses[:1]):
        return False
    for token in tokens[k + 2 : k + 6]:
        if not token.word:
            return False
        if _lemma(token.text) in _ru_apposition_nouns() and _nominative(token.text):
            return True
    return False


@lru_cache(maxsize=1)
def _ru_governors() -> frozenset[str]:
    """names.yaml ru_place_cues.governors: nouns whose genitive complement is a town."""
    data = names_grammar().get("ru_place_cues") or {}
    return frozenset(_lemma(w) for w in data.get("governors") or ())


def _ru_governed_place(tokens: list[_Token], k: int, linked: LinkedText) -> str | None:
    """A town in the genitive after a noun of government or of its parts (Власти Читы, на окраине
    Белогорска, Администрация Спасска-Дальнего): its nominative, if pymorphy3 reads the word as a
    genitive place (Geox) or it is a hyphenated name of a genitive noun and adjective; None else."""
    if k == 0 or _ru_modifies_next(tokens, k):
        return None
    previous = tokens[k - 1]
    if not previous.word or previous.entity is not None or _lemma(previous.text) not in _ru_governors():
        return None
    if previous.end + 1 < tokens[k].start:
        return None
    word = tokens[k].text
    label = _ru_geox_nominative(word, ("gent",))
    if label is not None:
        return label
    return _ru_hyphen_genitive_nominative(word)


def _ru_hyphen_genitive_nominative(word: str) -> str | None:
    """Спасска-Дальнего → Спасск-Дальний: a genitive noun and a genitive adjective, both capitalised,
    joined by a hyphen; the adjective takes the noun's gender."""
    parts = word.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return None
    nouns = [p for p in analyzer().parse(parts[0]) if p.tag.POS == "NOUN" and "gent" in p.tag and "sing" in p.tag]
    adjectives = [p for p in analyzer().parse(parts[1]) if p.tag.POS == "ADJF" and "gent" in p.tag]
    if not nouns or not adjectives:
        return None
    noun = nouns[0]
    adjective = next((a for a in adjectives if a.tag.gender in (None, noun.tag.gender)), None)
    if adjective is None:
        return None
    nominative = adjective.inflect({"nomn", "sing", noun.tag.gender} if noun.tag.gender else {"nomn", "sing"})
    if nominative is None:
        return None
    first, second = noun.normal_form, nominative.word
    return f"{first[:1].upper()}{first[1:]}-{second[:1].upper()}{second[1:]}"


_RU_DISTRICT_NOUNS = frozenset({"район", "округ"})


def _ru_districts(linked: LinkedText, tokens: list[_Token]) -> list[Name]:
    """Districts the catalog lacks: capitalised adjectives agreeing with район or округ (в
    Хасанском районе → Хасанский район, a Region named "Khasanskiy District")."""
    names = []
    for k, token in enumerate(tokens):
        if token.entity is not None or not token.word or _lemma(token.text) not in _RU_DISTRICT_NOUNS:
            continue
        before = _ru_before(tokens, k, token.text)
        if not before or not before[0].capitalised or any(t.entity for t in before):
            continue
        if _sentence_initial(linked, before[0].start) and _lemma(before[0].text) in grammar().ru_generic:
            continue  # "Северный район …" opening a sentence: a description
        label = _ru_nominative(before, [token], [], analyzer(), "")
        head = Head(label, "District", "Region")
        parts = tuple(("proper", _ru_latin(_lemma(t.text))) for t in before)
        names.append(Name(before[0].start, token.end, head, label, parts))
    return names


def _whole_tokens(linked: LinkedText, pattern: re.Pattern, catalog: Catalog) -> list[_Token]:
    """The text's tokens, hyphenated words whole, each with the known name that covers it or lies in
    it; a river or lake inside a word (Амуре in Комсомольске-на-Амуре) leaves the word free."""
    known = linked.mention_index
    tokens = []
    for match in pattern.finditer(linked.text):
        start, end = match.span()
        cover = next((m.entity for m in known.around(start, end)), None)
        if cover is None:
            cover = next((m.entity for m in known.within(start, end) if catalog[m.entity].cls != "GeoFeature"), None)
        tokens.append(_Token(match.group(), start, end, cover))
    return tokens


def _ru_place_word(token: _Token) -> bool:
    """A capitalised word no known name covers, neither an abbreviation nor a generic word."""
    if not token.word or token.entity is not None or not token.capitalised or token.text.isupper():
        return False
    return _lemma(token.text) not in grammar().ru_generic and not any(
        h.form == _lemma(token.text) for h in grammar().ru
    )


def _ru_geox_nominative(word: str, cases: tuple[str, ...]) -> str | None:
    """The nominative of a word pymorphy3 knows as a place name in one of these cases, with the
    word's own capitals (Комсомольске-на-Амуре → Комсомольск-на-Амуре); None if it knows none."""
    first, *rest = word.split("-")
    if rest and rest[0].lower() in _RU_INNER:  # Николаевске-на-Амуре: only the first part declines
        if not any("Geox" in p.tag and p.tag.case in cases for p in analyzer().parse(word)):
            return None
        nouns = [p for p in analyzer().parse(first) if p.tag.POS == "NOUN" and p.tag.case in cases]
        stem = nouns[0].normal_form if nouns else first.lower()
        return "-".join([stem[:1].upper() + stem[1:], *rest])
    for parse in analyzer().parse(word):
        if parse.tag.POS == "NOUN" and "Geox" in parse.tag and parse.tag.case in cases:
            pieces = parse.normal_form.split("-")
            shown = word.split("-")
            if len(pieces) != len(shown):
                return parse.normal_form[:1].upper() + parse.normal_form[1:]
            return "-".join(p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(pieces, shown))
    return None


def _ru_dashed_to_place(tokens: list[_Token], k: int, catalog: Catalog) -> bool:
    """Does a dash join this word to a known place (Амурзет — Лобэй, Хэйхэ — Амурзет)?"""
    for dash, other in ((k + 1, k + 2), (k - 1, k - 2)):
        if 0 <= other < len(tokens) and tokens[dash].text in _DASHES:
            entity = tokens[other].entity
            if entity is not None and catalog[entity].cls in _ANCHOR_CLASSES:
                return True
    return False


_RU_LINK_WORDS = frozenset({"по", "о", "об", "в", "области", "сфере", "на", "до"})
_RU_SIGN_LEMMAS = frozenset({"подписать", "подписывать", "заключить", "заключать", "подписание", "заключение"})


def _ru_signed_near(tokens: list[_Token], i: int) -> bool:
    """Does a word of signing stand among the four words before an agreement's head noun
    ("подписали меморандум о …", "подписано соглашение о …")? Then the lower-case head names the
    document signed."""
    return any(_lemma(t.text) in _RU_SIGN_LEMMAS for t in tokens[max(0, i - 4) : i] if t.word)


def _ru_head_at(tokens: list[_Token], i: int, max_head: int) -> tuple[Head | None, int]:
    g = grammar()
    for size in range(max_head, 0, -1):
        window = tokens[i : i + size]
        if len(window) < size or not all(t.word for t in window):
            continue
        lemmas = " ".join(_lemma(t.text) for t in window)
        for head in g.ru:
            if head.form == lemmas:
                return head, size
    return None, 0


# Classes whose quoted names are also known with their head noun (агропромышленный парк «X» is also
# парк «X», фестиваль «X»): the head is no class word said of any firm, as компания is.
_RU_HEAD_ALIASED = ("Project", "Program", "Park", "Event")


def _ru_quoted(tokens: list[_Token], i: int) -> Name | None:
    token = tokens[i]
    g = grammar()
    key = token.text.lower() if token.text.lower() in g.ru_quote_heads else _lemma(token.text)
    if key in g.ru_quote_heads and i + 1 < len(tokens) and tokens[i + 1].quoted:
        quoted = tokens[i + 1]
        label = quoted.text[1:-1].strip()
        if label[:1].isupper():
            head = g.ru_quote_heads[key]
            alias = f"{token.text} «{label}»" if token.text.isupper() else ""  # also written without quotes
            if not alias and head.cls in _RU_HEAD_ALIASED:  # паромной линией «X»: паромная линия «X»
                noun = _ru_nominative(_ru_before(tokens, i, token.text), [token], [], analyzer(), "")
                alias = f"{noun[:1].lower()}{noun[1:]} «{label}»"
            parts = (("proper", _ru_latin(label)),)
            return Name(quoted.start + 1, quoted.end - 1, head, label, parts, quoted=True, alias=alias)
    return None


def _ru_quoted_own_head(tokens: list[_Token], i: int) -> Name | None:
    """A quoted name that ends in a company's or bank's head of its own, with no class noun before
    it («Байкальская горная компания», «Северный инвестиционный банк»): the head gives its class."""
    token = tokens[i]
    if not token.quoted or (i > 0 and tokens[i - 1].word and _ru_quoted(tokens, i - 1) is not None):
        return None
    label = token.text[1:-1].strip()
    words = label.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    for head in grammar().ru:
        size = len(head.form.split())
        if head.cls == "Organization" and len(words) > size and _lemmas(" ".join(words[-size:])) == head.form:
            parts = (("proper", _ru_latin(" ".join(words[:-size]))),)
            return Name(token.start + 1, token.end - 1, head, label, parts, quoted=True)
    return None


def _noun_parse(word: str):
    parses = analyzer().parse(word)
    for parse in parses:
        if parse.tag.POS == "NOUN":
            return parse
    return parses[0] if parses else None


def _ru_before(tokens: list[_Token], i: int, head_word: str) -> list[_Token]:
    """Adjectives right before the head that agree with it in case and number (at most four)."""
    chosen: list[_Token] = []
    j = i - 1
    while j >= 0 and len(chosen) < 4:
        token = tokens[j]
        if not token.word or tokens[j].end + 2 < tokens[j + 1].start:
            break
        if not _agrees(token.text, head_word):
            break
        chosen.insert(0, token)
        j -= 1
    return chosen


def _agrees(word: str, head_word: str) -> bool:
    """Can an adjective stand before the head noun: some reading of each agrees in case, number
    and (in the singular) gender?"""
    nouns = [p for p in analyzer().parse(head_word) if p.tag.POS == "NOUN"]
    if not nouns and head_word.isupper():  # НПЗ, ГПЗ: an abbreviation pymorphy3 does not know takes any case
        return any(p.tag.POS in ("ADJF", "PRTF") for p in analyzer().parse(word))
    for parse in analyzer().parse(word):
        if parse.tag.POS not in ("ADJF", "PRTF"):
            continue
        for noun in nouns:
            if parse.tag.case == noun.tag.case and parse.tag.number == noun.tag.number:
                if parse.tag.number == "plur" or parse.tag.gender in (None, noun.tag.gender):
                    return True
    return False


def _ru_after(tokens: list[_Token], j: int, head_first: bool, catalog: Catalog, about: bool = False) -> list[_Token]:
    """After a head-first noun: genitive words, known names and capitalised words (Министерство
    экономического развития Российской Федерации), after an agreement also о + its subject; after
    any head, a known place (порт Восточный)."""
    chosen: list[_Token] = []
    while j < len(tokens) and len(chosen) < 10:
        token = tokens[j]
        if (
            token.entity is not None
            and head_first
            and chosen
            and tokens[j - 1].entity != token.entity
            and _ru_nominative_only(token.text)
            and _lemma(tokens[j - 1].text) not in _ru_place_data()[0]  # правительство города Дуннин: in apposition
        ):
            break  # "Соглашение о создании пункта пропуска Приморский край … подписали": the doer begins
        if token.entity is not None and (head_first or catalog[token.entity].cls in _ANCHOR_CLASSES):
            chosen.append(token)
        elif not head_first and not chosen and token.capitalised and _nominative(token.text):
            chosen.append(token)  # порт Нижнеленинское, мост «…»: an unknown proper name in apposition
        elif (
            token.text in "-–—"
            and chosen
            and chosen[-1].entity
            and j + 1 < len(tokens)
            and (tokens[j + 1].entity or tokens[j + 1].capitalised and _nominative(tokens[j + 1].text))
        ):
            chosen.extend((token, tokens[j + 1]))  # мост Благовещенск — Хэйхэ, железная дорога Уссурийск — Гродеково
            j += 1
        elif not token.word:
            break
        elif head_first and (
            _genitive(token.text)
            or (token.capitalised and _genitive(token.text, True))
            or _genitive_pair(tokens, j)
            or (chosen and _genitive_noun_behind_short_adjective(token.text))
        ):
            chosen.append(token)
        elif head_first and chosen and _genitive_numeral(tokens, j):
            chosen.extend((token, tokens[j + 1]))  # … по созданию двух парков
            j += 1
        elif head_first and chosen and _genitive_noun_after(chosen[-1], token):
            chosen.append(token)  # освоения Берёзовского месторождения: the noun its genitive adjective agrees with
        elif head_first and token.text == "и" and chosen and j + 1 < len(tokens) and _genitive(tokens[j + 1].text):
            chosen.append(token)
        elif head_first and token.text.lower() == "по" and j + 1 < len(tokens) and _dative(tokens[j + 1].text):
            chosen.extend((token, tokens[j + 1]))  # Министерство … по развитию Дальнего Востока
            j += 1
        elif (
            about
            and not chosen
            and token.text.lower() in ("о", "об")
            and j + 1 < len(tokens)
            and _prepositional(tokens[j + 1].text)
        ):
            chosen.extend((token, tokens[j + 1]))  # Соглашение о строительстве морского терминала
            j += 1
        elif about and not chosen and token.text.lower() in ("о", "об") and (size := _ru_about_adjectives(tokens, j)):
            chosen.extend(tokens[j : j + size + 2])  # Меморандум о совместной заготовке древесины
            j += size + 1
        elif about and chosen and (link := _field_link(tokens, j)) is not None:
            size = len(link.split())
            chosen.extend(tokens[j : j + size])  # … о сотрудничестве в области лесопереработки
            j += size - 1
        else:
            break
        j += 1
    while chosen and chosen[-1].text == "и":
        chosen.pop()
    if about and chosen:
        chosen.extend(tokens[j : j + _ru_period(tokens, j)])  # Программа … на 2027–2030 годы
    return chosen


def _ru_about_adjectives(tokens: list[_Token], j: int) -> int:
    """After о/об at j: how many adjectives (at most two) agree with a prepositional noun right
    after them (о совместной заготовке, о взаимном признании); 0 if there is no such noun."""
    for size in (1, 2):
        if j + size + 1 >= len(tokens) or not all(t.word for t in tokens[j + 1 : j + size + 2]):
            return 0
        noun = tokens[j + size + 1]
        adjectives = tokens[j + 1 : j + size + 1]
        if not all(_agrees(a.text, noun.text) for a in adjectives):
            return 0
        if _prepositional(noun.text):
            return size
    return 0


_RU_YEAR_WORDS = frozenset({"год", "годы", "года", "гг", "г"})


def _ru_period(tokens: list[_Token], j: int) -> int:
    """How many tokens from j say the period of a program or agreement: на/до + a year or a span of
    years + год(ы) (на 2027–2030 годы, до 2035 года); 0 if none."""
    window = [t.text for t in tokens[j : j + 5]]
    if len(window) < 3 or window[0].lower() not in ("на", "до") or not re.fullmatch(r"\d{4}(?:-\d{4})?", window[1]):
        return 0
    size = 4 if len(window) >= 5 and window[2] in _DASHES and re.fullmatch(r"\d{4}", window[3]) else 2
    return size + 1 if size < len(window) and window[size].lower() in _RU_YEAR_WORDS else 0


def _ru_nominative_only(text: str) -> bool:
    """Is the first word of a name plainly nominative (Приморский край), not a genitive that may
    go on a head-first name (… Российской Федерации, … провинции Хэйлунцзян)?"""
    words = _RU_WORD.findall(text)
    if not words:
        return False
    parses = analyzer().parse(words[0].lower())[:2]
    return bool(parses) and "nomn" in parses[0].tag and not any("gent" in p.tag for p in parses)


_RU_WORD = re.compile(r"[^\W\d_]+")


def _nominative(word: str) -> bool:
    parses = analyzer().parse(word)
    return any("nomn" in p.tag or not p.is_known for p in parses[:2])


def _field_link(tokens: list[_Token], j: int) -> str | None:
    """A phrase that carries an agreement's subject on (в области, в сфере) when a genitive
    word follows it."""
    for phrase in grammar().ru_field_links:
        words = phrase.split()
        window = tokens[j : j + len(words) + 1]
        if len(window) == len(words) + 1 and [t.text.lower() for t in window[:-1]] == words:
            if window[-1].entity is not None or _genitive(window[-1].text):
                return phrase
    return None


def _genitive_noun_behind_short_adjective(word: str) -> bool:
    """A plural genitive noun whose first pymorphy3 reading is a short adjective (парков, садов):
    a short adjective never goes on a name, so the noun reading holds."""
    parses = analyzer().parse(word)
    return (
        bool(parses)
        and parses[0].tag.POS == "ADJS"
        and any(p.tag.POS == "NOUN" and "gent" in p.tag and "plur" in p.tag for p in parses)
    )


def _genitive_numeral(tokens: list[_Token], j: int) -> bool:
    """A numeral in the genitive before a genitive noun (двух парков, трёх терминалов)."""
    if j + 1 >= len(tokens) or not tokens[j].word or not tokens[j + 1].word:
        return False
    numeral = any(p.tag.POS == "NUMR" and "gent" in p.tag for p in analyzer().parse(tokens[j].text.lower())[:1])
    noun = tokens[j + 1].text
    return numeral and (_genitive(noun) or _genitive_noun_behind_short_adjective(noun))


def _genitive_pair(tokens: list[_Token], j: int) -> bool:
    """An adjective that may be genitive before a genitive noun (приграничной логистики): the
    noun's case decides the adjective's."""
    if j + 1 >= len(tokens) or not tokens[j + 1].word:
        return False
    adjective = any(p.tag.POS == "ADJF" and "gent" in p.tag for p in analyzer().parse(tokens[j].text.lower()))
    return adjective and _genitive(tokens[j + 1].text)


def _genitive_noun_after(adjective: _Token, token: _Token) -> bool:
    """Is token a noun with a genitive reading that a genitive adjective right before it agrees with
    (Берёзовского месторождения, whose noun pymorphy3 reads first as a plural nominative)?"""
    if not token.word or token.start - adjective.end > 1:
        return False
    adjectives = [p for p in analyzer().parse(adjective.text) if p.tag.POS == "ADJF" and "gent" in p.tag]
    nouns = [p for p in analyzer().parse(token.text) if p.tag.POS == "NOUN" and "gent" in p.tag]
    return any(
        a.tag.number == n.tag.number and (a.tag.number == "plur" or a.tag.gender == n.tag.gender)
        for a in adjectives
        for n in nouns
    )


def _prepositional(word: str) -> bool:
    return any("loct" in p.tag and p.tag.POS == "NOUN" for p in analyzer().parse(word))


def _dative(word: str) -> bool:
    return any("datv" in p.tag and p.tag.POS == "NOUN" for p in analyzer().parse(word))


def _genitive(word: str, any_pos: bool = False) -> bool:
    parses = analyzer().parse(word)
    first = parses[0] if parses else None
    if first is None or not first.tag.case:
        return False
    return "gent" in first.tag and (any_pos or first.tag.POS in ("NOUN", "ADJF", "PRTF"))


def _ru_part(token: _Token, place_adjectives: dict[str, str]) -> tuple[str, str | None]:
    g = grammar()
    if token.entity is not None:
        return "entity", token.entity
    lemma = _lemma(token.text)
    if lemma in place_adjectives:
        return "entity", place_adjectives[lemma]
    if lemma in g.words["ru"]:
        return "word", g.words["ru"][lemma] or None
    if lemma in g.ru_generic:
        return "word", gost(lemma)
    if token.capitalised:
        return "proper", _ru_latin(lemma)
    return "word", gost(lemma)


def _ru_latin(text: str) -> str:
    return "-".join(palladius_to_pinyin(w) or gost(w).lower() for w in re.findall(r"[А-Яа-яЁё]+|[A-Za-z0-9]+", text))


@lru_cache(maxsize=4)
def _place_adjectives_cached(names: tuple[tuple[str, str], ...], features: frozenset[str]) -> dict[str, str]:
    """A settlement's or country's adjective first, then a region's (Амурская область), then a
    river's or lake's (Амур)."""
    adjectives: dict[str, str] = {}
    for name, entity_id in names:
        if " " in name or entity_id in features:
            continue
        stem = name[:-2] if name.endswith(("ск", "цк")) else name
        for ending in ("ский", "цкий"):
            adjectives.setdefault(stem + ending, entity_id)
    for name, entity_id in names:  # Приморский край → приморский: a region named by its adjective
        words = name.split()
        if len(words) == 2 and words[1] in _RU_REGION_NOUNS:
            adjective = _lemma(words[0])
            if analyzer().parse(adjective)[0].tag.POS == "ADJF":
                adjectives.setdefault(adjective, entity_id)
    for name, entity_id in names:
        if " " not in name and entity_id in features:
            stem = name[:-2] if name.endswith(("ск", "цк")) else name
            for ending in ("ский", "цкий"):
                adjectives.setdefault(stem + ending, entity_id)
    return adjectives


_RU_REGION_NOUNS = frozenset({"край", "область", "округ", "республика"})


def _place_adjectives(catalog: Catalog) -> dict[str, str]:
    """Adjectives of one-word Russian place names (Хабаровск → хабаровский), to their entity."""
    names = []
    for entity in catalog:
        if entity.cls not in ("City", "Region", "Country", "GeoFeature"):
            continue
        for lang, name in entity.names():
            if lang == "ru" and len(name) >= 4 and "-" not in name and name.count(" ") <= 1:
                names.append((name.lower().replace("ё", "е"), entity.id))
    features = frozenset(e.id for e in catalog if e.cls == "GeoFeature")
    return _place_adjectives_cached(tuple(sorted(set(names))), features)


def _ru_nominative(
    before: list[_Token], head: list[_Token], after: list[_Token], morph, text: str, written: str = ""
) -> str:
    """The name in the nominative singular: the head noun and the adjectives agreeing with it
    inflect (a head of several words as names.yaml writes it: мостовой, not мостовый); a genitive
    chain after the head stays as it is."""
    # the head noun is the head's first noun: words after it are its genitive (пункт пропуска)
    at = next((k for k, t in enumerate(head) if _is_noun(t.text)), len(head) - 1)
    noun = _noun_parse(head[at].text)
    gender = noun.tag.gender if noun is not None else None
    if head[at].text.isupper() and len(head[at].text) > 1:
        gender = gender or "masc"  # НПЗ, ГПЗ (завод): an abbreviation pymorphy3 does not know
    spelled = written.split() if len(written.split()) == len(head) > 1 else []
    words = []
    for token in before + head[: at + 1]:
        is_noun = token is head[at]
        if is_noun and token.text.isupper() and len(token.text) > 1:
            words.append(token.text)  # ГЭС, НПЗ keep their capitals
            continue
        grammemes = {"nomn", "sing"} | ({gender} if gender and not is_noun else set())
        if spelled and token in head:
            form = spelled[head.index(token)]
            words.append(form[:1].upper() + form[1:] if token.capitalised else form)
            continue
        words.append(_inflect(token.text, grammemes, adjective=not is_noun))
    words += [t.text for t in head[at + 1 :]]
    label = " ".join(words)
    if after:
        label += " " + " ".join(text[after[0].start : after[-1].end].split())
    return label


def _is_noun(word: str) -> bool:
    """A noun that cannot be read as an adjective (пункт, зона; not комплексной, бондовой)."""
    poses = {p.tag.POS for p in analyzer().parse(word)}
    return "NOUN" in poses and not poses & {"ADJF", "PRTF"}


def _inflect(word: str, grammemes: set[str], adjective: bool = False) -> str:
    """The word in the given form; words before the head noun read as adjectives first."""
    parses = analyzer().parse(word)
    if adjective:
        parses = sorted(parses, key=lambda p: p.tag.POS not in ("ADJF", "PRTF"))
    for parse in parses:
        if parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
            target = grammemes if parse.tag.POS != "NOUN" else {"nomn", "sing"}
            inflected = parse.inflect(target)
            if inflected is not None:
                form = inflected.word
                return form[:1].upper() + form[1:] if word[:1].isupper() else form
    return word


# ---------------------------------------------------------------------------------------------
# English: capitalised words around a head (Harbin Municipal Bureau of Commerce).
# ---------------------------------------------------------------------------------------------

_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|\S")


def _english_names(linked: LinkedText, catalog: Catalog) -> list[Name]:
    g = grammar()
    tokens = _tokens(linked, _EN_TOKEN)
    heads = {h.form: h for h in g.en}
    max_head = max(len(h.form.split()) for h in g.en)
    names = []
    i = 0
    while i < len(tokens):
        head, size = None, 0
        for n in range(max_head, 0, -1):
            window = tokens[i : i + n]
            if len(window) == n and all(t.word for t in window) and _adjacent(window):
                key = " ".join(t.text[:1].upper() + t.text[1:] for t in window)
                if key in heads:
                    head, size = heads[key], n
                    break
        if head is None:
            i += 1
            continue
        head_tokens = tokens[i : i + size]
        before = _en_before(tokens, i, linked, head)
        after = _en_after(tokens, i + size, _en_head_first_links(head)) if head_tokens[0].capitalised else []
        if not head_tokens[0].capitalised and (
            not (before and any(t.entity or _en_proper(t) for t in before))
            or any(t.text.endswith(("'s", "’s")) for t in before)  # "Liaoning's main seaport": a description
        ):
            i += size
            continue
        parts = tuple(_en_part(t) for t in before + after if t.text not in g.en_connectors and t.word)
        proper = any(k in ("entity", "proper") for k, _ in parts)
        head_first = bool(after) and not before
        named = proper or (head_first and head.kind == "GovernmentBody" and after) or _en_titled_after(head, after)
        capital = _en_capitalised_title(before, head_tokens, head)
        if parts and (named or capital) and (before or after):
            all_tokens = before + head_tokens + after
            start, end = all_tokens[0].start, all_tokens[-1].end
            label = " ".join(linked.text[start:end].split())
            if head.form in _EN_ABBREVIATED and linked.text[end : end + 1] == ".":
                label += "."  # Changling Fresh Foods Co.: the point is part of the name
            if not head_tokens[0].capitalised:
                label = " ".join(
                    w if w[:1].isupper() or w in g.en_connectors else w[:1].upper() + w[1:] for w in label.split()
                )
            names.append(
                Name(
                    start,
                    end,
                    head,
                    label,
                    tuple(p for p in parts if p[1]),
                    head_first=head_first,
                    head_span=(head_tokens[0].start, head_tokens[-1].end),
                    route=_dashed_places(before + after, catalog) and not ({head.cls, head.kind} & g.unplaced),
                    titled=capital,
                )
            )
        i += size
    names += _en_described_places(linked, catalog, names)
    return names + _en_agent_companies(linked, catalog, names)


_EN_ABBREVIATED = frozenset({"Co", "Ltd", "Inc", "Corp"})


@lru_cache(maxsize=1)
def _en_company_cues() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """names.yaml en_company_cues: words before a company's own name that say it is one ("operated
    by", "money from"), those that do so only for a name of two words or more ("together with"), and
    nouns that describe a company right after its name ("X, a timber trader")."""
    data = names_grammar().get("en_company_cues") or {}
    return tuple(data.get("single") or ()), tuple(data.get("multi") or ()), tuple(data.get("descriptors") or ())


_CONCEPT_CLASSES = frozenset({"Industry", "CooperationModel"})


def _en_cue(cue: str) -> str:
    """A cue as a pattern whose first letter may be capitalised (Together with …)."""
    return f"[{cue[0].upper()}{cue[0]}]{re.escape(cue[1:])}"


_EN_AGENT_WORD = r"[A-Z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*"


def _en_agent_companies(linked: LinkedText, catalog: Catalog, found: list[Name]) -> list[Name]:
    """English companies named without a class word, found where only a company stands: after an
    agent cue ("is operated by Amurzernoprodukt", "with money from Primsotsbank", "worked with Hulin
    Sanxing Wood Industry") or before a company descriptor ("Taiga Export, a timber trader"); then
    every other occurrence of the same words. A known place may open the name (Hulin …) but not be
    all of it; a name that a head, a known entity or a stop word ends is left to the other rules.
    Words the catalog knows as a sector may stand anywhere in it (Ussuri Timber Works)."""
    single, multi, descriptors = _en_company_cues()
    if not (single or multi or descriptors):
        return []
    g = grammar()
    text = linked.text
    known = linked.mention_index
    taken = [(n.start, n.end) for n in found]
    heads = {h.form.split()[-1] for h in g.en}
    run = rf"((?:{_EN_AGENT_WORD} ){{0,4}}{_EN_AGENT_WORD})"
    patterns: list[tuple[re.Pattern, int]] = []
    if single:
        cue = "|".join(_en_cue(c) for c in sorted(single, key=len, reverse=True))
        patterns.append((re.compile(rf"\b(?:{cue}) (?:the )?{run}(?![\w'’-])"), 1))
    if multi:
        cue = "|".join(_en_cue(c) for c in sorted(multi, key=len, reverse=True))
        patterns.append((re.compile(rf"\b(?:{cue}) (?:the )?{run}(?![\w'’-])"), 2))
    if descriptors:
        noun = "|".join(re.escape(c) for c in sorted(descriptors, key=len, reverse=True))
        patterns.append((re.compile(rf"(?<![\w'’-]){run}, an? (?:[a-z][a-z-]* ){{0,2}}(?:{noun})\b"), 1))

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    labels: dict[str, tuple[int, int]] = {}
    for pattern, least in patterns:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            words = match.group(1).split()
            while words and words[-1] in g.en_stop:
                words.pop()  # "… by Taiga Export and The …"
            while words and words[0] in g.en_stop:
                start += len(words.pop(0)) + 1
            if not words:
                continue
            end = start + len(" ".join(words))
            end = min(
                [end] + [m.start - 1 for m in known.overlapping(start, end) if m.end > end and m.start > start]
            )  # … Suifenhe Xinda Trade Zone: a known name running past the run ends it before
            words = text[start:end].split()
            if len(words) < least or words[-1] in g.en_stop or words[-1] in heads or not free(start, end):
                continue
            if any(m.end > end or m.start < start for m in known.overlapping(start, end)):
                continue
            inside = [m for m in known.within(start, end) if catalog[m.entity].cls not in _CONCEPT_CLASSES]
            if inside and (inside[-1].end == end or any(m.start > start for m in inside)):
                continue  # only a leading known place: Hulin Sanxing Wood Industry, not Bank of Hulin
            offsets = [start + len(" ".join(words[:k])) + (1 if k else 0) for k in range(len(words))]
            own = [
                w
                for w, at in zip(words, offsets)
                if w.lower() not in g.en_generic and not any(m.start <= at < m.end for m in inside)
            ]
            if not own or words[0].lower() in g.en_generic:
                continue  # all generic (Eastern Trade) or a generic opener (Russian Logistics)
            labels.setdefault(" ".join(words), (start, end))
    names: list[Name] = []
    head = Head("Company", "Company", "Organization", "Company")
    for label in labels:
        parts = tuple(("proper", w.lower()) for w in label.split())
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(label)}(?![\w'’-]| [A-Z])", text):
            a, b = match.span()
            if free(a, b) and not any(m.start < a or m.end > b for m in known.overlapping(a, b)):
                names.append(Name(match.start(), match.end(), head, label, parts))
    return names


def _en_capitalised_title(before: list[_Token], head_tokens: list[_Token], head: Head) -> bool:
    """An event, agreement or body whose words are all generic but capitalised, two or more before
    a capitalised head (the Eastern Economic Forum, the Border Trade Development Memorandum, the
    Russian Direct Investment Fund): the capitals make it a name."""
    g = grammar()
    if not ({head.cls, head.kind} & (g.unplaced | {"Organization"})) or not head_tokens[0].capitalised:
        return False
    words = [t for t in before if t.word and t.text not in g.en_connectors]
    return len(words) >= 2 and all(t.capitalised for t in words)


_EN_PLACE_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"


@lru_cache(maxsize=1)
def _en_place_descriptors() -> tuple[dict[str, str], dict[str, str]]:
    data = names_grammar().get("en_place_descriptors") or {}
    return dict(data.get("nouns") or {}), dict(data.get("nationalities") or {})


def _en_place_directions() -> tuple[str, ...]:
    """Words between "X in" and a known region (names.yaml en_place_descriptors.directions:
    "Dalnerechensk in northern Primorsky Krai")."""
    data = names_grammar().get("en_place_descriptors") or {}
    return tuple(data.get("directions") or ("northern",))


def _en_place_verbs() -> tuple[str, ...]:
    """Verbs only a place does (names.yaml en_place_descriptors.verbs: "X, which borders B")."""
    data = names_grammar().get("en_place_descriptors") or {}
    return tuple(data.get("verbs") or ())


def _en_described_places(linked: LinkedText, catalog: Catalog, found: list[Name]) -> list[Name]:
    """English places the catalog does not know, named with a descriptor noun (names.yaml
    en_place_descriptors): "Zabaykalsk, a town in Zabaykalsky Krai", "the Russian town of
    Zabaykalsk", "Dalian, Liaoning's main seaport", "the port of Zarubino"; then every other
    occurrence of the bare name."""
    nouns, nationalities = _en_place_descriptors()
    if not nouns:
        return []
    directions = "|".join(re.escape(d) for d in _en_place_directions())
    text = linked.text
    g = grammar()
    known = linked.mention_index
    taken = [(n.start, n.end) for n in found]
    noun = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    nation = "|".join(re.escape(n) for n in nationalities)
    words = rf"(?:(?:{nation}|[a-z][a-z-]*) ){{0,3}}" if nation else r"(?:[a-z][a-z-]* ){0,3}"
    after = re.compile(rf"(?<![\w'’-])({_EN_PLACE_NAME}), (?:an?|the) (?:({nation}) )?{words}({noun})\b")
    before = re.compile(rf"\bthe (?:({nation}) )?{words}({noun}) of ({_EN_PLACE_NAME})\b(?![ -][A-Z])")
    owned = re.compile(rf"(?<![\w'’-])({_EN_PLACE_NAME}), ")

    def free(start: int, end: int) -> bool:
        return not known.overlapping(start, end) and not any(a < end and start < b for a, b in taken)

    def place_at(offset: int) -> Mention | None:
        return next((m for m in known.around(offset, offset + 1) if m.start == offset), None)

    described: list[tuple[int, int, str, tuple[str, ...], tuple[int, int]]] = []
    for match in after.finditer(text):
        start, end = match.span(1)
        if match.group(1).split()[0] in g.en_stop or not free(start, end):
            continue
        located: tuple[str, ...] = ()
        evidence_end = match.end()
        tail = re.match(r" (?:in|of) (?:the )?", text[match.end() :])
        place = place_at(match.end() + tail.end()) if tail else None
        if place is not None and catalog[place.entity].cls in _ANCHOR_CLASSES:
            located, evidence_end = (place.entity,), place.end
        elif match.group(2):
            located = (nationalities[match.group(2)],)
        described.append((start, end, nouns[match.group(3)], located, (start, evidence_end)))
    for match in owned.finditer(text):  # "Dalian, Liaoning's main seaport"
        start, end = match.span(1)
        place = place_at(match.end())
        if place is None or match.group(1).split()[0] in g.en_stop or not free(start, end):
            continue
        rest = re.match(rf"['’]s {words}({noun})\b", text[place.end :])
        if rest and catalog[place.entity].cls in _ANCHOR_CLASSES:
            described.append((start, end, nouns[rest.group(1)], (place.entity,), (start, place.end + rest.end())))
    verbs = _en_place_verbs()
    if verbs:  # "Hunchun, which borders Russia", "Raohe faces Bikin": only a place borders one
        verb = "|".join(re.escape(v) for v in verbs)
        doer = re.compile(rf"(?<![\w'’-])({_EN_PLACE_NAME})(?:, which)? (?:{verb}) (?:both )?(?:the )?[A-Z]")
        for match in doer.finditer(text):
            start, end = match.span(1)
            if match.group(1).split()[0] in g.en_stop or not free(start, end):
                continue
            described.append((start, end, "City", (), (start, end)))
    for match in before.finditer(text):  # "the Russian town of Zabaykalsk"
        start, end = match.span(3)
        if not free(start, end) or match.group(3).split()[0] in g.en_stop:
            continue
        located = (nationalities[match.group(1)],) if match.group(1) else ()
        evidence_end = end
        tail = re.match(r" in (?:the )?", text[end:])  # the border station of Turiy Rog in Primorsky Krai
        place = place_at(end + tail.end()) if tail else None
        if place is not None and catalog[place.entity].cls in _ANCHOR_CLASSES:
            located, evidence_end = (place.entity,), place.end
        described.append((start, end, nouns[match.group(2)], located, (match.start(), evidence_end)))
    inside = re.compile(rf"\b(?:of|from|to|at|near|via|and) ({_EN_PLACE_NAME}) in (?:(?:{directions}) )?(?:the )?")
    for match in inside.finditer(text):  # "the edge of Dalnerechensk in northern Primorsky Krai"
        start, end = match.span(1)
        place = place_at(match.end())
        if place is None or catalog[place.entity].cls not in ("Region", "Country") or " " in match.group(1):
            continue
        if match.group(1) in g.en_stop or match.group(1).lower() in g.en_generic or not free(start, end):
            continue
        if match.group(1) in {h.form for h in g.en}:
            continue
        described.append((start, end, "City", (place.entity,), (start, place.end)))
    dateline = re.match(r"\s*([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,}){0,2})(?:,[^\n—–]{0,30})? [—–-] ", text)
    if dateline and free(*dateline.span(1)):  # "DALNERECHENSK — …": a news dateline names a town
        title = "-".join(w[:1] + w[1:].lower() for w in dateline.group(1).split("-"))
        title = " ".join(w[:1] + w[1:] for w in title.split(" "))
        title = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
        elsewhere = [m.start() for m in re.finditer(rf"(?<![\w'’-]){re.escape(title)}(?![\w'’-])", text)]
        if not any(known.overlapping(a, a + len(title)) for a in elsewhere):
            described.append((*dateline.span(1), "City", (), dateline.span(1)))
    names: list[Name] = []
    labels: dict[str, str] = {}
    for start, end, cls, located, evidence in described:
        label = text[start:end]
        if label.isupper():
            label = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in label.split(" "))
        if labels.setdefault(label, cls) != cls:
            continue  # "the port of X" and "X, a town": one name, the first descriptor's class
        head = Head(label, cls, cls)
        parts = tuple(("proper", w.lower()) for w in re.split(r"[ -]", label))
        names.append(Name(start, end, head, label, parts, located=located, evidence=evidence))
    for label, cls in labels.items():  # the bare name elsewhere in the text
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(label)}(?![\w'’-]| [A-Z])", text):
            if free(*match.span()) and not any(n.start == match.start() for n in names):
                head = Head(label, cls, cls)
                parts = tuple(("proper", w.lower()) for w in re.split(r"[ -]", label))
                names.append(Name(match.start(), match.end(), head, label, parts))
    return names


def _en_places(linked: LinkedText, catalog: Catalog) -> list[Name]:
    """English places the catalog lacks, found before the names around them: those a descriptor
    names ("Zabaykalsk, a town in …", "the port of Zarubino"), and a capitalised word a dash joins
    to a known or described place (the Luobei–Amurzet Bridge, the Hunchun–Zarubino Corridor)."""
    described = _en_described_places(linked, catalog, [])
    places = {(n.start, n.end) for n in described}
    by_label = {n.label: n for n in described}
    tokens = _tokens(linked, _EN_TOKEN)
    labels: dict[str, list[tuple[int, int]]] = {}
    for k, token in enumerate(tokens):
        if not _en_place_word(token) or (token.start, token.end) in places:
            continue
        if token.text in by_label:  # the Hunchun–Zarubino Corridor, after "the port of Zarubino"
            if any(tokens[d].text in "–—-" for d in (k - 1, k + 1) if 0 <= d < len(tokens)):
                described.append(
                    replace(by_label[token.text], start=token.start, end=token.end, located=(), evidence=None)
                )
            continue
        for dash, other in ((k + 1, k + 2), (k - 1, k - 2)):
            if not (0 <= other < len(tokens)) or tokens[dash].text not in "–—-":
                continue
            neighbour = tokens[other]
            if neighbour.text.isupper() and len(neighbour.text) > 1:
                continue  # "MANZHOULI — Officials from …": a dateline's dash joins no two places
            known = neighbour.entity is not None and catalog[neighbour.entity].cls in _ANCHOR_CLASSES
            if known or (neighbour.start, neighbour.end) in places:
                labels.setdefault(token.text, []).append((token.start, token.end))
                break
    names = list(described)
    for label, spans in labels.items():
        head = Head(label, "City", "City")
        parts = (("proper", label.lower()),)
        for match in re.finditer(rf"(?<![\w'’]){re.escape(label)}(?![\w'’]| [A-Z])", linked.text):
            if match.span() not in spans and match.span() not in places:
                spans.append(match.span())  # the bare name elsewhere in the text
        names.extend(Name(a, b, head, label, parts) for a, b in spans if not linked.mention_index.overlapping(a, b))
    return names


def _en_place_word(token: _Token) -> bool:
    """A capitalised word no known name covers that may name a place: no stop word, generic or
    translated word, head, or abbreviation."""
    g = grammar()
    text = token.text
    if not token.word or token.entity is not None or not token.capitalised or text.isupper() or len(text) < 3:
        return False
    return _en_proper(token) and text.lower() not in g.words["en"] and text not in {h.form for h in g.en}


def _dashed_places(tokens: list[_Token], catalog: Catalog) -> bool:
    """Do two known places stand on either side of a dash among these tokens?"""
    for k in range(1, len(tokens) - 1):
        left, right = tokens[k - 1].entity, tokens[k + 1].entity
        if tokens[k].text in _DASHES and left and right and left != right:
            if catalog[left].cls in _ANCHOR_CLASSES and catalog[right].cls in _ANCHOR_CLASSES:
                return True
    return False


def _adjacent(tokens: list[_Token]) -> bool:
    return all(b.start - a.end == 1 for a, b in zip(tokens, tokens[1:]))


def _en_proper(token: _Token) -> bool:
    g = grammar()
    return token.capitalised and token.text not in g.en_stop and token.text.lower() not in g.en_generic


def _en_before(tokens: list[_Token], i: int, linked: LinkedText, head: Head | None = None) -> list[_Token]:
    g = grammar()
    chosen: list[_Token] = []
    j = i - 1
    joins = head is not None and bool({head.kind, head.en} & g.link_kinds or head.cls in g.route_placed)
    route = _en_route_modifiers(tokens, i) if joins else None
    if route is not None:  # the Skovorodino-Mohe crude oil pipeline: lower-case words after a dashed pair
        chosen, j = tokens[route:i], route - 1
    most = 6 + len(chosen)
    while j >= 0 and len(chosen) < most:
        token = tokens[j]
        gap = tokens[j + 1].start - token.end
        if token.text in "–—-" and gap == 0 and chosen and j > 0 and tokens[j - 1].end == token.start:
            chosen.insert(0, token)  # Blagoveshchensk–Heihe Bridge
            j -= 1
            continue
        if (
            token.text in "–—-"
            and gap == 1
            and chosen
            and chosen[0].entity
            and j > 0
            and tokens[j - 1].entity
            and token.start - tokens[j - 1].end == 1
        ):
            chosen.insert(0, token)  # Fuyuan – Khabarovsk Ferry: spaced dash between two known names
            j -= 1
            continue
        inner = _en_parenthesis(tokens, j) if gap == 1 else None
        if inner is not None:
            chosen[:0] = tokens[inner : j + 1]  # China (Liaoning) Pilot Free Trade Zone
            j = inner - 1
            continue
        if not token.word or gap not in (0, 1) or (gap == 0 and tokens[j + 1].text not in "–—-"):
            break
        if token.entity is not None or (token.capitalised and token.text not in g.en_stop):
            chosen.insert(0, token)
        elif token.text == "and" and j > 0 and tokens[j - 1].capitalised and tokens[j + 1].capitalised:
            if _coordinated(tokens[j - 1], tokens[j + 1]) or _head_behind(tokens, j - 1):
                break  # Rosneft and Sinopec Energy Holding: two names, not one
            chosen.insert(0, token)  # Harbin International Economic and Trade Fair
        elif token.text.lower() in g.en_generic and chosen == [] and j > 0 and tokens[j - 1].capitalised:
            chosen.insert(0, token)  # "the Tongjiang railway bridge": a lowercase word between name and head
        elif chosen and (inner := _en_of(tokens, j)) is not None:
            chosen[:0] = tokens[inner : j + 1]  # Pearl of the Amur Cultural Centre
            j = inner
        else:
            break
        j -= 1
    # a known name inside the span must be whole
    while chosen and chosen[0].entity is not None and j >= 0 and tokens[j].entity == chosen[0].entity:
        chosen.insert(0, tokens[j])
        j -= 1
    return _after_article(tokens, chosen)


@lru_cache(maxsize=1)
def _en_route_data() -> tuple[int, frozenset[str]]:
    data = names_grammar().get("en_route_modifiers") or {}
    return int(data.get("max", 0)), frozenset(data.get("breaks") or ())


def _en_route_modifiers(tokens: list[_Token], i: int) -> int | None:
    """Where the lower-case words between two known names joined by a dash and the head at token i
    begin (names.yaml en_route_modifiers): "Suifenhe-Dongning pilot development and opening-up zone".
    A lower-case known word is a sector or concept (border trade, logistics), no place: it may stand there."""
    most, breaks = _en_route_data()
    k = i - 1
    while k >= 0 and i - k <= most:
        token = tokens[k]
        gap = tokens[k + 1].start - token.end
        if gap != 1 or not token.word or token.capitalised or token.text in breaks:
            break
        k -= 1
    if k == i - 1 or k < 2 or tokens[k + 1].text == "and" or tokens[i - 1].text == "and":
        return None
    right, dash, left = tokens[k], tokens[k - 1], tokens[k - 2]
    if tokens[k + 1].start - right.end != 1 or dash.text not in "–—-" or not (left.entity and right.entity):
        return None
    if left.entity == right.entity or right.start - dash.end > 1 or dash.start - left.end > 1:
        return None
    return k + 1


def _coordinated(left: _Token, right: _Token) -> bool:
    """Do the words on either side of "and" stand as names of their own: a known name on one
    side, or a proper word on both (Rosneft and Sinopec; not Economic and Trade)?"""
    if left.entity is not None or right.entity is not None:
        return left.entity != right.entity
    return _en_name_word(left) and _en_name_word(right)


def _en_name_word(token: _Token) -> bool:
    g = grammar()
    lower = token.text.lower()
    return _en_proper(token) and lower not in g.words["en"] and token.text not in {h.form for h in g.en}


def _en_of(tokens: list[_Token], j: int) -> int | None:
    """Where a capitalised word + "of" / "of the" / "for" before token j+1 begins (Council of
    Heads of Border Regions Agreement): a lower-case function word inside a capitalised name."""
    k = j
    if tokens[k].text == "the" and k > 0 and tokens[k - 1].text == "of":
        k -= 1
    if tokens[k].text not in ("of", "for") or k == 0:
        return None
    word = tokens[k - 1]
    if not (word.word and word.capitalised and word.text not in grammar().en_stop):
        return None
    if word.end + 1 != tokens[k].start:
        return None
    return k - 1


def _after_article(tokens: list[_Token], chosen: list[_Token]) -> list[_Token]:
    """A name with "of" before its head stands after an article ("the Pearl of the Amur …"); else
    it keeps only what follows its last such "of" (Construction of Harbin Port → Harbin Port)."""
    inner = [k for k, t in enumerate(chosen) if t.text in ("of", "for")]
    if not inner:
        return chosen
    first = tokens.index(chosen[0])
    if first > 0 and tokens[first - 1].text.lower() == "the":
        return chosen
    rest = chosen[inner[-1] + 1 :]
    return rest[1:] if rest and rest[0].text == "the" else rest


def _en_parenthesis(tokens: list[_Token], j: int) -> int | None:
    """Where a parenthesised part of a name that ends at token j begins: "(" + one to three
    capitalised words or known names + ")", right after a capitalised word or known name."""
    if tokens[j].text != ")":
        return None
    k = j - 1
    while k >= 0 and j - k <= 4 and tokens[k].word and (tokens[k].capitalised or tokens[k].entity):
        k -= 1
    if k < 0 or k == j - 1 or tokens[k].text != "(" or k == 0:
        return None
    if tokens[k + 1].start != tokens[k].end or tokens[j].start != tokens[j - 1].end:
        return None
    previous = tokens[k - 1]
    if not previous.word or tokens[k].start - previous.end != 1:
        return None
    if not (previous.entity or (previous.capitalised and previous.text not in grammar().en_stop)):
        return None
    return k


def _en_head_first_links(head: Head) -> tuple[str, ...]:
    """The words that may join a head to the words after it: 'of', 'for', and for an agreement,
    memorandum or treaty 'on' too (Memorandum on Timber Trade Cooperation)."""
    return ("of", "for", "on") if head.kind == "Agreement" else ("of", "for")


def _en_titled_after(head: Head, after: list[_Token]) -> bool:
    """An agreement or event named by two or more capitalised words after its head (the Agreement
    on Border Trade Facilitation): the capitals make it a name, as before a head."""
    words = [t for t in after[1:] if t.word and t.text not in grammar().en_connectors]
    return head.kind == "Agreement" and len(words) >= 2 and all(t.capitalised for t in words)


def _en_after(tokens: list[_Token], j: int, links: tuple[str, ...] = ("of", "for")) -> list[_Token]:
    """'of Commerce', 'of China', 'for Foreign Trade and Economic Cooperation'."""
    g = grammar()
    if j >= len(tokens) or tokens[j].text not in links or tokens[j].start - tokens[j - 1].end != 1:
        return []
    chosen = [tokens[j]]
    k = j + 1
    while k < len(tokens) and len(chosen) < 8 and tokens[k].start - tokens[k - 1].end == 1:
        token = tokens[k]
        after_of = chosen[-1].text in ("of", "for")
        if token.entity is not None or (token.capitalised and token.text not in g.en_stop):
            chosen.append(token)
        elif token.text in ("of", "for") and not after_of and _en_of_ahead(tokens, k + 1):
            chosen.append(token)  # Institute of Economic Research of the Russian Far East
        elif (token.text == "the" and after_of) or (
            token.text == "and"
            and not after_of
            and k + 1 < len(tokens)
            and tokens[k + 1].capitalised
            and tokens[k + 1].text not in g.en_stop
            and tokens[k + 1].entity is None
            and not _head_ahead(tokens, k + 1)
        ):
            chosen.append(token)
        else:
            break
        k += 1
    while chosen and chosen[-1].text in g.en_connectors:
        chosen.pop()
    return chosen if len(chosen) > 1 else []


def _en_of_ahead(tokens: list[_Token], k: int) -> bool:
    """Is the word after an inner "of" (or "of the") a capitalised word or known name?"""
    if k < len(tokens) and tokens[k].text == "the":
        k += 1
    return k < len(tokens) and (tokens[k].entity is not None or (tokens[k].capitalised and tokens[k].word))


def _head_ahead(tokens: list[_Token], k: int) -> bool:
    """Does a run of capitalised words from token k end in a head of its own (… and Far Eastern
    Federal University): then "and" joins two names."""
    heads = {h.form.split()[-1] for h in grammar().en}
    while k < len(tokens) and tokens[k].word and tokens[k].capitalised:
        if tokens[k].text in heads:
            return True
        k += 1
    return False


def _head_behind(tokens: list[_Token], k: int) -> bool:
    """Does the capitalised run ending at token k (across "of", "the") hold a head of its own
    (Harbin Institute of Technology and …): then "and" joins two names."""
    heads = {h.form.split()[-1] for h in grammar().en}
    while k >= 0 and tokens[k].word and (tokens[k].capitalised or tokens[k].text in ("of", "the")):
        if tokens[k].text in heads:
            return True
        k -= 1
    return False


def _en_part(token: _Token) -> tuple[str, str]:
    g = grammar()
    if token.entity is not None:
        return "entity", token.entity
    lower = token.text.lower().replace("’", "'")
    if lower in g.words["en"]:
        return "word", g.words["en"][lower]
    if lower in g.en_generic:
        return "word", lower
    return "proper", lower
