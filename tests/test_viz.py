"""`amurkg viz` and `amurkg map`: what they select, that their pages are offline, deterministic and
escape every text, and (in headless Chromium) that the pages draw, filter and never run a label."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from headless import Chromium, chromium_path, file_url
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.layout import Layout
from amurkg.namespaces import AK, ID, WGS
from amurkg.pipeline.serialize import turtle_bytes
from amurkg.views.model import COMENTION, PREDICATES, Link, Network, Node, read_network
from amurkg.views.page import Source, render_page
from amurkg.views.quotes import excerpt
from amurkg.views.select import HUB_CLASSES, Filters, select
from amurkg.views.style import CLASS_STYLE, PREDICATE_STYLE, class_styles, predicate_styles, words

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "exports" / "screenshots"
runner = CliRunner()


@pytest.fixture(scope="module")
def network(built):
    return read_network(built.graph)


@pytest.fixture(scope="module")
def seed_project(tmp_path_factory, built) -> Layout:
    """A project folder holding just the seed graph, as `amurkg build` writes it."""
    root = tmp_path_factory.mktemp("seed")
    (root / "exports").mkdir()
    (root / "exports" / "amurkg.ttl").write_bytes(turtle_bytes(built.graph))
    return Layout(root)


def stated_neighbours(graph: Graph, slug: str) -> set[str]:
    """Independent oracle: entities one stated relation away, in either direction, straight from the triples."""
    node = ID[slug]
    found = set()
    for predicate in PREDICATES:
        found |= {str(o)[len(str(ID)) :] for o in graph.objects(node, AK[predicate])}
        found |= {str(s)[len(str(ID)) :] for s in graph.subjects(AK[predicate], node)}
    return found


# --- what the views select -------------------------------------------------------------------


def test_network_has_entities_not_mentions_evidence_or_comention_nodes(built, network):
    entities = {
        str(s)
        for s, _, o in built.graph.triples((None, RDF.type, None))
        if str(o).startswith(str(AK))
        and str(o)[len(str(AK)) :]
        in {
            "Country",
            "Region",
            "City",
            "Port",
            "Park",
            "Corridor",
            "Industry",
            "CooperationModel",
            "Program",
            "Project",
            "Organization",
            "Event",
            "GeoFeature",
        }
    }
    entity_nodes = {str(ID[n.id]) for n in network.nodes.values() if n.cls != "Document"}
    assert entity_nodes == entities
    assert not any(
        n.startswith(("mention/", "evidence/", "comention/")) or n.endswith("/geometry") for n in network.nodes
    )
    # documents are nodes only where they state a relation (ak:proposes)
    for node in network.nodes.values():
        if node.cls == "Document":
            assert any(l.source == node.id and l.predicate == "proposes" for l in network.links)


def test_links_carry_their_quotes_and_symmetric_ones_appear_once(network):
    pair = [
        l
        for l in network.links
        if {l.source, l.target} == {"heihe", "blagoveshchensk"} and l.predicate == "counterpartOf"
    ]
    assert len(pair) == 1
    quoted = [e for l in network.links if l.predicate == "targetsIndustry" for e in l.evidence if e.quote]
    assert quoted and all(e.document and e.title for e in quoted)
    harbin = network.nodes["harbin"]
    assert harbin.labels["zh"] == "哈尔滨" and harbin.labels["ru"] == "Харбин" and harbin.wikidata.startswith("Q")
    assert harbin.documents


def test_filters_select_what_they_say(built, network):
    parks = select(network, Filters(classes=("Park",)))
    assert parks.nodes and {n.cls for n in parks.nodes} == {"Park"}
    targets = select(network, Filters(predicates=("targetsIndustry",)))
    assert targets.links and {l.predicate for l in targets.links} == {"targetsIndustry"}
    assert {n.id for n in targets.nodes} == {e for l in targets.links for e in (l.source, l.target)}
    focus = select(network, Filters(focus="harbin", depth=1))
    assert {n.id for n in focus.nodes} == {"harbin"} | stated_neighbours(built.graph, "harbin")
    wider = select(network, Filters(focus="harbin", depth=2))
    assert len(wider.nodes) > len(focus.nodes)
    document = next(iter(network.documents))
    named = select(network, Filters(document=document))
    assert named.nodes and all(any(d == document for d, _ in n.documents) for n in named.nodes)
    hubs = select(network, Filters(min_degree=5))
    everything = select(network, Filters())
    assert hubs.nodes and all(everything.degree[n.id] >= 5 for n in hubs.nodes)
    assert {n.id for n in hubs.nodes} == {n.id for n in everything.nodes if everything.degree.get(n.id, 0) >= 5}
    assert len(hubs.nodes) < len(network.nodes)


def test_comentions_are_off_unless_asked(network):
    assert not any(l.predicate == COMENTION for l in select(network, Filters()).links)
    assert any(l.predicate == COMENTION for l in select(network, Filters(comentions=True)).links)


def test_size_limit_keeps_the_best_connected_unless_a_filter_is_given(network):
    capped = select(network, Filters(limit=40))
    assert len(capped.nodes) == 40 and capped.notes
    full = select(network, Filters())
    threshold = sorted((full.degree.get(n.id, 0) for n in full.nodes), reverse=True)[39]
    assert all(full.degree.get(n.id, 0) >= threshold for n in capped.nodes)
    filtered = select(network, Filters(classes=("Industry",), limit=40))
    assert len(filtered.nodes) > 40 and filtered.notes


# --- the command line ---------------------------------------------------------------------------


def test_viz_writes_one_offline_deterministic_file(seed_project):
    out = seed_project.root / "net.html"
    result = runner.invoke(app, ["viz", "--root", str(seed_project.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    first = out.read_bytes()
    assert runner.invoke(app, ["viz", "--root", str(seed_project.root), "--out", str(out)]).exit_code == 0
    assert out.read_bytes() == first
    page = first.decode()
    assert not re.search(r"<(script|link|img|iframe)[^>]*(src|href)\s*=", page, re.I)
    assert "vis-network" in page and 'id="amurkg-data"' in page


@pytest.mark.parametrize(
    "args, message",
    [
        (["--class", "Planet"], "unknown class 'Planet'"),
        (["--predicate", "loves"], "unknown predicate 'loves'"),
        (["--focus", "harbinn"], "did you mean"),
        (["--document", "nope"], "no document 'nope'"),
    ],
)
def test_viz_bad_filters_are_one_line_and_exit_2(seed_project, args, message):
    result = runner.invoke(
        app, ["viz", "--root", str(seed_project.root), "--out", str(seed_project.root / "bad.html"), *args]
    )
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (seed_project.root / "bad.html").exists()


def test_viz_and_map_without_a_built_graph_fail_clearly(tmp_path):
    for command in ("viz", "map"):
        result = runner.invoke(app, [command, "--root", str(tmp_path)])
        assert result.exit_code == 2 and "amurkg build" in result.output


def test_map_places_every_located_entity_and_is_deterministic(seed_project, network):
    out = seed_project.root / "map.html"
    result = runner.invoke(app, ["map", "--root", str(seed_project.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    located = sum(1 for n in network.nodes.values() if n.lat is not None)
    assert f"{located:,} places" in result.output
    first = out.read_bytes()
    assert runner.invoke(app, ["map", "--root", str(seed_project.root), "--out", str(out)]).exit_code == 0
    assert out.read_bytes() == first
    page = first.decode()
    assert not re.search(r"<(script|link|img|iframe)[^>]*(src|href)\s*=\s*[\"']?https?:", page, re.I)


# --- in a real browser ------------------------------------------------------------------------

EVIL_LABEL = "<script>window.pwned=1</script>Evil"
EVIL_ZH = '<img src=x onerror="window.pwned=2">'
EVIL_QUOTE = "<img src=x onerror=window.pwned=3> ${window.pwned=4} `x` \\u0041 </script><script>window.pwned=5</script>"


def malicious_project(root: Path) -> Layout:
    """A two-city graph whose labels, title and quote try to run script."""
    graph = Graph()
    evil, good, document = ID["evil"], ID["good"], ID["document/doc1"]
    for node, labels, (lat, lon) in (
        (evil, {"en": EVIL_LABEL, "zh": EVIL_ZH}, (48.0, 127.0)),
        (good, {"en": "Good <b>town</b>"}, (49.0, 128.0)),
    ):
        graph.add((node, RDF.type, AK.City))
        for lang, label in labels.items():
            graph.add((node, RDFS.label, Literal(label, lang=lang)))
        graph.add((node, WGS.lat, Literal(str(lat), datatype=XSD.decimal)))
        graph.add((node, WGS.long, Literal(str(lon), datatype=XSD.decimal)))
        graph.add((node, AK.mentionedIn, document))
    graph.add((evil, AK.wikidata, Literal('Q1"><script>window.pwned=6</script>')))
    graph.add((document, RDF.type, AK.Document))
    graph.add((document, DCTERMS.title, Literal("<script>window.pwned=7</script>Doc", lang="en")))
    graph.add((evil, AK.counterpartOf, good))
    graph.add((good, AK.counterpartOf, evil))
    evidence = ID["evidence/1"]
    for predicate, value in (
        (RDF.type, AK.Evidence),
        (RDF.subject, evil),
        (RDF.predicate, AK.counterpartOf),
        (RDF.object, good),
        (AK.document, document),
    ):
        graph.add((evidence, predicate, value))
    graph.add((evidence, AK.method, Literal("claim")))
    graph.add((evidence, AK.quote, Literal(EVIL_QUOTE)))
    (root / "exports").mkdir(parents=True, exist_ok=True)
    (root / "exports" / "amurkg.ttl").write_bytes(turtle_bytes(graph))
    return Layout(root)


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run must install it")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-wqy-zenhei)")
    with Chromium() as chromium:
        yield chromium


@pytest.fixture()
def page(browser):
    tab = browser.page()
    yield tab
    tab.close()


def label_overlaps(boxes: list) -> int:
    """How many drawn labels overlap another one (boxes are [id, left, top, width, height])."""
    clashing = set()
    for i, (a, ax, ay, aw, ah) in enumerate(boxes):
        for b, bx, by, bw, bh in boxes[i + 1 :]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                clashing |= {a, b}
    return len(clashing)


TOOLTIP = (
    "(function(){var t=document.getElementById('tooltip');return t && t.style.display==='block' && t.textContent})()"
)

NODE_SCREEN_POSITION = """(function (id) {
  var p = amurkg.network.canvasToDOM(amurkg.network.getPositions([id])[id]);
  var r = document.getElementById("network").getBoundingClientRect();
  return [p.x + r.left, p.y + r.top];
})(%r)"""

CANVAS_INK = """(function () {
  var c = document.querySelector("#network canvas");
  var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, ink = 0, colours = {};
  for (var i = 0; i < d.length; i += 16) {
    if (d[i + 3] > 0 && !(d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240)) { ink++; colours[(d[i] >> 5) + "," + (d[i+1] >> 5) + "," + (d[i+2] >> 5)] = 1; }
  }
  return [ink, Object.keys(colours).length];
})()"""


def test_default_network_draws_every_node_offline(seed_project, network, page, built):
    out = seed_project.root / "exports" / "amurkg.html"
    assert runner.invoke(app, ["viz", "--root", str(seed_project.root)]).exit_code == 0
    page.goto(file_url(out))
    page.wait_for("window.amurkg && window.amurkg.drawnAt")
    assert page.evaluate("amurkg.nodes.length") == len(network.nodes) > 300
    everything = select(network, Filters())
    assert page.evaluate("amurkg.edges.length") == len(everything.links)
    # unlinked entities are listed beside the drawing, not drawn, until asked for
    linked = sum(1 for n in everything.nodes if everything.degree.get(n.id, 0))
    assert page.evaluate("amurkg.network.body.data.nodes.length") == linked < len(network.nodes)
    unlinked = len(network.nodes) - linked
    assert page.evaluate("document.querySelectorAll('#unlinked li').length") == unlinked
    ink, colours = page.evaluate(CANVAS_INK)
    assert ink > 2000 and colours >= 8  # drawn, and in many class colours
    assert page.evaluate("document.querySelectorAll('#legend-classes input').length") >= 10
    # the legend draws each shape it names, and every class has its own colour
    shapes = page.evaluate("Array.from(document.querySelectorAll('#legend-classes canvas')).map(c => c.dataset.shape)")
    assert {"star", "hexagon", "dot", "square", "diamond", "triangle"} <= set(shapes)
    colours = page.evaluate("Object.values(amurkg.data.classes).map(c => c.color)")
    assert len(set(colours)) == len(colours)
    assert "located in" in page.evaluate("document.getElementById('legend-predicates').textContent")
    # labels: many drawn, none overlapping another, all inside the canvas
    boxes = page.evaluate("amurkg.labels")
    assert len(boxes) >= 40
    assert label_overlaps(boxes) == 0
    page.evaluate("document.getElementById('show-unlinked').click()")
    assert page.evaluate("amurkg.network.body.data.nodes.length") == len(network.nodes)
    page.pump(0.5)
    assert page.errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in page.requests), page.requests
    page.screenshot(SCREENSHOTS / "network.png")


def test_tooltips_show_four_languages_and_quotes(seed_project, page):
    out = seed_project.root / "zh.html"
    assert (
        runner.invoke(
            app,
            [
                "viz",
                "--root",
                str(seed_project.root),
                "--out",
                str(out),
                "--lang",
                "zh",
                "--focus",
                "Heihe",
                "--depth",
                "1",
            ],
        ).exit_code
        == 0
    )
    page.goto(file_url(out))
    page.wait_for("window.amurkg && window.amurkg.drawnAt")
    assert page.evaluate("amurkg.data.nodes.find(n => n.id === 'heihe').label") == "黑河"
    x, y = page.evaluate(NODE_SCREEN_POSITION % "heihe")
    page.mouse("mouseMoved", x + 1, y + 1)
    tip = page.wait_for(TOOLTIP)
    for label in ("Heihe", "黑河", "黒河", "Хэйхэ"):
        assert label in tip
    page.screenshot(SCREENSHOTS / "network-zh-tooltip.png")
    quotes = page.evaluate("""(function(){var e=amurkg.edges.get({filter:function(e){return e.predicate==='counterpartOf'}})[0];
        return e ? amurkg.edgeText(e.id) : ''})()""")
    assert "counterpartOf" in quotes and "[" in quotes
    # the interface speaks the page's language
    assert page.evaluate("document.getElementById('search').placeholder") == "搜索实体（任何语言）…"
    assert "位于" in page.evaluate("document.getElementById('legend-predicates').textContent")
    assert page.errors == []


def test_focus_filter_shows_the_neighbourhood_in_the_browser(seed_project, page, built):
    out = seed_project.root / "focus.html"
    result = runner.invoke(app, ["viz", "--root", str(seed_project.root), "--out", str(out), "--focus", "哈尔滨"])
    assert result.exit_code == 0, result.output
    page.goto(file_url(out))
    page.wait_for("window.amurkg && window.amurkg.drawnAt")
    shown = set(page.evaluate("amurkg.nodes.getIds()"))
    assert shown == {"harbin"} | stated_neighbours(built.graph, "harbin")
    assert "focus harbin" in page.evaluate("document.querySelector('header').textContent")
    # the focus is marked (thick black border, its label always drawn, its details in the panel)
    assert page.evaluate("amurkg.nodes.get('harbin').borderWidth") == 4
    assert "harbin" in [b[0] for b in page.evaluate("amurkg.labels")]
    assert "Харбин" in page.evaluate("document.getElementById('details').textContent")
    # links are counted in the view and in the whole graph
    heilongjiang = page.evaluate("amurkg.nodeText('heilongjiang')")
    assert re.search(r"\d+ links in this view \(\d+ in the whole graph\)", heilongjiang), heilongjiang
    assert page.errors == []


def search_and_pick(page, text: str) -> list[str]:
    """Type into the search box; the suggestions' entity ids, after Enter picked the first."""
    page.evaluate(
        f"(function(){{var i=document.getElementById('search'); i.focus(); i.value={text!r};"
        "i.dispatchEvent(new Event('input'));})()"
    )
    ids = page.evaluate(
        "Array.from(document.querySelectorAll('#suggestions li')).map(l => l.dataset.id).filter(Boolean)"
    )
    page.evaluate("document.getElementById('search').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))")
    return ids


