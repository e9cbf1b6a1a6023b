"""Per-document processing (link → extract), cached by content and parallel across processes.

A document's outcome depends only on its text, its language, the catalog and the code of the
linking and extraction stages; it is cached under `.cache/documents/` by a hash of exactly
those, so an unchanged document is not processed again. Outcomes keep the sentences that mentions
and relations need, not the text, so a large corpus is never held in memory at once.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Any

from amurkg.corpus.catalog import Catalog, Entity
from amurkg.corpus.documents import DocumentMeta
from amurkg.extract import Relation
from amurkg.extract.agreements import add_agreements
from amurkg.extract.clauses import extract_clauses
from amurkg.extract.discovery import discover
from amurkg.extract.facilities import add_facilities
from amurkg.extract.figures import Observation, extract_figures
from amurkg.extract.gazetteer import add_towns
from amurkg.extract.geography import a_trade_figure, extract_geography, with_a_macro_region
from amurkg.extract.patterns import extract_patterns
from amurkg.extract.tables import extract_tables
from amurkg.namespaces import SYMMETRIC_PREDICATES
from amurkg.pipeline.progress import ProgressMeter
from amurkg.text.link import LinkedText, Linker

# The code that decides an outcome: every module and data file of these folders, and this module.
# A change to any of them invalidates the cache.


@dataclass(frozen=True)
class MentionRecord:
    entity: str
    start: int
    end: int
    surface: str
    sentence: str


@dataclass
class DocumentOutcome:
    """What one document contributes to the graph."""

    document: str
    language: str
    mentions: tuple[MentionRecord, ...]
    relations: tuple[Relation, ...]
    co_mentions: Counter = field(default_factory=Counter)
    linked: LinkedText | None = None  # kept only when asked (tests, tools that need the text)
    proposed: tuple[Entity, ...] = ()  # entities discovered in this document (ak:status "proposed")
    observations: tuple[Observation, ...] = ()  # figures stated (amounts, volumes …), see extract/figures.py

    @property
    def entities(self) -> set[str]:
        return {m.entity for m in self.mentions}


def process_document(
    linked: LinkedText, catalog: Catalog, stage: Callable[[str], None] = lambda _: None
) -> DocumentOutcome:
    """Discover the names the catalog lacks, extract the relations of the linked text (discovered
    entities included) and condense it to what the graph needs. `stage` is told each step's name
    before it runs (progress within a large document)."""
    stage("names")
    linked, towns = add_towns(linked, catalog)  # gazetteer towns the catalog lacks: known places from here on
    with_towns = catalog.extended(towns)
    discovery = add_facilities(discover(linked, with_towns), with_towns)  # facilities named by a noun phrase
    discovery = add_agreements(discovery, with_towns)  # agreements named by a noun phrase at a verb of signing
    proposed = sorted({e.id: e for e in discovery.entities + towns}.values(), key=lambda e: e.id)
    linked, overlay = discovery.linked, catalog.extended(proposed)
    stage("tables")
    table_relations, table_sentences = extract_tables(linked, overlay)
    stage("patterns")
    patterns = extract_patterns(linked, overlay, skip=table_sentences)
    stage("clauses")
    relations = (
        table_relations
        + patterns
        + extract_clauses(linked, overlay, skip=table_sentences)
        + extract_geography(linked, overlay)
        + discovery.relations
    )
    relations = [r for r in relations if not with_a_macro_region(r, overlay) and not a_trade_figure(r)]
    stage("figures")
    observations = extract_figures(linked, overlay)  # figures: one hook, see extract/figures.py
    sentence_texts: dict[int, str] = {}  # one string per sentence, shared by its mentions (and by the pickle)
    mentions = tuple(
        MentionRecord(m.entity, m.start, m.end, m.surface, _shared(sentence_texts, linked, m.sentence))
        for m in linked.mentions
    )
    by_sentence: dict[int, set[str]] = {}
    for mention in linked.mentions:
        by_sentence.setdefault(mention.sentence, set()).add(mention.entity)
    co_mentions: Counter = Counter()
    for entities in by_sentence.values():
        co_mentions.update(combinations(sorted(entities), 2))
    return DocumentOutcome(
        linked.document,
        linked.language,
        mentions,
        unique_relations(relations),
        co_mentions,
        linked,
        tuple(proposed),
        observations,
    )


def _shared(texts: dict[int, str], linked: LinkedText, index: int) -> str:
    """The text of a sentence, sliced once however many mentions it holds."""
    if index not in texts:
        texts[index] = linked.sentence_text(index)
    return texts[index]


def rename_entities(outcome: DocumentOutcome, remap: dict[str, str]) -> DocumentOutcome:
    """The outcome with discovered entities renamed to the id they were merged into."""
    if not remap:
        return outcome

    def new(entity_id: str) -> str:
        return remap.get(entity_id, entity_id)

    mentions = tuple(replace(m, entity=new(m.entity)) for m in outcome.mentions)
    linked = outcome.linked
    if linked is not None:
        linked = replace(linked, mentions=tuple(replace(m, entity=new(m.entity)) for m in linked.mentions))
    relations = unique_relations([replace(r, subject=new(r.subject), object=new(r.object)) for r in outcome.relations])
    co_mentions: Counter = Counter()
    for (a, b), count in outcome.co_mentions.items():
        pair = tuple(sorted((new(a), new(b))))
        if pair[0] != pair[1]:
            co_mentions[pair] += count
    return DocumentOutcome(
        outcome.document,
        outcome.language,
        mentions,
        relations,
        co_mentions,
        linked,
        tuple(replace(e, id=new(e.id)) for e in outcome.proposed),
        tuple(replace(o, about=tuple(new(a) for a in o.about)) for o in outcome.observations),
    )


def unique_relations(relations: list[Relation]) -> tuple[Relation, ...]:
    """One relation per fact and passage: two rules finding the same fact in the same passage give
    one piece of evidence (the one naming its rule, first in order)."""
    chosen: dict[tuple, Relation] = {}
    # the relation itself breaks the last ties (A–B and B–A of a symmetric predicate), so the choice
    # does not depend on the set's order, which string hashing changes from run to run
    for relation in sorted(set(relations), key=lambda r: (_key(r), r.rule == "", r.rule, r.modality, r)):
        chosen.setdefault(_key(relation), relation)
    return tuple(sorted(chosen.values()))


def _key(relation: Relation) -> tuple:
    ends = (relation.subject, relation.object)
    if relation.predicate in SYMMETRIC_PREDICATES:
        ends = tuple(sorted(ends))
    return (*ends, relation.predicate, relation.document, relation.start, relation.end, relation.method)


class OutcomeCache:
    """Pickled outcomes under a folder, keyed by document content + catalog + code."""

    def __init__(self, folder: Path | None, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.hits = 0

    def key(self, document: DocumentMeta, text: str) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(document.id.encode() + b"\0" + document.language.encode() + b"\0" + text.encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str) -> DocumentOutcome | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.pickle"
        try:
            with open(path, "rb") as handle:
                outcome = pickle.load(handle)
        except Exception:  # noqa: BLE001 - an entry that cannot be read (truncated, garbage, old code) is a miss
            return None
        if not isinstance(outcome, DocumentOutcome):
            return None
        self.hits += 1
        return outcome

    def put(self, key: str, outcome: DocumentOutcome) -> None:
        if self.folder is None:
            return
        temporary = self.folder / f".{key}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                pickle.dump(
                    replace(outcome, linked=None),
                    handle,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(temporary, self.folder / f"{key}.pickle")
        except OSError:  # a cache that cannot be written (full disk, read-only) only costs time next build
            with suppress(OSError):
                temporary.unlink()


_LINKER_MAGIC = b"amurkg-linker 1\n"
_LINKER_LIBRARIES = ("pyahocorasick", "pymorphy3", "pymorphy3-dicts-ru", "jieba")


def linker_cache_path(cache: OutcomeCache) -> Path | None:
    """Where the linker built from this catalog and code is kept (None: no cache). The key adds the
    Python and library versions to the catalog fingerprint: the automaton's pickle and the Russian
    forms depend on them too."""
    if cache.folder is None:
        return None
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(cache.fingerprint.encode() + _LINKER_MAGIC + sys.version.encode())
    for library in _LINKER_LIBRARIES:
        try:
            digest.update(f"\0{library}={version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"\0{library}=?".encode())
    return cache.folder.parent / "linker" / f"{digest.hexdigest()}.pickle"


def cached_linker(catalog: Catalog, path: Path | None) -> Linker:
    """The linker of this catalog: loaded from `path` when a sound file of the same key is there
    (seconds of Russian forms and automaton building saved in every process), else built and saved.
    A file that is truncated, altered or not a linker's is rebuilt, never used."""
    if path is None:
        return Linker(catalog)
    loaded = _load_linker(catalog, path)
    if loaded is not None:
        return loaded
    linker = Linker(catalog)
    _save_linker(linker, path)
    return linker


