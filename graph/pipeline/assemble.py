"""Assembly: catalog, documents, mentions and relations become one rdflib graph.

IRIs are stable (`id/<slug>`, `id/document/<id>`, `id/mention/<doc>/<start>-<end>`,
`id/evidence/<hash>`), so the same inputs always give the same graph.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any, Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from amurkg.corpus.catalog import Catalog, Entity
from amurkg.corpus.documents import DocumentMeta
from amurkg.extract import Relation
from amurkg.extract.figures import Observation
from amurkg.extract.gazetteer import from_gazetteer, geonames_iri
from amurkg.namespaces import AK, GEO, ID, SCHEMA, SYMMETRIC_PREDICATES, WD, WGS, bind_prefixes
from amurkg.pipeline import observations as observation_rdf
from amurkg.pipeline.process import MentionRecord


class Sink(Protocol):
    """Where triples are added: an rdflib Graph, or a shard's collector (`amurkg.pipeline.shards.Piece`)."""

    def add(self, triple: Any, /) -> Any: ...


SCHEMES = {"Industry": AK.IndustryScheme, "CooperationModel": AK.CooperationModelScheme}


def iri(key: str) -> URIRef:
    """The IRI of an entity id or of `document/<id>`."""
    return ID[key]


def document_iri(document_id: str) -> URIRef:
    return ID[f"document/{document_id}"]


def new_graph(ontology: Graph | None = None) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    if ontology is not None:
        for triple in ontology:
            graph.add(triple)
    return graph


def add_entity(graph: Sink, entity: Entity, statements: Sink | None = None) -> None:
    """An entity's class, labels in every language, aliases, geometry and catalog geography (the
    geography's statements go to `statements` when given, their evidence to `graph`)."""
    node = iri(entity.id)
    graph.add((node, RDF.type, AK[entity.cls]))
    if entity.subclass:
        graph.add((node, RDF.type, AK[entity.subclass]))
    graph.add((node, AK.status, Literal(entity.status)))
    for lang, label in entity.labels.items():
        graph.add((node, RDFS.label, Literal(label, lang=lang)))
    if entity.cls in SCHEMES:
        graph.add((node, SKOS.inScheme, SCHEMES[entity.cls]))
        for lang, label in entity.labels.items():
            graph.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
        if not entity.broader:
            graph.add((node, SKOS.topConceptOf, SCHEMES[entity.cls]))
    for lang, aliases in entity.aliases.items():
        for alias in aliases:
            if alias != entity.labels.get(lang):
                graph.add((node, SKOS.altLabel, Literal(alias, lang=lang)))
    for broader in entity.broader:
        graph.add((node, SKOS.broader, iri(broader)))
        graph.add((iri(broader), SKOS.narrower, node))
    if entity.coordinates is not None:
        lat, lon = entity.coordinates
        geometry = ID[f"{entity.id}/geometry"]
        graph.add((node, GEO.hasGeometry, geometry))
        graph.add((geometry, RDF.type, GEO.Geometry))
        graph.add((geometry, GEO.asWKT, Literal(f"POINT({_decimal(lon)} {_decimal(lat)})", datatype=GEO.wktLiteral)))
        graph.add((node, WGS.lat, Literal(_decimal(lat), datatype=XSD.decimal)))
        graph.add((node, WGS.long, Literal(_decimal(lon), datatype=XSD.decimal)))
    if entity.wikidata:
        graph.add((node, AK.wikidata, Literal(entity.wikidata)))
        graph.add((node, SCHEMA.sameAs, WD[entity.wikidata]))
    if entity.year is not None:
        graph.add((node, AK.year, Literal(entity.year, datatype=XSD.integer)))
    geonames = geonames_iri(entity)
    if geonames is not None:  # a gazetteer town: the GeoNames feature it is, and its region from GeoNames
        graph.add((node, SKOS.exactMatch, URIRef(geonames)))
    gazetteer = from_gazetteer(entity)
    if entity.status != "curated" and not gazetteer:
        return  # a discovered entity's places come with the passage that names them (method "name")
    method = "gazetteer" if gazetteer else "catalog"
    for predicate, targets in (("locatedIn", entity.located_in), ("partOf", entity.part_of)):
        for target in targets:
            relation = Relation(entity.id, predicate, target, "", -1, -1, "", method)
            add_relation(graph if statements is None else statements, relation, evidence=graph)


