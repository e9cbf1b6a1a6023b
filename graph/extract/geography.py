"""Where a text says a thing lies, beyond the clause rules: the statements of geography that carry no verb.

- A country's adjective before a place or firm, directly or across a few words of class
  ("the Russian city of Blagoveshchensk", "Russian regions such as A and B", «китайской провинцией
  Хэйлунцзян»): it lies in that country (rule `geography:demonym`; lists distribute).
- A copula and a description whose head is a noun of place class ("Heihe is a border city of
  Heilongjiang", «Амурская область является приграничным регионом России», 东宁是黑龙江省的边境城市,
  黒河市は黒龍江省の国境都市である): the first lies in the second (rule `geography:copula`).
- A list after a larger place's possessive ("Russia's Primorsky Krai (province), Zabaykalsky Krai and Amur
  Oblast", 俄罗斯的A、B和C): every member of the first one's class lies there (rule `geography:possessed`).
- English "Harbin-based Qinggonglin Pumps": the organisation lies in the place (rule `geography:based`);
  the place is then only a qualifier, no party of its clause (`based_qualifiers`).

The words are data (`geography.yaml`); what a name is and which class it has come from the catalog.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from amurkg.corpus.catalog import PLACE_CLASSES, Catalog
from amurkg.extract import Relation
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import fold
from amurkg.text.russian import lemmas
from amurkg.yamlio import load_data

GEOGRAPHY_FILE = Path(__file__).with_name("geography.yaml")

LISTED_PLACES = PLACE_CLASSES - {"Country", "GeoFeature"}  # places a larger one holds, in lists and adjectives
HOLDER_CLASSES = frozenset({"Country", "Region", "City"})
_WORD = re.compile(r"[^\W\d_][\w-]*")


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_data(GEOGRAPHY_FILE.read_text(encoding="utf-8"))


def extract_geography(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    """The document-stated geography of one linked text."""
    return [
        *_demonyms(linked, catalog),
        *_based(linked, catalog),
        *_copulas(linked, catalog),
        *_possessed_lists(linked, catalog),
        *_relatives(linked, catalog),
        *_nested(linked, catalog),
        *_trailing(linked, catalog),
        *_parts(linked, catalog),
    ]


def _located(linked: LinkedText, inner: str, outer: str, start: int, end: int, rule: str) -> Relation:
    """inner ak:locatedIn outer, stated by text[start:end] (rule `geography:<rule>`)."""
    quote = linked.text[start:end]
    return Relation(inner, "locatedIn", outer, linked.document, start, end, quote, "pattern", f"geography:{rule}")


# -- a country's adjective


def _demonyms(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    data = _data()
    table: dict[str, str] = data.get("demonyms", {}).get(linked.language) or {}
    if not table:
        return []
    allowed = frozenset(data.get("between", {}).get(linked.language) or ())
    joints = tuple(data.get("list_joints", {}).get(linked.language) or ())
    text, mentions = linked.text, sorted(linked.mentions, key=lambda m: m.start)
    covered = [(m.start, m.end) for m in mentions]
    out: list[Relation] = []
    for word in _WORD.finditer(text):
        country = _demonym(word.group(), linked.language, table)
        if country is None or country not in catalog or any(a <= word.start() < b for a, b in covered):
            continue
        first = next((m for m in mentions if m.start >= word.end()), None)
        if first is None or not _only_words(text[word.end() : first.start], allowed, linked.language):
            continue
        for member in _list_from(first, mentions, text, joints):
            if member.entity not in catalog or member.entity == country:
                continue
            if catalog[member.entity].cls not in LISTED_PLACES | {"Organization"}:
                break
            known = catalog.country_of(member.entity)
            if known is not None and known != country:
                break  # "Russian regions such as Amur Oblast and Heilongjiang": the list has left the country
            out.append(_located(linked, member.entity, country, word.start(), member.end, "demonym"))
    return out


def demonym_country(word: str, language: str) -> str | None:
    """The country whose adjective the word is (китайские → china, Chinese → china), or None."""
    table = _data().get("demonyms", {}).get(language) or {}
    return _demonym(word, language, table)


def _demonym(word: str, language: str, table: dict[str, str]) -> str | None:
    if language == "ru":
        return next((table[lemma] for lemma in lemmas(word.lower()) if lemma in table), None)
    return table.get(word.lower())


def _only_words(between: str, allowed: frozenset[str], language: str) -> bool:
    """Is the text between the adjective and the name a space, or only words of place class?"""
    if between.strip(" ") == "":
        return between == " "
    if not re.fullmatch(r"[\w\s-]+", between) or not between.startswith(" ") or not between.endswith(" "):
        return False
    words = between.split()
    if len(words) > 4:
        return False
    if language == "ru":
        return all(lemmas(w.lower()) & allowed for w in words)
    return all(w.lower() in allowed for w in words)


def _list_from(first: Mention, mentions: list[Mention], text: str, joints: tuple[str, ...]) -> list[Mention]:
    """The mention and the ones a list joint adds after it ("A, B and C")."""
    members = [first]
    for mention in mentions[mentions.index(first) + 1 :]:
        if text[members[-1].end : mention.start] not in joints:
            break
        members.append(mention)
    return members


# -- "X-based Y"


def based_qualifiers(linked: LinkedText) -> set[tuple[int, int]]:
    """Spans of places that only say where the next name is based ("Harbin-based …")."""
    return {(place.start, place.end) for place, _ in _based_pairs(linked)}


def _based_pairs(linked: LinkedText) -> list[tuple[Mention, Mention]]:
    markers = tuple(_data().get("based", {}).get(linked.language) or ())
    if not markers:
        return []
    mentions = sorted(linked.mentions, key=lambda m: m.start)
    pairs = []
    for place, named in zip(mentions, mentions[1:]):
        if linked.text[place.end : named.start] in markers:
            pairs.append((place, named))
    return pairs


def _based(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    out = []
    for place, named in _based_pairs(linked):
        if place.entity not in catalog or named.entity not in catalog:
            continue
        if catalog[place.entity].cls not in HOLDER_CLASSES or catalog[named.entity].cls in HOLDER_CLASSES:
            continue
        out.append(_located(linked, named.entity, place.entity, place.start, named.end, "based"))
    return out


# -- "A is a border city of B"


@lru_cache(maxsize=4)
def _copula_words(language: str) -> dict | None:
    return (_data().get("copula") or {}).get(language)


def _copulas(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    words = _copula_words(linked.language)
    if not words:
        return []
    text = linked.text
    out = []
    for index in range(len(linked.sentences)):
        mentions = linked.mentions_in(index)
        for a, b in zip(mentions, mentions[1:]):
            end = _copula_end(linked.language, words, text[a.end : b.start], text, b.end)
            if end is None or a.entity not in catalog or b.entity not in catalog or a.entity == b.entity:
                continue
            if not _may_lie_in(catalog, a.entity, b.entity):
                continue
            out.append(_located(linked, a.entity, b.entity, a.start, end, "copula"))
    return out


def _copula_end(language: str, words: dict, gap: str, text: str, after_b: int) -> int | None:
    """Where the description ends when the gap between the two names (and, in Chinese and Japanese,
    the words after the second) make "A is a CLASS of B"; None when they do not."""
    if language in ("zh", "ja"):
        if gap.strip() not in words["verbs"]:
            return None
        tail = text[after_b : after_b + 16]
        linked_by = tail.startswith(("的", "の"))  # B的…城市, Bの…都市; without it only a short modifier (B边境城市)
        if language == "ja" and not linked_by:
            return None
        for at in range(1, len(tail) + 1):
            piece = tail[:at]
            if not linked_by and at > 5:
                return None
            if any(piece.endswith(c) for c in words["classes"]) and tail[at:].startswith(tuple(words["after"])):
                return after_b + at
        return None
    tokens = gap.split()
    if not tokens or not gap.startswith(" ") or not gap.endswith(" "):
        return None
    if language == "ru":
        if tokens[0].lower() not in words["verbs"] or len(tokens) > 6:
            return None
        if not lemmas(tokens[-1].lower()) & frozenset(words["classes"]):
            return None
        return after_b
    lowered = " ".join(tokens).lower()
    verbs = sorted(words["verbs"], key=len, reverse=True)
    verb = next((v for v in verbs if lowered.startswith(v + " ")), None)
    if verb is None or tokens[-1].lower() not in words["links"]:
        return None
    rest = lowered[len(verb) + 1 :].split()[:-1]  # the description: article, modifiers, class noun
    if not rest or rest[-1] not in words["classes"] or len(rest) > 6:
        return None
    return after_b


def _may_lie_in(catalog: Catalog, inner: str, outer: str) -> bool:
    """The catalog puts `inner` inside `outer` (or part of it), or knows no place of `inner` and `outer`
    is a place that can hold it."""
    entity = catalog[inner]
    if outer in catalog.ancestors(inner) or outer in entity.part_of:
        return True
    if outer in catalog and set(entity.located_in) & set(catalog.ancestors(outer)):
        return inner not in catalog.ancestors(outer)  # a district of the region the catalog puts it in: finer
    return not entity.located_in and catalog[outer].cls in HOLDER_CLASSES and entity.cls not in ("Country",)


# -- cooperation with a macro-region


def with_a_macro_region(relation: Relation, catalog: Catalog) -> bool:
    """Cooperation "with Northeast Asia", 与亚太地区合作: a region no country holds is a direction of policy,
    not a party that cooperates, unless the quote names its countries (中央アジア諸国, "Central Asian
    countries": `countries_words`)."""
    if relation.predicate != "cooperatesWith":
        return False
    words = tuple(fold(w) for w in _data().get("countries_words") or ())
    quote = fold(relation.quote)
    for end in (relation.subject, relation.object):
        if end not in catalog or catalog[end].cls != "Region" or catalog.country_of(end) is not None:
            continue
        names = {fold(name) for _, name in catalog[end].names()}
        said = any(quote[at + len(n) :].lstrip().startswith(words) for n in names if n for at in _positions(quote, n))
        if not said:
            return True
    return False


_FIGURE = re.compile(
    r"\d[\d.,]*\s*(?:%|％|percent|per cent|процент|billion|million|млрд|млн|тыс|亿|万|億)", re.IGNORECASE
)


def a_trade_figure(relation: Relation) -> bool:
    """A cooperation the clause rules read from a trade figure ("Trade between Heihe and Russia reached
    14 billion"): no statement that the two cooperate, unless the passage also says so in words."""
    if relation.predicate != "cooperatesWith" or not relation.rule.startswith("clause:"):
        return False
    words = _data().get("trade_figures") or {}
    quote = relation.quote.lower()
    if not _FIGURE.search(quote) or not any(w in quote for w in words.get("trade", ())):
        return False
    return not any(w in quote for w in words.get("cooperation", ()))


def _positions(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)]


