"""The fast path of `amurkg query --name NAME`: a named query answered by an Oxigraph store without
importing typer, rdflib or the pipeline, so that a warm query takes little more than the engine.

`answer(args)` handles only what it can answer exactly as the full command does (same bytes on
standard output and standard error, same exit status):

- the options --name/-n, --param/-p, --format, --lang, --store, --root, --timeout and --max-memory
  (`--opt value` or `--opt=value`, each at most once but --param);
- a SELECT named query whose entity and document parameters are slugs the store has (names given by
  a label need the resolver, which needs rdflib);
- `--store oxigraph[:PATH]` when the store needs no (re)loading, and the default embedded store when
  the build's Oxigraph store (.cache/oxigraph) holds the current exports/amurkg.ttl (its marker keeps
  the Turtle's SHA-256): the same triples, and the tests check that every named query answers the
  same there as on the rdflib graph;
- answers whose literals rdflib would keep as they are (it rewrites some lexical forms: `+5`, `1e3`).

For anything else it returns None before printing anything, and the full command (`amurkg.cli.main`)
runs instead: --help, other options, errors (one line, exit status 2), loading a store, CONSTRUCT.
Only a store that fails or times out while answering is reported here, as the full command reports it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from amurkg.prefixes import PREFIX_IRIS, XSD_INTEGER, XSD_STRING

FORMATS = ("table", "csv", "tsv", "json", "md")
LANGUAGES = ("en", "zh", "ja", "ru")
OPTIONS = {
    "--name": "name",
    "-n": "name",
    "--param": "param",
    "-p": "param",
    "--format": "format",
    "--lang": "lang",
    "--store": "store",
    "--root": "root",
    "--timeout": "timeout",
    "--max-memory": "max_memory",
}
EXIT_FAILED = 3  # the store could not answer (as cli/query.py)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
XSD = PREFIX_IRIS["xsd"]
RDF = PREFIX_IRIS["rdf"]
#: Lexical forms rdflib keeps as they are when it makes a Literal of them (tests/test_query_cli.py checks it).
KEPT = {
    XSD_INTEGER: re.compile(r"0|-?[1-9][0-9]*"),
    XSD + "decimal": re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
    XSD + "gYear": re.compile(r"-?[0-9]{4}"),
    XSD + "boolean": re.compile(r"true|false"),
}


class Fallback(Exception):
    """The full command answers instead (nothing has been printed)."""


class Term:
    """A term of a VALUES block, in the N-Triples form rdflib's n3() gives."""

    def __init__(self, text: str):
        self.text = text

    def n3(self) -> str:
        return self.text


def parse(args: Sequence[str]) -> dict[str, Any] | None:
    """The options of `amurkg query` the fast path knows, or None."""
    options: dict[str, Any] = {"param": []}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--") and "=" in arg:
            key, value = arg.split("=", 1)
            i += 1
        elif i + 1 < len(args):
            key, value = arg, args[i + 1]
            i += 2
        else:
            return None
        field = OPTIONS.get(key)
        if field is None or value.startswith("-") or not value:
            return None
        if field == "param":
            options["param"].append(value)
        elif field in options:
            return None
        else:
            options[field] = value
    if "name" not in options or options.get("format", "table") not in FORMATS:
        return None
    if options.get("lang", "en") not in LANGUAGES:
        return None
    for field in ("timeout", "max_memory"):
        if field in options and not _NUMBER.fullmatch(options[field]):
            return None
    return options


def answer(args: Sequence[str]) -> int | None:
    """Answer `amurkg query ARGS` and return the exit status, or None when the full command must."""
    options = parse(args)
    if options is None:
        return None
    try:
        return _answer(options)
    except Fallback:
        pass
    import gc

    gc.collect()  # close a store this path opened (a failed query's traceback holds it in a cycle)
    return None


def _answer(options: dict[str, Any]) -> int:
    from amurkg.errors import InputError
    from amurkg.layout import find_layout
    from amurkg.store.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, QueryFailed, within
    from amurkg.store.named_queries import library, parse_assignments
    from amurkg.store.sparql import prologue_for, query_form, string_n3, used_bindings, with_labels, with_values

    root = Path(options["root"]) if "root" in options else None
    if root is not None and root.exists() and not root.is_dir():
        raise Fallback
    layout = find_layout(root)
    queries = library()
    if options["name"] not in queries:
        raise Fallback
    query = queries[options["name"]]
    if query_form(query.text) != "SELECT":
        raise Fallback
    try:
        params = parse_assignments(options["param"])
    except InputError:
        raise Fallback from None
    lang = options.get("lang", "en")
    store, union, description = open_store(layout, options.get("store", "embedded"))

    def ask(iri: str) -> bool:
        text = with_values("ASK { ?e a ?class }", {"e": Term(f"<{iri}>")})
        return bool(store.query(text, use_default_graph_as_union=union))

    terms = bind(query, params, ask)
    prepared = prologue_for(query.text) + with_labels(query.text, lang)
    text = with_values(prepared, used_bindings(prepared, terms, lang, Term(string_n3(lang))))
    timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
    max_memory = float(options.get("max_memory", DEFAULT_MEMORY_MB))
    embedded = description == "embedded"

    def work() -> tuple[list[str], list[list[Any]]]:
        from amurkg.store.limits import collect

        try:
            result: Any = store.query(text, use_default_graph_as_union=union)
            names = [v.value for v in result.variables]
            return names, [[view(solution[n]) for n in names] for solution in collect(result)]
        except Fallback:
            raise
        except Exception as exc:  # noqa: BLE001 - an engine's own failure, told in one line
            if embedded:  # the embedded store's own message is rdflib's
                raise Fallback from None
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise QueryFailed(f"{description} could not answer: {message}") from None

    try:
        names, rows = within(timeout or None, work, max_memory or None)
    except QueryFailed as exc:
        from amurkg.cli.console import error_line

        error_line(str(exc))
        return EXIT_FAILED
    try:
        emit(names, rows, options.get("format", "table"))
    except OSError as exc:  # a closed pipe, a full disk: one line, as the full command's error boundary
        from amurkg.cli.console import error_line
        from amurkg.cli.output import os_error_line

        error_line(os_error_line(exc))
        return 2
    return 0


