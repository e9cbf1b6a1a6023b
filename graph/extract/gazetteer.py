"""The gazetteer: real-world towns the catalog lacks, found in a text and made proposed entities.

`seeds/gazetteer/places.tsv` (written by `amurkg.corpus.gazetteer_data` from GeoNames, CC BY 4.0)
holds the towns of Northeast China, Siberia, the Russian Far East and Mongolia and the large cities
of China, Russia, Japan and the Koreas, with their Russian, Chinese and Japanese names. It is read
once per process. A town named in a text where the catalog names nothing becomes an `ak:City`
with `ak:status "proposed"`, one entity across languages (its id is its English name's slug),
labelled in the four languages and located in its catalog region or country. The catalog always
wins: a town any of whose names is a catalog place's name is that place, never a gazetteer town,
and a span the catalog links is never looked at.

Precision per language: Chinese and kanji names must be whole jieba words (长安 is not in 长安街),
two-character ones only before an administrative suffix (市县区镇乡村旗屯) or for a large city;
katakana names are whole katakana runs of three or more characters; Russian names in any case,
capitalised, and one that is also an ordinary word (Прогресс, Заря) only after a cue word (город,
посёлок, село, станция …); English names capitalised, whole words, and one that is a common
English word only after "city of", "town of" … or before "City".
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import ahocorasick

from amurkg.corpus.catalog import PLACE_CLASSES, Catalog, Entity
from amurkg.corpus.ingest import slugify
from amurkg.layout import PACKAGE_ROOT
from amurkg.text.link import LinkedText, Mention, is_common_word
from amurkg.text.normalize import fold, fold_text, is_word_char, script_of
from amurkg.text.romanize import gost, kana_to_romaji, pinyin, skeleton
from amurkg.text.russian import analyzer, inflected_forms, lemmas
from amurkg.text.segment import common_word, words

PLACES = PACKAGE_ROOT / "seeds" / "gazetteer" / "places.tsv"
UNITS = PACKAGE_ROOT / "seeds" / "gazetteer" / "units.tsv"  # countries, provinces and regions: a `class` column more
GEONAMES = "https://sws.geonames.org/"
SOURCE_PREFIX = "geonames:"
SOURCE = "gazetteer"  # a unit with no GeoNames id (a Chinese province)

_ADMIN_SUFFIXES = frozenset("市县区镇乡村旗屯町")
_LARGE = 100_000  # a two-character Chinese name stands alone only for a city this large
_DOMINANT = 10  # a name two towns share is the larger one's when it is this many times larger
_MIN_OUTLINE = 4  # consonants of a Russian town's outline kept in the index
_SURE_OUTLINE = 5  # … and of a katakana run read by it: shorter ones are shared by many villages
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{4,}")
_RU_CUES = frozenset(
    {"город", "посёлок", "поселок", "село", "деревня", "станция", "станица", "пгт", "г", "пос", "с", "ст", "д", "п"}
)
_RU_CUE_LEMMAS = frozenset({"город", "посёлок", "поселок", "село", "деревня", "станция", "станица", "городок"})
_EN_CUES_BEFORE = re.compile(r"(?:city|town|village|settlement|township|county|port) of $", re.IGNORECASE)
_EN_CUES_AFTER = re.compile(r"^ (?:City|Town|Village|County|city|town|village|county)\b")
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fb]+$")
_CYRILLIC = re.compile(r"[а-яё]")


@dataclass(frozen=True)
class Town:
    geonameid: str
    id: str
    en: str
    country: str
    region: str
    population: int
    en_common: bool
    ru: tuple[str, ...]
    zh: tuple[str, ...]
    ja: tuple[str, ...]
    en_alt: tuple[str, ...]
    cls: str = "City"  # Country or Region for a row of units.tsv

    def names(self) -> tuple[str, ...]:
        return (self.en, *self.en_alt, *self.ru, *self.zh, *self.ja)


@lru_cache(maxsize=2)
def towns(path: Path = PLACES, units: Path = UNITS) -> tuple[Town, ...]:
    """The towns of the gazetteer file, then its countries and regions (none when the files are absent)."""
    return _read(path, 11) + _read(units, 12)


def _read(path: Path, columns: int) -> tuple[Town, ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    found = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != columns:
            continue
        gid, tid, en, country, region, population, common, ru, zh, ja, alt = cells[:11]

        def split(cell: str) -> tuple[str, ...]:
            return tuple(n for n in cell.split("|") if n)

        found.append(
            Town(
                gid,
                tid,
                en,
                country,
                region,
                int(population or 0),
                common == "1",
                split(ru),
                split(zh),
                split(ja),
                split(alt),
                cells[11] if columns > 11 else "City",
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class _Form:
    town: int  # index into towns(); -1 when several towns of about one size share the form
    script: str  # han | katakana | cyrillic | latin
    common: bool  # an ordinary word too: needs a cue word
    shared_by: tuple[int, ...] = ()  # the towns sharing the form: the one whose region the text names is meant


class _Index:
    """Every folded form of every town in one automaton; a form two towns share goes to the larger
    one when it dominates, else to the one whose region the text names (`_Form.shared_by`)."""

    def __init__(self, places: tuple[Town, ...], scripts: frozenset[str]):
        self.places = places
        candidates: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(
            list
        )  # form → (rank, town, script, common)
        for index, town in enumerate(places):
            for rank, name in ((0, town.en), *((1, n) for n in town.en_alt)) if "latin" in scripts else ():
                for variant in {name, name.replace("’", "").replace("'", "")}:
                    folded = fold(variant)
                    if len(folded) >= 3:
                        candidates[folded].append((rank, index, "latin", town.en_common and rank == 0))
            for name in _han_names(town) if "han" in scripts else ():
                folded = fold(name)
                if len(folded) >= 2:
                    candidates[folded].append((0, index, "han", False))
            for name in town.ja if "katakana" in scripts else ():
                folded = fold(name)
                if len(folded) >= 3:
                    candidates[folded].append((0, index, "katakana", False))
            for rank, name in enumerate(town.ru) if "cyrillic" in scripts else ():
                common = _ordinary(fold(name), town)
                for form in inflected_forms(name):
                    folded = fold(form)
                    if len(folded) >= 3:
                        candidates[folded].append((min(rank, 1), index, "cyrillic", common))
        self.outlines: dict[str, int] = {}  # Japanese: a katakana run's consonant outline → a Russian town
        if "katakana" in scripts:
            by_outline: dict[str, set[int]] = defaultdict(set)
            for index, town in enumerate(places):
                if town.country in ("russia", "mongolia") and town.cls == "City":
                    for name in (town.en, *town.en_alt, *(gost(n) for n in town.ru[:1])):
                        outline = skeleton(slugify(name))
                        if len(outline) >= _MIN_OUTLINE:
                            by_outline[outline].add(index)
            for outline, members in sorted(by_outline.items()):
                order = sorted(members, key=lambda i: (-places[i].population, i))
                if len(order) == 1 or places[order[0]].population >= _DOMINANT * max(1, places[order[1]].population):
                    self.outlines[outline] = order[0]
        self.forms: dict[str, _Form] = {}
        self.automaton = ahocorasick.Automaton()
        for form in sorted(candidates):
            entries = candidates[form]
            best_rank = min(e[0] for e in entries)
            entries = [e for e in entries if e[0] == best_rank]
            by_town = {e[1]: e for e in entries}
            ranked = sorted(by_town.values(), key=lambda e: (-places[e[1]].population, e[1]))
            _, town_index, script, common = ranked[0]
            if len(ranked) > 1 and places[ranked[0][1]].population < _DOMINANT * max(
                1, places[ranked[1][1]].population
            ):
                shared = tuple(e[1] for e in ranked)
                self.forms[form] = _Form(-1, script, any(e[3] for e in ranked), shared)
            else:
                self.forms[form] = _Form(town_index, script, common)
            self.automaton.add_word(form, form)
        if self.forms:
            self.automaton.make_automaton()


_SCRIPTS = {
    "zh": frozenset({"han"}),
    "ja": frozenset({"han", "katakana"}),
    "ru": frozenset({"cyrillic"}),
    "en": frozenset({"latin"}),
}


def _han_names(town: Town) -> tuple[str, ...]:
    """A town's Chinese-character names that are its own: for a Chinese town those whose pinyin is its
    English name (GeoNames also lists old and neighbouring names: 开平 under Changsha); never a
    one-character stem with a suffix (北区)."""
    names = tuple(n for n in town.zh if len(fold(n).rstrip("市县区镇乡旗")) >= 2)
    if town.country != "china" or town.cls != "City":
        return names
    plain = re.sub("[^a-z]", "", slugify(town.en))
    own = tuple(n for n in names if pinyin(fold(n).rstrip("市县区镇乡旗")).replace(" ", "").replace("-", "") == plain)
    return own or names


@lru_cache(maxsize=4)
def _index(language: str) -> _Index:
    """The forms a text of this language is searched for (Russian ones inflected: about a second, once)."""
    return _Index(towns(), _SCRIPTS[language])


_excluded_cache: dict[int, tuple[Catalog, frozenset[int]]] = {}


def _catalog_towns(catalog: Catalog, index: _Index) -> frozenset[int]:
    """The towns the catalog already has: one of their names is a catalog place's name or id."""
    cached = _excluded_cache.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    known = {fold(name) for entity in catalog if entity.cls in PLACE_CLASSES for _, name in entity.names()}
    ids = set(catalog.entities)
    excluded = frozenset(
        i
        for i, town in enumerate(index.places)
        if town.id in ids or any(fold(n) in known for n in (town.en, *town.ru[:1], *town.zh, *town.ja))
    )
    _excluded_cache.clear()
    _excluded_cache[id(catalog)] = (catalog, excluded)
    return excluded


