"""Facilities named by an ordinary noun phrase: "a cold-storage warehouse", 一座大型冷库, 大型冷蔵倉庫を建設,
«откроется тепличный комплекс» become entities of their document, so that what the text then states
of them ("The warehouse was built by …", 该冷库由…投资, 同倉庫は…, «Комплекс займётся …») has an end.

A phrase is taken when it is introduced (an indefinite article, a classifier, a word of building or
opening), singular, and has a modifier of its own; plurals and policies (建设加工基地, "building
processing plants") are kinds, not things. One entity per document and label; the place the phrase
or its clause locates it in (in X, 在X, Xに, в X) is where it lies, a route's two places are what it
connects, a sector in its modifier is what it targets. Its later definite mentions (the head after
the/this, 该/此, 同/当, a bare Russian head) are mentions of it. The words are data: facilities.yaml.
A name found by discovery wins over any phrase that overlaps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from amurkg.corpus.catalog import PLACE_CLASSES, Catalog, Entity
from amurkg.corpus.ingest import slugify
from amurkg.extract import Relation
from amurkg.extract.discovery import Discovery
from amurkg.extract.phrases import phrase_entity_id, phrase_labels
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import simplified
from amurkg.text.russian import analyzer, lemmas
from amurkg.yamlio import load_data

_DATA = Path(__file__).with_name("facilities.yaml")
_PLACES = PLACE_CLASSES - {"Corridor"}
_PROJECTS = frozenset({"Project", "Park", "Program"})
_REACH = 8  # sentences an anaphor may stand after the facility's last mention
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_JA_NAME = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u30a0-\u30ffー]")
_CLAUSE_END = "，。；！？,.;!?\n"
_PLACE_SUFFIXES = "市省州県区町村"  # a CJK place's suffix the catalog name may leave out


@dataclass(frozen=True)
class Head:
    form: str  # English words, CJK characters, or a Russian lemma
    en: str
    cls: str
    kind: str | None = None
    route: bool = False
    min: int = 1
    abstract: bool = False  # a role or concept as often as a thing: taken only with its place


@dataclass(frozen=True)
class Found:
    """A facility phrase in one text: its span, label, head and what the phrase says of it."""

    start: int
    end: int
    label: str
    head: Head
    place: str | None = None  # where the phrase or its clause locates it
    evidence: tuple[int, int] | None = None  # the span that says so
    ends: tuple[str, ...] = ()  # a route's two places
    words: frozenset[str] = frozenset()  # Russian: lemmas of its modifiers (тепличный комплекс again)


@dataclass
class _Known:
    """A facility of the document while anaphors are read: its entity, head and latest mention."""

    entity: str
    found: Found
    sentence: int
    named: bool = False  # a facility discovery named (the Khabarovsk Turbine Plant … The plant …)


@lru_cache(maxsize=1)
def _data() -> dict:
    with open(_DATA, encoding="utf-8") as handle:
        data = load_data(handle)
    for lang, entry in data.items():
        key = "lemma" if lang == "ru" else "form"
        heads = [
            Head(
                e[key],
                e["en"],
                e["class"],
                e.get("kind"),
                bool(e.get("route")),
                int(e.get("min", 1)),
                bool(e.get("abstract")),
            )
            for e in entry["heads"]
        ]
        entry["heads"] = tuple(sorted(heads, key=lambda h: -len(h.form)))
    return data


def route_heads(language: str) -> frozenset[str]:
    """The facility heads of a language that name a link between two places (bridge, pipeline)."""
    entry = _data().get(language)
    return frozenset(h.form for h in entry["heads"] if h.route) if entry else frozenset()


def head_nouns(language: str) -> frozenset[str]:
    """The facility head nouns of a language (Russian lemmas): anaphora.py takes them up as well."""
    entry = _data().get(language)
    return frozenset(h.form for h in entry["heads"]) if entry else frozenset()


def add_facilities(discovery: Discovery, catalog: Catalog) -> Discovery:
    """Discovery's outcome with the document's facility phrases added: entities, their mentions
    (later definite ones included) and the relations the phrases state."""
    linked = discovery.linked
    finder = {"en": _english, "ru": _russian, "zh": _chinese, "ja": _japanese}.get(linked.language)
    if finder is None:
        return discovery
    overlay = catalog.extended(discovery.entities)
    known = linked.mention_index
    entities: dict[str, Entity] = {}
    added: list[Mention] = []
    relations: list[Relation] = []
    swallowed: set[tuple[int, int]] = set()
    facilities: list[_Known] = []
    taken: list[tuple[int, int]] = []
    view = _simplified_view(linked)
    for found in finder(view, overlay):
        inside = known.within(found.start, found.end)
        if any(m not in inside for m in known.overlapping(found.start, found.end)):
            continue  # crosses a name
        if any(overlay[m.entity].cls not in _PLACES | {"Industry", "Country"} for m in inside):
            continue  # a name inside it wins (a company's plant is named by the company)
        if any(a < found.end and found.start < b for a, b in taken):
            continue
        taken.append((found.start, found.end))
        entity_id = phrase_entity_id(linked.document, found.label)
        if entity_id in overlay:
            continue
        surface = linked.text[found.start : found.end]
        sentence = linked.sentence_at(found.start)
        places = [m.entity for m in inside if overlay[m.entity].cls in _PLACES]
        if found.place and found.place not in places:
            places.append(found.place)
        located = () if found.head.route else tuple(dict.fromkeys(places))
        if found.head.abstract and not located:
            continue  # a growth centre, an industrial base: a role or concept unless it lies somewhere
        previous = entities.get(entity_id)
        entities[entity_id] = Entity(
            id=entity_id,
            cls=found.head.cls,
            labels=_labels(found, linked.language),
            located_in=tuple(dict.fromkeys((previous.located_in if previous else ()) + located)),
            source="discovered",
            subclass=found.head.kind,
            status="proposed",
        )
        added.append(Mention(entity_id, linked.document, found.start, found.end, surface, sentence))
        swallowed.update((m.start, m.end) for m in inside)
        facilities.append(_Known(entity_id, found, sentence))
        relations.extend(_stated(found, entity_id, inside, located, linked, overlay))
    mentions = [m for m in linked.mentions if (m.start, m.end) not in swallowed] + added
    mentions.sort(key=lambda m: (m.start, m.end))
    facilities += _named(linked, mentions, overlay)
    if not facilities:
        return discovery
    mentions = _with_anaphors(view, mentions, facilities, overlay.extended(entities.values()))
    mentions = [replace(m, surface=linked.text[m.start : m.end]) for m in mentions]
    if linked.language == "en":
        relations.extend(_en_later_ends(linked, mentions, facilities, overlay))
    merged = replace(linked, mentions=tuple(mentions))
    return Discovery(
        merged,
        sorted([*discovery.entities, *entities.values()], key=lambda e: e.id),
        sorted(set(discovery.relations) | set(relations)),
    )


def _simplified_view(linked: LinkedText) -> LinkedText:
    """Chinese: the text in simplified characters, offset for offset, so the heads and words of the data
    (项目, 建设) read a traditional text too (新建物流園區項目); other languages as they are."""
    if linked.language != "zh":
        return linked
    text = simplified(linked.text)
    return linked if text == linked.text else replace(linked, text=text)


def _named(linked: LinkedText, mentions: list[Mention], catalog: Catalog) -> list[_Known]:
    """Projects with a name of their own that ends in a facility head (Khabarovsk Turbine Plant,
    绥芬河木材加工基地): their later definite heads take them up like a phrase's. Russian: anaphora.py."""
    if linked.language == "ru":
        return []
    heads = _data()[linked.language]["heads"]
    generic = frozenset(_data()[linked.language].get("generic", []))
    english = linked.language == "en"
    out: list[_Known] = []
    for m in mentions:
        if (
            m.entity not in catalog
            or catalog[m.entity].cls != "Project"
            or m.entity.startswith(f"{slugify(linked.document)}-")
        ):
            continue
        surface = m.surface.lower() if english else m.surface
        head = next(
            (h for h in heads if surface.endswith(h.form) and (not english or surface[: -len(h.form)][-1:] in " -")),
            None,
        )
        if head is not None and not head.route and head.form not in generic:  # 该项目: the clause rules' own
            out.append(_Known(m.entity, Found(m.start, m.end, m.surface, head), m.sentence, named=True))
    return out


