"""The RDF namespaces of the project and the prefixes users may leave out of their queries."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD  # noqa: F401 - re-exported

from amurkg.prefixes import PREFIX_IRIS

AK = Namespace("https://w3id.org/amurkg/ontology#")
ID = Namespace("https://w3id.org/amurkg/id/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
WGS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
OA = Namespace("http://www.w3.org/ns/oa#")  # W3C Web Annotation: mentions as annotations

PREFIXES: dict[str, Namespace] = {prefix: Namespace(iri) for prefix, iri in PREFIX_IRIS.items()}

LANGUAGES: tuple[str, ...] = ("en", "zh", "ja", "ru")

#: Relations the documents or the catalog state (each backed by ak:Evidence), in legend order.
STATED_PREDICATES: tuple[str, ...] = (
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
)
#: The stated relations that hold both ways (stored in both directions).
SYMMETRIC_PREDICATES = frozenset({"counterpartOf", "cooperatesWith", "adjoins"})


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes to an rdflib graph (replacing rdflib's defaults)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def sparql_prologue() -> str:
    """PREFIX lines for every project prefix, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
