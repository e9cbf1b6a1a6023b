"""Names the catalog does not know yet, for curators.

The build itself proposes entities for the names its grammar discovers (graph/extract/discovery.py);
`proposals` lists them with counts, documents and a context line, and `catalog_stub` turns one
into a catalog entry that the build accepts as it is (same id, so accepting a proposal keeps its
IRI). Offline NER per language (`find_candidates`: natasha for Russian, GiNZA for Japanese,
jieba's place/organization tags for Chinese, a proper-noun chunker for English) is the opt-in
second opinion for names without a head noun (a town, a person); its models live in the
optional `nlp` extra and load lazily.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import RDF

from amurkg.corpus.catalog import Entity
from amurkg.errors import InputError
from amurkg.namespaces import AK, ID, LANGUAGES
from amurkg.text.link import LinkedText
from amurkg.text.normalize import fold

Span = tuple[int, int, str]  # start, end, kind (LOC, ORG, …) in the original text


@dataclass
class Proposal:
    """A proposed entity of the built graph, with where it occurs."""

    entity: Entity
    count: int = 0
    documents: set[str] = field(default_factory=set)
    context: str = ""


def proposals(graph: Graph, entities: Iterable[Entity], documents: set[str] | None = None) -> list[Proposal]:
    """The proposed entities of a built graph, most mentioned first; only those named in
    `documents` when given."""
    by_id = {e.id: Proposal(e) for e in entities}
    for mention in sorted(graph.subjects(RDF.type, AK.Mention), key=str):
        entity_id = str(graph.value(mention, AK.entity)).removeprefix(str(ID))
        if entity_id not in by_id:
            continue
        document = str(graph.value(mention, AK.document)).removeprefix(str(ID) + "document/")
        proposal = by_id[entity_id]
        proposal.count += 1
        proposal.documents.add(document)
        if not proposal.context:
            proposal.context = _one_line(str(graph.value(mention, AK.sentence) or ""))
    found = [p for p in by_id.values() if p.count and (documents is None or p.documents & documents)]
    return sorted(found, key=lambda p: (-p.count, p.entity.id))


def _one_line(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def catalog_file(entity: Entity) -> str:
    """The catalog file an entity's entry goes in (seeds/catalog/geo_feature.yaml for a GeoFeature)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", entity.cls).lower() + ".yaml"


def catalog_stub(entity: Entity) -> dict:
    """A catalog entry for a proposed entity, valid as it is: its id, labels in every language the
    build derived, the places its name contains, its subclass; derived labels are noted."""
    stub: dict = {"id": entity.id, "labels": {lang: entity.labels[lang] for lang in LANGUAGES if lang in entity.labels}}
    aliases = {lang: list(entity.aliases[lang]) for lang in LANGUAGES if entity.aliases.get(lang)}
    if aliases:
        stub["aliases"] = aliases
    if entity.located_in:
        stub["locatedIn"] = list(entity.located_in) if len(entity.located_in) > 1 else entity.located_in[0]
    if entity.subclass:
        stub["subclass"] = entity.subclass
    if "en" in entity.labels and len(entity.labels) > 1:
        stub["note"] = "proposed by the build; the English label is derived (romanized, head noun translated)"
    return stub


NLP_HINT = "candidates needs the NLP models: pip install -e '.[nlp]'"
# GiNZA labels that are not names of things to catalog.
_GINZA_SKIP = re.compile(
    r"(?i)date|time|money|percent|ordinal|cardinal|quantity|number|age|period|"
    r"frequency|rank|measurement|n_|_other|countx|multiplication|point|phone|url|email|"
    r"person|position|title|name_other|doctrine|occasion"
)
_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_KIND_CLASS = {"LOC": "City", "GPE": "City", "ORG": "Organization", "FAC": "Project", "NAME": "Organization"}


@dataclass
class Candidate:
    """An unknown name with how often and where it occurs."""

    name: str
    language: str
    kind: str
    count: int = 0
    documents: set[str] = field(default_factory=set)
    context: str = ""

    @property
    def catalog_class(self) -> str:
        return _KIND_CLASS.get(self.kind, "Organization" if "org" in self.kind.lower() else "City")


