"""The `amurkg map` page: every entity with coordinates on a Leaflet map, made with folium.

folium loads Leaflet from a CDN; `offlinefolium` (the same API, PyPI package folium-offline) inlines
Leaflet and its plugins' JS and CSS, so only the map tiles need the network. folium puts popup and
tooltip HTML into JavaScript template literals, so every text is escaped for HTML *and* for those
literals (backtick, `$`, backslash) before it goes in.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from contextlib import contextmanager

import branca.element
import offlinefolium as folium

from amurkg.views.model import COMENTION, NODE_CLASSES, Link, Network, Node
from amurkg.views.style import CLASS_STYLE, PREDICATE_STYLE

MAP_LINKS = {
    "counterpartOf": "Cross-border pairs (counterpartOf)",
    "hinterlandOf": "Port–hinterland links (hinterlandOf)",
}
TILES_ATTRIBUTION = "© OpenStreetMap contributors"


def text(value: object) -> str:
    """Text safe as HTML inside a JavaScript template literal: no tag, no `${…}`, no escape sequence."""
    escaped = html.escape(str(value), quote=True)
    return escaped.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def node_popup(node: Node, degree: int) -> str:
    """The same details as the network's tooltip, as escaped HTML."""
    rows = "".join(
        f"<tr><td style='color:#888'>{lang}</td><td>{text(label)}</td></tr>" for lang, label in node.labels.items()
    )
    parts = [
        f"<b>{text(node.label())}</b>",
        f"<div style='color:#666'>{text(node.cls)} · {degree} links · {text(node.id)}</div>",
        f"<table>{rows}</table>",
    ]
    if node.wikidata and node.wikidata[1:].isdigit() and node.wikidata.startswith("Q"):
        parts.append(
            f"<a href='https://www.wikidata.org/wiki/{node.wikidata}' target='_blank' "
            f"rel='noopener noreferrer'>Wikidata {node.wikidata}</a>"
        )
    if node.documents:
        items = "".join(f"<li>{text(title)} [{text(doc)}]</li>" for doc, title in node.documents[:8])
        more = f"<li>… and {len(node.documents) - 8} more</li>" if len(node.documents) > 8 else ""
        parts.append(
            f"<div>Named in {len(node.documents)} document(s):</div><ul style='margin:2px 0;padding-left:16px'>{items}{more}</ul>"
        )
    return "<div style='max-width:360px'>" + "".join(parts) + "</div>"


def link_popup(link: Link, network: Network) -> str:
    first, second = network.nodes[link.source], network.nodes[link.target]
    parts = [f"<b>{text(first.label())} — {text(link.predicate)} — {text(second.label())}</b>"]
    for evidence in link.evidence[:5]:
        if evidence.method == "catalog":
            parts.append("<div style='color:#888'>curated catalog geography</div>")
        else:
            parts.append(
                f"<div>{text(evidence.title)} [{text(evidence.document)}] · {text(evidence.method)}</div>"
                f"<blockquote style='margin:2px 0 6px 8px;border-left:3px solid #ccc;padding-left:6px'>"
                f"{text(evidence.quote)}</blockquote>"
            )
    return "<div style='max-width:380px'>" + "".join(parts) + "</div>"


@contextmanager
def _sequential_ids() -> Iterator[None]:
    """folium names every JS variable after a random id; number them instead, so output is deterministic."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]
    branca.element.Element._generate_id = classmethod(lambda cls: f"{next(counter):08d}")
    try:
        yield
    finally:
        branca.element.Element._generate_id = original


def render_map(network: Network, lang: str = "en", caption: str = "") -> tuple[str, int, int]:
    """The map page, the number of places on it and the number of lines drawn; `caption` (plain
    text, e.g. where the graph came from) is shown in a box on the map."""
    placed = {n.id: n for n in network.nodes.values() if n.lat is not None and n.lon is not None}
    degree: dict[str, int] = {}
    for link in network.links:
        if link.predicate != COMENTION:
            for end in (link.source, link.target):
                degree[end] = degree.get(end, 0) + 1
    with _sequential_ids():
        if placed:
            lats = [n.lat for n in placed.values()]
            lons = [n.lon for n in placed.values()]
            centre = [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2]
        else:
            centre = [47.0, 128.0]
        fmap = folium.Map(location=centre, zoom_start=5, tiles="OpenStreetMap", control_scale=True)
        root = fmap.get_root()
        root.header.add_child(branca.element.Element(f"<title>amurkg map — {len(placed)} places</title>"), name="title")
        lines = 0
        for predicate, name in MAP_LINKS.items():
            style = PREDICATE_STYLE[predicate]
            group = folium.FeatureGroup(name=text(name), show=True)
            for link in network.links:
                if link.predicate == predicate and link.source in placed and link.target in placed:
                    a, b = placed[link.source], placed[link.target]
                    folium.PolyLine(
                        [[a.lat, a.lon], [b.lat, b.lon]],
                        color=style["color"],
                        weight=style["width"] + 1,
                        opacity=0.8,
                        dash_array="6 6" if predicate == "hinterlandOf" else None,
                        popup=folium.Popup(link_popup(link, network), max_width=400),
                        tooltip=folium.Tooltip(text(f"{a.label(lang)} — {predicate} — {b.label(lang)}")),
                    ).add_to(group)
                    lines += 1
            group.add_to(fmap)
        for cls in NODE_CLASSES:
            members = [n for n in placed.values() if n.cls == cls]
            if not members:
                continue
            colour = CLASS_STYLE[cls][0]
            group = folium.FeatureGroup(name=f"<span style='color:{colour}'>●</span> {cls} ({len(members)})", show=True)
            for node in sorted(members, key=lambda n: n.id):
                folium.CircleMarker(
                    [node.lat, node.lon],
                    radius=5 + min(degree.get(node.id, 0), 16) ** 0.5 * 1.5,
                    color="#333333",
                    weight=1,
                    fill=True,
                    fill_color=colour,
                    fill_opacity=0.85,
                    popup=folium.Popup(node_popup(node, degree.get(node.id, 0)), max_width=400),
                    tooltip=folium.Tooltip(text(node.label(lang))),
                ).add_to(group)
            group.add_to(fmap)
        folium.LayerControl(collapsed=False).add_to(fmap)
        box = (
            f"<b>amurkg map</b> — {len(placed)} places, {lines} lines. {text(caption)} "
            "Background tiles need the network; everything else is in this file."
        )
        root.html.add_child(
            branca.element.Element(
                "<div id='amurkg-caption' style='position:absolute;bottom:36px;left:10px;z-index:1000;"
                "background:rgba(255,255,255,.9);padding:4px 8px;font:12px sans-serif;max-width:480px;"
                f"border-radius:4px'>{box}</div>"
            ),
            name="caption",
        )
        # frame the region, not the whole world: countries' points are far-away capitals and centroids
        # and the bulk of the places (10th to 90th percentile), not the few far-away partners
        framed = [n for n in placed.values() if n.cls not in ("Country", "Region")] or list(placed.values())
        if framed:
            fmap.fit_bounds(_bulk_bounds([n.lat for n in framed], [n.lon for n in framed]), padding=(30, 30))
        page = root.render()
    return page, len(placed), lines


def _bulk_bounds(lats: list[float], lons: list[float]) -> list[list[float]]:
    def spread(values: list[float]) -> tuple[float, float]:
        ordered = sorted(values)
        low, high = ordered[len(ordered) // 10], ordered[(len(ordered) * 9) // 10]
        return (low - 0.5, high + 0.5)

    (south, north), (west, east) = spread(lats), spread(lons)
    return [[south, west], [north, east]]
