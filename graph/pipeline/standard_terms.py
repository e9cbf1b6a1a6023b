"""Mentions and evidence also in W3C vocabularies, for tools that know nothing of `ak:`.

A post-pass over the assembled graph (the `ak:` terms stay; the standard ones are added to the same
nodes). Each `ak:Mention` becomes a W3C Web Annotation (https://www.w3.org/TR/annotation-model/):

    <mention> a ak:Mention, oa:Annotation ; oa:motivatedBy oa:identifying ; oa:hasBody <entity> ;
        oa:hasTarget <mention#target> .
    <mention#target> a oa:SpecificResource ; oa:hasSource <document> ;
        oa:hasSelector <mention#position>, <mention#quote> .
    <mention#position> a oa:TextPositionSelector ; oa:start 10036 ; oa:end 10063 .
    <mention#quote> a oa:TextQuoteSelector ; oa:exact "…" ; oa:prefix "…" ; oa:suffix "…" .

Why Web Annotation rather than NIF 2.0: it is a W3C Recommendation that annotation tools read
(Hypothesis, Recogito, INCEpTION, IIIF viewers); its offsets count Unicode code points, exactly
what `ak:start`/`ak:end` count (Python string indices into the file's text); its quote selector with
prefix and suffix lets a reader re-anchor a mention when offsets no longer fit (a re-encoded file);
and it needs no copy of each document's text in the graph, where NIF's `nif:Context` expects the
whole text in `nif:isString`. The extra nodes are named under the mention's IRI (`#target`,
`#position`, `#quote`), so exports place them with their mention.

Each `ak:Evidence` taken from a document also gets `prov:wasDerivedFrom` that document (the
ontology has `ak:document rdfs:subPropertyOf prov:wasDerivedFrom`; this states it for readers
without inference).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from amurkg.namespaces import AK, ID, OA

CONTEXT = 32  # characters of oa:prefix / oa:suffix, as annotation clients commonly keep
DOCUMENT = str(ID) + "document/"


def add_standard_terms(graph: Graph, texts: Mapping[str, str]) -> None:
    """Add the Web Annotation form of every mention and `prov:wasDerivedFrom` of every document
    evidence. `texts` maps a document id to its text (the string the offsets index into)."""
    for mention in sorted(str(m) for m in graph.subjects(RDF.type, AK.Mention)):
        _annotate(graph, URIRef(mention), texts)
    for evidence in sorted(str(e) for e in graph.subjects(RDF.type, AK.Evidence)):
        document = graph.value(URIRef(evidence), AK.document)
        if document is not None:
            graph.add((URIRef(evidence), PROV.wasDerivedFrom, document))


def _annotate(graph: Graph, mention: URIRef, texts: Mapping[str, str]) -> None:
    entity, document = graph.value(mention, AK.entity), graph.value(mention, AK.document)
    start, end = graph.value(mention, AK.start), graph.value(mention, AK.end)
    if entity is None or document is None or start is None or end is None:
        return  # SHACL reports an incomplete mention; nothing to add here
    annotate(graph, mention, entity, document, int(start), int(end), texts[str(document)[len(DOCUMENT) :]])


def annotate(graph: Any, mention: URIRef, entity: Node, document: Node, a: int, b: int, text: str) -> None:
    """The Web Annotation of one mention (`graph`: anything with rdflib's `add`)."""
    target, position, quote = (URIRef(f"{mention}#{part}") for part in ("target", "position", "quote"))
    graph.add((mention, RDF.type, OA.Annotation))
    graph.add((mention, OA.motivatedBy, OA.identifying))
    graph.add((mention, OA.hasBody, entity))
    graph.add((mention, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, document))
    graph.add((target, OA.hasSelector, position))
    graph.add((target, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(a, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(b, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(text[a:b])))
    graph.add((quote, OA.prefix, Literal(text[max(0, a - CONTEXT) : a])))
    graph.add((quote, OA.suffix, Literal(text[b : b + CONTEXT])))