def _labels(found: Found, language: str) -> dict[str, str]:
    return phrase_labels(found.label, found.head.en, language)


def _stated(
    found: Found, entity_id: str, inside: list[Mention], located: tuple[str, ...], linked: LinkedText, catalog: Catalog
) -> list[Relation]:
    """What the phrase itself states: where it lies, what it joins, the sector in its modifier."""
    text, doc = linked.text, linked.document
    surface = text[found.start : found.end]
    out: list[Relation] = []
    for place in located:
        a, b = found.evidence if place == found.place and found.evidence else (found.start, found.end)
        out.append(Relation(entity_id, "locatedIn", place, doc, a, b, text[a:b], "name", "facility:place"))
    if len(found.ends) == 2:
        a, b = found.evidence or (found.start, found.end)
        for place in found.ends:
            out.append(Relation(entity_id, "connects", place, doc, a, b, text[a:b], "name", "facility:ends"))
    for m in inside if linked.language == "zh" else ():  # as discovery reads a Chinese name's sector
        if catalog[m.entity].cls == "Industry":
            out.append(
                Relation(
                    entity_id, "targetsIndustry", m.entity, doc, found.start, found.end, surface, "name", "facility"
                )
            )
    return out


# ---------------------------------------------------------------------------------------------
# Later mentions: the head after a definite word (the warehouse, 该冷库, 同倉庫), a bare Russian head.
# ---------------------------------------------------------------------------------------------


