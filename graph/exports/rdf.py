"""RDF exports of the built graph: Turtle, N-Triples, JSON-LD, RDF/XML, and TriG / N-Quads with one
named graph per source document (plus the catalog, the co-mentions and the ontology).

Every serializer is deterministic: the same graph gives the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row

from amurkg.pipeline.serialize import turtle_bytes
from amurkg.exports.selection import STATED, SYMMETRIC, Selection, graph_of, local, node_kind, select
from amurkg.namespaces import AK, ID, PREFIXES, bind_prefixes
from amurkg.sanitize import xml_safe

GRAPH = Namespace("https://w3id.org/amurkg/graph/")
CATALOG_GRAPH = GRAPH["catalog"]
ONTOLOGY_GRAPH = GRAPH["ontology"]
CO_MENTION_GRAPH = GRAPH["co-mentions"]
DATA_HEADER = URIRef("https://w3id.org/amurkg/data")

Quad = tuple  # (subject, predicate, object, graph IRI)


def document_graph(document_id: str) -> URIRef:
    """The named graph holding what one source document states."""
    return GRAPH[f"document/{document_id}"]


def _document_of(node) -> str:
    """The document id in `id/document/<id>` or `id/mention/<id>/<a>-<b>`."""
    return str(node)[len(str(ID)) :].split("/")[1]


def named_graphs(graph: Graph) -> dict[tuple, tuple[URIRef, ...]]:
    """Which named graph(s) each triple of the full built graph belongs to.

    A document's graph holds its description, its mentions, its ak:mentionedIn links, its evidence
    nodes and the relation triples they back; the catalog graph the entities, their labels and
    geometry and the catalog-method evidence; the ontology graph the ak: terms. A relation stated
    by several documents is in each of their graphs.
    """
    evidence_graph: dict = {}
    backing: dict[tuple, set[URIRef]] = defaultdict(set)
    for node in graph.subjects(RDF.type, AK.Evidence):
        document = graph.value(node, AK.document)
        named = document_graph(_document_of(document)) if document is not None else CATALOG_GRAPH
        evidence_graph[node] = named
        s, p, o = graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object)
        backing[(s, p, o)].add(named)
        if local(p) in SYMMETRIC:
            backing[(o, p, s)].add(named)
    placed: dict[tuple, tuple[URIRef, ...]] = {}
    for triple in graph:
        s, p, o = triple
        kind = node_kind(s)
        if kind == "other":
            target: tuple[URIRef, ...] = (CATALOG_GRAPH,) if s == DATA_HEADER else (ONTOLOGY_GRAPH,)
        elif kind in ("document", "mention"):
            target = (document_graph(_document_of(s)),)
        elif kind == "evidence":
            target = (evidence_graph.get(s, CATALOG_GRAPH),)
        elif kind == "comention":
            target = (CO_MENTION_GRAPH,)
        elif local(p) in STATED and triple in backing:
            target = tuple(sorted(backing[triple]))
        elif local(p) == "mentionedIn":
            target = (document_graph(_document_of(o)),)
        elif local(p) == "coMentionedWith":
            target = (CO_MENTION_GRAPH,)
        else:
            target = (CATALOG_GRAPH,)
        placed[triple] = target
    return placed


def quads(graph: Graph, selection: Selection = Selection()) -> list[Quad]:
    """The selected triples as quads in their named graphs, sorted."""
    placed = named_graphs(graph)
    chosen = select(graph, selection)
    return sorted((s, p, o, g) for s, p, o in chosen for g in placed[(s, p, o)])


def stable_blank_nodes(graph: Graph) -> Graph:
    """The same graph with blank nodes renamed canonically (the ontology's restrictions and lists),
    so that formats that write blank node labels are deterministic."""
    blank = [t for t in graph if isinstance(t[0], BNode) or isinstance(t[2], BNode)]
    if not blank:
        return graph
    plain = (t for t in graph if not (isinstance(t[0], BNode) or isinstance(t[2], BNode)))
    result = graph_of(plain, prefixes_of=graph)
    for triple in to_canonical_graph(graph_of(blank, prefixes_of=graph)):
        result.add(triple)
    return result


def _lines(rows: Iterator[str]) -> bytes:
    return "".join(sorted(set(rows))).encode("utf-8")


def ntriples_bytes(graph: Graph) -> bytes:
    return _lines(_nt_row(triple) for triple in graph)


def nquads_bytes(items: list[Quad]) -> bytes:
    return _lines(_nq_row((s, p, o), g) for s, p, o, g in items)


def trig_bytes(items: list[Quad]) -> bytes:
    """TriG: one block per named graph, in IRI order, each written as sorted Turtle."""
    by_graph: dict[URIRef, Graph] = {}
    for s, p, o, g in items:
        if g not in by_graph:
            by_graph[g] = Graph()
            bind_prefixes(by_graph[g])
        by_graph[g].add((s, p, o))
    prefixes: dict[str, str] = {"graph": f"@prefix graph: <{GRAPH}> .\n"}
    blocks = []
    for name in sorted(by_graph):
        lines = by_graph[name].serialize(format="turtle").splitlines(keepends=True)
        for line in lines:
            if line.startswith("@prefix "):
                prefixes[line.split()[1]] = line
        body = "".join("    " + line if line.strip() else line for line in lines if not line.startswith("@prefix "))
        blocks.append(f"<{name}> {{\n{body.strip(chr(10))}\n}}\n")
    return ("".join(prefixes[k] for k in sorted(prefixes)) + "\n" + "\n".join(blocks)).encode("utf-8")


def context() -> dict[str, str]:
    """The compact JSON-LD @context: the project prefixes."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _json_key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def jsonld_bytes(graph: Graph) -> bytes:
    """Compact JSON-LD: prefixed names, nodes sorted by @id, values sorted."""
    data = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list) and key != "@list":
                node[key] = sorted(value, key=_json_key)
    nodes.sort(key=lambda node: (node.get("@id", ""), _json_key(node)))
    document = {"@context": context(), "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def rdfxml_bytes(graph: Graph) -> bytes:
    """Flat RDF/XML (one rdf:Description per subject, all sorted), for Protégé and other OWL tools.
    Characters XML 1.0 cannot hold (NUL, ESC, …) are replaced by U+FFFD, so the file always parses."""
    names = graph.namespace_manager
    used: dict[str, str] = {"rdf": str(RDF)}
    body: list[str] = []
    current = None
    for s, p, o in sorted(graph):
        if s != current:
            if current is not None:
                body.append("  </rdf:Description>\n")
            about = (
                f"rdf:nodeID={quoteattr(_node_id(s))}"
                if isinstance(s, BNode)
                else f"rdf:about={quoteattr(xml_safe(s))}"
            )
            body.append(f"  <rdf:Description {about}>\n")
            current = s
        prefix, namespace, name = names.compute_qname_strict(str(p))
        used[prefix] = str(namespace)
        tag = f"{prefix}:{name}"
        if isinstance(o, BNode):
            body.append(f"    <{tag} rdf:nodeID={quoteattr(_node_id(o))}/>\n")
        elif isinstance(o, URIRef):
            body.append(f"    <{tag} rdf:resource={quoteattr(xml_safe(o))}/>\n")
        else:
            assert isinstance(o, Literal)
            attribute = (
                f" xml:lang={quoteattr(o.language)}"
                if o.language
                else f" rdf:datatype={quoteattr(o.datatype)}"
                if o.datatype
                else ""
            )
            body.append(f"    <{tag}{attribute}>{_xml_text(str(o))}</{tag}>\n")
    if current is not None:
        body.append("  </rdf:Description>\n")
    header = ['<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF\n']
    header += [f"   xmlns:{prefix}={quoteattr(namespace)}\n" for prefix, namespace in sorted(used.items())]
    return ("".join(header) + ">\n" + "".join(body) + "</rdf:RDF>\n").encode("utf-8")


def _xml_text(text: str) -> str:
    """Element content that parses back to exactly `text` (a CR kept as a reference), XML-safe."""
    return escape(xml_safe(text), {"\r": "&#13;"})


def _node_id(node: BNode) -> str:
    """An XML NCName for a blank node label."""
    return "b" + "".join(c if c.isalnum() else "_" for c in str(node))


RDF_FORMATS: dict[str, str] = {
    "turtle": "ttl",
    "nt": "nt",
    "jsonld": "jsonld",
    "rdfxml": "rdf",
    "trig": "trig",
    "nquads": "nq",
}
QUAD_FORMATS = frozenset({"trig", "nquads"})


def rdf_bytes(graph: Graph, fmt: str, selection: Selection = Selection()) -> bytes:
    """The selected part of the built graph in one RDF format."""
    graph = stable_blank_nodes(graph)
    if fmt in QUAD_FORMATS:
        items = quads(graph, selection)
        return trig_bytes(items) if fmt == "trig" else nquads_bytes(items)
    chosen = select(graph, selection)
    writers: dict[str, Callable[[Graph], bytes]] = {
        "turtle": turtle_bytes,
        "nt": ntriples_bytes,
        "jsonld": jsonld_bytes,
        "rdfxml": rdfxml_bytes,
    }
    return writers[fmt](chosen)


#: Every export format and the file (or, for csv, the folder) it writes by default under exports/export/.
FORMATS: dict[str, str] = {
    "turtle": "amurkg.ttl",
    "nt": "amurkg.nt",
    "jsonld": "amurkg.jsonld",
    "rdfxml": "amurkg.rdf",
    "trig": "amurkg.trig",
    "nquads": "amurkg.nq",
    "graphml": "amurkg.graphml",
    "gexf": "amurkg.gexf",
    "csv": "neo4j",
    "cytoscape": "amurkg.cyjs",
}
FOLDER_FORMATS = frozenset({"csv"})
#: The files a folder format writes (an earlier export holding only these may be replaced).
FOLDER_FILES: dict[str, frozenset[str]] = {"csv": frozenset({"nodes.csv", "relationships.csv"})}


def export(graph: Graph, fmt: str, selection: Selection = Selection()) -> bytes | dict[str, bytes]:
    """The export in one format: bytes, or for folder formats (csv) file name → bytes."""
    if fmt in RDF_FORMATS:
        return rdf_bytes(graph, fmt, selection)
    from amurkg.analysis.network import build_network
    from amurkg.exports import property_graph

    network = build_network(graph, selection)
    if fmt == "graphml":
        return property_graph.graphml_bytes(network)
    if fmt == "gexf":
        return property_graph.gexf_bytes(network)
    if fmt == "csv":
        return property_graph.neo4j_csv(network)
    if fmt == "cytoscape":
        return property_graph.cytoscape_bytes(network, quotes=selection.evidence)
    raise ValueError(f"unknown format {fmt!r}")
