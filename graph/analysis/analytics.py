"""Network questions over the entity network of `graph.network`: statistics, centrality, explained
shortest paths and neighbourhoods. Results are plain rows (dicts), sorted deterministically."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

import networkx as nx

from amurkg.analysis.network import links_between, simple_graph
from amurkg.exports.selection import CLASSES, STATED

MEASURES = ("degree", "betweenness", "pagerank")


@dataclass(frozen=True)
class Section:
    """One table of `stats`: a title, column names and rows."""

    name: str
    columns: tuple[str, ...]
    rows: list[dict]


def stats(network: nx.MultiDiGraph) -> list[Section]:
    """Counts per class and predicate, label languages and documents per entity, connected
    components and the degree distribution of the stated-relation network."""
    entities = [n for n, d in network.nodes(data=True) if d["cls"] != "Document"]
    classes = Counter(network.nodes[n]["cls"] for n in network)
    by_class = [{"class": c, "nodes": classes[c]} for c in CLASSES if classes.get(c)]

    links: Counter = Counter()
    evidence: Counter = Counter()
    documents: dict[str, set] = {p: set() for p in STATED}
    for _, _, data in network.edges(data=True):
        links[data["predicate"]] += 1
        evidence[data["predicate"]] += data["evidence"]
        documents.setdefault(data["predicate"], set()).update(data["documents"])
    by_predicate = [
        {"predicate": p, "links": links[p], "evidence": evidence[p], "documents": len(documents[p])}
        for p in sorted(links, key=lambda p: (STATED.index(p) if p in STATED else 99, p))
    ]

    languages = Counter(sum(1 for k in network.nodes[n] if k.startswith("label_")) for n in entities)
    by_languages = [{"languages": k, "entities": languages.get(k, 0)} for k in range(1, 5)]
    named = Counter(network.nodes[n]["documents"] for n in entities)
    by_documents = [{"documents": k, "entities": named[k]} for k in sorted(named)]

    simple = simple_graph(network)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    sizes = Counter(len(c) for c in components)
    by_component = [
        {"size": size, "components": sizes[size], "example": min(components[[len(c) for c in components].index(size)])}
        for size in sorted(sizes, reverse=True)
    ]
    degrees = Counter(d for _, d in simple.degree())
    by_degree = [{"degree": k, "nodes": degrees[k]} for k in sorted(degrees)]
    overview = [
        {"measure": "nodes", "value": simple.number_of_nodes()},
        {"measure": "entities", "value": len(entities)},
        {"measure": "links (stated relations)", "value": network.number_of_edges()},
        {"measure": "connected pairs", "value": simple.number_of_edges()},
        {"measure": "connected components", "value": len(components)},
        {"measure": "largest component", "value": len(components[0]) if components else 0},
        {"measure": "isolated nodes", "value": sizes.get(1, 0)},
    ]
    return [
        Section("overview", ("measure", "value"), overview),
        Section("nodes per class", ("class", "nodes"), by_class),
        Section("links per predicate", ("predicate", "links", "evidence", "documents"), by_predicate),
        Section("entities by number of label languages", ("languages", "entities"), by_languages),
        Section("entities by number of documents naming them", ("documents", "entities"), by_documents),
        Section("connected components by size", ("size", "components", "example"), by_component),
        Section("degree distribution", ("degree", "nodes"), by_degree),
    ]


def centrality(
    network: nx.MultiDiGraph, by: str = "degree", classes: frozenset[str] | None = None, top: int = 10
) -> list[dict]:
    """The `top` most central nodes (of `classes`, if given) of the whole network, by a measure."""
    simple = simple_graph(network)
    if by == "degree":
        scores = nx.degree_centrality(simple)
    elif by == "betweenness":
        scores = nx.betweenness_centrality(simple)
    elif by == "pagerank":
        scores = nx.pagerank(simple)
    else:
        raise ValueError(f"unknown measure {by!r}")
    ranked = sorted(
        (n for n in simple if classes is None or simple.nodes[n]["cls"] in classes),
        key=lambda n: (-round(scores[n], 12), n),
    )[:top]
    return [
        {
            "rank": i,
            "slug": n,
            "label": simple.nodes[n]["label"],
            "class": simple.nodes[n]["cls"],
            by: round(scores[n], 6),
            "degree": simple.degree(n),
        }
        for i, n in enumerate(ranked, 1)
    ]


def hops(network: nx.MultiDiGraph, path: list[str]) -> list[dict]:
    """Each hop of a path with every relation joining it and the evidence backing each."""
    rows = []
    for step, (u, v) in enumerate(zip(path, path[1:]), 1):
        for source, _target, data in links_between(network, u, v):
            direction = "both" if data["symmetric"] else ("forward" if source == u else "backward")
            predicate = data["predicate"]
            backings = data["backings"]
            best = sorted(backings, key=lambda b: (b.document == "", b))[0] if backings else None
            rows.append(
                {
                    "hop": step,
                    "from": u,
                    "to": v,
                    "relation": {"both": f"—{predicate}—", "forward": f"—{predicate}→", "backward": f"←{predicate}—"}[
                        direction
                    ],
                    "predicate": predicate,
                    "direction": direction,
                    "document": best.document if best and best.document else ("catalog" if best else ""),
                    "quote": best.quote.strip() if best and best.document else "",
                    "evidence": len(backings),
                    "backings": [
                        {"document": b.document or "catalog", "method": b.method, "quote": b.quote.strip()}
                        for b in backings
                    ],
                }
            )
    return rows


def shortest_path(network: nx.MultiDiGraph, source: str, target: str) -> list[str] | None:
    """The shortest path between two nodes, ignoring direction; None if they are not connected.
    Among equally short paths, the one with the most hops stated in a document wins (then slug order)."""
    simple = simple_graph(network)
    try:
        paths = list(itertools.islice(nx.all_shortest_paths(simple, source, target), 10_000))
    except nx.NetworkXNoPath:
        return None

    def catalog_only(path: list[str]) -> int:
        return sum(
            1 for u, v in zip(path, path[1:]) if not any(data["documents"] for *_, data in links_between(network, u, v))
        )

    return min(paths, key=lambda path: (catalog_only(path), path))


def neighbors(network: nx.MultiDiGraph, centre: str, depth: int = 1) -> list[dict]:
    """Every node within `depth` links of `centre`, with the relations joining it to the nearer node."""
    simple = simple_graph(network)
    distance = nx.single_source_shortest_path_length(simple, centre, cutoff=depth)
    rows = []
    for node in sorted(distance, key=lambda n: (distance[n], n)):
        if node == centre:
            continue
        parents = sorted(p for p in simple.neighbors(node) if distance.get(p) == distance[node] - 1)
        parent = parents[0]
        relations = []
        for source, target, data in links_between(network, parent, node):
            if data["symmetric"]:
                relations.append(f"{data['predicate']} (both ways)")
            else:
                relations.append(f"{source} {data['predicate']} {target}")
        rows.append(
            {
                "depth": distance[node],
                "slug": node,
                "label": simple.nodes[node]["label"],
                "class": simple.nodes[node]["cls"],
                "via": parent,
                "relations": "; ".join(relations),
            }
        )
    return rows