def open_store(layout: Any, choice: str) -> tuple[Any, bool, str]:
    """(pyoxigraph store, query the union of its named graphs, description) for --store, or Fallback."""
    kind, _, path = choice.partition(":")
    if kind in ("embedded", "rdflib") and not path:
        folder = layout.cache / "oxigraph"
        if not layout.turtle.is_file() or not _holds(folder, layout.turtle):
            raise Fallback
        description = "embedded"
    elif kind == "oxigraph":
        folder = Path(path) if path else layout.cache / "oxigraph"
        if not folder.is_dir() or (layout.turtle.is_file() and not _holds(folder, layout.turtle)):
            raise Fallback
        description = f"oxigraph:{layout.shown(folder)}"
    else:
        raise Fallback
    import pyoxigraph as ox

    from amurkg.store import SHARDS_MARKER

    try:  # read-only: half the time of opening for writing, and a query writes nothing
        store = ox.Store.read_only(str(folder))
    except Exception:  # noqa: BLE001 - OSError, or RuntimeError while a writer compacts: the full command opens it
        raise Fallback from None
    if next(iter(store.quads_for_pattern(None, None, None)), None) is None:
        del store
        raise Fallback  # an empty store is loaded (or its error told) by the full command
    return store, (folder / SHARDS_MARKER).is_file(), description


def _holds(folder: Path, turtle: Path) -> bool:
    """Whether the store's marker says it holds the Turtle file as it is now: the Turtle's size and
    mtime are those it recorded, or its SHA-256 is (the stamp is then recorded, as
    stores.OxigraphStore does). A store without a marker (filled by other means, or being loaded by a
    build, which removes the marker first) is left to the full command."""
    from amurkg.store import SOURCE_MARKER

    marker = folder / SOURCE_MARKER
    recorded = marker.read_text().split() if marker.is_file() else []
    if not recorded:
        return False
    stat = turtle.stat()
    stamp = [str(stat.st_size), str(stat.st_mtime_ns)]
    if recorded[1:] == stamp:
        return True
    import hashlib

    current = hashlib.sha256(turtle.read_bytes()).hexdigest()
    if current != recorded[0]:
        return False
    import os

    partial = marker.with_name(f".{marker.name}.{os.getpid()}.tmp")
    try:  # atomically, as pipeline.serialize.write_atomically (which would import the pipeline)
        partial.write_text(f"{current}\n{' '.join(stamp)}\n")
        os.replace(partial, marker)
    except OSError:  # a read-only store folder: hashed again next time
        partial.unlink(missing_ok=True)
    return True


def bind(query: Any, given: dict[str, str], exists: Callable[[str], bool]) -> dict[str, Term]:
    """The terms of the parameters as `named_queries.bind` makes them, or Fallback where it would
    resolve a label or report a problem."""
    from amurkg.errors import InputError
    from amurkg.store.named_queries import known_slug, predicate_iri
    from amurkg.store.sparql import string_n3

    declared = {p.name for p in query.parameters}
    if set(given) - declared:
        raise Fallback
    terms: dict[str, Term] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            raise Fallback
        if parameter.kind in ("entity", "document"):
            iri = known_slug(parameter.kind, value, exists)
            if iri is None:
                raise Fallback
            terms[parameter.name] = Term(f"<{iri}>")
        elif parameter.kind == "predicate":
            try:
                iri = predicate_iri(value)
            except InputError:
                raise Fallback from None
            if not _IRI.fullmatch(iri):
                raise Fallback
            terms[parameter.name] = Term(f"<{iri}>")
        elif parameter.kind == "integer":
            try:
                number = int(value)
            except ValueError:
                raise Fallback from None
            terms[parameter.name] = Term(f'"{number}"^^<{XSD_INTEGER}>')
        else:
            terms[parameter.name] = Term(string_n3(value))
    return terms


def kept(lexical: str, datatype: str) -> bool:
    """Whether rdflib keeps this lexical form of a typed literal as it is (see KEPT); datatypes
    outside XSD and RDF have no rdflib conversion."""
    pattern = KEPT.get(datatype)
    if pattern is not None:
        return bool(pattern.fullmatch(lexical))
    return not datatype.startswith((XSD, RDF))


def view(term: Any) -> tuple[str, str, str | None, str | None] | None:
    """A pyoxigraph term as the view of `amurkg.store.render`, as the full path sees it through rdflib."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value, None, None)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value, None, None)
    if isinstance(term, ox.Literal):
        if term.language:
            return ("literal", term.value, term.language, None)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return ("literal", term.value, None, None)
        if not kept(term.value, datatype):
            raise Fallback
        return ("literal", term.value, None, datatype)
    raise Fallback  # a triple term


def emit(names: list[str], rows: list[list[Any]], format_: str) -> None:
    """The answer on standard output as `amurkg query` prints it (the table's row count on stderr)."""
    if format_ == "table":
        from amurkg.cli.console import answer_table, err, out

        out.print(answer_table(names, rows))
        err.print(f"[dim]{len(rows)} row(s)[/dim]", highlight=False)
        return
    from amurkg.cli.output import write_stdout
    from amurkg.store import render

    data = render.to_json(names, rows) if format_ == "json" else render.WRITERS[format_](names, rows)
    write_stdout(data, sys.stdout.isatty())