def _with_anaphors(
    linked: LinkedText, mentions: list[Mention], facilities: list[_Known], catalog: Catalog
) -> list[Mention]:
    """The mentions with each later definite mention of a facility added as a mention of it."""
    entry = _data()[linked.language]
    finder = _ru_anaphors if linked.language == "ru" else _phrase_anaphors
    candidates = finder(linked, facilities, entry)
    taken = sorted(mentions, key=lambda m: m.start)
    projects = [m for m in taken if m.entity in catalog and catalog[m.entity].cls in _PROJECTS]
    added: list[Mention] = []
    for start, end, facility, generic in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if any(m.start < end and start < m.end for m in taken + added):
            continue
        sentence = linked.sentence_at(start)
        if generic:  # "the project": the latest project-like thing named, if that is a facility
            latest = max((m for m in projects + added if m.end <= start), key=lambda m: m.end, default=None)
            owner = next(
                (f for f in facilities if latest is not None and not f.named and f.entity == latest.entity), None
            )
            if owner is None:
                continue
            facility = owner
        if start < facility.found.end or sentence - facility.sentence > _REACH:
            continue
        added.append(Mention(facility.entity, linked.document, start, end, linked.text[start:end], sentence))
        facility.sentence = max(facility.sentence, sentence)
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _en_later_ends(
    linked: LinkedText, mentions: list[Mention], facilities: list[_Known], catalog: Catalog
) -> list[Relation]:
    """A later mention of a route phrase with its two ends after it ("… the rail bridge between A and
    B had …"): it joins them too."""
    entry = _data()["en"]
    routes = {f.entity: f for f in facilities if f.found.head.route and not f.named}
    out: list[Relation] = []
    for mention in mentions:
        facility = routes.get(mention.entity)
        if facility is None or mention.start < facility.found.end:
            continue
        after = list(_EN_TOKEN.finditer(linked.text, mention.end, min(len(linked.text), mention.end + 200)))
        ends, span = _en_route(linked.text, after, entry, linked, catalog)
        for place in ends:
            quote = linked.text[mention.start : span]
            out.append(
                Relation(
                    mention.entity,
                    "connects",
                    place,
                    linked.document,
                    mention.start,
                    span,
                    quote,
                    "name",
                    "facility:ends",
                )
            )
    return out


def _latest(facilities: list[_Known], position: int, match) -> _Known | None:
    """The facility introduced last before a position whose phrase fits."""
    return max(
        (f for f in facilities if f.found.end <= position and match(f)), key=lambda f: f.found.start, default=None
    )


def _phrase_anaphors(linked: LinkedText, facilities: list[_Known], entry: dict) -> list[tuple[int, int, _Known, bool]]:
    """English, Chinese, Japanese: a definite word before a facility's head or label, the label
    repeated, a CJK head opening a clause; a generic head (project, 项目) for the latest one."""
    text = linked.text
    english = linked.language == "en"
    flags = re.IGNORECASE if english else 0
    definite = sorted(entry.get("definite", []), key=len, reverse=True)
    found: list[tuple[int, int, _Known, bool]] = []
    det = "|".join(re.escape(d) for d in definite)
    sep = r"\s+" if english else ""
    bound = r"\b" if english else ""
    heads = sorted({f.found.head.form for f in facilities}, key=len, reverse=True)
    for form in heads:
        suffixes = [form] if english else [form[i:] for i in range(len(form))]
        for suffix in suffixes:
            pattern = re.compile(rf"{bound}(?:{det}){sep}{re.escape(suffix)}{bound}", flags)
            for match in pattern.finditer(text):
                owner = _latest(facilities, match.start(), lambda f, form=form: f.found.head.form == form)
                if owner is not None and not _continues(text, match.end(), linked.language):
                    found.append((match.start(), match.end(), owner, False))
    for facility in facilities:
        for form in {facility.found.label}:
            for match in re.finditer(rf"{bound}{re.escape(form)}{bound}", text, flags):
                if match.start() >= facility.found.end:
                    found.append((match.start(), match.end(), facility, False))
        if not english:  # 冷库建成后…: a bare head opening a clause takes the phrase up
            head = facility.found.head.form
            for match in re.finditer(re.escape(head), text):
                if match.start() >= facility.found.end and (
                    match.start() == 0 or text[match.start() - 1] in _CLAUSE_END
                ):
                    if not _continues(text, match.end(), linked.language):
                        found.append((match.start(), match.end(), facility, False))
    for word in entry.get("generic", []):
        forms = [rf"\b(?:{det})\s+{re.escape(word)}\b"] if english else [rf"(?:{det}){re.escape(word)}"]
        if not english:
            forms.append(rf"(?:(?<=[{re.escape(_CLAUSE_END)}])|^){re.escape(word)}")
        for generic_form in forms:
            for match in re.finditer(generic_form, text, flags):
                if not _continues(text, match.end(), linked.language):
                    found.append((match.start(), match.end(), facilities[0], True))
    return found + _relatives(linked, facilities, entry)