def _load_linker(catalog: Catalog, path: Path) -> Linker | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_LINKER_MAGIC)
    digest, payload = data[head : head + 64], data[head + 65 :]
    if (
        not data.startswith(_LINKER_MAGIC)
        or data[head + 64 : head + 65] != b"\n"
        or digest != hashlib.sha256(payload).hexdigest().encode()
    ):
        return None
    try:
        state = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a payload that cannot be read (old library, garbage) is a miss
        return None
    if not isinstance(state, dict) or "catalog" in state:
        return None
    linker = Linker.__new__(Linker)
    linker.__dict__.update(state)
    linker.catalog = catalog
    return linker


def _save_linker(linker: Linker, path: Path) -> None:
    state = {name: value for name, value in vars(linker).items() if name != "catalog"}
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
    try:
        payload = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_LINKER_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(temporary, path)
        for stale in path.parent.glob("*.pickle"):  # linkers of other catalogs or code: never loaded again
            if stale != path:
                stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):  # a cache that cannot be written only costs time next build
        with suppress(OSError):
            temporary.unlink()


# Worker state: one linker per process, built once from the catalog (or loaded from the cache).
_worker: dict[str, Any] = {}


def _init_worker(catalog: Catalog, linker_path: Path | None = None) -> None:
    _worker["catalog"] = catalog
    _worker["linker"] = cached_linker(catalog, linker_path)


