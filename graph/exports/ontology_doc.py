"""Human-readable HTML documentation of the ontology (ontology/amurkg.ttl): classes, properties,
concept schemes with definitions and labels in four languages, and their alignments to external
vocabularies. One self-contained, deterministic page; no template engine."""

from __future__ import annotations

from html import escape

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from amurkg.namespaces import AK, LANGUAGES

LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ru": "Russian"}
PROPERTY_KINDS = (("object-properties", "Object properties", "object property", OWL.ObjectProperty),
                  ("datatype-properties", "Datatype properties", "datatype property", OWL.DatatypeProperty))
CHARACTERISTICS = (OWL.TransitiveProperty, OWL.SymmetricProperty, OWL.FunctionalProperty)
ALIGNMENTS = ((RDFS.subClassOf, "subclass of"), (RDFS.subPropertyOf, "subproperty of"),
              (SKOS.closeMatch, "close match"), (OWL.inverseOf, "inverse of"))

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#222}
h1{margin-bottom:.2rem} h2{border-bottom:2px solid #ccc;margin-top:2.5rem} h3{margin:1.8rem 0 .3rem}
code{background:#f4f4f4;padding:0 .25rem} table{border-collapse:collapse;margin:.4rem 0}
td,th{border:1px solid #ddd;padding:.2rem .6rem;text-align:left;vertical-align:top}
.term{border-left:4px solid #4a7;padding-left:1rem} .iri{color:#666;font-size:.9em} nav a{margin-right:.6rem}
"""


def _curie(graph: Graph, term) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) else str(term)
    except Exception:  # noqa: BLE001 - an IRI without a usable prefix stays whole
        return str(term)


def _link(graph: Graph, term) -> str:
    """A term as HTML: ak: terms link inside the page, others to their IRI, blank nodes described."""
    if isinstance(term, BNode):
        return _describe_blank(graph, term)
    name = escape(_curie(graph, term))
    if str(term).startswith(str(AK)):
        return f'<a href="#{escape(str(term)[len(str(AK)):])}"><code>{name}</code></a>'
    return f'<a href="{escape(str(term))}"><code>{name}</code></a>'


def _describe_blank(graph: Graph, node: BNode) -> str:
    """owl:unionOf lists and owl:hasValue / someValuesFrom restrictions, in words."""
    union = graph.value(node, OWL.unionOf)
    if union is not None:
        return " or ".join(_link(graph, member) for member in Collection(graph, union))
    on = graph.value(node, OWL.onProperty)
    if on is not None:
        for predicate, word in ((OWL.hasValue, "value"), (OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only")):
            value = graph.value(node, predicate)
            if value is not None:
                return f"{_link(graph, on)} {word} {_link(graph, value)}"
    return "(anonymous)"


def _labels(graph: Graph, term) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for label in graph.objects(term, RDFS.label):
        found.setdefault((label.language if isinstance(label, Literal) else None) or "", []).append(str(label))
    return {lang: " / ".join(sorted(values)) for lang, values in found.items()}


def _terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(str(AK)))


def _section_for(graph: Graph, term: URIRef, what: str) -> str:
    local = str(term)[len(str(AK)):]
    labels = _labels(graph, term)
    rows = "".join(f"<tr><th>{LANGUAGE_NAMES[lang]}</th><td lang=\"{lang}\">{escape(labels.get(lang, '—'))}</td></tr>"
                   for lang in LANGUAGES)
    parts = [f'<section class="term" id="{escape(local)}">',
             f"<h3><code>ak:{escape(local)}</code> — {escape(labels.get('en', local))}</h3>",
             f'<div class="iri">{escape(what)} · {escape(str(term))}</div>',
             f"<table>{rows}</table>"]
    for definition in sorted(d for d in graph.objects(term, SKOS.definition) if isinstance(d, Literal)):
        parts.append(f"<p>{escape(str(definition))}</p>")
    facts: list[tuple[str, str]] = []
    characteristics = [_curie(graph, c) for c in CHARACTERISTICS if (term, RDF.type, c) in graph]
    if characteristics:
        facts.append(("characteristics", ", ".join(f"<code>{escape(c)}</code>" for c in characteristics)))
    for predicate, word in ((RDFS.domain, "domain"), (RDFS.range, "range")) + ALIGNMENTS:
        values = sorted(graph.objects(term, predicate), key=lambda v: (isinstance(v, BNode), str(v)))
        if values:
            facts.append((word, ", ".join(_link(graph, v) for v in values)))
    for predicate, word in ((RDFS.subClassOf, "subclasses"), (RDFS.subPropertyOf, "subproperties")):
        children = sorted(s for s in graph.subjects(predicate, term) if isinstance(s, URIRef))
        if children:
            facts.append((word, ", ".join(_link(graph, v) for v in children)))
    if facts:
        parts.append("<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in facts) + "</table>")
    parts.append("</section>")
    return "\n".join(parts)


def _alignments(graph: Graph) -> str:
    rows = []
    for predicate, word in ALIGNMENTS:
        for s, o in sorted(graph.subject_objects(predicate), key=lambda t: (str(t[0]), str(t[1]))):
            if str(s).startswith(str(AK)) and isinstance(o, URIRef) and not str(o).startswith(str(AK)):
                rows.append(f"<tr><td>{_link(graph, s)}</td><td>{escape(word)}</td><td>{_link(graph, o)}</td></tr>")
    return "<table><tr><th>term</th><th>relation</th><th>external term</th></tr>" + "".join(rows) + "</table>"


def ontology_html(graph: Graph) -> str:
    """The documentation page of an ontology graph."""
    ontology = next(iter(sorted(s for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef))), None)
    title = str(graph.value(ontology, DCTERMS.title) or graph.value(ontology, RDFS.label) or "ontology")
    description = str(graph.value(ontology, DCTERMS.description) or "")
    version = str(graph.value(ontology, OWL.versionInfo) or "")
    license_ = graph.value(ontology, DCTERMS.license)
    classes = _terms(graph, OWL.Class)
    schemes = _terms(graph, SKOS.ConceptScheme)
    sections = [("classes", "Classes", [(t, "class") for t in classes])]
    for anchor, heading, what, kind in PROPERTY_KINDS:
        sections.append((anchor, heading, [(t, what) for t in _terms(graph, kind)]))
    sections.append(("schemes", "Concept schemes", [(t, "concept scheme") for t in schemes]))
    nav = " ".join(f'<a href="#{anchor}">{escape(heading)}</a>' for anchor, heading, _ in sections)
    head = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="iri">{escape(str(ontology or ""))} · version {escape(version)} · namespace '
        f"<code>ak:</code> = <code>{escape(str(AK))}</code>"
        + (f' · license <a href="{escape(str(license_))}">{escape(str(license_))}</a>' if license_ else "") + "</p>",
        f"<p>{escape(description)}</p>", f"<nav>{nav} <a href=\"#alignments\">Alignments</a></nav>",
    ]
    body = []
    for anchor, heading, terms in sections:
        body.append(f'<h2 id="{anchor}">{escape(heading)}</h2>')
        body.append("<p>" + ", ".join(_link(graph, t) for t, _ in terms) + "</p>")
        body.extend(_section_for(graph, t, what) for t, what in terms)
    body.append('<h2 id="alignments">Alignments</h2>')
    body.append("<p>How the ak: terms relate to external vocabularies (schema.org, GeoSPARQL, PROV, SKOS, "
                "Dublin Core, NIF, Web Annotation, W3C Organization).</p>")
    body.append(_alignments(graph))
    return "\n".join(head + body + ["</body>", "</html>", ""])