def test_search_finds_entities_in_every_language_and_highlights_them(seed_project, page, built):
    out = seed_project.root / "search.html"
    assert runner.invoke(app, ["viz", "--root", str(seed_project.root), "--out", str(out)]).exit_code == 0
    page.goto(file_url(out))
    page.wait_for("window.amurkg && window.amurkg.drawnAt")
    for text in ("harbin", "Харбин", "ハルビン"):
        assert search_and_pick(page, text)[0] == "harbin", text
    assert search_and_pick(page, "哈尔滨")[0] == "harbin"
    assert page.evaluate("amurkg.selected") == "harbin"
    neighbours = {"harbin"} | stated_neighbours(built.graph, "harbin")
    assert set(page.evaluate("amurkg.highlighted")) == neighbours
    # the rest is dimmed, the neighbourhood keeps its colours and its labels come first
    assert page.evaluate("amurkg.nodes.get('harbin').color.background") != "#eeeeee"
    far = page.evaluate("amurkg.nodes.get({filter: n => n.color.background === '#eeeeee'}).length")
    assert far > 100
    assert {b[0] for b in page.evaluate("amurkg.labels")} <= neighbours
    page.screenshot(SCREENSHOTS / "network-search.png")
    assert search_and_pick(page, "Хабаровск")[0] == "khabarovsk"
    assert page.evaluate("amurkg.selected") == "khabarovsk"
    assert search_and_pick(page, "Хабаровский")[:1] == ["khabarovsk-krai"]  # an alias or inflected label
    assert search_and_pick(page, "no such place") == [] and "No entity matches" in page.evaluate(
        "document.getElementById('suggestions').textContent"
    )
    assert page.errors == []