# -- "Russia's A, B and C"


def _possessed_lists(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    data = _data()
    marks = tuple(data.get("possessives", {}).get(linked.language) or ())
    joints = tuple(data.get("list_joints", {}).get(linked.language) or ())
    if not marks or not joints:
        return []
    text, out = linked.text, []
    for index in range(len(linked.sentences)):
        mentions = linked.mentions_in(index)
        for position, (outer, first) in enumerate(zip(mentions, mentions[1:])):
            if text[outer.end : first.start] not in marks or outer.entity not in catalog or first.entity not in catalog:
                continue
            if catalog[outer.entity].cls not in HOLDER_CLASSES or catalog[first.entity].cls not in LISTED_PLACES:
                continue  # 黑河市的木材加工业和农产品加工业: a place's industries, not places in it
            if not _may_lie_in(catalog, first.entity, outer.entity):
                continue
            cls, previous = catalog[first.entity].cls, first
            for member in mentions[position + 2 :]:
                gap = re.sub(r"^\s*[(（][^()（）]{1,20}[)）]", "", text[previous.end : member.start])
                if gap not in joints or member.entity not in catalog or catalog[member.entity].cls != cls:
                    break
                if not _may_lie_in(catalog, member.entity, outer.entity):
                    break  # the list has left the place: "Russia's Amur Oblast and Heilongjiang"
                out.append(_located(linked, member.entity, outer.entity, outer.start, member.end, "possessed"))
                previous = member
    return out


# -- 沿海州にあるナホトカ, 位于黑河市的大黑河岛


def _relatives(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    """A locative phrase joining a place X to the next name Y without a clause of its own: Y lies in X."""
    text, out = linked.text, []
    for key in (linked.language, f"{linked.language}_inside"):
        words = _data().get("relatives", {}).get(key)
        if not words:
            continue
        before = tuple(w for w in words["before_place"] if w)
        after = tuple(sorted(words["after_place"], key=len, reverse=True))
        parts = tuple(sorted(words.get("parts") or (), key=len, reverse=True))
        for index in range(len(linked.sentences)):
            mentions = linked.mentions_in(index)
            for place, named in zip(mentions, mentions[1:]):
                if place.entity not in catalog or named.entity not in catalog or place.entity == named.entity:
                    continue
                if before and not text[: place.start].endswith(before):
                    continue
                part = next((w for w in parts if text.startswith(w, place.end)), "")
                closing = next((w for w in after if text.startswith(w, place.end + len(part))), None)
                if closing is None:
                    continue
                gap = text[place.end + len(part) + len(closing) : named.start]
                if len(gap) > int(words["gap"]) or re.search(r"[\s。、，,；;：:（(「『“]", gap):
                    continue
                if catalog[place.entity].cls not in HOLDER_CLASSES or catalog[named.entity].cls in _UNPLACED:
                    continue
                if not _may_lie_in(catalog, named.entity, place.entity) or text.startswith(_MODIFIER_AFTER, named.end):
                    continue
                start = place.start - next((len(w) for w in before if text[: place.start].endswith(w)), 0)
                out.append(_located(linked, named.entity, place.entity, start, named.end, "relative"))
    return out


_UNPLACED = frozenset({"Industry", "CooperationModel", "Program", "Country", "Event", "GeoFeature"})
_MODIFIER_AFTER = ("の", "的")  # ハバロフスク地方にあるアムール川の港: the river only names the port that lies there


# -- «в Зарубино в Хасанском районе»


def _nested(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    """A preposition, a place A, the preposition again and a larger place B: A lies in B."""
    prepositions = _data().get("nested", {}).get(linked.language)
    if not prepositions:
        return []
    pattern = re.compile(rf"^\s+(?:{'|'.join(map(re.escape, prepositions))})\s+$", re.IGNORECASE)
    opening = re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, prepositions))})\s+(?:\w+\s+)?$", re.IGNORECASE)
    text, out = linked.text, []
    for index in range(len(linked.sentences)):
        mentions = linked.mentions_in(index)
        for inner, outer in zip(mentions, mentions[1:]):
            if inner.entity not in catalog or outer.entity not in catalog or inner.entity == outer.entity:
                continue
            if not pattern.match(text[inner.end : outer.start]) or not opening.search(
                text[max(0, inner.start - 20) : inner.start]
            ):
                continue
            if catalog[inner.entity].cls not in LISTED_PLACES or catalog[outer.entity].cls not in HOLDER_CLASSES:
                continue
            if catalog[inner.entity].cls == "Region" and catalog[outer.entity].cls == "City":
                continue  # «в районе в городе»: not a place inside a smaller one
            unplaced = not catalog[outer.entity].located_in and catalog[outer.entity].status == "proposed"
            if unplaced or _may_lie_in(catalog, inner.entity, outer.entity):  # a district the text names only here
                out.append(_located(linked, inner.entity, outer.entity, inner.start, outer.end, "nested"))
    return out


