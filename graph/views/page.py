"""The `amurkg viz` page: a vis-network drawing in one self-contained, offline HTML file.

The page is our own template with vis-network's JS and CSS (they ship inside the pyvis package)
inlined. Positions are computed here (`positions`: communities as clusters, seeded), so the browser
draws a still picture at once; the page draws the labels itself, by importance, where they fit,
at a fixed size on screen. Every text of the graph reaches the page as JSON and is put into the
DOM with `textContent`, never as HTML, so a label or quote such as `<script>…` shows as text.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from amurkg.views.model import COMENTION, NODE_CLASSES, PREDICATES, Link, Node
from amurkg.views.positions import node_size, positions
from amurkg.views.quotes import excerpt
from amurkg.views.select import Filters, Selection
from amurkg.views.style import class_styles, predicate_styles, words

LANGS = ("en", "zh", "ja", "ru")
VIS_VERSION = "vis-9.1.2"


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


def _unlinked_grid(nodes: list[str], placed: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Positions for the unlinked entities when the reader asks to draw them: a loose column block
    to the right of the linked ones."""
    if not nodes:
        return {}
    right = max((x for x, _ in placed.values()), default=0) + 240
    top = min((y for _, y in placed.values()), default=0)
    rows = max(1, math.ceil(math.sqrt(len(nodes) * 3)))
    return {n: (right + (i // rows) * 180, top + (i % rows) * 36) for i, n in enumerate(nodes)}


def _node_payload(
    node: Node, selection: Selection, lang: str, position: tuple[int, int], colour: str, shape: str
) -> dict:
    degree = selection.degree.get(node.id, 0)
    return {
        "id": node.id,
        "label": node.label(lang),
        "labels": node.labels,
        "aliases": list(node.aliases),
        "cls": node.cls,
        "shape": shape,
        "color": colour,
        "x": position[0],
        "y": position[1],
        "size": node_size(degree),
        "degree": degree,
        "total": selection.total_degree.get(node.id, degree),
        "wikidata": node.wikidata,
        "documents": [list(d) for d in node.documents],
    }


def _edge_payload(number: int, link: Link, names: dict[str, list[str]], style: dict) -> dict:
    terms = names.get(link.source, []) + names.get(link.target, [])
    evidence = []
    for e in link.evidence:
        text, marks = excerpt(e.quote, terms) if e.quote else ("", [])
        evidence.append([e.method, e.document, e.title, text, [list(m) for m in marks]])
    return {
        "id": f"e{number}",
        "from": link.source,
        "to": link.target,
        "predicate": link.predicate,
        "arrows": "to" if link.directed else "",
        "color": style["color"],
        "width": style["width"],
        "dashes": style.get("dashes", False),
        "count": link.count,
        "evidence": evidence,
    }


def render_page(selection: Selection, filters: Filters, lang: str, source: Source) -> str:
    """The whole page as text: deterministic for the same selection, filters, language and source."""
    said = words(lang)
    linked = [n.id for n in selection.nodes if selection.degree.get(n.id, 0)]
    unlinked = [n.id for n in selection.nodes if not selection.degree.get(n.id, 0)]
    placed = positions(
        linked, [(l.source, l.target, 0.2 if l.predicate == COMENTION else 1.0) for l in selection.links]
    )
    placed.update(_unlinked_grid(unlinked, placed))
    present_classes = [c for c in NODE_CLASSES if any(n.cls == c for n in selection.nodes)]
    present_classes += sorted({n.cls for n in selection.nodes} - set(present_classes))
    present_predicates = [p for p in PREDICATES + (COMENTION,) if any(l.predicate == p for l in selection.links)]
    present_predicates += sorted({l.predicate for l in selection.links} - set(present_predicates))
    classes = class_styles(present_classes)
    predicates = predicate_styles(present_predicates)
    names = {n.id: list(n.labels.values()) + list(n.aliases) for n in selection.nodes}
    nodes = [_node_payload(n, selection, lang, placed.get(n.id, (0, 0)), *classes[n.cls]) for n in selection.nodes]
    edges = [_edge_payload(i, l, names, predicates[l.predicate]) for i, l in enumerate(selection.links)]
    payload = {
        "lang": lang,
        "focus": selection.focus,
        "nodes": nodes,
        "edges": edges,
        "classes": {
            c: {
                "color": classes[c][0],
                "shape": classes[c][1],
                "name": said.cls(c),
                "count": sum(1 for n in selection.nodes if n.cls == c),
            }
            for c in present_classes
        },
        "predicates": {
            p: dict(predicates[p], name=said.predicate(p), count=sum(1 for l in selection.links if l.predicate == p))
            for p in present_predicates
        },
        "ui": said.interface,
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
        showing=said.say("showing"),
        labels_in=said.say("labels"),
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
