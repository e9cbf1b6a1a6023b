"""The fast SHACL engine finds exactly what pySHACL finds: on the seed graph broken in many ways, and
on constraint components and paths the project's shapes do not use yet (so new shapes need no code)."""

from __future__ import annotations

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SH, XSD

from amurkg.namespaces import AK, ID, WGS, bind_prefixes
from amurkg.pipeline.build import load_ontology
from amurkg.pipeline.shacl import Validator, path_text_of
from amurkg.pipeline.validate import pyshacl_violations, shacl_violations


@pytest.fixture(scope="module")
def ontology_and_shapes(layout):
    return load_ontology(layout)


@pytest.fixture(scope="module")
def broken(layout) -> Graph:
    """The seed graph with one mistake of each kind a build could make."""
    graph = Graph().parse(layout.turtle, format="turtle")
    bind_prefixes(graph)
    mention = next(iter(sorted(graph.subjects(RDF.type, AK.Mention))))
    evidence = next(e for e in sorted(graph.subjects(RDF.type, AK.Evidence)) if graph.value(e, AK.quote) is not None)
    document = next(iter(sorted(graph.subjects(RDF.type, AK.Document))))
    industry = next(iter(sorted(graph.subjects(RDF.type, AK.Industry))))
    graph.remove((ID.harbin, RDFS.label, Literal("Harbin", lang="en")))  # a missing English label
    graph.add((ID.heihe, RDFS.label, Literal("Heihe again", lang="zh")))  # two labels in one language
    graph.add((ID.heihe, RDFS.label, Literal("Хэйхэ", lang="uk")))  # a language the project does not use
    graph.add((ID.heihe, AK.targetsIndustry, ID.harbin))  # a wrong class of object
    graph.add((industry, RDF.type, AK.City))  # two core classes
    graph.set((evidence, AK.method, Literal("pattern")))
    graph.remove((evidence, AK.quote, None))  # evidence without its quote
    graph.set((mention, AK.start, Literal("twelve")))  # a bad datatype
    graph.add((mention, AK.entity, ID.heihe))  # two entities for one mention
    graph.set((document, AK.sourceFile, Literal(7)))
    graph.set((document, URIRef_language(), Literal("fr")))  # not one of the four languages
    graph.set((ID.harbin, WGS.lat, Literal("95.5", datatype=XSD.decimal)))  # out of range
    graph.set((ID.harbin, AK.wikidata, Literal("X42")))  # not a Q-id
    return graph


def URIRef_language():  # noqa: N802 - dcterms:language, spelled out to keep the imports short
    from rdflib.namespace import DCTERMS

    return DCTERMS.language


def test_fast_engine_is_used_for_the_projects_shapes(ontology_and_shapes):
    _, shapes = ontology_and_shapes
    Validator(shapes)  # raises Unsupported if the shapes went beyond SHACL Core


def test_seed_graph_conforms_with_both_engines(layout, ontology_and_shapes):
    ontology, shapes = ontology_and_shapes
    graph = Graph().parse(layout.turtle, format="turtle")
    assert shacl_violations(graph, shapes, ontology, "fast") == []


def test_fast_engine_finds_the_same_violations_as_pyshacl(broken, ontology_and_shapes):
    ontology, shapes = ontology_and_shapes
    fast = shacl_violations(broken, shapes, ontology, "fast")
    full = pyshacl_violations(broken, shapes, ontology)
    assert fast == full
    messages = {v.message for v in fast}
    assert 'An entity must have exactly one rdfs:label with language tag "en".' in messages
    assert any(v.focus == "id:heihe" and "targetsIndustry" in v.message for v in fast)
    assert any("exactly one core class" in v.message and v.path == "rdf:type/rdfs:subClassOf*" for v in fast)
    assert any(v.message.startswith("Evidence whose ak:method is not") for v in fast)
    assert any(v.path == "ak:start" and "xsd:integer" in v.message for v in fast)
    assert any(v.path == "ak:wikidata" for v in fast) and any(v.path == "wgs:lat" for v in fast)
    assert len(fast) >= 12


# A shapes graph exercising what shapes.ttl does not use yet.
OTHER_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Person a rdfs:Class, sh:NodeShape ;                      # implicit class target
    sh:closed true ; sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ;
    sh:property [ sh:path ex:name ; sh:minLength 2 ; sh:maxLength 5 ] ,
                [ sh:path ex:nick ; sh:equals ex:name ] ,
                [ sh:path ex:enemy ; sh:disjoint ex:friend ] ,
                [ sh:path ex:friend ; sh:class ex:Person ] ,
                [ sh:path ex:age ; sh:minExclusive 0 ; sh:maxExclusive 150 ; sh:datatype xsd:integer ] ,
                [ sh:path ex:born ; sh:lessThanOrEquals ex:died ] ,
                [ sh:path ex:died ] ,
                [ sh:path [ sh:inversePath ex:friend ] ; sh:maxCount 1 ] ,
                [ sh:path ( ex:friend ex:name ) ; sh:pattern "^a" ; sh:flags "i" ] ,
                [ sh:path [ sh:alternativePath ( ex:nick ex:name ) ] ; sh:minCount 1 ] ,
                [ sh:path [ sh:oneOrMorePath ex:friend ] ; sh:node ex:Named ] ,
                [ sh:path ex:warned ; sh:maxCount 0 ; sh:severity sh:Warning ] .
ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
ex:Either a sh:NodeShape ; sh:targetNode ex:x , ex:y ;
    sh:xone ( [ sh:path ex:a ; sh:minCount 1 ] [ sh:path ex:b ; sh:minCount 1 ] ) ;
    sh:not [ sh:path ex:c ; sh:minCount 1 ] ;
    sh:and ( [ sh:nodeKind sh:IRI ] [ sh:in ( ex:x ex:y ) ] ) .
