"""Figures stated in running text — amounts, volumes, areas, lengths, counts — as observations.

A figure is a number in the language's conventions ("3,3 млрд", "2.5万亿", "数十億", "over 200"),
its scale, its unit or currency (normalised: ISO 4217, UN/CEFACT codes in base units), and any
approximation marker. The observation adds what it measures (the nearest cue of an indicator of
`indicators.yaml` of the figure's kind), what it is about (the entity or pair its clause names),
when (a year, a range, "by 2018"), and whether it is stated or planned. All language rules are
data (`figures.yaml`, `indicators.yaml`); nothing here names a place or a sentence.

A figure needs a unit, a currency or a counted noun: a year, a page number, a reference or an
ordinal (第七届, № 3) is never one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from amurkg.corpus.catalog import Catalog
from amurkg.extract.cues import is_connector
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import FoldedText, fold, fold_text
from amurkg.text.sentences import Sentence
from amurkg.yamlio import load_data

RULES_FILE = Path(__file__).with_name("figures.yaml")
INDICATORS_FILE = Path(__file__).with_name("indicators.yaml")

#: Classes a figure can be about (industries and models are what a figure measures, not whom).
SUBJECT_CLASSES = frozenset(
    {"Country", "Region", "City", "Port", "Park", "Corridor", "Program", "Project", "Organization", "GeoFeature"}
)
#: When no cue names what a money, area or length figure measures, it is this indicator.
DEFAULT_INDICATOR = {"money": "amount", "area": "area", "length": "length"}
CJK_LANGUAGES = frozenset({"zh", "ja"})

_LETTER = r"[^\W\d_]"
_ARABIC = r"\d+(?:[.,]\d+)*"
_CJK_DIGITS = "〇零一二两三四五六七八九"
_CJK_NUMBER = rf"[{_CJK_DIGITS}十][{_CJK_DIGITS}十百千]*"
_CJK_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_RANGE = r"\s?[-~至到]\s?"
_CLAUSE_END = re.compile(r"[;；，。!?！？]|,(?=\s)|(?<!\d),|,(?!\d)|:(?=\s)|：")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MARKER_DIGITS = re.compile("[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3251-\u32bf]")
#: Figures of these kinds are states (an area, a length), not flows: they take a year only from
#: their own sentence, never one carried from the sentence before.
STATE_KINDS = frozenset({"area", "length"})


@dataclass(frozen=True, order=True)
class Observation:
    """One figure a document states, with what it measures, whom it is about and when.

    `value` (and `upper` for a range) is a decimal in base units: currency units for money
    (`currency`), else the unit `unit` (TNE, MTQ, MTK, MTR, C62). `start`/`end` slice the figure,
    `quote_start`/`quote_end` the sentence that states it, in the original text.
    """

    document: str
    start: int
    end: int
    surface: str
    value: str
    upper: str
    unit: str
    currency: str
    kind: str
    approximation: str
    indicator: str
    about: tuple[str, ...]
    period_start: int  # 0 = open or unknown
    period_end: int
    modality: str  # stated | planned
    quote_start: int
    quote_end: int
    quote: str


@dataclass(frozen=True)
class Indicator:
    id: str
    kinds: tuple[str, ...]
    labels: dict[str, str]
    definition: str
    cues: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class _Unit:
    code: str
    kind: str
    factor: Decimal


class _Words:
    """A list of folded words as one regex, longest first; `~` = any further letters."""

    def __init__(self, words: list[str] | tuple[str, ...], cjk: bool):
        self.pattern = re.compile("|".join(_word_regex(w, cjk) for w in sorted(words, key=len, reverse=True)) or "(?!)")

    def at(self, text: str, position: int) -> re.Match[str] | None:
        return self.pattern.match(text, position)

    def ending_at(self, text: str) -> re.Match[str] | None:
        """The word the text ends with (a space after it allowed)."""
        found = None
        for match in self.pattern.finditer(text):
            if text[match.end() :].strip() == "":
                found = match
        return found


def _word_regex(word: str, cjk: bool) -> str:
    stem = word.endswith("~")
    folded = fold(word.rstrip("~")) or word.rstrip("~")
    body = re.escape(folded).replace(r"\ ", r"\s?").replace(r"\~", rf"{_LETTER}*")
    if cjk and not re.match(r"[a-z$#]", folded):
        return body
    start = rf"(?<!{_LETTER})" if folded[0].isalpha() else ""
    if stem:
        return start + body + rf"{_LETTER}*"
    return start + body + (rf"(?!{_LETTER})" if folded[-1].isalpha() else "")


class Language:
    """The compiled rules of one language."""

    def __init__(self, code: str, raw: dict[str, Any], units: list[dict[str, Any]]):
        cjk = code in CJK_LANGUAGES
        self.code = code
        self.cjk = cjk
        self.decimal = raw.get("decimal", ".")
        self.number_words = {fold(w): int(v) for w, v in (raw.get("words") or {}).items()}
        self.scale_words = _Words(list(raw.get("scales") or {}), cjk)
        self._scale_of = [(re.compile(_word_regex(w, cjk)), Decimal(str(v))) for w, v in raw["scales"].items()]
        self.before = _marker_table(raw.get("before") or {}, cjk)
        self.after = _marker_table(raw.get("after") or {}, cjk)
        self.several = {fold(w): m for w, m in (raw.get("several") or {}).items()}
        self.ordinal = _Words(raw.get("ordinal") or [], cjk)
        year = raw.get("year") or {}
        self.year_after = _Words(year.get("after") or [], cjk)
        self.year_in = _Words(year.get("in") or [], cjk)
        self.year_by = _Words(year.get("by") or [], cjk)
        self.year_since = _Words(year.get("since") or [], cjk)
        self.decade = _Words(year.get("decade") or [], cjk)
        self.continuation = _Words(raw.get("continuation") or [], cjk)
        words = "|".join(_word_regex(w, cjk) for w in year.get("to") or [])
        self.year_to = re.compile(rf"(?:{_RANGE}|\s?(?:{words or '(?!)'})\s?)({_YEAR})(?!\d)")
        self.planned = _Words(raw.get("planned") or [], cjk)
        self.per = _Words(raw.get("per") or [], cjk)
        self.anaphora = [(_Words(words, cjk), cls) for cls, words in (raw.get("anaphora") or {}).items()]
        self.head_joiners = raw.get("head_joiners", "")
        self.window = int(raw.get("window", 40))
        self.units: list[tuple[re.Pattern[str], _Unit, bool]] = []
        forms: list[tuple[str, _Unit]] = []
        for entry in units:
            for form in (entry.get("forms") or {}).get(code, []):
                forms.append((form, _Unit(entry["code"], entry["kind"], Decimal(str(entry.get("factor", 1))))))
        self.unit_forms = tuple(form for form, _ in forms if form.endswith("."))
        for form, found in sorted(forms, key=lambda f: len(f[0]), reverse=True):
            prefix = not fold(form).isalpha() or fold(form) == found.code.lower()
            self.units.append((re.compile(_word_regex(form, cjk)), found, prefix))
        words = "|".join(re.escape(w) for w in sorted(self.number_words, key=len, reverse=True))
        several = "|".join(re.escape(w) for w in self.several)
        alternatives = [_ARABIC, _CJK_NUMBER] if cjk else [_ARABIC]
        if several:
            alternatives.insert(0, rf"(?:{several})(?:[十百千]|(?={self.scale_words.pattern.pattern}))")
        if words:
            alternatives.append(rf"(?<!{_LETTER})(?:{words})(?!{_LETTER})")
        number = "(?:" + "|".join(alternatives) + ")"
        self.number = re.compile(rf"{number}(?:{_RANGE}{number})?")
        self.single_number = re.compile(rf"(?:{_ARABIC}|{_CJK_NUMBER})" if cjk else "(?!)")

    def unit_at(self, text: str, position: int) -> tuple[int, _Unit] | None:
        for pattern, unit, _ in self.units:
            match = pattern.match(text, position)
            if match:
                return match.end(), unit
        return None

    def unit_before(self, text: str) -> tuple[int, _Unit] | None:
        """A currency sign or code written before the number ("$2.5 billion", "USD 3")."""
        for pattern, unit, prefix in self.units:
            if not prefix or unit.kind != "money":
                continue
            for match in pattern.finditer(text):
                if text[match.end() :].strip() == "":
                    return match.start(), unit
        return None

    def scale(self, word: str) -> Decimal:
        for pattern, factor in self._scale_of:
            if pattern.fullmatch(word):
                return factor
        return Decimal(1)


def _marker_table(raw: dict[str, str], cjk: bool) -> tuple[_Words, dict[str, str]]:
    return _Words(list(raw), cjk), {fold(w): meaning for w, meaning in raw.items()}


@lru_cache(maxsize=1)
def _rules() -> dict[str, Language]:
    raw = load_data(RULES_FILE.read_text(encoding="utf-8"))
    return {code: Language(code, rules, raw["units"]) for code, rules in raw["languages"].items()}


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """The indicator scheme, in file order."""
    raw = load_data(INDICATORS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Indicator(
            item["id"],
            tuple(item["kinds"]),
            dict(item["labels"]),
            item["definition"],
            {lang: tuple(words) for lang, words in (item.get("cues") or {}).items()},
        )
        for item in raw["indicators"]
    )


@lru_cache(maxsize=8)
def _cue_patterns(language: str) -> tuple[tuple[re.Pattern[str], Indicator], ...]:
    cjk = language in CJK_LANGUAGES
    found = []
    for indicator in indicators():
        for word in indicator.cues.get(language, ()):
            found.append((re.compile(_word_regex(word, cjk)), indicator))
    return tuple(found)


#: A clause-level topic function (the relations work's clause reader can provide one): given the
#: linked text and the offset of a figure, the entity ids the figure's clause is about, or ().
TopicOf = Callable[[LinkedText, int], tuple[str, ...]]


def extract_figures(linked: LinkedText, catalog: Catalog, topic_of: TopicOf | None = None) -> tuple[Observation, ...]:
    """Every figure of a linked text, as observations in text order. `topic_of`, when given, is
    asked first what a figure is about; the rules below are the fallback."""
    rules = _rules().get(linked.language)
    if rules is None:
        return ()
    found: list[Observation] = []
    topic: tuple[str, ...] = ()
    period: tuple[int, int] | None = None
    last_of_class: dict[str, str] = {}
    previous_end = -1
    for span, indices in _passages(linked, rules):
        if previous_end >= 0 and _new_paragraph(linked.text[previous_end : span.start], rules):
            topic, period = (), None
        previous_end = span.end
        view = _Sentence(linked, span, [m for i in indices for m in linked.mentions_in(i)], catalog, rules)
        for figure in view.figures():
            given = topic_of(linked, view.original(figure.start)) if topic_of else ()
            about = given or view.about(figure) or view.anaphor(figure, last_of_class) or view.before(figure) or topic
            carried = period if _kind(figure) not in STATE_KINDS and view.continues() else None
            when = view.period(figure) or carried
            found.append(view.observation(figure, about, when))
        topic = view.topic() or topic
        # a run of statistics: the year of one sentence's figures holds for the next one's
        last = view.last_period()
        period = (last if last and last[0] else period) if view.figures() else None  # a deadline stays with its plan
        for mention in view.subjects():
            last_of_class[catalog[mention.entity].cls] = mention.entity
    return tuple(found)


def _kind(figure: _Figure) -> str:
    return figure.unit.kind if figure.unit else "count"


def _passages(linked: LinkedText, rules: Language) -> list[tuple[Sentence, list[int]]]:
    """The sentences, with one that ends in an abbreviated unit or scale ("млрд дол." before "США")
    joined to the next: the sentence splitter takes that full stop for a sentence end."""
    passages: list[tuple[Sentence, list[int]]] = []
    for index, sentence in enumerate(linked.sentences):
        if passages and _ends_in_abbreviation(linked.text[passages[-1][0].start : passages[-1][0].end], rules):
            previous, indices = passages[-1]
            passages[-1] = (Sentence(previous.start, sentence.end), [*indices, index])
        else:
            passages.append((sentence, [index]))
    return passages


def _ends_in_abbreviation(text: str, rules: Language) -> bool:
    if not text.endswith("."):
        return False
    tail = fold(text[-24:])
    return any(
        match.end() == len(tail) and match.group().endswith(".")
        for words in (rules.scale_words, *(_Words([form], rules.cjk) for form in rules.unit_forms))
        for match in words.pattern.finditer(tail)
    )


def _new_paragraph(gap: str, rules: Language) -> bool:
    return "\n" in gap if rules.cjk else bool(re.search(r"\n[ \t]*\n", gap))


@dataclass(frozen=True)
class _Figure:
    start: int  # folded offsets within the sentence
    end: int
    number_start: int
    value: Decimal
    upper: Decimal | None
    unit: _Unit | None
    approximation: str
    indicator: str


class _Sentence:
    """One sentence, folded (names blanked for cue search), with its mentions and years."""

    def __init__(self, linked: LinkedText, span: Sentence, mentions: list[Mention], catalog: Catalog, rules: Language):
        self.linked = linked
        self.span = span
        self.rules = rules
        self.catalog = catalog
        text = linked.text[self.span.start : self.span.end]
        self.folded: FoldedText = fold_text(text)
        self.mentions = [m for m in mentions if catalog[m.entity].cls in SUBJECT_CLASSES]
        blanked = list(text)
        for mention in mentions:
            for offset in range(max(0, mention.start - self.span.start), min(len(text), mention.end - self.span.start)):
                blanked[offset] = "\u25a1"
        self.blank = fold_text("".join(blanked)).text
        self.clauses = self._clauses()
        self.years = self._years()
        self._figures: list[_Figure] | None = None
        self._subjects: list[Mention] | None = None

    # ------------------------------------------------------------------ positions
    def original(self, folded: int) -> int:
        if folded >= len(self.folded.starts):
            return self.span.end
        return self.span.start + self.folded.starts[folded]

    def _clauses(self) -> list[tuple[int, int]]:
        bounds, cursor = [], 0
        for match in _CLAUSE_END.finditer(self.folded.text):
            bounds.append((cursor, match.start()))
            cursor = match.end()
        bounds.append((cursor, len(self.folded.text)))
        return bounds

    def clause_of(self, position: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= position <= end:
                return start, end
        return 0, len(self.folded.text)

    # ------------------------------------------------------------------ years
    def _years(self) -> list[tuple[int, int, int, int]]:
        """(start, end, first year or 0, last year or 0) of each year expression, folded offsets."""
        text, rules = self.folded.text, self.rules
        found = []
        for match in re.finditer(rf"(?<!\d)(?<!\d[.,])({_YEAR})(?:{_RANGE}({_YEAR}))?(?!\d)", text):
            end = match.end()
            after = rules.year_after.at(text, end + (1 if text[end : end + 1] == " " else 0))
            if after:
                end = after.end()
            elif rules.code != "en" or _followed_by_measure(text, match.end(), rules):
                continue
            if rules.decade.at(text, end) or re.search(r"[A-Za-zА-Яа-яЁё]-?$", text[: match.start()]):
                continue  # a decade (1990年代, 1990s) or part of a name (ЭС-2035, G2018)
            first = int(match.group(1))
            last = int(match.group(2)) if match.group(2) else first
            to = rules.year_to.match(text, end)  # 2009年至2018年, between 2009 and 2018
            if to and not match.group(2):
                last, end = int(to.group(1)), to.end()
                after = rules.year_after.at(text, _skip_space(text, end))
                end = after.end() if after else end
            left = text[max(0, match.start() - 14) : match.start()]
            right = text[end : end + 6]
            if first != last:
                pass  # a range ("从2013年至2018年", "с 2011 по 2015 г."): its own start and end
            elif rules.year_by.ending_at(left) or rules.year_by.at(right.lstrip(), 0):
                first = 0
            elif rules.year_since.ending_at(left) or rules.year_since.at(right.lstrip(), 0):
                last = 0
            found.append((match.start(), end, first, last))
        return found

    def period(self, figure: _Figure) -> tuple[int, int] | None:
        start, end = self.clause_of(figure.start)
        for window in ((start, end), (0, figure.start)):  # the clause, else the sentence before it
            near = [y for y in self.years if window[0] <= y[0] and y[1] <= window[1]]
            if near:
                best = min(near, key=lambda y: _distance(y[0], y[1], figure.start, figure.end))
                return best[2], best[3]
        return None

    def last_period(self) -> tuple[int, int] | None:
        return (self.years[-1][2], self.years[-1][3]) if self.years else None

    # ------------------------------------------------------------------ figures
    def figures(self) -> list[_Figure]:
        if self._figures is None:
            self._figures = self._find_figures()
        return self._figures

    def _find_figures(self) -> list[_Figure]:
        text, rules = self.folded.text, self.rules
        taken = [(y[0], y[1]) for y in self.years]
        figures = []
        for match in rules.number.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            figure = self._figure(match)
            if figure is not None:
                figures.append(figure)
                taken.append((figure.start, figure.end))
        return figures

    def _figure(self, match: re.Match[str]) -> _Figure | None:
        text, rules = self.folded.text, self.rules
        start, end = match.start(), match.end()
        left = text[max(0, start - 20) : start]
        if left and (left[-1].isdigit() or (left[-1].isalpha() and not _is_cjk(left[-1]) and not rules.cjk)):
            return None
        if rules.ordinal.ending_at(left) or self._glued_to_word(start) or self._list_marker(start, end):
            return None
        if rules.cjk and left and left[-1].isascii() and left[-1].isalpha():
            return None
        parts = _range_parts(match.group(), rules)
        if parts is None:
            return None
        low, high, approximation = parts
        cursor = end
        cursor, marker = self._after_marker(cursor)
        approximation = approximation or marker
        scale = Decimal(1)
        scaled = self._scale_at(_skip_space(text, cursor))
        if scaled:
            scale, cursor = scaled
            high = high * scale if high is not None else None
            low, cursor = self._compound(low, scale, cursor)
        cursor, marker = self._after_marker(cursor)
        approximation = approximation or marker
        unit = None
        unit_found = rules.unit_at(text, _skip_space(text, cursor))
        if unit_found:
            cursor, unit = unit_found
        else:
            prefix = rules.unit_before(left)
            if prefix:
                unit = prefix[1]
                start = start - (len(left) - prefix[0])
                left = left[: prefix[0]]
        if unit is None and scale == 1 and match.group() in rules.number_words:
            return None  # "one of", "two parties": a number word is a figure only with its scale or unit
        cursor, marker = self._after_marker(cursor)
        approximation = approximation or marker
        before = rules.before[0].ending_at(left)
        if before:
            approximation = approximation or rules.before[1].get(re.sub(r"\s+", " ", before.group()), "about")
            start = start - (len(left) - before.start())
        kind = unit.kind if unit else "count"
        factor = unit.factor if unit else Decimal(1)
        value = low * factor
        upper = high * factor if high is not None else None
        if self._is_rate(start, cursor, low):
            return None
        if kind == "count":
            if scale == 1 and (value != value.to_integral_value() or (low == high is None and _looks_like_year(low))):
                return None
            if _looks_like_year(low) and scale == 1:
                return None
            indicator = self._counted(cursor, start, unit is not None)
        else:
            indicator = self._indicator(kind, start, cursor)
        if not indicator:
            return None
        return _Figure(start, cursor, match.start(), value, upper, unit, approximation, indicator)

    def _glued_to_word(self, start: int) -> bool:
        """A number written onto a word with a hyphen is part of a name (ЭС-2035, G-20)."""
        text, at = self.linked.text, self.original(start)
        return at >= 2 and text[at - 1] in "-‐‑–—" and text[at - 2].isalpha() and not _is_cjk(text[at - 2])

    def _list_marker(self, start: int, end: int) -> bool:
        """①, ², ⑶: list markers and footnote signs fold to digits but are no numbers."""
        original = self.linked.text[self.original(start) : self.original(end - 1) + 1]
        return bool(_MARKER_DIGITS.search(original))

    def _is_rate(self, start: int, end: int, value: Decimal) -> bool:
        """ "1,8 тонн с 1 га", "0,63 га на душу": a figure per unit is a rate, not an amount."""
        text, per = self.folded.text, self.rules.per
        _, clause_end = self.clause_of(start)
        if per.pattern.search(text, _skip_space(text, end), min(clause_end, end + self.rules.window)):
            return True
        return value == 1 and bool(per.ending_at(text[max(0, start - 12) : start].rstrip() + " 1"))

    def _compound(self, low: Decimal, scale: Decimal, cursor: int) -> tuple[Decimal, int]:
        """2兆6千億 = 2 × 10¹² + 6 000 × 10⁸: lower scales following a scale add up."""
        total = low * scale
        while True:
            number = self.rules.single_number.match(self.folded.text, cursor)
            if not number:
                return total, cursor
            value = _number_value(number.group(), self.rules)
            scaled = self._scale_at(number.end())
            if value is None or not scaled or scaled[0] >= scale:
                return total, cursor
            scale, cursor = scaled
            total += value * scale

    def _scale_at(self, position: int) -> tuple[Decimal, int] | None:
        """The scale written at a position and where it ends; consecutive scale words multiply (千億)."""
        factor, end = Decimal(1), position
        while word := self.rules.scale_words.at(self.folded.text, end):
            factor, end = factor * self.rules.scale(word.group()), word.end()
        return (factor, end) if end > position else None

    def _after_marker(self, cursor: int) -> tuple[int, str]:
        words, meanings = self.rules.after
        found = words.at(self.folded.text, _skip_space(self.folded.text, cursor) if not self.rules.cjk else cursor)
        if found:
            return found.end(), meanings.get(found.group(), "about")
        return cursor, ""

    def _counted(self, cursor: int, start: int, classifier: bool) -> str:
        """The count indicator whose noun heads the phrase after the number, or that a "number of"
        phrase before it names (in the same clause)."""
        clause_start, clause_end = self.clause_of(start)
        after = self.blank[cursor : min(clause_end, cursor + self.rules.window)]
        best: tuple[int, str] | None = None
        for pattern, indicator in _cue_patterns(self.rules.code):
            if "count" not in indicator.kinds:
                continue
            for match in pattern.finditer(after):
                if self.rules.cjk and not self._is_head(cursor + match.end()):
                    continue
                if best is None or match.start() < best[0]:
                    best = (match.start(), indicator.id)
                break
        if best:
            return best[1]
        before = self.blank[clause_start:start]
        if self.rules.cjk and classifier:  # 重点项目120个, 日本企業12社: the counted noun right before the number
            for pattern, indicator in _cue_patterns(self.rules.code):
                if "count" in indicator.kinds and any(m.end() >= len(before) - 1 for m in pattern.finditer(before)):
                    return indicator.id
        for pattern, indicator in _cue_patterns(self.rules.code):
            if "count" in indicator.kinds and " " in pattern.pattern.replace(r"\s?", " ") and pattern.search(before):
                return indicator.id
        return ""

    def _is_head(self, end: int) -> bool:
        following = self.blank[end : end + 1]
        return not following or not _is_cjk(following) or following in self.rules.head_joiners

    def _indicator(self, kind: str, start: int, end: int) -> str:
        """The indicator of this kind whose cue is nearest before the figure in the sentence (else
        after it in its clause)."""
        clause_start, clause_end = self.clause_of(start)
        best: tuple[int, int, str] | None = None
        for pattern, indicator in _cue_patterns(self.rules.code):
            if kind not in indicator.kinds:
                continue
            for match in pattern.finditer(self.folded.text, 0, clause_end):
                if match.end() <= start:
                    rank = (0 if match.start() >= clause_start else 1, start - match.end())
                elif match.start() >= end:
                    rank = (2, match.start() - end)
                else:
                    continue
                if best is None or rank < best[:2]:
                    best = (*rank, indicator.id)
        if best:
            return best[2]
        if kind in DEFAULT_INDICATOR and self.mentions:
            return DEFAULT_INDICATOR[kind]
        return ""

    # ------------------------------------------------------------------ subjects
    def about(self, figure: _Figure) -> tuple[str, ...]:
        """The entity (or pair) the figure's clause names: the nearest before it, else after it;
        else the sentence's first subject."""
        start, end = self.clause_of(figure.start)
        a, b = self.original(start), self.original(end)
        figure_start = self.original(figure.start)
        in_clause = [m for m in self.subjects() if a <= m.start and m.end <= b]
        before = [m for m in in_clause if m.end <= figure_start]
        after = [m for m in in_clause if m.start >= figure_start]
        if before:
            return self._with_partner(before[-1])
        if after:
            return self._with_partner(after[0])
        return ()

    def anaphor(self, figure: _Figure, last_of_class: dict[str, str]) -> tuple[str, ...]:
        """ "Within the program …", "该纲要": the latest entity of the class a definite reference
        in the clause before the figure names."""
        start, _ = self.clause_of(figure.start)
        before = self.blank[start : figure.start]
        for words, cls in self.rules.anaphora:
            if cls in last_of_class and words.pattern.search(before):
                return (last_of_class[cls],)
        return ()

    def continues(self) -> bool:
        """Does the sentence go on with the statistics of the one before (names no subject of its
        own, or opens with "其中", "в том числе", "of which")? Then that sentence's year holds."""
        return not self.subjects() or bool(self.rules.continuation.at(self.folded.text, 0))

    def before(self, figure: _Figure) -> tuple[str, ...]:
        """The nearest subject before the figure in its sentence (an earlier clause), else the first."""
        at = self.original(figure.start)
        earlier = [m for m in self.subjects() if m.end <= at]
        return self._with_partner(earlier[-1]) if earlier else self.topic()

    def topic(self) -> tuple[str, ...]:
        """The sentence's first subject (with its partner when a pair is named)."""
        subjects = self.subjects()
        return self._with_partner(subjects[0]) if subjects else ()

    def subjects(self) -> list[Mention]:
        """The mentions that can be what a figure is about: not those inside a figure (США of "дол. США")."""
        if self._subjects is None:
            spans = [(self.original(f.start), self.original(f.end - 1) + 1) for f in self.figures()]
            self._subjects = [m for m in self.mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
        return self._subjects

    def _with_partner(self, mention: Mention) -> tuple[str, ...]:
        subjects = self.subjects()
        index = subjects.index(mention)
        text = self.linked.text
        for other in subjects[index - 1 : index] + subjects[index + 1 : index + 2]:
            first, second = sorted((mention, other), key=lambda m: m.start)
            if first.entity != second.entity and is_connector(self.rules.code, text[first.end : second.start]):
                return (first.entity, second.entity)
        return (mention.entity,)

    # ------------------------------------------------------------------ result
    def observation(self, figure: _Figure, about: tuple[str, ...], when: tuple[int, int] | None) -> Observation:
        start = self.original(figure.start)
        end = self.span.start + self.folded.ends[figure.end - 1]
        clause_start, clause_end = self.clause_of(figure.start)
        clause = self.blank[clause_start:clause_end]
        planned = bool(self.rules.planned.pattern.search(clause))
        unit = figure.unit
        money = unit is not None and unit.kind == "money"
        return Observation(
            document=self.linked.document,
            start=start,
            end=end,
            surface=self.linked.text[start:end],
            value=_decimal_text(figure.value),
            upper=_decimal_text(figure.upper) if figure.upper is not None else "",
            unit="" if money else (unit.code if unit else "C62"),
            currency=unit.code if money and unit else "",
            kind=unit.kind if unit else "count",
            approximation=figure.approximation,
            indicator=figure.indicator,
            about=about,
            period_start=when[0] if when else 0,
            period_end=when[1] if when else 0,
            modality="planned" if planned else "stated",
            quote_start=self.span.start,
            quote_end=self.span.end,
            quote=self.linked.text[self.span.start : self.span.end],
        )


def _range_parts(number: str, rules: Language) -> tuple[Decimal, Decimal | None, str] | None:
    pieces = re.split(_RANGE, number, maxsplit=1)
    if len(pieces) == 2 and pieces[0] and pieces[1]:
        low, high = _number_value(pieces[0], rules), _number_value(pieces[1], rules)
    else:
        low, high = _number_value(number, rules), None
    if low is None:
        return None
    marker = ""
    for word, meaning in rules.several.items():
        if number.startswith(word):
            marker = meaning
    return low, high, marker


def _number_value(number: str, rules: Language) -> Decimal | None:
    number = number.strip()
    if number in rules.number_words:
        return Decimal(rules.number_words[number])
    for word in rules.several:
        if number.startswith(word):
            number = number[len(word) :] or "一"
            if number in _CJK_UNITS:
                return Decimal(_CJK_UNITS[number])
    if re.fullmatch(_ARABIC, number):
        return _arabic(number, rules.decimal)
    return _cjk_value(number)


def _arabic(number: str, decimal: str) -> Decimal | None:
    group = "." if decimal == "," else ","
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", number):
        number = number.replace(group, "")
    else:
        number = number.replace(group, ".") if decimal == "," or number.count(group) == 1 else number.replace(group, "")
        number = number.replace(",", ".")
    if number.count(".") > 1:
        return None
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def _cjk_value(number: str) -> Decimal | None:
    total, current = 0, 0
    for char in number:
        if char in _CJK_VALUES:
            current = current * 10 + _CJK_VALUES[char] if current and number[0] not in _CJK_UNITS else _CJK_VALUES[char]
        elif char in _CJK_UNITS:
            total += (current or 1) * _CJK_UNITS[char]
            current = 0
        else:
            return None
    return Decimal(total + current)


def _looks_like_year(value: Decimal) -> bool:
    return value == value.to_integral_value() and 1900 <= value <= 2100


def _followed_by_measure(text: str, position: int, rules: Language) -> bool:
    position = _skip_space(text, position)
    return bool(rules.scale_words.at(text, position) or rules.unit_at(text, position))


def _skip_space(text: str, position: int) -> int:
    return position + 1 if text[position : position + 1] == " " else position


def _distance(a: int, b: int, c: int, d: int) -> int:
    return c - b if b <= c else a - d if a >= d else 0


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
