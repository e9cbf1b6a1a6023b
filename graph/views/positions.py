"""Where the network page draws each node: communities laid out as clusters, so that hubs and their
groups spread over the canvas instead of collapsing into one dense core.

Each connected component is split into communities (Louvain, seeded); the communities are placed by
a spring layout of the community graph (weighted by the links between them) and pushed apart until
their discs no longer overlap; each community is laid out on its own inside its disc, with nodes
that link out to other communities drawn towards them. Everything is seeded and sorted: the same
selection gives the same positions. Cost grows with the largest community, not the whole graph
(2,000 nodes in about a second).
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 7
SPACING = 48.0  # pixels between neighbouring nodes, roughly (canvas units at zoom 1)


def node_size(degree: int) -> float:
    """The drawn radius: grows with the square root of the links in the view (the legend says so)."""
    return round(min(7 + 3 * math.sqrt(degree), 30), 1)


def positions(nodes: list[str], links: list[tuple[str, str, float]]) -> dict[str, tuple[int, int]]:
    """Pixel positions of the linked nodes (unlinked ones are left out: the page lists them apart)."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    for source, target, weight in sorted(links):
        if source != target:
            old = graph.get_edge_data(source, target, {}).get("weight", 0.0)
            graph.add_edge(source, target, weight=old + weight)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph) if len(c) > 1), key=lambda c: (-len(c), c[0])
    )
    boxes = [_component(graph.subgraph(c)) for c in components]
    return _pack(boxes)


def _component(component: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions of one connected component."""
    nodes = sorted(component)
    if len(nodes) <= 3:
        return {n: (i * SPACING * 1.5, (i % 2) * SPACING * 0.5) for i, n in enumerate(nodes)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(component.edges(data=True)))
    if len(nodes) <= 40:
        points = _inside(ordered, nodes, {}, dict(ordered.degree()))
        return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, points)}
    communities = sorted(
        (sorted(c) for c in nx.community.louvain_communities(ordered, weight="weight", seed=SEED)),
        key=lambda c: (-len(c), c[0]),
    )
    member = {n: i for i, c in enumerate(communities) for n in c}
    degree = dict(ordered.degree())
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(communities)))
    for u, v, data in ordered.edges(data=True):
        a, b = member[u], member[v]
        if a != b:
            quotient.add_edge(a, b, weight=quotient.get_edge_data(a, b, {}).get("weight", 0.0) + data["weight"])
    rough = nx.spring_layout(quotient, weight="weight", seed=SEED, iterations=100)
    direction = np.array([rough[i] for i in range(len(communities))], dtype=float)
    inner = []
    for index, community in enumerate(communities):
        # where each member's links to other communities point: it is drawn on that side of its disc
        pull = {}
        for node in community:
            outside = [direction[member[o]] for o in ordered[node] if member[o] != index]
            if outside:
                pull[node] = np.mean(outside, axis=0) - direction[index]
        inner.append(_inside(ordered.subgraph(community), community, pull, degree))
    radii = np.array([np.sqrt((p**2).sum(axis=1)).max() + SPACING * 0.6 for p in inner])
    centres = _place_discs(direction, radii)
    placed: dict[str, tuple[float, float]] = {}
    for community, points, centre in zip(communities, inner, centres):
        for node, (x, y) in zip(community, points):
            placed[node] = (float(centre[0] + x), float(centre[1] + y))
    return placed


def _place_discs(start: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """Centres for the community discs: the community graph's layout, scaled, then pushed apart."""
    count = len(radii)
    if count == 1:
        return np.zeros((1, 2))
    centres = start - start.mean(axis=0)
    # start about as spread as the discs' total area needs; the overlap pass below does the rest
    centres *= 1.6 * math.sqrt(float((radii**2).sum())) / max(float(np.ptp(centres, axis=0).max()), 1e-9)
    gap = SPACING * 0.6
    for _ in range(300):  # resolve overlaps: push each overlapping pair apart along their axis
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2)) + np.eye(count)
        needed = radii[:, None] + radii[None, :] + gap
        overlap = np.clip(needed - distance, 0, None) * (1 - np.eye(count))
        if overlap.max() < 0.5:
            break
        push = (delta / distance[:, :, None]) * (overlap[:, :, None] / 2)
        centres += push.sum(axis=1) * 0.6
        centres -= centres.mean(axis=0) * 0.01  # a little gravity keeps the whole compact
    return centres


def _inside(community: nx.Graph, nodes: list[str], pull: dict[str, np.ndarray], degree: dict[str, int]) -> np.ndarray:
    """A community's own spring layout around (0, 0), scaled so that neighbours are about SPACING
    apart and then spread until no two drawn nodes touch; members with links out
    of the community start on the side those links point to."""
    count = len(nodes)
    if count == 1:
        return np.zeros((1, 2))
    start = {}
    for i, node in enumerate(nodes):  # deterministic start: a spiral, pulled members on their side
        angle = i * 2.399963
        point = np.array([math.cos(angle), math.sin(angle)]) * math.sqrt((i + 0.5) / count)
        if node in pull:
            direction = pull[node] / (np.linalg.norm(pull[node]) + 1e-9)
            point = 0.4 * point + 0.6 * direction
        start[node] = point
    layout = nx.spring_layout(community, pos=start, seed=SEED, iterations=60, k=1.6 / math.sqrt(count))
    points = np.array([layout[n] for n in nodes], dtype=float)
    points -= points.mean(axis=0)
    at = {n: i for i, n in enumerate(nodes)}
    lengths = [float(np.linalg.norm(points[at[u]] - points[at[v]])) for u, v in community.edges()]
    typical = float(np.median(lengths)) if lengths else 1.0
    points *= SPACING / max(typical, 1e-9)
    # drawn radii (links in the whole component): big nodes need more room around them
    radii = np.array([node_size(degree[n]) for n in nodes])
    return _spread(points, radii[:, None] + radii[None, :] + SPACING * 0.35)


def _spread(points: np.ndarray, minimum: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Push apart every pair of points closer than their `minimum` distance (a few rounds; dense but small)."""
    count = len(points)
    eye = np.eye(count, dtype=bool)
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2))
        distance[eye] = np.inf
        short = np.clip(minimum - distance, 0, None)
        if short.max() < 2.0:
            break
        distance[distance == 0] = 1e-6
        distance[eye] = 1.0
        jitter = (np.arange(count) % 7 - 3)[:, None] * 1e-3
        points = points + ((delta + jitter) / distance[:, :, None] * (short[:, :, None] / 2)).sum(axis=1) * 0.5
    return points - points.mean(axis=0)


def _pack(boxes: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[int, int]]:
    """Components left to right in rows about as wide as the largest (at least 1,200 px), largest first."""
    if not boxes:
        return {}
    bounds = []
    for box in boxes:
        xs = [p[0] for p in box.values()]
        ys = [p[1] for p in box.values()]
        bounds.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    row_width = max(1200.0, max(b[2] for b in bounds) * 1.3)
    gap = SPACING * 1.5
    placed: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for box, (left, top, width, height) in zip(boxes, bounds):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (px, py) in box.items():
            placed[node] = (round(x + px - left), round(y + py - top))
        x += width + gap
        row_height = max(row_height, height)
    return placed
