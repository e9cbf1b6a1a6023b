"""The ontology, the built graph and the committed release artifact."""

from __future__ import annotations

import io

import pyoxigraph
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from amurkg.corpus.catalog import CORE_CLASSES
from amurkg.namespaces import AK, ID
from amurkg.pipeline.build import load_ontology
from amurkg.pipeline.serialize import turtle_bytes

CORE_PROPERTIES = (
    "locatedIn",
    "partOf",
    "counterpartOf",
    "hinterlandOf",
    "targetsIndustry",
    "appliesModel",
    "proposes",
    "cooperatesWith",
    "adjoins",
    "connects",
    "investsIn",
    "fundedBy",
    "implements",
    "participatesIn",
    "hosts",
    "signs",
    "mentionedIn",
)


@pytest.fixture(scope="module")
def ontology(layout) -> Graph:
    return load_ontology(layout)[0]


@pytest.mark.parametrize("name", CORE_CLASSES + ("Document",))
def test_core_class_has_definition_and_four_labels(ontology, name):
    term = AK[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert {label.language for label in ontology.objects(term, RDFS.label)} >= {"en", "zh", "ja", "ru"}
    assert any(d.language == "en" for d in ontology.objects(term, SKOS.definition))


@pytest.mark.parametrize("name", CORE_PROPERTIES)
def test_core_property_has_definition_and_four_labels(ontology, name):
    term = AK[name]
    assert (term, RDF.type, OWL.ObjectProperty) in ontology
    assert {label.language for label in ontology.objects(term, RDFS.label)} >= {"en", "zh", "ja", "ru"}


@pytest.mark.parametrize("name", ("counterpartOf", "cooperatesWith", "adjoins"))
def test_pair_properties_are_symmetric(ontology, name):
    assert (AK[name], RDF.type, OWL.SymmetricProperty) in ontology


def test_built_graph_conforms_to_the_shapes(built):
    assert built.violations == []


def test_every_entity_has_an_english_label_and_a_core_class(built):
    for entity in built.catalog:
        node = ID[entity.id]
        assert (node, RDF.type, AK[entity.cls]) in built.graph
        assert Literal(entity.labels["en"], lang="en") in set(built.graph.objects(node, RDFS.label))


def test_label_coverage_is_reported_per_language(built):
    coverage = built.label_coverage()
    assert coverage["en"] == len(built.catalog)
    for lang in ("zh", "ja", "ru"):
        assert coverage[lang] >= 0.9 * len(built.catalog), f"{lang}: {coverage[lang]}/{len(built.catalog)}"


def test_committed_export_equals_a_fresh_build(built, layout):
    assert layout.turtle.read_bytes() == turtle_bytes(built.graph), "run `amurkg build` and commit exports/amurkg.ttl"


def test_build_is_deterministic(built, layout):
    from amurkg.pipeline.build import build

    again = build(layout, validate=False, use_cache=False)
    assert turtle_bytes(again.graph) == turtle_bytes(built.graph)


def test_export_parses_back_to_the_same_count_with_rdflib_and_oxigraph(built, layout):
    data = layout.turtle.read_bytes()
    with_rdflib = Graph().parse(data=data, format="turtle")
    with_oxigraph = list(pyoxigraph.parse(io.BytesIO(data), pyoxigraph.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) == len(built.graph)


def test_documents_are_described(built):
    for document in built.documents:
        node = ID[f"document/{document.id}"]
        assert (node, RDF.type, AK.Document) in built.graph
        assert (node, AK.sourceFile, Literal(document.file)) in built.graph


def test_every_entity_a_document_names_is_mentioned_in_it(built):
    for linked in built.linked:
        document = ID[f"document/{linked.document}"]
        for entity in {m.entity for m in linked.mentions}:
            assert (ID[entity], AK.mentionedIn, document) in built.graph


def test_every_stated_relation_has_evidence(built):
    graph = built.graph
    for relation in built.relations:
        evidences = set(graph.subjects(RDF.predicate, AK[relation.predicate]))
        assert any(graph.value(e, AK.quote) == Literal(relation.quote) for e in evidences)


def test_turtle_does_not_depend_on_the_hash_seed(layout):
    import os
    import subprocess
    import sys

    script = (
        "from amurkg.pipeline.build import build; from amurkg.layout import Layout; "
        "from amurkg.pipeline.serialize import turtle_bytes; from pathlib import Path; import sys; "
        f"sys.stdout.buffer.write(turtle_bytes(build(Layout(Path({str(layout.root)!r})), validate=False, "
        "use_cache=False).graph))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": "4242"}
    ).stdout
    assert output == layout.turtle.read_bytes()