def entity_of(town: Town) -> Entity:
    """A town as a proposed City: labels in four languages, its region (or country), its GeoNames id."""
    labels = {"en": town.en.replace("’", "")}
    aliases: dict[str, tuple[str, ...]] = {}
    if town.ru:
        labels["ru"] = town.ru[0]
        if town.ru[1:]:
            aliases["ru"] = town.ru[1:]
    han = tuple(dict.fromkeys(fold(n) for n in town.zh))
    if han:
        labels["zh"] = min(han, key=lambda n: (len(n), n))
        if len(han) > 1:
            aliases["zh"] = tuple(n for n in han if n != labels["zh"])
    kanji = tuple(n for n in town.zh if fold(n) != n) or tuple(_to_kanji(n) for n in town.zh)
    if town.ja and town.country not in ("china", "japan", "south-korea", ""):
        labels["ja"] = town.ja[0]
    elif kanji:
        labels["ja"] = min(kanji, key=lambda n: (len(n), n))
    elif town.ja:
        labels["ja"] = town.ja[0]
    if town.en_alt:
        aliases["en"] = town.en_alt
    place = town.region or town.country
    return Entity(
        id=town.id,
        cls=town.cls,
        labels=labels,
        aliases=aliases,
        located_in=(place,) if place else (),
        source=f"{SOURCE_PREFIX}{town.geonameid}" if town.geonameid else SOURCE,
        status="proposed",
    )


