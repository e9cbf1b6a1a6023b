"""The build: seeds + ontology → normalize → link → extract → assemble → validate → Turtle."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from amurkg.corpus.catalog import CORE_CLASSES, Catalog, Entity, load_catalog
from amurkg.corpus.claims import load_claims
from amurkg.corpus.documents import DocumentMeta, load_documents
from amurkg.errors import InputError
from amurkg.extract import METHODS, Relation
from amurkg.extract.discovery_merge import merge_proposed
from amurkg.layout import Layout
from amurkg.namespaces import LANGUAGES
from amurkg.pipeline import assemble, serialize, shacl, standard_terms
from amurkg.pipeline import validate as validate_module
from amurkg.pipeline.process import OutcomeCache, catalog_fingerprint, process_corpus, rename_entities
from amurkg.pipeline.progress import ProgressMeter, size_warning
from amurkg.pipeline.serialize import stale_temporaries, turtle_bytes, with_path, write_atomically
from amurkg.pipeline.validate import Engine, Violation, shacl_violations
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
    graph: Graph
    catalog: Catalog
    documents: list[DocumentMeta]
    linked: list[LinkedText]
    relations: list[Relation]
    reports: list[DocumentReport]
    violations: list[Violation]
    cached_documents: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    proposed: list[Entity] = field(default_factory=list)  # entities discovered in the documents

    def entities_per_class(self) -> dict[str, int]:
        counts = Counter(e.cls for e in self.catalog)
        return {cls: counts.get(cls, 0) for cls in CORE_CLASSES}

    def label_coverage(self) -> dict[str, int]:
        """How many entities have a label in each language."""
        return {lang: sum(1 for e in self.catalog if lang in e.labels) for lang in LANGUAGES}

    def relations_by_method(self) -> dict[str, int]:
        counts = Counter(r.method for r in self.relations)
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
) -> BuildResult:
    """Run the whole pipeline in memory; raises InputError or ValidationFailed, writes only the cache.

    `jobs` > 1 links and extracts documents in that many processes (same output, byte for byte);
    `use_cache` reuses the outcome of documents that did not change; `keep_texts` keeps each
    document's linked text in the result (for tools and tests that need it); `engine` is the SHACL
    engine ("fast", amurkg's own SHACL Core engine, or "full", pySHACL; both find the same violations);
    `executor` "dask" links and extracts on a Dask cluster (`scheduler`, or a local one), same output.
    `meter`, given the number of documents and their bytes, makes the progress meter of the
    linking stage (local executor). A text larger than LARGE_TEXT is warned about and built.
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
    graph = assemble.new_graph(ontology)
    assemble.add_ontology_header(graph)
    for entity in catalog:
        assemble.add_entity(graph, entity)
    relations: list[Relation] = list(claims)
    reports: list[DocumentReport] = []
    linked: list[LinkedText] = []
    co_mentions: Counter = Counter()
    if executor == "dask":
        from amurkg.pipeline.executors import dask_process_corpus

        processed = dask_process_corpus(documents, catalog, cache, scheduler, progress)
    else:
        processed = process_corpus(documents, catalog, cache, jobs, keep_texts, progress, shown)
    outcomes = []
    for document, outcome in zip(documents, processed):
        outcomes.append((document, outcome))
        if outcome.linked is not None:
            linked.append(outcome.linked)
    # names discovered in several documents and languages become one entity before assembly
    proposed, remap = merge_proposed(e for _, outcome in outcomes for e in outcome.proposed)
    for entity in proposed:
        assemble.add_entity(graph, entity)
    for document, outcome in outcomes:
        outcome = rename_entities(outcome, remap)
        assemble.add_document(graph, document)
        assemble.add_mentions(graph, document.id, outcome.mentions)
        assemble.add_observations(graph, outcome.observations, catalog)
        relations.extend(outcome.relations)
        co_mentions.update(outcome.co_mentions)
        report = DocumentReport(document.id, document.language, len(outcome.mentions), len(outcome.entities))
        report.relations.update(r.method for r in outcome.relations)
        report.relations.update(r.method for r in claims if r.document == document.id)
        reports.append(report)
    relations = sorted(set(relations))
    if shown is not None:
        shown.close()
    clock.lap("link_extract")  # documents are assembled as they arrive; the rest is assembly proper

    progress("assembling the graph")
    for relation in relations:
        assemble.add_relation(graph, relation)
    assemble.add_co_mentions(graph, co_mentions)
    standard_terms.add_standard_terms(graph, LazyTexts(documents))  # W3C Web Annotation / PROV beside ak:

    clock.lap("assemble")
    violations: list[Violation] = []
    if validate:
        progress("validating with SHACL" + (" (pySHACL)" if engine == "full" else ""))
        violations = shacl_violations(graph, shapes, ontology, engine)
        clock.lap("validate")
        if violations:
            raise ValidationFailed(violations)
    return BuildResult(
        graph, catalog, documents, linked, relations, reports, violations, cache.hits, clock.laps, proposed
    )


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


def input_fingerprint(layout: Layout) -> str:
    """A hash of everything a build reads (catalog, code, ontology, documents, claims): same hash, same output."""
    digest = hashlib.sha256(catalog_fingerprint(layout.catalog).encode())
    digest.update(Path(__file__).read_bytes())
    for module in (
        assemble,
        standard_terms,
        serialize,
        validate_module,
        shacl,
    ):  # the code that decides the bytes written
        digest.update(Path(module.__file__).read_bytes())
    paths = [layout.ontology, layout.shapes, layout.document_listing]
    paths += sorted(layout.documents.glob("*")) + sorted(layout.claims.glob("*.yaml"))
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def is_up_to_date(layout: Layout, fingerprint: str, validated: bool = True) -> bool:
    """Was exports/amurkg.ttl written by a build of exactly these inputs (validated, when asked),
    and is it untouched since?"""
    stamp = layout.cache / "build.json"
    if not stamp.is_file() or not layout.turtle.is_file():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict):
        return False
    return (
        recorded.get("inputs") == fingerprint
        and (recorded.get("validated", True) or not validated)
        and recorded.get("turtle_sha256") == hashlib.sha256(layout.turtle.read_bytes()).hexdigest()
    )


def write_build(result: BuildResult, layout: Layout, fingerprint: str | None = None, validated: bool = True) -> int:
    """Write exports/amurkg.ttl atomically (and the stamp that lets the next build skip); returns its size."""
    data = turtle_bytes(result.graph)
    write_atomically(layout.turtle, data)
    if fingerprint is not None:
        stamp = {"inputs": fingerprint, "validated": validated, "turtle_sha256": hashlib.sha256(data).hexdigest()}
        write_atomically(layout.cache / "build.json", json.dumps(stamp, indent=2).encode())
    return len(data)


LOCK_NAME = "build.lock"


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
    for path in stale:
        path.unlink(missing_ok=True)
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