def test_click_highlights_the_neighbourhood_and_relax_stops(seed_project, page, built):
    out = seed_project.root / "click.html"
    assert runner.invoke(app, ["viz", "--root", str(seed_project.root), "--out", str(out)]).exit_code == 0
    page.goto(file_url(out))
    page.wait_for("window.amurkg && window.amurkg.drawnAt")
    page.evaluate("amurkg.network.focus('heihe', {scale: 1.5, animation: false})")
    x, y = page.evaluate(NODE_SCREEN_POSITION % "heihe")
    page.click(x, y)
    page.wait_for("amurkg.selected === 'heihe'")
    assert set(page.evaluate("amurkg.highlighted")) == {"heihe"} | stated_neighbours(built.graph, "heihe")
    assert "Хэйхэ" in page.evaluate("document.getElementById('details').textContent")
    page.screenshot(SCREENSHOTS / "network-neighbourhood.png")
    page.evaluate("document.getElementById('clear').click()")  # back to the whole picture
    assert page.evaluate("amurkg.highlighted.length") == 0
    assert page.evaluate("amurkg.nodes.get({filter: n => n.color.background === '#eeeeee'}).length") == 0
    # the view exports as PNG and as Cytoscape.js JSON of what is visible (a class unticked: left out)
    assert page.evaluate("amurkg.viewPng()").startswith("data:image/png;base64,")
    page.evaluate("document.querySelector('#legend-classes input[data-key=Industry]').click()")
    view = json.loads(page.evaluate("amurkg.viewJson()"))["elements"]
    assert len(view["nodes"]) == page.evaluate("amurkg.network.body.data.nodes.length") > 100
    assert "Industry" not in {n["data"]["cls"] for n in view["nodes"]}
    shown = {n["data"]["id"] for n in view["nodes"]}
    assert view["edges"] and all(e["data"]["source"] in shown and e["data"]["target"] in shown for e in view["edges"])
    # physics runs a bounded relaxation, then the drawing is still again
    page.evaluate("document.getElementById('relax').click()")
    page.wait_for("amurkg.relaxed === 1", timeout=60)
    assert page.evaluate("amurkg.network.physics.physicsEnabled") is False
    assert page.errors == []