ex:ObjectsShape a sh:NodeShape ; sh:targetObjectsOf ex:friend ; sh:nodeKind sh:IRI ;
    sh:property [ sh:path ex:zero ; sh:hasValue "z" ; sh:deactivated true ] .
"""

OTHER_DATA = """
@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ann a ex:Person ; ex:name "Ann" ; ex:nick "Annie" ; ex:friend ex:bob , ex:cy ; ex:enemy ex:bob ;
    ex:age 200 ; ex:born 1990 ; ex:died 1980 ; ex:extra 1 ; ex:warned 1 .
ex:bob a ex:Person ; ex:name "Bobby-Robert" ; ex:friend ex:ann , ex:dan ; ex:age "old" .
ex:cy a ex:Person ; ex:friend ex:ann ; ex:age 30 .
ex:dan ex:name "D" .
ex:x ex:a 1 ; ex:b 2 .
ex:y ex:c 3 .
"""


def _pyshacl_results(data: Graph, shapes: Graph) -> set[tuple]:
    _, report, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, result) in report:
            continue  # pySHACL's details of a sh:node result: SHACL reports only the result itself
        shape = report.value(result, SH.sourceShape)
        path = shapes.value(shape, SH.path)
        found.add(
            (
                report.value(result, SH.focusNode),
                "" if path is None else path_text_of(shapes, path),
                str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[1],
                report.value(result, SH.resultSeverity),
            )
        )
    return found


def test_other_constraint_components_and_paths_agree_with_pyshacl():
    shapes = Graph().parse(data=OTHER_SHAPES, format="turtle")
    data = Graph().parse(data=OTHER_DATA, format="turtle")
    fast = {(r.focus, r.path, r.component, r.severity) for r in Validator(shapes).validate(data)}
    assert fast == _pyshacl_results(data, shapes)
    components = {component for _, _, component, _ in fast}
    assert {"ClosedConstraintComponent", "XoneConstraintComponent", "EqualsConstraintComponent"} <= components
    assert any(severity == SH.Warning for *_, severity in fast)


NEW_SHAPE = """
aksh:DocumentYearShape a sh:NodeShape ;
    sh:targetClass ak:Document ;
    sh:property [ sh:path dcterms:issued ; sh:minCount 1 ; sh:datatype xsd:gYear ;
                  sh:message "A document must have its year (dcterms:issued, an xsd:gYear)."@en ] .
"""


@pytest.mark.parametrize("engine", ["fast", "full"])
def test_a_shape_added_to_shapes_ttl_is_checked_by_the_build(project_copy, engine):
    """A helper adding a shape needs no code: the build refuses the graph with the shape's message."""
    from amurkg.pipeline.build import ValidationFailed, build

    with project_copy.shapes.open("a", encoding="utf-8") as shapes:
        shapes.write(NEW_SHAPE)
    with pytest.raises(ValidationFailed) as failure:  # some seed documents do not state their year
        build(project_copy, use_cache=False, engine=engine)
    violations = failure.value.violations
    assert violations and {v.message for v in violations} == {
        "A document must have its year (dcterms:issued, an xsd:gYear)."
    }
    assert all(v.focus.startswith("<https://w3id.org/amurkg/id/document/") for v in violations)
    assert not project_copy.turtle.exists()