@lru_cache(maxsize=1)
def _kanji_converters():
    import opencc

    return opencc.OpenCC("s2t"), opencc.OpenCC("t2jp")


def _to_kanji(name: str) -> str:
    """A simplified Chinese name as Japanese writes it (珲春 → 琿春)."""
    traditional, japanese = _kanji_converters()
    return japanese.convert(traditional.convert(name))


def from_gazetteer(entity: Entity) -> bool:
    """Is this entity a gazetteer town, country or region (its places come from the gazetteer)?"""
    return entity.source.startswith(SOURCE_PREFIX) or entity.source == SOURCE


def geonames_iri(entity: Entity) -> str | None:
    """The GeoNames IRI of a gazetteer town (None for any other entity)."""
    if entity.source.startswith(SOURCE_PREFIX):
        return f"{GEONAMES}{entity.source[len(SOURCE_PREFIX) :]}/"
    return None


def add_towns(linked: LinkedText, catalog: Catalog) -> tuple[LinkedText, list[Entity]]:
    """The text with the gazetteer towns it names added as mentions, and those towns as entities."""
    if linked.language not in _SCRIPTS:
        return linked, []
    index = _index(linked.language)
    if not index.forms:
        return linked, []
    excluded = _catalog_towns(catalog, index)
    folded = fold_text(linked.text)
    text = folded.text
    taken = bytearray(len(text) + 1)
    for mention in linked.mentions:  # the catalog's spans, in folded offsets
        position = bisect.bisect_left(folded.starts, mention.start)
        end = bisect.bisect_left(folded.starts, mention.end)
        taken[position:end] = b"\x01" * (end - position)
    boundaries: tuple[set[int], dict[int, int]] | None = None
    found: list[tuple[int, int, int]] = []
    named = {m.entity for m in linked.mentions}
    for last, form in index.automaton.iter(text):
        entry = _meant(index, index.forms[form], named)
        if entry is None or entry.town in excluded:
            continue
        start, end = last - len(form) + 1, last + 1
        if any(taken[start:end]):
            continue
        if entry.script == "han":
            if boundaries is None:
                boundaries = _word_boundaries(linked, text)
            if not _han_ok(text, start, end, index.places[entry.town], boundaries):
                continue
        elif not _whole_word(text, start, end):
            continue
        original_start = folded.starts[start]
        if entry.script == "han" and linked.text[folded.ends[end - 1] : folded.ends[end - 1] + 1] in _OTHER_UNITS:
            continue  # 新潟県, 愛輝区, 延边州: a prefecture, district or province of that name, not the town
        if entry.script in ("cyrillic", "latin") and not linked.text[original_start].isupper():
            continue
        if entry.script == "latin" and not _en_capitalised(linked.text[original_start : folded.ends[end - 1]]):
            continue
        if entry.script == "latin" and _en_part_of_longer_name(linked.text, folded.ends[end - 1]):
            continue  # "Taiga Export", "Longjiang Grain Terminal": a firm's or facility's own word, not the town
        if entry.common and not _cued(linked.text, original_start, folded.ends[end - 1], entry.script):
            continue
        if (
            entry.script == "cyrillic"
            and _ordinary(form, index.places[entry.town])
            and not _cued(linked.text, original_start, folded.ends[end - 1], entry.script)
        ):
            continue  # a form that is an ordinary word (Заре of Заря, Мирном)
        if _beside_another_region(linked, original_start, folded.ends[end - 1], index.places[entry.town]):
            continue  # Ивановка Амурской области is not the Ivanovka of Primorye
        found.append((start, end, entry.town))
    if index.outlines:
        found += _katakana_by_outline(text, index, excluded, taken)
    chosen: list[tuple[int, int, int]] = []
    for start, end, place in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, place))
    if not chosen:
        return linked, []
    mentions = list(linked.mentions)
    entities: dict[str, Entity] = {}
    for start, end, town_index in chosen:
        town = index.places[town_index]
        a, b = folded.original_span(start, end)
        mentions.append(Mention(town.id, linked.document, a, b, linked.text[a:b], linked.sentence_at(a)))
        entity = entities.setdefault(town.id, entity_of(town))
        if linked.language not in entity.labels:  # クラスキノ, read by its outline: the text's spelling
            entities[town.id] = replace(entity, labels={**entity.labels, linked.language: linked.text[a:b]})
    mentions.sort(key=lambda m: (m.start, m.end))
    return replace(linked, mentions=tuple(mentions)), [entities[k] for k in sorted(entities)]


