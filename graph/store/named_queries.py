"""The named-query library (graph/queries/*.rq) and the binding of parameters to RDF terms.

Each file starts with a header comment:

    # title: Parks of a city and their target industries
    # description: The parks and zones located in a city, with the industries each one targets.
    # param city (entity, default harbin): the city, by slug or any label in any language

Parameter kinds: entity (a slug or any label: "harbin", "哈尔滨", "Харбин"), document (a document id,
slug or title), predicate (`ak:targetsIndustry`, `targetsIndustry`, or a full IRI), string, integer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from amurkg.errors import InputError
from amurkg.prefixes import PREFIX_IRIS

if TYPE_CHECKING:  # rdflib and the resolver (catalog, text folding) are imported only to bind parameters
    from rdflib import Graph, URIRef
    from rdflib.term import Identifier

    from amurkg.store.resolve import EntityIndex

QUERIES = Path(__file__).resolve().parent / "queries"
KINDS = ("entity", "document", "predicate", "string", "integer")
_PARAM = re.compile(r"param\s+(\w+)\s*\((\w+)(?:,\s*default\s+([^)]+?))?\)\s*:\s*(.*)")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    default: str | None
    help: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    path: Path
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)


def parse_named_query(path: Path) -> NamedQuery:
    """A library file: its header comment and its query text."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    parameters = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        if body.startswith("param "):
            match = _PARAM.fullmatch(body)
            if not match or match.group(2) not in KINDS:
                raise InputError.one(str(path), f"bad parameter line (kinds: {', '.join(KINDS)})", line=number)
            parameters.append(Parameter(match.group(1), match.group(2), match.group(3), match.group(4)))
        elif ":" in body:
            key, value = body.split(":", 1)
            fields[key.strip().lower()] = value.strip()
    for required in ("title", "description"):
        if required not in fields:
            raise InputError.one(str(path), f"the header comment has no {required}: line", line=1)
    return NamedQuery(path.stem, fields["title"], fields["description"], text, path, tuple(parameters))


@cache
def library(folder: Path = QUERIES) -> dict[str, NamedQuery]:
    """Every named query, by name (the file name without .rq)."""
    return {path.stem: parse_named_query(path) for path in sorted(folder.glob("*.rq"))}


def named(name: str) -> NamedQuery:
    queries = library()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `amurkg query --list`"
        raise InputError.one("--name", f"no named query {name!r}{hint}")
    return queries[name]


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """`key=value` strings → dict; InputError on a malformed one."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key.strip()):
            raise InputError.one("--param", f"{pair!r} is not key=value (a variable name, =, a value)")
        values[key.strip()] = value.strip()
    return values


def predicate_iri(value: str) -> str:
    """The IRI a predicate parameter names: `<IRI>`, an http(s) IRI, `prefix:name` or an ak: local name."""
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if re.match(r"https?://", value):
        return value
    prefix, sep, local = value.partition(":")
    if sep:
        if prefix not in PREFIX_IRIS:
            raise InputError.one("--param", f"unknown prefix {prefix}: in {value!r}")
        return PREFIX_IRIS[prefix] + local
    if not re.fullmatch(r"[A-Za-z_][\w\-]*", value):
        raise InputError.one("--param", f"{value!r} is not a predicate")
    return PREFIX_IRIS["ak"] + value


def predicate_term(value: str) -> URIRef:
    from rdflib import URIRef

    return URIRef(predicate_iri(value))


def _document(index: EntityIndex, value: str) -> URIRef:
    if not value.startswith("document/") and f"document/{value}" in index.by_slug:
        return index.by_slug[f"document/{value}"]
    node = index.resolve(value)
    if not index.slug(node).startswith("document/"):
        raise InputError.one("--param", f"{value!r} names {index.slug(node)}, which is not a document")
    return node


def term_for(kind: str, value: str, index: Callable[[], EntityIndex], name: str) -> Identifier:
    """The RDF term a parameter value denotes."""
    from rdflib import Literal

    try:
        if kind == "entity":
            return index().resolve(value)
        if kind == "document":
            return _document(index(), value)
        if kind == "predicate":
            return predicate_term(value)
        if kind == "integer":
            try:
                return Literal(int(value))
            except ValueError:
                raise InputError.one("--param", f"{value!r} is not an integer") from None
        return Literal(value)
    except InputError as exc:
        raise InputError.one(f"--param {name}", "; ".join(p.message for p in exc.problems)) from None


def guess_term(value: str, index: Callable[[], EntityIndex], name: str) -> Identifier:
    """A parameter of an ad-hoc query: <IRI> or prefix:name → IRI; "text" or "text"@lang → literal;
    an integer → xsd:integer; anything else names an entity (slug or label)."""
    from rdflib import Literal

    if value.startswith("<") and value.endswith(">") or re.match(r"https?://", value):
        return predicate_term(value)
    quoted = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?', value, re.DOTALL)
    if quoted:
        return Literal(quoted.group(1), lang=quoted.group(2))
    if re.fullmatch(r"[+-]?\d+", value):
        return Literal(int(value))
    prefix, sep, _ = value.partition(":")
    if sep and prefix in PREFIX_IRIS:
        return predicate_term(value)
    return term_for("entity", value, index, name)


_SLUG = re.compile(r"[a-z0-9][a-z0-9\-]*(?:/[a-z0-9][a-z0-9\-]*)?")


def known_slug(kind: str, value: str, exists: Callable[[str], bool]) -> str | None:
    """The IRI of an entity or document parameter given by a slug the store has (`exists`), else None
    (the value is then resolved as a label)."""
    if kind not in ("entity", "document") or not _SLUG.fullmatch(value):
        return None
    for slug in (f"document/{value}", value) if kind == "document" and "/" not in value else (value,):
        if (kind == "entity" or slug.startswith("document/")) and exists(PREFIX_IRIS["id"] + slug):
            return PREFIX_IRIS["id"] + slug
    return None


def bind(
    query: NamedQuery | None,
    given: Mapping[str, str],
    graph: Callable[[], Graph],
    exists: Callable[[URIRef], bool] | None = None,
) -> dict[str, Identifier]:
    """Terms for the parameters: declared ones (with defaults) of a named query, or guessed ones of an
    ad-hoc query. Names are resolved against the store's own entities; a slug the store has is taken
    as it is (`exists`), without reading every label of a large store."""
    from rdflib import URIRef

    holder: dict[str, EntityIndex] = {}

    def index() -> EntityIndex:
        if "index" not in holder:
            from amurkg.store.resolve import EntityIndex

            holder["index"] = EntityIndex(graph())
        return holder["index"]

    def known(kind: str, value: str) -> URIRef | None:
        if exists is None:
            return None
        iri = known_slug(kind, value, lambda iri: exists(URIRef(iri)))
        return URIRef(iri) if iri else None

    if query is None:
        return {name: guess_term(value, index, name) for name, value in given.items()}
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        names = ", ".join(declared) or "none"
        raise InputError.one("--param", f"{query.name} has no parameter {', '.join(unknown)} (its parameters: {names})")
    terms: dict[str, Identifier] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            raise InputError.one("--param", f"{query.name} needs --param {parameter.name}=… ({parameter.help})")
        terms[parameter.name] = known(parameter.kind, value) or term_for(parameter.kind, value, index, parameter.name)
    return terms
