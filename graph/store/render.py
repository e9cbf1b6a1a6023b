"""The output formats of an answer, written from plain term views, whatever library gave the terms.

A view is a tuple (kind, text, language, datatype): kind "iri", "bnode" or "literal"; text the IRI,
blank node id or lexical form; language the tag of a language-tagged literal; datatype the IRI of a
typed literal other than xsd:string (None for plain and language-tagged literals). `amurkg.store.answers`
makes views of rdflib terms, the command line's fast path (`amurkg.cli.fast`) of pyoxigraph terms, so
both print the same bytes. This module imports no RDF library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from amurkg.prefixes import PREFIX_IRIS, XSD_INTEGER

View = tuple[str, str, str | None, str | None]
ViewRow = Sequence[View | None]

_PN_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)
_PN_CHARS = _PN_BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
#: A local name that needs no escape after `prefix:` (SPARQL PN_LOCAL without `:`, `%` or `\`).
PLAIN_LOCAL_PATTERN = f"[{_PN_BASE}_0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"


@cache
def plain_local() -> re.Pattern[str]:
    """PLAIN_LOCAL_PATTERN compiled (when first needed: compiling its Unicode ranges takes milliseconds)."""
    return re.compile(PLAIN_LOCAL_PATTERN)


_INTEGER = re.compile(r"[+-]?\d+")


def short(view: View | None, tags: bool = True) -> str:
    """A term as SPARQL text that can be pasted back into a query (see `amurkg.store.answers.short`)."""
    if view is None:
        return ""
    kind, text, language, datatype = view
    if kind == "iri":
        for prefix, namespace in PREFIX_IRIS.items():
            local = text[len(namespace) :]
            if text.startswith(namespace) and plain_local().fullmatch(local):
                return f"{prefix}:{local}"
        return f"<{text}>"
    if kind == "bnode":
        return f"_:{text}"
    quoted = tsv_term(view)
    if datatype and quoted.endswith(f"^^<{datatype}>"):
        return quoted[: -len(f"<{datatype}>")] + short(("iri", datatype, None, None))
    if language and not tags:
        return quoted[: -len(f"@{language}")]
    return quoted


def tsv_term(view: View | None) -> str:
    """A term in Turtle / N-Triples syntax (integers bare)."""
    if view is None:
        return ""
    kind, text, language, datatype = view
    if kind == "iri":
        return f"<{text}>"
    if kind == "bnode":
        return f"_:{text}"
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if language:
        return f'"{text}"@{language}'
    if datatype == XSD_INTEGER and _INTEGER.fullmatch(text):
        return text
    if datatype:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def json_term(view: View) -> dict[str, str]:
    kind, text, language, datatype = view
    if kind == "iri":
        return {"type": "uri", "value": text}
    if kind == "bnode":
        return {"type": "bnode", "value": text}
    value: dict[str, str] = {"type": "literal", "value": text}
    if language:
        value["xml:lang"] = language
    elif datatype:
        value["datatype"] = datatype
    return value


def to_csv(variables: Sequence[str], rows: Sequence[ViewRow]) -> bytes:
    """W3C SPARQL 1.1 CSV: variable names, then lexical values (IRIs in full), CRLF lines."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if v is None else (f"_:{v[1]}" if v[0] == "bnode" else v[1]) for v in row])
    return buffer.getvalue().encode()


def to_tsv(variables: Sequence[str], rows: Sequence[ViewRow]) -> bytes:
    """W3C SPARQL 1.1 TSV: ?variables, then terms in Turtle/N-Triples syntax."""
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join(tsv_term(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def to_json(variables: Sequence[str], rows: Sequence[ViewRow], boolean: bool | None = None) -> bytes:
    """W3C SPARQL 1.1 JSON results: SELECT bindings, or the ASK boolean when `boolean` is given."""
    import json

    if boolean is not None:
        document: dict = {"head": {}, "boolean": boolean}
    else:
        bindings = [{name: json_term(v) for name, v in zip(variables, row) if v is not None} for row in rows]
        document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def to_markdown(variables: Sequence[str], rows: Sequence[ViewRow]) -> bytes:
    """A GitHub-flavoured Markdown table of terms as SPARQL text (prefixed IRIs, quoted literals)."""

    def cell(view: View | None) -> str:
        return short(view).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(variables) + " |", "|" + "---|" * len(variables)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return ("\n".join(lines) + "\n").encode()


WRITERS = {"csv": to_csv, "tsv": to_tsv, "md": to_markdown}
