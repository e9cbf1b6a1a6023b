"""Relations stated in running text, found by patterns over the linked mentions of each sentence.

Every pattern works on the classes of the linked entities, the catalog's geography (which country
a place lies in) and the language's cue words (`patterns.yaml`): nothing here names a particular
place, so the patterns apply to documents the project has never seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from amurkg.corpus.catalog import Catalog
from amurkg.extract import Relation, document_key
from amurkg.extract.clauses import (
    faced_not_adjoining,
    interposed,
    negated_clauses,
    partner_clause_read,
    partners_not_counterparts,
)
from amurkg.extract.cues import cues, find_cue, is_connector, link_word_before
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import fold, fold_text

PAIR_CLASSES = frozenset({"City", "Port", "Park"})
PARTY_CLASSES = frozenset({"Country", "Region", "City", "Organization"})
HOLDER_CLASSES = ("Park", "Corridor", "Project", "Port", "City", "Region")
TERRITORY_CLASSES = frozenset({"Country", "Region", "City", "GeoFeature"})
MODEL_HOLDERS = frozenset({"Park", "Project", "Port", "Corridor"})
OPENING_BRACKETS = "（("
CLOSING_BRACKETS = "）)"


class SentenceView:
    """One sentence of a linked text, with the helpers the patterns share."""

    def __init__(self, linked: LinkedText, index: int, catalog: Catalog):
        self.linked = linked
        self.index = index
        self.catalog = catalog
        self.span = linked.sentences[index]
        self.mentions = linked.mentions_in(index)
        self.context = fold_text(self._without_names())

    def _without_names(self) -> str:
        """The sentence with every linked name blanked out, character for character (so offsets
        still hold): a cue inside a name (モデル in 対口協力モデル) is no cue."""
        text = self.linked.text
        pieces, cursor = [], self.span.start
        for mention in self.mentions:
            pieces.append(text[cursor : mention.start])
            pieces.append("\u25a1" * (mention.end - mention.start))
            cursor = mention.end
        pieces.append(text[cursor : self.span.end])
        return "".join(pieces)

    def cue_offset(self, kind: str) -> int | None:
        """Offset in the document of the first cue of this kind outside the names, if any."""
        position = find_cue(kind, self.linked.language, self.context.text)
        return None if position < 0 else self.span.start + self.context.starts[position]

    def cls(self, mention: Mention) -> str:
        return self.catalog[mention.entity].cls

    def of_classes(self, classes: Iterable[str]) -> list[Mention]:
        wanted = set(classes)
        return [m for m in self.mentions if self.cls(m) in wanted]

    def between(self, first: Mention, second: Mention) -> str:
        return self.linked.text[first.end : second.start]

    def nested(self, first: Mention, second: Mention) -> bool:
        """Does one of the two lie within the other (the Far East and Russia)?"""
        return first.entity in self.catalog.ancestors(second.entity) or second.entity in self.catalog.ancestors(
            first.entity
        )

    def has(self, kind: str) -> bool:
        """Does a cue of this kind occur in the sentence outside the linked names?"""
        return self.cue_offset(kind) is not None

    def relation(self, subject: str, predicate: str, obj: str) -> Relation:
        return Relation(
            subject,
            predicate,
            obj,
            self.linked.document,
            self.span.start,
            self.span.end,
            self.linked.sentence_text(self.index),
            "pattern",
        )


def extract_patterns(linked: LinkedText, catalog: Catalog, skip: Iterable[int] = frozenset()) -> list[Relation]:
    """All pattern relations of a document; sentences in `skip` (table rows) are left to the table parser."""
    relations: list[Relation] = list(footnoted_members(linked, catalog)) + list(models_in_headings(linked, catalog))
    skip = set(skip)
    for index in range(len(linked.sentences)):
        if index in skip:
            continue
        view = SentenceView(linked, index, catalog)
        if len(view.mentions) < 1:
            continue
        negated = negated_clauses(linked, index)
        for pattern in PATTERNS:
            relations.extend(r for r in pattern(view) if not _in_negated_clause(view, r, negated))
    return relations


def _in_negated_clause(view: SentenceView, relation: Relation, negated: list[tuple[int, int]]) -> bool:
    """Do both ends of the relation stand in one negated clause of the sentence?"""
    for start, end in negated:
        inside = {m.entity for m in view.mentions if start <= m.start and m.end <= end}
        if relation.subject in inside and relation.object in inside:
            return True
    return False


def cross_border_pairs(view: SentenceView) -> Iterator[Relation]:
    """Two cities, ports or parks of different countries joined only by a connector: counterpartOf.

    Two regions, countries or organizations of different countries so joined, in a sentence about
    cooperation: cooperatesWith. Pairs do not chain: in "A–B–C" only A–B is read when B–C would
    reuse B.
    """
    paired: set[int] = set()
    mentions = _without_qualifiers(view)
    for position, (first, second) in enumerate(zip(mentions, mentions[1:])):
        if (
            position in paired
            or first.entity == second.entity
            or not is_connector(view.linked.language, view.between(first, second))
        ):
            continue
        country_a = view.catalog.country_of(first.entity)
        country_b = view.catalog.country_of(second.entity)
        if not country_a or not country_b or country_a == country_b:
            continue
        classes = {view.cls(first), view.cls(second)}
        if classes <= PAIR_CLASSES and not _ends_of_link(view, second) and view.has("counterpart"):
            paired.add(position + 1)
            if partners_not_counterparts(view.linked, first, second):
                continue  # "A与B签署了…": partners, not counterparts
            yield view.relation(first.entity, "counterpartOf", second.entity)
        elif classes <= PARTY_CLASSES and view.has("cooperate") and not view.nested(first, second):
            paired.add(position + 1)
            yield view.relation(first.entity, "cooperatesWith", second.entity)


def _ends_of_link(view: SentenceView, second: Mention) -> bool:
    """Is the pair the object of a word of linking (`link_ends` of patterns.yaml: AとBを結ぶ橋)?"""
    after = fold(view.linked.text[second.end : second.end + 6])
    if any(after.startswith(cue) for cue in cues("link_ends", view.linked.language)):
        return True
    # 连接牡丹江与乌苏里斯克: the ends of a link; two ports at a link's ends (该桥连接A口岸和B口岸) stay counterparts
    return view.cls(second) != "Port" and link_word_before(view.linked, view.span.start, second.start)


def _without_qualifiers(view: SentenceView) -> list[Mention]:
    """The sentence's names without those that only qualify the next one: a place right before a
    place inside it ("Russia's Khabarovsk Krai", 俄罗斯滨海边疆区, ロシアのポグラニチヌイ) is not a party
    of its own."""
    mentions = view.mentions
    kept = []
    for mention, following in zip(mentions, [*mentions[1:], None]):
        if (
            following is not None
            and following.start - mention.end <= 3
            and not is_connector(view.linked.language, view.between(mention, following))
            and not any(c in view.between(mention, following) for c in ",，、;；()（）")
            and mention.entity in view.catalog.ancestors(following.entity)
        ):
            continue
        kept.append(mention)
    return kept


def bracketed_members(view: SentenceView) -> Iterator[Relation]:
    """A corridor or group followed by a bracket listing its cities: 哈大齊（ハルビン～大慶～チチハル）."""
    text = view.linked.text
    for position, mention in enumerate(view.mentions):
        if view.cls(mention) != "Corridor":
            continue
        after = text[mention.end : mention.end + 2].lstrip()
        if not after or after[0] not in OPENING_BRACKETS:
            continue
        close = min((i for i in (text.find(c, mention.end) for c in CLOSING_BRACKETS) if i >= 0), default=-1)
        if close < 0:
            continue
        members = [m for m in view.mentions[position + 1 :] if m.end <= close and view.cls(m) in ("City", "Port")]
        if len(members) >= 2:
            for member in members:
                yield view.relation(member.entity, "partOf", mention.entity)


def targeted_industries(view: SentenceView) -> Iterator[Relation]:
    """Industries named after a park, corridor, city or region in a sentence about development."""
    industries = view.of_classes(["Industry"])
    if not industries or not view.has("develop"):
        return
    for industry in industries:
        holder = _nearest_before(view, industry, HOLDER_CLASSES)
        if holder is not None:
            yield view.relation(holder.entity, "targetsIndustry", industry.entity)


def proposed_models(view: SentenceView) -> Iterator[Relation]:
    """Cooperation models named in a sentence that proposes or recommends: the document proposes them."""
    models = view.of_classes(["CooperationModel"])
    if not models or not view.has("propose"):
        return
    for model in models:
        if view.linked.language == "ja" and _ja_model_used_otherwise(view, model):
            continue
        yield view.relation(document_key(view.linked.document), "proposes", model.entity)


_JA_LIST_MARKS = ("、", "，", "・", "や", "及び", "および", "など")
_JA_NAME_GOES_ON = re.compile(r"[\u4e00-\u9fff\u30a1-\u30faー\-‐–—]")  # kanji, katakana or a dash right before it


def _ja_model_used_otherwise(view: SentenceView, model: Mention) -> bool:
    """Japanese: a model word that is not the text's proposal — inside a longer name it does not begin (琿春-ザルビノ
    多国経済協力区: kanji, katakana or a dash go on before it), or listed with industries (エネルギー鉱物、循環型経済、
    海産物; 物流、加工貿易など: one more sector of a plan)."""
    text = view.linked.text
    if model.start > 0 and _JA_NAME_GOES_ON.match(text[model.start - 1]):
        return True
    before, after = text[max(0, model.start - 1) : model.start], text[model.end : model.end + 3]
    listed_before = before in _JA_LIST_MARKS and any(
        view.cls(m) == "Industry" and 0 <= model.start - m.end <= 8 for m in view.mentions
    )
    listed_after = after.startswith(_JA_LIST_MARKS) and any(
        view.cls(m) == "Industry" and 0 <= m.start - model.end <= 8 for m in view.mentions
    )
    if listed_before or listed_after:
        return True
    return False


def applied_models(view: SentenceView) -> Iterator[Relation]:
    """A cooperation model named after a park, project, port or corridor of the same sentence."""
    for model in view.of_classes(["CooperationModel"]):
        holder = _nearest_before(view, model, MODEL_HOLDERS)
        if holder is not None:
            yield view.relation(holder.entity, "appliesModel", model.entity)


# words that open a list, not a phrase about the name before ("A, B and C")
_CONNECTORS = ("and", "or", "и", "или", "а")


def adjoining_places(view: SentenceView) -> Iterator[Relation]:
    """The two territories nearest an adjacency cue (接壤, граничит, borders) adjoin; a river or
    lake named between two places is where they meet, not one of them."""
    cue_offset = view.cue_offset("adjoin")
    if cue_offset is None or partner_clause_read(view.linked, cue_offset):
        return  # "A是…，与B接壤": the clause reader gives B to the topic A
    places = sorted(
        (m for m in view.of_classes(TERRITORY_CLASSES) if not _en_owner(view, m)),
        key=lambda m: abs(m.start - cue_offset),
    )
    if view.linked.language in ("en", "ru") and any(
        m.end <= cue_offset and interposed(view.linked.text, m, cue_offset, view.mentions, _CONNECTORS) for m in places
    ):
        return  # "A, входящий в состав B, граничит с C": B only qualifies A; the clause reader gives A its verb
    # a river between two places ("across the Amur") is the border, not a party, when two places are named
    if len({m.entity for m in places if view.cls(m) != "GeoFeature"}) >= 2:
        places = [m for m in places if view.cls(m) != "GeoFeature"]
    distinct: list[Mention] = []
    for mention in places:
        if all(mention.entity != d.entity for d in distinct):
            distinct.append(mention)
    if len(distinct) >= 2:
        first, second = sorted(distinct[:2], key=lambda m: m.start)
        if first.start > cue_offset and is_connector(view.linked.language, view.between(first, second)):
            return  # "он граничит с Китаем и Монголией": two listed after the word are what one borders
        if view.linked.language == "en" and first.start > cue_offset and ", and " in view.between(first, second):
            return  # "… bordering Russia, and the capital Harbin …": the second begins another item, not a side
        if faced_not_adjoining(view.linked, cue_offset, [(view.cls(m), m) for m in (first, second)]):
            return  # 嘉荫县与犹太自治州隔江相望: the clause reader gives counterparts
        if not view.nested(first, second):
            yield view.relation(first.entity, "adjoins", second.entity)


def _en_owner(view: SentenceView, mention: Mention) -> bool:
    """English: a territory whose possessive opens a name of another kind ("China's Belt and Road
    Initiative") only says whose that is."""
    if view.linked.language != "en":
        return False
    owner = re.match(r"['’]s\s+", view.linked.text[mention.end : mention.end + 4])
    return owner is not None and any(
        m.start == mention.end + owner.end() and view.cls(m) not in TERRITORY_CLASSES for m in view.mentions
    )


def hinterland_of_ports(view: SentenceView) -> Iterator[Relation]:
    """Cities named before a hinterland cue back the ports the sentence names: hinterlandOf."""
    cue_offset = view.cue_offset("hinterland")
    if cue_offset is None:
        return
    cities = [m for m in view.of_classes(["City"]) if m.end <= cue_offset]
    ports = view.of_classes(["Port"])
    for city in cities:
        for port in ports:
            yield view.relation(city.entity, "hinterlandOf", port.entity)


SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_LINE = re.compile(rf"^[ \t]*([{SUPERSCRIPTS}]+)[ \t]*(\S.*)$", re.M)


def footnoted_members(linked: LinkedText, catalog: Catalog) -> Iterator[Relation]:
    """A group or corridor name carrying a footnote mark (牡海寧²) whose footnote lists places
    ("² 牡丹江、海林、寧安、以下同じ。"): the places listed are part of it; the footnote is the quote."""
    text = linked.text
    notes = {m.group(1): (m.start(2), m.end(2)) for m in _FOOTNOTE_LINE.finditer(text)}
    for mention in linked.mentions:
        if catalog[mention.entity].cls != "Corridor":
            continue
        mark = ""
        while mention.end + len(mark) < len(text) and text[mention.end + len(mark)] in SUPERSCRIPTS:
            mark += text[mention.end + len(mark)]
        if not mark or mark not in notes:
            continue
        start, end = notes[mark]
        members = [m for m in linked.mentions_within(start, end) if catalog[m.entity].cls in ("City", "Port", "Park")]
        for member in members:
            yield Relation(
                member.entity, "partOf", mention.entity, linked.document, start, end, text[start:end], "pattern"
            )


_NUMBERED_HEADING = re.compile(
    r"^[ \t]*(?:\d+(?:\.\d+)*[.、．)]?|[(（][0-9０-９一二三四五六七八九十]+[)）]|第[一二三四五六七八九十0-9]+[章节節]"
    r"|[一二三四五六七八九十]+[、．.]|[IVX]+\.)[ \t]*\S[^\n]{0,60}$",
    re.M,
)


def models_in_headings(linked: LinkedText, catalog: Catalog) -> Iterator[Relation]:
    """A numbered heading that names a cooperation model ("(2) アンゴラモデル", "3.1 The umbrella
    model") presents it as one of the document's models: the document proposes it; the heading is
    the quote."""
    text = linked.text
    for heading in _NUMBERED_HEADING.finditer(text):
        start, end = heading.start(), heading.end()
        for mention in linked.mentions_within(start, end):
            if catalog[mention.entity].cls == "CooperationModel":
                quote_start = start + len(heading.group()) - len(heading.group().lstrip())
                yield Relation(
                    document_key(linked.document),
                    "proposes",
                    mention.entity,
                    linked.document,
                    quote_start,
                    end,
                    text[quote_start:end],
                    "pattern",
                )


def _nearest_before(view: SentenceView, target: Mention, classes: Iterable[str]) -> Mention | None:
    """The mention nearest before `target` whose class is in `classes`."""
    wanted = set(classes)
    candidates = [m for m in view.mentions if m.end <= target.start and view.cls(m) in wanted]
    return candidates[-1] if candidates else None


PATTERNS = (
    cross_border_pairs,
    bracketed_members,
    proposed_models,
    adjoining_places,
    hinterland_of_ports,
)
