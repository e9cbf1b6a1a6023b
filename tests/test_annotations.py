"""Mentions and evidence read by a generic RDF consumer that knows only W3C vocabularies (Web
Annotation, PROV): no `ak:` term in its queries, and it still finds the entity, the offsets and the
exact quote that slices the document text. The consumer here is Oxigraph loading the published
Turtle (rdflib's own engine orders this join badly: minutes instead of milliseconds)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from amurkg.corpus.documents import load_documents
from amurkg.layout import Layout
from amurkg.namespaces import ID

REPO = Path(__file__).resolve().parent.parent
# Only W3C prefixes: what an annotation tool or a generic consumer would write.
STANDARD = """PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
ANNOTATIONS = (
    STANDARD
    + """SELECT ?annotation ?entity ?document ?start ?end ?exact ?prefix ?suffix WHERE {
  ?annotation a oa:Annotation ; oa:motivatedBy oa:identifying ; oa:hasBody ?entity ; oa:hasTarget ?target .
  ?target a oa:SpecificResource ; oa:hasSource ?document ; oa:hasSelector ?position, ?quote .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
}"""
)


class Consumer:
    """A SPARQL store holding exports/amurkg.ttl; rows as dicts of rdflib-like strings and ints."""

    def __init__(self, turtle: Path):
        self.store = ox.Store()
        self.store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)

    def query(self, text: str) -> list[dict]:
        result = self.store.query(text, prefixes={"ak": "https://w3id.org/amurkg/ontology#"})
        names = [v.value for v in result.variables]
        return [{n: _value(solution[n]) for n in names} for solution in result]


def _value(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("Integer", "integer")):
        return int(term.value)
    return None if term is None else term.value


@pytest.fixture(scope="module")
def graph() -> Consumer:
    return Consumer(REPO / "exports" / "amurkg.ttl")


@pytest.fixture(scope="module")
def texts() -> dict[URIRef, str]:
    layout = Layout(REPO)
    documents = load_documents(layout.document_listing, layout.documents, layout.root)
    return {ID[f"document/{d.id}"]: d.read_text() for d in documents}


def _has_prefix(query: str, prefix: str) -> bool:
    return f"{prefix}:" in query.replace(f"PREFIX {prefix}:", "")


def test_every_mention_reads_as_a_web_annotation_that_slices_its_document(graph: Consumer, texts) -> None:
    assert not _has_prefix(ANNOTATIONS, "ak")
    rows = graph.query(ANNOTATIONS)
    mentions = graph.query("SELECT ?m WHERE { ?m a ak:Mention }")
    assert len(rows) == len(mentions) > 1000  # one annotation per mention, each with both selectors
    for row in rows:
        text = texts[row["document"]]
        start, end = row["start"], row["end"]
        assert text[start:end] == row["exact"] != ""
        assert text[:start].endswith(row["prefix"]) and text[end:].startswith(row["suffix"])
        assert str(row["annotation"]).startswith(str(ID["mention/"]))


def test_an_inflected_russian_name_is_found_by_its_entity_with_standard_terms_only(graph: Consumer, texts) -> None:
    query = ANNOTATIONS.replace("?annotation a oa:Annotation", "VALUES ?entity { <%s> } ?annotation a oa:Annotation")
    exacts = {r["exact"] for r in graph.query(query % ID["harbin"])}
    assert {"Harbin", "Харбин", "ハルビン"} <= exacts and any(
        e.startswith("Харбин") and e != "Харбин" for e in exacts
    ), exacts


def test_the_same_offsets_as_the_project_terms(graph: Consumer) -> None:
    differing = graph.query(
        STANDARD
        + """SELECT ?m WHERE { ?m a ak:Mention ; ak:start ?a ; ak:end ?b ; ak:entity ?e ; oa:hasBody ?body ;
                 oa:hasTarget/oa:hasSelector [ oa:start ?s ; oa:end ?t ] .
               FILTER(?a != ?s || ?b != ?t || ?e != ?body) }"""
    )
    assert differing == []


def test_evidence_is_derived_from_its_document_in_prov(graph: Consumer, texts) -> None:
    query = STANDARD + "SELECT ?evidence ?document WHERE { ?evidence rdf:subject ?s ; prov:wasDerivedFrom ?document }"
    assert not _has_prefix(query, "ak")
    derived = {(r["evidence"], r["document"]) for r in graph.query(query)}
    stated = {(r["e"], r["d"]) for r in graph.query("SELECT ?e ?d WHERE { ?e a ak:Evidence ; ak:document ?d }")}
    assert derived == stated and len(stated) > 300
    assert all(document in texts for _, document in derived)
