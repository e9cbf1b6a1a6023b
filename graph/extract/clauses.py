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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from amurkg.corpus.catalog import Catalog
from amurkg.extract import Relation
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import fold, fold_text
from amurkg.text.russian import analyzer

DATA_FILE = Path(__file__).with_name("clauses.yaml")
CJK = frozenset({"zh", "ja"})
PAIR_PREDICATES = ("counterpartOf", "cooperatesWith")
LIST_SEPARATORS = frozenset(
    {"、", ",", "，", "и", "and", "和", "及", "与", "·", "/", "・", "と", "及び", "а также", "as well as"}
)
_TOKEN = re.compile(r"[\w'’-]+")
_BRACKETS = re.compile(r"[(（\[][^()（）\[\]]*[)）\]]")
BLANK = "\u25a1"


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
        for index in range(len(tokens)):
            for parts in self.phrases:
                if index + len(parts) <= len(tokens) and all(
                    _token_matches(tokens[index + k], part) for k, part in enumerate(parts)
                ):
                    found.append(tokens[index].start)
                    break
        return found


@dataclass(frozen=True)
class Token:
    start: int
    text: str  # lower case
    lemma: str


def _token_matches(token: Token, word: str) -> bool:
    if word.endswith("*"):
        return token.text.startswith(word[:-1]) or token.lemma.startswith(word[:-1])
    return token.text == word or token.lemma == word


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
    located: Words
    planned: Words
    negation: Words
    negation_exceptions: Words
    anaphora: Words
    topic_markers: tuple[str, ...]
    clause_breaks: re.Pattern

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
        rank=dict(raw["place_rank"]),
        allowed={p: tuple((s, o) for s, o in rows) for p, rows in raw["allowed"].items()},
        relation_words={p: _words(language, w.get(language, [])) for p, w in raw["relation_words"].items()},
        connectors=frozenset(fold(c).strip() or c for c in per("connectors")),
        frames=tuple((fold(a), fold(b)) for a, b in raw["frames"].get(language, [])),
        compound_gaps=frozenset(per("compound_gaps")),
        located=_words(language, per("located_words")),
        planned=_words(language, per("planned")),
        negation=_words(language, per("negation")),
        negation_exceptions=_words(language, per("negation_exceptions")),
        anaphora=_words(language, per("anaphora")),
        topic_markers=tuple(fold(t) for t in per("topic_markers")),
        clause_breaks=re.compile("|".join(per("clause_breaks")) or r"(?!)"),
    )


@lru_cache(maxsize=1)
def _raw() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    return analyzer().parse(word)[0].normal_form


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
                Token(start + m.start(), m.group().lower(), _lemma(m.group().lower()) if russian else m.group().lower())
                for m in _TOKEN.finditer(blanked)
                if BLANK not in m.group()
            ]

    def offset(self, position: int) -> int:
        return self.start + self._starts[position]


