"""The `amurkg map` page: every entity with coordinates on a Leaflet map, made with folium.

folium loads Leaflet from a CDN; `offlinefolium` (the same API, PyPI package folium-offline) inlines
Leaflet and its plugins' JS and CSS. The map means something without the network: a plain base
with a labelled graticule, the names of the main places always shown (decluttered by importance
at every zoom), and markers that share a spot fanned out around it; OpenStreetMap tiles are drawn
over the base when the network is there. folium puts popup and tooltip HTML into JavaScript
template literals, so every text is escaped for HTML *and* for those literals (backtick, `$`,
backslash) before it goes in.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

import branca.element
import offlinefolium as folium

from amurkg.views.model import COMENTION, NODE_CLASSES, Link, Network, Node
from amurkg.views.quotes import excerpt
from amurkg.views.style import class_styles, predicate_styles, words

MAP_LINKS = ("counterpartOf", "hinterlandOf")
TILES_ATTRIBUTION = "© OpenStreetMap contributors"
LABELLED_CLASSES = ("City", "Port", "Region", "Park", "Corridor", "GeoFeature", "Infrastructure")
GRATICULE_STEP = 5  # degrees

#: Page behaviour added to folium's: fixed focus outline, label decluttering, pushing apart markers
#: that share a spot. `{map}` is replaced by the folium map's JS name, `{markers}` by the markers' names.
MAP_SCRIPT = """
window.addEventListener("load", function () {  // after folium's own script has made the markers
  var map = {map};
  var markers = {markers}.map(function (name) { return window[name]; });  // most important first
  markers.forEach(function (m) { m._amurkgHome = m.getLatLng(); });
  function fan() {  // markers closer than 9 px on screen are pushed apart a little, then stay put
    var shown = markers.filter(function (m) { return map.hasLayer(m); });
    var points = shown.map(function (m) { var p = map.latLngToLayerPoint(m._amurkgHome); return [p.x, p.y]; });
    for (var round = 0; round < 40; round++) {
      var moved = false;
      for (var i = 0; i < points.length; i++) {
        for (var j = i + 1; j < points.length; j++) {
          var dx = points[j][0] - points[i][0], dy = points[j][1] - points[i][1], d = Math.sqrt(dx * dx + dy * dy);
          if (d >= 9) continue;
          if (d < 0.01) { var a = (i * 2.399963) % (2 * Math.PI); dx = Math.cos(a); dy = Math.sin(a); d = 1; }
          var push = (9 - d) / 2 + 0.05;
          points[i][0] -= dx / d * push; points[i][1] -= dy / d * push;
          points[j][0] += dx / d * push; points[j][1] += dy / d * push;
          moved = true;
        }
      }
      if (!moved) break;
    }
    shown.forEach(function (m, i) { m.setLatLng(map.layerPointToLatLng(L.point(points[i][0], points[i][1]))); });
  }
  function declutter() {  // permanent names: most important first, hidden where they would overlap
    var taken = [];
    markers.forEach(function (m) {
      var tip = m.getTooltip && m.getTooltip();
      if (!tip || !tip.options.permanent || !tip.getElement()) return;
      var node = tip.getElement();
      node.style.visibility = "visible";
      if (!map.hasLayer(m)) return;
      var r = node.getBoundingClientRect();
      var clash = taken.some(function (o) { return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom; });
      if (clash) node.style.visibility = "hidden"; else taken.push(r);
    });
    window.amurkgMap.labels = taken.length;
  }
  var grid = { color: "#9fb3bf", weight: 0.8, opacity: 0.8, interactive: false };  // the offline base
  for (var lat = 20; lat <= 75; lat += {step}) L.polyline([[lat, 60], [lat, 180]], grid).addTo(map);
  for (var lon = 60; lon <= 180; lon += {step}) L.polyline([[20, lon], [75, lon]], grid).addTo(map);
  for (lat = 20; lat <= 75; lat += 2 * {step}) for (lon = 60; lon <= 180; lon += 2 * {step}) {
    L.marker([lat, lon], { interactive: false, keyboard: false, icon: L.divIcon({ className: "amurkg-degree",
      html: lat + "°N " + lon + "°E", iconSize: [70, 12], iconAnchor: [-3, 13] }) }).addTo(map);
  }
  window.amurkgMap = { map: map, markers: markers, labels: 0 };
  function refresh() { fan(); declutter(); }
  map.on("zoomend overlayadd overlayremove", refresh);
  refresh();
});
"""
MAP_CSS = """
<style>
  .leaflet-container { background: #eef2f3 !important; }
  .leaflet-interactive:focus, .leaflet-container path:focus { outline: none; }
  .leaflet-tooltip.amurkg-place { background: transparent; border: none; box-shadow: none; padding: 0 2px;
    font: 11px "Noto Sans", "WenQuanYi Zen Hei", sans-serif; color: #222;
    text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
  .leaflet-tooltip.amurkg-place::before { display: none; }
  .leaflet-tooltip.amurkg-major { font-weight: bold; font-size: 12px; }
  .amurkg-degree { color: #7a8a94; font: 10px sans-serif; white-space: nowrap; }
</style>
"""


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


def link_popup(link: Link, network: Network, lang: str = "en") -> str:
    first, second = network.nodes[link.source], network.nodes[link.target]
    said = words(lang).predicate(link.predicate)
    parts = [f"<b>{text(first.label(lang))} — {text(said)} — {text(second.label(lang))}</b>"]
    for evidence in link.evidence[:5]:
        if evidence.method == "catalog":
            parts.append("<div style='color:#888'>curated catalog geography</div>")
        elif evidence.method == "gazetteer":
            parts.append("<div style='color:#888'>GeoNames gazetteer geography</div>")
        else:
            parts.append(
                f"<div>{text(evidence.title)} [{text(evidence.document)}] · {text(evidence.method)}</div>"
                f"<blockquote style='margin:2px 0 6px 8px;border-left:3px solid #ccc;padding-left:6px'>"
                f"{_marked(evidence.quote, first, second)}</blockquote>"
            )
    return "<div style='max-width:380px'>" + "".join(parts) + "</div>"


def _marked(quote: str, *ends: Node) -> str:
    """The quote's excerpt as escaped HTML with the linked terms in <mark>."""
    shown, spans = excerpt(quote, [t for n in ends for t in (*n.labels.values(), *n.aliases)])
    parts, at = [], 0
    for start, end in spans:
        parts.append(text(shown[at:start]) + "<mark>" + text(shown[start:end]) + "</mark>")
        at = end
    return "".join(parts) + text(shown[at:])


@contextmanager
def _sequential_ids() -> Iterator[None]:
    """folium names every JS variable after a random id; number them instead, so output is deterministic."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]
    setattr(branca.element.Element, "_generate_id", classmethod(lambda cls: f"{next(counter):08d}"))  # noqa: B010
    try:
        yield
    finally:
        setattr(branca.element.Element, "_generate_id", original)  # noqa: B010


def render_map(network: Network, lang: str = "en", caption: str = "") -> tuple[str, int, int]:
    """The map page, the number of places on it and the number of lines drawn; `caption` (plain
    text, e.g. where the graph came from) is shown in a box on the map."""
    said = words(lang)
    placed = {n.id: n for n in network.nodes.values() if n.lat is not None and n.lon is not None}
    degree: dict[str, int] = {}
    for link in network.links:
        if link.predicate != COMENTION:
            for end in (link.source, link.target):
                degree[end] = degree.get(end, 0) + 1
    classes = class_styles(list(NODE_CLASSES) + sorted({n.cls for n in placed.values()} - set(NODE_CLASSES)))
    predicates = predicate_styles(list(MAP_LINKS))
    # importance: the order names are kept when they would overlap, and markers are stacked (top last)
    ranked = sorted(placed.values(), key=lambda n: (n.cls not in LABELLED_CLASSES, -degree.get(n.id, 0), n.id))
    rank = {n.id: i for i, n in enumerate(ranked)}
    with _sequential_ids():
        if placed:
            lats = [n.lat for n in placed.values() if n.lat is not None]
            lons = [n.lon for n in placed.values() if n.lon is not None]
            centre = [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2]
        else:
            centre = [47.0, 128.0]
        fmap = folium.Map(location=centre, zoom_start=5, tiles=None, control_scale=True)
        folium.TileLayer(
            "OpenStreetMap", name=text("OpenStreetMap (online)"), overlay=True, control=True, show=True
        ).add_to(fmap)
        root = cast(branca.element.Figure, fmap.get_root())
        root.header.add_child(branca.element.Element(f"<title>amurkg map — {len(placed)} places</title>"), name="title")
        root.header.add_child(branca.element.Element(MAP_CSS), name="amurkg_css")
        lines = 0
        marker_names: dict[str, str] = {}
        for predicate in MAP_LINKS:
            style = predicates[predicate]
            name = f"{said.predicate(predicate)} ({predicate})"
            group = folium.FeatureGroup(name=text(name), show=True)
            for link in network.links:
                if link.predicate == predicate and link.source in placed and link.target in placed:
                    a, b = placed[link.source], placed[link.target]
                    folium.PolyLine(
                        [[a.lat, a.lon], [b.lat, b.lon]],
                        color=style["color"],
                        weight=style["width"] + 1,
                        opacity=0.8,
                        dash_array=" ".join(str(d) for d in style["dashes"]) if style["dashes"] else None,
                        popup=folium.Popup(link_popup(link, network, lang), max_width=400),
                        tooltip=folium.Tooltip(
                            text(f"{a.label(lang)} — {said.predicate(predicate)} — {b.label(lang)}"), sticky=True
                        ),
                    ).add_to(group)
                    lines += 1
            group.add_to(fmap)
        for cls in sorted(classes, key=lambda c: list(classes).index(c)):
            members = [n for n in placed.values() if n.cls == cls]
            if not members:
                continue
            colour = classes[cls][0]
            group = folium.FeatureGroup(
                name=f"<span style='color:{colour}'>●</span> {text(said.cls(cls))} ({len(members)})", show=True
            )
            for node in sorted(members, key=lambda n: (-rank[n.id], n.id)):
                major = rank[node.id] < 12
                labelled = node.cls in LABELLED_CLASSES
                marker = folium.CircleMarker(
                    [node.lat, node.lon],
                    radius=5 + min(degree.get(node.id, 0), 16) ** 0.5 * 1.5,
                    color="#333333",
                    weight=1,
                    fill=True,
                    fill_color=colour,
                    fill_opacity=0.85,
                    popup=folium.Popup(node_popup(node, degree.get(node.id, 0)), max_width=400),
                    tooltip=folium.Tooltip(
                        text(node.label(lang)),
                        permanent=labelled,
                        direction="right",
                        offset=(6, 0),
                        class_name="amurkg-place amurkg-major" if major else "amurkg-place",
                    )
                    if labelled
                    else folium.Tooltip(text(node.label(lang))),
                ).add_to(group)
                marker_names[node.id] = marker.get_name()
            group.add_to(fmap)
        folium.LayerControl(collapsed=False).add_to(fmap)
        box = (
            f"<b>amurkg map</b> — {len(placed)} places, {lines} lines. {text(caption)} "
            "Map tiles come from OpenStreetMap when online; without the network the plain base, the grid "
            "and the names still show."
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
            fmap.fit_bounds(
                _bulk_bounds(
                    [n.lat for n in framed if n.lat is not None], [n.lon for n in framed if n.lon is not None]
                ),
                padding=(30, 30),
            )
        names = json.dumps([marker_names[n.id] for n in ranked])
        script = (
            MAP_SCRIPT.replace("{map}", fmap.get_name())
            .replace("{markers}", names)
            .replace("{step}", str(GRATICULE_STEP))
        )
        root.script.add_child(branca.element.Element(script), name="amurkg_js")
        page = root.render()
    return page, len(placed), lines


def _bulk_bounds(lats: list[float], lons: list[float]) -> list[list[float]]:
    def spread(values: list[float]) -> tuple[float, float]:
        ordered = sorted(values)
        low, high = ordered[len(ordered) // 10], ordered[(len(ordered) * 9) // 10]
        return (low - 0.5, high + 0.5)

    (south, north), (west, east) = spread(lats), spread(lons)
    return [[south, west], [north, east]]