def _continues(text: str, end: int, language: str) -> bool:
    """Does the noun go on past the match (plants, 基地建设者, the terminal's operator)?"""
    after = text[end : end + 1]
    if language == "en":
        return after.isalpha() or after in "-'’"
    if language == "ja":
        return bool(_JA_NAME.match(after))
    return False


def _ru_anaphors(linked: LinkedText, facilities: list[_Known], entry: dict) -> list[tuple[int, int, _Known, bool]]:
    """Russian has no article: a later singular head noun of a facility, not after an adjective of
    another phrase («Комплекс займётся …», «Строительство завода …»); проект for the latest one."""
    text = linked.text
    not_after = frozenset(entry.get("not_anaphor_after", []))
    generic = frozenset(entry.get("generic", []))
    tokens = list(re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\S", text))
    found: list[tuple[int, int, _Known, bool]] = []
    for i, token in enumerate(tokens):
        word = token.group()
        forms = lemmas(word)
        after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if after in ("«", '"', "“") or not _singular(word):
            continue
        previous = tokens[i - 1].group() if i else ""
        before = lemmas(previous) if previous.isalpha() else frozenset()
        if before & not_after:
            continue
        if forms & generic:
            found.append((token.start(), token.end(), facilities[0], True))
            continue
        for facility in facilities:
            if facility.found.head.form in forms:
                if _adjective(previous) and not before & facility.found.words:
                    continue  # другой логистический центр: an adjective of a phrase of its own
                owner = _latest(
                    facilities, token.start(), lambda f, form=facility.found.head.form: f.found.head.form == form
                )
                if owner is not None:
                    found.append((token.start(), token.end(), owner, False))
                break
    return found + _relatives(linked, facilities, entry)


def _relatives(linked: LinkedText, facilities: list[_Known], entry: dict) -> list[tuple[int, int, _Known, bool]]:
    """A relative pronoun right after a facility and its place («тепличный комплекс в крае, который
    специализируется …», "a terminal in X, which will handle …") stands for it in its clause."""
    words = entry.get("relatives", [])
    if not words:
        return []
    text = linked.text
    found: list[tuple[int, int, _Known, bool]] = []
    pattern = re.compile(rf",\s*({'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE)
    for facility in facilities:
        for match in pattern.finditer(text, facility.found.end, facility.found.end + 60):
            between = linked.mention_index.within(facility.found.end, match.start())
            if "," not in text[facility.found.end : match.start()] and len(between) <= 1:
                found.append((match.start(1), match.end(1), facility, False))
            break  # only the first comma after the phrase
    return found


# ---------------------------------------------------------------------------------------------
# English: a/an, modifiers (lower-case words, a place, a nationality adjective), a head.
# ---------------------------------------------------------------------------------------------

_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|\S")


def _english(linked: LinkedText, catalog: Catalog) -> list[Found]:
    entry = _data()["en"]
    text = linked.text
    tokens = list(_EN_TOKEN.finditer(text))
    lower = [t.group().lower() for t in tokens]
    stop, skip = frozenset(entry["stop"]), frozenset(entry["skip"])
    amount = frozenset(entry.get("amount") or ())
    determiners = frozenset(entry["determiners"])
    route_definite = frozenset(entry.get("route_definite") or ())
    route_skip = frozenset(entry.get("route_definite_skip") or ())
    head_words = {h.form.split()[-1] for h in entry["heads"]}
    not_before = frozenset(entry.get("not_before", [])) | head_words
    out: list[Found] = []
    for i in range(len(tokens)):
        head = next((h for h in entry["heads"] if lower[i : i + len(h.form.split())] == h.form.split()), None)
        if head is None:
            continue
        last = i + len(head.form.split()) - 1
        if last + 1 < len(tokens) and lower[last + 1] in not_before:
            continue  # "terminal operator", "plant project": the head is a modifier
        j, det = i - 1, None
        modifiers: list[int] = []
        priced = False  # past a cost: the words before it describe, they do not name
        while j >= 0 and len(modifiers) < 5 and tokens[i].start() - tokens[j].start() <= 80:
            word = lower[j]
            if word in determiners or (head.route and word in route_definite):
                det = j
                break
            if word in skip or (head.route and word in route_skip):
                j -= 1
                continue
            if amount and (word in amount or _en_amount_sign(word)) and (priced or modifiers):
                priced = True
                j -= 1
                continue
            if word in stop or not word[0].isalpha() or not _en_modifier(tokens[j], linked, catalog):
                break
            if not priced:
                modifiers.insert(0, j)
            j -= 1
        if det is None or not (modifiers or " " in head.form):  # "a ferry line": a head of two words
            continue
        start, end = tokens[modifiers[0] if modifiers else i].start(), tokens[last].end()
        label = text[start:end]
        after = tokens[last + 1 :]
        place, evidence = _en_place(text, after, entry, linked, catalog, start)
        if place is None:
            place, evidence = _en_clause_place(text, tokens, det, last, entry, linked, catalog)
        ends: tuple[str, ...] = ()
        if head.route:
            ends, span = _en_route(text, after, entry, linked, catalog)
            evidence = (start, span) if ends else evidence
            place = None
        if lower[det] not in determiners and (
            not ends or any(f.head.form == head.form and f.label.lower() == label.lower() for f in out)
        ):
            continue  # "the bridge": one introduced by its two ends ("the first road bridge connecting A
            # and B"), else a later mention of one introduced before
        out.append(Found(start, end, label, head, place, evidence, ends))
    return out


def _en_amount_sign(word: str) -> bool:
    """A number, currency sign or bracket of a cost: 2.6, $, (, )."""
    return word[:1].isdigit() or word in ("$", "€", "¥", "£", "(", ")", ".", ",")


def _en_modifier(token: re.Match, linked: LinkedText, catalog: Catalog) -> bool:
    """A lower-case word, a place's name or a nationality adjective (Russian, Chinese) modifies a head."""
    word = token.group()
    if word.islower():
        return True
    inside = linked.mention_index.overlapping(token.start(), token.end())
    if inside:
        return all(catalog[m.entity].cls in _PLACES | {"Industry"} for m in inside)
    return word.endswith(("an", "ese"))


def _sentence_first(tokens: list[re.Match], index: int, linked: LinkedText) -> int:
    """The index of the first token of the sentence the token stands in."""
    sentence = linked.sentences[linked.sentence_at(tokens[index].start())]
    return next(k for k in range(index + 1) if tokens[k].start() >= sentence.start)


def _place_at(linked: LinkedText, catalog: Catalog, offset: int) -> Mention | None:
    """The place mention that starts at an offset (spaces skipped)."""
    text = linked.text
    while offset < len(text) and text[offset] == " ":
        offset += 1
    return next((m for m in linked.mention_index.starting_at(offset) if catalog[m.entity].cls in _PLACES), None)


def _en_place(
    text: str, after: list[re.Match], entry: dict, linked: LinkedText, catalog: Catalog, start: int
) -> tuple[str | None, tuple[int, int] | None]:
    """ "a rice mill in Vyazemsky", "a warehouse for seafood in Fuyuan": the place right after."""
    k = 0
    if after and after[0].group().lower() in entry["complement"]:
        k = next((n for n in range(1, min(len(after), 6)) if after[n].group().lower() in entry["locative"]), 0)
    if k < len(after) and after[k].group().lower() in entry["locative"]:
        place = _place_at(linked, catalog, after[k].end())
        if place is not None:
            return place.entity, (start, place.end)
    return None, None


def _en_clause_place(
    text: str, tokens: list[re.Match], det: int, last: int, entry: dict, linked: LinkedText, catalog: Catalog
) -> tuple[str | None, tuple[int, int] | None]:
    """A facility that opens its sentence lies where the sentence says: "In X, a warehouse …
    opened", "A terminal will open next year in X" (before the first comma)."""
    sentence = linked.sentences[linked.sentence_at(tokens[det].start())]
    head_text = text[sentence.start : tokens[det].start()]
    lead = re.match(r"\s*(\w+)\s+", head_text)
    if lead and lead.group(1).lower() in entry["locative"]:
        place = _place_at(linked, catalog, sentence.start + lead.end())
        if place is not None and text[place.end : tokens[det].start()].strip() == ",":
            return place.entity, (place.start, tokens[last].end())
    if det != _sentence_first(tokens, det, linked):
        return None, None
    for k in range(last + 1, len(tokens)):
        token = tokens[k]
        if token.start() >= sentence.end or token.group() in ",;":
            break
        if token.group().lower() in entry["locative"]:
            place = _place_at(linked, catalog, token.end())
            if place is not None:
                return place.entity, (tokens[det].start(), place.end)
    return None, None


def _en_route(
    text: str, after: list[re.Match], entry: dict, linked: LinkedText, catalog: Catalog
) -> tuple[tuple[str, ...], int]:
    """ "from A to B", "between A and B", ", linking A in X with B" right after a route's head: its
    two ends (a possessive before an end and a place noun or the place it lies in after it set aside)."""
    k = 1 if after and after[0].group() == "," else 0
    if len(after) <= k:
        return (), 0
    for first, second in entry["route_from"]:
        if after[k].group().lower() != first:
            continue
        a = _route_end(linked, catalog, after[k].end(), entry)
        if a is None:
            continue
        offset = _past_route_end(linked, catalog, a.end, entry)
        link = re.match(rf"\s*{second}\s+", text[offset : offset + 12])
        if link is None:
            continue
        b = _route_end(linked, catalog, offset + link.end(), entry)
        if b is not None and b.entity != a.entity:
            return (a.entity, b.entity), b.end
    return (), 0


_EN_POSSESSIVE = re.compile(r"\s*(?:the\s+)?[A-Za-z][\w-]*(?:'s|’s)\s+")


def _route_end(linked: LinkedText, catalog: Catalog, offset: int, entry: dict) -> Mention | None:
    """The place that ends a route at an offset, after a possessive that qualifies it."""
    owner = _EN_POSSESSIVE.match(linked.text, offset)
    if owner is not None:  # Russia's Jewish Autonomous Oblast: the oblast, not Russia
        return _place_at(linked, catalog, owner.end())
    return _place_at(linked, catalog, offset)


def _past_route_end(linked: LinkedText, catalog: Catalog, offset: int, entry: dict) -> int:
    """Where the words after a route's first end that only describe it stop: "Tongjiang city",
    "Tongjiang in Heilongjiang province"."""
    text = linked.text
    nouns = "|".join(re.escape(w) for w in entry.get("route_end_nouns") or ())
    noun = re.match(rf"\s+(?:{nouns})\b", text[offset : offset + 20]) if nouns else None
    if noun is not None:
        offset += noun.end()
    ins = "|".join(re.escape(w) for w in entry.get("route_end_in") or ())
    locative = re.match(rf"\s+(?:{ins})\s+", text[offset : offset + 8]) if ins else None
    if locative is not None:
        place = _route_end(linked, catalog, offset + locative.end(), entry)
        if place is not None:
            offset = place.end
    return offset


# ---------------------------------------------------------------------------------------------
# Chinese and Japanese: the characters before a head, introduced by a classifier or a word of building.
# ---------------------------------------------------------------------------------------------


def _cjk_heads(text: str, heads: tuple[Head, ...]) -> list[tuple[int, Head]]:
    """Every head occurrence, longest first, none inside another."""
    taken = bytearray(len(text))
    out: list[tuple[int, Head]] = []
    for head in heads:
        for match in re.finditer(re.escape(head.form), text):
            a, b = match.start(), match.end()
            if not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                out.append((a, head))
    return sorted(out, key=lambda x: x[0])


def _clause_start(text: str, offset: int, ends: str = _CLAUSE_END) -> int:
    return max(text.rfind(c, 0, offset) for c in ends) + 1


def _cjk_place_before(
    linked: LinkedText, catalog: Catalog, start: int, particles: tuple[str, ...], ends: str = _CLAUSE_END
) -> Mention | None:
    """The place its clause puts a facility in: the clause's last place before it (抚远市将新建…,
    在X, Xに/Xでは), with no other name between."""
    clause = _clause_start(linked.text, start, ends)
    before = linked.mention_index.within(clause, start)
    if not before:
        return None
    last = before[-1]
    if catalog[last.entity].cls not in _PLACES or catalog[last.entity].cls == "Country":
        return None
    between = linked.text[last.end : start]
    if particles and not between.lstrip(_PLACE_SUFFIXES).startswith(particles):
        return None  # ビロビジャン市に…: the particle after the place (and its suffix) locates
    return last


def _chinese(linked: LinkedText, catalog: Catalog) -> list[Found]:
    entry = _data()["zh"]
    text = linked.text
    stop_chars = entry["stop_chars"]
    stop_words = tuple(entry["stop_words"]) + tuple(entry["introducers"])
    introducers = tuple(entry["introducers"])
    out: list[Found] = []
    for at, head in _cjk_heads(text, entry["heads"]):
        k = at
        while k > 0 and at - k < entry["max_modifier"]:
            char = text[k - 1]
            if char in entry["joiners"] and k - 1 < at - 1 and k >= 2 and _HAN.match(text[k - 2]):
                if text[k - 2] not in stop_chars and not text[: k - 1].endswith(stop_words):
                    k -= 1  # 大豆种植和加工基地: two modifiers joined
                    continue
            if not _HAN.match(char) or char in stop_chars or text[:k].endswith(stop_words):
                break
            k -= 1
        while k < at and text[k] in entry["joiners"]:
            k += 1
        if at - k < head.min:
            continue
        before = text[max(0, k - 30) : k]
        if _listed(text, k, at + len(head.form), entry):
            continue
        ends: tuple[str, ...] = ()
        evidence_start = k
        introduced = (
            before.endswith(introducers)
            or text[k:at].startswith(tuple(entry["prefixes"]))
            or _zh_weakly_introduced(linked, before, k, entry)
        )
        if not introduced and before.endswith("的"):  # 一条从A至B的…线路: the classifier before the 的-phrase
            clause = before[max(before.rfind(c) for c in _CLAUSE_END) + 1 :]
            hit = max((clause.rfind(w) for w in introducers), default=-1)
            if hit >= 0:
                introduced = True
                evidence_start = k - len(clause) + hit
                if head.route:
                    ends = _zh_route(linked, catalog, evidence_start, k, entry)
        if not introduced or text.startswith(tuple(entry["predicative"]), at + len(head.form)):
            continue  # (建设国际物流枢纽的目标: an aim, not a thing built)
        place = None if head.route else _cjk_place_before(linked, catalog, k, ())
        evidence = (place.start if place else evidence_start, at + len(head.form))
        out.append(
            Found(
                k,
                at + len(head.form),
                text[k : at + len(head.form)],
                head,
                place.entity if place else None,
                evidence,
                ends,
            )
        )
    return out


def _listed(text: str, start: int, end: int, entry: dict) -> bool:
    """A phrase in a list of kinds (生产基地、加工基地…の建設, 等のサポートセンター): no one thing. A comma
    before it marks a list only after another head (a comma after a date opens a clause: 15日、…)."""
    if text.startswith(tuple(entry["list_after"]), end):
        return True
    marks = tuple(entry["list_before"])
    if text[:start].endswith(("、", "，")):
        return text[: start - 1].endswith(tuple(h.form for h in entry["heads"]))
    return text[:start].endswith(marks)


def _zh_weakly_introduced(linked: LinkedText, before: str, start: int, entry: dict) -> bool:
    """建设 introduces one thing when a doer or a place stands before it in the clause (公司…在阿穆尔州建设…),
    not after a word of policy (积极建设加工基地) or alone."""
    word = next((w for w in entry["weak_introducers"] if before.endswith(w)), None)
    if word is None or before[: -len(word)].endswith(tuple(entry["policy_before"])):
        return False
    clause = _clause_start(linked.text, start)
    return bool(linked.mention_index.within(clause, start - len(word)))


def _zh_route(linked: LinkedText, catalog: Catalog, start: int, end: int, entry: dict) -> tuple[str, ...]:
    """从A至B的…: the two places of the 的-phrase a route's classifier opens."""
    text = linked.text
    places = [m for m in linked.mention_index.within(start, end) if catalog[m.entity].cls in _PLACES]
    if len(places) != 2 or places[0].entity == places[1].entity:
        return ()
    if not any(w in text[start : places[0].start] for w in entry["route_from"]):
        return ()
    if text[places[0].end : places[1].start].strip() not in entry["route_to"]:
        return ()
    return (places[0].entity, places[1].entity)


def _japanese(linked: LinkedText, catalog: Catalog) -> list[Found]:
    entry = _data()["ja"]
    text = linked.text
    definite = tuple(entry["definite"])
    introducers, after_words = tuple(entry["introducers"]), tuple(entry["after"])
    out: list[Found] = []
    for at, head in _cjk_heads(text, entry["heads"]):
        k = at
        while k > 0 and at - k < 10 and _JA_NAME.match(text[k - 1]):
            k -= 1
        end = at + len(head.form)
        modifier = text[k:at]
        if len(modifier) < head.min or modifier.startswith(definite):
            continue
        before = text[max(0, k - 12) : k]
        if _listed(text, k, end, entry):
            continue
        introduced = (
            before.endswith(introducers)
            or text.startswith(after_words, end)
            or modifier.startswith(entry["prefixes"][0])
        )
        if not introduced or text.startswith(tuple(entry["predicative"]), end):
            continue  # (…センターになる: what something becomes, not a thing built)
        lead = k - next((len(w) for w in introducers if before.endswith(w)), 0)
        ends = _ja_route(linked, catalog, lead, entry) if head.route else ()
        place = None if head.route else _cjk_place_before(linked, catalog, lead, ("に", "で"), "。")
        evidence = (place.start if place else k, end)
        if ends:
            evidence = (_clause_start(text, lead), end)
        out.append(Found(k, end, text[k:end], head, place.entity if place else None, evidence, ends))
    return out


def _ja_route(linked: LinkedText, catalog: Catalog, start: int, entry: dict) -> tuple[str, ...]:
    """AとBを結ぶ…路線: the two places joined before the route."""
    text = linked.text
    join = next((w for w in entry["route_joins"] if text[:start].endswith(w)), None)
    if join is None:
        return ()
    places = linked.mention_index.within(_clause_start(text, start), start - len(join))
    places = [m for m in places if catalog[m.entity].cls in _PLACES]
    if len(places) < 2 or text[places[-2].end : places[-1].start] not in entry["route_and"]:
        return ()
    if text[places[-1].end : start - len(join)].strip():
        return ()
    return (places[-2].entity, places[-1].entity)


# ---------------------------------------------------------------------------------------------
# Russian: adjectives agreeing with a head, or a по-complement, after a word of building or opening.
# ---------------------------------------------------------------------------------------------

_RU_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\S")


def _singular(word: str) -> bool:
    """Can the noun be singular (комплекс, завода), not only plural (комплексов)?"""
    numbers = {p.tag.number for p in analyzer().parse(word.lower()) if p.tag.POS == "NOUN"}
    return not numbers or "sing" in numbers


def _adjective(word: str) -> bool:
    return bool(word) and any(p.tag.POS in ("ADJF", "PRTF") for p in analyzer().parse(word.lower())[:2])


def _agreeing(word: str, head: Any) -> Any:
    """The adjective parse of a word that agrees with the head noun's parse."""
    for parse in analyzer().parse(word.lower()):
        tag = parse.tag
        if tag.POS not in ("ADJF", "PRTF") or tag.case != head.tag.case or tag.number != head.tag.number:
            continue
        if tag.number == "sing" and tag.gender != head.tag.gender:
            continue
        return parse
    return None


def _russian(linked: LinkedText, catalog: Catalog) -> list[Found]:
    entry = _data()["ru"]
    text = linked.text
    tokens = list(_RU_TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    introducers, skip, vague = (frozenset(entry[k]) for k in ("introducers", "skip", "vague"))
    out: list[Found] = []
    for i, token in enumerate(tokens):
        parses = [p for p in analyzer().parse(words[i].lower()) if p.tag.POS == "NOUN" and p.tag.number == "sing"]
        head = next((h for h in entry["heads"] for p in parses if p.normal_form == h.form), None)
        if head is None or (i + 1 < len(words) and (words[i + 1] in '«"“' or words[i + 1][:1].isupper())):
            continue
        noun = next(p for p in parses if p.normal_form == head.form)
        j = i - 1
        adjectives: list[tuple[int, Any]] = []
        while j >= 0 and (parse := _agreeing(words[j], noun)) is not None:
            adjectives.insert(0, (j, parse))
            j -= 1
        own = [(n, p) for n, p in adjectives if p.normal_form not in vague]
        complement_end = i
        if i + 1 < len(words) and words[i + 1].lower() in entry["complement"]:
            n = i + 2
            while n < len(words) and n - i - 1 <= entry["complement_words"] and words[n].isalpha():
                if any(p.tag.POS in ("VERB", "INFN", "PREP", "CONJ") for p in analyzer().parse(words[n].lower())[:1]):
                    break
                n += 1
            complement_end = n - 1 if n - 1 > i + 1 else i
        if not own and complement_end == i:
            continue
        window = words[max(0, j - entry["reach"] + 1) : j + 1]
        while any(w in ",.;:!?" for w in window):  # not past a clause's end
            window = window[next(n for n, w in enumerate(window) if w in ",.;:!?") + 1 :]
        before = [lemmas(w) for w in window if w.isalpha()]
        introduced = any(p.normal_form in skip for _, p in adjectives) or any(f & introducers for f in before)
        if not introduced or any(not w.isalpha() for w in words[max(0, j) : j + 1]):
            continue
        start = tokens[own[0][0]].start() if own else token.start()
        end = tokens[complement_end].end()
        label = _ru_label(own, noun, text[tokens[i].end() : end])
        place = _ru_place(linked, catalog, tokens, j, complement_end)
        evidence = (min(place.start, start), max(place.end, end)) if place else None
        out.append(
            Found(
                start,
                end,
                label,
                head,
                place.entity if place else None,
                evidence,
                words=frozenset(p.normal_form for _, p in own),
            )
        )
    return out


def _ru_label(adjectives: list[tuple[int, Any]], noun: Any, rest: str) -> str:
    """The phrase in the nominative singular: тепличного комплекса → тепличный комплекс."""
    gender = noun.tag.gender
    words = []
    for _, parse in adjectives:
        form = parse.inflect({"nomn", "sing", gender}) if gender else parse.inflect({"nomn", "sing"})
        words.append(form.word if form else parse.word)
    head = noun.inflect({"nomn", "sing"})
    words.append(head.word if head else noun.word)
    return (" ".join(words) + rest).strip()


def _ru_place(linked: LinkedText, catalog: Catalog, tokens: list[re.Match], before: int, after: int) -> Mention | None:
    """The place в/во marks in the facility's clause, before or after it."""
    text = linked.text
    start = _clause_start(text, tokens[max(before, 0)].start() + 1)
    end = min(
        (text.find(c, tokens[after].end()) for c in ",.;!?" if text.find(c, tokens[after].end()) >= 0),
        default=len(text),
    )
    for m in linked.mention_index.within(start, end):
        if catalog[m.entity].cls in _PLACES and catalog[m.entity].cls != "Country":
            word = re.search(r"(\w+)\s*$", text[max(start, m.start - 4) : m.start])
            if word and word.group(1).lower() in ("в", "во"):
                return m
    return None
