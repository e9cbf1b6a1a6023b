"""The build's shards (`.cache/shards/`): one named graph per document plus the ontology, catalog,
relations and co-mentions; disjoint, their union is exports/amurkg.ttl; validated per shard, an
unchanged document not again; loaded into the Oxigraph store of record that `--store oxigraph` reads."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from test_validate import NEW_SHAPE

from amurkg.pipeline.build import ValidationFailed, build, write_build
from amurkg.pipeline.serialize import turtle_bytes
from amurkg.pipeline.shards import GRAPH
from amurkg.store.named_queries import library
from amurkg.store.querying import open_store, run_query
from amurkg.store.stores import RdflibStore


def quads_of(result) -> ox.Store:
    store = ox.Store()
    for shard in result.shards:
        store.bulk_load(path=str(result.shard_folder.path(shard)), format=ox.RdfFormat.N_QUADS)
    return store


def test_the_shards_are_disjoint_and_their_union_is_the_built_graph(built):
    names = [s.name for s in built.shards]
    assert names[:4] == ["ontology", "catalog", "relations", "co-mentions"]
    assert names[4:] == [f"document/{d.id}" for d in built.documents]
    store = quads_of(built)
    assert len(store) == sum(s.triples for s in built.shards) == len(built.graph)  # no triple in two shards
    harbin = ox.NamedNode("https://w3id.org/amurkg/id/harbin")
    mentioned = {q.graph_name.value for q in store.quads_for_pattern(harbin, None, None)}
    assert GRAPH + "catalog" in mentioned and any(g.startswith(GRAPH + "document/") for g in mentioned)


def test_a_shard_is_the_same_bytes_from_build_to_build(built, layout):
    again = build(layout, use_cache=False)
    assert [s.key for s in again.shards] == [s.key for s in built.shards]
    for shard in built.shards:
        assert built.shard_folder.path(shard).read_bytes() == again.shard_folder.path(shard).read_bytes()
    assert turtle_bytes(again.graph) == turtle_bytes(built.graph)


def test_only_a_changed_document_is_validated_again(project_copy):
    first = build(project_copy)
    assert first.validated_documents == len(first.documents)
    assert build(project_copy).validated_documents == 0
    document = first.documents[0]
    path = project_copy.documents / document.file.split("/")[-1]
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = build(project_copy)
    assert changed.validated_documents == 1
    assert [s.key for s in changed.shards if s.name != f"document/{document.id}"][4:] == [
        s.key for s in first.shards if s.name != f"document/{document.id}"
    ][4:]


def test_a_broken_document_fails_the_build_again_from_its_recorded_validation(project_copy):
    with project_copy.shapes.open("a", encoding="utf-8") as shapes:
        shapes.write(NEW_SHAPE)
    with pytest.raises(ValidationFailed) as first:
        build(project_copy)
    with pytest.raises(ValidationFailed) as again:  # nothing changed: the shards' recorded results count
        build(project_copy)
    assert again.value.violations == first.value.violations
    assert {v.message for v in again.value.violations} == {
        "A document must have its year (dcterms:issued, an xsd:gYear)."
    }


CROSS_SHARD_SHAPE = """
aksh:MentionedOnceShape a sh:NodeShape ;
    sh:targetSubjectsOf ak:mentionedIn ;
    sh:property [ sh:path ak:mentionedIn ; sh:maxCount 1 ;
                  sh:message "Mentioned in one document only (a test of values from several shards)."@en ] .
