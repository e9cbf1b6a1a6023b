"""The built RDF graph as a networkx property graph: entities (and documents) as nodes, stated
relations as edges carrying their evidence. Reusable by any analysis or export.

Nodes are keyed by slug (`harbin`, `document/<id>`) and carry `slug`, `cls`, `label` (English, else
any), `label_en`/`label_zh`/`label_ja`/`label_ru`, `lat`/`lon` when located, `aliases` (other names, skos:altLabel) and `wikidata` when known,
`documents` (how many documents name it) and `named_in` (those documents as sorted (id, title)
pairs); a document node also carries its `title`. Edges are keyed by predicate and carry
`predicate`, `symmetric`, `evidence` (how many evidence nodes back it), `documents` (ids of the
documents stating it), `methods`, `backings` (every `Backing`, sorted, with the document's title)
and, for co-mentions, `weight` (the sentence count). A symmetric relation is one edge, from the
smaller slug to the larger. The graph attribute `documents` maps every document id to its title.

The browser views (`amurkg viz`, `amurkg map`) read this same model, with co-mentions (`VIEWS`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from amurkg.exports.selection import STATED, SYMMETRIC, Selection, entity_classes, local
from amurkg.namespaces import AK, ID, LANGUAGES, WGS

#: What the analytics commands look at: entities and the relations the texts and catalog state.
STATED_ONLY = Selection(predicates=frozenset(STATED), mentions=False, evidence=True)
#: What the browser views look at: the stated relations and the co-mentions (drawn on request).
VIEWS = Selection(predicates=frozenset(STATED) | {"coMentionedWith"}, mentions=True, evidence=True)


@dataclass(frozen=True, order=True)
class Backing:
    """One piece of evidence for an edge: the document and passage, or the catalog."""

    document: str  # "" for catalog facts
    start: int
    method: str
    quote: str
    title: str = field(default="", compare=False)  # the document's title ("" for catalog facts)

    def describe(self) -> str:
        return f"{self.document}: {self.quote.strip()!r}" if self.document else "catalog"


def slug(node) -> str:
    return str(node)[len(str(ID)) :]


def document_titles(graph: Graph) -> dict[str, str]:
    """Document id → title: the English dcterms:title, else its rdfs:label, else a title in any language."""
    found = {}
    for document in graph.subjects(RDF.type, AK.Document):
        titles = {t.language: str(t) for t in graph.objects(document, DCTERMS.title) if isinstance(t, Literal)}
        label = graph.value(document, RDFS.label)
        found[slug(document).removeprefix("document/")] = (
            titles.get("en") or (str(label) if label is not None else "") or next(iter(titles.values()), slug(document))
        )
    return dict(sorted(found.items()))


def _backings(graph: Graph, titles: dict[str, str]) -> dict[tuple[str, str, str], list[Backing]]:
    found: dict[tuple[str, str, str], list[Backing]] = defaultdict(list)
    for node in graph.subjects(RDF.type, AK.Evidence):
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        document = graph.value(node, AK.document)
        start = graph.value(node, AK.start)
        document_id = slug(document).removeprefix("document/") if document is not None else ""
        found[(slug(s), local(p), slug(o))].append(
            Backing(
                document_id,
                int(start) if start is not None else -1,
                str(graph.value(node, AK.method) or ""),
                str(graph.value(node, AK.quote) or ""),
                titles.get(document_id, document_id),
            )
        )
    return found


def _node_attributes(graph: Graph, node: URIRef, cls: str, named_in: list[str], titles: dict[str, str]) -> dict:
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
    aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - set(labels.values()))
    if aliases:
        attributes["aliases"] = aliases
    wikidata = graph.value(node, AK.wikidata)
    if wikidata is not None:
        attributes["wikidata"] = str(wikidata)
    attributes["documents"] = len(named_in)
    attributes["named_in"] = [(d, titles.get(d, d)) for d in named_in]
    if cls == "Document":
        attributes["title"] = titles.get(slug(node).removeprefix("document/"), attributes["label"])
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
    titles = document_titles(graph)
    backings = _backings(graph, titles)

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
            first, second = sorted(str(e) for e in graph.objects(node, AK.entity))
            first, second = URIRef(first), URIRef(second)
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

    network = nx.MultiDiGraph(documents=titles)
    reached = {n for u, v, _ in edges for n in (u, v)}
    nodes = {
        slug(n): (n, c)
        for n, c in classes.items()
        if n in kept
        or (c == "Document" and (slug(n) in reached or selection.classes and "Document" in selection.classes))
    }
    for key in sorted(nodes):
        node, cls = nodes[key]
        named_in = sorted(slug(d).removeprefix("document/") for d in documents_of.get(node, ()))
        network.add_node(key, **_node_attributes(graph, node, cls, named_in, titles))
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