def _clauses(linked: LinkedText, index: int, mentions: list[Mention], lex: Lexicon) -> list[Clause]:
    span = linked.sentences[index]
    text = linked.text
    sentence = text[span.start : span.end]
    cuts = [span.start]
    for match in lex.clause_breaks.finditer(sentence):
        cut = span.start + match.end()
        # never cut inside a name
        if all(not (m.start < cut < m.end) for m in mentions) and cut > cuts[-1]:
            cuts.append(cut)
    cuts.append(span.end)
    clauses = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            clauses.append(Clause(text, a, b, [m for m in mentions if a <= m.start and m.end <= b], linked.language))
    return clauses


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
        self.relations: list[Relation] = []

    def cls(self, mention: Mention) -> str:
        return self.catalog[mention.entity].cls if mention.entity in self.catalog else ""

    def fam(self, mention: Mention) -> frozenset[str]:
        return self.lex.family(self.cls(mention))

    # -- the document

    def read(self, skip: set[int]) -> list[Relation]:
        linked = self.linked
        by_sentence: dict[int, list[Mention]] = {}
        for mention in linked.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        heading: Topic | None = None
        topic: Topic | None = None
        previous_end = 0
        for index, span in enumerate(linked.sentences):
            gap = linked.text[previous_end : span.start]
            previous_end = span.end
            if self._paragraph_break(gap):
                topic = heading
            if index in skip:
                continue
            mentions = by_sentence.get(index, [])
            if self._is_heading(index):
                holder = next((m for m in mentions if self.fam(m) & {"holder", "actor"}), None)
                if holder is not None:
                    heading = topic = Topic(holder, "heading")
                self._compounds(mentions)
                continue
            for clause in _clauses(linked, index, mentions, self.lex):
                topic = self._read_clause(clause, topic)
        return self.relations

    def _paragraph_break(self, gap: str) -> bool:
        return gap.count("\n") >= (1 if self.linked.language in CJK else 2)

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
        own_topic = self._clause_topic(clause)
        if own_topic is not None and not self._is_anaphoric(clause):
            topic = Topic(own_topic, "topic")
        if self._negated(clause):
            return topic
        modality = "planned" if lex.planned.find(clause) else "stated"
        cues = {p: words.find(clause) for p, words in lex.relation_words.items()}
        cues = {p: found for p, found in cues.items() if found}
        if cues:
            self._pairs(clause, cues, modality)
            self._governed(clause, cues, topic, modality)
        self._located(clause, modality)
        return topic

    def _negated(self, clause: Clause) -> bool:
        found = set(self.lex.negation.find(clause))
        if not found:
            return False
        return bool(found - set(self.lex.negation_exceptions.find(clause)))

    def _is_anaphoric(self, clause: Clause) -> bool:
        return any(at - clause.start < 12 for at in self.lex.anaphora.find(clause))

    def _clause_topic(self, clause: Clause) -> Mention | None:
        """The clause's own subject: its first holder or actor when that opens the clause (or is
        marked as a topic, ハルビンは)."""
        text = self.linked.text
        for mention in clause.mentions:
            if not self.fam(mention) & {"holder", "actor", "project", "program", "infrastructure"}:
                continue
            after = fold(text[mention.end : mention.end + 4])
            if self.lex.topic_markers and any(after.startswith(t) for t in self.lex.topic_markers):
                return mention
            head = text[clause.start : mention.start]
            if len(head) <= max(6, (clause.end - clause.start) // 4):
                return mention
            return None
        return None

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
        return any(a in s and b in o for a, b in self.lex.allowed.get(predicate, ()))

    def _governed(self, clause: Clause, cues: dict[str, list[int]], topic: Topic | None, modality: str) -> None:
        """A relation word and two ends whose classes fit: subject before, after, or carried."""
        mentions = clause.mentions
        for position, obj in enumerate(mentions):
            best: tuple[int, str] | None = None
            for predicate, found in cues.items():
                if predicate not in self.lex.allowed:
                    continue
                if not any(b in self.fam(obj) for _, b in self.lex.allowed[predicate]):
                    continue
                distance = min(abs(at - obj.start) for at in found)
                if best is None or distance < best[0]:
                    # only predicates with a fitting subject somewhere compete
                    if any(self._fits(predicate, m, obj) for m in mentions if m.entity != obj.entity) or (
                        topic is not None and self._fits(predicate, topic.mention, obj)
                    ):
                        best = (distance, predicate)
            if best is None:
                continue
            predicate = best[1]
            before = [m for m in mentions[:position] if m.entity != obj.entity and self._fits(predicate, m, obj)]
            after = [m for m in mentions[position + 1 :] if m.entity != obj.entity and self._fits(predicate, m, obj)]
            if before:
                subject, rule = before[-1], "clause"
            elif after:
                subject, rule = after[0], "object-first"
            elif topic is not None and self._fits(predicate, topic.mention, obj) and topic.mention.entity != obj.entity:
                self._emit(
                    topic.mention.entity,
                    predicate,
                    obj.entity,
                    min(topic.mention.start, clause.start),
                    clause.end,
                    topic.rule,
                    modality,
                )
                continue
            else:
                continue
            for member in self._list_of(subject, mentions):
                if self._fits(predicate, member, obj):
                    self._emit(member.entity, predicate, obj.entity, clause.start, clause.end, rule, modality)

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
        gap = fold(self.linked.text[a.end : b.start]).strip(" ,")
        gap = gap.strip()
        return (gap in LIST_SEPARATORS or gap == "") and bool(self.fam(b) & family & {"holder", "actor", "industry"})

    def _pairs(self, clause: Clause, cues: dict[str, list[int]], modality: str) -> None:
        """Two parties joined by a connector or a frame, with brackets and appositions between them
        set aside: counterpartOf (cross-border cities, ports, zones), cooperatesWith (actors)."""
        mentions = clause.mentions
        for i, first in enumerate(mentions):
            for second in mentions[i + 1 : i + 4]:
                if first.entity == second.entity or self._nested(first, second):
                    continue
                rule = self._joined(clause, first, second)
                if rule is None:
                    continue
                fa, fb = self.fam(first), self.fam(second)
                ca, cb = self.catalog_country(first), self.catalog_country(second)
                cross = ca is not None and cb is not None and ca != cb
                if "pairable" in fa and "pairable" in fb and cross:
                    self._emit(first.entity, "counterpartOf", second.entity, clause.start, clause.end, rule, modality)
                elif (
                    "actor" in fa and "actor" in fb and "cooperatesWith" in cues and (cross or ca is None or cb is None)
                ):
                    self._emit(first.entity, "cooperatesWith", second.entity, clause.start, clause.end, rule, modality)
                break

    def catalog_country(self, mention: Mention) -> str | None:
        return self.catalog.country_of(mention.entity) if mention.entity in self.catalog else None

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
        words = _BRACKETS.sub(" ", gap)
        folded = fold(words).strip()
        if self.linked.language not in CJK:
            # an apposition between commas: "Manzhouli, the largest land port on the border, and"
            if "," in folded:
                folded = folded.rsplit(",", 1)[1].strip()
            tokens = folded.split()
            if len(tokens) > 4:
                return None
            last = tokens[-1] if tokens else ""
            if last in self.lex.connectors or folded in self.lex.connectors:
                return "pair" if len(tokens) <= 1 else "pair-apposition"
            for opening, closing in self.lex.frames:
                if last == closing or folded.endswith(" " + closing) or folded == closing:
                    head = fold(text[clause.start : first.start]).rstrip()
                    if head.endswith(opening) or re.search(rf"\b{re.escape(opening)}\b[^,;]{{0,40}}$", head):
                        return "frame"
            return None
        folded = folded.replace(" ", "")
        if len(folded) > 12 or any(c in folded for c in "，,。；;"):
            return None
        if folded in self.lex.connectors:
            return "pair"
        if any(folded.endswith(c) for c in self.lex.connectors) and len(folded) <= 6:
            return "pair-apposition"
        head = fold(text[max(clause.start, first.start - 12) : first.start])
        for opening, closing in self.lex.frames:
            if head.endswith(opening) and (
                folded.endswith(closing) or fold(text[second.end : second.end + 3]).startswith(closing)
            ):
                return "frame"
        return None

    def _compounds(self, mentions: list[Mention]) -> None:
        """Adjacent names, one a larger place: the text states where the other lies."""
        text = self.linked.text
        for a, b in zip(mentions, mentions[1:]):
            gap = text[a.end : b.start]
            if gap not in self.lex.compound_gaps:
                continue
            self._place_in_place(
                a,
                b,
                a.start,
                b.end + (1 if gap.endswith("(") and text[b.end : b.end + 1] in ")）" else 0),
                "compound",
                "stated",
            )

    def _place_in_place(self, a: Mention, b: Mention, start: int, end: int, rule: str, modality: str) -> None:
        rank_a, rank_b = self.lex.rank.get(self.cls(a)), self.lex.rank.get(self.cls(b))
        if rank_a is None or rank_b is None or rank_a == rank_b or min(rank_a, rank_b) == 0:
            return
        inner, outer = (a, b) if rank_a < rank_b else (b, a)
        if inner.entity not in self.catalog:
            return
        known = self.catalog[inner.entity].located_in
        if known and outer.entity not in self.catalog.ancestors(inner.entity):
            return  # the catalog places it elsewhere: a list, not a compound
        self._emit(inner.entity, "locatedIn", outer.entity, start, end, rule, modality)

    def _located(self, clause: Clause, modality: str) -> None:
        """ "A in B", "A 位于 B": a place in a larger place, the located word alone between them."""
        found = self.lex.located.find(clause)
        if not found:
            return
        text = self.linked.text
        for a, b in zip(clause.mentions, clause.mentions[1:]):
            if not any(a.end <= at < b.start for at in found):
                continue
            gap = text[a.end : b.start].strip()
            if len(gap) > 24 or any(c in gap for c in ",，、;；"):
                continue
            self._place_in_place(a, b, a.start, b.end, "located", modality)


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
