"""A query's answer, whatever store gave it, and its output formats.

csv, tsv and json follow the W3C SPARQL 1.1 Query Results formats; md is a Markdown table;
CONSTRUCT and DESCRIBE answers are Turtle. Every format is deterministic: the same answer gives the
same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from amurkg.namespaces import PREFIXES, bind_prefixes

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


_PN_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)
_PN_CHARS = _PN_BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
#: A local name that needs no escape after `prefix:` (SPARQL PN_LOCAL without `:`, `%` or `\`).
PLAIN_LOCAL = re.compile(f"[{_PN_BASE}_0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?")


def short(term: Identifier | None, tags: bool = True) -> str:
    """A term as SPARQL text that can be pasted back into a query: `prefix:name` when a project
    prefix fits and the rest is a plain local name (`id:harbin`; `id:document/x` is not valid SPARQL,
    so it stays `<https://…/document/x>`), else `<IRI>`; literals quoted and escaped, with `@lang`
    (unless tags is false) or `^^datatype` (integers bare); empty for an unbound term."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in PREFIXES.items():
            local = text[len(str(namespace)) :]
            if text.startswith(str(namespace)) and PLAIN_LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        quoted = _tsv_term(term)
        if term.datatype and term.datatype != XSD.string and quoted.endswith(f"^^<{term.datatype}>"):
            return quoted[: -len(f"<{term.datatype}>")] + short(term.datatype)
        if term.language and not tags:
            return quoted[: -len(f"@{term.language}")]
        return quoted
    return str(term)


def _tsv_term(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)  # the only other kind of term in an answer
    text = (
        str(term)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype == XSD.integer and re.fullmatch(r"[+-]?\d+", text):
        return text
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)  # the only other kind of term in an answer
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        value["datatype"] = str(term.datatype)
    return value


def to_csv(answer: Answer) -> bytes:
    """W3C SPARQL 1.1 CSV: variable names, then lexical values (IRIs in full), CRLF lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(answer.variables)
    for row in answer.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buffer.getvalue().encode()


def to_tsv(answer: Answer) -> bytes:
    """W3C SPARQL 1.1 TSV: ?variables, then terms in Turtle/N-Triples syntax."""
    lines = ["\t".join("?" + v for v in answer.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in answer.rows]
    return ("\n".join(lines) + "\n").encode()


def to_json(answer: Answer) -> bytes:
    """W3C SPARQL 1.1 JSON results (SELECT bindings, or the ASK boolean)."""
    if answer.form == "ASK":
        document: dict = {"head": {}, "boolean": bool(answer.boolean)}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(answer.variables, row) if t is not None} for row in answer.rows]
        document = {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def to_markdown(answer: Answer) -> bytes:
    """A GitHub-flavoured Markdown table of terms as SPARQL text (prefixed IRIs, quoted literals)."""

    def cell(term: Identifier | None) -> str:
        return short(term).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(answer.variables) + " |", "|" + "---|" * len(answer.variables)]
    lines += ["| " + " | ".join(cell(t) for t in row) + " |" for row in answer.rows]
    return ("\n".join(lines) + "\n").encode()


def to_turtle(answer: Answer) -> bytes:
    """A CONSTRUCT or DESCRIBE answer as sorted, prefixed Turtle."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in answer.graph or ():
        graph.add(triple)
    return graph.serialize(format="turtle", encoding="utf-8")


WRITERS = {"csv": to_csv, "tsv": to_tsv, "json": to_json, "md": to_markdown}
