"""Network analytics: stats, central, path, neighbors — on the seed graph, and through the CLI."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from amurkg.analysis import analytics
from amurkg.analysis.network import build_network
from amurkg.cli.main import app

JA_DOCUMENT = "ma-2011-heilongjiang-cooperation-models"


@pytest.fixture(scope="module")
def network(built) -> nx.MultiDiGraph:
    return build_network(built.graph)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner, layout, *arguments):
    result = runner.invoke(app, [*arguments, "--root", str(layout.root)])
    return result


def test_network_nodes_and_edges(network, built):
    assert network.number_of_nodes() >= len(built.catalog)
    harbin = network.nodes["harbin"]
    assert harbin["cls"] == "City" and harbin["label_ru"] == "Харбин" and "lat" in harbin
    edge = network.get_edge_data("harbin-pingfang-industrial-new-area", "aerospace")["targetsIndustry"]
    assert edge["evidence"] >= 1 and JA_DOCUMENT in edge["documents"]
    assert any("宇宙" in b.quote for b in edge["backings"])
    # a symmetric relation is one edge, not two
    assert (
        network.has_edge("blagoveshchensk", "heihe") != network.has_edge("heihe", "blagoveshchensk")
        or len(analytics.links_between(network, "heihe", "blagoveshchensk")) == 1
    )
    predicates = {d["predicate"] for *_, d in network.edges(data=True)}
    assert "mentionedIn" not in predicates and "coMentionedWith" not in predicates


def test_stats(network, built):
    sections = {s.name: s.rows for s in analytics.stats(network)}
    per_class = {r["class"]: r["nodes"] for r in sections["nodes per class"]}
    assert per_class["Park"] == sum(1 for e in built.catalog if e.cls == "Park")
    languages = {r["languages"]: r["entities"] for r in sections["entities by number of label languages"]}
    assert sum(languages.values()) == len(built.catalog) and set(languages) == {1, 2, 3, 4}
    predicates = {r["predicate"]: r for r in sections["links per predicate"]}
    assert (
        predicates["targetsIndustry"]["links"] > 50
        and predicates["targetsIndustry"]["evidence"] >= predicates["targetsIndustry"]["links"]
    )
    overview = {r["measure"]: r["value"] for r in sections["overview"]}
    assert overview["connected components"] == nx.number_connected_components(nx.Graph(network.to_undirected()))
    degree = {r["degree"]: r["nodes"] for r in sections["degree distribution"]}
    assert sum(degree.values()) == network.number_of_nodes()


@pytest.mark.parametrize("by", analytics.MEASURES)
def test_central(network, by):
    rows = analytics.centrality(network, by, top=5)
    assert len(rows) == 5 and rows[0]["slug"] == "heilongjiang"
    assert [r[by] for r in rows] == sorted((r[by] for r in rows), reverse=True)
    parks = analytics.centrality(network, by, frozenset({"Park"}), top=3)
    assert {r["class"] for r in parks} == {"Park"}


def test_path_is_explained_hop_by_hop(network):
    path = analytics.shortest_path(network, "harbin", "blagoveshchensk")
    assert path[0] == "harbin" and path[-1] == "blagoveshchensk" and "heihe" in path
    rows = analytics.hops(network, path)
    assert {r["hop"] for r in rows} == set(range(1, len(path)))
    last = [r for r in rows if r["to"] == "blagoveshchensk" and r["predicate"] == "counterpartOf"][0]
    assert last["direction"] == "both"
    assert last["document"] == JA_DOCUMENT and "ブラゴベシチェンスク" in last["quote"]
    located = [r for r in rows if r["predicate"] == "locatedIn"]
    assert located and all(any(b["document"] == "catalog" for b in r["backings"]) for r in located)


def test_neighbors(network):
    rows = analytics.neighbors(network, "heihe", 1)
    by_slug = {r["slug"]: r for r in rows}
    assert "blagoveshchensk" in by_slug and "counterpartOf" in by_slug["blagoveshchensk"]["relations"]
    assert by_slug["heilongjiang"]["relations"] == "heihe locatedIn heilongjiang"
    deeper = analytics.neighbors(network, "heihe", 2)
    assert {r["depth"] for r in deeper} == {1, 2} and len(deeper) > len(rows)


def test_cli_path_in_other_languages_and_formats(runner, layout):
    result = run(runner, layout, "path", "哈尔滨", "Благовещенск")
    assert result.exit_code == 0, result.output
    assert "counterpartOf" in result.output and JA_DOCUMENT in result.output and "catalog" in result.output
    data = json.loads(run(runner, layout, "path", "harbin", "blagoveshchensk", "--format", "json").stdout)
    assert data["path"][0] == "harbin" and data["hops"][-1]["backings"]
    rows = list(
        csv.DictReader(io.StringIO(run(runner, layout, "path", "harbin", "blagoveshchensk", "-f", "csv").stdout))
    )
    assert rows[-1]["relation"] == "—counterpartOf—"


def test_cli_stats_central_neighbors(runner, layout):
    stats = json.loads(run(runner, layout, "stats", "--format", "json").stdout)
    assert stats["overview"][0]["measure"] == "nodes"
    central = list(
        csv.DictReader(
            io.StringIO(
                run(runner, layout, "central", "--class", "Park", "--by", "pagerank", "--top", "3", "-f", "csv").stdout
            )
        )
    )
    assert len(central) == 3 and {r["class"] for r in central} == {"Park"}
    result = run(runner, layout, "neighbors", "Хэйхэ", "--depth", "1")
    assert result.exit_code == 0 and "blagoveshchensk" in result.output


@pytest.mark.parametrize(
    "arguments, message",
    [
        (("path", "harbin", "atlantis"), "no entity is named 'atlantis'"),
        (("path", "harbn", "heihe"), "did you mean"),
        (("central", "--by", "fame"), "unknown measure"),
        (("central", "--class", "Parks"), "did you mean 'Park'"),
        (("stats", "--format", "xml"), "unknown output format"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(runner, layout, arguments, message):
    result = run(runner, layout, *arguments)
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output
