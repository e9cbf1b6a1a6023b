"""The `amurkg viz` page: a pyvis network in one self-contained, offline HTML file.

pyvis holds the nodes and edges; the page is our own template (pyvis's links bootstrap from a CDN)
with vis-network's JS and CSS, which ship inside the pyvis package, inlined. Positions are computed
here with networkx (seeded), so the browser draws a still picture at once; physics is a button.
Every text of the graph reaches the page as JSON and is put into the DOM with `textContent`,
never as HTML, so a label or quote such as `<script>…` shows as text.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from pyvis.network import Network as PyvisNetwork

from amurkg.views.model import COMENTION, NODE_CLASSES, PREDICATES, Node
from amurkg.views.select import Filters, Selection
from amurkg.views.style import CLASS_STYLE, PREDICATE_STYLE

LANGS = ("en", "zh", "ja", "ru")
VIS_VERSION = "vis-9.1.2"
LAYOUT_SEED = 7


@dataclass(frozen=True)
class Source:
    """Where the graph came from, for the page header: derived from the input, never from the clock."""

    name: str
    built: str  # the Turtle file's modification time, UTC
    digest: str  # first 12 hex digits of its SHA-256

    @classmethod
    def of(cls, path: Path, shown: str) -> Source:
        stamp = datetime.fromtimestamp(int(path.stat().st_mtime), tz=UTC)
        return cls(shown, stamp.strftime("%Y-%m-%d %H:%M UTC"), hashlib.sha256(path.read_bytes()).hexdigest()[:12])


KAMADA_KAWAI_MAX = 600
SPACING = 70  # pixels per node, roughly, between neighbours


def layout(selection: Selection) -> dict[str, tuple[int, int]]:
    """Positions in pixels (same selection → same positions): each connected component gets its own
    seeded spring layout, components are packed in rows from the largest, and entities without any
    link go in a grid after them (instead of a ring around everything)."""
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in selection.nodes)
    for link in selection.links:
        graph.add_edge(link.source, link.target, weight=0.2 if link.predicate == COMENTION else 1.0)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph) if len(c) > 1), key=lambda c: (-len(c), c[0])
    )
    isolated = sorted(n for n in graph if graph.degree(n) == 0)
    boxes: list[dict[str, tuple[float, float]]] = [_spring(graph.subgraph(c)) for c in components]
    if isolated:
        columns = max(1, math.ceil(math.sqrt(len(isolated) * 2)))
        boxes.append(
            {n: ((i % columns) * SPACING * 1.4, (i // columns) * SPACING * 0.6) for i, n in enumerate(isolated)}
        )
    return _pack(boxes)


def _spring(component: nx.Graph) -> dict[str, tuple[float, float]]:
    size = len(component)
    if size == 2:
        first, second = sorted(component)
        return {first: (0.0, 0.0), second: (SPACING * 1.5, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(component))
    ordered.add_edges_from(sorted(component.edges(data=True)))
    if size <= KAMADA_KAWAI_MAX:  # spreads a dense core evenly; too slow for large components
        start = nx.spring_layout(ordered, seed=LAYOUT_SEED, iterations=30)
        positions = nx.kamada_kawai_layout(ordered, pos=start)
    else:
        positions = nx.spring_layout(ordered, seed=LAYOUT_SEED, iterations=40)
    span = SPACING * math.sqrt(size) * 0.8
    return {node: (float(x) * span, float(y) * span) for node, (x, y) in positions.items()}


def _pack(boxes: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[int, int]]:
    """Shelf packing: boxes left to right in rows about as wide as the largest box (at least 1,600 px)."""
    if not boxes:
        return {}
    bounds = []
    for box in boxes:
        xs = [p[0] for p in box.values()]
        ys = [p[1] for p in box.values()]
        bounds.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    row_width = max(1600.0, max(b[2] for b in bounds) * 1.6)
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


def node_size(degree: int) -> float:
    return round(min(10 + 4 * math.sqrt(degree), 42), 1)


def pyvis_network(selection: Selection, lang: str, positions: dict[str, tuple[int, int]]) -> PyvisNetwork:
    """The selection as a pyvis network; each node and edge also carries the details its tooltip shows."""
    net = PyvisNetwork(directed=True, cdn_resources="in_line")
    for node in selection.nodes:
        colour, shape = CLASS_STYLE[node.cls]
        x, y = positions.get(node.id, (0, 0))
        net.add_node(
            node.id,
            label=node.label(lang),
            shape=shape,
            color=colour,
            x=x,
            y=y,
            size=node_size(selection.degree.get(node.id, 0)),
            cls=node.cls,
            degree=selection.degree.get(node.id, 0),
            info=_node_info(node),
        )
    # pyvis checks each edge's ends against a list of nodes; appending its Edge options directly keeps
    # this linear for large graphs while staying pyvis's own data.
    for number, link in enumerate(selection.links):
        style = PREDICATE_STYLE[link.predicate]
        net.edges.append(
            {
                "id": f"e{number}",
                "from": link.source,
                "to": link.target,
                "predicate": link.predicate,
                "arrows": "to" if link.directed else "",
                "color": style["color"],
                "width": style["width"],
                "dashes": style.get("dashes", False),
                "count": link.count,
                "evidence": [[e.method, e.document, e.title, e.quote] for e in link.evidence],
            }
        )
    return net


def _node_info(node: Node) -> dict:
    return {"labels": node.labels, "wikidata": node.wikidata, "documents": [list(d) for d in node.documents]}


def render_page(selection: Selection, filters: Filters, lang: str, source: Source) -> str:
    """The whole page as text: deterministic for the same selection, filters, language and source."""
    positions = layout(selection)
    net = pyvis_network(selection, lang, positions)
    nodes, edges, _, _, _, _ = net.get_network_data()
    present_classes = [c for c in NODE_CLASSES if any(n.cls == c for n in selection.nodes)]
    present_predicates = [p for p in PREDICATES + (COMENTION,) if any(l.predicate == p for l in selection.links)]
    payload = {
        "lang": lang,
        "nodes": nodes,
        "edges": edges,
        "classes": {
            c: {
                "color": CLASS_STYLE[c][0],
                "shape": CLASS_STYLE[c][1],
                "count": sum(1 for n in selection.nodes if n.cls == c),
            }
            for c in present_classes
        },
        "predicates": {
            p: dict(PREDICATE_STYLE[p], count=sum(1 for l in selection.links if l.predicate == p))
            for p in present_predicates
        },
        "large": len(nodes) > 800,
    }
    library = resources.files("pyvis") / "templates" / "lib" / VIS_VERSION
    env = Environment(
        loader=PackageLoader("amurkg.views", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    what = "the whole graph" if not filters.describe() else "; ".join(filters.describe())
    return env.get_template("network.html").render(
        title=f"amurkg network — {len(nodes):,} entities, {len(edges):,} links",
        nodes=len(nodes),
        edges=len(edges),
        total=selection.total_nodes,
        what=what,
        lang=lang,
        notes=selection.notes,
        source=source,
        vis_css=(library / "vis-network.css").read_text(encoding="utf-8"),
        vis_js=(library / "vis-network.min.js").read_text(encoding="utf-8"),
        payload=script_json(payload),
    )


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` can close it or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
