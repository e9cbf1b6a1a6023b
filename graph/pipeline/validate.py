"""SHACL validation with pySHACL: a graph that violates the shapes is never written."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.message}" + (f" (property {self.path})" if self.path else "")


def shacl_violations(data: Graph, shapes: Graph, ontology: Graph) -> list[Violation]:
    """Every violation of the shapes, readable, sorted; empty when the graph conforms."""
    conforms, report, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        violations.append(
            Violation(
                focus=_short(data, report.value(result, SH.focusNode)),
                path=_short(data, report.value(result, SH.resultPath)),
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