def find_candidates(texts: Iterable[LinkedText], minimum_length: int = 2) -> list[Candidate]:
    """Unknown names of every text, merged by folded form, most frequent first."""
    merged: dict[tuple[str, str], Candidate] = {}
    surfaces: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for linked in texts:
        known = bytearray(len(linked.text))
        for mention in linked.mentions:
            known[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        for start, end, kind in recognizer(linked.language)(linked.text):
            surface = linked.text[start:end].strip()
            if len(surface) < minimum_length or any(known[start:end]) or not any(c.isalpha() for c in surface):
                continue
            key = (linked.language, fold(surface))
            candidate = merged.setdefault(key, Candidate(surface, linked.language, kind))
            candidate.count += 1
            candidate.documents.add(linked.document)
            surfaces[key][surface] += 1
            if not candidate.context:
                candidate.context = _context(linked, start)
    for key, candidate in merged.items():
        surface = max(sorted(surfaces[key]), key=lambda s: surfaces[key][s])
        candidate.name = _NOMINATIVE.get(surface, surface)
    return sorted(merged.values(), key=lambda c: (-c.count, c.language, c.name))


def _context(linked: LinkedText, offset: int, width: int = 160) -> str:
    for sentence in linked.sentences:
        if sentence.start <= offset < sentence.end:
            text = linked.text[sentence.start : sentence.end]
            break
    else:
        text = linked.text[max(0, offset - width // 2) : offset + width // 2]
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def recognizer(language: str) -> Callable[[str], list[Span]]:
    return {"ru": _russian, "ja": _japanese, "zh": _chinese, "en": _english}[language]


def _russian(text: str) -> list[Span]:
    natasha = _require("natasha")
    tools = _natasha_tools()
    doc = natasha.Doc(text)
    doc.segment(tools["segmenter"])
    doc.tag_morph(tools["morph"])
    doc.tag_ner(tools["ner"])
    spans = []
    for span in doc.spans:
        if span.type in ("LOC", "ORG"):
            span.normalize(tools["vocab"])
            spans.append((span.start, span.stop, span.type))
            _NOMINATIVE[text[span.start : span.stop]] = span.normal or text[span.start : span.stop]
    return spans


_NOMINATIVE: dict[str, str] = {}  # Russian surface → nominative form found by natasha


@lru_cache(maxsize=1)
def _natasha_tools() -> dict:
    natasha = _require("natasha")
    embedding = natasha.NewsEmbedding()
    return {
        "segmenter": natasha.Segmenter(),
        "ner": natasha.NewsNERTagger(embedding),
        "morph": natasha.NewsMorphTagger(embedding),
        "vocab": natasha.MorphVocab(),
    }


def _japanese(text: str) -> list[Span]:
    nlp = _ginza()
    spans: list[Span] = []
    for chunk_start, chunk in _chunks(text, 3000):
        for entity in nlp(chunk).ents:
            # GiNZA also tags the English summaries of Japanese papers; only Japanese script counts here
            if not _GINZA_SKIP.search(entity.label_) and _JAPANESE_SCRIPT.search(entity.text):
                spans.append((chunk_start + entity.start_char, chunk_start + entity.end_char, entity.label_))
    return spans


@lru_cache(maxsize=1)
def _ginza():
    spacy = _require("spacy")
    try:
        return spacy.load("ja_ginza")
    except OSError:
        raise InputError.one("ja_ginza", NLP_HINT) from None


def _chinese(text: str) -> list[Span]:
    posseg = _require("jieba.posseg")
    import jieba

    jieba.setLogLevel(60)
    spans: list[Span] = []
    offset = 0
    for word, flag in posseg.cut(text):
        if flag in ("ns", "nt", "nsf"):
            spans.append((offset, offset + len(word), "LOC" if flag.startswith("ns") else "ORG"))
        offset += len(word)
    return _merge_adjacent(spans)


_EN_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{2,})(?:[ \t]+(?:(?:of|the|and|de|for|on)[ \t]+)?"
    r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{2,}))*"
)
_EN_COMMON = frozenset(
    """The A An In On At For Of And But Or With By From To As It Its This That These Those There
Then When Where While Which Who What How Under Within Summary Introduction Conclusion Table Figure Section
Chapter However Moreover Furthermore Also Both Each Other Such Since After Before During Although If
Translated Research Between Consequently Strategy Potential Program Deputy Director Professor Associate Researcher
January February March April May June July August September October November December
""".split()
)


def _english(text: str) -> list[Span]:
    spans = []
    for match in _EN_NAME.finditer(text):
        words = match.group().split()
        while words and (words[0] in _EN_COMMON or words[0].islower()):
            words = words[1:]
        if not words or (len(words) == 1 and len(words[0]) < 3):
            continue
        before = text[max(0, match.start() - 3) : match.start()]
        if len(words) == 1 and (not before.strip(" \t#*\"'(") or before.rstrip().endswith((".", ":", "\n"))):
            continue  # one capitalised word opening a sentence or line is no evidence of a name
        start = match.start() + match.group().index(words[0])
        spans.append((start, match.end(), "NAME"))
    return spans


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1][1] == span[0] and merged[-1][2] == span[2]:
            merged[-1] = (merged[-1][0], span[1], span[2])
        else:
            merged.append(span)
    return merged


def _chunks(text: str, size: int) -> Iterable[tuple[int, str]]:
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError.one(module, NLP_HINT) from None


def yaml_stub(candidate: Candidate) -> dict:
    """A catalog entry to complete and paste into seeds/catalog/<class>.yaml."""
    from amurkg.corpus.ingest import slugify

    latin = candidate.name if candidate.language == "en" else transliterate(candidate.name)
    labels = {"en": latin if latin and latin.isascii() else "TODO"}
    labels[candidate.language] = candidate.name
    return {"id": slugify(latin) or "todo", "labels": labels}


_CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
    )
)


def transliterate(name: str) -> str:
    """Russian to Latin letters (BGN/PCGN-like), keeping capitals; other scripts unchanged."""
    letters = []
    for char in name:
        latin = _CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            letters.append(char)
        else:
            letters.append(latin.capitalize() if char.isupper() else latin)
    return "".join(letters)