def test_injected_labels_and_quotes_never_run(tmp_path, page):
    project = malicious_project(tmp_path)
    net, geo = tmp_path / "evil.html", tmp_path / "evil-map.html"
    assert runner.invoke(app, ["viz", "--root", str(project.root), "--out", str(net)]).exit_code == 0
    assert runner.invoke(app, ["map", "--root", str(project.root), "--out", str(geo)]).exit_code == 0
    page.goto(file_url(net))
    page.wait_for("window.amurkg && window.amurkg.drawnAt")
    assert page.evaluate("amurkg.nodes.length") == 2
    x, y = page.evaluate(NODE_SCREEN_POSITION % "evil")
    page.mouse("mouseMoved", x + 1, y + 1)
    tip = page.wait_for(TOOLTIP)
    assert EVIL_LABEL in tip and EVIL_ZH in tip and "Wikidata" not in tip
    page.click(x, y)
    page.mouse("mouseMoved", 5, 5)
    edge_text = page.evaluate("amurkg.edgeText(amurkg.edges.get()[0].id)")
    assert EVIL_QUOTE in edge_text
    page.pump(0.5)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    # the map: open the popup of every marker and line
    page.goto(file_url(geo))
    page.wait_for("document.querySelectorAll('path.leaflet-interactive').length === 3")
    popups = ""
    for index in range(3):
        page.evaluate(
            f"document.querySelectorAll('path.leaflet-interactive')[{index}]"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}))"
        )
        page.pump(0.3)
        popups += page.evaluate(
            "Array.from(document.querySelectorAll('.leaflet-popup-content'))"
            ".map(function (p) { return p.textContent; }).join(' | ')"
        )
    assert EVIL_LABEL in popups and EVIL_ZH in popups and EVIL_QUOTE in popups
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('.leaflet-popup-content img').length") == 0


