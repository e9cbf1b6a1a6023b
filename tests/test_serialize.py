"""The Turtle writer: the same graph gives the same bytes whatever the insertion order or blank-node
ids, and what it writes parses back (rdflib and Oxigraph) to the same graph."""

from __future__ import annotations

import hashlib
import random

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, XSD

from amurkg.namespaces import AK, ID, bind_prefixes
from amurkg.pipeline.serialize import HEADER, turtle_bytes

EX = Namespace("http://example.org/")


def _oxigraph_graph(data: bytes) -> Graph:
    """What Oxigraph's parser reads from the Turtle, as an rdflib graph (through N-Triples; its parser,
    not its store, which would canonicalize numbers)."""
    triples = ox.parse(data, format=ox.RdfFormat.TURTLE)
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=ntriples, format="nt")


def _as_oxigraph_reads(graph: Graph) -> Graph:
    """The graph with `"x"^^xsd:string` as `"x"` and language tags in lower case: the same literals in
    RDF 1.1, written so by Oxigraph."""
    result = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        result.add((s, p, o))
    return result


def _assert_round_trips(graph: Graph) -> bytes:
    data = turtle_bytes(graph)
    assert data.startswith(HEADER.encode())
    by_rdflib, by_oxigraph = Graph().parse(data=data, format="turtle"), _oxigraph_graph(data)
    assert len(by_rdflib) == len(by_oxigraph) == len(graph)
    assert isomorphic(by_rdflib, graph)
    assert isomorphic(by_oxigraph, _as_oxigraph_reads(graph))
    return data