# -- "Vladivostok, Nakhodka and Vostochny in Primorsky Krai"


def _trailing(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    """A list of places before one locative: the members before the last lie in its place too (the last
    one's edge is the clause rules' compound)."""
    data = _data()
    locatives = tuple(data.get("trailing", {}).get(linked.language) or ())
    joints = tuple(data.get("list_joints", {}).get(linked.language) or ())
    if not locatives or not joints:
        return []
    text, out = linked.text, []
    for index in range(len(linked.sentences)):
        mentions = linked.mentions_in(index)
        for position, (last, outer) in enumerate(zip(mentions, mentions[1:])):
            if (
                text[last.end : outer.start] not in locatives
                or last.entity not in catalog
                or outer.entity not in catalog
            ):
                continue
            if catalog[outer.entity].cls not in HOLDER_CLASSES or catalog[last.entity].cls not in LISTED_PLACES:
                continue
            if not _may_lie_in(catalog, last.entity, outer.entity):
                continue
            cls, following = catalog[last.entity].cls, last
            for member in reversed(mentions[:position]):
                if text[member.end : following.start] not in joints or member.entity not in catalog:
                    break
                if catalog[member.entity].cls != cls or not _may_lie_in(catalog, member.entity, outer.entity):
                    break
                out.append(_located(linked, member.entity, outer.entity, member.start, outer.end, "trailing"))
                following = member
    return out


# -- "A is part of B", «A входит в состав B», AはBの一部, A是B的一部分


_PART_SIDES = (LISTED_PLACES | {"Region"}, frozenset({"Organization"}))


def _parts(linked: LinkedText, catalog: Catalog) -> list[Relation]:
    """A said to be part of B with no other verb: A ak:partOf B (two places, or two organizations)."""
    words = _data().get("parts", {}).get(linked.language)
    if not words:
        return []
    forms = [
        (re.compile(rf"\s*{w['gap']}\s*", re.IGNORECASE), re.compile(w["tail"]) if w.get("tail") else None)
        for w in words
    ]
    text, out = linked.text, []
    for index in range(len(linked.sentences)):
        mentions = linked.mentions_in(index)
        for a, b in zip(mentions, mentions[1:]):
            if a.entity not in catalog or b.entity not in catalog or a.entity == b.entity:
                continue
            gap, end = text[a.end : b.start], None
            for between, after in forms:
                if between.fullmatch(gap):
                    tail = after.match(text, b.end) if after else None
                    end = b.end if after is None else tail.end() if tail else None
                    if end is not None:
                        break
            if end is None:
                continue
            inner, outer = catalog[a.entity], catalog[b.entity]
            if not any(inner.cls in side and outer.cls in side for side in _PART_SIDES):
                continue
            if outer.cls == "City" and inner.cls in ("Region", "Country"):
                continue  # a province is no part of a city
            if a.entity in catalog.ancestors(b.entity):
                continue  # the larger one written first: no part of the smaller
            quote = text[a.start : end]
            out.append(
                Relation(
                    a.entity, "partOf", b.entity, linked.document, a.start, end, quote, "pattern", "geography:part"
                )
            )
    return out
