"""The project's prefixes as plain strings (prefix → namespace IRI), in the order they are declared.

`amurkg.namespaces` builds its rdflib namespaces from this table; the command line's fast path
(`amurkg.cli.fast`) reads it without importing rdflib."""

from __future__ import annotations

PREFIX_IRIS: dict[str, str] = {
    "ak": "https://w3id.org/amurkg/ontology#",
    "id": "https://w3id.org/amurkg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "wgs": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "wd": "http://www.wikidata.org/entity/",
    "oa": "http://www.w3.org/ns/oa#",
}
XSD_STRING = PREFIX_IRIS["xsd"] + "string"
XSD_INTEGER = PREFIX_IRIS["xsd"] + "integer"
