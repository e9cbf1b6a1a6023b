"""Relations stated in running text, read clause by clause, in four languages.

Each sentence is split into clauses (`clause_breaks` of `clauses.yaml`). In a clause, a relation
word (kept per predicate and language as data, matched on folded text for Chinese and Japanese,
on tokens and pymorphy3 lemmas for Russian, on token prefixes for English) proposes predicates;
the classes of the two ends decide which one holds (the `allowed` table of class families, the
ontology's domains and ranges). The subject of a clause is the nearest fitting name before the
object, or after it (the object may come first), or else the topic carried from an earlier clause,
sentence or section heading of the same paragraph. Lists distribute: every name of a list is a
subject or an object. Two parties joined by a connector or a frame ("between A … and B", 从A到B)
may have appositions and brackets between them. Compound names (黑龙江省绥芬河市, "Russia's
Primorsky Krai") state where a place lies.

Every relation's quote is the clause that states it (from the carried topic when the subject is
carried); `rule` names what fired; statements of plan get modality "planned"; negated clauses
give no relation. Nothing here names a place: classes, geography and words decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from amurkg.corpus.catalog import Catalog
from amurkg.extract import Relation
from amurkg.extract.anaphora import HeadAnaphora
from amurkg.extract.cues import find_cue, link_word_before
from amurkg.extract.facilities import head_nouns, route_heads
from amurkg.extract.geography import based_qualifiers, demonym_country
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import fold, fold_text
from amurkg.text.russian import analyzer, lemmas
from amurkg.yamlio import load_data

DATA_FILE = Path(__file__).with_name("clauses.yaml")
LANGUAGE_DIR = Path(__file__).with_name("clause_words")
CJK = frozenset({"zh", "ja"})
PAIR_PREDICATES = ("counterpartOf", "cooperatesWith")
PLACE_VALUED = frozenset({"adjoins", "connects", "locatedIn"})
LIST_SEPARATORS = frozenset(
    {
        "、",
        ",",
        "，",
        "и",
        "and",
        "和",
        "及",
        "与",
        "·",
        "/",
        "・",
        "と",
        "及び",
        "および",
        "並びに",
        "ならびに",
        "а также",
        "as well as",
    }
)
_TOKEN = re.compile(r"[\w'’-]+")
_WORDISH = re.compile(r"\w")
_BRACKETS = re.compile(r"[(（\[][^()（）\[\]]*[)）\]]")
BLANK = "\u25a1"
_EN_ADJECTIVE_PAIR = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")
_EN_OWNER = re.compile(r"['’]s\s+")
_DASHES = frozenset({"-", "~"})  # folded —, –, ～
_CJK_NAME_CHAR = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff]")


# ------------------------------------------------------------------------------------------ data


@dataclass(frozen=True)
class Words:
    """One list of words of one language, ready to be found in a clause."""

    language: str
    phrases: tuple[tuple[str, ...], ...]  # folded substrings (CJK) or token sequences (en, ru)

    def find(self, clause: Clause) -> list[int]:
        """Offsets (in the document) where any of the words occurs in the clause."""
        if not self.phrases:
            return []
        if self.language in CJK:
            found = []
            for (phrase,) in self.phrases:
                at = clause.folded.find(phrase)
                while at >= 0:
                    found.append(clause.offset(at))
                    at = clause.folded.find(phrase, at + 1)
            return sorted(found)
        tokens = clause.tokens
        found = []
        for (phrase,) in (parts for parts in self.phrases if len(parts) == 1 and not _WORDISH.search(parts[0])):
            at = clause.folded.find(phrase)
            while at >= 0:
                found.append(clause.offset(at))
                at = clause.folded.find(phrase, at + 1)
        by_first, open_first = self._by_first_word
        for index, token in enumerate(tokens):
            candidates = [*by_first.get(token.text, ()), *open_first]
            for lemma in token.lemmas:
                candidates += by_first.get(lemma, ())
            for parts in candidates:
                if index + len(parts) <= len(tokens) and all(
                    _token_matches(tokens[index + k], part) for k, part in enumerate(parts)
                ):
                    found.append(tokens[index].start)
                    break
        return sorted(found)

    @cached_property
    def _by_first_word(self) -> tuple[dict[str, list[tuple[str, ...]]], list[tuple[str, ...]]]:
        """Token phrases by their first word, and those opening with a prefix (word*): a token is
        tried only against the phrases that can start on it."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        open_first: list[tuple[str, ...]] = []
        for parts in self.phrases:
            if not parts or parts[0].endswith("*"):
                open_first.append(parts)
            else:
                by_first.setdefault(parts[0], []).append(parts)
        return by_first, open_first


@dataclass(frozen=True)
class Token:
    start: int
    text: str  # lower case
    lemmas: tuple[str, ...]  # every lemma pymorphy3 proposes (Russian); the text itself otherwise


def _token_matches(token: Token, word: str) -> bool:
    if word.endswith("*"):
        return token.text.startswith(word[:-1]) or any(lemma.startswith(word[:-1]) for lemma in token.lemmas)
    return token.text == word or word in token.lemmas


@dataclass(frozen=True)
class Lexicon:
    """The data of `clauses.yaml` for one language."""

    language: str
    families: dict[str, frozenset[str]]
    rank: dict[str, int]
    allowed: dict[str, tuple[tuple[str, str], ...]]
    relation_words: dict[str, Words]
    connectors: frozenset[str]
    frames: tuple[tuple[str, str], ...]
    compound_gaps: frozenset[str]
    list_gaps: frozenset[str]
    located: Words
    planned: Words
    planned_exceptions: Words
    planned_tags: tuple[frozenset[str], ...]
    negation: Words
    negation_exceptions: Words
    hypothetical: Words
    anaphora: Words
    topic_markers: tuple[str, ...]
    clause_breaks: re.Pattern
    partner_before: tuple[str, ...]
    partner_after: tuple[str, ...]
    free_order: frozenset[str]
    needs_party_in_clause: frozenset[str]
    joint: frozenset[str]
    not_subject_after: tuple[str, ...]
    trade: Words
    relatives: Words
    possessive: tuple[str, ...]
    inclusive: frozenset[str]
    object_first_links: Words
    agent_cases: dict[str, frozenset[str]]
    head_anaphora: frozenset[str]
    head_anaphora_not_after: frozenset[str]
    genitive_subject: frozenset[str]
    class_anaphora: tuple[tuple[str, str], ...]  # (folded word, family of the name it stands for)
    clause_only_markers: tuple[str, ...]
    phrase_inner: tuple[str, ...]
    modifier_marks: tuple[str, ...]
    sector_heads: tuple[str, ...]
    industry_qualified: tuple[str, ...]
    definite: tuple[tuple[tuple[str, ...], str, bool], ...]  # (words, family, plural)
    definite_across: frozenset[tuple[str, ...]]  # definite words that may take up a name of the paragraph before
    list_fillers: frozenset[str]
    pair_cue_window: int | None
    locative_before: tuple[str, ...]
    locative_after: tuple[str, ...]
    locative_predicates: frozenset[str]
    not_at_place: frozenset[str]
    active_object: frozenset[str]
    partner_nouns: Words
    partner_links: Words
    place_suffixes: tuple[str, ...]
    agent_heads: frozenset[str]
    not_agent_heads: frozenset[str]
    place_heads: frozenset[str]
    speaker_anaphora: tuple[tuple[str, str], ...]  # (folded word, class of the place it stands for)
    locative_families: frozenset[str]
    agent_before: tuple[str, ...]
    partner_connectors: tuple[str, ...]
    partner_clause_topic: frozenset[str]
    means_before: tuple[str, ...]
    enterprise_nouns: tuple[str, ...]
    time_topics: tuple[str, ...]
    cooperation_in_names: frozenset[str]
    facility_heads: frozenset[str]
    facility_adjectives: tuple[tuple[str, str], ...]  # (stem of the adjective, industry id)
    facing: Words
    settled: Words
    route_before: tuple[str, ...]
    route_after: tuple[str, ...]
    dash_pair_after: tuple[str, ...]
    partner_subject_after: tuple[str, ...]
    partner_predicates: tuple[str, ...]
    located_after: Words
    apposition_place_heads: frozenset[str]  # ru: "A, второй по величине город B": the head noun of place before B
    datelines: tuple[re.Pattern, ...]  # a dateline, byline or agency tag at a line's start: no subject, no topic
    colophon: tuple[str, ...]  # words of an imprint line (出版社, ISBN, издательство): no heading, no topic
    topic_not_after: Words  # zh: a verb before the name makes it the clause's object (推动X前期工作), no topic
    approving: tuple[str, ...]  # zh: 批准建设: the approver builds nothing
    theme_frames: tuple[tuple[str, str], ...]  # zh: 以…为主题: the names of a theme are no parties

    def family(self, cls: str) -> frozenset[str]:
        return self.families.get(cls, frozenset()) | {cls}


def _words(language: str, words: Iterable[str]) -> Words:
    if language in CJK:
        return Words(language, tuple((fold(w) or w,) for w in words))
    return Words(language, tuple(tuple(part for part in w.lower().split()) for w in words))


@lru_cache(maxsize=8)
def lexicon(language: str) -> Lexicon | None:
    """The clause data of a language, or None for a language without data."""
    raw = _raw()
    if language not in raw["connectors"]:
        return None

    def per(key: str) -> list[str]:
        return list(raw[key].get(language, []))

    return Lexicon(
        language=language,
        families={cls: frozenset(f) for cls, f in raw["families"].items()},
        rank=dict(raw["place_rank"]) | dict(raw.get("place_rank_extra", {}).get(language, {})),
        allowed={
            p: tuple(
                (s, o) for s, o in rows if language in CJK or [s, o] not in (raw.get("cjk_only_rows") or {}).get(p, [])
            )
            + _extra_rows(language, p)
            for p, rows in raw["allowed"].items()
        },
        relation_words={p: _words(language, w.get(language, [])) for p, w in raw["relation_words"].items()},
        connectors=frozenset(fold(c).strip() or c for c in per("connectors")),
        frames=tuple((fold(a), fold(b)) for a, b in raw["frames"].get(language, [])),
        compound_gaps=frozenset(per("compound_gaps")),
        list_gaps=frozenset(raw.get("list_gaps", {}).get(language) or []),
        located=_words(language, per("located_words")),
        planned=_words(language, per("planned")),
        planned_exceptions=_words(language, per("planned_exceptions")),
        planned_tags=tuple(frozenset(t) for t in per("planned_tags")),
        negation=_words(language, per("negation")),
        negation_exceptions=_words(language, per("negation_exceptions")),
        hypothetical=_words(language, per("hypothetical")),
        anaphora=_words(language, per("anaphora")),
        topic_markers=tuple(fold(t) for t in per("topic_markers")),
        clause_breaks=re.compile("|".join(per("clause_breaks")) or r"(?!)"),
        partner_before=tuple(fold(w) for w in raw["partner"].get(language, {}).get("before", [])),
        partner_after=tuple(fold(w) for w in raw["partner"].get(language, {}).get("after", [])),
        free_order=frozenset(raw.get("free_order", [])),
        needs_party_in_clause=frozenset(raw.get("needs_party_in_clause", [])),
        joint=frozenset(raw.get("joint", [])),
        not_subject_after=tuple(fold(w) for w in per("not_subject_after")),
        trade=_words(language, per("trade")),
        relatives=_words(language, per("relatives")),
        possessive=tuple(fold(w) for w in per("possessive")),
        inclusive=frozenset(raw.get("inclusive", [])),
        object_first_links=_words(language, per("object_first_links")),
        agent_cases={k: frozenset(v) for k, v in (raw.get("agent_cases", {}).get(language) or {}).items()},
        head_anaphora=frozenset(per("head_anaphora")) if "head_anaphora" in raw else frozenset(),
        head_anaphora_not_after=frozenset(per("head_anaphora_not_after"))
        if "head_anaphora_not_after" in raw
        else frozenset(),
        genitive_subject=frozenset(raw.get("genitive_subject", [])),
        class_anaphora=tuple(
            sorted(
                ((fold(w) or w, f) for w, f in (raw.get("class_anaphora", {}).get(language) or {}).items()),
                key=lambda pair: -len(pair[0]),
            )
        ),
        clause_only_markers=tuple(fold(w) for w in per("clause_only_markers")),
        phrase_inner=tuple(fold(w) for w in per("phrase_inner")),
        modifier_marks=tuple(fold(w) for w in per("modifier_marks")),
        sector_heads=tuple(fold(w) for w in per("sector_heads")),
        industry_qualified=tuple(fold(w) for w in raw.get("industry_qualified", {}).get(language) or []),
        definite=tuple(
            (tuple(w.lower().split()), entry["family"], bool(entry.get("plural", False)))
            for entry in raw.get("definite_anaphora", {}).get(language, [])
            for w in entry["words"]
        ),
        definite_across=frozenset(
            tuple(w.lower().split())
            for entry in raw.get("definite_anaphora", {}).get(language, [])
            if entry.get("across_paragraphs")
            for w in entry["words"]
        ),
        list_fillers=frozenset(per("list_fillers")),
        pair_cue_window=raw.get("pair_cue_window", {}).get(language),
        locative_before=tuple(fold(w) for w in raw.get("locative", {}).get(language, {}).get("before", [])),
        locative_after=tuple(fold(w) for w in raw.get("locative", {}).get(language, {}).get("after", [])),
        locative_predicates=frozenset(raw.get("locative_predicates", [])),
        not_at_place=frozenset(raw.get("not_at_place", [])),
        active_object=frozenset(raw.get("active_object", [])),
        partner_nouns=_words(language, raw.get("partner_nouns", {}).get(language, {}).get("nouns", [])),
        partner_links=_words(language, raw.get("partner_nouns", {}).get(language, {}).get("links", [])),
        place_suffixes=tuple(sorted((w for w in per("place_suffixes")), key=len, reverse=True)),
        agent_heads=frozenset(raw.get("genitive_heads", {}).get(language, {}).get("agent", [])),
        not_agent_heads=frozenset(raw.get("genitive_heads", {}).get(language, {}).get("not_agent", [])),
        place_heads=frozenset(raw.get("genitive_heads", {}).get(language, {}).get("place", [])),
        speaker_anaphora=tuple(
            (fold(w) or w, c) for w, c in (raw.get("speaker_anaphora", {}).get(language) or {}).items()
        ),
        locative_families=frozenset(raw.get("locative_families", {}).get(language) or ["territory"]),
        agent_before=tuple(fold(w) for w in raw.get("agent_before", {}).get(language) or []),
        partner_connectors=tuple(fold(w) for w in raw.get("partner_connectors", {}).get(language) or []),
        partner_clause_topic=frozenset(raw.get("partner_clause_topic", {}).get(language) or []),
        means_before=tuple(fold(w) for w in raw.get("means_before", {}).get(language) or []),
        enterprise_nouns=tuple(fold(w) for w in raw.get("enterprise_nouns", {}).get(language) or []),
        time_topics=tuple(fold(w) for w in raw.get("time_topics", {}).get(language) or []),
        cooperation_in_names=frozenset(raw.get("cooperation_in_names", {}).get(language) or []),
        facility_heads=frozenset((raw.get("facility_industries", {}).get(language) or {}).get("heads", [])),
        facility_adjectives=tuple(
            ((raw.get("facility_industries", {}).get(language) or {}).get("adjectives") or {}).items()
        ),
        facing=_words(language, raw.get("facing", {}).get(language) or []),
        settled=_words(language, raw.get("settled", {}).get(language) or []),
        route_before=tuple(fold(w) for w in (raw.get("route_marks", {}).get(language) or {}).get("before", [])),
        located_after=_words(language, raw.get("located_after", {}).get(language) or []),
        route_after=tuple(fold(w) for w in (raw.get("route_marks", {}).get(language) or {}).get("after", [])),
        dash_pair_after=tuple(fold(w) for w in raw.get("dash_pair_after", {}).get(language) or []),
        partner_subject_after=tuple(fold(w) for w in raw.get("partner_subject_after", {}).get(language) or []),
        partner_predicates=tuple(raw.get("partner_predicates", {}).get(language) or []),
        apposition_place_heads=frozenset(raw.get("apposition_place_heads", {}).get(language) or []),
        datelines=tuple(re.compile(p) for p in raw.get("datelines", {}).get(language) or []),
        colophon=tuple(fold(w) or w.lower() for w in raw.get("colophon", {}).get(language) or []),
        topic_not_after=_words(language, raw.get("topic_not_after", {}).get(language) or []),
        approving=tuple(fold(w) for w in raw.get("approving", {}).get(language) or []),
        theme_frames=tuple((fold(a), fold(b)) for a, b in raw.get("theme_frames", {}).get(language) or []),
    )


@lru_cache(maxsize=1)
def _raw() -> dict:
    """`clauses.yaml` with the per-language files of `clause_words/` folded in, as one mapping of
    key → language → value (relation_words: predicate → language → words)."""
    raw = load_data(DATA_FILE.read_text(encoding="utf-8"))
    for path in sorted(LANGUAGE_DIR.glob("*.yaml")):
        language = path.stem
        for key, value in (load_data(path.read_text(encoding="utf-8")) or {}).items():
            if key == "relation_words":
                for predicate, words in (value or {}).items():
                    per_language = raw.setdefault(key, {}).setdefault(predicate, {})
                    if words is not None:
                        per_language[language] = words
            else:
                raw.setdefault(key, {})[language] = value
    return raw


@lru_cache(maxsize=1)
def _means_relation() -> dict[str, dict[str, list[str]]]:
    """Per language, per predicate: the words of means before the name of their source."""
    return {
        lang: {p: [fold(w) for w in words] for p, words in (table or {}).items()}
        for lang, table in _raw().get("means_relation", {}).items()
    }


@lru_cache(maxsize=8)
def _country_adjectives(language: str) -> tuple[dict[str, str], int, frozenset[str]] | None:
    """`country_adjective_pairs` of clause_words/<language>.yaml: (adjective → country id, window after the
    pair, prepositions before it that make it a topic)."""
    data = (_raw().get("country_adjective_pairs") or {}).get(language)
    if not data:
        return None
    forms = {k.lower(): v for k, v in (data.get("forms") or {}).items()}
    return forms, int(data.get("window", 40)), frozenset(str(w).lower() for w in data.get("not_after") or ())


@lru_cache(maxsize=8)
def _branch_nouns(language: str) -> frozenset[str]:
    """`branch_nouns` of clause_words/<language>.yaml: lemmas of the nouns that make a body part of the
    organisation after them («дочернее общество», «филиал»)."""
    return frozenset(str(w) for w in (_raw().get("branch_nouns") or {}).get(language) or ())


@lru_cache(maxsize=8)
def _country_actor_nouns(language: str) -> frozenset[str]:
    """`country_actors` of clause_words/<language>.yaml: lemmas of the nouns of doers a country's adjective
    before them turns into the country («китайские инвесторы», «российская сторона»)."""
    return frozenset(str(w) for w in (_raw().get("country_actors") or {}).get(language) or ())


_RU_COUNTRY_ACTOR = re.compile(
    r"(?<![\w-])(?P<first>[А-ЯЁа-яё]+(?:ий|ый|ая|ое|ие|ые|ой|ого|ому|ым|ом|ую|ых|ими|ыми|их))"
    r"(?:\s+и\s+(?P<second>[А-ЯЁа-яё]+(?:ий|ый|ая|ое|ие|ые|ой|ого|ому|ым|ом|ую|ых|ими|ыми|их)))?"
    r"\s+(?P<noun>[а-яё]+)(?![\w-])"
)


@lru_cache(maxsize=8)
def _country_short(language: str) -> tuple[frozenset[str], dict[str, str], int] | None:
    """`country_short` of clause_words/<language>.yaml: (marks, character → country id, window after it)."""
    data = (_raw().get("country_short") or {}).get(language)
    if not data:
        return None
    return frozenset(data.get("marks", [])), dict(data.get("forms", {})), int(data.get("window", 6))


def _route_gap(gap: str) -> bool:
    """Between a place and the place it qualifies in a route's end (黑河市长发屯): nothing, 的, or the
    qualifier's own suffix that its mention leaves out (布拉戈维申斯克|市|卡尼库尔干村)."""
    return gap in ("", "的", "·", " ") or (len(gap) == 1 and gap in "市县省州区")


@lru_cache(maxsize=8)
def _country_pairs(language: str) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]] | None:
    """`country_pairs` of clause_words/<language>.yaml: (character → country id, plural nouns, words of doing)."""
    data = (_raw().get("country_pairs") or {}).get(language)
    if not data:
        return None
    return (
        dict(data.get("forms", {})),
        tuple(data.get("nouns", [])),
        tuple(fold(w) for w in data.get("verbs", [])),
    )


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> tuple[str, ...]:
    return tuple(sorted(lemmas(word)))


# --------------------------------------------------------------------------------------- clauses


class Clause:
    """A span of a sentence with its mentions; names are blanked out in the text that words are
    looked for in, so a word inside a name (产业 in 装备制造产业) is no relation word."""

    def __init__(self, text: str, start: int, end: int, mentions: list[Mention], language: str):
        self.start, self.end = start, end
        self.mentions = mentions
        self.language = language
        pieces, cursor = [], start
        for mention in mentions:
            if mention.start < cursor:
                continue  # one span standing for several names ("both countries")
            pieces.append(text[cursor : mention.start])
            pieces.append(BLANK * (mention.end - mention.start))
            cursor = mention.end
        pieces.append(text[cursor:end])
        blanked = "".join(pieces)
        self.blanked = blanked
        if language in CJK:
            folded = fold_text(blanked)
            self.folded = folded.text
            self._starts = folded.starts
            self.tokens: list[Token] = []
        else:
            self.folded = blanked.lower()
            self._starts = list(range(len(blanked)))
            russian = language == "ru"
            self.tokens = [
                Token(
                    start + m.start(),
                    m.group().lower(),
                    _lemmas(m.group().lower()) if russian else (m.group().lower(),),
                )
                for m in _TOKEN.finditer(blanked)
                if BLANK not in m.group()
            ]

    def offset(self, position: int) -> int:
        return self.start + self._starts[position]


def _script_language(sentence: str, default: str) -> str:
    """The language a sentence is written in, by script, when it is clearly not the document's."""
    latin = sum(1 for c in sentence if "a" <= c.lower() <= "z")
    cyrillic = sum(1 for c in sentence if "\u0400" <= c <= "\u04ff")
    kana = sum(1 for c in sentence if "\u3040" <= c <= "\u30ff")
    han = sum(1 for c in sentence if "\u4e00" <= c <= "\u9fff")
    letters = latin + cyrillic + kana + han
    if letters < 20:
        return default
    if latin > 0.8 * letters:
        return "en"
    if cyrillic > 0.8 * letters:
        return "ru"
    if kana + han > 0.8 * letters and default not in CJK:
        return "ja" if kana else "zh"
    return default


def _clauses(
    linked: LinkedText, index: int, mentions: list[Mention], lex: Lexicon, language: str = "", lead: int = 0
) -> list[Clause]:
    """The sentence's clauses; `lead` is where the sentence's own words begin (after a dateline)."""
    span = linked.sentences[index]
    text = linked.text
    begin = max(span.start, lead)
    sentence = text[begin : span.end]
    cuts = [begin]
    for match in lex.clause_breaks.finditer(sentence):
        cut = begin + match.end()
        # never cut inside a name
        if all(not (m.start < cut < m.end) for m in mentions) and cut > cuts[-1]:
            if language in ("", "zh") and _zh_bare_list_before_copula(linked, mentions, cuts[-1], cut):
                continue  # "木材加工、绿色食品、机电产业，是X的主导产业": the list is the copula's object
            cuts.append(cut)
    cuts.append(span.end)
    clauses = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            inside = [m for m in mentions if a <= m.start and m.end <= b]
            clauses.append(Clause(text, a, b, inside, language or linked.language))
    return clauses


