"""`amurkg export`: every format re-opens in the tools it is meant for (rdflib, pyoxigraph, networkx,
a neo4j-admin import header check), TriG keeps per-document provenance, selections select."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from amurkg.analysis.network import build_network
from amurkg.exports.rdf import CATALOG_GRAPH, ONTOLOGY_GRAPH, document_graph, export, quads, stable_blank_nodes
from amurkg.exports.selection import Selection, select
from amurkg.namespaces import AK, ID

JA_DOCUMENT = "ma-2011-heilongjiang-cooperation-models"
PINGFANG = ID["harbin-pingfang-industrial-new-area"]

RDFLIB = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml", "trig": "trig", "nquads": "nquads"}
OXIGRAPH = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
}
LEAN = Selection(mentions=False, evidence=False)


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    return built.graph


@pytest.fixture(scope="module")
def exported(graph):
    """export(graph, fmt, selection), computed once per module."""
    cache: dict = {}

    def get(fmt: str, selection: Selection = Selection()):
        if (fmt, selection) not in cache:
            cache[(fmt, selection)] = export(graph, fmt, selection)
        return cache[(fmt, selection)]

    return get


@pytest.fixture(scope="module")
def trig_dataset(exported) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=exported("trig"), format="trig")
    return dataset


def ground(triples) -> set:
    """The triples without blank nodes (those compare across parses), literals by value
    (a serializer may write the decimal 46 as 46.0)."""

    def term(x):
        if isinstance(x, Literal):
            return ("literal", str(x.datatype or ""), x.language, x.value if x.value is not None else str(x))
        return x

    return {tuple(term(x) for x in t[:3]) for t in triples if not any(isinstance(x, BNode) for x in t[:3])}


@pytest.mark.parametrize("selection", [Selection(), LEAN], ids=["full", "lean"])
@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "rdfxml"])
def test_triple_formats_reparse_to_the_same_triples(graph, exported, fmt, selection):
    expected = select(graph, selection)
    data = exported(fmt, selection)
    parsed = Graph().parse(data=data, format=RDFLIB[fmt])
    assert len(parsed) == len(expected)
    assert ground(parsed) == ground(expected)
    oxigraph = list(pyoxigraph.parse(data, format=OXIGRAPH[fmt]))
    assert len(oxigraph) == len(expected)


@pytest.mark.parametrize(
    "fmt,selection",
    [("trig", Selection()), ("nquads", Selection()), ("trig", LEAN)],
    ids=["trig-full", "nquads-full", "trig-lean"],
)
def test_quad_formats_reparse_to_the_same_quads(graph, exported, trig_dataset, fmt, selection):
    expected = quads(stable_blank_nodes(graph), selection)
    data = exported(fmt, selection)
    if fmt == "trig" and selection == Selection():
        dataset = trig_dataset
    else:
        dataset = Dataset()
        dataset.parse(data=data, format=RDFLIB[fmt])
    parsed = [q for q in dataset.quads((None, None, None, None)) if q[3] is not None]
    assert len(parsed) == len(expected)
    assert {(str(g.identifier) if hasattr(g, "identifier") else str(g)) for *_, g in parsed} == {
        str(g) for *_, g in expected
    }
    oxigraph = list(pyoxigraph.parse(data, format=OXIGRAPH[fmt]))
    assert len(oxigraph) == len(expected)
    assert all(not isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in oxigraph)
    # the union of the named graphs is the exported graph: nothing lost, nothing invented
    assert {q[:3] for q in expected} == set(select(stable_blank_nodes(graph), selection))


def test_trig_keeps_per_document_provenance(trig_dataset):
    dataset = trig_dataset
    japanese = dataset.graph(document_graph(JA_DOCUMENT))
    evidence = [
        e
        for e in japanese.subjects(RDF.subject, PINGFANG)
        if (e, RDF.predicate, AK.targetsIndustry) in japanese and (e, RDF.object, ID.aerospace) in japanese
    ]
    assert evidence, "the Japanese document's graph holds the evidence for pingfang targetsIndustry aerospace"
    assert all((e, AK.document, ID[f"document/{JA_DOCUMENT}"]) in japanese for e in evidence)
    assert any("宇宙" in str(japanese.value(e, AK.quote)) for e in evidence)
    assert (PINGFANG, AK.targetsIndustry, ID.aerospace) in japanese
    assert (PINGFANG, AK.mentionedIn, ID[f"document/{JA_DOCUMENT}"]) in japanese
    assert any(japanese.subjects(RDF.type, AK.Mention))
    # what the catalog and the ontology say is kept apart from the documents
    catalog = dataset.graph(CATALOG_GRAPH)
    assert (PINGFANG, RDFS.label, Literal("平房工业新区", lang="zh")) in catalog or any(
        catalog.objects(PINGFANG, RDFS.label)
    )
    assert not any(catalog.subjects(RDF.type, AK.Mention))
    assert (AK.Park, RDF.type, OWL.Class) in dataset.graph(ONTOLOGY_GRAPH)
    assert (AK.Park, RDF.type, OWL.Class) not in japanese
    # another document's graph does not claim the Japanese evidence
    other = dataset.graph(document_graph("jiang-china-russia-eastern-border-cooperation"))
    assert not set(evidence) & set(other.subjects(RDF.type, AK.Evidence))


def test_selection_options(graph):
    lean = select(graph, LEAN)
    assert not any(lean.subjects(RDF.type, AK.Evidence)) and not any(lean.subjects(RDF.type, AK.Mention))
    assert not any(lean.triples((None, AK.mentionedIn, None))) and not any(
        lean.triples((None, AK.coMentionedWith, None))
    )
    assert (PINGFANG, AK.targetsIndustry, ID.aerospace) in lean

    parks = select(graph, Selection(classes=frozenset({"Park", "Industry"}), predicates=frozenset({"targetsIndustry"})))
    typed = {
        cls
        for node, cls in parks.subject_objects(RDF.type)
        if str(node).startswith(str(ID)) and cls in {AK.City, AK.Park, AK.Industry, AK.Region}
    }
    assert typed == {AK.Park, AK.Industry}
    linked = {
        p
        for _, p, _ in parks
        if str(p).startswith(str(AK))
        and p in {AK.locatedIn, AK.partOf, AK.targetsIndustry, AK.mentionedIn, AK.coMentionedWith}
    }
    assert linked == {AK.targetsIndustry}
    for evidence in parks.subjects(RDF.type, AK.Evidence):
        assert parks.value(evidence, RDF.predicate) == AK.targetsIndustry
    assert (PINGFANG, AK.targetsIndustry, ID.aerospace) in parks


def test_rdf_exports_are_deterministic_across_processes(graph, tmp_path):
    """Blank nodes of the ontology get canonical labels, so hash seeds do not change the bytes."""
    small = select(graph, Selection(classes=frozenset({"Port"}), mentions=False))
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "amurkg.ttl").write_bytes(small.serialize(format="turtle", encoding="utf-8"))
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"lean-{seed}.nq"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                str(Path(sys.executable).parent / "amurkg"),
                "export",
                "--format",
                "nquads",
                "--class",
                "Port",
                "--out",
                str(target),
                "--root",
                str(tmp_path),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and b"_:" in outputs[0]


# ---------------------------------------------------------------------------------------------
# property graphs


@pytest.fixture(scope="module")
def network(graph) -> nx.MultiDiGraph:
    return build_network(graph, Selection())


def test_graphml_and_gexf_load_in_networkx(exported, network, tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"amurkg.{fmt}"
        path.write_bytes(exported(fmt))
        loaded = reader(path)
        assert loaded.number_of_nodes() == network.number_of_nodes() > 300
        assert loaded.number_of_edges() == network.number_of_edges() > 1000
        harbin = loaded.nodes["harbin"]
        assert harbin["label_zh"] == "哈尔滨" and harbin["cls"] == "City" and 45 < float(harbin["lat"]) < 46.5
        edges = [
            d
            for d in loaded.get_edge_data("harbin-pingfang-industrial-new-area", "aerospace").values()
            if d.get("predicate") == "targetsIndustry"
        ]
        assert edges and int(edges[0]["evidence"]) >= 1 and JA_DOCUMENT in edges[0]["documents"]


def test_property_graph_is_lean_on_request(graph):
    lean = build_network(graph, LEAN)
    predicates = {d["predicate"] for *_, d in lean.edges(data=True)}
    assert "mentionedIn" not in predicates and "coMentionedWith" not in predicates
    assert {"targetsIndustry", "locatedIn", "counterpartOf"} <= predicates


def neo4j_import_problems(nodes_csv: str, relationships_csv: str) -> list[str]:
    """A small validator of `neo4j-admin database import` CSV: header syntax, unique ids, no
    dangling :START_ID/:END_ID, typed values that parse."""
    problems: list[str] = []
    types = {
        "",
        "int",
        "long",
        "float",
        "double",
        "boolean",
        "string",
        "byte",
        "short",
        "char",
        "date",
        "datetime",
        "point",
    }
    header_field = re.compile(
        r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)?(?::(?P<type>ID|LABEL|START_ID|END_ID|TYPE|IGNORE|"
        r"[a-z]+(?:\[\])?))?$"
    )

    def parse(text: str, required: set[str]) -> tuple[list[tuple[str, str]], list[list[str]]]:
        rows = list(csv.reader(io.StringIO(text)))
        fields = []
        for raw in rows[0]:
            match = header_field.match(raw)
            if not match or (match["type"] is None and not match["name"]):
                problems.append(f"bad header field {raw!r}")
                continue
            kind = match["type"] or ""
            if kind.islower() and kind.removesuffix("[]") not in types:
                problems.append(f"unknown type in {raw!r}")
            fields.append((match["name"] or "", kind))
        if not required <= {k for _, k in fields}:
            problems.append(f"header lacks {required - {k for _, k in fields}}")
        for number, row in enumerate(rows[1:], 2):
            if len(row) != len(fields):
                problems.append(f"line {number}: {len(row)} fields, header has {len(fields)}")
            for (name, kind), value in zip(fields, row):
                if value == "":
                    continue
                base = kind.removesuffix("[]")
                for item in value.split(";") if kind.endswith("[]") else [value]:
                    if base in ("int", "long") and not re.fullmatch(r"-?\d+", item):
                        problems.append(f"line {number}: {name} {item!r} is not an integer")
                    if base in ("float", "double"):
                        try:
                            float(item)
                        except ValueError:
                            problems.append(f"line {number}: {name} {item!r} is not a number")
                    if base == "boolean" and item not in ("true", "false"):
                        problems.append(f"line {number}: {name} {item!r} is not a boolean")
        return fields, rows[1:]

    node_fields, node_rows = parse(nodes_csv, {"ID", "LABEL"})
    node_kinds = [k for _, k in node_fields]
    ids = [row[node_kinds.index("ID")] for row in node_rows] if "ID" in node_kinds else []
    if len(ids) != len(set(ids)) or "" in ids:
        problems.append("node ids are not unique and non-empty")
    rel_fields, rel_rows = parse(relationships_csv, {"START_ID", "END_ID", "TYPE"})
    kinds = [k for _, k in rel_fields]
    if not {"START_ID", "END_ID", "TYPE"} <= set(kinds):
        return problems
    known = set(ids)
    for number, row in enumerate(rel_rows, 2):
        for kind in ("START_ID", "END_ID"):
            if row[kinds.index(kind)] not in known:
                problems.append(f"relationships line {number}: {kind} {row[kinds.index(kind)]!r} is no node")
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", row[kinds.index("TYPE")]):
            problems.append(f"relationships line {number}: bad :TYPE")
    return problems


def test_neo4j_csv_passes_the_import_format_check(graph, network):
    files = export(graph, "csv")
    nodes, relationships = files["nodes.csv"].decode(), files["relationships.csv"].decode()
    assert neo4j_import_problems(nodes, relationships) == []
    assert len(nodes.splitlines()) == network.number_of_nodes() + 1
    assert len(relationships.splitlines()) == network.number_of_edges() + 1
    assert "harbin-pingfang-industrial-new-area,aerospace,TARGETS_INDUSTRY" in relationships
    # the validator is not a rubber stamp
    broken = relationships + "harbin,atlantis,ADJOINS,adjoins,true,1,,,\n"
    assert any("atlantis" in p for p in neo4j_import_problems(nodes.replace("id:ID", "id:IDX"), broken))


def test_cytoscape_json(graph, network):
    data = json.loads(export(graph, "cytoscape"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert len(ids) == len(nodes) == network.number_of_nodes()
    assert len(edges) == network.number_of_edges()
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    pingfang = [
        e["data"] for e in edges if e["data"]["id"] == "harbin-pingfang-industrial-new-area|targetsIndustry|aerospace"
    ]
    assert pingfang and any(b["document"] == JA_DOCUMENT for b in pingfang[0]["backings"])


def test_export_cli_writes_files_and_refuses_bad_input(layout, tmp_path):
    from typer.testing import CliRunner

    from amurkg.cli.main import app

    runner = CliRunner()
    target = tmp_path / "neo4j"
    result = runner.invoke(
        app, ["export", "--format", "csv", "--no-mentions", "--out", str(target), "--root", str(layout.root)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == [".amurkg-export", "nodes.csv", "relationships.csv"]
    for arguments, message in (
        (["--format", "svg"], "unknown format"),
        (["--class", "Parks"], "did you mean 'Park'"),
        (["--predicate", "locatedin", "--predicate", "near"], "unknown predicate 'near'"),
        (["--out", str(layout.turtle)], "refusing to overwrite"),
    ):
        result = runner.invoke(app, ["export", *arguments, "--root", str(layout.root)])
        assert result.exit_code == 2 and message in result.output, result.output
        assert "Traceback" not in result.output