def _process_in_worker(job: tuple[str, str, str]) -> DocumentOutcome:
    document_id, language, text = job
    linker: Linker = _worker["linker"]
    outcome = process_document(linker.link(document_id, text, language), _worker["catalog"])
    outcome.linked = None  # not sent back across processes
    return outcome


def process_corpus(
    documents: list[DocumentMeta],
    catalog: Catalog,
    cache: OutcomeCache,
    jobs: int = 1,
    keep_texts: bool = False,
    progress: Callable[[str], None] = lambda _: None,
    meter: ProgressMeter | None = None,
) -> Iterator[DocumentOutcome]:
    """Outcomes in document order: cached ones as they are, the others computed, in `jobs` processes
    when jobs > 1. At most a few documents per process are in flight, so memory does not grow with
    the corpus. With a `meter`, each document done (and, in one process, each stage of a large
    document) is shown on it instead of a line through `progress`."""
    use_pool = jobs > 1 and not keep_texts
    linker_path = linker_cache_path(cache)
    pool = (
        ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(catalog, linker_path))
        if use_pool
        else None
    )
    linker: Linker | None = None  # built on the first document that is not cached (seconds: Russian forms)
    window: deque[tuple[DocumentMeta, str, DocumentOutcome | Future, bool, int]] = deque()

    def finish(entry: tuple[DocumentMeta, str, DocumentOutcome | Future, bool, int]) -> DocumentOutcome:
        document, key, item, fresh, size = entry
        outcome = item.result() if isinstance(item, Future) else item
        if fresh:
            cache.put(key, outcome)
        note = f" ({document.language}): {len(outcome.mentions)} mentions" + ("" if fresh else " (cached)")
        if meter is not None:
            meter.document_done(document.id, size, note)
        else:
            progress(f"  {document.id}{note}")
        return outcome

    try:
        for document in documents:
            text = document.read_text()
            size = document.path.stat().st_size
            key = cache.key(document, text)
            cached = None if keep_texts else cache.get(key)
            if cached is not None:
                window.append((document, key, cached, False, size))
            elif pool is not None:
                job = (document.id, document.language, text)
                window.append((document, key, pool.submit(_process_in_worker, job), True, size))
            else:
                if linker is None:  # no pool: this process links
                    linker = cached_linker(catalog, linker_path)

                def stage(name: str, document: DocumentMeta = document, size: int = size) -> None:
                    if meter is not None:
                        meter.stage(document.id, size, name)

                stage("linking")
                linked = linker.link(document.id, text, document.language)
                outcome = process_document(linked, catalog, stage)
                if not keep_texts:
                    outcome.linked = None
                window.append((document, key, outcome, True, size))
            while len(window) > 4 * max(1, jobs):
                yield finish(window.popleft())
        while window:
            yield finish(window.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
