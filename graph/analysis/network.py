"""The built RDF graph as a networkx property graph: entities (and documents) as nodes, stated
relations as edges carrying their evidence. Reusable by any analysis or export.

Nodes are keyed by slug (`harbin`, `document/<id>`) and carry `slug`, `cls`, `label` (English, else
any), `label_en`/`label_zh`/`label_ja`/`label_ru`, `lat`/`lon` when located, and `documents` (how
many documents name it). Edges are keyed by predicate and carry `predicate`, `symmetric`,
`evidence` (how many evidence nodes back it), `documents` (ids of the documents stating it),
`methods`, `backings` (every `Backing`, sorted) and, for co-mentions, `weight` (the sentence count).
A symmetric relation is one edge, from the smaller slug to the larger.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from amurkg.exports.selection import STATED, SYMMETRIC, Selection, entity_classes, local
from amurkg.namespaces import AK, ID, LANGUAGES, WGS

#: What the analytics commands look at: entities and the relations the texts and catalog state.
STATED_ONLY = Selection(predicates=frozenset(STATED), mentions=False, evidence=True)


@dataclass(frozen=True, order=True)
class Backing:
    """One piece of evidence for an edge: the document and passage, or the catalog."""

    document: str  # "" for catalog facts
    start: int
    method: str
    quote: str

    def describe(self) -> str:
        return f"{self.document}: {self.quote.strip()!r}" if self.document else "catalog"


def slug(node) -> str:
    return str(node)[len(str(ID)) :]


def _backings(graph: Graph) -> dict[tuple[str, str, str], list[Backing]]:
    found: dict[tuple[str, str, str], list[Backing]] = defaultdict(list)
    for node in graph.subjects(RDF.type, AK.Evidence):
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        document = graph.value(node, AK.document)
        start = graph.value(node, AK.start)
        found[(slug(s), local(p), slug(o))].append(
            Backing(
                slug(document).removeprefix("document/") if document is not None else "",
                int(start) if start is not None else -1,
                str(graph.value(node, AK.method) or ""),
                str(graph.value(node, AK.quote) or ""),
            )
        )
    return found


def _node_attributes(graph: Graph, node: URIRef, cls: str, documents: int) -> dict:
    labels = {
        lit.language: str(lit)
        for lit in graph.objects(node, RDFS.label)
        if isinstance(lit, Literal) and lit.language in LANGUAGES
    }
    attributes: dict = {
        "slug": slug(node),
        "cls": cls,
        "label": labels.get("en") or next(iter(sorted(labels.values())), slug(node)),
    }
    for lang in LANGUAGES:
        if lang in labels:
            attributes[f"label_{lang}"] = labels[lang]
    lat, lon = graph.value(node, WGS.lat), graph.value(node, WGS.long)
    if lat is not None and lon is not None:
        attributes["lat"], attributes["lon"] = float(lat), float(lon)
    attributes["documents"] = documents
    return attributes


def build_network(graph: Graph, selection: Selection = STATED_ONLY) -> nx.MultiDiGraph:
    """The property graph of the selected entities and edges, in a deterministic (sorted) order.

    Every entity of a selected class is a node (isolated ones too); a document is a node when an
    edge reaches it or when the Document class is selected.
    """
    classes = entity_classes(graph)
    kept = {node: cls for node, cls in classes.items() if cls != "Document" and selection.keeps_class(cls)}
    documents_of: dict[Node, set] = defaultdict(set)
    for entity, document in graph.subject_objects(AK.mentionedIn):
        documents_of[entity].add(document)
    backings = _backings(graph)

    edges: dict[tuple[str, str, str], dict] = {}
    for predicate in STATED:
        if not selection.keeps_predicate(predicate):
            continue
        for s, o in graph.subject_objects(AK[predicate]):
            if not all(n in kept or classes.get(n) == "Document" for n in (s, o)):
                continue
            u, v = slug(s), slug(o)
            if predicate in SYMMETRIC and v < u:
                continue  # stored both ways in RDF; one edge here
            found = sorted(set(backings.get((u, predicate, v), []) + backings.get((v, predicate, u), [])))
            edges[(u, v, predicate)] = {
                "predicate": predicate,
                "symmetric": predicate in SYMMETRIC,
                "evidence": len(found),
                "documents": sorted({b.document for b in found if b.document}),
                "methods": sorted({b.method for b in found}),
                "backings": found,
            }
    if selection.keeps_predicate("mentionedIn"):
        for entity, documents in documents_of.items():
            if entity in kept:
                for document in documents:
                    edges[(slug(entity), slug(document), "mentionedIn")] = {
                        "predicate": "mentionedIn",
                        "symmetric": False,
                        "evidence": 0,
                        "documents": [slug(document).removeprefix("document/")],
                        "methods": [],
                        "backings": [],
                    }
    if selection.keeps_predicate("coMentionedWith"):
        for node in graph.subjects(RDF.type, AK.CoMention):
            first, second = sorted(e for e in graph.objects(node, AK.entity) if isinstance(e, URIRef))
            if first in kept and second in kept:
                edges[(slug(first), slug(second), "coMentionedWith")] = {
                    "predicate": "coMentionedWith",
                    "symmetric": True,
                    "evidence": 0,
                    "documents": [],
                    "methods": [],
                    "backings": [],
                    "weight": int(graph.value(node, AK["count"])),
                }

    network = nx.MultiDiGraph()
    reached = {n for u, v, _ in edges for n in (u, v)}
    nodes = {
        slug(n): (n, c)
        for n, c in classes.items()
        if n in kept
        or (c == "Document" and (slug(n) in reached or selection.classes and "Document" in selection.classes))
    }
    for key in sorted(nodes):
        node, cls = nodes[key]
        network.add_node(key, **_node_attributes(graph, node, cls, len(documents_of.get(node, ()))))
    for u, v, predicate in sorted(edges):
        network.add_edge(u, v, key=predicate, **edges[(u, v, predicate)])
    return network


def simple_graph(network: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of a network (one link per connected pair), for centrality and paths."""
    simple = nx.Graph()
    simple.add_nodes_from(network.nodes(data=True))
    for u, v in network.edges():
        if u != v:
            simple.add_edge(u, v)
    return simple


def links_between(network: nx.MultiDiGraph, u: str, v: str) -> list[tuple[str, str, dict]]:
    """Every edge joining u and v, as (source, target, attributes), in either direction."""
    found = [(u, v, data) for data in network.get_edge_data(u, v, default={}).values()]
    found += [(v, u, data) for data in network.get_edge_data(v, u, default={}).values()]
    return sorted(found, key=lambda item: (item[2]["predicate"], item[0], item[1]))