def _ordinary(folded: str, town: Town) -> bool:
    """Is a Russian form an ordinary word (Заря, Мирный)? For a country or region only when its first
    reading is none of a place (Германии is Germany before it is germanium; Того stays a pronoun)."""
    if town.cls == "City":
        return is_common_word(folded)
    first = analyzer().parse(folded)[0]
    return first.is_known and "Geox" not in first.tag.grammemes


def _meant(index: _Index, entry: _Form, named: set[str]) -> _Form | None:
    """The town a form stands for: its own, or of the towns sharing it the only one whose region the
    text names (Ивановка in a text about Amur Oblast); None when the text names no such region."""
    if entry.town >= 0:
        return entry
    placed = [t for t in entry.shared_by if index.places[t].region and index.places[t].region in named]
    return replace(entry, town=placed[0]) if len(placed) == 1 else None


_BESIDE = 4  # characters between a town and the region named with it (阿穆尔州X, X Амурской области, X, Amur Oblast)


def _beside_another_region(linked: LinkedText, start: int, end: int, town: Town) -> bool:
    """The text names a first-level region right before or after the town (one the gazetteer's towns lie
    in), and the gazetteer's town of that name lies in another: the text means another town of that name."""
    if not town.region:
        return False
    units = _town_regions()
    for mention in linked.mention_index.overlapping(max(0, start - _BESIDE - 30), end + _BESIDE + 30):
        near = start - _BESIDE <= mention.end <= start or end <= mention.start <= end + _BESIDE
        if near and mention.entity in units and mention.entity != town.region:
            return True
    return False


@lru_cache(maxsize=1)
def _town_regions() -> frozenset[str]:
    return frozenset(t.region for t in towns() if t.region)