def _shuffled(graph: Graph) -> Graph:
    """The same triples in another insertion order, with fresh blank-node ids."""
    renamed: dict[BNode, BNode] = {}
    triples = list(graph)
    random.Random(7).shuffle(triples)
    copy = Graph(bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for triple in triples:
        copy.add(tuple(renamed.setdefault(t, BNode()) if isinstance(t, BNode) else t for t in triple))  # type: ignore[arg-type]
    return copy


@pytest.fixture(scope="module")
def seed_graph(layout) -> Graph:
    graph = Graph().parse(layout.turtle, format="turtle")
    bind_prefixes(graph)
    return graph


def test_seed_graph_round_trips_and_does_not_depend_on_order_or_blank_node_ids(seed_graph):
    data = _assert_round_trips(seed_graph)
    assert turtle_bytes(_shuffled(seed_graph)) == data
    assert b"_:" not in data, "the ontology's restrictions and lists are written inline"
    assert b"owl:unionOf ( " in data


def tricky_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("ex", EX)
    node = EX.thing
    texts = [
        'a "quoted" word',
        "back\\slash and \\n literally",
        'two\nlines with a """ triple quote and a final quote"',
        "carriage\rreturn, tab\t, bell\x07, nul\x00, escape\x1b, delete\x7f, form\x0cfeed, backspace\x08",
        "trailing backslash \\",
        "",
        "中文、日本語、Русский — “curly” «guillemets» \u2028 line separator",
        "x" * 10_000,
        '"',
        "\n",
    ]
    for text in texts:
        graph.add((node, RDFS.comment, Literal(text)))
    graph.add((node, RDFS.label, Literal("Харбин", lang="ru")))
    graph.add((node, RDFS.label, Literal("Harbin", lang="en-GB")))
    graph.add((node, RDFS.label, Literal("哈尔滨", lang="zh-Hans")))
    for value, datatype in [
        ("42", XSD.integer),
        ("-7", XSD.integer),
        ("1.50", XSD.decimal),
        ("3", XSD.decimal),  # a bare 3 would read back as an integer
        ("true", XSD.boolean),
        ("1500.0", XSD.double),
        ("2024", XSD.gYear),
        ("POINT(126.5 45.8)", URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")),
        ("plain", XSD.string),
    ]:
        graph.add((node, EX.value, Literal(value, datatype=datatype, normalize=False)))
    # IRIs that are not valid prefixed names, or need escapes
    graph.add((ID["document/x"], RDF.type, AK.Document))
    graph.add((ID["mention/doc/1-2"], AK.document, ID["document/x"]))
    graph.add((ID["a.b."], RDF.type, AK.City))  # a local name may not end with a dot
    graph.add((ID["-lead"], RDF.type, AK.City))  # nor start with a hyphen
    graph.add((ID[""], RDFS.label, Literal("the empty local name")))
    graph.add((URIRef("http://example.org/ünïcode/路径"), EX.p, EX["q%20r"]))
    # blank nodes: inline, nested, a list, an empty list, one shared by two subjects, a cycle
    restriction = BNode()
    graph.add((node, RDFS.subClassOf, restriction))
    graph.add((restriction, RDF.type, OWL.Restriction))
    graph.add((restriction, OWL.onProperty, EX.p))
    inner = BNode()
    graph.add((restriction, OWL.someValuesFrom, inner))
    members = BNode()
    Collection(graph, members, [EX.a, Literal("b"), EX.c])
    graph.add((inner, OWL.unionOf, members))
    graph.add((node, EX.empty, RDF.nil))
    graph.add((node, EX.blank, BNode()))
    shared = BNode()
    graph.add((EX.one, EX.p, shared))
    graph.add((EX.two, EX.p, shared))
    graph.add((shared, RDFS.label, Literal("shared")))
    first, second = BNode(), BNode()
    graph.add((first, EX.next, second))
    graph.add((second, EX.next, first))
    graph.add((first, RDFS.label, Literal("cycle")))
    return graph


def test_tricky_terms_round_trip():
    graph = tricky_graph()
    data = _assert_round_trips(graph)
    assert turtle_bytes(_shuffled(graph)) == data
    text = data.decode()
    assert "<https://w3id.org/amurkg/id/document/x> a ak:Document" in text
    assert "ak:document <https://w3id.org/amurkg/id/document/x>" in text
    assert "ex:value -7,\n        1.50," in text
    assert '"plain"^^xsd:string' in text
    assert "_:b0" in text and "_:b3" not in text, "shared and cyclic blank nodes get short canonical labels"
    assert '"3"^^xsd:decimal' in text
    assert "\\u0007" in text and "\\u0000" in text


def test_non_canonical_numbers_keep_their_lexical_form():
    """Only canonical integers, decimals and booleans are written bare (a bare 007 is fine Turtle, but
    the writer must not change what the graph holds; parsers may normalize on reading)."""
    graph = Graph()
    for value, datatype in [("007", XSD.integer), ("3", XSD.decimal), ("1", XSD.boolean), ("+5", XSD.integer)]:
        graph.add((EX.s, EX.p, Literal(value, datatype=datatype, normalize=False)))
    text = turtle_bytes(graph).decode()
    for quoted in ('"007"^^xsd:integer', '"3"^^xsd:decimal', '"1"^^xsd:boolean', '"+5"^^xsd:integer'):
        assert quoted in text


def test_characters_no_iri_may_hold_are_escaped():
    """rdflib lets a graph hold such IRIs (with a warning); they are written with \\u escapes and read back
    the same by rdflib (Oxigraph rightly refuses them as IRIs at all)."""
    graph = Graph()
    graph.add((URIRef("http://example.org/with space"), EX.p, URIRef('http://example.org/a<b>c{d}|e^f`g\\h"i')))
    graph.add((EX.s, EX.p, Literal("odd", datatype=URIRef("http://example.org/datatype with space"))))
    data = turtle_bytes(graph)
    assert b"<http://example.org/with\\u0020space>" in data
    assert set(Graph().parse(data=data, format="turtle")) == set(graph)


def test_prefixes_are_declared_only_when_used():
    graph = Graph()
    bind_prefixes(graph)
    graph.add((ID.harbin, RDF.type, AK.City))
    text = turtle_bytes(graph).decode()
    assert "@prefix ak: " in text and "@prefix id: " in text
    assert "@prefix skos: " not in text
    assert "id:harbin a ak:City ." in text


def _streamed(graph: Graph, tmp_path, monkeypatch, shard_count: int = 3) -> bytes:
    """The graph written by `write_turtle_streamed` from N-Quads shards (its blank-node triples in the
    first, the others dealt round), with sorted runs of 7 triples, so several runs are merged."""
    from amurkg.pipeline import serialize
    from amurkg.pipeline.shards import nquads

    monkeypatch.setattr(serialize, "RUN_RECORDS", 7)
    parts: list[list] = [[] for _ in range(shard_count)]
    plain = sorted((t for t in graph if not any(isinstance(x, BNode) for x in t)), key=str)
    parts[0] = [t for t in graph if any(isinstance(x, BNode) for x in t)]
    for number, triple in enumerate(plain):
        parts[number % shard_count].append(triple)
    shards = [nquads(part, f"https://example.org/graph/{n}").split(b"\n")[:-1] for n, part in enumerate(parts)]
    namespaces = [(prefix, str(ns)) for prefix, ns in graph.namespace_manager.namespaces()]
    target = tmp_path / "out.ttl"
    size, digest = serialize.write_turtle_streamed(target, shards, namespaces, tmp_path / "scratch")
    data = target.read_bytes()
    assert size == len(data) and digest == hashlib.sha256(data).hexdigest()
    assert not (tmp_path / "scratch").exists(), "the sorted runs are removed"
    return data


def test_the_streamed_writer_writes_the_same_bytes_from_shards(tmp_path, monkeypatch):
    graph = tricky_graph()
    graph.add((EX.odd, EX.p, Literal("a datatype IRI with a space", datatype=URIRef("http://example.org/d t"))))
    graph.add((EX.odd, EX.p, URIRef('http://example.org/a<b>c{d}|e^f`g"i')))
    graph.add((ID["x-y"], RDF.type, AK.City))  # "x-y" sorts before "x" + "> " in N-Quads lines, after "x" here
    graph.add((ID["x"], RDF.type, AK.City))
    assert _streamed(graph, tmp_path, monkeypatch) == turtle_bytes(graph)


def test_the_streamed_writer_writes_the_seed_export(built, layout, tmp_path):
    """From the seed build's shard files: exports/amurkg.ttl, byte for byte."""
    from amurkg.pipeline.assemble import new_graph
    from amurkg.pipeline.serialize import write_turtle_streamed

    namespaces = [(prefix, str(ns)) for prefix, ns in new_graph().namespace_manager.namespaces()]
    target = tmp_path / "amurkg.ttl"
    write_turtle_streamed(target, built.shard_lines(), namespaces, tmp_path / "scratch")
    assert target.read_bytes() == layout.turtle.read_bytes() == turtle_bytes(built.graph)
