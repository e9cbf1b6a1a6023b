"""The browser views' typed handle on the one network model (`amurkg.analysis.network`): entities
(and documents that state relations) as nodes, stated relations and co-mentions as links, each link
with the passages that back it. Nothing here reads RDF: `view_network` only re-types the networkx
graph's attributes (and puts links in legend order).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph

from amurkg.analysis.network import VIEWS, build_network
from amurkg.corpus.catalog import CORE_CLASSES
from amurkg.namespaces import LANGUAGES, STATED_PREDICATES, SYMMETRIC_PREDICATES

# Stated relations, in the order legends list them; co-mentions are kept apart.
PREDICATES = STATED_PREDICATES
SYMMETRIC = SYMMETRIC_PREDICATES
COMENTION = "coMentionedWith"
NODE_CLASSES: tuple[str, ...] = CORE_CLASSES + ("Document",)


@dataclass(frozen=True)
class Evidence:
    """One passage backing a relation: how it was found, and (unless curated) where and what it says."""

    method: str
    document: str = ""
    title: str = ""
    quote: str = ""


@dataclass
class Node:
    id: str  # the slug: "harbin", "document/ja-sato-2019"
    cls: str
    labels: dict[str, str]  # language → label
    wikidata: str = ""
    lat: float | None = None
    lon: float | None = None
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document id, title) naming it
    aliases: tuple[str, ...] = ()  # other names, any language

    def label(self, lang: str = "en") -> str:
        """The label in `lang`, else in English, else any, else the slug."""
        return self.labels.get(lang) or self.labels.get("en") or next(iter(self.labels.values()), self.id)


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    predicate: str  # one of PREDICATES or COMENTION
    evidence: tuple[Evidence, ...] = ()
    count: int = 0  # sentences naming both (co-mentions only)

    @property
    def directed(self) -> bool:
        return self.predicate not in SYMMETRIC and self.predicate != COMENTION


@dataclass
class Network:
    nodes: dict[str, Node]  # by slug, sorted
    links: list[Link]  # stated relations, then co-mentions; sorted
    documents: dict[str, str]  # document id → title


def read_network(graph: Graph) -> Network:
    """Every entity, document, stated relation (symmetric ones once) and co-mention of a built graph."""
    return view_network(build_network(graph, VIEWS))


def view_network(network: nx.MultiDiGraph) -> Network:
    """The views' Network of a `build_network` graph (built with the `VIEWS` selection)."""
    nodes: dict[str, Node] = {}
    for key, data in network.nodes(data=True):
        if data["cls"] == "Document":
            labels = {"en": data["title"]}
        else:
            labels = {lang: data[f"label_{lang}"] for lang in LANGUAGES if f"label_{lang}" in data}
        nodes[key] = Node(
            key,
            data["cls"],
            labels,
            wikidata=data.get("wikidata", ""),
            aliases=tuple(data.get("aliases", ())),
            lat=data.get("lat"),
            lon=data.get("lon"),
            documents=list(data["named_in"])
            if data["cls"] != "Document"
            else [(key.removeprefix("document/"), data["title"])],
        )
    links: list[Link] = []
    for source, target, data in network.edges(data=True):
        evidence = (
            Evidence(b.method, b.document, b.title, b.quote)
            for b in sorted(data["backings"], key=lambda b: (b.method == "catalog", b.document, b.quote))
        )
        links.append(Link(source, target, data["predicate"], tuple(evidence), data.get("weight", 0)))
    order = {p: i for i, p in enumerate(PREDICATES + (COMENTION,))}
    links.sort(key=lambda l: (order.get(l.predicate, len(order)), l.predicate, l.source, l.target))
    return Network(dict(sorted(nodes.items())), links, dict(network.graph.get("documents", {})))
