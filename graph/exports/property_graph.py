"""Property-graph exports of a `graph.network` graph: GraphML and GEXF (Gephi, yEd, Cytoscape,
networkx), CSV for `neo4j-admin database import`, and Cytoscape.js JSON. All deterministic."""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from amurkg.namespaces import LANGUAGES
from amurkg.sanitize import xml_safe

NODE_FIELDS = ("slug", "cls", "label", *(f"label_{lang}" for lang in LANGUAGES), "lat", "lon", "documents")
EDGE_FIELDS = ("predicate", "symmetric", "evidence", "documents", "methods", "weight")


def _xml_value(value):  # noqa: ANN001, ANN202 - any attribute value
    return xml_safe(value) if isinstance(value, str) else value


def scalar_graph(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars (lists joined with spaces), as GraphML and GEXF need,
    with the characters XML cannot hold (NUL, ESC, …) replaced by U+FFFD."""
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        flat.add_node(xml_safe(node), **{k: _xml_value(data[k]) for k in NODE_FIELDS if k in data})
    for u, v, key, data in network.edges(keys=True, data=True):
        attributes = {
            k: _xml_value(" ".join(data[k]) if isinstance(data[k], list) else data[k]) for k in EDGE_FIELDS if k in data
        }
        flat.add_edge(xml_safe(u), xml_safe(v), key=key, **attributes)
    return flat


def graphml_bytes(network: nx.MultiDiGraph) -> bytes:
    return ("\n".join(nx.generate_graphml(scalar_graph(network))) + "\n").encode("utf-8")


def gexf_bytes(network: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 with node labels, edge labels (the predicate) and edge weights (evidence or count)."""
    flat = scalar_graph(network)
    for _, _, data in flat.edges(data=True):
        data.setdefault("weight", max(int(data.get("evidence", 0)), 1))
        data["label"] = data["predicate"]
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)  # a date would make the same input give different bytes
    meta.find("creator").text = "amurkg"
    writer.add_graph(flat)
    return (str(writer).rstrip("\n") + "\n").encode("utf-8")


def neo4j_type(predicate: str) -> str:
    """targetsIndustry → TARGETS_INDUSTRY (Neo4j's relationship type convention)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", predicate).upper()


def _csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def neo4j_csv(network: nx.MultiDiGraph) -> dict[str, bytes]:
    """nodes.csv and relationships.csv with headers `neo4j-admin database import` accepts
    (arrays use its default `;` delimiter)."""
    node_header = [
        "id:ID",
        ":LABEL",
        "slug",
        "name",
        *(f"label_{lang}" for lang in LANGUAGES),
        "lat:float",
        "lon:float",
        "documents:int",
    ]
    nodes = [node_header]
    for node, data in network.nodes(data=True):
        labels = "Document" if data["cls"] == "Document" else f"Entity;{data['cls']}"
        nodes.append(
            [
                node,
                labels,
                data["slug"],
                data["label"],
                *(data.get(f"label_{lang}", "") for lang in LANGUAGES),
                data.get("lat", ""),
                data.get("lon", ""),
                data["documents"],
            ]
        )
    edge_header = [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "predicate",
        "symmetric:boolean",
        "evidence:int",
        "documents:string[]",
        "methods:string[]",
        "weight:int",
    ]
    edges = [edge_header]
    for u, v, data in network.edges(data=True):
        edges.append(
            [
                u,
                v,
                neo4j_type(data["predicate"]),
                data["predicate"],
                str(data["symmetric"]).lower(),
                data["evidence"],
                ";".join(data["documents"]),
                ";".join(data["methods"]),
                data.get("weight", ""),
            ]
        )
    return {"nodes.csv": _csv(nodes), "relationships.csv": _csv(edges)}


def cytoscape_bytes(network: nx.MultiDiGraph, quotes: bool = True) -> bytes:
    """Cytoscape.js JSON: {"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}}."""
    nodes = [
        {"data": {"id": node, **{k: data[k] for k in NODE_FIELDS if k in data}}}
        for node, data in network.nodes(data=True)
    ]
    edges = []
    for u, v, key, data in network.edges(keys=True, data=True):
        item = {"id": f"{u}|{key}|{v}", "source": u, "target": v, **{k: data[k] for k in EDGE_FIELDS if k in data}}
        if quotes and data["backings"]:
            item["backings"] = [
                {"document": b.document, "method": b.method, "quote": b.quote} for b in data["backings"]
            ]
        edges.append({"data": item})
    document = {"elements": {"nodes": nodes, "edges": edges}}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