def test_shapes_beyond_shacl_core_are_left_to_pyshacl(layout, ontology_and_shapes):
    """A SHACL-SPARQL constraint is not SHACL Core: the fast engine hands the whole check to pySHACL."""
    ontology, _ = ontology_and_shapes
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ak: <https://w3id.org/amurkg/ontology#> .
        <urn:shape> a sh:NodeShape ; sh:targetClass ak:Country ;
            sh:sparql [ sh:select "SELECT $this WHERE { $this a ak:Country }" ;
                        sh:message "no countries, please" ] .
        """,
        format="turtle",
    )
    graph = Graph().parse(layout.turtle, format="turtle")
    violations = shacl_violations(graph, shapes, ontology, "fast")
    assert violations and {v.message for v in violations} == {"no countries, please"}


# --- validation one document shard at a time -------------------------------------------------------

GLOBAL = ("catalog", "relations", "co-mentions")


def _split_like_the_build(data: Graph, built, ontology: Graph) -> tuple[list[tuple], list[list[tuple]]]:
    """`data` cut along the seed build's shards: a triple of a document's shard, or about a node only
    a document's shard describes, goes with that document; the rest (the ontology's triples left
    out) is shared."""
    from amurkg.pipeline.serialize import shard_triples

    owner: dict = {}
    only_in: dict = {}
    shared_subjects: set = set()
    for number, (shard, lines) in enumerate(zip(built.shards, built.shard_lines())):
        for triple in shard_triples(lines, f"t{number}x"):
            if shard.name.startswith("document/"):
                owner[triple] = shard.name
                only_in.setdefault(triple[0], set()).add(shard.name)
            else:
                shared_subjects.add(triple[0])
    documents: dict[str, list[tuple]] = {s.name: [] for s in built.shards if s.name.startswith("document/")}
    shared = []
    for triple in data:
        if triple in ontology:
            continue
        name = owner.get(triple)
        if name is None and triple[0] not in shared_subjects and len(only_in.get(triple[0], ())) == 1:
            name = next(iter(only_in[triple[0]]))
        (documents[name] if name else shared).append(triple)
    return shared, list(documents.values())


def _per_shard(shared: list[tuple], documents: list[list[tuple]], shapes: Graph, ontology: Graph, names: Graph):
    """The build's per-shard validation of these pieces: the violations, sorted."""
    from amurkg.pipeline import shards
    from amurkg.pipeline.validate import ShardValidation

    checker = ShardValidation(shapes, ontology, names=names)
    checker.add_context(shared)
    found: set = set()
    for triples in documents:
        own, _ = checker.add_document(triples, validate=True)
        found.update(v for each in own.values() for v in each)
    found.update(v for each in checker.finish(shards.nodes_of(shared)).values() for v in each)
    return sorted(found, key=str)


def test_validating_one_document_shard_at_a_time_finds_what_pyshacl_finds(broken, built, ontology_and_shapes):
    """Each document's own nodes against the catalog and the nodes it shares with it, then the
    shared nodes once: the same violations as pySHACL on the whole broken graph, some of them found
    in a document's pass (a mention, an evidence) and some in the shared pass (an entity, a document)."""
    ontology, shapes = ontology_and_shapes
    shared, documents = _split_like_the_build(broken, built, ontology)
    assert len(documents) == len(built.documents) and all(documents)
    found = _per_shard(shared, documents, shapes, ontology, broken)
    assert found == pyshacl_violations(broken, shapes, ontology)
    assert any(v.path == "ak:start" and "xsd:integer" in v.message for v in found)  # a mention's
    assert any(v.focus == "id:heihe" and "targetsIndustry" in v.message for v in found)  # an entity's
    assert any("dcterms:language" in v.message for v in found)  # a document's (shared through ak:mentionedIn)


def test_the_seed_graph_conforms_one_document_shard_at_a_time(built, ontology_and_shapes):
    ontology, shapes = ontology_and_shapes
    graph = built.graph
    shared, documents = _split_like_the_build(graph, built, ontology)
    assert _per_shard(shared, documents, shapes, ontology, graph) == []


BACKWARD_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ak: <https://w3id.org/amurkg/ontology#> .
<urn:mentioned> a sh:NodeShape ; sh:targetClass ak:City ;
    sh:property [ sh:path [ sh:inversePath ak:entity ] ; sh:minCount 3 ; sh:message "a city mentioned three times" ] .
<urn:counted> a sh:NodeShape ; sh:targetObjectsOf ak:document ;
    sh:property [ sh:path [ sh:inversePath ak:document ] ; sh:maxCount 3 ; sh:message "at most three mentions" ] .
"""


def test_shapes_read_backwards_see_every_shard(built, ontology_and_shapes):
    """A path read from object to subject (mentions of a city, in any document; the mentions of a
    document) moves the pointing triples to the shared context: the same violations as pySHACL."""
    ontology, _ = ontology_and_shapes
    shapes = Graph().parse(data=BACKWARD_SHAPE, format="turtle")
    graph = built.graph
    shared, documents = _split_like_the_build(graph, built, ontology)
    found = _per_shard(shared, documents, shapes, ontology, graph)
    expected = pyshacl_violations(graph, shapes, ontology)
    assert found == expected
    assert {v.message for v in found} == {"a city mentioned three times", "at most three mentions"}


def test_a_document_that_read_a_growing_part_of_the_context_asks_for_the_whole_graph(built, ontology_and_shapes):
    """A mention's shape that counts its entity's documents reads what later documents add: the
    per-shard validation says so instead of answering from a part of the graph."""
    from amurkg.pipeline.validate import ContextGrew

    ontology, _ = ontology_and_shapes
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ak: <https://w3id.org/amurkg/ontology#> .
        <urn:s> a sh:NodeShape ; sh:targetClass ak:Mention ;
            sh:property [ sh:path ( ak:entity ak:mentionedIn ) ; sh:maxCount 2 ] .
        """,
        format="turtle",
    )
    graph = built.graph
    shared, documents = _split_like_the_build(graph, built, ontology)
    with pytest.raises(ContextGrew):
        _per_shard(shared, documents, shapes, ontology, graph)