def test_map_shows_the_places(seed_project, network, page):
    out = seed_project.root / "exports" / "amurkg-map.html"
    assert runner.invoke(app, ["map", "--root", str(seed_project.root)]).exit_code == 0
    located = sum(1 for n in network.nodes.values() if n.lat is not None)
    lines = sum(
        1
        for l in network.links
        if l.predicate in ("counterpartOf", "hinterlandOf")
        and network.nodes[l.source].lat is not None
        and network.nodes[l.target].lat is not None
    )
    page.goto(file_url(out))
    count = page.wait_for(
        f"document.querySelectorAll('path.leaflet-interactive').length === {located + lines}"
        " && document.querySelectorAll('path.leaflet-interactive').length"
    )
    assert count == located + lines and lines >= 4
    assert "cross-border counterpart of" in page.evaluate(
        "document.querySelector('.leaflet-control-layers').textContent"
    )
    page.pump(0.5)
    assert [e for e in page.errors if not e.startswith("[network]")] == []
    # only map tiles come from the network
    remote = [u for u in page.requests if not u.startswith(("file:", "data:", "about:"))]
    assert all("tile.openstreetmap.org" in u for u in remote), remote
    # offline it still means something: a grid, the main places named, none of the names overlapping
    assert page.evaluate("document.querySelectorAll('.amurkg-degree').length") > 10
    names = page.evaluate(
        "Array.from(document.querySelectorAll('.amurkg-place')).filter(t => t.style.visibility !== 'hidden')"
        ".map(t => { var r = t.getBoundingClientRect(); return [t.textContent.trim(), r.left, r.top, r.width, r.height]; })"
    )
    assert len(names) >= 30 and "Harbin" in [n[0] for n in names]
    assert label_overlaps(names) == 0
    # markers at one spot are fanned out: no two markers of the map drawn at the same point
    centres = page.evaluate(
        "amurkgMap.markers.map(m => { var p = amurkgMap.map.latLngToContainerPoint(m.getLatLng()); return [p.x, p.y]; })"
    )
    assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) >= 4 for i, a in enumerate(centres) for b in centres[i + 1 :])
    # clicking a line must not draw the browser's focus rectangle (Leaflet 1.9.3 bug)
    assert "outline: none" in page.evaluate(
        "Array.from(document.querySelectorAll('style')).map(s => s.textContent).join(' ')"
    )
    page.screenshot(SCREENSHOTS / "map.png")


