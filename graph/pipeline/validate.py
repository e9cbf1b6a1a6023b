"""SHACL validation: a graph that violates the shapes is never written.

Two engines give the same violations: `fast` (the default), amurkg's own SHACL Core engine over an
in-memory index (`amurkg.pipeline.shacl`), and `full`, pySHACL, the reference. A shapes graph that
uses more than SHACL Core (SHACL-SPARQL, SHACL-AF) is always validated with pySHACL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Literal as Choice

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from amurkg.pipeline.shacl import (
    DataIndex,
    LayeredIndex,
    Result,
    Unsupported,
    Validator,
    WholeGraphNeeded,
    path_text_of,
)

ENGINES = ("fast", "full")
Engine = Choice["fast", "full"]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.message}" + (f" (property {self.path})" if self.path else "")


def shacl_violations(data: Graph, shapes: Graph, ontology: Graph, engine: Engine = "fast") -> list[Violation]:
    """Every violation of the shapes, readable, sorted; empty when the graph conforms.

    The data graph of a build already holds the ontology; `ontology` is mixed in for graphs that do not.
    """
    if engine == "fast":
        try:
            results = Validator(shapes, names=data).validate(DataIndex(_with_ontology(data, ontology)))
        except Unsupported:  # beyond SHACL Core: the reference engine decides
            pass
        else:
            found = {Violation(_short(data, r.focus), r.path, r.message) for r in results if r.severity == SH.Violation}
            return sorted(found, key=str)
    return pyshacl_violations(data, shapes, ontology)


def violations_by_focus(
    data: Graph, shapes: Graph, ontology: Graph, within: Container, index: DataIndex | None = None
) -> dict[Node, list[Violation]] | None:
    """The fast engine's violations of the focus nodes in `within` (the nodes of the shards that
    changed), the rest of the data as context; None when the shapes are beyond SHACL Core. `index`:
    the data (with the ontology) already indexed; `data` then only names the prefixes."""
    try:
        index = DataIndex(_with_ontology(data, ontology)) if index is None else index
        results = Validator(shapes, names=data).validate(index, within)
    except Unsupported:
        return None
    found: dict[Node, set[Violation]] = {}
    for r in results:
        if r.severity == SH.Violation:
            found.setdefault(r.focus, set()).add(Violation(_short(data, r.focus), r.path, r.message))
    return {focus: sorted(each, key=str) for focus, each in found.items()}


class ContextGrew(Exception):
    """A document was validated before the context it read was complete: validate the whole graph."""


class ShardValidation:
    """The fast engine one document shard at a time, with only the context the shard needs.

    The context is one index of the ontology, the catalog, the relations and the co-mentions, plus
    the description of every node they share with the documents: a document's triples whose subject
    is a node of the context (an entity's `ak:mentionedIn`, a proposing document's title), then,
    transitively, the triples of the nodes those reach (the document node, an observation's value),
    and the triples that point at a context node with a predicate the shapes read backwards
    (`sh:inversePath`, `sh:targetObjectsOf`). What is left, the document's own nodes (mentions,
    evidence, observations), is validated against the context as soon as the document is assembled
    (`add_document`) and dropped; the context's nodes are validated once at the end (`finish`), when
    every document has added to it. Each node is thus validated with all of its triples, as on the
    whole graph. A document validated before the context was complete records what it read of the
    context; `finish` raises ContextGrew if any of it grew later (then validate the whole graph).
    """

    def __init__(self, shapes: Graph, ontology: Graph, names: Graph):
        """Raises Unsupported when the shapes are beyond SHACL Core or read the whole graph at once."""
        self.validator = Validator(shapes, names=names)
        self.backwards = _backward_predicates(shapes)
        self.context = DataIndex(ontology)
        self.names = names
        self.reads: dict = {}  # (direction, node, predicate) of the context → the fewest values seen
        self.shared: set = set()  # the documents' nodes whose triples went to the context

    def add_context(self, triples: Iterable[tuple], new_only: bool = False) -> None:
        """Triples of the shared shards (`new_only`: skip those the context already holds)."""
        for triple in triples:
            if not new_only or triple[2] not in self.context.objects(triple[0], triple[1]):
                self.context.add(triple)

    def add_document(self, triples: Iterable[tuple], validate: bool) -> tuple[dict[Node, list[Violation]], set]:
        """Move a document's shared triples to the context and validate the rest (when `validate`):
        the violations of the document's own nodes, and the document's nodes in the context (their
        results come from `finish`)."""
        triples = list(triples)
        own = self._split(triples)
        found: dict[Node, list[Violation]] = {}
        if not validate:
            return found, set()
        touching = {n for s, _, o in triples for n in (s, o) if not isinstance(n, Literal) and self.context.has(n)}
        top = DataIndex(own)
        within = {n for n in [*top.out, *top.into] if not isinstance(n, Literal) and not self.context.has(n)}
        if within:
            try:
                results = self.validator.validate(LayeredIndex(self.context, top, self.reads), within)
            except WholeGraphNeeded:
                raise ContextGrew("the shapes read the whole graph") from None
            found = self._by_focus(results)
        return found, touching

    def _split(self, triples: Iterable[tuple]) -> list[tuple]:
        """Move to the context the triples of the document's nodes that the context reaches; the rest."""
        by_subject: dict = defaultdict(list)
        pointing: dict = defaultdict(list)  # object → subjects of triples the shapes read backwards
        for triple in triples:
            by_subject[triple[0]].append(triple)
            if triple[1] in self.backwards:
                pointing[triple[2]].append(triple[0])
        frontier = [s for s in by_subject if self.context.has(s)]
        frontier += [s for o, subjects in pointing.items() if self.context.has(o) for s in subjects]
        moved: set = set()
        while frontier:
            subject = frontier.pop()
            if subject in moved:
                continue
            moved.add(subject)
            self.shared.add(subject)
            frontier.extend(pointing.get(subject, ()))
            for triple in by_subject.get(subject, ()):
                self.context.add(triple)
                obj = triple[2]
                if not isinstance(obj, Literal):
                    self.shared.add(obj)
                    if obj in by_subject and obj not in moved:
                        frontier.append(obj)
                    frontier.extend(pointing.get(obj, ()))
        return [t for subject, each in by_subject.items() if subject not in moved for t in each]

    def finish(self, within: Container) -> dict[Node, list[Violation]]:
        """The violations of the context's nodes in `within` and of the documents' shared nodes;
        raises ContextGrew when a document read a part of the context that grew after it."""
        for (direction, node, predicate), count in self.reads.items():
            if direction == "out":
                now = len(self.context.objects(node, predicate))
            elif direction == "into":
                now = len(self.context.subjects(predicate, node))
            else:
                now = sum(len(objects) for objects in self.context.properties(node).values())
            if now != count:
                raise ContextGrew(f"{node} {predicate}: {count} values when read, {now} at the end")
        nodes = _Either(within, self.shared)
        return self._by_focus(self.validator.validate(self.context, nodes))

    def _by_focus(self, results: list[Result]) -> dict[Node, list[Violation]]:
        found: dict[Node, set[Violation]] = {}
        for r in results:
            if r.severity == SH.Violation:
                found.setdefault(r.focus, set()).add(Violation(_short(self.names, r.focus), r.path, r.message))
        return {focus: sorted(each, key=str) for focus, each in found.items()}


