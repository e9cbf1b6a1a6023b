"""The built graph as the browser views see it: entities (and documents that state relations) as
nodes, stated relations and co-mentions as links, each link with the passages that back it.

Mentions, evidence, geometry and co-mention nodes are not nodes here: they are folded into the
entities' and links' details (which documents name an entity, which quote states a relation).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from amurkg.corpus.catalog import CORE_CLASSES
from amurkg.namespaces import AK, ID, LANGUAGES, STATED_PREDICATES, SYMMETRIC_PREDICATES, WGS

# Stated relations, in the order legends list them; co-mentions are kept apart.
PREDICATES = STATED_PREDICATES
SYMMETRIC = SYMMETRIC_PREDICATES
COMENTION = "coMentionedWith"
NODE_CLASSES: tuple[str, ...] = CORE_CLASSES + ("Document",)


@dataclass(frozen=True)
class Evidence:
    """One passage backing a relation: how it was found, and (unless curated) where and what it says."""

    method: str
    document: str = ""
    title: str = ""
    quote: str = ""


@dataclass
class Node:
    id: str  # the slug: "harbin", "document/ja-sato-2019"
    cls: str
    labels: dict[str, str]  # language → label
    wikidata: str = ""
    lat: float | None = None
    lon: float | None = None
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document id, title) naming it

    def label(self, lang: str = "en") -> str:
        """The label in `lang`, else in English, else any, else the slug."""
        return self.labels.get(lang) or self.labels.get("en") or next(iter(self.labels.values()), self.id)


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    predicate: str  # one of PREDICATES or COMENTION
    evidence: tuple[Evidence, ...] = ()
    count: int = 0  # sentences naming both (co-mentions only)

    @property
    def directed(self) -> bool:
        return self.predicate not in SYMMETRIC and self.predicate != COMENTION


@dataclass
class Network:
    nodes: dict[str, Node]  # by slug, sorted
    links: list[Link]  # stated relations, then co-mentions; sorted
    documents: dict[str, str]  # document id → title


def slug(node: URIRef) -> str:
    return str(node)[len(str(ID)) :]


def read_network(graph: Graph) -> Network:
    """Every entity, document, stated relation (symmetric ones once) and co-mention of a built graph."""
    documents = {slug(d)[len("document/") :]: _title(graph, d) for d in graph.subjects(RDF.type, AK.Document)}
    nodes: dict[str, Node] = {}
    for cls in CORE_CLASSES:
        for entity in graph.subjects(RDF.type, AK[cls]):
            if isinstance(entity, URIRef) and str(entity).startswith(str(ID)):
                nodes[slug(entity)] = _node(graph, entity, cls, documents)
    evidence = _evidence(graph, documents)
    links: list[Link] = []
    document_nodes: set[str] = set()
    for predicate in PREDICATES:
        for subject, obj in graph.subject_objects(AK[predicate]):
            first, second = slug(subject), slug(obj)
            if predicate in SYMMETRIC and second < first:
                continue
            for end in (first, second):
                if end.startswith("document/") and end[len("document/") :] in documents:
                    document_nodes.add(end)
            if not all(end in nodes or end in document_nodes for end in (first, second)):
                continue
            links.append(Link(first, second, predicate, tuple(evidence.get((first, predicate, second), ()))))
    for key in sorted(document_nodes):
        document = key[len("document/") :]
        nodes[key] = Node(key, "Document", {"en": documents[document]}, documents=[(document, documents[document])])
    for comention in graph.subjects(RDF.type, AK.CoMention):
        ends = sorted(slug(e) for e in graph.objects(comention, AK.entity))
        count = graph.value(comention, AK["count"])
        if len(ends) == 2 and all(e in nodes for e in ends):
            links.append(Link(ends[0], ends[1], COMENTION, count=int(count) if count is not None else 0))
    order = {p: i for i, p in enumerate(PREDICATES + (COMENTION,))}
    links.sort(key=lambda l: (order[l.predicate], l.source, l.target))
    return Network(dict(sorted(nodes.items())), links, dict(sorted(documents.items())))


def _title(graph: Graph, document: URIRef) -> str:
    titles = {t.language: str(t) for t in graph.objects(document, DCTERMS.title)}
    label = graph.value(document, RDFS.label)
    return titles.get("en") or (str(label) if label is not None else "") or next(iter(titles.values()), slug(document))


def _node(graph: Graph, entity: URIRef, cls: str, documents: dict[str, str]) -> Node:
    labels = {}
    for label in graph.objects(entity, RDFS.label):
        if label.language in LANGUAGES and label.language not in labels:
            labels[label.language] = str(label)
    wikidata = graph.value(entity, AK.wikidata)
    lat, lon = graph.value(entity, WGS.lat), graph.value(entity, WGS.long)
    named_in = sorted(slug(d)[len("document/") :] for d in graph.objects(entity, AK.mentionedIn))
    return Node(
        slug(entity),
        cls,
        {lang: labels[lang] for lang in LANGUAGES if lang in labels},
        wikidata=str(wikidata) if wikidata is not None else "",
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
        documents=[(d, documents.get(d, d)) for d in named_in],
    )


def _evidence(graph: Graph, documents: dict[str, str]) -> dict[tuple[str, str, str], list[Evidence]]:
    """Evidence per (subject, predicate, object) as the build stored it (symmetric ones in slug order)."""
    found: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for node in graph.subjects(RDF.type, AK.Evidence):
        subject, predicate, obj = (graph.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        if subject is None or predicate is None or obj is None:
            continue
        document = graph.value(node, AK.document)
        document_id = slug(document)[len("document/") :] if document is not None else ""
        quote = graph.value(node, AK.quote)
        found[(slug(subject), str(predicate)[len(str(AK)) :], slug(obj))].append(
            Evidence(
                str(graph.value(node, AK.method) or ""),
                document_id,
                documents.get(document_id, document_id),
                str(quote) if quote is not None else "",
            )
        )
    for key in found:
        found[key].sort(key=lambda e: (e.method == "catalog", e.document, e.quote))
    return found