# --- focus semantics, styles, quotes ----------------------------------------------------------


def test_focus_does_not_walk_through_hubs_unless_asked(network):
    hubs = {n for n, node in network.nodes.items() if node.cls in HUB_CLASSES}
    near = select(network, Filters(focus="harbin", depth=2))
    wide = select(network, Filters(focus="harbin", depth=2, through_hubs=True))
    assert "heilongjiang" in {n.id for n in near.nodes}  # the province is reached…
    assert len(near.nodes) < len(wide.nodes)  # …but not walked through
    one = {n.id for n in select(network, Filters(focus="harbin", depth=1)).nodes}
    for node in {n.id for n in near.nodes} - one:
        assert any(
            l.source in one - hubs and l.target == node or l.target in one - hubs and l.source == node
            for l in near.links
        ), node
    # a class filter shows parks linked to the focus, not every park
    parks = select(network, Filters(focus="harbin", depth=1, classes=("Park",)))
    ids = {n.id for n in parks.nodes}
    assert "harbin" in ids and {network.nodes[n].cls for n in ids - {"harbin"}} == {"Park"}
    assert all(any({l.source, l.target} == {"harbin", p} for l in parks.links) for p in ids - {"harbin"})
    assert len(ids) < sum(1 for n in network.nodes.values() if n.cls == "Park")
    assert near.focus == "harbin" and near.degree["harbin"] <= near.total_degree["harbin"]


