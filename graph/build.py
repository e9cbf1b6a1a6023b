"""The build: seeds + ontology → normalize → link → extract → assemble → validate → Turtle."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph

from . import assemble
from .catalog import CORE_CLASSES, Catalog, load_catalog
from .documents import DocumentMeta, load_documents
from .errors import InputError
from .extract import METHODS, Relation
from .extract.claims import load_claims
from .extract.patterns import extract_patterns
from .extract.tables import extract_tables
from .layout import Layout
from .link import LinkedText, Linker
from .namespaces import LANGUAGES
from .serialize import turtle_bytes, write_atomically
from .validate import Violation, shacl_violations

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


def build(layout: Layout, validate: bool = True, progress: Progress = lambda _: None) -> BuildResult:
    """Run the whole pipeline in memory; raises InputError or ValidationFailed, writes nothing."""
    progress("reading ontology and catalog")
    ontology, shapes = load_ontology(layout)
    catalog = load_catalog(layout.catalog, layout.root)
    documents = load_documents(layout.document_listing, layout.documents, layout.root, set(catalog.entities))
    texts = {d.id: d.read_text() for d in documents}
    claims = load_claims(layout.claims, catalog, texts, layout.root)

    progress(f"linking {len(documents)} documents")
    linker = Linker(catalog)
    linked: list[LinkedText] = []
    relations: list[Relation] = list(claims)
    reports: list[DocumentReport] = []
    for document in documents:
        progress(f"  {document.id} ({document.language})")
        text = linker.link(document.id, texts[document.id], document.language)
        table_relations, table_sentences = extract_tables(text, catalog)
        found = table_relations + extract_patterns(text, catalog, skip=table_sentences)
        linked.append(text)
        relations.extend(found)
        report = DocumentReport(document.id, document.language, len(text.mentions),
                                len({m.entity for m in text.mentions}))
        report.relations.update(r.method for r in found)
        report.relations.update(r.method for r in claims if r.document == document.id)
        reports.append(report)
    relations = sorted(set(relations))

    progress("assembling the graph")
    graph = assemble.new_graph(ontology)
    assemble.add_ontology_header(graph)
    for entity in catalog:
        assemble.add_entity(graph, entity)
    for document in documents:
        assemble.add_document(graph, document)
    for text in linked:
        assemble.add_mentions(graph, text)
    for relation in relations:
        assemble.add_relation(graph, relation)
    assemble.add_co_mentions(graph, assemble.co_mention_counts(linked))

    violations: list[Violation] = []
    if validate:
        progress("validating with SHACL")
        violations = shacl_violations(graph, shapes, ontology)
        if violations:
            raise ValidationFailed(violations)
    return BuildResult(graph, catalog, documents, linked, relations, reports, violations)


def write_build(result: BuildResult, layout: Layout) -> int:
    """Write exports/amurkg.ttl atomically; returns its size in bytes."""
    data = turtle_bytes(result.graph)
    write_atomically(layout.turtle, data)
    return len(data)

