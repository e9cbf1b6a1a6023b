"""Choosing what part of the built graph goes out: entity classes, edge predicates, mentions, evidence.

Shared by the RDF exports (`graph.export`) and the property-graph model (`graph.network`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal as Kind

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from amurkg.corpus.catalog import CORE_CLASSES
from amurkg.errors import InputError
from amurkg.namespaces import AK, ID, STATED_PREDICATES, SYMMETRIC_PREDICATES

#: Relations the documents or the catalog state (each backed by ak:Evidence).
STATED = STATED_PREDICATES
SYMMETRIC = SYMMETRIC_PREDICATES
#: Every predicate that links two nodes of the property graph.
EDGE_PREDICATES: tuple[str, ...] = STATED + ("mentionedIn", "coMentionedWith")
MENTION_PREDICATES = frozenset({"mentionedIn", "coMentionedWith"})
CLASSES: tuple[str, ...] = CORE_CLASSES + ("Document",)

NodeKind = Kind["entity", "geometry", "document", "mention", "evidence", "comention", "other"]


@dataclass(frozen=True)
class Selection:
    """What goes out. `classes`/`predicates` None means all; predicates are ak: local names."""

    classes: frozenset[str] | None = None
    predicates: frozenset[str] | None = None
    mentions: bool = True
    evidence: bool = True

    def keeps_predicate(self, name: str) -> bool:
        if name in MENTION_PREDICATES and not self.mentions:
            return False
        return self.predicates is None or name in self.predicates

    def keeps_class(self, name: str | None) -> bool:
        return self.classes is None or name in self.classes


def parse_names(values: Iterable[str], known: Iterable[str], what: str) -> frozenset[str] | None:
    """User spellings ("park", "ak:Park", "targetsindustry") → ak: local names; InputError if unknown."""
    values = list(values)
    if not values:
        return None
    by_fold = {name.lower(): name for name in known}
    chosen, problems = set(), []
    for value in values:
        key = value.strip().removeprefix("ak:").removeprefix(str(AK)).lower()
        if key in by_fold:
            chosen.add(by_fold[key])
            continue
        close = difflib.get_close_matches(key, list(by_fold), n=1)
        hint = f"did you mean {by_fold[close[0]]!r}? " if close else ""
        problems.append(f"unknown {what} {value!r}; {hint}expected one of {', '.join(known)}")
    if problems:
        raise InputError.one(f"--{what}", "; ".join(problems))
    return frozenset(chosen)


def node_kind(node) -> NodeKind:
    """What a subject of the built graph is, read off its IRI (see graph/assemble.py)."""
    if not isinstance(node, URIRef) or not str(node).startswith(str(ID)):
        return "other"
    path = str(node)[len(str(ID)):]
    head, _, rest = path.partition("/")
    if head in ("document", "mention", "evidence", "comention") and rest:
        return head  # type: ignore[return-value]
    return "geometry" if rest == "geometry" else "entity"


def local(term) -> str:
    """The ak: local name of a term, or '' if it is not an ak: term."""
    text = str(term)
    return text[len(str(AK)):] if text.startswith(str(AK)) else ""


def entity_classes(graph: Graph) -> dict[URIRef, str]:
    """Every entity and document with its core class (local name)."""
    core = {AK[c]: c for c in CLASSES}
    return {node: core[cls] for node, cls in graph.subject_objects(RDF.type)
            if isinstance(node, URIRef) and cls in core and node_kind(node) in ("entity", "document")}


def select(graph: Graph, selection: Selection) -> Graph:
    """The triples of `graph` that `selection` keeps (the same graph object if it keeps everything)."""
    if selection == Selection():
        return graph
    classes = entity_classes(graph)

    def kept_node(node) -> bool:
        kind = node_kind(node)
        if kind == "entity":
            return node in classes and selection.keeps_class(classes[node])
        return True  # documents (the provenance of what is kept) and everything else

    kept: list[tuple] = []
    relations: set[tuple] = set()
    pending_evidence: dict = {}
    mention_entity = {m: e for m, e in graph.subject_objects(AK.entity) if node_kind(m) == "mention"}
    for triple in graph:
        s, p, o = triple
        kind = node_kind(s)
        if kind == "other":
            kept.append(triple)
        elif kind == "geometry":
            if kept_node(URIRef(str(s).removesuffix("/geometry"))):
                kept.append(triple)
        elif kind in ("entity", "document"):
            if not kept_node(s) or (isinstance(o, URIRef) and node_kind(o) == "entity" and not kept_node(o)):
                continue
            name = local(p)
            if name in EDGE_PREDICATES and not selection.keeps_predicate(name):
                continue
            kept.append(triple)
            if name in STATED:
                relations.add(triple)
        elif kind == "mention":
            if selection.mentions and kept_node(mention_entity.get(s)):
                kept.append(triple)
        elif kind == "comention":
            if selection.keeps_predicate("coMentionedWith") and all(
                    kept_node(e) for e in graph.objects(s, AK.entity)):
                kept.append(triple)
        elif kind == "evidence" and selection.evidence:
            pending_evidence.setdefault(s, []).append(triple)
    for node, triples in pending_evidence.items():
        backed = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))
        if backed in relations:
            kept.extend(triples)
    return graph_of(kept, prefixes_of=graph)


def graph_of(triples: Iterable[tuple], prefixes_of: Graph) -> Graph:
    """A new graph holding `triples`, with the prefixes bound in `prefixes_of`."""
    result = Graph()
    for prefix, namespace in prefixes_of.namespaces():
        result.bind(prefix, namespace, override=True, replace=True)
    for triple in triples:
        result.add(triple)
    return result
