"""The build: seeds + ontology → normalize → link → extract → assemble → validate → Turtle."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import cast

from rdflib import Graph
from rdflib.namespace import PROV

from amurkg.corpus.catalog import CORE_CLASSES, Catalog, Entity, load_catalog
from amurkg.corpus.claims import load_claims
from amurkg.corpus.documents import DocumentMeta, load_documents
from amurkg.errors import InputError
from amurkg.extract import METHODS, Relation
from amurkg.extract.discovery_merge import merge_proposed
from amurkg.layout import Layout
from amurkg.namespaces import LANGUAGES
from amurkg.pipeline import assemble, shacl, shards, standard_terms
from amurkg.pipeline import observations as observation_rdf
from amurkg.pipeline import validate as validate_module
from amurkg.pipeline.fingerprint import catalog_fingerprint
from amurkg.pipeline.process import (
    DocumentOutcome,
    OutcomeCache,
    process_corpus,
    rename_entities,
)
from amurkg.pipeline.progress import ProgressMeter, size_warning
from amurkg.pipeline.serialize import (
    block_cache_tag,
    shard_triples,
    stale_temporaries,
    turtle_bytes,
    with_path,
    write_atomically,
    write_turtle_cached,
)
from amurkg.pipeline.shacl import DataIndex, Unsupported
from amurkg.pipeline.shards import Piece, Shard, ShardFolder
from amurkg.pipeline.validate import (
    ContextGrew,
    Engine,
    ShardValidation,
    Violation,
    shacl_violations,
    violations_by_focus,
)
from amurkg.text.link import LinkedText

Progress = Callable[[str], None]


@dataclass
class DocumentReport:
    id: str
    language: str
    mentions: int
    entities: int
    relations: Counter = field(default_factory=Counter)


@dataclass
class BuildResult:
    union: Graph | None  # the union of the shards in memory (None: read from the shards when asked)
    catalog: Catalog
    documents: list[DocumentMeta]
    linked: list[LinkedText]
    relations: list[Relation]
    reports: list[DocumentReport]
    violations: list[Violation]
    cached_documents: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    proposed: list[Entity] = field(default_factory=list)  # entities discovered in the documents
    shards: list[Shard] = field(default_factory=list)  # the N-Quads shards whose union is `graph`
    shard_folder: ShardFolder | None = None
    validated_documents: int = 0  # document shards validated by this build (the others had not changed)
    unwritten: dict[str, bytes] = field(default_factory=dict)  # shards whose file could not be written
    methods: Counter = field(default_factory=Counter)  # relations per method (also when they are not kept)

    @property
    def graph(self) -> Graph:
        """The built graph (what exports/amurkg.ttl holds) as an rdflib Graph; a build that did not keep
        it in memory (`keep_graph=False`) reads it from its shards on first use."""
        if self.union is None:
            union = assemble.new_graph()
            for number, lines in enumerate(self.shard_lines()):
                union.addN((s, p, o, union) for s, p, o in shard_triples(lines, f"s{number}x"))
            self.union = union
        return self.union

    @property
    def triples(self) -> int:
        """How many triples the graph holds (the shards are disjoint), without reading it."""
        return len(self.union) if self.union is not None else sum(s.triples for s in self.shards)

    def shard_lines(self) -> Iterator[list[bytes]]:
        """Each shard's N-Quads lines, in the build's order (from its file, or kept when unwritten)."""
        for shard in self.shards:
            data = self.unwritten.get(shard.name)
            if data is None:
                assert self.shard_folder is not None
                data = self.shard_folder.path(shard).read_bytes()
            yield [line for line in data.split(b"\n") if line]  # (only a line feed ends a line)

    def entities_per_class(self) -> dict[str, int]:
        counts = Counter(e.cls for e in self.catalog)
        return {cls: counts.get(cls, 0) for cls in CORE_CLASSES}

    def label_coverage(self) -> dict[str, int]:
        """How many entities have a label in each language."""
        return {lang: sum(1 for e in self.catalog if lang in e.labels) for lang in LANGUAGES}

    def relations_by_method(self) -> dict[str, int]:
        counts = Counter(r.method for r in self.relations) if self.relations or not self.methods else self.methods
        return {method: counts.get(method, 0) for method in METHODS}


class ValidationFailed(Exception):
    def __init__(self, violations: list[Violation]):
        self.violations = violations
        super().__init__(f"{len(violations)} SHACL violation(s)")


def load_ontology(layout: Layout) -> tuple[Graph, Graph]:
    """The ontology and the SHACL shapes, with a clear error if either does not parse."""
    graphs = []
    for path in (layout.ontology, layout.shapes):
        graph = Graph()
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError:
            raise InputError.one(layout.shown(path), "file not found") from None
        except Exception as exc:  # noqa: BLE001 - rdflib raises several parser error types
            raise InputError.one(layout.shown(path), f"does not parse as Turtle: {exc}") from None
        graphs.append(graph)
    return graphs[0], graphs[1]


def build(
    layout: Layout,
    validate: bool = True,
    progress: Progress = lambda _: None,
    jobs: int = 1,
    use_cache: bool = True,
    keep_texts: bool = False,
    engine: Engine = "fast",
    executor: str = "local",
    scheduler: str | None = None,
    meter: Callable[[int, int], ProgressMeter] | None = None,
    keep_graph: bool = True,
    keep_relations: bool = True,
) -> BuildResult:
    """Run the whole pipeline in memory; raises InputError or ValidationFailed, writes only the cache.

    `jobs` > 1 links and extracts documents in that many processes (same output, byte for byte);
    `use_cache` reuses the outcome of documents that did not change; `keep_texts` keeps each
    document's linked text in the result (for tools and tests that need it); `engine` is the SHACL
    engine ("fast", amurkg's own SHACL Core engine, or "full", pySHACL; both find the same violations);
    `executor` "dask" links and extracts on a Dask cluster (`scheduler`, or a local one), same output.
    `meter`, given the number of documents and their bytes, makes the progress meter of the
    linking stage (local executor). A text larger than LARGE_TEXT is warned about and built.
    `keep_graph` False: the union of the shards is not held in memory (`write_build` streams the
    Turtle from the shards; `BuildResult.graph` reads them when asked), unless validation needs it;
    `keep_relations` False: `BuildResult.relations` is left empty (`relations_by_method` still counts).
    The documents' outcomes wait on disk (`.cache/.outcomes-*/`) between linking and assembly,
    not in memory.
    """
    clock = _StageClock()
    progress("reading ontology and catalog")
    ontology, shapes = load_ontology(layout)
    catalog = load_catalog(layout.catalog, layout.root)
    documents = load_documents(layout.document_listing, layout.documents, layout.root, set(catalog.entities))
    claims = load_claims(layout.claims, catalog, LazyTexts(documents), layout.root)

    clock.lap("read")
    progress(f"linking and extracting {len(documents)} documents" + (f" in {jobs} processes" if jobs > 1 else ""))
    sizes = [document.path.stat().st_size for document in documents]
    shown = meter(len(documents), sum(sizes)) if meter is not None and executor != "dask" else None
    for document, size in zip(documents, sizes):
        warning = size_warning(document.id, size)
        if warning is not None and shown is not None:
            shown.message(warning)
        elif warning is not None:
            progress(warning)
    cache = OutcomeCache(layout.cache / "documents" if use_cache else None, catalog_fingerprint(layout.catalog))
    folder = ShardFolder(layout.cache / "shards")
    shard_code = shards.code_fingerprint(
        (assemble, observation_rdf, standard_terms, shards, shacl, validate_module), (layout.shapes, layout.ontology)
    )
    # a build that does not keep the graph validates one document shard at a time (the fast engine, with
    # only the context each needs); shapes that need the whole graph get the fast engine's index of the
    # union; the union itself is held when kept or validated by pySHACL
    checker = _shard_validation(shapes, ontology) if validate and engine == "fast" and not keep_graph else None
    index = DataIndex(ontology) if validate and engine == "fast" and not keep_graph and checker is None else None
    graph = assemble.new_graph(ontology) if keep_graph or (validate and index is None and checker is None) else None
    union: Graph | DataIndex | None = graph if graph is not None else index
    unwritten: dict[str, bytes] = {}  # shards whose file could not be written (a full disk)
    catalog_graph, statements = assemble.new_graph(), Piece()
    assemble.add_ontology_header(catalog_graph)
    for entity in catalog:
        assemble.add_entity(catalog_graph, entity, statements)
    relations: list[Relation] = list(claims)
    reports: list[DocumentReport] = []
    linked: list[LinkedText] = []
    co_mentions: Counter = Counter()
    if executor == "dask":
        from amurkg.pipeline.executors import dask_process_corpus

        processed = dask_process_corpus(documents, catalog, cache, scheduler, progress)
    else:
        processed = process_corpus(documents, catalog, cache, jobs, keep_texts, progress, shown)
    waiting = _OutcomeSpill(layout.cache)  # until every document's names are known
    discovered: list[Entity] = []
    any_observations = False
    for outcome in processed:
        discovered.extend(outcome.proposed)
        any_observations = any_observations or bool(outcome.observations)
        waiting.put(outcome)
    # names discovered in several documents and languages become one entity before assembly
    proposed, remap = merge_proposed(discovered)
    merged = {e.id: e for e in proposed}
    for entity in proposed:
        assemble.add_entity(catalog_graph, entity, statements)
    for relation in claims:
        assemble.add_relation(statements, relation, evidence=catalog_graph)
    if any_observations:
        observation_rdf.add_indicator_scheme(catalog_graph)
    if checker is not None:  # what the documents are validated against: the catalog and relations so far
        checker.add_context(catalog_graph)
        statements.mirror(checker.context)
    made: list[Shard] = []
    fresh: dict[Shard, set] = {}  # document shards written now, with their nodes (validated below)
    found: dict[Shard, dict] = {}  # (checker) violations of a fresh document's own nodes
    recorded: list[Violation] = []  # violations recorded with unchanged document shards
    methods = Counter(r.method for r in claims)
    for document, outcome in zip(documents, waiting.taken()):
        own = {e.id for e in outcome.proposed}
        outcome = rename_entities(outcome, remap)
        if outcome.linked is not None:
            linked.append(outcome.linked)
        text = document.read_text()
        ends = outcome.entities | {r.subject for r in outcome.relations} | {r.object for r in outcome.relations}
        key = shards.shard_key(
            cache.key(document, text),
            repr(document),
            shard_code,
            repr(sorted((old, new) for old, new in remap.items() if old in own)),
            repr([merged[e] for e in sorted(ends) if e in merged]),
        )
        piece = _document_graph(document, outcome, catalog, text, union, statements)
        shard = Shard(shards.document_shard(document.id), key, len(piece))
        made.append(shard)
        known = folder.violations(shard) if folder.has(shard) and use_cache else None
        if known is None and not validate and use_cache and folder.path(shard).is_file():
            pass  # written by an earlier build (its key decides its bytes); not validated by this one
        elif known is None:
            data = shards.nquads(piece, shards.graph_name(shard.name))
            if not folder.write(shard, data):
                unwritten[shard.name] = data
            if checker is not None:  # its own nodes validated now; those it shares with the context at the end
                found[shard], fresh[shard] = checker.add_document(piece, validate=True)
            else:
                fresh[shard] = shards.nodes_of(piece) if validate else set()
        else:
            recorded.extend(Violation(*v) for v in known)
            if checker is not None:
                checker.add_document(piece, validate=False)
        if keep_relations:
            relations.extend(outcome.relations)
        methods.update(r.method for r in outcome.relations)  # (the documents' relations are distinct)
        co_mentions.update(outcome.co_mentions)
        report = DocumentReport(document.id, document.language, len(outcome.mentions), len(outcome.entities))
        report.relations.update(r.method for r in outcome.relations)
        report.relations.update(r.method for r in claims if r.document == document.id)
        reports.append(report)
    relations = sorted(set(relations)) if keep_relations else []
    if shown is not None:
        shown.close()
    clock.lap("link_extract")  # documents are assembled as they arrive; the rest is assembly proper

    progress("assembling the graph")
    co_graph = Piece()
    assemble.add_co_mentions(co_graph, co_mentions)
    standard_terms.add_standard_terms(catalog_graph, LazyTexts(documents))  # claims' evidence: prov:wasDerivedFrom
    global_nodes: set = set()
    global_made: list[Shard] = []
    for name, piece in (
        ("ontology", ontology),
        ("catalog", catalog_graph),
        ("relations", statements),
        ("co-mentions", co_graph),
    ):
        data = shards.nquads(piece, shards.graph_name(name))
        shard = Shard(name, shards.shard_key(hashlib.sha256(data).hexdigest(), shard_code), data.count(b"\n"))
        global_made.append(shard)
        if not folder.path(shard).is_file() and not folder.write(shard, data):
            unwritten[shard.name] = data
        if name != "ontology":
            if checker is not None and name != "relations":  # (the relations went to it as they were made)
                checker.add_context(piece, new_only=name == "catalog")  # (with the standard terms added since)
            if graph is not None:
                graph.addN((s, p, o, graph) for s, p, o in piece)
            elif index is not None:
                for triple in piece:
                    index.add(triple)
            global_nodes |= shards.nodes_of(piece)
    made = global_made + made

    clock.lap("assemble")
    violations: list[Violation] = []
    if validate:
        progress(
            "validating with SHACL"
            + (" (pySHACL)" if engine == "full" else f" ({len(fresh)} changed document shards, the catalog's nodes)")
        )
        if checker is not None:
            violations = _finish_shard_validation(
                checker, shapes, ontology, fresh, found, global_nodes, recorded, folder, made, unwritten
            )
        else:
            assert union is not None
            violations = _validate_shards(union, shapes, ontology, engine, fresh, global_nodes, recorded, folder)
        clock.lap("validate")
        if violations:
            raise ValidationFailed(violations)
    return BuildResult(
        graph if keep_graph else None,  # (a graph made only to validate is not kept)
        catalog,
        documents,
        linked,
        relations,
        reports,
        violations,
        cache.hits,
        clock.laps,
        proposed,
        made,
        folder,
        len(fresh) if validate else 0,
        unwritten,
        methods,
    )


def _document_graph(
    document: DocumentMeta,
    outcome: DocumentOutcome,
    catalog: Catalog,
    text: str,
    union: Graph | DataIndex | None,
    statements: Piece,
) -> Piece:
    """A document's shard (added to `union` as it is made): its metadata, mentions, observations and
    evidence (the relations' statements go to `statements`), with their Web Annotation and PROV forms."""
    piece = Piece(union)
    assemble.add_document(piece, document)
    assemble.add_mentions(piece, document.id, outcome.mentions)
    node = assemble.document_iri(document.id)
    for mention in outcome.mentions:
        mention_node = assemble.mention_iri(document.id, mention)
        entity = assemble.iri(mention.entity)
        standard_terms.annotate(piece, mention_node, entity, node, mention.start, mention.end, text)
    for observation in outcome.observations:
        observation_rdf.add_observation(cast(Graph, piece), observation, catalog)
    for relation in outcome.relations:
        evidence = assemble.add_relation(statements, relation, evidence=piece)
        if relation.document:
            piece.add((evidence, PROV.wasDerivedFrom, assemble.document_iri(relation.document)))
    return piece


def _validate_shards(
    data: Graph | DataIndex,
    shapes: Graph,
    ontology: Graph,
    engine: Engine,
    fresh: dict[Shard, set],
    global_nodes: set,
    recorded: list[Violation],
    folder: ShardFolder,
) -> list[Violation]:
    """Validate the nodes of the document shards written now and of the catalog, relations and
    co-mentions (the rest of the graph as context); an unchanged document's recorded violations
    count again. Each new shard's violations are recorded beside it. pySHACL validates it all.
    `data`: the union as a graph, or as the fast engine's index of it."""
    within = global_nodes.union(*fresh.values())
    if isinstance(data, DataIndex):
        by_focus = violations_by_focus(assemble.new_graph(), shapes, ontology, within, index=data)
        graph = None
    else:
        graph = data
        by_focus = None if engine == "full" else violations_by_focus(graph, shapes, ontology, within)
    if by_focus is None:
        if graph is None:  # shapes beyond SHACL Core: pySHACL, on the graph of the index
            graph = assemble.new_graph()
            graph.addN((s, p, o, graph) for s, p, o in cast(DataIndex, data).triples())
        return shacl_violations(graph, shapes, ontology, engine)
    found = set(recorded)
    for shard, nodes in fresh.items():
        own = sorted({v for node in nodes for v in by_focus.get(node, ())}, key=str)
        folder.record(shard, [[v.focus, v.path, v.message] for v in own])
    for each in by_focus.values():
        found.update(each)
    return sorted(found, key=str)


def _shard_validation(shapes: Graph, ontology: Graph) -> ShardValidation | None:
    """One document shard at a time, or None when the shapes need the whole graph."""
    try:
        return ShardValidation(shapes, ontology, names=assemble.new_graph())
    except Unsupported:
        return None


def _finish_shard_validation(
    checker: ShardValidation,
    shapes: Graph,
    ontology: Graph,
    fresh: dict[Shard, set],
    found: dict[Shard, dict],
    global_nodes: set,
    recorded: list[Violation],
    folder: ShardFolder,
    made: list[Shard],
    unwritten: dict[str, bytes],
) -> list[Violation]:
    """Validate the context's nodes (the catalog, relations, co-mentions and what the documents share
    with them), record each new document shard's violations beside it, and add the recorded ones of
    the unchanged documents. If a document read a part of the context that grew after it was
    validated, the whole graph is read back from the shards and validated as before."""
    try:
        shared = checker.finish(global_nodes)
    except ContextGrew:
        return _validate_whole_from_shards(shapes, ontology, fresh, recorded, folder, made, unwritten)
    everything = set(recorded)
    for shard, touching in fresh.items():
        own = set(v for each in found[shard].values() for v in each)
        own.update(v for node in touching for v in shared.get(node, ()))
        folder.record(shard, [[v.focus, v.path, v.message] for v in sorted(own, key=str)])
        everything |= own
    for each in shared.values():
        everything.update(each)
    return sorted(everything, key=str)


def _validate_whole_from_shards(
    shapes: Graph,
    ontology: Graph,
    fresh: dict[Shard, set],
    recorded: list[Violation],
    folder: ShardFolder,
    made: list[Shard],
    unwritten: dict[str, bytes],
) -> list[Violation]:
    """The fast engine on its index of every shard read back (the nodes of the shared shards and of
    the new document shards validated, the rest as context), each new shard's violations recorded."""
    index = DataIndex(())
    nodes: dict[Shard, set] = {}
    for number, shard in enumerate(made):
        data = unwritten.get(shard.name)
        lines = [line for line in (data if data is not None else folder.path(shard).read_bytes()).split(b"\n") if line]
        triples = list(shard_triples(lines, f"s{number}x"))
        for triple in triples:
            index.add(triple)
        if shard in fresh or shard.name in ("catalog", "relations", "co-mentions"):
            nodes[shard] = shards.nodes_of(triples)
    fresh_by_name = {shard.name: shard for shard in fresh}
    global_nodes = set().union(*(n for s, n in nodes.items() if s.name not in fresh_by_name))
    new = {shard: n for shard, n in nodes.items() if shard.name in fresh_by_name}
    return _validate_shards(index, shapes, ontology, "fast", new, global_nodes, recorded, folder)


class _OutcomeSpill:
    """Outcomes pickled to a folder of their own under `cache` as they arrive, read back once, in
    order (when the folder cannot be written, they wait in memory instead). Linked texts, kept only
    when a build is asked to keep them, stay in memory and go back with their outcomes."""

    PREFIX = ".outcomes-"

    def __init__(self, cache: Path):
        self.folder: Path | None = None
        try:
            cache.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=self.PREFIX, dir=cache))
        except OSError:
            pass
        self.items: list[Path | DocumentOutcome | None] = []
        self.texts: list[LinkedText | None] = []

    def put(self, outcome: DocumentOutcome) -> None:
        self.texts.append(outcome.linked)
        if self.folder is not None:
            path = self.folder / f"{len(self.items)}.pickle"
            try:
                path.write_bytes(pickle.dumps(replace(outcome, linked=None), protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:
                path.unlink(missing_ok=True)
            else:
                self.items.append(path)
                return
        self.items.append(outcome)

    def taken(self) -> Iterator[DocumentOutcome]:
        try:
            for number, item in enumerate(self.items):
                self.items[number] = None  # nothing held once read
                if isinstance(item, Path):
                    outcome = pickle.loads(item.read_bytes())
                    item.unlink()
                    text, self.texts[number] = self.texts[number], None
                    yield outcome if text is None else replace(outcome, linked=text)
                elif item is not None:
                    yield item
        finally:
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)


class _StageClock:
    """Wall time of consecutive stages."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = round(now - self._last, 4)
        self._last = now


class LazyTexts(Mapping):
    """Document texts by id, read when first asked for (claims need only a few)."""

    def __init__(self, documents: list[DocumentMeta]):
        self._documents = {d.id: d for d in documents}
        self._texts: dict[str, str] = {}

    def __getitem__(self, document_id: str) -> str:
        if document_id not in self._texts:
            self._texts[document_id] = self._documents[document_id].read_text()
        return self._texts[document_id]

    def __iter__(self):
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)


def write_build(
    result: BuildResult,
    layout: Layout,
    fingerprint: str | None = None,
    validated: bool = True,
    progress: Progress = lambda _: None,
) -> int:
    """Write exports/amurkg.ttl atomically (and the stamp that lets the next build skip), list the
    shards in their folder's manifest and load the changed ones into the Oxigraph store of record
    (`.cache/oxigraph/`); returns the Turtle's size."""
    if result.shard_folder is not None and result.shards:  # streamed from the shards: the same bytes
        namespaces = [(prefix, str(ns)) for prefix, ns in assemble.new_graph().namespace_manager.namespaces()]
        blocks, tag = layout.cache / BLOCK_CACHE, block_cache_tag(namespaces)
        sources = [
            (
                partial(_lines_of, result, shard),
                None if shard.name in result.unwritten else blocks / f"{shard.file}.{tag}.pickle",
            )
            for shard in result.shards
        ]
        size, sha256 = write_turtle_cached(layout.turtle, sources, namespaces, layout.cache / TURTLE_SCRATCH)
    else:
        data = turtle_bytes(result.graph)
        write_atomically(layout.turtle, data)
        size, sha256 = len(data), hashlib.sha256(data).hexdigest()
    if result.shard_folder is not None:
        load_store(layout, result.shard_folder, result.shards, sha256, progress)
    if fingerprint is not None:
        stamp = {"inputs": fingerprint, "validated": validated, "turtle_sha256": sha256}
        write_atomically(layout.cache / "build.json", json.dumps(stamp, indent=2).encode())
    return size


def _lines_of(result: BuildResult, shard: Shard) -> list[bytes]:
    """A shard's N-Quads lines (from its file, or kept when unwritten)."""
    data = result.unwritten.get(shard.name)
    if data is None:
        assert result.shard_folder is not None
        data = result.shard_folder.path(shard).read_bytes()
    return [line for line in data.split(b"\n") if line]  # (only a line feed ends a line)


def load_store(layout: Layout, folder: ShardFolder, made: list[Shard], turtle_sha256: str, progress: Progress) -> None:
    """List the shards in the folder's manifest and load them into the persistent Oxigraph store
    `amurkg query --store oxigraph` reads. A shard, the manifest or the store that cannot be
    written is told, not fatal: exports/amurkg.ttl is written, and the store reloads from it."""
    from amurkg.store.stores import load_shards

    store = layout.cache / "oxigraph"
    missing = [shard for shard in made if not folder.path(shard).is_file()]
    if missing:
        progress(
            f"the shards were not all written ({layout.shown(folder.path(missing[0]))}); the store was not updated"
        )
        return
    try:
        folder.write_manifest(made)
        loaded = load_shards(store, list(folder.files()), turtle_sha256)
    except OSError as exc:  # held by a running query or server: it reloads from the Turtle when next opened
        progress(f"the Oxigraph store {layout.shown(store)} was not updated ({exc}); it reloads when next queried")
        return
    progress(f"loaded {loaded} changed shards into {layout.shown(store)}")


LOCK_NAME = "build.lock"
TURTLE_SCRATCH = ".turtle-sort"  # under .cache: write_build's sorted runs, while it writes
BLOCK_CACHE = "turtle-blocks"  # under .cache: each shard's Turtle blocks, by shard file and writer code


@contextmanager
def build_lock(layout: Layout) -> Iterator[None]:
    """Hold `.cache/build.lock` for one build: a second build at the same time is refused at once
    (InputError naming the running build's process), never run alongside. The lock is an OS file
    lock, so a killed build never leaves it held. Under the lock, the temporary files a killed
    build left behind are removed."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the atomic writes still hold
        yield
        return
    layout.cache.mkdir(parents=True, exist_ok=True)
    path = layout.cache / LOCK_NAME
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            raise InputError.one(
                layout.shown(path),
                "another build of this project is running"
                + (f" (process {holder})" if holder.isdigit() else "")
                + "; wait for it to finish, then build again",
            ) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            remove_stale_temporaries(layout)
            yield
        finally:
            with suppress(OSError):
                handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale_temporaries(layout: Layout) -> list[Path]:
    """Delete the half-written temporary files a killed build left beside its outputs and in the
    document cache (call only under build_lock: a running build's own files would go too)."""
    stale = stale_temporaries(layout.turtle) + stale_temporaries(layout.cache / "build.json")
    documents = layout.cache / "documents"
    if documents.is_dir():
        stale += sorted(documents.glob(".*.tmp"))
    shard_folder = layout.cache / "shards"
    if shard_folder.is_dir():
        stale += sorted(path for path in shard_folder.glob(".*") if path.is_file())  # write_atomically's temporaries
    blocks = layout.cache / BLOCK_CACHE
    if blocks.is_dir():
        stale += sorted(path for path in blocks.glob(".*") if path.is_file())
    for path in stale:
        path.unlink(missing_ok=True)
    if layout.cache.is_dir():  # the folders a killed build's outcomes and Turtle sort waited in
        for folder in [*layout.cache.glob(_OutcomeSpill.PREFIX + "*"), layout.cache / TURTLE_SCRATCH]:
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
                stale.append(folder)
    return stale


def check_writable(folder: Path) -> None:
    """Raise the OSError a write into `folder` would raise (read-only, no space), before any work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".amurkg-probe.", dir=folder)
    except OSError as exc:
        raise with_path(exc, folder) from None
    os.close(handle)
    os.unlink(probe)


def clear_cache(layout: Layout) -> int:
    """Remove the build cache; returns how many files were removed."""
    removed = 0
    if layout.cache.is_dir():
        for path in sorted(layout.cache.rglob("*"), reverse=True):
            if path.is_file():
                path.unlink()
                removed += 1
            elif path.is_dir():
                path.rmdir()
        layout.cache.rmdir()
    return removed