def _decimal(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def add_document(graph: Sink, document: DocumentMeta) -> None:
    node = document_iri(document.id)
    graph.add((node, RDF.type, AK.Document))
    graph.add((node, DCTERMS.title, Literal(document.title["original"], lang=document.language)))
    if document.title.get("en") and document.language != "en":
        graph.add((node, DCTERMS.title, Literal(document.title["en"], lang="en")))
    graph.add((node, RDFS.label, Literal(document.title.get("en") or document.title["original"], lang="en")))
    for author in document.authors:
        graph.add((node, DCTERMS.creator, Literal(author)))
    graph.add((node, DCTERMS.language, Literal(document.language)))
    graph.add((node, AK.sourceFile, Literal(document.file)))
    if document.year is not None:
        graph.add((node, DCTERMS.issued, Literal(str(document.year), datatype=XSD.gYear)))
    for predicate, value in (
        (DCTERMS.publisher, document.publisher),
        (AK.series, document.series),
        (AK.translator, document.translator),
    ):
        if value:
            graph.add((node, predicate, Literal(value)))
    if document.institution_id:
        graph.add((node, AK.institution, iri(document.institution_id)))


def mention_iri(document_id: str, mention: MentionRecord) -> URIRef:
    return ID[f"mention/{document_id}/{mention.start}-{mention.end}"]


def add_mentions(graph: Sink, document_id: str, mentions: Iterable[MentionRecord]) -> None:
    """One ak:Mention per occurrence, and ak:mentionedIn for every entity the document names."""
    document = document_iri(document_id)
    for mention in mentions:
        node = mention_iri(document_id, mention)
        graph.add((node, RDF.type, AK.Mention))
        graph.add((node, AK.entity, iri(mention.entity)))
        graph.add((node, AK.document, document))
        graph.add((node, AK.start, Literal(mention.start, datatype=XSD.integer)))
        graph.add((node, AK.end, Literal(mention.end, datatype=XSD.integer)))
        graph.add((node, AK.surface, Literal(mention.surface)))
        graph.add((node, AK.sentence, Literal(mention.sentence)))
        graph.add((iri(mention.entity), AK.mentionedIn, document))


def add_relation(graph: Sink, relation: Relation, evidence: Sink | None = None) -> URIRef:
    """The relation triple (both directions for symmetric ones) and its evidence node (into
    `evidence` when given: a document's shard holds its evidence, the relations shard the statements)."""
    subject, obj = relation.subject, relation.object
    if relation.predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    predicate = AK[relation.predicate]
    graph.add((iri(subject), predicate, iri(obj)))
    if relation.predicate in SYMMETRIC_PREDICATES:
        graph.add((iri(obj), predicate, iri(subject)))
    key = "|".join(
        (subject, relation.predicate, obj, relation.document, str(relation.start), str(relation.end), relation.method)
    )
    node = ID[f"evidence/{hashlib.sha1(key.encode()).hexdigest()[:16]}"]
    into = graph if evidence is None else evidence
    into.add((node, RDF.type, AK.Evidence))
    into.add((node, RDF.subject, iri(subject)))
    into.add((node, RDF.predicate, predicate))
    into.add((node, RDF.object, iri(obj)))
    into.add((node, AK.method, Literal(relation.method)))
    if relation.document:
        into.add((node, AK.document, document_iri(relation.document)))
        into.add((node, AK.quote, Literal(relation.quote)))
        into.add((node, AK.start, Literal(relation.start, datatype=XSD.integer)))
        into.add((node, AK.end, Literal(relation.end, datatype=XSD.integer)))
        into.add((node, AK.modality, Literal(relation.modality)))
    if relation.rule:
        into.add((node, AK.rule, Literal(relation.rule)))
    return node


def add_co_mentions(graph: Sink, counts: Counter) -> None:
    """ak:coMentionedWith links, with an ak:CoMention node carrying the count; kept apart from relations."""
    for (first, second), count in sorted(counts.items()):
        graph.add((iri(first), AK.coMentionedWith, iri(second)))
        graph.add((iri(second), AK.coMentionedWith, iri(first)))
        node = ID[f"comention/{first}--{second}"]
        graph.add((node, RDF.type, AK.CoMention))
        graph.add((node, AK.entity, iri(first)))
        graph.add((node, AK.entity, iri(second)))
        graph.add((node, AK["count"], Literal(count, datatype=XSD.integer)))


def add_ontology_header(graph: Graph) -> None:
    """Mark the data graph as using the ontology, for tools such as Protégé."""
    graph.add((URIRef("https://w3id.org/amurkg/data"), RDF.type, OWL.Ontology))
    graph.add((URIRef("https://w3id.org/amurkg/data"), OWL.imports, URIRef("https://w3id.org/amurkg/ontology")))


# ---------------------------------------------------------------- figures (issue #18; own module)
def add_observations(graph: Graph, observations: Iterable[Observation], catalog: Catalog) -> None:
    """The figures a document states (amounts, volumes …): see amurkg.pipeline.observations."""
    observation_rdf.add_observations(graph, observations, catalog)