def _zh_bare_list_before_copula(linked: LinkedText, mentions: list[Mention], start: int, cut: int) -> bool:
    """Chinese: is the text before a comma only a list of names, and a copula (是, 为) right after it?"""
    if linked.language != "zh" or not linked.text.startswith(("是", "为", "成为"), cut):
        return False
    inside = [m for m in mentions if start <= m.start and m.end <= cut]
    if len(inside) < 2:
        return False
    rest, cursor = [], start
    for m in inside:
        rest.append(linked.text[cursor : m.start])
        cursor = m.end
    rest.append(linked.text[cursor:cut])
    return not "".join(rest).strip(" 、，,和与及等")


# ------------------------------------------------------------------------------------ extraction


@dataclass
class Topic:
    mention: Mention
    rule: str  # "topic" (earlier clause or sentence) or "heading"


class ClauseReader:
    """Reads one linked document clause by clause."""

    def __init__(self, linked: LinkedText, catalog: Catalog, lex: Lexicon):
        self.linked = linked
        self.catalog = catalog
        self.lex = lex
        self.language = linked.language
        self.document_lex = lex
        self.relations: list[Relation] = []
        self.qualifiers: set[tuple[int, int]] = based_qualifiers(linked)  # places that only qualify another
        self.previous_last: Mention | None = None
        self.seen: list[Mention] = []  # names read so far, for anaphors of a class (该桥, 同社)
        self.place_names: dict[str, str] | None = None
        self.recent: list[Mention] = []  # the paragraph's names so far, for "the city", "both countries"
        self.paragraph_before: list[Mention] = []  # the names of the paragraph before («Инвестор …»)
        self.clause_mentions: list[Mention] = []  # the names of the clause being read

    def cls(self, mention: Mention) -> str:
        return self.catalog[mention.entity].cls if mention.entity in self.catalog else ""

    def fam(self, mention: Mention) -> frozenset[str]:
        """The families of the mention's class and of its finer class (a Company of class Organization)."""
        families = self.lex.family(self.cls(mention))
        subclass = self.catalog[mention.entity].subclass if mention.entity in self.catalog else None
        return families | self.lex.family(subclass) if subclass else families

    # -- the document

    def read(self, skip: set[int]) -> list[Relation]:
        linked = self.linked
        by_sentence: dict[int, list[Mention]] = {}
        for mention in linked.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        heading: Topic | None = None
        topic: Topic | None = None
        previous_end = 0
        after_dateline = False
        anaphora = (
            HeadAnaphora(linked, self.lex.head_anaphora, self.lex.head_anaphora_not_after)
            if self.lex.head_anaphora
            else None
        )
        for index, span in enumerate(linked.sentences):
            gap = linked.text[previous_end : span.start]
            previous_end = span.end
            if self._paragraph_break(gap):
                topic = heading
                self.paragraph_before = self.recent or self.paragraph_before
                self.recent = []
            if index in skip:
                continue
            mentions = by_sentence.get(index, [])
            if anaphora is not None:
                mentions = anaphora.resolve(index, mentions)  # "Финансирование проекта …": the project named before
            self._switch_language(linked.text[span.start : span.end])
            lead = self._dateline(index, after_dateline)
            after_dateline = lead > span.start
            if lead > span.start:
                mentions = [m for m in mentions if m.start >= lead]  # the place news was filed at does nothing
                if not linked.text[lead : span.end].strip(" .。,，:：;；-—–/"):
                    continue  # "ХАБАРОВСК, 3 июня.": the dateline is the whole sentence
            if self._colophon(index):
                continue  # "黑龙江人民出版社 2019年": an imprint, no heading
            if self._is_heading(index):
                self._compounds(mentions)
                named = [
                    m
                    for m in mentions
                    if "place" in self.fam(m)
                    and self.fam(m) & {"holder", "actor"}
                    and (m.start, m.end) not in self.qualifiers
                ]
                fitting = [
                    m
                    for m in named
                    if not self._marked_not_subject(m, span.end)
                    and not self._marked_partner(m, [])
                    and not (self.language == "en" and self._locative(m))  # "… approves a zone in B": where, not who
                ]
                if fitting and len({m.entity for m in named}) == 1:  # "黑河与绥芬河 …": two actors, no topic
                    heading = topic = Topic(fitting[0], "heading")
                continue
            mentions = self._en_without_verbs(mentions)
            mentions = self._ja_without_dateline(mentions)
            mentions = self._en_ports_of_cities(mentions)
            mentions = self._resolve_definite(index, mentions, topic)
            mentions = self._ru_pronoun_objects(index, mentions)
            mentions = self._en_pronoun_objects(index, mentions)
            mentions = self._resolve_speaker(index, mentions)
            mentions = self._cjk_country_short(span.start, span.end, index, mentions)
            mentions = self._en_country_adjective_pairs(span.start, span.end, index, mentions)
            mentions = self._ru_country_actors(span.start, span.end, index, mentions)
            self._ru_branch_of(mentions)
            mentions = self._country_pair_doers(span.start, span.end, index, mentions)
            for clause in _clauses(linked, index, mentions, self.lex, self.language, lead):
                topic = self._read_clause(clause, topic)
            self._cjk_route(span.start, span.end, mentions)
            self.recent.extend(mentions)
        return self.relations

    def _ja_without_dateline(self, mentions: list[Mention]) -> list[Mention]:
        """Japanese news: the dateline 【ハルビン＝共同】 names where the story was filed and the agency, no
        party of the sentence it opens."""
        if self.language != "ja":
            return mentions
        text = self.linked.text
        lines = [(m.start(), m.end()) for m in _JA_DATELINE.finditer(text)]
        return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in lines)] if lines else mentions

    def _cjk_country_short(self, start: int, end: int, index: int, mentions: list[Mention]) -> list[Mention]:
        """Chinese and Japanese: one character after a mark of direction stands for a country before a word of
        cooperation or trade (对俄经贸合作, 对华合作, 対ロ農業協力, 対ロ貿易額): a mention of the country, so that
        the clause's subject cooperates with it; a name of a model that covers it (对俄合作 as 对俄合作模式) gives way."""
        data = _country_short(self.language)
        if data is None:
            return mentions
        marks, forms, window = data
        text = self.linked.text
        words = [w for (w, *_) in self.lex.relation_words["cooperatesWith"].phrases]
        words += [w for (w, *_) in self.lex.trade.phrases]
        added: list[Mention] = []
        for at in range(start, end - 1):
            if text[at] not in marks or text[at + 1] not in forms:
                continue
            if any(m.start <= at + 1 < m.end and "model" not in self.fam(m) for m in mentions):
                continue  # inside another name
            after = fold(re.split(r"[，,、。；;：:（(「“\s]", text[at + 2 : at + 2 + window])[0])
            if not any(w and w in after for w in words):
                continue  # 对俄出口, 对俄口岸: no cooperation said
            entity = forms[text[at + 1]]
            if entity not in self.catalog or not self._cjk_doer_before(start, at, mentions):
                continue  # 实现对俄经贸合作战略升级: nobody of this sentence cooperates
            added.append(Mention(entity, self.linked.document, at + 1, at + 2, text[at + 1], index))
        if not added:
            return mentions
        kept = [m for m in mentions if not any(m.start <= a.start < m.end for a in added)]
        return sorted(kept + added, key=lambda m: (m.start, m.end))

    def _en_country_adjective_pairs(self, start: int, end: int, index: int, mentions: list[Mention]) -> list[Mention]:
        """English: two country adjectives joined by a hyphen before a word of cooperation ("Sino-Russian
        energy cooperation"): a mention of each country, so that the pair cooperates (`country_adjective_pairs`)."""
        data = _country_adjectives(self.language)
        if data is None:
            return mentions
        forms, window, not_after = data
        text = self.linked.text
        words = [
            r"\s+".join(re.escape(p.rstrip("*")) + (r"\w*" if p.endswith("*") else r"\b") for p in parts)
            for parts in self.lex.relation_words["cooperatesWith"].phrases
        ]
        said = re.compile(rf"\b(?:{'|'.join(words)})") if words else None
        added: list[Mention] = []
        for match in _EN_ADJECTIVE_PAIR.finditer(text, start, end):
            left, right = match.group(1).lower(), match.group(2).lower()
            if left not in forms or right not in forms or forms[left] == forms[right]:
                continue
            if any(m.start < match.end() and match.start() < m.end for m in mentions):
                continue  # part of a name (Sino-Russian Expo)
            before = re.search(r"(\w+)\s+$", text[max(start, match.start() - 20) : match.start()])
            if before is not None and before.group(1).lower() in not_after:
                continue  # "an actor in Sino-Russian cooperation": a topic, not a statement
            after = re.split(r"[,;:()]|\.\s", text[match.end() : min(end, match.end() + window)])[0].lower()
            if said is None or not said.search(after):
                continue  # "Sino-Russian relations", "Russian-Chinese border": no cooperation said
            if forms[left] not in self.catalog or forms[right] not in self.catalog:
                continue
            added.append(
                Mention(forms[left], self.linked.document, match.start(1), match.end(1), match.group(1), index)
            )
            added.append(
                Mention(forms[right], self.linked.document, match.start(2), match.end(2), match.group(2), index)
            )
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: (m.start, m.end))

    def _country_pair_doers(self, start: int, end: int, index: int, mentions: list[Mention]) -> list[Mention]:
        """A pair of countries written by one character each (中俄, 中蒙俄) that opens a clause and is followed by a
        plural noun (两国, 双方) or a word of doing (将, 共同, 签署): one span standing for both countries, the
        doers of the clause (中俄将建立…, 中俄两国签署《…》). Elsewhere (中俄关系, 推动中俄合作) the pair only
        describes."""
        data = _country_pairs(self.language)
        if data is None:
            return mentions
        forms, nouns, verbs = data
        text = self.linked.text
        chars = "".join(re.escape(c) for c in forms)
        pattern = re.compile(
            rf"(?:(?<=^)|(?<=[，,。；;：:\s]))(?:[0-9]{{4}}年(?:[0-9]{{1,2}}月)?(?:[0-9]{{1,2}}日)?[，,]?)?"
            rf"(?P<pair>[{chars}]{{2,3}})(?P<noun>{'|'.join(map(re.escape, nouns)) or '(?!)'})?"
        )
        added: list[Mention] = []
        for match in pattern.finditer(text, start, end):
            pair = match.group("pair")
            entities = list(dict.fromkeys(forms[c] for c in pair))
            if len(entities) < 2 or len(entities) != len(pair) or any(e not in self.catalog for e in entities):
                continue
            a, b = match.start("pair"), match.end()
            if any(m.start < b and a < m.end for m in mentions):
                continue  # 中俄博览会: the pair is part of a name
            if not match.group("noun") and not fold(text[b : b + 4]).startswith(verbs):
                continue  # 中俄全方位开放合作: it describes
            added += [Mention(e, self.linked.document, a, b, text[a:b], index) for e in entities]
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: (m.start, m.end))

    def _cjk_doer_before(self, start: int, at: int, mentions: list[Mention]) -> bool:
        """An actor named before `at` in the sentence, or an anaphor (同市, 该州) that stands for one."""
        if any(m.end <= at and "actor" in self.fam(m) for m in mentions):
            return True
        before = fold(self.linked.text[start:at])
        words = [w for (w, *_) in self.lex.anaphora.phrases] + [w for w, _ in self.lex.class_anaphora]
        words += [w for w, _ in self.lex.speaker_anaphora] + [w for (ws, _, _) in self.lex.definite for w in ws]
        return any(w and w in before for w in words)

    def _cjk_route(self, start: int, end: int, mentions: list[Mention]) -> None:
        """Chinese and Japanese: a route told by its ends and stops (管道起自A，经B进入中国，止于C; 班列はAを起点に
        Bを経由し、Cに至る): the link named first connects every place marked by a word of the route
        (`route_marks`), when two places or more are so marked."""
        if self.language not in CJK or not (self.lex.route_before or self.lex.route_after):
            return
        text = self.linked.text
        link = next(
            (m for m in mentions if self.fam(m) & {"infrastructure", "project"} and "place" not in self.fam(m)), None
        )
        if link is None:  # 大桥起点位于A，终点位于B: the anaphor opening the sentence stands for the link named before
            resolved = self._resolve_class_anaphor(Clause(text, start, end, mentions, self.language))
            link = next(
                (
                    m
                    for m in resolved.mentions[:1]
                    if m not in mentions and self.fam(m) & {"infrastructure", "project"} and "place" not in self.fam(m)
                ),
                None,
            )
        if link is None:
            return
        marked: list[Mention] = []
        through = False  # a Japanese route needs a stop or an end (を経由, まで), not only から
        for place in mentions:
            if (
                place.start < link.end
                or (place.start, place.end) in self.qualifiers
                or not self._fits("connects", link, place)
            ):
                continue
            cut, moved, towns = place.start, True, []
            while moved:  # 起自阿穆尔州斯科沃罗季诺, 起点位于黑龙江省黑河市长发屯: the word stands before the places qualifying it
                moved = False
                for m in mentions:
                    if m.start < cut and m.end <= cut and "place" in self.fam(m) and _route_gap(text[m.end : cut]):
                        cut, moved = m.start, True
                        towns += [m] if self.cls(m) == "City" else []  # 黑河市长发屯: the town is an end too
                        break
            before, after = (
                fold(text[max(start, cut - 16) : cut]),
                fold(text[place.end : place.end + 6]).lstrip("市」』"),
            )
            if before.endswith(self.lex.route_before) and not before.endswith(("来自", "源自", "各自")):
                if (
                    self.lex.rank.get(self.cls(place), 0) >= 4
                    and re.match(r"[\u4e00-\u9fff]", after)
                    and not after.startswith((*self.lex.route_before, "进", "入", "出", "境", "的", "和", "与", "及"))
                ):
                    continue  # 起自阿穆尔州斯科沃罗季诺: the region qualifies a town the catalog lacks
                marked.append(place)
                marked += [t for t in towns if self._fits("connects", link, t)]
            elif after.startswith(self.lex.route_after):
                marked.append(place)
                through = through or not after.startswith(("から", "へ"))
        if len({m.entity for m in marked}) < 2 or (self.language == "ja" and not through):
            return  # 開通式にはハルビンから50人、ウラジオストクから30人が出席: origins, no route
        sentence = Clause(text, start, end, mentions, self.language)
        if self._negated(sentence) or self._hypothetical(sentence):
            return
        modality = "planned" if self._planned(sentence) else "stated"
        for place in marked:
            self._emit(link.entity, "connects", place.entity, link.start, place.end, "route", modality)

    def _en_without_verbs(self, mentions: list[Mention]) -> list[Mention]:
        """English: a sector's name after a modal or "to" is a verb ("the Bank will finance the park"):
        no mention, so the relation word is read."""
        if self.language != "en":
            return mentions
        text = self.linked.text
        return [
            m
            for m in mentions
            if not (
                m.surface[:1].islower()
                and "industry" in self.fam(m)
                and _EN_MODAL_BEFORE.search(text[max(0, m.start - 20) : m.start])
            )
        ]

    def _en_ports_of_cities(self, mentions: list[Mention]) -> list[Mention]:
        """English: "the Dongning and Suifenhe ports": cities listed before a plural or singular
        port noun stand for the port the catalog has in each."""
        if self.language != "en":
            return mentions
        text = self.linked.text
        ports: dict[str, list[str]] = {}
        result = list(mentions)
        for mention in mentions:
            if self.cls(mention) != "City" or not _EN_PORT_NOUN.match(text, mention.end):
                continue
            if not ports:
                for entity in self.catalog:
                    if entity.cls == "Port":
                        for city in entity.located_in:
                            ports.setdefault(city, []).append(entity.id)
            for member in self._list_of(mention, mentions):
                found = ports.get(member.entity, [])
                if len(found) == 1 and member in result:
                    result[result.index(member)] = Mention(
                        found[0], member.document, member.start, member.end, member.surface, member.sentence
                    )
        return result

    def _resolve_definite(self, index: int, mentions: list[Mention], topic: Topic | None) -> list[Mention]:
        """ "The city lies opposite B", "both countries ratified the Program": a definite noun of a
        class stands for the topic when it fits, else for the paragraph's latest name of that class
        (a plural one for the latest list of two or more). The noun becomes a mention of it."""
        if not self.lex.definite:
            return mentions
        span = self.linked.sentences[index]
        text = self.linked.text
        lowered = text[span.start : span.end].lower()
        added: list[Mention] = []
        for words, family, plural in self.lex.definite:
            pattern = r"\s+".join(re.escape(w) for w in words)
            if self.language == "en":  # "the terminal's first phase": a possessive is the noun too
                pattern = r"(?<![\w'’-])" + pattern + r"(?![\w-])(?! of )"
            elif self.language not in CJK:  # CJK words stand without spaces: no word boundaries
                pattern = r"(?<![\w'’-])" + pattern + r"(?![\w'’-])"
            for match in re.finditer(pattern, lowered):
                start, end = span.start + match.start(), span.start + match.end()
                if any(m.start < end and start < m.end for m in mentions + added):
                    continue
                if self.language == "en" and not self._en_definite_possessive_reads(end, family, mentions):
                    continue
                own = (
                    [m for m in mentions if m.end <= start]
                    if self.language == "ja"
                    or (plural and self.language in ("zh", "en"))
                    or (self.language == "ru" and words[0] in ("его", "её", "ее"))  # «X»; его создание …
                    else []
                )  # 「X」が開催され、…同フォーラムに; 双方 after a comma
                entities = self._antecedents(family, plural, topic, start, own)
                if not entities and not plural and words in self.lex.definite_across:
                    # «Инвестор собирается …» opening a paragraph: the company of the paragraph before
                    fitting = [m for m in self.paragraph_before if family in self.fam(m)]
                    entities = [fitting[-1].entity] if fitting else []
                if self.language == "ru" and "place" in self.lex.family(family) and not plural:
                    if self._ru_apposition(text, start, end, mentions, family):
                        continue
                    entities = self._ru_same_noun(words[0], family, start, entities) or entities
                    entities = entities or self._ru_place_of_recent(family, topic, start)
                for entity in entities:
                    own_entities = {m.entity for m in own}
                    if (
                        self.language == "ru"
                        and entity not in own_entities
                        and not self._ru_possessive_reaches(words, entity, index)
                    ):
                        continue
                    if (
                        self.language == "ru"
                        and "place" in self.lex.family(family)
                        and _ru_noun_of_a_name(text, start, end, mentions)
                    ):
                        continue
                    added.append(Mention(entity, self.linked.document, start, end, text[start:end], index))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: (m.start, m.end))

    def _en_definite_possessive_reads(self, end: int, family: str, mentions: list[Mention]) -> bool:
        """English: a definite noun before a possessive stands for its name only before a part of a link
        ("the terminal's first phase") or, for a place noun, before a place it holds ("the province's
        Tongjiang city"); "the province's governor", "the city's trade" stay untaken."""
        text = self.linked.text
        owned = re.match(r"['’]", text[end : end + 1])
        if owned is None:
            return True
        if re.match(_EN_PART_OF_LINK, text[end + 1 : end + 40]):
            return True
        after = re.match(r"['’]s\s+", text[end : end + 6])
        if after is None or "place" not in self.lex.family(family):
            return False
        at = end + after.end()
        return any(m.start == at and "place" in self.fam(m) for m in mentions)

    def _ru_country_actors(self, start: int, end: int, index: int, mentions: list[Mention]) -> list[Mention]:
        """Russian: a country's adjective before a noun of the people or firms who act («китайские инвесторы»,
        «российская сторона», «российские и китайские строители»; `country_actors`) stands for the country, the
        doer of its clause, unless the noun heads a name («китайская компания «X»»: the firm is the doer)."""
        nouns = _country_actor_nouns(self.language)
        if not nouns:
            return mentions
        text = self.linked.text
        added: list[Mention] = []
        for word in re.finditer(r"(?<![\w-])[А-ЯЁа-яё]", text[:end]):
            match = _RU_COUNTRY_ACTOR.match(text, word.start(), end) if word.start() >= start else None
            if match is None or not lemmas(match.group("noun").lower()) & nouns:
                continue
            if re.match(r"\s*[«\"„“(]", text[match.end() : end]) or any(
                m.start < match.end() + 3 and match.start() < m.end for m in mentions
            ):
                continue  # «китайская компания «Хэйлун Тимбер»», a name of its own: no country stands for it
            found = []
            for group in ("first", "second"):
                if match.group(group) is not None:
                    a, b = match.span(group)
                    found.append((demonym_country(match.group(group), self.language), a, b))
            if all(country is not None and country in self.catalog for country, _, _ in found):
                added += [Mention(str(c), self.linked.document, a, b, text[a:b], index) for c, a, b in found]
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: (m.start, m.end))

    def _ru_branch_of(self, mentions: list[Mention]) -> None:
        """Russian: a body followed, in brackets or between commas, by a noun of a subsidiary or branch and the
        organisation it belongs to («A (дочернее общество B)», «A (АБВ, филиал ОАО «B»)», «A, структурное
        подразделение B,»; `branch_nouns`): A is part of B. A place is no one's branch."""
        words = _branch_nouns(self.language)
        if not words:
            return
        text = self.linked.text
        for a, b in zip(mentions, mentions[1:]):
            gap = text[a.end : b.start]
            opening = re.match(r"[»\"”]?\s*([(,])\s*(?:[А-ЯЁA-Z][\w-]*\s*,\s*)?(.+?)\s*[«\"„“]?$", gap)
            if opening is None or not re.fullmatch(r"[\w\s-]+", opening.group(2)):
                continue
            phrase = opening.group(2).split()
            if not any(lemmas(w.lower()) & words for w in phrase[-2:]) or len(phrase) > 4:
                continue
            closing = text[b.end : b.end + 3].lstrip('»"” ')
            if not closing.startswith(")" if opening.group(1) == "(" else (",", ".", ")")):
                continue  # the bracket or the apposition goes on: the organisation is not the whole owner
            if "territory" in self.fam(a) or "organization" not in self.fam(b) or self._nested(a, b):
                continue
            self._emit(a.entity, "partOf", b.entity, a.start, min(len(text), b.end + 1), "branch", "stated")

    def _ru_pronoun_objects(self, index: int, mentions: list[Mention]) -> list[Mention]:
        """Russian: «его построила компания «X»», «её профинансирует банк»: a pronoun right before a
        verb is the object, the latest project or site of its sentence or the one before."""
        if self.language != "ru":
            return mentions
        span = self.linked.sentences[index]
        text = self.linked.text
        added: list[Mention] = []
        for match in _RU_PRONOUN_BEFORE_WORD.finditer(text, span.start, span.end):
            if "verb" not in _word_kinds(match.group(2).lower()):
                continue
            start, end = match.span(1)
            earlier = [m for m in self.recent if m.sentence >= index - 1] + [m for m in mentions if m.end <= start]
            feminine = match.group(1).lower() != "его"
            antecedent = next(
                (m for m in reversed(earlier) if "site" in self.fam(m) and self._ru_gender_fits(m, feminine)), None
            )
            if antecedent is not None and not any(m.start < end and start < m.end for m in mentions):
                added.append(Mention(antecedent.entity, self.linked.document, start, end, text[start:end], index))
        return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions

    def _en_pronoun_objects(self, index: int, mentions: list[Mention]) -> list[Mention]:
        """English: "the Bank of China has agreed to finance it": "it" right after a word of funding,
        building or running is the object, the latest project or site of its sentence or the one before."""
        if self.language != "en":
            return mentions
        span = self.linked.sentences[index]
        text = self.linked.text
        sentence = Clause(text, span.start, span.end, mentions, self.language)
        added: list[Mention] = []
        for predicate in ("fundedBy", "implements", "investsIn"):
            for at in self.lex.relation_words[predicate].find(sentence):
                word = _TOKEN.match(text, at)
                pronoun = re.compile(r" (it)\b(?!['’])").match(text, word.end()) if word else None
                if pronoun is None:
                    continue
                start, end = pronoun.span(1)
                earlier = [m for m in self.recent if m.sentence >= index - 1] + [m for m in mentions if m.end <= start]
                antecedent = next((m for m in reversed(earlier) if "site" in self.fam(m)), None)
                if antecedent is not None and not any(m.start < end and start < m.end for m in mentions + added):
                    added.append(Mention(antecedent.entity, self.linked.document, start, end, "it", index))
        return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions

    def _ru_gender_fits(self, mention: Mention, feminine: bool) -> bool:
        """Russian: can «её» (feminine) or «его» take up the name, by the gender of its head noun
        (мост «…», канатная дорога «…»)? A name without a known head fits either."""
        text = self.linked.text
        words = _TOKEN.findall(mention.surface)
        head = next((w for w in words if w.islower()), None)
        if head is None and text[: mention.start].rstrip().endswith(("«", '"', "“")):
            before = _TOKEN.findall(text[max(0, mention.start - 30) : mention.start])
            head = before[-1] if before else None
        genders = (
            {str(p.tag.gender) for p in analyzer().parse(head.lower()) if p.tag.POS == "NOUN" and p.tag.gender}
            if head
            else set()
        )
        if not genders:
            return True
        return ("femn" in genders) == feminine or ("femn" in genders and len(genders) > 1)

    def _resolve_speaker(self, index: int, mentions: list[Mention]) -> list[Mention]:
        """A place the writer speaks for ("我市", "我省" in a city's or province's own report): the
        first place of that class the document names (its title, as a rule), wherever it stands."""
        if not self.lex.speaker_anaphora:
            return mentions
        span = self.linked.sentences[index]
        text = self.linked.text
        sentence = fold(text[span.start : span.end])
        added: list[Mention] = []
        for word, cls in self.lex.speaker_anaphora:
            first = self._first_place(cls)
            if first is None:
                continue
            for match in re.finditer(re.escape(word), sentence):
                start, end = span.start + match.start(), span.start + match.end()
                if start >= first[1] and not any(m.start < end and start < m.end for m in mentions + added):
                    added.append(Mention(first[0], self.linked.document, start, end, text[start:end], index))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: (m.start, m.end))

    def _first_place(self, cls: str) -> tuple[str, int] | None:
        """The first place of the class the document names, alone or opening a longer name (绥芬河市
        in 绥芬河市人民政府), with the end of its mention."""
        names = self._place_names()
        for mention in sorted(self.linked.mentions, key=lambda m: m.start):
            if self.cls(mention) == cls:
                return mention.entity, mention.end
            surface = mention.surface.lower()
            opening = [n for n in names if surface.startswith(n) and len(n) < len(surface)]
            for name in sorted(opening, key=len, reverse=True):
                if self.catalog[names[name]].cls == cls:
                    return names[name], mention.end
        return None

    def _ru_same_noun(self, noun: str, family: str, before: int, found: list[str]) -> list[str]:
        """Russian: "… провинции Хэйлунцзян и Хабаровского края. Край намерен …": of the places of
        the class named before, the latest whose own name has the noun («края») goes first."""
        stem = noun[: max(3, len(noun) - 2)]
        if any(stem in m.surface.lower() for m in self.recent + self.clause_mentions if m.entity in found):
            return found
        for mention in reversed([m for m in self.recent if m.end <= before] + self.clause_mentions):
            if family in self.fam(mention) and stem in mention.surface.lower():
                return [mention.entity]
        return []

    def _ru_apposition(self, text: str, start: int, end: int, mentions: list[Mention], family: str) -> bool:
        """Russian: "Биробиджан, административный центр области, принимает …": a noun of place in
        an apposition after a city says where the city lies; the apposition's names only qualify."""
        sentence = text[:start].rfind(",")
        head = next((m for m in reversed(mentions) if m.end <= sentence and not text[m.end : sentence].strip()), None)
        if head is None or text[end : end + 1] not in (",", ")") or "holder" not in self.fam(head):
            return False
        gap = _TOKEN.findall(text[sentence:start])
        if not gap or any(_word_kinds(w.lower()) & {"verb", "passive"} for w in gap):
            return False
        own = (
            [p for p in self.catalog[head.entity].located_in[:1] if p in self.catalog]
            if head.entity in self.catalog
            else []
        )
        own = [p for p in own if family in self.lex.family(self.catalog[p].cls)]
        place = own or self._antecedents(family, False, None, head.start)
        if not place or place[0] == head.entity or self.cls(head) == self.catalog[place[0]].cls:
            return False
        for inner in mentions:
            if sentence < inner.start and inner.end <= start:
                self.qualifiers.add((inner.start, inner.end))
        self._emit(head.entity, "locatedIn", place[0], head.start, end, "apposition", "stated")
        return True

    def _ru_place_of_recent(self, family: str, topic: Topic | None, before: int) -> list[str]:
        """Russian: "Уссурийск … Край планирует …", "Правительство области … развития края": with no
        name of the noun's class before it, the noun stands for the place the latest name (a city,
        a body) lies in, when that place is of the class."""
        earlier = [m for m in self.recent if m.end <= before] + self.clause_mentions
        if topic is not None:
            earlier.append(topic.mention)
        for mention in sorted(earlier, key=lambda m: m.end, reverse=True):
            if mention.entity not in self.catalog:
                continue
            for place in self.catalog[mention.entity].located_in[:1]:
                if place in self.catalog and family in self.lex.family(self.catalog[place].cls):
                    return [place]
        return []

    def _ru_possessive_reaches(self, words: tuple[str, ...], entity: str, index: int) -> bool:
        """Russian: a possessive pronoun ("его строительство") takes up a name of its own sentence or
        the one before only; further back an unnamed noun in between is likelier its antecedent."""
        if words[0] not in ("его", "её", "ее", "их"):
            return True
        return any(m.entity == entity and m.sentence >= index - 1 for m in self.recent + self.clause_mentions)

    def _antecedents(
        self, family: str, plural: bool, topic: Topic | None, before: int, own: list[Mention] | None = None
    ) -> list[str]:
        earlier = [m for m in self.recent if m.end <= before] + (own or [])
        if not plural:
            if topic is not None and family in self.fam(topic.mention):
                return [topic.mention.entity]
            fitting = [m for m in earlier if family in self.fam(m)]
            if self.language == "en":  # "Manzhouli, in Inner Mongolia's Hulunbuir … the city": not the qualifier
                fitting = [m for m in fitting if (m.start, m.end) not in self.qualifiers] or fitting
            return [fitting[-1].entity] if fitting else []
        for position in range(len(earlier) - 1, -1, -1):
            if family in self.fam(earlier[position]):
                members = self._list_of(earlier[position], earlier)
                if self.language == "zh":  # 俄罗斯阿穆尔州政府: the country only qualifies, it is no second party
                    members = [m for m in members if not any(self._nested(m, o) and m.end <= o.start for o in members)]
                if (
                    self.language == "ja"
                ):  # 撫遠市とロシア極東ハバロフスク地方の中心都市ハバロフスク市…両市: the cities only
                    members = [
                        m for m in members if family in self.fam(m) and (m.start, m.end) not in self.qualifiers
                    ] or members
                if len({m.entity for m in members}) >= 2:
                    return list(dict.fromkeys(m.entity for m in members))
        return []

    def _switch_language(self, sentence: str) -> None:
        """A sentence in another script than the document (the English abstract of a Russian
        paper) is read with the words of its own language."""
        language = _script_language(sentence, self.linked.language)
        lex = lexicon(language) if language != self.linked.language else self.document_lex
        if lex is not None:
            self.language, self.lex = language, lex

    def _paragraph_break(self, gap: str) -> bool:
        return gap.count("\n") >= (1 if self.language in CJK else 2)

    def _dateline(self, index: int, after_dateline: bool) -> int:
        """Where the sentence's own words begin: after a dateline, byline or agency tag at the start of a
        line, or right after another one ("БЛАГОВЕЩЕНСК, 12 апреля. /ТАСС/."); else the sentence's start."""
        span = self.linked.sentences[index]
        text = self.linked.text
        at = span.start
        if not (after_dateline or at == 0 or text[at - 1] == "\n"):
            return at
        found = True
        while found and at < span.end:
            found = False
            for pattern in self.lex.datelines:
                match = pattern.match(text, at, span.end)
                if match is not None and match.end() > at:
                    at, found = match.end(), True
                    break
        return at

    def _colophon(self, index: int) -> bool:
        """A short line of its own that names a publisher, printer or imprint (出版社, ISBN, издательство)."""
        if not self.lex.colophon:
            return False
        span = self.linked.sentences[index]
        text = self.linked.text
        start = text.rfind("\n", 0, span.start) + 1
        end = text.find("\n", span.end)
        line = text[start : len(text) if end < 0 else end]
        if len(line) > 120:
            return False
        folded = fold(line) if self.language in CJK else line.lower()
        return any(word in folded for word in self.lex.colophon)

    def _is_heading(self, index: int) -> bool:
        """A short line of its own without a sentence-final stop."""
        span = self.linked.sentences[index]
        text = self.linked.text
        line = text[span.start : span.end]
        if len(line) > 80 or "\n" in line.strip():
            return False
        before = text[max(0, span.start - 1) : span.start]
        after = text[span.end : span.end + 1]
        return before in ("", "\n") and after in ("", "\n") and line.rstrip()[-1:] not in "。.!?！？;；:：,，"

    # -- one clause

    def _read_clause(self, clause: Clause, topic: Topic | None) -> Topic | None:
        lex = self.lex
        self._compounds(clause.mentions)
        self._inner_places(clause.mentions)
        self._en_facing_apposition(clause)
        clause.mentions = [m for m in clause.mentions if (m.start, m.end) not in self.qualifiers]
        clause.mentions = self._outside_theme(clause)
        if self.language not in CJK and clause.mentions and not clause.tokens:
            self.previous_last = clause.mentions[-1]  # "Liaoning Port Group, which runs …": the relative's antecedent
            return None  # names and nothing else ("Харбин; промышленное сотрудничество с Россией"): a list, no topic
        if self._relative(clause) and self.previous_last is not None:
            antecedent = self.previous_last  # "the Corridor, which includes A, B and C"
            clause = Clause(
                self.linked.text, antecedent.start, clause.end, [antecedent, *clause.mentions], self.language
            )
            if self.language == "en":  # "Hulin, which lies under Jixi": the relative says where the name lies
                self._compounds(clause.mentions[:2])
        resolved = self._resolve_class_anaphor(clause)
        if self.language in CJK and len(resolved.mentions) > len(clause.mentions):
            self._compounds(resolved.mentions[:2])  # 同州のブラゴベシチェンスク: the anaphor says where the town lies
            resolved.mentions = [m for m in resolved.mentions if (m.start, m.end) not in self.qualifiers]
        clause = self._en_coordinated_subject(resolved, topic)
        clause, topic = self._en_fronted_participle(clause, topic)
        self.seen.extend(clause.mentions)
        self.previous_last = clause.mentions[-1] if clause.mentions else None
        own_topic = self._clause_topic(clause)
        carried = topic
        if own_topic is not None and not self._is_anaphoric(clause):
            topic = Topic(own_topic, "topic")
            if carried is None or not self._clause_only(own_topic, clause):
                carried = topic  # a subject marked by が is its clause's only: the topic stays
        elif own_topic is None and not self._is_anaphoric(clause) and self._unnamed_topic(clause):
            topic = carried = None  # "…の推進は": the clause is about something the catalog does not name
        if self._negated(clause):
            return carried
        modality = "planned" if self._planned(clause) else "stated"
        cues = {p: words.find(clause) for p, words in lex.relation_words.items()}
        if self.language in CJK:  # a word inside a bracket explains a name: （包括飞机发动机…）
            inside = [(m.start(), m.end()) for m in _BRACKETS.finditer(self.linked.text, clause.start, clause.end)]
            cues = {p: [at for at in found if not any(a < at < b for a, b in inside)] for p, found in cues.items()}
        if self.language == "ru" and "hosts" in cues:
            cues["hosts"] = [at for at in cues["hosts"] if not self._ru_taking_part(clause, at)]
        if self.language == "zh" and cues.get("implements"):
            cues["implements"] = [at for at in cues["implements"] if not self._zh_nominal_building(at, clause)]
        if self.language == "ja" and cues.get("implements"):  # 建設費はAが拠出する: a cost, not the building
            cues["implements"] = [at for at in cues["implements"] if not _JA_COST.match(self.linked.text, at)]
        cues = {p: found for p, found in cues.items() if found}
        clause = self._en_event_taken_up(clause, cues)
        self._pairs(clause, cues, modality)
        self._partners(clause, cues, topic, modality)  # 合作 may stand only inside a model's name (经济技术合作)
        self._partner_noun(clause, topic, modality)
        self._both_parties(clause, cues, modality)
        self._zh_funded_antecedent(clause, cues, modality)
        self._zh_agent_of_topic(clause, cues, topic, modality)
        if cues:
            self._governed(clause, cues, topic, modality)
        self._ru_linked_by(clause, cues, modality)
        self._means_from(clause, modality)
        self._bracket_members(clause)
        self._possessed_industries(clause, modality)
        self._located(clause, modality, cues)
        self._event_in_place(clause, modality)
        self._ru_facility_industry(clause, modality)
        self._cjk_settled(clause, modality)
        self._zh_capital_of(clause, modality)
        return carried

    def _means_from(self, clause: Clause, modality: str) -> None:
        """A name right after a word of means ("built with capital from A", "With money from B, the
        plant …"): the body the means come from invests in or funds the nearest project or site of the
        clause, whatever else the clause says (`means_relation` of clause_words/<language>.yaml)."""
        table = _means_relation().get(self.language)
        if not table:
            return
        text, mentions = self.linked.text, clause.mentions
        for source in mentions:
            before = fold(text[max(0, source.start - 30) : source.start]).rstrip()
            predicate = next((p for p, words in table.items() if any(before.endswith(w) for w in words)), None)
            if predicate is None:
                continue
            targets = [m for m in mentions if m is not source and self.fam(m) & {"project", "site"}]
            if not targets:
                continue
            target = min(targets, key=lambda m: abs(m.start - source.start))
            for member in self._list_of(source, mentions):
                pair = (member, target) if predicate == "investsIn" else (target, member)
                if self._fits(predicate, *pair):
                    self._emit(pair[0].entity, predicate, pair[1].entity, clause.start, clause.end, "means", modality)

    def _ru_facility_industry(self, clause: Clause, modality: str) -> None:
        """Russian: «деревообрабатывающий комбинат «X»»: the adjective of the facility's head noun says
        the sector the named facility works in (`facility_industries` of the language's words)."""
        if self.language != "ru" or not self.lex.facility_adjectives:
            return
        text = self.linked.text
        for mention in clause.mentions:
            if not self.fam(mention) & {"actor", "site", "project"}:
                continue
            before = _RU_ADJECTIVE_HEAD_QUOTE.search(text, max(0, mention.start - 60), mention.start)
            if before is None or not set(lemmas(before.group(2).lower())) & self.lex.facility_heads:
                continue
            adjective = before.group(1).lower()
            for stem, industry in self.lex.facility_adjectives:
                if adjective.startswith(stem) and industry in self.catalog:
                    end = mention.end + (1 if text[mention.end : mention.end + 1] == "»" else 0)
                    self._emit(mention.entity, "targetsIndustry", industry, before.start(), end, "facility", modality)
                    break

    def _event_in_place(self, clause: Clause, modality: str) -> None:
        """English and Russian: an event's name right before the place it is in ("the Eastern Economic
        Forum in Vladivostok", «на Восточном экономическом форуме во Владивостоке»): the place hosts it."""
        if self.language not in ("en", "ru"):
            return
        text = self.linked.text
        for event, place in zip(clause.mentions, clause.mentions[1:]):
            gap = fold(text[event.end : place.start]).strip()
            if (
                "event" in self.fam(event)
                and gap in self.lex.locative_before
                and self._fits("hosts", place, event)
                and not self._nested(place, event)
            ):
                self._emit(place.entity, "hosts", event.entity, event.start, place.end, "event-place", modality)

    def _ru_taking_part(self, clause: Clause, at: int) -> bool:
        """Russian: «принять» hosts ("Город вновь принял ярмарку") unless it is «принять участие»
        ('take part'), «участие» standing anywhere in the clause ("Участие в выставке приняли …")."""
        word = _TOKEN.match(self.linked.text, at)
        if word is None or not word.group().lower().startswith("принял"):
            return False
        tokens = _TOKEN.findall(self.linked.text[clause.start : clause.end])
        return any(w.lower().startswith("участи") for w in tokens)

    def _resolve_class_anaphor(self, clause: Clause) -> Clause:
        """A clause opening with an anaphor of a class (该桥, 同保税区, "the bridge") reads it as the
        last name of that class before it: the anaphor is a party of the clause."""
        head = clause.folded[:6]
        for word, family in self.lex.class_anaphora:
            at = head.find(word)
            if at < 0 or BLANK in head[:at] or head[:at].strip("①②③④⑤⑥⑦⑧⑨（）()0123456789. "):
                continue
            start = clause.offset(at)
            candidates = [m for m in reversed(self.seen) if family in self.fam(m) and start - m.end < 2000]
            # 同市 after 綏芬河市 … ポグラニチヌイ: a name whose own head is the anaphor's noun goes first
            # 该边疆区 after 外贝加尔边疆区 … 内蒙古自治区: a name ending in the whole noun goes before one ending in its last character
            noun = word[1:] if len(word) >= 3 else word[-1]
            antecedent = (
                self._ja_subject_antecedent([m for m in candidates if fold(m.surface).endswith(noun)], start)
                or next((m for m in candidates if fold(m.surface).endswith(noun)), None)
                or next((m for m in candidates if fold(m.surface).endswith(word[-1])), None)
                or next(iter(candidates), None)
            )
            if antecedent is None:
                return clause
            end = clause.offset(at + len(word) - 1) + 1
            stand_in = Mention(
                antecedent.entity, antecedent.document, start, end, self.linked.text[start:end], antecedent.sentence
            )
            return Clause(self.linked.text, clause.start, clause.end, [stand_in, *clause.mentions], self.language)
        return clause

    def _ja_subject_antecedent(self, candidates: list[Mention], start: int) -> Mention | None:
        """Japanese: 同市 / 同州 / 同社 take up the subject of the sentence before (撫遠市は…、対岸の
        ハバロフスク市とは…。同市は…): the latest candidate marked by は or が in the two sentences before
        the latest name of the class, if any, whatever names of its class followed it."""
        if self.language != "ja" or not candidates:
            return None
        text = self.linked.text
        here = candidates[0].sentence
        for m in candidates:
            if m.sentence < here - 1 or start - m.end > 400:
                break
            if text.startswith(("は", "が"), m.end) and not text[: m.start].endswith("と"):
                return m  # AとBは…: a pair, no single subject to take up
        return None

    def _en_coordinated_subject(self, clause: Clause, topic: Topic | None) -> Clause:
        """English: a clause of a second verb ("Manzhouli lies in Hulunbuir, …, and sits opposite B")
        has the subject of the clause before: "and" stands for it, a party of the clause."""
        opening = re.match(r"\s*(and) [a-z]", clause.folded) if self.language == "en" else None
        if opening is None or topic is None:
            return clause
        start = clause.offset(opening.start(1))
        stand_in = Mention(
            topic.mention.entity,
            topic.mention.document,
            start,
            start + 3,
            self.linked.text[start : start + 3],
            topic.mention.sentence,
        )
        return Clause(self.linked.text, clause.start, clause.end, [stand_in, *clause.mentions], self.language)

    def _en_fronted_participle(self, clause: Clause, topic: Topic | None) -> tuple[Clause, Topic | None]:
        """English: "Built by A, the centre will focus on B": the fronted participle's doer A does
        the participle's word to the main clause's subject (the name, or "it", right after the comma)
        and is no party of the main clause, which is read on its own, with that subject as its topic."""
        if self.language != "en":
            return clause, topic
        text = self.linked.text
        opening = _EN_FRONTED_PARTICIPLE.match(text, clause.start, clause.end)
        agents = [m for m in clause.mentions if opening is not None and m.start >= opening.end()]
        comma = text.find(", ", agents[0].end, clause.end) if agents else -1
        agents = [m for m in agents if m.end <= comma]
        if opening is None or not agents or _TOKEN.search(text, agents[-1].end, comma):
            return clause, topic
        rest = [m for m in clause.mentions if m.start > comma]
        head = rest[0] if rest and not _TOKEN.search(text, comma, rest[0].start) else None
        if head is None and rest and re.fullmatch(r",\s+the\s+", text[comma : rest[0].start]):
            head = rest[0]
        if head is None and _EN_PRONOUN_SUBJECT.match(text, comma + 1) and topic is not None:
            head = topic.mention
        phrase = Clause(text, clause.start, comma, agents, self.language)
        modality = "planned" if self._planned(phrase) else "stated"
        for predicate, words in self.lex.relation_words.items():
            if head is None or not words.find(phrase):
                continue
            for agent in agents:
                if self._fits(predicate, agent, head) and predicate not in self.lex.active_object:
                    self._emit(
                        agent.entity, predicate, head.entity, clause.start, max(head.end, comma), "participle", modality
                    )
                elif self._fits(predicate, head, agent):
                    self._emit(
                        head.entity, predicate, agent.entity, clause.start, max(head.end, comma), "participle", modality
                    )
        main = Clause(text, comma + 1, clause.end, rest, self.language)
        return main, Topic(head, "topic") if head is not None else None

    def _en_event_taken_up(self, clause: Clause, cues: dict[str, list[int]]) -> Clause:
        """English: "More than 300 companies from A, B and C took part.": a word of taking part
        without its event or project is about the event the paragraph named before; it stands at
        the clause's end."""
        if self.language != "en" or "participatesIn" not in cues:
            return clause
        if any(self.fam(m) & {"event", "project"} for m in clause.mentions):
            return clause
        event = next((m for m in reversed(self.recent) if "event" in self.fam(m)), None)
        end = clause.end
        while end > clause.start and self.linked.text[end - 1] in " \n.;,":
            end -= 1
        word = re.compile(r"[\w'’-]+[ ]*(?=[,;.]|$)").match(self.linked.text, max(cues["participatesIn"]), end)
        if word is not None and word.end() < end:
            end = word.end()  # "Delegates from A and B attended, as did …": the word's event is left out
        if event is None or end <= max(clause.mentions[-1].end if clause.mentions else 0, max(cues["participatesIn"])):
            if not (word is not None and word.end() == end and event is not None):
                return clause
        sentence = next((i for i, s in enumerate(self.linked.sentences) if s.start <= clause.start < s.end), 0)
        stand_in = Mention(event.entity, event.document, end, end, "", sentence)
        mentions = sorted([*clause.mentions, stand_in], key=lambda m: (m.start, m.end))
        return Clause(self.linked.text, clause.start, clause.end, mentions, self.language)

    def _clause_only(self, mention: Mention, clause: Clause) -> bool:
        """Is the name marked as the subject of its own clause only (Japanese が), not as a topic
        that later clauses carry (は)?"""
        if not self.lex.clause_only_markers:
            return False
        last = self._list_of(mention, clause.mentions)[-1]
        case = self._case_after(last, clause.end)
        return any(case.startswith(w) for w in self.lex.clause_only_markers)

    def _relative(self, clause: Clause) -> bool:
        """Does the clause open with a relative pronoun ("which", "который")? Its topic is the
        last name of the clause before."""
        return any(at - clause.start <= 1 for at in self.lex.relatives.find(clause)) and bool(clause.mentions)

    def _unnamed_topic(self, clause: Clause) -> bool:
        """A topic marker (Japanese は) after words that are not a linked name; in Chinese, a clause
        opening with a demonstrative noun no name stands for (该中心以木材加工为主业 when the centre is not
        linked): the clause is about that thing, not the topic carried."""
        if self.language == "zh":
            first = clause.mentions[0] if clause.mentions else None
            firms = first is not None and self._zh_names_a_firm(first)
            return firms or bool(_ZH_DEMONSTRATIVE.match(clause.folded))
        if not self.lex.topic_markers or self.language != "ja":
            return False
        head = clause.folded[: max(1, len(clause.folded) // 2)]
        at = head.find("は")
        if at > 0 and head[:at].lstrip("、 ").endswith(self.lex.time_topics) and len(head[:at].strip("、 ")) <= 4:
            return False  # 現在は, 今後は: a time, not what the clause is about
        return at > 0 and head[at - 1] != BLANK and not ("\u3040" <= head[at - 1] <= "\u309f")

    def _negated(self, clause: Clause) -> bool:
        if self._hypothetical(clause):
            return True
        found = set(self.lex.negation.find(clause))
        if not found:
            return False
        return bool(found - set(self.lex.negation_exceptions.find(clause)))

    def _planned(self, clause: Clause) -> bool:
        """A word of plan in the clause that is not part of a longer word (要 in 主要, 应 in 供应)."""
        found = self.lex.planned.find(clause)
        if not found:
            return bool(self.lex.planned_tags) and self._planned_form(clause)
        spans = [
            (at, at + len(" ".join(phrase)))
            for phrase in self.lex.planned_exceptions.phrases
            for at in Words(self.language, (phrase,)).find(clause)
        ]
        return any(not any(a <= at < b for a, b in spans) for at in found)

    def _planned_form(self, clause: Clause) -> bool:
        """A verb whose form says the plan (Russian perfective future: "расширит", "займётся",
        "примет"), by the grammemes of `planned_tags` on all its readings of its first reading's part
        of speech."""
        for word in _TOKEN.findall(self.linked.text[clause.start : clause.end]):
            if word[:1].isupper():
                continue
            readings = analyzer().parse(word.lower())
            verbs = [r.tag for r in readings if r.tag.POS == readings[0].tag.POS]
            if any(all(all(g in tag for g in tags) for tag in verbs) for tags in self.lex.planned_tags):
                return True  # every reading of that part of speech: "реализует" (of both aspects) says no plan
        return False

    def _hypothetical(self, clause: Clause) -> bool:
        """Is the clause, or the sentence it is part of, a condition or a possibility ("仮に…れば",
        "如果…")? A condition at the head of the sentence reaches its later clauses."""
        if not self.lex.hypothetical.phrases:
            return False
        if self.lex.hypothetical.find(clause):
            return True
        span = self.linked.sentences[clause.mentions[0].sentence] if clause.mentions else None
        if span is None or span.start == clause.start:
            return False
        head = Clause(self.linked.text, span.start, clause.start, [], self.language)
        return bool(self.lex.hypothetical.find(head))

    def _is_anaphoric(self, clause: Clause) -> bool:
        found = self.lex.anaphora.find(clause)
        if self.language == "ru":
            found = [at for at in found if not self._ru_name_head(at, clause)]
        return any(at - clause.start < 12 for at in found)

    def _ru_name_head(self, at: int, clause: Clause) -> bool:
        """Russian: is the anaphor word at `at` the head noun of a name right after it ("Город
        Суйфэньхэ …", "Провинция Ляонин …") or part of a name, not a word standing for one?"""
        word = _TOKEN.match(self.linked.text, at)
        end = word.end() if word else at
        return any(
            m.start <= at < m.end or (m.start >= end and not self.linked.text[end : m.start].strip())
            for m in clause.mentions
        )

    def _clause_topic(self, clause: Clause) -> Mention | None:
        """The clause's own subject: its first holder or actor when that opens the clause (or is
        marked as a topic, ハルビンは)."""
        text = self.linked.text
        for position, mention in enumerate(clause.mentions):
            if not self.fam(mention) & {"holder", "actor", "project", "program", "infrastructure"}:
                continue
            if "actor" in self.fam(mention) and self._marked_partner(mention, clause.mentions[position + 1 :]):
                continue  # 加强与滨海边疆区的合作: the partner is not the clause's subject
            if self._marked_not_subject(self._list_of(mention, clause.mentions)[-1], clause.end):
                return None
            if (
                self.language == "zh"
                and position == 0
                and fold(text[clause.start : mention.start]).strip() in self.lex.agent_before
            ):
                return None  # …，由龙垦公司负责实施: the doer of a passive is not what the clause is about
            if self._zh_names_a_firm(mention):
                return None  # 俄罗斯企业参与…: the clause is about the firms, which the catalog does not name
            if self.language == "ru" and _ru_after_preposition(text, mention):
                continue  # "Через порт Зарубино … отправлено": a name governed by a preposition is no subject
            after = fold(text[mention.end : mention.end + 4])
            if self.language == "ja":
                after = after.lstrip("」』")  # 「北大荒集団」は: the bracket closes the name before its は
            if self.lex.topic_markers and any(after.startswith(t) for t in self.lex.topic_markers):
                return mention
            if self.language == "ja" and self._ja_possessor_of_topic(mention, clause.mentions[position + 1 :]):
                continue  # 黒龍江省の農業企業「X」は: the province only says whose; X is the subject
            head = text[clause.start : mention.start]
            if self.lex.agent_cases and any(
                _word_kinds(word.lower()) & {"verb", "passive"} for word in _TOKEN.findall(head)
            ):
                return None  # "Через Амур строится канатная дорога …": a name after its verb is new, no topic
            if any(at < mention.start for at in self.lex.topic_not_after.find(clause)):
                return None  # "推动东宁界河桥前期工作": a name after its verb is the object, the topic goes on
            if len(head) <= max(6, (clause.end - clause.start) // 4):
                return mention
            return None
        return None

    def _ja_possessor_of_topic(self, mention: Mention, later: list[Mention]) -> bool:
        """Japanese: a name followed by の whose noun phrase goes on to a later name that the topic
        marker closes (黒龍江省の建設会社「龍江建設集団」は): the first name qualifies the second."""
        text = self.linked.text
        if fold(text[mention.end : mention.end + 1]) not in self.lex.possessive:
            return False
        for other in later:
            between = text[mention.end : other.start]
            if other.start - mention.end > 12 or any(c in between for c in "、，。,"):
                return False
            after = fold(text[other.end : other.end + 4]).lstrip("」』")
            if any(after.startswith(t) for t in self.lex.topic_markers):
                return bool(self.fam(other) & {"actor", "project", "site", "infrastructure"})
        return False

    # -- rules

    def _emit(self, subject: str, predicate: str, obj: str, start: int, end: int, rule: str, modality: str) -> None:
        if subject == obj:
            return
        text = self.linked.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        self.relations.append(
            Relation(
                subject,
                predicate,
                obj,
                self.linked.document,
                start,
                end,
                text[start:end],
                "pattern",
                f"clause:{rule}",
                modality,
            )
        )

    def _fits(self, predicate: str, subject: Mention, obj: Mention) -> bool:
        s, o = self.fam(subject), self.fam(obj)
        rows = [(a, b) for a, b in self.lex.allowed.get(predicate, ()) if a in s and b in o]
        extra = _extra_rows(self.language, predicate)
        if rows and extra and all(row in extra for row in rows):
            return self._named_facility(subject)  # «комбинат «X»»: a company only by the name's class
        return bool(rows)

    def _named_facility(self, mention: Mention) -> bool:
        """Is the name's head noun (before its quote, or the anaphor itself) a facility's (комбинат, завод)?"""
        word = _governing_word(self.linked.text, mention).lower()
        return bool(set(lemmas(word)) & (self.lex.facility_heads | head_nouns(self.language)))

    def _governed(self, clause: Clause, cues: dict[str, list[int]], topic: Topic | None, modality: str) -> None:
        """A relation word and two ends whose classes fit. The subject is the nearest fitting name
        before the object with the word between them (or, in verb-final Japanese and Chinese, after
        both), else after the object with the word between (the object first: "A is B's pillar
        industry", "held in B"), else the carried topic. Of several predicates for one pair, the one
        whose word is nearest wins."""
        mentions = clause.mentions
        chosen: dict[tuple[str, str], tuple[int, str, str, int, int, str]] = {}
        for position, obj in enumerate(mentions):
            if self._zh_names_a_firm(obj):
                continue  # …与俄罗斯铁路物流公司共同建设: Russia only says whose the firm is
            if self.language == "zh" and self._zh_settled_at(obj, clause.end):
                continue  # 由A投资建设的Y近日在Z投产: Z is where Y went into operation, not what A invested in
            for predicate, found in cues.items():
                rows = self.lex.allowed.get(predicate)
                if not rows or not any(b in self.fam(obj) for _, b in rows):
                    continue
                if self._en_agent_of_other_verb(obj, found):
                    continue  # "funded by A and operated by B": B is the doer of operating, not of funding
                subjects, rule = self._subjects(clause, position, predicate, found)
                if (
                    predicate == "targetsIndustry"
                    and "cooperatesWith" in cues
                    and (
                        (
                            len([m for m in self._list_of(subjects[0], mentions) if "actor" in self.fam(m)]) >= 2
                            if subjects
                            else False
                        )
                        or (topic is not None and not subjects and self._partnered(clause, topic))
                        or any(self._joined_party(clause, m) for m in subjects)
                    )
                ):
                    continue  # "A and B cooperate in energy": the field of a cooperation, not a target
                if predicate == "targetsIndustry" and (
                    self._qualifies_cooperation(obj, mentions, cues)
                    or self._ja_field_compound(obj, mentions)
                    or self._ja_industry_qualifies(obj)
                ):
                    continue  # "農業と林業の対ロ協力を強化": the industries name a cooperation's field
                if predicate in ("implements", "participatesIn") and self.language == "ja" and self._locative(obj):
                    continue  # 協力区での倉庫の建設に参加: the zone is where the work is, not what is done
                if predicate in ("adjoins", "counterpartOf") and self._en_route_before(clause, min(found)):
                    continue  # "the bridge … spanning the river, connecting A with B": the route's ends, not neighbours
                if predicate == "targetsIndustry" and self._describes_enterprise(obj):
                    continue  # 大连市的一家装备制造企业: the sector says what the firm does, not what the city develops
                if subjects:
                    for subject in subjects:
                        distance = self._cue_distance(found, subject, obj)
                        key = (subject.entity, obj.entity)
                        entry = (distance, predicate, rule, clause.start, clause.end, subject.entity)
                        if key not in chosen or entry < chosen[key]:
                            chosen[key] = entry
                elif (
                    topic is not None
                    and topic.mention.entity != obj.entity
                    and self._fits(predicate, topic.mention, obj)
                    and not self._ru_unknown_subject(clause)
                    and not any(self._en_head_of_unknown_name(m) for m in mentions[:position])
                    and not (self.language == "en" and topic.mention in mentions)  # its own name was tried already
                ):
                    if (
                        predicate in self.lex.needs_party_in_clause
                        and not self._partner_clause(clause, predicate)
                        and not self._en_pronoun_subject(clause)
                    ):
                        continue
                    if predicate in self.lex.not_at_place and self._locative(topic.mention):
                        continue  # "В Харбине открылась ярмарка. Участие в ярмарке приняли …": the place took no part
                    if (
                        predicate == "implements"
                        and topic.rule == "heading"
                        and self.cls(obj) == "Park"
                        and "territory" in self.fam(topic.mention)
                    ):
                        continue  # a headline's region sets up no zone the body's clauses name without a doer
                    if self._en_object_does_it(clause, obj, found):
                        continue  # "… after the Grain Terminal began operating": the terminal is the word's subject
                    key = (topic.mention.entity, obj.entity)
                    distance = 1000 + min(abs(at - obj.start) for at in found)
                    entry = (
                        distance,
                        predicate,
                        topic.rule,
                        min(topic.mention.start, clause.start),
                        clause.end,
                        topic.mention.entity,
                    )
                    if key not in chosen or entry < chosen[key]:
                        chosen[key] = entry
        by_subject: dict[tuple[str, str], list[str]] = {}
        for (subject, obj), entry in chosen.items():
            by_subject.setdefault((subject, entry[1]), []).append(obj)
        for (subject, obj), (_, predicate, rule, start, end, _) in sorted(chosen.items()):
            if predicate in PLACE_VALUED and any(
                other != obj and other in self.catalog and obj in self.catalog.ancestors(other)
                for other in by_subject[(subject, predicate)]
            ):
                continue  # "the Far East … within Russia": the nearer place is the party
            if (
                predicate == "adjoins"
                and "counterpartOf" in cues
                and self._cross_pair(subject, obj)
                and not self._zh_counterpart_word_apart(cues)
            ):
                predicate = "counterpartOf"  # "Suifenhe lies opposite Pogranichny": two border towns
            if predicate == "adjoins" and self._cjk_facing(clause, subject, obj):
                predicate = "counterpartOf"  # 嘉荫县与犹太自治州隔江相望: two places face each other across the river
            self._emit(subject, predicate, obj, start, end, rule, modality)

    def _ru_linked_by(self, clause: Clause, cues: dict[str, list[int]], modality: str) -> None:
        """Russian: "A связан с B паромной линией «X»": after a passive word of linking, a link named
        after both places connects each of them (the instrumental is the means, not a party)."""
        if self.language != "ru" or "connects" not in cues:
            return
        text = self.linked.text
        for at in cues["connects"]:
            word = _TOKEN.match(text, at)
            if word is None or "passive" not in _word_kinds(word.group().lower()):
                continue
            places = [m for m in clause.mentions if "place" in self.fam(m) and "infrastructure" not in self.fam(m)]
            links = [m for m in clause.mentions if "infrastructure" in self.fam(m) and m.start > at]
            before = [m for m in places if m.end <= at]
            after = [m for m in places if m.start > at and text[word.end() : m.start].strip().lower() in ("с", "со")]
            if not links or not before or not after:
                continue
            link = links[0]
            if not all(link.start > m.end for m in after):
                continue
            for place in (before[-1], after[0]):
                self._emit(link.entity, "connects", place.entity, clause.start, clause.end, "linked-by", modality)
            return

    def _ru_unknown_subject(self, clause: Clause) -> bool:
        """Russian: "…, тогда как Хайлар ориентирован на …": a clause after a break that opens with a
        capitalised word the catalog does not know has a subject of its own, not the carried topic."""
        if self.language != "ru":
            return False
        text = self.linked.text
        span = next((s for s in self.linked.sentences if s.start <= clause.start < s.end), None)
        if span is None or span.start >= clause.start - 1:
            return False
        for match in _TOKEN.finditer(text, clause.start, clause.end):
            word = match.group()
            if word.islower():
                continue  # the break's own words: а, но, тогда как
            inside = any(m.start <= match.start() < m.end for m in clause.mentions)
            return not inside and word[:1].isupper() and "nomn" in _cases(word)
        return False

    def _qualifies_cooperation(self, obj: Mention, mentions: list[Mention], cues: dict[str, list[int]]) -> bool:
        """Does the name's list qualify a cooperation word right after it by a possessive (農業と林業の
        対ロ協力, 农业的对俄合作)?"""
        last = max(self._list_of(obj, mentions), key=lambda m: m.end, default=obj)
        after = fold(self.linked.text[last.end : last.end + 10])
        if self.language not in CJK or not any(after.startswith(w) for w in self.lex.possessive):
            return False
        words = self.lex.relation_words["cooperatesWith"].phrases  # also inside a name (対ロ協力)
        return any(last.end < at <= last.end + 8 for at in cues.get("cooperatesWith", [])) or any(
            phrase in after for (phrase, *_) in words
        )

    def _ja_industry_qualifies(self, obj: Mention) -> bool:
        """Japanese: the industry word is the first part of a longer noun whose head is no sector but a hub, an
        amount or an office (`industry_qualified`: 口岸物流ハブ, 輸送量, 林業局): the word only qualifies that noun,
        no target (紡織服装, 観光レジャー養生, 物流産業 stay industries)."""
        if self.language != "ja" or not self.lex.industry_qualified:
            return False
        return fold(self.linked.text[obj.end : obj.end + 6]).startswith(self.lex.industry_qualified)

    def _ja_field_compound(self, obj: Mention, mentions: list[Mention]) -> bool:
        """Japanese: the name's list is the first part of a compound with a cooperation word
        (…との港湾・物流協力を推進する): the industries name the cooperation's field."""
        if self.language != "ja":
            return False
        last = max(self._list_of(obj, mentions), key=lambda m: m.end, default=obj)
        after = fold(self.linked.text[last.end : last.end + 16])
        for phrase, *_ in self.lex.relation_words["cooperatesWith"].phrases:
            at = after.find(phrase)
            if at == 0 or (at > 0 and re.fullmatch(r"(?:[・·][\u4e00-\u9fff\u30a0-\u30ff]{1,6})+", after[:at])):
                return True  # 物流協力, 観光・水産協力
        return False

    def _zh_counterpart_word_apart(self, cues: dict[str, list[int]]) -> bool:
        """Chinese: is every word of counterparts far from the word of bordering (与我市接壤的X已完成公路口岸
        改造: 口岸 is a port the clause goes on about, the two places border each other)?"""
        if self.language != "zh":
            return False
        return all(abs(a - b) > 6 for a in cues["counterpartOf"] for b in cues.get("adjoins", []))

    def _cross_pair(self, a: str, b: str) -> bool:
        """Two pairable places (cities, ports, zones) of different countries."""
        if a not in self.catalog or b not in self.catalog:
            return False
        pairable = all("pairable" in self.lex.family(self.catalog[x].cls) for x in (a, b))
        ca, cb = self.catalog.country_of(a), self.catalog.country_of(b)
        return pairable and ca is not None and cb is not None and ca != cb

    def _cjk_facing(self, clause: Clause, a: str, b: str) -> bool:
        """Chinese and Japanese: a word of facing across a river (隔江相望, 一江之隔, 対岸, 向かい合う) in the
        clause makes two places of different (or unknown) countries counterparts, whatever their rank;
        countries and rivers only adjoin."""
        if self.language not in CJK or not self.lex.facing.find(clause):
            return False
        ends = [self.catalog[x] if x in self.catalog else None for x in (a, b)]
        if any(e is not None and e.cls in ("Country", "GeoFeature") for e in ends):
            return False
        ca, cb = (self.catalog.country_of(x) if x in self.catalog else None for x in (a, b))
        if ca is None or cb is None:
            return all(self.fam(m) & {"place", "territory"} for m in clause.mentions if m.entity in (a, b))
        return ca != cb

    def _joined_party(self, clause: Clause, subject: Mention) -> bool:
        """Is the subject one of two actors joined as parties ("cooperation between A and B")?"""
        if "actor" not in self.fam(subject):
            return False
        for other in clause.mentions:
            if other.entity == subject.entity or "actor" not in self.fam(other) or self._nested(subject, other):
                continue
            first, second = (subject, other) if subject.start < other.start else (other, subject)
            if self._joined(clause, first, second) is not None:
                return True
        return False

    def _partnered(self, clause: Clause, topic: Topic) -> bool:
        return any("actor" in self.fam(m) and m.entity != topic.mention.entity for m in clause.mentions)

    def _cue_distance(self, found: list[int], subject: Mention, obj: Mention) -> int:
        low, high = min(subject.start, obj.start), max(subject.end, obj.end)
        return min(0 if low <= at <= high else min(abs(at - low), abs(at - high)) for at in found)

    def _subjects(self, clause: Clause, position: int, predicate: str, found: list[int]) -> tuple[list[Mention], str]:
        mentions = clause.mentions
        self.clause_mentions = mentions
        obj = mentions[position]
        verb_final = self.language in CJK
        listed_with_object = set(m.entity for m in self._list_of(obj, mentions))
        if self.language == "ja" and predicate in ("fundedBy", "investsIn") and self._owner_only(obj):
            return [], ""  # 同工業区は中国側企業が全額出資して: the country's firms fund it, not the country

        def fits(m: Mention) -> bool:
            if "actor" in self.fam(m) and predicate not in self.lex.joint and self._marked_partner(m, []):
                return False  # "cooperation with B in tourism": B is the partner, not the one who develops
            if self._zh_names_a_firm(m):
                return False  # 鼓励俄罗斯企业参与…, 俄罗斯管道运输公司: the firm does it, the country only says whose it is
            if predicate in self.lex.not_at_place and self._locative(m):
                return False  # "A在哈尔滨与B签署", "строительство в ТОР финансируется": the place does nothing
            if self.language == "ru" and _ru_origin(self.linked.text, self._list_of(m, mentions)[0]):
                return False  # "Инвесторы из провинции B вложили …": B only says where the doers come from
            return (
                m.entity != obj.entity
                and m.entity not in listed_with_object
                and self._fits(predicate, m, obj)
                and (
                    predicate == "hinterlandOf"
                    or not self._nested_places(m, obj)
                    or (predicate == "implements" and self._pair_doer(m, mentions))
                )  # a city backs its county's port; 中俄将建立…合作区: both countries set the zone up
                and not self._en_agent_of_other_verb(m, found)
                and not self._en_head_of_unknown_name(m)
                and not self._en_owner_of_name(m)
                and not (m.end <= obj.start and self._interposed(m, obj.start, mentions))
            )

        if predicate in self.lex.locative_predicates:
            for subject in mentions:  # "X在哈尔滨开幕", "ハルビンで…が開催", "took place in B": the place it is held in
                if (
                    fits(subject)
                    and self.fam(subject) & self.lex.locative_families
                    and self._locative(subject)
                    and not any(
                        m is not obj
                        and min(obj.end, subject.end) <= m.start < max(obj.start, subject.start)
                        and self.fam(m) & self.fam(obj)
                        for m in mentions
                    )  # another event nearer the place is the one held there
                ):
                    return [m for m in self._list_of(subject, mentions) if fits(m)], "locative"
        brackets = [(m.start(), m.end()) for m in _BRACKETS.finditer(self.linked.text, clause.start, clause.end)]
        for subject in reversed(mentions[:position]):
            if not fits(subject) or any(a < subject.start and subject.end < b < obj.start for a, b in brackets):
                continue  # names inside a bracket before the object only explain the name before it
            if self._in_modifier(subject, obj, found):
                continue  # 急需俄罗斯先进技术的产业包括…: Russia qualifies the noun, the clause is not about it
            if self._means_marked(self._list_of(subject, mentions)[0]):
                continue  # 抚远市依托抚远口岸发展…: the port is what the city relies on, not who develops
            if self.language == "ru" and _ru_in_participle_phrase(self.linked.text, subject, obj):
                continue  # "Парк «X», созданный в Уссурийске, специализируется на …": the phrase only qualifies X
            members = [m for m in self._list_of(subject, mentions) if fits(m)]
            if self._marked_not_subject(members[-1], obj.start):
                return [], ""
            between = any(subject.end <= at < obj.start for at in found) or self._governed_genitive(
                predicate, subject, found
            )
            after = verb_final and any(at >= obj.end for at in found)
            if between or after or predicate in self.lex.free_order:
                return self._joint_doer(members, obj, fits, predicate) + members, "clause"
            if verb_final:
                break
            # in "A borders B, … and C", C's subject is A: look further back, past names after the word
            if not any(at < subject.start for at in found):
                break
        links = self.lex.object_first_links.find(clause)
        for subject in mentions[position + 1 :]:
            if (
                not fits(subject)
                or self._owner_only(subject)
                or self._means_marked(self._list_of(subject, mentions)[0])
            ):
                continue  # "…, set up with funds from B, specialises in …": B is a means, not the doer
            if verb_final and self._relative_head(obj, subject, found, mentions):
                return [m for m in self._list_of(subject, mentions) if fits(m)], "relative"
            if self._en_relative_object(obj, subject, found):
                return [m for m in self._list_of(subject, mentions) if fits(m)], "relative"
            if (
                predicate not in self.lex.free_order
                and not any(obj.end <= at < subject.start for at in links)
                and not self._agent_after(obj, subject, found)
                and not self._case_marked_order(obj, subject)
                and not (
                    predicate in self.lex.active_object and any(obj.end <= at < subject.start for at in found)
                )  # "The Bank will finance the park": the object does what the word says
            ):
                if self.lex.agent_cases:
                    continue  # case marks the doer: a later name may still be it (… компания «A» при участии «B»)
                break
            if any(
                m is not obj
                and m.start > obj.start
                and m.end <= subject.start
                and self.fam(m) & self.fam(obj)
                and m not in self._list_of(obj, mentions)
                for m in mentions
            ):
                break  # another name of the object's kind stands nearer the subject
            if (
                verb_final
                and predicate not in self.lex.inclusive
                and not self._possessive_after(subject)
                and not self._agent_marked(self._list_of(subject, mentions)[0])
                and not self._ja_ga_doer_after_topic(obj, subject, mentions)
            ):
                break  # 东宁的…产业, 綏芬河市の主力産業: the subject that comes last qualifies the word
            members = [m for m in self._list_of(subject, mentions) if fits(m)]
            if any(obj.end <= at < subject.start for at in found) or (
                verb_final and any(at >= subject.end for at in found)
            ):
                if self._cjk_jointly_built(predicate, members, obj):  # X由A与B共同建设: B builds it too
                    members += [
                        m
                        for m in mentions
                        if m.start >= members[-1].end
                        and m not in members
                        and self._fits(predicate, m, obj)
                        and self._marked_partner(m, [])
                        and not self._zh_names_a_firm(m)
                    ]
                return members, "object-first"
            if any(0 <= at - members[-1].end <= 20 for at in found):
                return members, "object-first"  # "…, representatives from A and B were invited"
            if (
                self.language == "ru"
                and any(obj.end <= at < subject.start for at in links)
                and any(0 <= obj.start - at <= 30 for at in found)
            ):
                return members, "object-first"  # "Главным инвестором ТОР «X» является корпорация «Y»"
            if verb_final:
                break
        return [], ""

    def _interposed(self, mention: Mention, before: int, mentions: list[Mention]) -> bool:
        return self.language in ("en", "ru") and interposed(
            self.linked.text, mention, before, mentions, self.lex.connectors
        )

    def _en_head_of_unknown_name(self, mention: Mention) -> bool:
        """English: a place right before capitalised words that no place or actor name begins
        ("the Dongning Green Food Export Base") is the first word of a name the build did not find:
        it qualifies that name and is no party of the clause."""
        if self.language != "en" or "place" not in self.fam(mention):
            return False
        after = _EN_CAPITALISED_AFTER.match(self.linked.text, mention.end)
        if after is None:
            return False
        start = mention.end + len(after.group()) - len(after.group().lstrip())
        return not any(m.start == start and self.fam(m) & {"place", "actor"} for m in self.clause_mentions)

    def _en_owner_of_name(self, mention: Mention) -> bool:
        """English: a name whose possessive opens another name that is no place ("China's Belt and Road
        Initiative", "Harbin's Trade Fair") only says whose that one is: no party of the clause."""
        if self.language != "en":
            return False
        owner = _EN_OWNER.match(self.linked.text, mention.end)
        return owner is not None and any(
            m.start == owner.end() and not self.fam(m) & {"place"} for m in self.clause_mentions
        )

    def _en_relative_object(self, obj: Mention, subject: Mention, found: list[int]) -> bool:
        """English: "the Fair, which the city has held every August": a name right after the relative
        pronoun, with the word after it, is the doer, and the name the pronoun takes up its object."""
        if self.language != "en" or not _EN_RELATIVE_OBJECT.match(self.linked.text[obj.end : subject.start]):
            return False
        return any(subject.end <= at <= subject.end + 30 for at in found)

    def _joint_doer(
        self, members: list[Mention], obj: Mention, fits: Callable[[Mention], bool], predicate: str
    ) -> list[Mention]:
        """For a joint predicate the partner does it too: in "AはBと協定に署名した" the name the marked
        partner B belongs to (the nearest fitting name before, not a place where it happens), in
        "A signed X with B" the partner after the object."""
        mentions = self.clause_mentions
        if predicate not in self.lex.joint and not self._cjk_jointly_built(predicate, members, obj):
            return []
        doers: list[Mention] = []
        if predicate not in self.lex.joint:  # AとBは…を共同で整備する: the partner before the subject builds it too
            doers += [
                m
                for m in mentions
                if m.end <= max(obj.start, members[0].start)
                and m not in members
                and self._fits(predicate, m, obj)
                and self._marked_partner(m, [])
                and not self._nested(m, members[0])
                and not self._zh_names_a_firm(m)
            ]
        opening = self._zh_compound_opening(
            members[0]
        )  # 与俄罗斯滨海边疆区波格拉尼奇内区共同建设: the compound is marked
        if self._marked_partner(opening, []):
            before = [m for m in mentions if m.end <= opening.start and fits(m) and m not in members]
            if before and not self._nested(before[-1], members[0]):
                doers += [m for m in self._list_of(before[-1], mentions) if fits(m) and m not in members]
        for m in mentions:
            before_doer = self.language == "ru" and m.end <= members[0].start  # "С компанией «B» A подписала X"
            before_object = self.language == "ru" and members[-1].end <= m.start < obj.start  # "A подписала с B X"
            if (
                (m.start > obj.end or before_doer or before_object)
                and m not in members
                and fits(m)
                and self._marked_partner(m, [])
                and not self._nested(m, members[0])
            ):
                doers += [x for x in self._list_of(m, mentions) if fits(x) and x not in doers]
        return doers

    def _cjk_jointly_built(self, predicate: str, members: list[Mention], obj: Mention) -> bool:
        """Chinese and Japanese: is the work done jointly (a word of cooperation, 共同, after the doer and
        up to just past the object: 「X」を共同で整備する, 共同建设X)? Then its partners do it too."""
        if self.language not in CJK or predicate not in ("implements", "investsIn"):
            return False
        start, end = min(members[0].end, obj.end), max(obj.end, members[-1].end) + 12
        span = fold(self.linked.text[start:end])
        return any(phrase in span for (phrase, *_) in self.lex.relation_words["cooperatesWith"].phrases)

    def _locative(self, mention: Mention) -> bool:
        """Is the name marked as the place something happens in (在B, Bで, "in B", "во B")?"""
        text = self.linked.text
        mention = self._zh_compound_opening(mention)
        before = fold(text[max(0, mention.start - 30) : mention.start]).rstrip()
        if before.endswith(("«", '"', "“")) and self.language not in CJK:  # "в ТОР «Белогорск»": past the head noun
            before = re.sub(r"\S+\s*$", "", before[:-1].rstrip()).rstrip()
        after = fold(text[mention.end : mention.end + 6])
        for word in self.lex.locative_before:
            if before.endswith(word):
                head = before[: len(before) - len(word)]
                if self.language in CJK or not head or not head[-1].isalnum():
                    return True
        return any(after.startswith(word) for word in self.lex.locative_after)

    def _zh_compound_opening(self, mention: Mention) -> Mention:
        """Chinese: the first place of the compound a place name closes (在逊克县奇克镇: the mark stands
        before 逊克县, yet 奇克镇 is the place too), so a mark before the compound marks all of it."""
        if self.language != "zh":
            return mention
        gaps = sorted(self.lex.compound_gaps, key=len, reverse=True)
        current = mention
        while True:
            before = next(
                (
                    m
                    for m in self.linked.mentions
                    if m.end <= current.start
                    and self.linked.text[m.end : current.start] in gaps
                    and "place" in self.fam(m)
                ),
                None,
            )
            if before is None or before.start >= current.start:
                return current
            current = before

    def _agent_after(self, obj: Mention, subject: Mention, found: list[int]) -> bool:
        """Does the case of a name after the object make it the doer (Russian free word order):
        nominative after a verb ("Проект «X» реализует компания «Y»"), instrumental after a passive
        ("построен компанией «Y»"), genitive right after a relation noun ("при участии корпорации
        «Y»")? The cases per kind of relation word are `agent_cases` of clauses.yaml."""
        rules = self.lex.agent_cases
        if not rules:
            return False
        text = self.linked.text
        # the word between the two, or right after the doer ("Программу «X» компания «Y» реализует")
        cues = [at for at in found if obj.end <= at < subject.start or 0 <= at - subject.end <= 20]
        if not cues:
            return False
        cases = _cases(_governing_word(text, subject))
        head = _TOKEN.findall(text[max(0, subject.start - 30) : subject.start])[-2:]
        head = head[:1] if len(head) == 2 and head[1].lower() in ("из", "от") else head[-1:]  # "компании из Приморья"
        lemma = set(lemmas(head[0].lower())) if head and not text[: subject.start].rstrip().endswith("«") else set()
        if lemma & self.lex.not_agent_heads:
            return False  # "участие приняли предприятия Хэйхэ": the enterprises of the city took part
        if lemma & self.lex.agent_heads:
            cases = _cases(head[0])  # "а также делегация области": the delegation stands for the region
        for at in cues:
            word = _TOKEN.match(text, at)
            if word is None:
                continue
            kinds = _word_kinds(word.group().lower())
            gap = len(_TOKEN.findall(text[word.end() : subject.start]))
            if any(cases & rules.get(kind, frozenset()) for kind in kinds if kind != "noun" or gap <= 2):
                return True
        return False

    def _governed_genitive(self, predicate: str, subject: Mention, found: list[int]) -> bool:
        """A relation noun right before a genitive whose predicate takes its genitive as the
        subject ("Финансирование проекта обеспечит фонд", "участие края в форуме"):
        `genitive_subject` of clauses.yaml, in languages with `agent_cases`."""
        if predicate not in self.lex.genitive_subject or not self.lex.agent_cases:
            return False
        text = self.linked.text
        if "gent" not in _cases(_governing_word(text, subject)):
            return False
        for at in found:
            word = _TOKEN.match(text, at)
            if word is not None and at < subject.start and "noun" in _word_kinds(word.group().lower()):
                gap = _TOKEN.findall(text[word.end() : subject.start])
                if len(gap) <= 1 or _action_chain(self.language, gap) or _action_chain(self.language, gap[:-1]):
                    return True  # "Кредит на строительство комбината …": nouns of the work lead to the owner
        return False

    def _relative_head(self, obj: Mention, subject: Mention, found: list[int], mentions: list[Mention]) -> bool:
        """Is the subject the noun a relative clause with the relation word qualifies, right after
        it: "黒河市とブラゴベシチェンスクを結ぶ黒河大橋", "连接同江和下列宁斯科耶的大桥"?"""
        end = self._list_of(obj, mentions)[-1].end
        gap = fold(self.linked.text[end : subject.start])
        if any(end <= at < subject.start and subject.start - at <= 3 and "、" not in gap for at in found):
            return True  # Japanese: the verb stands right before the noun
        return gap in self.lex.possessive and any(at < obj.start and obj.start - at <= 3 for at in found)

    def _in_modifier(self, subject: Mention, obj: Mention, found: list[int]) -> bool:
        """Does a name stand in a modifier of the noun before the relation word that governs the
        object ("急需俄罗斯先进技术的产业包括现代农业": a possessive between the name and the word)?"""
        if not self.lex.modifier_marks:
            return False
        after = [at for at in found if subject.end <= at < obj.start]
        if not after:
            return False
        gap = fold(self.linked.text[subject.end : min(after)])
        return any(0 < gap.find(mark) < len(gap) - 1 for mark in self.lex.modifier_marks)

    def _describes_enterprise(self, industry: Mention) -> bool:
        """Does a noun of enterprise follow the sector at once ("装备制造企业", "木材加工公司")?"""
        if self.language == "en":  # "a timber trader", "grain exporters": the trade says what the firm does
            words = _TOKEN.findall(self.linked.text[industry.end : industry.end + 20])
            return bool(words) and words[0].lower() in self.lex.enterprise_nouns
        after = fold(self.linked.text[industry.end : industry.end + 4])
        return any(after.startswith(word) for word in self.lex.enterprise_nouns)

    def _means_marked(self, mention: Mention) -> bool:
        """Does a word of means stand right before the name ("依托抚远口岸", "借助…")?"""
        if not self.lex.means_before:
            return False
        before = fold(self.linked.text[max(0, mention.start - 16) : mention.start]).rstrip()
        return any(before.endswith(word) for word in self.lex.means_before)

    def _agent_marked(self, mention: Mention) -> bool:
        """Does a passive's agent marker stand right before the name ("由A和B共同主办")?"""
        before = fold(self.linked.text[max(0, mention.start - 4) : mention.start]).rstrip()
        return any(before.endswith(word) for word in self.lex.agent_before)

    def _ja_ga_doer_after_topic(self, obj: Mention, subject: Mention, mentions: list[Mention]) -> bool:
        """Japanese: "XはYが…開発に着手した", "XにはYが融資を行った": the topic is the object, the name
        marked by が after it is the doer."""
        if self.language != "ja":
            return False
        after_obj = fold(self.linked.text[obj.end : obj.end + 3])
        last = self._list_of(subject, mentions)[-1]
        after_subject = fold(self.linked.text[last.end : last.end + 2])
        return after_obj.startswith(("は", "には", "では")) and after_subject.startswith("が")

    def _possessive_after(self, mention: Mention) -> bool:
        after = fold(self.linked.text[mention.end : mention.end + 2])
        return any(after.startswith(w) for w in self.lex.possessive)

    def _marked_not_subject(self, last: Mention, limit: int) -> bool:
        """Is the name (the end of its list) followed by a case marker that makes it an object or a
        place (Japanese を, に): then it is not the subject of the clause."""
        if not self.lex.not_subject_after:
            return False
        if self.lex.phrase_inner:
            case = self._case_after(last, limit)
            if any(case.startswith(w) for w in self.lex.topic_markers):
                return False  # では, には… : a topic
            return any(case.startswith(w) for w in self.lex.not_subject_after)
        text = self.linked.text
        tail = fold(text[last.end : min(limit, last.end + 40)])
        tail = re.sub(r"^(?:[等などの]*[^、，,をにへ]{0,8}?)?[（(][^)）]*[)）]", "", tail)
        tail = re.sub(r"^[等など]+", "", tail)
        return any(tail.startswith(w) for w in self.lex.not_subject_after)

    def _owner_only(self, subject: Mention) -> bool:
        """Does a name only say whose the doers are ("黒竜江省の企業が参加": the province's firms)?
        (Russian reads this off the noun before the name, in `_agent_after`.)"""
        if self.language not in CJK:
            return False
        head = fold(self.linked.text[subject.end : subject.end + 8])
        head = next((head[len(w) :] for w in self.lex.possessive if head.startswith(w)), head)
        return any(head.startswith(fold(w)) for w in self.lex.not_agent_heads)

    def _case_marked_order(self, obj: Mention, subject: Mention) -> bool:
        """Japanese particles say the roles whatever the order: "見本市に、黒龍江省の代表団が参加した"
        (the object closed by に/を, the later name by が/は)."""
        if not self.lex.topic_markers or not self.lex.not_subject_after:
            return False
        first = self._case_after(obj, subject.start)
        return (
            bool(first)
            and first != "と"
            and any(first.startswith(w) for w in self.lex.not_subject_after if w != "と")
            and self._case_after(subject, subject.end + 60) in self.lex.topic_markers
        )

    def _case_after(self, last: Mention, limit: int) -> str:
        """The particle that closes the noun phrase a name opens (Japanese): the first run of kana
        after it that is not inside the phrase (の, 及び, など), brackets set aside —
        "牡丹江市の各種産業園區及び…口岸（…）を活かして" gives を, "黒龍江省企業が" gives が. A bare と right
        after the name joins a pair (AとB) and gives nothing."""
        text = self.linked.text
        tail = fold(text[last.end : min(limit, last.end + 60)])
        tail = _BRACKETS.sub("", tail).split("。")[0]
        for word in self.lex.phrase_inner:
            if len(word) > 1:
                tail = tail.replace(word, "、")
        for run in re.finditer(r"[\u3041-\u309f]+", tail):
            if run.group() in self.lex.phrase_inner:
                continue
            if run.group().startswith("と") and run.start() == 0:
                return ""
            return run.group()
        return ""

    def _pair_doer(self, mention: Mention, mentions: list[Mention]) -> bool:
        """Is the mention one country of a pair written as one span (中俄将…: `_country_pair_doers`)?"""
        return any(
            m is not mention and m.start == mention.start and m.end == mention.end and m.entity != mention.entity
            for m in mentions
        )

    def _list_of(self, mention: Mention, mentions: list[Mention]) -> list[Mention]:
        """The names listed together with a mention ("Harbin, Daqing and Qiqihar")."""
        index = mentions.index(mention)
        family = self.fam(mention)
        first = last = index
        while first > 0 and self._listed(mentions[first - 1], mentions[first], family):
            first -= 1
        while last + 1 < len(mentions) and self._listed(mentions[last], mentions[last + 1], family):
            last += 1
        return mentions[first : last + 1]

    def _listed(self, a: Mention, b: Mention, family: frozenset[str]) -> bool:
        gap = fold(self.linked.text[a.end : self._cjk_qualified_start(a, b)]).strip(" ,")
        gap = " ".join(w for w in gap.split() if w not in self.lex.list_fillers)  # ", and the ROK"
        if self.language == "ru" and gap not in LIST_SEPARATORS:
            gap = _ru_without_adjectives(gap, self.lex.anaphora)  # "Компания «A» и харбинская корпорация «B»"
        kinds = {"holder", "actor", "industry"}
        listed = gap in LIST_SEPARATORS or gap == "" or self._en_unknown_listed(a, b)
        return listed and bool(self.fam(a) & self.fam(b) & family & kinds)

    def _en_unknown_listed(self, a: Mention, b: Mention) -> bool:
        """English: names the catalog does not know between two listed ones ("Russia, Belarus, and
        the Republic of Korea") keep the list."""
        return self.language == "en" and bool(_EN_UNKNOWN_IN_LIST.match(self.linked.text[a.end : b.start]))

    def _pairs(self, clause: Clause, cues: dict[str, list[int]], modality: str) -> None:
        """Two parties joined by a connector or a frame, with brackets and appositions between them
        set aside: counterpartOf (cross-border cities, ports, zones), cooperatesWith (actors)."""
        mentions = clause.mentions
        said = "cooperatesWith" in cues or bool(self.lex.trade.find(clause))  # "trade between A and B" too
        said = said or self._named_cooperation(clause)  # "A与B签署了《农业合作协议》"
        for i, first in enumerate(mentions):
            for second in mentions[i + 1 : i + 4]:
                if first.entity == second.entity or self._nested(first, second):
                    continue
                if self._zh_names_a_firm(first) or self._zh_names_a_firm(second):
                    continue  # A与俄罗斯管道运输公司共同建设: the firm the catalog lacks is the party, not Russia
                rule = self._joined(clause, first, second)
                if rule is None:
                    continue
                fa, fb = self.fam(first), self.fam(second)
                ca, cb = self.catalog_country(first), self.catalog_country(second)
                cross = ca is not None and cb is not None and ca != cb
                if (
                    "pairable" in fa
                    and "pairable" in fb
                    and cross
                    and not self._ja_ends_of_link(second)
                    and not self._zh_ends_of_link(first, second, clause)
                    and not self._ru_ends_of_link(first, clause, cues)
                    and not (
                        (self._partners_said(said, cues) or self._ru_linked(cues))
                        and self._partner_joined(first, second)
                    )
                    and not self._en_without_facing(second)
                    and not self._en_route_before(clause, first.start)
                ):
                    self._emit(first.entity, "counterpartOf", second.entity, clause.start, clause.end, rule, modality)
                elif self._cjk_facing(clause, first.entity, second.entity):
                    self._emit(first.entity, "counterpartOf", second.entity, clause.start, clause.end, rule, modality)
                if (
                    self._party_of_cooperation(fa)
                    and self._party_of_cooperation(fb)
                    and said
                    and (cross or ca is None or cb is None)
                    and self._said_near(clause, cues, first, second)
                    and not self._ja_ends_of_link(second)
                    and not self._zh_joint_agents(first, second)
                ):
                    for other in self._second_parties(second, mentions):  # "A and B and C regions"
                        if other.entity != first.entity and not self._nested(first, other):
                            self._emit(
                                first.entity, "cooperatesWith", other.entity, clause.start, clause.end, rule, modality
                            )
                break

    def _zh_joint_agents(self, first: Mention, second: Mention) -> bool:
        """Chinese: are the two the agents of a passive done jointly (由A与B共同建设/运营, 由A和B合资建设的X)?
        The clause says who builds or runs the thing, each of them does it; it says no cooperation of its own."""
        if self.language != "zh" or not self._agent_marked(self._zh_list_head(first)):
            return False
        end = second.end
        while True:  # 由我市与俄罗斯滨海边疆区波格拉尼奇内区共同运营: past the places the compound goes on with
            more = [
                m
                for m in self.linked.mentions
                if m.start >= end and self.linked.text[end : m.start] in self.lex.compound_gaps and m.end > end
            ]
            if not more:
                break
            end = max(m.end for m in more)
        after = fold(self.linked.text[end : end + 5])
        return after.startswith(_ZH_JOINTLY) or after[1:].startswith(_ZH_JOINTLY)  # …内区共同: a name's last character

    def _zh_list_head(self, mention: Mention) -> Mention:
        """Chinese: the first name of the list a name ends (由A、B和C: C's list opens with A)."""
        head = mention
        while True:
            before = [m for m in self.linked.mentions if m.end <= head.start and m.start < head.start]
            if not before:
                return head
            last = max(before, key=lambda m: (m.end, -m.start))
            if self.linked.text[last.end : head.start] not in ("、", "和", "与", "及", "以及"):
                return head
            head = last

    def _zh_names_a_firm(self, mention: Mention) -> bool:
        """Chinese: does a place's name open the name of a firm the catalog lacks (俄罗斯管道运输公司,
        俄罗斯企业): the words after it up to an enterprise noun, with no connector or verb between?"""
        if self.language != "zh" or "place" not in self.fam(mention) and "territory" not in self.fam(mention):
            return False
        after = fold(self.linked.text[mention.end : mention.end + 12])
        nouns = "|".join(re.escape(n) for n in self.lex.enterprise_nouns)
        return (
            bool(nouns)
            and re.match(rf"[^\s与和及同跟、，,。；;在由对向将为是的]{{0,8}}?(?:{nouns})", after) is not None
        )

    def _party_of_cooperation(self, family: frozenset[str]) -> bool:
        """An actor; in Chinese and Japanese also a zone or port that runs its own cooperation
        (哈尔滨新区与符拉迪沃斯托克自由港建立了合作机制)."""
        return "actor" in family or (self.language in CJK and bool(family & {"site", "Port"}))

    def _ru_linked(self, cues: dict[str, list[int]]) -> bool:
        """Russian: "свяжет A с B", "соединяет A с B": «с» after a word of linking joins the two
        ends of a link, which says nothing of them as counterparts."""
        return self.language == "ru" and "connects" in cues

    def _en_route_before(self, clause: Clause, at: int) -> bool:
        """English: a head of a link (bridge, railway, pipeline) before a word of facing or a pair in
        its clause ("The bridge crossing the river A – B", "the first road bridge … across the river,
        connecting A with B"): the places are the link's ends, not neighbours or counterparts."""
        if self.language != "en" or at <= clause.start:
            return False
        before = self.linked.text[clause.start : at].lower()
        return any(re.search(rf"\b{re.escape(form)}\b", before) for form in route_heads("en"))

    def _en_without_facing(self, second: Mention) -> bool:
        """English: a sentence with no word of facing (`counterpart` of patterns.yaml: opposite,
        twin, across the …) makes no counterparts of a pair ("Suifenhe and Pogranichny worked
        together …" says they cooperate, not that they face each other)."""
        if self.language != "en":
            return False
        span = self.linked.sentences[second.sentence]
        return find_cue("counterpart", "en", fold(self.linked.text[span.start : span.end])) < 0

    def _ja_ends_of_link(self, second: Mention) -> bool:
        """Japanese: a pair that is the object of a word of connecting (AとBを結ぶ橋) names the ends
        of the link, which says nothing of the two as counterparts or partners."""
        if self.language != "ja":
            return False
        after = fold(self.linked.text[second.end : second.end + 8])
        after = after[1:] if after.startswith("市") else after  # ウスリースク市を結ぶ: a name without its 市
        if not after.startswith("を"):
            return False
        return any(after[1:].startswith(phrase) for (phrase, *_) in self.lex.relation_words["connects"].phrases)

    def _outside_theme(self, clause: Clause) -> list[Mention]:
        """The clause's names outside a theme (洽谈会以A和B开通30周年为主题: `theme_frames`): what an event or a
        plan is themed on is neither a party nor a topic of the clause."""
        if not self.lex.theme_frames or not clause.mentions:
            return clause.mentions
        text = fold(self.linked.text[clause.start : clause.end])
        spans = []
        for before, after in self.lex.theme_frames:
            for match in re.finditer(rf"{re.escape(before)}[^，,。；;]{{1,80}}?{re.escape(after)}", text):
                spans.append((clause.start + match.start(), clause.start + match.end()))
        return [m for m in clause.mentions if not any(a <= m.start and m.end <= b for a, b in spans)]

    def _zh_nominal_building(self, at: int, clause: Clause) -> bool:
        """Chinese: 建设 before a stop or a conjunction (振兴东北老工业基地建设。, 通道建设和运营) is the
        noun "construction of it", which says nothing of who builds; nor does a verb of building after a
        word of approval (`approving`: 批准建设, 同意设立)."""
        text = self.linked.text
        if any(text.endswith(w, 0, at) for w in self.lex.approving):
            return True  # 国务院批准建设X: who approves the building does not build
        if not text.startswith(_ZH_BUILD, at):
            return False
        end = at + len(_ZH_BUILD)
        return end >= clause.end or text[end] in "，。；、的和与及"

    def _zh_funded_antecedent(self, clause: Clause, cues: dict[str, list[int]], modality: str) -> None:
        """Chinese: a clause of a funder alone, marked as the doer ("…，由A银行提供贷款", "B集团为其出资"),
        funds the latest project or site named before it in the paragraph."""
        if self.language != "zh" or "fundedBy" not in cues or len(clause.mentions) != 1:
            return
        funder = clause.mentions[0]
        if "organization" not in self.fam(funder):
            return
        before = fold(self.linked.text[clause.start : funder.start]).strip(" ，,")
        after = fold(self.linked.text[funder.end : funder.end + 2])
        if before not in self.lex.agent_before and after not in ("为其", "向其") and not self._zh_for_anaphor(funder):
            return
        funded = next(
            (m for m in reversed(self.seen) if m.end <= clause.start and self.fam(m) & {"project", "site"}), None
        )
        if funded is None or clause.start - funded.end > 200 or not self._fits("fundedBy", funded, funder):
            return
        self._emit(funded.entity, "fundedBy", funder.entity, clause.start, clause.end, "antecedent", modality)

    def _zh_for_anaphor(self, funder: Mention) -> bool:
        """Chinese: does an anaphor of a project or site follow the funder after 为/向 (A为该项目安排了资金)?"""
        after = fold(self.linked.text[funder.end : funder.end + 8])
        return after[:1] in ("为", "向") and any(
            after[1:].startswith(word) for word, family in self.lex.class_anaphora if family in ("project", "site")
        )

    def _zh_agent_of_topic(
        self, clause: Clause, cues: dict[str, list[int]], topic: Topic | None, modality: str
    ) -> None:
        """Chinese: a clause that opens with 由 and its doers and ends in the relation word, its object
        left out (产业园将建在比金市境内，由龙垦公司负责实施): the doers do it to the topic carried, or to the
        event that opens the sentence (博览会以…为主题，由A、B共同主办: an event carries no topic)."""
        if self.language != "zh" or not clause.mentions:
            return
        span = next((s for s in self.linked.sentences if s.start <= clause.start < s.end), None)
        if span is None:
            return
        if topic is None or topic.mention.start < span.start:  # the object left out is said in the same sentence
            opener = next((m for m in self.seen if span.start <= m.start < clause.start), None)
            if opener is None or "event" not in self.fam(opener):
                return
            topic = Topic(opener, "topic")
        text = self.linked.text
        head = fold(text[clause.start : clause.mentions[0].start]).strip()
        if not head.endswith(tuple(self.lex.agent_before)) or len(head) > 3:
            return
        doers = self._list_of(clause.mentions[0], clause.mentions)
        if len(doers) != len(clause.mentions):
            return  # another name in the clause is the object
        last = max(m.end for m in doers)
        for predicate, found in cues.items():
            if not any(at >= last for at in found):
                continue
            for doer in doers:
                if self._fits(predicate, doer, topic.mention) and topic.mention.entity != doer.entity:
                    start = min(topic.mention.start, clause.start)
                    self._emit(
                        doer.entity, predicate, topic.mention.entity, start, clause.end, "agent-of-topic", modality
                    )

    def _zh_ends_of_link(self, first: Mention, second: Mention, clause: Clause) -> bool:
        """Chinese: two places after a word of linking in their clause (打通连接牡丹江与乌苏里斯克的
        铁路) are the link's ends, not counterparts; two ports at a link's ends stay counterparts."""
        if self.language != "zh" or "Port" in (self.cls(first), self.cls(second)):
            return False
        return link_word_before(self.linked, clause.start, second.start)

    def _ru_ends_of_link(self, first: Mention, clause: Clause, cues: dict[str, list[int]]) -> bool:
        """Russian: two places after a link named earlier in a clause with a word of joining («Нефтепровод «X»
        проходит между A и B», «мост …, соединяющий A и B») are the link's ends, not counterparts."""
        if self.language != "ru" or "connects" not in cues:
            return False
        return any(m.end <= first.start and "infrastructure" in self.fam(m) for m in clause.mentions)

    def _partner_clause(self, clause: Clause, predicate: str) -> bool:
        """Does the clause open with a partner marker before its first name, its subject left out
        ("黑河市是…口岸城市，与布拉戈维申斯克市隔江相望"): the carried topic is the one that borders it."""
        if predicate not in self.lex.partner_clause_topic or not clause.mentions:
            return False
        if self.language == "ja":
            return self._ja_opens_with_partner(clause)
        return _opens_with_partner(self.linked, self.lex, clause.start, clause.mentions[0].start)

    def _ja_opens_with_partner(self, clause: Clause) -> bool:
        """Japanese: a clause whose first party, after at most a country qualifier (ロシアの), is marked
        as the partner by the particle after it ("…にあり、ロシアのBと向かい合う"): the topic is the
        other party."""
        first = next((m for m in clause.mentions if self.cls(m) != "Country"), None)
        if first is None or _gap_without_names(self.linked, clause.start, first.start).strip("の、 "):
            return False
        after = fold(self.linked.text[first.end : first.end + 4])
        after = after[1:] if after.startswith("市") else after
        return after.startswith(self.lex.partner_after)

    def _en_object_does_it(self, clause: Clause, obj: Mention, found: list[int]) -> bool:
        """English: every relation word stands after the object, with no name between ("the
        Terminal began operating", "the route was launched in 2015"): the object is the word's
        subject, so no carried topic does it to the object."""
        if self.language != "en" or any(at < obj.start for at in found):
            return False
        first = min(at for at in found)
        return not any(obj.end <= m.start < first for m in clause.mentions)

    def _en_agent_of_other_verb(self, mention: Mention, found: list[int]) -> bool:
        """English: is the name the doer after "by" of participles none of which is the predicate's
        word ("funded by A and operated by B": B operates, it does not fund; "built and financed by
        A": A does both)?"""
        if self.language != "en":
            return False
        head = self.linked.text[max(0, mention.start - 80) : mention.start]
        passive = _EN_BY_AGENT.search(head)
        if passive is None:
            return False
        base = mention.start - len(head) + passive.start("verbs")
        return not any(base + word.start() in found for word in _TOKEN.finditer(passive.group("verbs")))

    def _en_pronoun_subject(self, clause: Clause) -> bool:
        """English: a clause opening with "It"/"They" names its subject as a party ("It connects A
        with B", "It is funded by C"): the pronoun stands for the carried topic."""
        return self.language == "en" and bool(_EN_PRONOUN_SUBJECT.match(clause.folded))

    def _ja_in_quoted_name(self, mention: Mention) -> bool:
        """Japanese: does the mention stand inside a name in brackets (「ハルビン・綏芬河対ロシア貿易加工区」): a short
        bracket of nouns, without a comma or full stop, that ends in an ideograph or katakana (a head noun)
        — not a quoted statement (「ロシアとの協力を強化する」)."""
        if self.language != "ja":
            return False
        text = self.linked.text
        opening = text.rfind("「", max(0, mention.start - 30), mention.start)
        if opening < 0 or "」" in text[opening : mention.start]:
            return False
        closing = text.find("」", mention.end, mention.end + 30)
        if closing < 0:
            return False
        inside = text[opening + 1 : closing]
        return not any(c in inside for c in "、，,。") and bool(_CJK_NAME_CHAR.match(inside[-1]))

    def _partners_said(self, said: bool, cues: dict[str, list[int]]) -> bool:
        """Does the clause make two joined places partners only: a word of cooperation or signing, or
        where the language restricts it (`partner_predicates`: Japanese 署名), only those words?"""
        if self.lex.partner_predicates:
            return any(p in cues for p in self.lex.partner_predicates)
        return said or "signs" in cues

    def _partner_joined(self, first: Mention, second: Mention) -> bool:
        """Are the two joined by a connector that also marks a partner ("A与B签署了…"): with a word of
        cooperation in the clause they are partners, not counterparts across the border."""
        if _gap_without_names(self.linked, first.end, second.start) not in self.lex.partner_connectors:
            return False
        if not self.lex.partner_subject_after:
            return True
        after = fold(self.linked.text[second.end : second.end + 3]).lstrip("、, ")
        return after.startswith(self.lex.partner_subject_after)  # 黒河市とブラゴベシチェンスク市は…署名した

    def _second_parties(self, second: Mention, mentions: list[Mention]) -> list[Mention]:
        """The second party and the names listed right after it of its own country ("the Russian Far
        East and Eastern Siberia"); a name of another country starts the next pair of a list."""
        listed = self._list_of(second, mentions)
        country = self.catalog_country(second)
        parties = [second]
        for other in listed[listed.index(second) + 1 :]:
            if country is None or self.catalog_country(other) != country:
                break
            parties.append(other)
        return parties

    def _said_near(self, clause: Clause, cues: dict[str, list[int]], first: Mention, second: Mention) -> bool:
        """Is the cooperation or trade word near the pair (within the language's window, if it has one)?"""
        window = self.lex.pair_cue_window
        if window is None:
            return True
        found = cues.get("cooperatesWith", []) + self.lex.trade.find(clause)
        return any(first.start - window <= at <= second.end + window for at in found)

    def _partners(self, clause: Clause, cues: dict[str, list[int]], topic: Topic | None, modality: str) -> None:
        """ "cooperation with B", "ロシアとの協力", "与俄罗斯合作", "сотрудничество с Россией": B (and the
        names listed with it) are partners of the nearest actor before it (and the names listed with
        that one), or of the carried topic."""
        if not self._cooperation_said(clause, cues):
            return
        text = self.linked.text
        mentions = clause.mentions
        for position, partner in enumerate(mentions):
            if "actor" not in self.fam(partner) or not self._marked_partner(partner, mentions[position + 1 :]):
                continue
            if self._zh_names_a_firm(partner):
                continue  # 与俄罗斯铁路物流公司共同建设: the partner is the firm, not its country
            if self._ja_in_quoted_name(partner):
                continue  # 「A・B対ロシア貿易加工区」: the mark is a word of the zone's name, no one cooperates
            head = self._ja_partner_list_head(partner, mentions)  # AはBおよびCと…: B and C are the partners
            candidate = next(
                (
                    m
                    for m in reversed(mentions[: mentions.index(head)])
                    if "actor" in self.fam(m)
                    and m.entity != partner.entity
                    and not self._ru_at_place(m)
                    and not self._ja_explains(m, partner)
                    and not self._interposed(m, partner.start, mentions)
                ),
                None,
            )
            if candidate is not None and self._ja_country_of(candidate, partner):
                continue  # ロシアの統一電力社と…: the country says whose the firm is, no one before it is the party
            partners = [m for m in self._list_of(partner, mentions) if m.start >= head.start]
            if not self._cooperation_near(clause, cues, partner):
                continue
            doer = self._ru_doer_after_partner(partner, mentions) if candidate is None else None
            if doer is not None:  # "Совместно с провинцией B край планирует …": the nominative after
                for other in [m for m in partners if m.end <= doer.start]:
                    if other.entity != doer.entity and not self._nested(doer, other):
                        self._emit(
                            doer.entity, "cooperatesWith", other.entity, clause.start, clause.end, "partner", modality
                        )
                continue
            if candidate is not None:
                marker_joins = any(
                    fold(self.linked.text[candidate.end : partner.start]).strip().endswith(w)
                    for w in self.lex.partner_before
                )
                if self._nested(candidate, partner) or (
                    partner in self._list_of(candidate, mentions) and not marker_joins
                ):
                    continue
                if self._zh_joint_agents(candidate, partner):
                    continue  # 由A与B共同建设: both build it, the clause says no cooperation of its own
                subjects = [m for m in self._list_of(candidate, mentions) if m.end <= partner.start]
                for one in subjects:
                    for other in partners:
                        if "actor" in self.fam(one) and "actor" in self.fam(other) and not self._nested(one, other):
                            self._emit(
                                one.entity,
                                "cooperatesWith",
                                other.entity,
                                clause.start,
                                clause.end,
                                "partner",
                                modality,
                            )
            elif (
                topic is not None
                and "actor" in self.fam(topic.mention)
                and topic.mention.entity != partner.entity
                and not (clause.start <= topic.mention.start < clause.end and self._ru_at_place(topic.mention))
            ):
                if not self._nested(topic.mention, partner):
                    for other in partners:
                        self._emit(
                            topic.mention.entity,
                            "cooperatesWith",
                            other.entity,
                            min(topic.mention.start, clause.start),
                            clause.end,
                            f"partner-{topic.rule}",
                            modality,
                        )
        del text

    def _ru_at_place(self, mention: Mention) -> bool:
        """Russian: is the name the place where the clause's cooperation happens («в Комсомольске-на-Амуре»,
        «центр на Дальнем Востоке по торговле с Китаем»): в/во/на and a locative case, no party to it."""
        if self.language != "ru":
            return False
        before = self.linked.text[max(0, mention.start - 12) : mention.start].split()
        if not before or before[-1].lower() not in ("в", "во", "на"):
            return False
        words = _TOKEN.findall(self.linked.text[mention.start : mention.end])
        return bool(words) and bool({"loct", "loc2"} & _cases(words[-1]))

    def _ja_partner_list_head(self, partner: Mention, mentions: list[Mention]) -> Mention:
        """Japanese: the mark of a partner (と, との) follows the last name of a list (黒龍江省および吉林省と):
        the list's first name, so that all of it are the partners; elsewhere the partner itself."""
        if self.language != "ja":
            return partner
        listed = self._list_of(partner, mentions)
        marked = fold(self.linked.text[partner.end : partner.end + 5]).startswith(self.lex.partner_after)
        return listed[0] if listed[-1] is partner and marked else partner  # 香港、マカオ、台湾の企業と: the firms

    def _ru_doer_after_partner(self, partner: Mention, mentions: list[Mention]) -> Mention | None:
        """Russian: "Вместе с городом B A создаёт …": with no actor before the partner, the first
        actor after the partner and the names listed with it («и», a comma), in the nominative, is
        the doer."""
        if self.language != "ru":
            return None
        text = self.linked.text
        last = partner
        for mention in mentions:
            if mention.start < last.end:
                continue
            gap = text[last.end : mention.start].strip().lower()
            if gap in (",", "и") and mention.start - last.end < 5:
                last = mention  # listed with the partner
                continue
            word = _TOKEN.findall(text[mention.start : mention.end])
            if "actor" in self.fam(mention) and word and "nomn" in _cases(word[-1]):
                return mention
            return None
        return None

    def _partner_noun(self, clause: Clause, topic: Topic | None, modality: str) -> None:
        """ "A is the main partner of B", "A是B的主要合作伙伴", "Основными партнёрами области остаются A
        и B": a partner noun and a copula between two lists of actors (or one list and the carried
        topic, when the clause takes it up) make them partners."""
        if not self.lex.partner_nouns.find(clause) or not self.lex.partner_links.find(clause):
            return
        groups: list[list[Mention]] = []
        for mention in clause.mentions:
            if "actor" not in self.fam(mention) or any(mention in group for group in groups):
                continue
            groups.append([m for m in self._list_of(mention, clause.mentions) if "actor" in self.fam(m)])
        start = clause.start
        if (
            len(groups) == 1
            and topic is not None
            and self.lex.anaphora.find(clause)
            and "actor" in self.fam(topic.mention)
            and topic.mention not in groups[0]
        ):
            groups.insert(0, [self._ru_place_of_topic(clause, topic.mention)])
            start = min(start, topic.mention.start)
        if len(groups) != 2:
            return
        for one in groups[0]:
            for other in groups[1]:
                if one.entity != other.entity and not self._nested(one, other):
                    self._emit(one.entity, "cooperatesWith", other.entity, start, clause.end, "partner-noun", modality)

    def _ru_place_of_topic(self, clause: Clause, topic: Mention) -> Mention:
        """Russian: "Правительство области … Основными партнёрами области остаются …": a noun of place
        taking up a topic that is a body, not a place, stands for the place the body is of."""
        if self.language != "ru" or "place" in self.fam(topic) or topic.entity not in self.catalog:
            return topic
        places = self.catalog[topic.entity].located_in
        nouns = [
            at
            for at in self.lex.anaphora.find(clause)
            if (word := _TOKEN.match(self.linked.text, at)) is not None
            and not any(p.tag.POS == "NPRO" for p in analyzer().parse(word.group().lower()))
            and not self._ru_name_head(at, clause)
        ]
        if not places or not nouns:
            return topic
        return Mention(places[0], topic.document, topic.start, topic.end, topic.surface, topic.sentence)

    def _cooperation_said(self, clause: Clause, cues: dict[str, list[int]]) -> bool:
        """A cooperation or trade word in the clause, or inside the name of a cooperation model it
        names (技术合作, "technology cooperation")."""
        if "cooperatesWith" in cues or self.lex.trade.find(clause) or self._ja_signed_agreements(clause, cues):
            return True
        words = self.lex.relation_words["cooperatesWith"]
        for mention in clause.mentions:
            if "model" in self.fam(mention):
                inner = Clause(self.linked.text, mention.start, mention.end, [], self.language)
                if words.find(inner):
                    return True
        return False

    def _both_parties(self, clause: Clause, cues: dict[str, list[int]], modality: str) -> None:
        """A plural anaphor that stands for two actors at once ("双方将共同开发…", "两地合作密切"), in a
        clause with a word of cooperation: the two cooperate."""
        if not self._cooperation_said(clause, cues):
            return
        by_span: dict[tuple[int, int], list[Mention]] = {}
        for mention in clause.mentions:
            by_span.setdefault((mention.start, mention.end), []).append(mention)
        for (start, _end), group in by_span.items():
            actors = [m for m in group if "actor" in self.fam(m)]
            if len({m.entity for m in actors}) != 2 or (start - clause.start > 6 and not self._en_opens_part(start)):
                continue  # the anaphor opens the clause: its subject
            one, other = actors
            if not self._nested(one, other):
                self._emit(one.entity, "cooperatesWith", other.entity, clause.start, clause.end, "both", modality)

    def _en_opens_part(self, start: int) -> bool:
        """English: does the span open its sentence or the part after a comma ("and"), after at most a
        few words of time ("In 2025 the two cities …", "…, and over the past year the two cities …")?"""
        if self.language != "en":
            return False
        span = next((s for s in self.linked.sentences if s.start <= start < s.end), None)
        if span is None:
            return False
        head = self.linked.text[span.start : start]
        part = head[head.rfind(", ") + 1 :] if ", " in head else head
        return len(_TOKEN.findall(part)) <= 5 and not any(
            span.start <= m.start < start and m.start >= start - len(part)
            for m in self.clause_mentions
            if m.start != start
        )

    def _named_cooperation(self, clause: Clause) -> bool:
        """A name of a family in `cooperation_in_names` in the clause with a cooperation word inside
        it (《农业合作协议》: signing a cooperation agreement states the cooperation)."""
        if not self.lex.cooperation_in_names:
            return False
        words = self.lex.relation_words["cooperatesWith"]
        for mention in clause.mentions:
            if self.fam(mention) & self.lex.cooperation_in_names:
                if words.find(Clause(self.linked.text, mention.start, mention.end, [], self.language)):
                    return True
        return False

    def _cooperation_near(self, clause: Clause, cues: dict[str, list[int]], partner: Mention) -> bool:
        """Is the cooperation or trade word close to the partner ("cooperation with B", "与B开展…合作")?"""
        found = cues.get("cooperatesWith", []) + self.lex.trade.find(clause)
        found += [m.start for m in clause.mentions if "model" in self.fam(m)]
        found += [m.start for m in self._ja_signed_agreements(clause, cues)]
        if self.language == "ru" and any(  # "Приграничное сотрудничество автономного района A с B"
            -60 <= m.end - partner.start < 0 for m in clause.mentions if "model" in self.fam(m)
        ):
            return True
        return any(-40 <= at - partner.start <= 30 for at in found)

    def _ja_signed_agreements(self, clause: Clause, cues: dict[str, list[int]]) -> list[Mention]:
        """Japanese: the agreements a clause with a word of signing names (AはBと農業協力覚書に署名した):
        signing one with a partner is a cooperation with it, whatever words the agreement's name holds."""
        if self.language != "ja" or "signs" not in cues:
            return []
        return [m for m in clause.mentions if "agreement" in self.fam(m)]

    def _marked_partner(self, partner: Mention, following: list[Mention]) -> bool:
        text = self.linked.text
        start = self._zh_qualified_start(partner) if self.language == "zh" else self._past_agent_head(partner)
        before = fold(text[max(0, start - 6) : start]).rstrip()
        if self.language == "en":  # "with the Russian Far East": the article stands between
            before = re.sub(r"(?:^|\s)the$", "", fold(text[max(0, partner.start - 10) : partner.start]).rstrip())
        for word in self.lex.partner_before:
            if before.endswith(word) and (
                len(word) > 1 or self.language in CJK or before[: -len(word)][-1:] in ("", " ")
            ):
                return True
        after = fold(text[partner.end : partner.end + 12])
        if self.language == "ja":
            after = re.sub(r"^の[\u3040-\u30ff\u4e00-\u9fff]{1,6}?(?=と)", "", after)  # ロシアの地方政府と
        for word in self.lex.partner_after:
            if after.startswith(word):
                # a bare と joins a pair when another name follows at once (AとB): then it is no partner mark
                if word == "と" and following and following[0].start - partner.end <= 2:
                    if not self._ja_field_after_partner(following[0]):
                        return False
                return True
        return False

    def _ja_country_of(self, mention: Mention, later: Mention) -> bool:
        """Japanese: a country right before の and an organization's name (ロシアの統一電力社と…) says
        whose the organization is; it is no party of the organization's cooperation."""
        if self.language != "ja" or self.cls(mention) != "Country" or "organization" not in self.fam(later):
            return False
        gap = fold(self.linked.text[mention.end : later.start])
        return gap.startswith("の") and len(gap) <= 4 and not any(c in gap for c in "、。はがをにとで")

    def _ja_explains(self, mention: Mention, later: Mention) -> bool:
        """Japanese: a name inside a bracket that closes before a later name only explains the name
        before the bracket (中国東北地方（黒龍江省、吉林省、遼寧省）は、ロシア極東との…)."""
        if self.language != "ja":
            return False
        return any(
            a < mention.start and mention.end < b <= later.start
            for a, b in ((m.start(), m.end()) for m in _BRACKETS.finditer(self.linked.text, 0, later.start))
        )

    def _ja_field_after_partner(self, following: Mention) -> bool:
        """Japanese: an industry or model right after an actor's と is the field of the cooperation
        (ユダヤ自治州と物流の協力, 沿海地方政府と農業協力覚書に署名), not a second member of a list
        with the actor, nor is an agreement (…政府と物流協定に署名した): the と still marks the actor as a partner."""
        return self.language == "ja" and (
            self.cls(following) in ("Industry", "CooperationModel") or "agreement" in self.fam(following)
        )

    def _cjk_qualified_start(self, a: Mention, b: Mention) -> int:
        """Chinese and Japanese: where the second of two names begins with the place that qualifies it
        (吉林省とロシア・ソマグループ, 黒河市とロシアのアムール州: ロシア says where the firm or the region is, the
        list still joins the two), or its own start."""
        if self.language not in CJK:
            return b.start
        text = self.linked.text
        return min(
            (
                q
                for q, e in self.qualifiers
                if a.end <= q and e <= b.start and text[e : b.start] in self.lex.compound_gaps
            ),
            default=b.start,
        )

    def _zh_qualified_start(self, mention: Mention) -> int:
        """Where a name begins with the country that qualifies it right before (与俄罗斯外贝加尔边疆区)."""
        return next((a for a, b in self.qualifiers if b == mention.start), mention.start)

    def _past_agent_head(self, mention: Mention) -> int:
        """Where the partner mark of a name stands: before the agent noun that heads its genitive
        ("переговоры с руководством Приморского края", "с делегацией провинции Цзилинь") or the
        place noun in apposition ("сотрудничество с уездом Лобэй"), in languages with
        `genitive_heads`; else right before the name."""
        if not self.lex.agent_heads:
            return mention.start
        before = self.linked.text[max(0, mention.start - 30) : mention.start]
        head = list(_TOKEN.finditer(before))[-1:]
        if head and before[head[0].end() :].strip() in ("«", '"', "“"):
            return mention.start - len(before) + head[0].start()  # "с компанией «B»": past the quote's head noun
        if (
            not head
            or before[head[0].end() :].strip()
            or not set(lemmas(head[0].group().lower())) & (self.lex.agent_heads | self.lex.place_heads)
        ):
            return mention.start
        return mention.start - len(before) + head[0].start()

    def _listed_any(self, a: Mention, b: Mention, mentions: list[Mention]) -> bool:
        return b in self._list_of(a, mentions)

    def _bracket_members(self, clause: Clause) -> None:
        """A region followed by a bracket listing smaller places (蒙東（…呼倫貝爾市、興安盟…）): they lie in it."""
        text = self.linked.text
        mentions = clause.mentions
        for position, holder in enumerate(mentions):
            opening = holder.end + next(
                (len(w) for w in self.lex.place_suffixes if text.startswith(w, holder.end)), 0
            )  # 中国東北地域（…）: a generic word of area may close the name before the bracket
            if text[opening : opening + 1] not in ("(", "（") or self.cls(holder) not in self.lex.rank:
                continue
            close = min((i for i in (text.find(c, opening) for c in ")）") if i >= 0), default=-1)
            if close < 0 or close > clause.end:
                continue
            inside = [m for m in mentions[position + 1 :] if m.end <= close]
            if len(inside) < 2:
                continue
            for member in inside:
                if self._nested(member, holder) and holder.entity in self.catalog.ancestors(member.entity):
                    self._place_in_place(member, holder, holder.start, close + 1, "bracket", "stated")
                elif self._finer_place(member, holder):
                    self._emit(member.entity, "locatedIn", holder.entity, holder.start, close + 1, "bracket", "stated")

    def _possessed_industries(self, clause: Clause, modality: str) -> None:
        """A place's own industries, named right after its possessive ("大慶市の精密化学工業、石油製品
        加工産業", "东宁的木材加工业"): the name of a sector (its last word one of `sector_heads`),
        not a word that only qualifies a noun after it (黒龍江省の農業技術)."""
        heads = self.lex.sector_heads
        if not heads:
            return
        text = self.linked.text
        mentions = clause.mentions
        for holder, first in zip(mentions, mentions[1:]):
            if "holder" not in self.fam(holder) or "industry" not in self.fam(first):
                continue
            if fold(text[holder.end : first.start]) not in self.lex.possessive:
                continue
            for industry in self._list_of(first, mentions):
                if industry.start < first.start or not any(fold(industry.surface).endswith(h) for h in heads):
                    continue
                if re.match(r"[\u4e00-\u9fff\u30a0-\u30ff]", text[industry.end : industry.end + 1]):
                    continue  # the industry qualifies a noun: 石油化工技术
                self._emit(
                    holder.entity,
                    "targetsIndustry",
                    industry.entity,
                    holder.start,
                    industry.end,
                    "possessive",
                    modality,
                )

    def _finer_place(self, member: Mention, holder: Mention) -> bool:
        """Could the member lie in the holder although the catalog places it only in the holder's
        own parent (a city of Inner Mongolia listed under 蒙東, the east of Inner Mongolia)?"""
        if member.entity not in self.catalog or holder.entity not in self.catalog:
            return False
        if "territory" not in self.fam(holder):
            return False  # a corridor's cities (哈大齊（ハルビン～大慶～チチハル）) are its parts, not in it
        outer = set(self.catalog.ancestors(holder.entity))
        rank_member, rank_holder = self.lex.rank.get(self.cls(member)), self.lex.rank.get(self.cls(holder))
        return (
            bool(outer)
            and rank_member is not None
            and rank_holder is not None
            and 0 < rank_member <= rank_holder
            and outer <= set(self.catalog.ancestors(member.entity))
        )

    def catalog_country(self, mention: Mention) -> str | None:
        return self.catalog.country_of(mention.entity) if mention.entity in self.catalog else None

    def _nested_places(self, a: Mention, b: Mention) -> bool:
        """Two places one inside the other (a region and its country), never parties to each other."""
        spatial = {"place", "territory"}
        return bool(self.fam(a) & spatial) and bool(self.fam(b) & spatial) and self._nested(a, b)

    def _nested(self, a: Mention, b: Mention) -> bool:
        if a.entity not in self.catalog or b.entity not in self.catalog:
            return False
        return a.entity in self.catalog.ancestors(b.entity) or b.entity in self.catalog.ancestors(a.entity)

    def _joined(self, clause: Clause, first: Mention, second: Mention) -> str | None:
        """How the text links two names as parties: "pair" (connector between them, after setting
        aside brackets, appositions and names nested in the first) or "frame" (between … and)."""
        text = self.linked.text
        gap = text[first.end : second.start]
        inner = [m for m in clause.mentions if first.end <= m.start and m.end <= second.start]
        for m in sorted(inner, key=lambda m: -m.start):
            if not self._nested(first, m) and not self._nested(second, m):
                if self.fam(m) & {"actor", "pairable"}:
                    return None
            a, b = m.start - first.end, m.end - first.end
            gap = gap[:a] + " " * (b - a) + gap[b:]
        for start, end in self.qualifiers:
            if first.end <= start and end <= second.start:
                a, b = start - first.end, end - first.end
                gap = gap[:a] + " " * (b - a) + re.sub(r"^['’]s\b", "  ", gap[b:])
        words = _BRACKETS.sub(" ", gap)
        folded = fold(words).strip()
        if self.language not in CJK:
            folded = " ".join(w for w in folded.split() if w not in self.lex.list_fillers)  # "A and the B"
            # an apposition between commas: "Manzhouli, the largest land port on the border, and"
            if folded in self.lex.connectors:
                return "pair"  # "China–Russia"
            folded = folded.rstrip(" —–-:")
            after_comma = "," in folded
            if after_comma:
                folded = folded.rsplit(",", 1)[1].strip()
            tokens = folded.split()
            while len(tokens) > 1 and demonym_country(tokens[-1], self.language) is not None:
                tokens.pop()  # «между российским A и китайской B»: the country's adjective qualifies B
                folded = " ".join(tokens)
            last = tokens[-1] if tokens else ""
            framed = not _en_clause_after_apposition(self.language, after_comma, tokens)
            if len(tokens) <= 8 and framed:
                for opening, closing in self.lex.frames:
                    if last == closing or folded.endswith(" " + closing) or folded == closing:
                        head = fold(text[clause.start : first.start]).rstrip()
                        if head.endswith(opening) or re.search(rf"\b{re.escape(opening)}\b[^;]{{0,40}}$", head):
                            return "frame"
            if len(tokens) > 4:
                return None
            if last in self.lex.connectors or folded in self.lex.connectors:
                return "pair" if len(tokens) <= 1 else "pair-apposition"
            for opening, closing in self.lex.frames if framed else ():
                if last == closing or folded.endswith(" " + closing) or folded == closing:
                    head = fold(text[clause.start : first.start]).rstrip()
                    if head.endswith(opening) or re.search(rf"\b{re.escape(opening)}\b[^;]{{0,40}}$", head):
                        return "frame"
            return None
        folded = folded.replace(" ", "")
        if len(folded) > 12 or any(c in folded for c in "，,。；;"):
            return None
        if folded in _DASHES and self._cjk_name_goes_on(second):
            return None  # 哈尔滨—符拉迪沃斯托克陆海联运走廊: the two open a name (a link's ends), they are no pair
        if folded in self.lex.connectors:
            return "pair"
        head = fold(text[max(clause.start, first.start - 12) : first.start])
        tail = fold(text[second.end : second.end + 4])
        for opening, closing in self.lex.frames:
            if folded == opening and tail.startswith(closing):
                return "frame"  # Japanese postpositions: AからBまで
            if head.endswith(opening) and (
                folded.endswith(closing) or fold(text[second.end : second.end + 3]).startswith(closing)
            ):
                return "frame"
        return None

    def _ru_head_apposition(self, gap: str) -> bool:
        """Russian: is the gap between two names an apposition between commas that ends in a head noun of
        place (`apposition_place_heads`) right before the second name, with at most four words before the head
        and no verb ("Уссурийск, второй по величине город Приморского края", "X, административный центр B")?"""
        match = _RU_HEAD_APPOSITION.match(gap)
        if match is None or not self.lex.apposition_place_heads:
            return False
        words = match.group(1).split()
        if not set(lemmas(words[-1].lower())) & self.lex.apposition_place_heads:
            return False
        return not any(_word_kinds(w.lower()) & {"verb", "passive"} for w in words)

    def _cjk_name_goes_on(self, second: Mention) -> bool:
        """Chinese and Japanese: does a name (an ideograph or katakana) go on right after the second of
        two places joined by a dash ("A—B陆海联运走廊", 「A—B貿易総合体」), not a word that keeps them a
        pair (`dash_pair_after`: A—B间, A—B両市)?"""
        after = fold(self.linked.text[second.end : second.end + 4])
        if not after or not _CJK_NAME_CHAR.match(after[0]):
            return False
        return not after.startswith(self.lex.dash_pair_after)

    def _compounds(self, mentions: list[Mention]) -> None:
        """Adjacent names, one a larger place: the text states where the other lies. The larger
        one is then only a qualifier ("Russia's Blagoveshchensk"), not a party of the clause."""
        text = self.linked.text
        for position, (a, b) in enumerate(zip(mentions, mentions[1:])):
            if b.start < a.end:
                continue  # 双方 standing for both parties: one span, no two names side by side
            gap = self._compound_gap(text[a.end : b.start])
            if self.language == "en" and gap not in self.lex.compound_gaps and _EN_APPOSITION_IN.match(gap):
                if self._place_in_place(a, b, a.start, b.end, "apposition", "stated"):  # "A, a city of … in B"
                    self.qualifiers.add((b.start, b.end))
                continue
            if self.language == "ru" and _RU_PARTICIPLE_IN.match(gap):
                self._place_in_place(a, b, a.start, b.end, "apposition", "stated")
                continue
            if self.language == "ru" and self._ru_head_apposition(gap):
                if self._place_in_place(a, b, a.start, b.end, "apposition", "stated"):
                    self.qualifiers.add((b.start, b.end))
                continue
            if gap not in self.lex.compound_gaps:
                continue
            if gap in self.lex.list_gaps and self.cls(a) == self.cls(b):
                continue  # ハルビン・牡丹江・綏芬河: towns of one rank side by side are a list (ロシア・ハバロフスク is not)
            if self.language == "ru" and gap == ", " and not (self._contains(b, a) or self._contains(a, b)):
                continue  # «Харбин, КНР» says where Harbin lies; «Европу, Японию» is a list
            if self.language == "en" and gap == ", " and text[b.start : b.start + 1].islower():
                continue  # "Developed by Longjiang Forest Holdings, the park …": an anaphor, not a larger place
            inner = self._en_possessed_place(b, mentions[position + 2 : position + 3])
            if inner is not None and gap not in ("'s ", "’s "):  # "Manzhouli, in Inner Mongolia's Hulunbuir"
                if self._place_in_place(a, inner, a.start, inner.end, "compound", "stated"):
                    self.qualifiers.add((inner.start, inner.end))
                continue
            end = b.end + (1 if gap.endswith("(") and text[b.end : b.end + 1] in ")）" else 0)
            if self._cjk_same_rank_compound(a, b, gap) or self._ja_macro_region_compound(a, b):
                self._emit(b.entity, "locatedIn", a.entity, a.start, end, "compound", "stated")
                self.qualifiers.add((a.start, a.end))
            elif self._place_in_place(a, b, a.start, end, "compound", "stated"):
                rank_a, rank_b = self.lex.rank.get(self.cls(a), 0), self.lex.rank.get(self.cls(b), 0)
                outer = a if rank_a > rank_b or (rank_a == rank_b and self._contains(a, b)) else b
                self.qualifiers.add((outer.start, outer.end))

    def _compound_gap(self, gap: str) -> str:
        """The words between two names as the compound rules read them: a closing quote belongs to the name
        before («Надеждинская» (Приморье)), and a Russian country adjective is only a qualifier of the second
        (г. Тунцзян китайской провинции Хэйлунцзян: the town lies in the province)."""
        gap = gap.lstrip('»”"」』')
        if self.language == "ru" and gap.strip() and all(demonym_country(w, "ru") for w in gap.split()):
            return " "
        return gap

    def _en_facing_apposition(self, clause: Clause) -> None:
        """English: "A … with B, the village facing it across the border in C": B faces the clause's
        subject A ("it") and lies in C, which is then only a qualifier."""
        if self.language != "en" or not clause.mentions:
            return
        text = self.linked.text
        subject = clause.mentions[0]
        for position, town in enumerate(clause.mentions[1:], start=1):
            facing = _EN_FACING_IT.match(text, town.end)
            if facing is None or "pairable" not in self.fam(town):
                continue
            rule, modality = "apposition", "planned" if self._planned(clause) else "stated"
            if self._cross_pair(town.entity, subject.entity):
                end = facing.start("place") if facing.group("place") else facing.end()
                self._emit(town.entity, "counterpartOf", subject.entity, town.start, end, rule, modality)
            place = next(iter(clause.mentions[position + 1 : position + 2]), None)
            if facing.group("place") and place is not None and place.start == facing.end():
                if self._place_in_place(town, place, town.start, place.end, rule, modality):
                    self.qualifiers.add((place.start, place.end))

    def _en_possessed_place(self, outer: Mention, following: list[Mention]) -> Mention | None:
        """English: the place right after the outer one's possessive ("Inner Mongolia's Hulunbuir"),
        when it lies in it: the innermost place a name before the compound lies in."""
        if self.language != "en" or not following:
            return None
        inner = following[0]
        if self.linked.text[outer.end : inner.start] not in ("'s ", "’s "):
            return None
        ranks = self.lex.rank.get(self.cls(inner), 0), self.lex.rank.get(self.cls(outer), 0)
        return inner if 0 < ranks[0] < ranks[1] else None

    def _ja_macro_region_compound(self, a: Mention, b: Mention) -> bool:
        """Japanese: a region named after the larger region the catalog makes it part of (ロシア極東
        ハバロフスク地方): the compound states where it lies, and the larger one only qualifies it."""
        if self.language != "ja" or a.entity not in self.catalog or b.entity not in self.catalog:
            return False
        return self.cls(a) == self.cls(b) == "Region" and a.entity in self.catalog[b.entity].part_of

    def _cjk_same_rank_compound(self, a: Mention, b: Mention, gap: str) -> bool:
        """Chinese and Japanese: a city named after the city that holds it (双鸭山市饶河县, 牡丹江市の綏芬河):
        the catalog puts the second in the first, or the second is a discovered town right after it."""
        if self.language not in CJK or self.cls(a) != "City" or self.cls(b) != "City" or a.entity == b.entity:
            return False
        if a.entity not in self.catalog:
            return False
        if b.entity in self.catalog:
            return a.entity in self.catalog.ancestors(b.entity)
        return gap == ""

    def _inner_places(self, mentions: list[Mention]) -> None:
        """A place whose own name ends with a larger place after a word of the compounds
        ("the Northeastern region of China"): the name states where it lies."""
        if self.language in CJK:
            return
        words = [g for g in self.lex.compound_gaps if g.strip().isalpha()]
        for mention in mentions:
            if self.cls(mention) not in self.lex.rank or not self.fam(mention) & {"place", "territory"}:
                continue
            surface = mention.surface.lower()
            for word in words:
                at = surface.rfind(word)
                if at <= 0:
                    continue
                tail = re.sub(r"^(?:the|a|an) ", "", surface[at + len(word) :].strip())
                outer = self._place_names().get(tail)
                if outer is not None and outer != mention.entity:
                    whole = Mention(outer, mention.document, mention.start, mention.end, tail, mention.sentence)
                    self._place_in_place(mention, whole, mention.start, mention.end, "name", "stated")
                    break

    def _place_names(self) -> dict[str, str]:
        """Lower-case names of the catalog's places that can hold others (rank of a city or more)."""
        if self.place_names is None:
            self.place_names = {}
            for entity in self.catalog:
                if self.lex.rank.get(entity.cls, 0) >= 3:
                    for _, name in entity.names():
                        self.place_names.setdefault(name.lower(), entity.id)
        return self.place_names

    def _place_in_place(self, a: Mention, b: Mention, start: int, end: int, rule: str, modality: str) -> bool:
        rank_a, rank_b = self.lex.rank.get(self.cls(a)), self.lex.rank.get(self.cls(b))
        if rank_a is None or rank_b is None or min(rank_a, rank_b) == 0:
            return False
        if rank_a == rank_b:
            return self._en_same_rank_in(a, b, start, end, rule, modality)
        inner, outer = (a, b) if rank_a < rank_b else (b, a)
        if inner.entity not in self.catalog:
            return False
        known = self.catalog[inner.entity].located_in
        if known and not self._contains(outer, inner):
            return False  # the catalog places it elsewhere: a list, not a compound
        self._emit(inner.entity, self._containment(outer, inner, rule), outer.entity, start, end, rule, modality)
        return True

    def _en_same_rank_in(self, a: Mention, b: Mention, start: int, end: int, rule: str, modality: str) -> bool:
        """English: "Manzhouli lies in Hulunbuir", "Hulunbuir, a prefecture-level city of Inner
        Mongolia": a place in one of its own rank (a city in a city) when the catalog puts it there."""
        if (
            self.language not in ("en", "ja", "ru", "zh")
            or a.entity not in self.catalog
            or b.entity not in self.catalog
        ):
            return False  # ja: 綏芬河は牡丹江市の管轄下にある; zh: 满洲里市地处呼伦贝尔市西部
        if self._contains(a, b):  # Northeast China's Heilongjiang, 东北地区的黑龙江: the larger one first
            a, b = b, a
        if not self._contains(b, a):
            return False
        self._emit(a.entity, self._containment(b, a, rule), b.entity, start, end, rule, modality)
        return True

    def _containment(self, outer: Mention, inner: Mention, rule: str) -> str:
        """ak:partOf when a compound or possessive names a larger unit the catalog makes the place a part of
        (Northeast China's Heilongjiang, 中国東北地域の黒龍江省); ak:locatedIn otherwise, and always when the
        text says "located" (位于中国东北, "lies in")."""
        if rule in ("compound", "apposition") and outer.entity in self.catalog[inner.entity].part_of:
            return "partOf"
        return "locatedIn"

    def _contains(self, outer: Mention, inner: Mention) -> bool:
        """Does the catalog put `inner` in `outer`, or make it part of that larger place (a province of
        Northeast China)?"""
        if outer.entity in self.catalog.ancestors(inner.entity):
            return True
        larger_place = self.cls(outer) in ("Country", "Region", "City")  # not an institute in its academy
        return larger_place and outer.entity in self.catalog[inner.entity].part_of

    def _located(self, clause: Clause, modality: str, cues: dict[str, list[int]]) -> None:
        """ "A in B", "A 位于 B", "A … within B": a place in a larger place, the located word right
        before the larger one (or, in Japanese, after it: BにあるA is not read)."""
        found = self.lex.located.find(clause)
        if not found:
            return
        if self.language == "ja":
            self._ja_located_after(clause, found, modality)
        text = self.linked.text
        for a, b in zip(clause.mentions, clause.mentions[1:]):
            gap = text[a.end : b.start]
            if self.language == "ru" and self._ru_place_before_passive(b, text[b.end : b.end + 40]):
                continue  # "При поддержке фонда в B открыт завод «C»": B is where C opened, the fund is not in B
            if self.language == "ru" and self._locative(a) and self._ru_place_before_passive(a, gap):
                self._place_in_place(b, a, a.start, b.end, "located", modality)  # "в B запущен комбинат «C»"
                continue
            if len(gap) > 60 or any(c in gap for c in ",，、;；()（）") or re.search(r"\s[–—]\s", gap):
                continue  # "с Китаем – в Маньчжурии, с Россией – в Сибири": a dash of ellipsis, no place in a place
            if self.language == "en" and self._en_located_blocked(a, b, gap):
                continue
            reach = 5 if self.language == "ru" else 3  # "расположен индустриальный парк «X»": the head before the quote
            if not any(a.end <= at < b.start and len(text[at : b.start].split()) <= reach for at in found):
                continue
            if any(
                a.end <= cue < at
                and len(text[cue:at].split()) <= (5 if self.language == "en" else 1)  # "invested 2 billion yuan in B"
                and self._governs(predicate, b)
                and not (self.language == "ru" and _ru_passive_at(text, cue))  # "реализован на территории B"
                for at in found
                if a.end <= at < b.start
                for predicate, words in cues.items()
                for cue in words
            ):
                continue  # "A has invested in B", "took part in B": the relation word governs B
            near = [at for at in found if a.end <= at < b.start and len(text[at : b.start].split()) <= reach]
            if (
                self.language == "ru"
                and all(text[at : at + 3].lower() == "из " for at in near)
                and "organization" not in self.fam(a)
            ):
                continue  # "компания «A» из провинции B": a company's origin; "резиденты ТОР «A» из B" are not A
            if self.language == "ru" and not self._ru_place_case(a, b):
                continue  # в + accusative is a direction ("экспорт в Китай"), not a place
            if self.language == "ru" and _ru_verb_and_object(text[a.end : max(near)], self.lex.located):
                continue  # "Компания «A» построила завод в B": the plant is in B, not A
            self._place_in_place(a, b, a.start, b.end, "located", modality)

    def _en_located_blocked(self, a: Mention, b: Mention, gap: str) -> bool:
        """English: is "A … in B" no statement that A lies in B? Not when B owns a name the catalog
        lacks ("a plant in the Amur Region's Belogorsk Zone": the plant is in the zone), when a name the
        catalog lacks stands between ("a mill in the Sosnovka village located in B": the village is in
        B), nor when A is the first item of a list ("China and firms in Northeast Asia")."""
        text = self.linked.text

        def unknown(at: int, word: str) -> bool:
            known = any(m.start <= at < m.end for m in self.linked.mentions)
            return not known and demonym_country(word, "en") is None

        owned = _EN_UNKNOWN_OWNED.match(text, b.end)
        if owned is not None and unknown(owned.end() - 1, text[owned.end() - 1 : owned.end() + 20].split()[0]):
            return True
        if re.match(r"\s+(?:and|or)\s", gap):
            return True
        return any(
            unknown(a.end + w.start(1), w.group(1)) for w in re.finditer(r"(?<![\w'’-])the\s+([A-Z][a-z]+)", gap)
        )

    def _ru_place_before_passive(self, place: Mention, after: str) -> bool:
        """Russian: "в B открыт (новый) завод «C»": is the place marked by «в» and followed at once by a
        passive (открыт, запущен, построен) and at most a head noun and its adjectives before the next
        name?"""
        if not self._locative(place):
            return False
        words = _TOKEN.findall(after.split("«")[0].split(",")[0])
        return bool(words) and len(words) <= 4 and "passive" in _word_kinds(words[0].lower())

    def _cjk_settled(self, clause: Clause, modality: str) -> None:
        """Chinese and Japanese: a facility, firm or zone set up in a place (`settled`: Y在X投产, Y已在X落户;
        XにY本社を置くZ, Xに建設したY, YはXに拠点を置く) lies in it. The place is marked 在/于 (zh) or followed
        by に and the word (ja); the thing is the nearest name before it (zh, ja topic) or just after (ja)."""
        if self.language not in CJK or not self.lex.settled.phrases:
            return
        text, mentions = self.linked.text, clause.mentions
        for i, place in enumerate(mentions):
            if not self.fam(place) & {"territory", "site"}:
                continue
            after = fold(text[place.end : min(clause.end, place.end + 12)])
            if self.language == "zh":
                word = self._zh_settled_at(place, clause.end)
                near = [m for m in reversed(mentions[:i]) if m.end <= place.start][:1]
                if word and near and re.search(r"[，,。；;的]", text[near[0].end : place.start]):
                    near = []  # 由A投资建设的工厂在X投产: the plant the catalog lacks went into operation, not A
            else:
                tail = after[1:] if after.startswith("に") else ""
                word = bool(tail) and any(tail.startswith(w) for (w, *_) in self.lex.settled.phrases)
                later = [m for m in mentions[i + 1 :] if m.start - place.end <= 24][:1]
                earlier = [
                    m
                    for m in reversed(mentions[:i])
                    if fold(text[m.end : m.end + 2]).lstrip("」』）)").startswith("は")
                ][:1]
                near = later or earlier
            if (
                not word
                or not near
                or "place" not in self.fam(near[0])
                and not self.fam(near[0]) & {"organization", "project"}
            ):
                continue
            thing = near[0]
            if self.fam(thing) & {"territory"} and "site" not in self.fam(thing):
                continue  # a city is not set up in a place
            self._place_in_place(
                thing, place, min(thing.start, place.start), max(thing.end, place.end), "settled", modality
            )

    def _zh_capital_of(self, clause: Clause, modality: str) -> None:
        """Chinese: "A是B的首府" (`located_after` right after B, a copula between A and B): A lies in B."""
        if self.language != "zh":
            return
        found = self.lex.located_after.find(clause)
        text = self.linked.text
        for a, b in zip(clause.mentions, clause.mentions[1:]):
            links = {phrase for (phrase, *_) in self.lex.object_first_links.phrases}
            if fold(text[a.end : b.start]).strip() in links and b.end in found:
                word = next((w for (w, *_) in self.lex.located_after.phrases if text.startswith(w, b.end)), "")
                self._place_in_place(a, b, a.start, b.end + len(word), "capital", modality)

    def _zh_settled_at(self, place: Mention, end: int) -> bool:
        """Chinese: is the place marked 在/于 and followed by a word of setting up that takes no object
        of its own (Y在X投产。, not A在X建成工厂)?"""
        if not self._locative(place):
            return False
        rest = re.sub(r"^(?:境内|市内|区内)", "", fold(self.linked.text[place.end : min(end, place.end + 12)]))
        return any(
            rest.startswith(w) and re.match(r"(?:了)?(?:[，,。；;）)]|$)", rest[len(w) :]) is not None
            for (w, *_) in self.lex.settled.phrases
        )

    def _ja_located_after(self, clause: Clause, found: list[int], modality: str) -> None:
        """Japanese: "AはBに位置する", "AはBの郊外に位置し", "AはBの管轄下にあり": the topic A lies in B,
        the located word right after B (its 市 left out of the catalog name)."""
        text = self.linked.text
        for a, b in zip(clause.mentions, clause.mentions[1:]):
            gap = fold(text[a.end : b.start]).strip("、 ")
            if gap not in self.lex.topic_markers:
                continue
            end = b.end + 1 if text.startswith("市", b.end) else b.end
            if any(at == end for at in found):
                self._place_in_place(a, b, a.start, max(end, clause.end), "located", modality)

    def _ru_place_case(self, a: Mention, b: Mention) -> bool:
        """Russian: is the larger of two places in a case of place? It is the second ("парк в
        Приморском крае") or, when of higher rank, the first ("На территории края расположен парк
        «X»"), and then the second must not stand after в (в + accusative is a direction: "из России
        в Азиатско-тихоокеанский регион")."""
        rank_a, rank_b = self.lex.rank.get(self.cls(a)), self.lex.rank.get(self.cls(b))
        if rank_a is None or rank_b is None or rank_a <= rank_b:
            return _locative(b.surface)
        before = self.linked.text[max(0, b.start - 40) : b.start].rstrip()
        words = [w.lower() for w in _TOKEN.findall(before)]
        if before.endswith(("«", '"', "“")):
            words = words[:-1]
        return _locative(a.surface) and not (words and words[-1] in ("в", "во"))

    def _governs(self, predicate: str, obj: Mention) -> bool:
        """Can the predicate's word take the name as its object (its class fits the object end)?"""
        return predicate != "locatedIn" and any(o in self.fam(obj) for _, o in self.lex.allowed.get(predicate, ()))


# Chinese: words of doing together right after the second of two agents (由A与B共同建设)
_ZH_JOINTLY = ("共同", "联合", "合资", "合作")
_EN_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|shall|should|can|could|may|might|must|(?:plans?|planned|aims?|intends?|agreed|agrees|expects?"
    r"|helps?|helped|is to|are to) to)(?: also| jointly)? $"
)
_EN_UNKNOWN_IN_LIST = re.compile(r"^(?:, (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})+,? (?:and|or) (?:the )?$")
_EN_UNKNOWN_OWNED = re.compile(r"['’]s\s+[A-Z]")  # "the Amur Region's Belogorsk …": the place owns a name
_EN_PART_OF_LINK = (
    r"s (?:(?:first|second|third|next|new|russian|chinese) )?(?:phase|stage|section|expansion|extension)\b"
)
_EN_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|they)\b(?!['’])")
# between a name and the doer of the relative clause after it: "the Fair, which (the city) …"
_EN_RELATIVE_OBJECT = re.compile(r"\s*,?\s*(?:which|that|whom)\s+$", re.IGNORECASE)
# an apposition of a town that faces the clause's subject: ", the village facing it across the border in "
_EN_FACING_IT = re.compile(
    r", (?:the|a) (?:[a-z-]+ ){0,2}?(?:facing|opposite|across (?:the \w+ )?from) (?:it|them)"
    r"(?: across the (?:\w+ )?(?:border|river))?(?P<place> in (?:the )?)?"
)
# an apposition of a place noun that ends in "in": ", a city of about 170,000 people in "
_JA_DATELINE = re.compile(r"【[^【】\n]{1,20}[＝=][^【】\n]{1,12}】")  # 【ハルビン＝共同】: a news dateline
_EN_APPOSITION_IN = re.compile(
    r", (?:a|an|the) (?:(?:[\w'’-]+|\d[\d,.]*) ){0,6}?(?:city|town|county|district|village|settlement|port|prefecture)"
    r"(?: (?:(?:[\w'’-]+|\d[\d,.]*) ){0,6}?| )(?:in|of|under|within) (?:the )?$"
    # a relative clause of place: "Hulin, which lies under Jixi", "Manzhouli, which belongs to Hulunbuir"
    r"|, (?:which|that) (?:(?:lies|is|sits|is located|is situated) )?(?:in|under|within) (?:the )?$"
    r"|, (?:which|that) (?:belongs to|is part of|is administered by) (?:the )?$"
    # a facility or firm described by its kind: "the Log Yard, a storage site on the edge of B",
    # "the Plant, a facility located in B", "X Export, a timber trader from B"
    r"|, (?:a|an|the) (?:[\w'’-]+ ){0,4}?(?:facility|site|plant|terminal|yard|warehouse|depot|market|centre|center"
    r"|hub|base|park|zone|complex|trader|firm|company|producer|operator|exporter|importer|supplier)"
    r"(?: (?:located|situated|based|built))? (?:in|near|outside|on the edge of|on the outskirts of|from) (?:the )?$"
)
# Russian: a participle of place between commas ("Хэган, расположенный в провинции B", "Уезд A, входящий в
# состав B", "A, подчинённый B"): A lies in B
_RU_PARTICIPLE_IN = re.compile(
    r", (?:расположенн\w+|находящ\w+)(?: на (?:севере|юге|востоке|западе|северо-востоке|юго-востоке|северо-западе"
    r"|юго-западе|территории) |(?: на (?:территории|севере|юге|востоке|западе))? (?:в|во) )$|, (?:входящ\w+|входивш\w+) в (?:состав )?$|, подчин[её]нн\w+ $",
    re.IGNORECASE,
)
# Russian: an apposition between commas of up to five words before the next name ("A, административный центр B")
_RU_HEAD_APPOSITION = re.compile(r"^, ((?:[\w-]+ ){1,5})$")
# a capitalised word right after a name ("Dongning Green Food Export Base")
_EN_CAPITALISED_AFTER = re.compile(r" [A-Z][a-z]+")
# a port noun right after a city's name: "the Dongning and Suifenhe ports"
_EN_PORT_NOUN = re.compile(r"\s+(?:ports?|border crossings?|checkpoints?)\b(?! of\b)", re.IGNORECASE)
# Russian: an adjective and a head noun right before a quoted name («деревообрабатывающий комбинат «»)
_RU_ADJECTIVE_HEAD_QUOTE = re.compile(r"(\w+)\s+(\w+)\s+«$")
# Russian: a personal pronoun and the word after it («его построила»)
_RU_PRONOUN_BEFORE_WORD = re.compile(r"(?<![\w-])([Ее]го|[Ее]ё|[Ее]е)\s+(\w+)")
# a sentence opening with participles and "by" ("Built by", "Financed and operated jointly by")
_EN_FRONTED_PARTICIPLE = re.compile(r"\s*[A-Z][a-z]+(?:\s+(?:and|or)\s+[a-z]+)*(?:\s+[a-z]+ly)?\s+by\s+(?:the\s+)?")
# participles joined by "and"/"or"/commas right before "by" and the name: "built and operated by (the) X"
_EN_BY_AGENT = re.compile(
    r"\b(?P<verbs>[a-z]+(?:(?:,\s*|,?\s+(?:and|or)\s+)[a-z]+)*)(?:\s+[a-z]+ly)?\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _en_clause_after_apposition(language: str, after_comma: bool, tokens: list[str]) -> bool:
    """English: words of a clause after an apposition ("from Harbin, now runs daily convoys to B")
    are no frame; only the frame's closing word may follow the comma ("from A, the capital, to B")."""
    return language == "en" and after_comma and len(tokens) > 1


def _locative(surface: str) -> bool:
    """Russian: can the name be in a case of place (в + locative, на территории + genitive)?"""
    words = surface.split()
    if not words:
        return False
    if len(words) > 1 and words[0].islower():  # "в провинцию Ляонин": the common head noun's case says it
        return bool(_cases(words[0]) & {"loct", "loc2", "gent"})
    cases = _cases(words[-1]) | _cases(words[0])
    return bool(cases & {"loct", "loc2", "gent"})


@lru_cache(maxsize=65536)
def _cases(word: str) -> frozenset[str]:
    """The cases a Russian word can be in, its rare readings left out (порт is no locative)."""
    parses = analyzer().parse(word.lower())
    top = max((p.score for p in parses), default=0.0)
    return frozenset(str(p.tag.case) for p in parses if p.tag.case and p.score >= 0.1 * top)


@lru_cache(maxsize=65536)
def _word_kinds(word: str) -> frozenset[str]:
    """What a relation word is, for `agent_cases`: "verb" (finite or infinitive, active), "passive"
    (a passive participle or a reflexive verb: построен, реализуется) or "noun" (участие)."""
    kinds = set()
    for parse in analyzer().parse(word):
        pos = parse.tag.POS
        if pos in ("PRTS", "PRTF") and "pssv" in parse.tag or pos in ("VERB", "INFN") and word.endswith(("ся", "сь")):
            kinds.add("passive")
        elif pos in ("VERB", "INFN"):
            kinds.add("verb")
        elif pos == "NOUN":
            kinds.add("noun")
    return frozenset(kinds)


# Russian prepositions that may open a clause about their name ("В Харбине открылась …", "На
# территории зоны работают …", "По программе «…» выделено …"): the name is still the clause's topic.
_RU_PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "по"})


_RU_ORIGIN_PREPOSITIONS = frozenset({"из", "от", "через", "к", "ко", "до"})


def interposed(text: str, mention: Mention, before: int, mentions: list[Mention], connectors: Iterable[str]) -> bool:
    """Does the name stand inside a phrase set off by commas right after another name, the phrase
    closing before `before` ("Amur Oblast, which borders Heilongjiang, sent …", "Находка, крупнейший
    порт Приморского края, займётся …")? Such a phrase (apposition, relative or participial) only
    says more about the name before it, which is the one the later verb is about. A list ("A, B and
    C") is not such a phrase: its member opens the stretch, or a connector does."""
    closing = text.find(",", mention.end, before)
    if closing < 0:
        return False
    opening = text.rfind(",", max(0, mention.start - 80), mention.start)
    if opening < 0 or any(c in text[opening : mention.start] for c in ".;!?"):
        return False
    words = _TOKEN.findall(text[opening + 1 : mention.start])
    if not words or fold(words[0]) in connectors:
        return False
    head = [m for m in mentions if m.end <= opening and not text[m.end : opening].strip(' »"”)')]
    return bool(head) and head[-1].entity != mention.entity


def _ru_in_participle_phrase(text: str, subject: Mention, obj: Mention) -> bool:
    """Russian: does the name stand in a participial phrase between commas before the object
    ("…, созданный в Уссурийске, …", "…, расположенной в провинции B, …")?"""
    comma = text.rfind(",", max(0, subject.start - 60), subject.start)
    if comma < 0 or "," not in text[subject.end : obj.start]:
        return False
    words = _TOKEN.findall(text[comma + 1 : subject.start])
    return bool(words) and any(p.tag.POS == "PRTF" for p in analyzer().parse(words[0].lower()))


def _ru_noun_of_a_name(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Russian: is the bare noun of place at start:end ("края", "область") part of a name rather
    than a word standing for the region named before? It is when a name follows it at once
    ("провинцией Хэйлунцзян"), when an adjective or a capitalised word stands before it
    ("Иркутской области", "приграничные области"), or after «в» for «области» ("в области
    энергетики", 'in the field of')."""
    after = text[end : end + 2]
    if any(m.start >= end and not text[end : m.start].strip() for m in mentions) or after[:1] in ("»", "-"):
        return True
    before = _TOKEN.findall(text[max(0, start - 40) : start])
    if not before:
        return False
    previous = before[-1]
    known = any(m.start < start and text[m.end : start].strip() in ("", ",") for m in mentions)
    if previous[:1].isupper() and not known and text[max(0, start - 40) : start].rstrip()[-1:] not in ".!?":
        return True  # "… Тулунского края": an unknown name's noun
    if previous.lower() in ("в", "во") and text[start:end].lower().startswith("област"):
        return True
    return any(p.tag.POS in ("ADJF", "PRTF") for p in analyzer().parse(previous.lower())[:1])


def _ru_origin(text: str, mention: Mention) -> bool:
    """Russian: is the name governed by a preposition of origin, way or goal ("из провинции B",
    "через порт B", "до города B")? A name so governed is never the doer."""
    before = text[max(0, mention.start - 40) : mention.start].rstrip()
    words = _TOKEN.findall(before)
    if before.endswith(("«", '"', "“")) and words:
        words = words[:-1]
    return bool(words) and words[-1].lower() in _RU_ORIGIN_PREPOSITIONS


def _ru_after_preposition(text: str, mention: Mention) -> bool:
    """Russian: is the name (or the head noun before its quoted name) governed by a preposition
    other than в/на ("через порт …", "из провинции …", "для компании «…»")?"""
    before = text[max(0, mention.start - 40) : mention.start].rstrip()
    words = _TOKEN.findall(before)
    if before.endswith(("«", '"', "“")) and words:
        words = words[:-1]  # past the head noun: "для компании «…»"
    if not words:
        return False
    word = words[-1].lower()
    if word in _RU_PLACE_PREPOSITIONS:
        return False
    return any(parse.tag.POS == "PREP" for parse in analyzer().parse(word))


def _ru_without_adjectives(gap: str, heads: Words) -> str:
    """The words between two names of a Russian list without what stands before the second name's
    head: its adjectives, and the head noun of a quoted name ("» и харбинская корпорация «" → "и")
    or a head noun of places (`anaphora`: "и город" before Харбин): a connector followed by them
    still lists the two."""
    quoted = gap.rstrip().endswith(("«", '"', "“"))
    words = gap.strip(' «»"“”').split()
    if not words or any(not w.isalpha() for w in words[1:]):
        return gap
    rest = words[1:]
    if len(words) > 1 and set(lemmas(words[-1].lower())) & {p[0] for p in heads.phrases if len(p) == 1}:
        rest = words[1:-1]  # "и город Харбин"
    elif quoted and len(words) > 1:
        if not any(p.tag.POS == "NOUN" for p in analyzer().parse(words[-1].lower())):
            return gap
        rest = words[1:-1]
    if all(any(p.tag.POS == "ADJF" for p in analyzer().parse(w.lower())) for w in rest):
        return words[0]
    return gap


@lru_cache(maxsize=64)
def _extra_rows(language: str, predicate: str) -> tuple[tuple[str, str], ...]:
    """`allowed_extra` of clause_words/<language>.yaml: rows of the family table this language adds,
    read only for a name whose head noun is a facility's."""
    rows = ((_raw().get("allowed_extra") or {}).get(language) or {}).get(predicate, [])
    return tuple((s, o) for s, o in rows)


@lru_cache(maxsize=8)
def _action_words(language: str) -> frozenset[str]:
    """`action_chain` of clause_words/<language>.yaml: the nouns of a work on something and the
    prepositions that lead from a relation noun to its owner («кредит на модернизацию оборудования завода»)."""
    return frozenset((_raw().get("action_chain") or {}).get(language) or [])


def _action_chain(language: str, words: list[str]) -> bool:
    """Are all the words (and at least one) of the language's `action_chain`, by any lemma?"""
    chain = _action_words(language)
    return bool(words) and all((set(lemmas(w.lower())) | {w.lower()}) & chain for w in words)


def _ru_passive_at(text: str, at: int) -> bool:
    """Russian: is the word at `at` a passive (реализован, построен): it governs no place after it."""
    word = _TOKEN.match(text, at)
    return word is not None and "passive" in _word_kinds(word.group().lower())


def _ru_verb_and_object(gap: str, located: Words) -> bool:
    """Russian: do the words between a name and "в B" hold a verb with a noun object of its own
    ("построила завод в", "открыла представительство в")? Then B is where that object is. A verb
    of location ("находится промышленный парк «…»") is no such verb."""
    words = [w.lower() for w in _TOKEN.findall(gap)]
    stems = tuple(p[0].rstrip("*") for p in located.phrases if len(p) == 1 and p[0].endswith("*"))
    kinds = [{p.tag.POS for p in analyzer().parse(w)[:1]} for w in words]
    verb = next(
        (
            i
            for i, k in enumerate(kinds)
            if k & {"VERB", "INFN"} and not words[i].startswith(stems) and "быть" not in lemmas(words[i])
        ),
        None,
    )  # "будет реализован на территории B": the auxiliary is no verb with an object
    return verb is not None and any("NOUN" in k for k in kinds[verb + 1 :])


def _governing_word(text: str, mention: Mention) -> str:
    """The word whose case says a name's role: the noun right before a quoted name (компания
    «Y», корпорации «Y»), else the name's own first word."""
    before = text[max(0, mention.start - 40) : mention.start]
    if before.endswith(("«", '"', "“")):
        words = _TOKEN.findall(before)
        if words:
            return words[-1]
    own = _TOKEN.findall(mention.surface)
    return own[0] if own else mention.surface


def _opens_with_partner(linked: LinkedText, lex: Lexicon, start: int, first: int) -> bool:
    """Is the text from a clause's start to its first party only a partner marker, with at most a
    country before that party ("与俄罗斯外贝加尔边疆区…")?"""
    return _gap_without_names(linked, start, first) in lex.partner_before


def _gap_without_names(linked: LinkedText, start: int, end: int) -> str:
    """The folded text between two offsets with the names in it left out (与俄罗斯 → 与)."""
    gap = fold(linked.text[start:end])
    for mention in linked.mentions:
        if start <= mention.start and mention.end <= end:
            gap = gap.replace(fold(mention.surface), "")
    return gap.strip()


def partner_clause_read(linked: LinkedText, cue: int) -> bool:
    """Does the clause around the cue open with a partner marker and leave its subject to the topic
    (`partner_clause_topic`): the clause reader takes that adjacency, not the two nearest names."""
    lex = lexicon(linked.language)
    if lex is None or "adjoins" not in lex.partner_clause_topic:
        return False
    span = next((s for s in linked.sentences if s.start <= cue < s.end), None)
    if span is None:
        return False
    breaks = [m.end() for m in lex.clause_breaks.finditer(linked.text, span.start, cue)]
    start = breaks[-1] if breaks else span.start
    first = next((m.start for m in linked.mentions if start <= m.start < cue), None)
    return first is not None and _opens_with_partner(linked, lex, start, first)


def partners_not_counterparts(linked: LinkedText, first: Mention, second: Mention) -> bool:
    """Two places joined by a connector that marks a partner, in a clause with a word of cooperation
    or signing ("绥芬河市与波格拉尼奇内区签署了…"): partners, not counterparts (`partner_connectors`)."""
    lex = lexicon(linked.language)
    if lex is None or not lex.partner_connectors:
        return False
    if _gap_without_names(linked, first.end, second.start) not in lex.partner_connectors:
        return False
    span = linked.sentences[second.sentence]
    stop = lex.clause_breaks.search(linked.text, second.end, span.end)
    clause = Clause(linked.text, span.start, stop.start() if stop else span.end, [], linked.language)
    if linked.language == "ru" and lex.relation_words["connects"].find(clause):
        return True  # "она свяжет A с B": the ends of a link
    if lex.partner_predicates:  # Japanese: only signing, and only the pair as subject (AとBは…署名した)
        after = fold(linked.text[second.end : second.end + 3]).lstrip("、, ")
        if lex.partner_subject_after and not after.startswith(lex.partner_subject_after):
            return False
        return any(lex.relation_words[p].find(clause) for p in lex.partner_predicates if p in lex.relation_words)
    return bool(lex.relation_words["cooperatesWith"].find(clause) or lex.relation_words["signs"].find(clause))


def faced_not_adjoining(linked: LinkedText, cue: int, ends: Iterable[tuple[str, Mention]]) -> bool:
    """Chinese: is the cue of adjacency at `cue` a word of facing (`facing`) said of two
    places (class, mention) none of which is a country (the clause reader gives them as counterparts),
    or of a river they face each other across (隔乌苏里江相望)?"""
    lex = lexicon(linked.language)
    if lex is None or linked.language != "zh":
        return False  # Japanese facing sentences keep the pattern's adjoins (tests/test_extract.py pins it)
    span = next((s for s in linked.sentences if s.start <= cue < s.end), None)
    if span is None or not lex.facing.find(Clause(linked.text, span.start, span.end, [], linked.language)):
        return False
    text = linked.text
    for cls, mention in ends:
        if cls == "GeoFeature" and (text[max(0, mention.start - 1) : mention.start] == "隔"):
            return True
    return all(cls not in ("Country", "GeoFeature") for cls, _ in ends)


_ZH_BUILD = "建设"
_JA_COST = re.compile(r"(?:建設|整備|開発)(?:費|資金|コスト)")
_ZH_DEMONSTRATIVE = re.compile(r"[\s（(0-9.、]*(?:该|此|这一?)[\u4e00-\u9fff]")


def negated_clauses(linked: LinkedText, index: int) -> list[tuple[int, int]]:
    """The spans of the negated clauses of one sentence ("No bridge between A and B has been
    built"), read with the words of the sentence's own language, for rules outside this module."""
    span = linked.sentences[index]
    language = _script_language(linked.text[span.start : span.end], linked.language)
    lex = lexicon(language) or lexicon(linked.language)
    if lex is None:
        return []
    mentions = [m for m in linked.mentions if m.sentence == index]
    spans = []
    for clause in _clauses(linked, index, mentions, lex, language):
        found = set(lex.negation.find(clause))
        if found and found - set(lex.negation_exceptions.find(clause)):
            spans.append((clause.start, clause.end))
    return spans


def extract_clauses(linked: LinkedText, catalog: Catalog, skip: Iterable[int] = ()) -> list[Relation]:
    """Every clause-level relation of a linked document (sentences in `skip` are table rows)."""
    lex = lexicon(linked.language)
    if lex is None:
        return []
    return ClauseReader(linked, catalog, lex).read(set(skip))


def iter_predicates() -> Iterator[str]:
    """The predicates the clause data can give."""
    raw = _raw()
    yield from sorted(set(raw["allowed"]) | set(PAIR_PREDICATES) | {"locatedIn"})
