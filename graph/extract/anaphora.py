"""Definite head nouns that name an entity of an earlier sentence ("Финансирование проекта …",
"Резиденты ТОР …", "Нефтепровод соединяет …" after «Восток — Дацин»): the noun is the head word of
the antecedent's name (the words of the mention, or the words before a quoted name: ТОР «X»,
нефтепровод «Y», and their initials: территория опережающего развития «X» → ТОР), and it refers to the latest entity named with that head within a few sentences.
The nouns per language are `head_anaphora` of clauses.yaml; words before them that make the noun
indefinite (новый проект, другой мост) are `head_anaphora_not_after`. Russian only for now: words
are compared by their pymorphy3 lemmas."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from amurkg.extract.facilities import head_nouns
from amurkg.text.link import LinkedText, Mention
from amurkg.text.russian import analyzer, lemmas

_WORD = re.compile(r"[\w-]+")
REACH = 4  # sentences back an antecedent may stand
QUOTES = ("«", '"', "“")


def _lemmas(word: str) -> frozenset[str]:
    return lemmas(word) | {word.lower()}


@lru_cache(maxsize=65536)
def _plural_only(word: str) -> bool:
    """Is the word surely plural (проекты, зоны): then it names no single antecedent."""
    numbers = {p.tag.number for p in analyzer().parse(word.lower()) if p.tag.POS == "NOUN"}
    return bool(numbers) and "sing" not in numbers


@lru_cache(maxsize=8)
def _generic(language: str) -> frozenset[str]:
    from amurkg.extract.clauses import _raw  # the clause data (clauses imports this module)

    return frozenset((_raw().get("head_anaphora_generic") or {}).get(language) or [])


@lru_cache(maxsize=65536)
def _genitive_noun(word: str) -> bool:
    """Is the word surely a noun in the genitive (освоения, строительства), no verb or adjective?"""
    parses = analyzer().parse(word.lower())
    return bool(parses) and all(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses[:1])


@dataclass
class HeadAnaphora:
    """The antecedents seen so far in one document, and the anaphors of each new sentence."""

    linked: LinkedText
    nouns: frozenset[str]
    not_after: frozenset[str]
    seen: list[tuple[Mention, frozenset[str]]] = field(default_factory=list)
    generic: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # the heads of facilities.yaml take up a named facility too (комплекс «X» … Комплекс займётся …)
        self.nouns = self.nouns | head_nouns(self.linked.language)
        self.generic = _generic(self.linked.language)
        self.nouns = self.nouns | self.generic

    def _generic_antecedent(self, index: int, word: str, end: int) -> Mention | None:
        """A generic noun («проект», «объект»: `head_anaphora_generic` of the language's clause words)
        takes up the latest named facility or project (any head of facilities.yaml, or проект), unless a
        genitive noun of its own follows («проект освоения месторождения»)."""
        if not _lemmas(word) & self.generic:
            return None
        following = _WORD.match(self.linked.text, end + 1) if self.linked.text[end : end + 1] == " " else None
        if following is not None and following.group().islower() and _genitive_noun(following.group()):
            return None
        takes = head_nouns(self.linked.language) | self.generic | {"проект"}
        return next(
            (m for m, heads in reversed(self.seen) if heads & takes and index - m.sentence <= REACH),
            None,
        )

    def heads(self, mention: Mention) -> frozenset[str]:
        """The head words a later noun may take up: lemmas of the name's words and, for a quoted
        name, of the three words before the quote."""
        words = _WORD.findall(mention.surface)
        before = self.linked.text[max(0, mention.start - 60) : mention.start]
        initials: set[str] = set()
        if before.rstrip().endswith(QUOTES):
            head = _WORD.findall(before)[-3:]
            # the head may stand further back: зону приграничного экономического сотрудничества «X»
            # (not past a name before: … терминал» реализует компания «Y»)
            words += _WORD.findall(re.split(r"[»”.,;:]", before.rstrip()[:-1])[-1])[-5:]
            # the abbreviation of the words before the quote: территория опережающего развития → ТОР
            initials = {"".join(w[0] for w in head[-size:]).lower() for size in (2, 3) if len(head) >= size}
        found = frozenset(initials).union(*(_lemmas(w) for w in words)) if words else frozenset()
        return found & self.nouns

    def resolve(self, index: int, mentions: list[Mention]) -> list[Mention]:
        """The sentence's mentions with its anaphors added (as mentions of their antecedents); the
        sentence's own names then become antecedents for the next ones."""
        span = self.linked.sentences[index]
        text = self.linked.text
        added: list[Mention] = []
        for match in _WORD.finditer(text, span.start, span.end):
            start, end = match.start(), match.end()
            word = match.group()
            lemmas = _lemmas(word) & self.nouns
            if not lemmas or any(m.start < end and start < m.end for m in mentions):
                continue
            if not word.isupper() and _plural_only(word):
                continue
            after = text[end : end + 3].lstrip()
            if after.startswith(QUOTES) or any(0 <= m.start - end <= 2 for m in mentions):
                continue  # the head of a name of its own (проект «…», порт Находка)
            previous = _WORD.findall(text[max(span.start, start - 30) : start])
            if previous and _lemmas(previous[-1]) & self.not_after:
                continue
            antecedent = next(
                (m for m, heads in reversed(self.seen) if heads & lemmas and index - m.sentence <= REACH),
                None,
            )
            if antecedent is None:
                antecedent = self._generic_antecedent(index, word, end)
            if antecedent is not None:
                added.append(Mention(antecedent.entity, antecedent.document, start, end, word, index))
        self.seen.extend((m, self.heads(m)) for m in mentions)
        self.seen = [(m, h) for m, h in self.seen if h]
        return sorted([*mentions, *added], key=lambda m: (m.start, m.end))
