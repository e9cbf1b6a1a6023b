"""A query's answer, whatever store gave it, and its output formats.

csv, tsv and json follow the W3C SPARQL 1.1 Query Results formats; md is a Markdown table;
CONSTRUCT and DESCRIBE answers are Turtle. Every format is deterministic: the same answer gives the
same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from amurkg.namespaces import bind_prefixes
from amurkg.store import render

Row = tuple[Identifier | None, ...]


@dataclass
class Answer:
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict[str, Identifier]]:
        """The rows as dicts of bound variables (unbound ones left out)."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def column(self, name: str) -> list[Identifier | None]:
        index = self.variables.index(name)
        return [row[index] for row in self.rows]


def plain(term: Identifier | None) -> Identifier | None:
    """A term as rdflib writes it: xsd:string literals become plain literals."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


PLAIN_LOCAL = render.plain_local()  # a local name that needs no escape after `prefix:`


def view(term: Identifier | None) -> render.View | None:
    """An rdflib term as the plain view the writers of `amurkg.store.render` take."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("iri", str(term), None, None)
    if isinstance(term, BNode):
        return ("bnode", str(term), None, None)
    if isinstance(term, Literal):
        datatype = None if term.language or term.datatype in (None, XSD.string) else str(term.datatype)
        return ("literal", str(term), term.language, datatype)
    return ("iri", str(term), None, None)


def views(answer: Answer) -> list[list[render.View | None]]:
    return [[view(t) for t in row] for row in answer.rows]


def short(term: Identifier | None, tags: bool = True) -> str:
    """A term as SPARQL text that can be pasted back into a query: `prefix:name` when a project
    prefix fits and the rest is a plain local name (`id:harbin`; `id:document/x` is not valid SPARQL,
    so it stays `<https://…/document/x>`), else `<IRI>`; literals quoted and escaped, with `@lang`
    (unless tags is false) or `^^datatype` (integers bare); empty for an unbound term."""
    if term is not None and not isinstance(term, URIRef | BNode | Literal):
        return str(term)
    return render.short(view(term), tags)


def to_csv(answer: Answer) -> bytes:
    """W3C SPARQL 1.1 CSV: variable names, then lexical values (IRIs in full), CRLF lines."""
    return render.to_csv(answer.variables, views(answer))


def to_tsv(answer: Answer) -> bytes:
    """W3C SPARQL 1.1 TSV: ?variables, then terms in Turtle/N-Triples syntax."""
    return render.to_tsv(answer.variables, views(answer))


def to_json(answer: Answer) -> bytes:
    """W3C SPARQL 1.1 JSON results (SELECT bindings, or the ASK boolean)."""
    if answer.form == "ASK":
        return render.to_json([], [], bool(answer.boolean))
    return render.to_json(answer.variables, views(answer))


def to_markdown(answer: Answer) -> bytes:
    """A GitHub-flavoured Markdown table of terms as SPARQL text (prefixed IRIs, quoted literals)."""
    return render.to_markdown(answer.variables, views(answer))


def to_turtle(answer: Answer) -> bytes:
    """A CONSTRUCT or DESCRIBE answer as sorted, prefixed Turtle."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in answer.graph or ():
        graph.add(triple)
    return graph.serialize(format="turtle", encoding="utf-8")


WRITERS = {"csv": to_csv, "tsv": to_tsv, "json": to_json, "md": to_markdown}