def _katakana_by_outline(
    text: str, index: _Index, excluded: frozenset[int], taken: bytearray
) -> list[tuple[int, int, int]]:
    """Japanese: a whole katakana run GeoNames gives no katakana for (クラスキノ) is the Russian town
    whose name has its consonant outline (Kraskino: krskn), five consonants at least."""
    found = []
    for match in _KATAKANA_RUN.finditer(text):
        start, end = match.span()
        if any(taken[start:end]) or not _whole_word(text, start, end):
            continue
        outline = skeleton(kana_to_romaji(match.group()))
        town = index.outlines.get(outline)
        if town is None or town in excluded:
            continue
        if len(outline) < _SURE_OUTLINE:
            continue  # イヴァノフカ (vnvk): many villages share a short outline; leave it to discovery
        found.append((start, end, town))
    return found


def _word_boundaries(linked: LinkedText, text: str) -> tuple[set[int], dict[int, int]]:
    """Where jieba's words start and end in the folded text, and each word's end by its start."""
    segmented = linked.words if linked.language == "zh" and linked.words else tuple(words(text))
    edges = {w.start for w in segmented} | {w.end for w in segmented}
    return edges, {w.start: w.end for w in segmented}


# Suffixes (in the original script) of units that share a town's name but are not the town: discovery reads them.
_OTHER_UNITS = frozenset("省県州郡区區旗盟")


def _han_ok(text: str, start: int, end: int, town: Town, boundaries: tuple[set[int], dict[int, int]]) -> bool:
    """A Chinese or kanji name is whole words (not 长安 of 长安街), and a two-character one comes
    with an administrative suffix or a place's class word, or names a large city and is no
    ordinary word of jieba's dictionary."""
    edges, _ = boundaries
    suffixed = end < len(text) and (text[end] in _ADMIN_SUFFIXES or text.startswith(_heads_after(), end))
    if start not in edges:
        return False
    if end not in edges and not suffixed:
        return False
    if town.cls != "City":  # a province's or country's name is a name alone (四川, 德国), unless an ordinary word
        return not common_word(text[start:end])
    if end - start == 2 and not suffixed and (town.population < _LARGE or common_word(text[start:end])):
        return False  # 联合 "joint" is a word before it is Lianhe
    return True


@lru_cache(maxsize=1)
def _heads_after() -> tuple[str, ...]:
    """Class words that make a two-character name a place's (琿春駅, 珲春口岸): discovery's CJK heads."""
    from amurkg.extract.discovery import grammar

    return tuple(
        sorted({h.form for h in grammar().cjk if h.cls in PLACE_CLASSES or h.kind == "Infrastructure"} | {"驿", "站"})
    )


def _whole_word(text: str, start: int, end: int) -> bool:
    """Not inside a longer word of the same script (a katakana name is a whole katakana run)."""
    if start > 0 and is_word_char(text[start - 1]) and script_of(text[start - 1]) == script_of(text[start]):
        return False
    if end < len(text) and is_word_char(text[end]) and script_of(text[end]) == script_of(text[end - 1]):
        return False
    return True


def _en_part_of_longer_name(text: str, end: int) -> bool:
    """English: the next word is capitalised and no head of a name (Port, Railway, Customs …): the town's
    name is a word of a longer proper name ("Taiga Export"), while "Hunchun Railway Port" keeps it."""
    following = re.match(r" ([A-Z][\w'’-]*)", text[end:])
    return following is not None and following.group(1) not in _en_heads()


@lru_cache(maxsize=1)
def _en_heads() -> frozenset[str]:
    from amurkg.extract.discovery import grammar

    return frozenset(h.form.split()[0] for h in grammar().en)


def _en_capitalised(surface: str) -> bool:
    return all(w[:1].isupper() for w in re.split(r"[\s-]+", surface) if w not in ("na", "on"))


def _cued(text: str, start: int, end: int, script: str) -> bool:
    """A cue word names the town a common word would be: «в посёлке Прогресс», "the town of Progress"."""
    if script == "latin":
        return bool(_EN_CUES_BEFORE.search(text[max(0, start - 20) : start]) or _EN_CUES_AFTER.match(text[end:]))
    before = re.findall(r"[А-Яа-яЁё]+", text[max(0, start - 30) : start])
    if not before:
        return False
    word = before[-1].lower()
    return word in _RU_CUES or bool(lemmas(word) & _RU_CUE_LEMMAS)