class _Either(Container):
    """In one of two containers."""

    def __init__(self, first: Container, second: Container):
        self.first, self.second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second


def _backward_predicates(shapes: Graph) -> set:
    """The predicates the shapes read from object to subject (`sh:inversePath` of an IRI,
    `sh:targetObjectsOf`); raises Unsupported for an inverse of a complex path (it reads every node)."""
    found = set(shapes.objects(None, SH.targetObjectsOf))
    for step in shapes.objects(None, SH.inversePath):
        if not isinstance(step, URIRef):
            raise Unsupported("an inverse of a complex path reads the whole graph")
        found.add(step)
    return found


def _with_ontology(data: Graph, ontology: Graph) -> Iterable[tuple]:
    """The data's triples and the ontology's triples it lacks (a build's data graph already holds them)."""
    missing = [triple for triple in ontology if triple not in data]
    return chain(data, missing) if missing else data


def pyshacl_violations(data: Graph, shapes: Graph, ontology: Graph) -> list[Violation]:
    """The reference: pySHACL (no inference), its results in the same form."""
    from pyshacl import validate

    conforms, report, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    paths = {shape: path_text_of(shapes, path, data) for shape, path in shapes.subject_objects(SH.path)}
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation or (None, SH.detail, result) in report:
            continue  # (pySHACL also lists the details of a sh:node result; SHACL reports the result itself)
        path = report.value(result, SH.resultPath)
        shape = report.value(result, SH.sourceShape)
        violations.append(
            Violation(
                focus=_short(data, report.value(result, SH.focusNode)),
                path=""
                if path is None
                else paths.get(shape, str(path))
                if isinstance(path, BNode)
                else _short(data, path),
                message=str(report.value(result, SH.resultMessage) or "violates a shape"),
            )
        )
    return sorted(set(violations), key=str)


def _short(graph: Graph, term) -> str:
    if term is None:
        return ""
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # noqa: BLE001 - blank nodes and odd terms print as they are
        return str(term)