def test_styles_are_distinct_and_new_names_get_their_own():
    colours = [c for c, _ in CLASS_STYLE.values()]
    assert len(set(colours)) == len(colours)
    assert not set(colours) & {s["color"] for s in PREDICATE_STYLE.values()}
    styles = class_styles([*CLASS_STYLE, "Spaceport", "Observatory"])
    assert styles["Spaceport"] != styles["Observatory"]
    assert styles["Spaceport"][0] not in colours and styles["Observatory"][0] not in colours
    lines = predicate_styles(["locatedIn", "launches", "orbits"])
    assert lines["launches"] != lines["orbits"] and lines["launches"]["color"] != lines["locatedIn"]["color"]
    assert words("ru").predicate("locatedIn") == "расположен в" and words("ja").cls("Park") == "園区"
    assert words("zh").predicate("launchesRocketsFrom") == "launches rockets from"  # unknown: in words


def test_a_page_with_an_unknown_class_and_predicate_renders(network):
    extra = Network(
        dict(network.nodes, **{"x-port": Node("x-port", "Spaceport", {"en": "Cosmodrome"})}),
        network.links + [Link("x-port", "harbin", "launches")],
        network.documents,
    )
    selection = select(extra, Filters(focus="x-port"))
    page = render_page(selection, Filters(focus="x-port"), "ja", Source("test", "-", "-"))
    assert "Spaceport" in page and "launches" in page


def test_quotes_are_tidied_cut_around_the_terms_and_marked():
    row = "黑龙江\t哈尔滨平房工业新区\t\t航空航天、汽车\t2015"
    text, marks = excerpt(row, ["哈尔滨平房工业新区", "航空航天"])
    assert "\t" not in text and " · " in text
    assert [text[s:e] for s, e in marks] == ["哈尔滨平房工业新区", "航空航天"]
    long = "Вступление. " * 40 + "Делегация Благовещенска посетила Хэйхэ в мае. " + "Заключение. " * 40
    text, marks = excerpt(long, ["Blagoveshchensk", "Благовещенск", "Хэйхэ"], width=120)
    assert len(text) <= 125 and text.startswith("…") and text.endswith("…")
    assert [text[s:e] for s, e in marks] == ["Благовещенска", "Хэйхэ"]
