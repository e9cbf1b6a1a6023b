"""SHACL validation: a graph that violates the shapes is never written.

Two engines give the same violations: `fast` (the default), amurkg's own SHACL Core engine over an
in-memory index (`amurkg.pipeline.shacl`), and `full`, pySHACL, the reference. A shapes graph that
uses more than SHACL Core (SHACL-SPARQL, SHACL-AF) is always validated with pySHACL.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Literal as Choice

from rdflib import BNode, Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from amurkg.pipeline.shacl import DataIndex, Unsupported, Validator, path_text_of

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