"""


def _no_whole_graph(monkeypatch) -> list:
    """Fail if a build validates the whole graph; the per-shard validators it made, for inspection."""
    from amurkg.pipeline import build as build_module

    made: list = []
    make = build_module._shard_validation

    def keep(*args):
        made.append(make(*args))
        return made[-1]

    monkeypatch.setattr(build_module, "_shard_validation", keep)
    monkeypatch.setattr(build_module, "_validate_whole_from_shards", lambda *a: pytest.fail("whole graph validated"))
    return made


def test_a_build_that_keeps_no_graph_finds_the_same_violations(project_copy, monkeypatch):
    """Validated one document shard at a time instead of on an rdflib union: the same violations,
    also of nodes whose values come from several document shards (ak:mentionedIn), and the whole
    graph is never indexed."""
    with project_copy.shapes.open("a", encoding="utf-8") as shapes:
        shapes.write(NEW_SHAPE + CROSS_SHARD_SHAPE)
    with pytest.raises(ValidationFailed) as kept:
        build(project_copy, use_cache=False)
    _no_whole_graph(monkeypatch)
    with pytest.raises(ValidationFailed) as lean:
        build(project_copy, use_cache=False, keep_graph=False, keep_relations=False)
    assert lean.value.violations == kept.value.violations
    assert {v.message for v in lean.value.violations} == {
        "A document must have its year (dcterms:issued, an xsd:gYear).",
        "Mentioned in one document only (a test of values from several shards).",
    }


def test_a_build_that_keeps_no_graph_reads_the_same_graph_from_its_shards(built, project_copy):
    lean = build(project_copy, validate=False, keep_graph=False, keep_relations=False)
    assert lean.union is None and lean.relations == []
    assert lean.relations_by_method() == built.relations_by_method()
    assert lean.triples == len(built.graph)
    assert turtle_bytes(lean.graph) == turtle_bytes(built.graph)


def test_the_store_of_record_holds_one_named_graph_per_shard_and_answers_as_embedded(project_copy):
    result = build(project_copy)
    write_build(result, project_copy)
    store = open_store(project_copy, "oxigraph", progress=lambda m: pytest.fail(f"reloaded the Turtle: {m}"))
    graphs = store.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "SELECT")
    assert sorted(str(row[0]) for row in graphs.rows) == sorted(GRAPH + s.name for s in result.shards)
    embedded = RdflibStore(result.graph)
    for name, query in library().items():  # the union of the named graphs answers every named query alike
        on_store = run_query(store, query.text, named=query, lang="ru")
        assert on_store.rows == run_query(embedded, query.text, named=query, lang="ru").rows, name


def test_a_document_shard_is_validated_without_the_other_documents(project_copy, monkeypatch):
    """The context the documents are validated against holds the catalog, relations, co-mentions and
    the nodes the documents share with them (entities, document nodes), not a single mention, and
    about a tenth of the documents' triples at most."""
    from rdflib.namespace import RDF

    from amurkg.namespaces import AK

    made = _no_whole_graph(monkeypatch)
    result = build(project_copy, use_cache=False, keep_graph=False, keep_relations=False)
    assert result.violations == [] and result.validated_documents == len(result.documents)
    context = made[0].context
    assert not context.subjects(RDF.type, AK.Mention)
    assert context.subjects(RDF.type, AK.Document)  # shared: entities are ak:mentionedIn them
    in_documents = sum(s.triples for s in result.shards if s.name.startswith("document/"))
    from_documents = sum(1 for _ in context.triples()) - sum(
        s.triples for s in result.shards if not s.name.startswith("document/")
    )
    assert 0 < from_documents < in_documents / 10


GROWING_SHAPE = """
aksh:MentionOfAFrequentEntityShape a sh:NodeShape ;
    sh:targetClass ak:Mention ;
    sh:property [ sh:path ( ak:entity ak:mentionedIn ) ; sh:maxCount 2 ;
                  sh:message "The entity of a mention is in at most two documents (a test)."@en ] .
"""


def test_a_shape_that_reads_what_later_documents_add_is_validated_on_the_whole_graph(project_copy, monkeypatch):
    """A mention's shape that counts its entity's documents cannot be answered one document at a time
    (the count grows with every document): the build validates the whole graph instead, same
    violations as a build that keeps it, and records them for the next build."""
    from amurkg.pipeline import build as build_module

    with project_copy.shapes.open("a", encoding="utf-8") as shapes:
        shapes.write(GROWING_SHAPE)
    with pytest.raises(ValidationFailed) as kept:
        build(project_copy, use_cache=False)
    whole = build_module._validate_whole_from_shards
    calls: list = []
    monkeypatch.setattr(build_module, "_validate_whole_from_shards", lambda *a: calls.append(1) or whole(*a))
    with pytest.raises(ValidationFailed) as lean:
        build(project_copy, use_cache=False, keep_graph=False, keep_relations=False)
    assert calls == [1]
    with pytest.raises(ValidationFailed) as again:
        build(project_copy, keep_graph=False, keep_relations=False)
    assert lean.value.violations == kept.value.violations == again.value.violations
    assert {v.message for v in lean.value.violations} == {
        "The entity of a mention is in at most two documents (a test)."
    }


def test_a_document_shard_alone_describes_its_own_nodes(built):
    """What per-shard validation relies on: a subject that no shared shard describes is described by
    one document shard only (its mentions, evidence, observations), so its triples are all in it."""
    from amurkg.pipeline.serialize import shard_triples

    shared: set = set()
    owners: dict = {}
    for number, (shard, lines) in enumerate(zip(built.shards, built.shard_lines())):
        subjects = {s for s, _, _ in shard_triples(lines, f"b{number}x")}
        if shard.name.startswith("document/"):
            for subject in subjects:
                owners.setdefault(subject, set()).add(shard.name)
        else:
            shared |= subjects
    in_two = [s for s, names in owners.items() if s not in shared and len(names) > 1]
    assert owners and in_two == []
