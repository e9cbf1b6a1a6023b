"""`amurkg query` and `amurkg push`: SPARQL over the built graph, an Oxigraph store or a server."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from amurkg.errors import InputError
from amurkg.layout import Layout
from amurkg.sanitize import terminal_safe
from amurkg.store.answers import WRITERS, Answer, to_json, to_turtle, views
from amurkg.store.named_queries import library, named, parse_assignments
from amurkg.store.querying import open_store, run_query
from amurkg.store.stores import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, QueryFailed

from .common import RootOption, err, fail, layout_of, out, reported, write_stdout
from .console import answer_table

EXIT_FAILED = 3


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    md = "md"


class Lang(str, Enum):
    en = "en"
    zh = "zh"
    ja = "ja"
    ru = "ru"


def query_command(
    query: Annotated[
        str | None,
        typer.Argument(
            help="A SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE). "
            "The project prefixes (ak:, id:, rdfs:, skos:, dcterms:, geo:, "
            "…) are declared for you.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.", dir_okay=False)
    ] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Run a query of the library (see --list).")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="key=value: bind ?key as an RDF term. Entities may be named by slug or any label "
            "in any language (harbin, 哈尔滨, Харбин). Repeatable.",
        ),
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List the named queries, their descriptions and parameters.")
    ] = False,
    format_: Annotated[
        Format,
        typer.Option(
            "--format",
            help="table (for reading), csv / tsv / json (W3C SPARQL "
            "results formats) or md. CONSTRUCT and DESCRIBE "
            "print Turtle.",
        ),
    ] = Format.table,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of the ?x_label columns (English is the fallback).")
    ] = Lang.en,
    store: Annotated[
        str,
        typer.Option(
            "--store",
            help="embedded (the built graph, cached under .cache/), "
            "oxigraph or oxigraph:PATH (a persistent Oxigraph "
            "store, default .cache/oxigraph).",
        ),
    ] = "embedded",
    endpoint: Annotated[
        str | None,
        typer.Option(
            "--endpoint",
            help="Query a remote SPARQL 1.1 endpoint "
            "instead (e.g. http://host:7878/query). Credentials come "
            "from $AMURKG_USER / $AMURKG_PASSWORD.",
        ),
    ] = None,
    graph: Annotated[
        str | None, typer.Option("--graph", help="With --endpoint: query this named graph (default-graph-uri).")
    ] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help="Give up on the query after this many seconds (0: no limit).", min=0),
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[
        float,
        typer.Option(
            "--max-memory",
            help="Give up when the answer takes more than this many MB of memory (0: no limit).",
            min=0,
        ),
    ] = DEFAULT_MEMORY_MB,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Allow SERVICE clauses (federated queries): the store then sends requests to the "
            "addresses they name. Refused without this flag, on every store.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the answer to this file (atomically) instead of standard output.",
            dir_okay=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    """Ask the graph a SPARQL question.

    \b
    amurkg query 'SELECT ?city ?city_label WHERE { ?city a ak:City }' --lang ru
    amurkg query --name parks-of-city --param city=哈尔滨 --format csv
    amurkg query --list

    A column ?x_label that the WHERE clause leaves unbound is filled with ?x's label in the --lang
    language (English as fallback). Queries are read-only, and SERVICE (which makes the store send
    requests over the network) is refused unless --allow-service. A query stops after --timeout
    (default 60 s) or when its answer outgrows --max-memory (default 2048 MB). Exit status: 0 done
    (ASK: true), 1 ASK false, 2 bad input (syntax error, update or SERVICE refused, unknown name),
    3 the store could not answer (timeout, memory bound, connection refused, HTTP error).
    """
    sources = [s for s in (query, file, name) if s is not None]
    if list_:
        if sources:
            fail(["--list takes no query"])
        _print_library()
        return
    if len(sources) != 1:
        fail(["give exactly one of: a query, --file FILE, --name NAME (or --list)"])
    layout = layout_of(root)
    progress = lambda message: err.print(f"[dim]{message}[/dim]", highlight=False)  # noqa: E731
    with reported():
        params = parse_assignments(param or [])
        chosen = named(name) if name else None
        if file is not None:
            if not file.is_file():
                fail([f"{file}: no such file"])
            try:
                text, source = file.read_text(encoding="utf-8"), str(file)
            except UnicodeDecodeError as exc:
                fail([f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})"])
        elif chosen is not None:
            text, source = chosen.text, layout.shown(chosen.path)
        else:
            text, source = query or "", "query"
        try:
            chosen_store = open_store(layout, store, endpoint, graph, timeout or None, progress)
            answer = run_query(
                chosen_store,
                text,
                named=chosen,
                params=params,
                lang=lang.value,
                timeout=timeout or None,
                source=source,
                max_memory_mb=max_memory or None,
                allow_service=allow_service,
            )
        except QueryFailed as exc:
            fail([str(exc)], EXIT_FAILED)
    _emit(answer, format_, output)
    if answer.form == "ASK" and not answer.boolean:
        raise typer.Exit(1)


def _emit(answer: Answer, format_: Format, output: Path | None) -> None:
    if answer.form in ("CONSTRUCT", "DESCRIBE"):
        data = to_turtle(answer)
    elif answer.form == "ASK":
        data = to_json(answer) if format_ is Format.json else (b"true\n" if answer.boolean else b"false\n")
    elif format_ is Format.table:
        if output is None:
            out.print(answer_table(answer.variables, views(answer)))
            err.print(f"[dim]{len(answer.rows)} row(s)[/dim]", highlight=False)
            return
        data = WRITERS["md"](answer)
    else:
        data = WRITERS[format_.value](answer)
    if output is not None:
        from amurkg.pipeline.serialize import write_atomically

        write_atomically(output, data)
    else:
        write_stdout(data)


def _print_library() -> None:
    with reported():
        queries = library()
    table = Table(show_edge=False, header_style="bold")
    table.add_column("name", no_wrap=True)
    table.add_column("what it answers", ratio=3)
    table.add_column("parameters (kind, default)", ratio=2, overflow="fold")
    for query in queries.values():
        params = "\n".join(f"{p.name} ({p.kind}{', ' + p.default if p.default else ''})" for p in query.parameters)
        table.add_row(query.name, Text(terminal_safe(query.title)), Text(terminal_safe(params or "—")))
    out.print(table)


def push_command(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            help="The Graph Store Protocol service of the server, "
            "e.g. http://host:7878/store (Oxigraph) or "
            "http://host:3030/ds/data (Fuseki).",
        ),
    ],
    graph: Annotated[
        str | None, typer.Option("--graph", help="Load into this named graph (default: the default graph).")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace the graph's content (HTTP PUT) instead of adding to it (HTTP POST)."),
    ] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the server.", min=0.001)] = 300,
    shards: Annotated[
        bool,
        typer.Option(
            "--shards", help="Send the build's shards instead, each into its own named graph (HTTP PUT, replacing it)."
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    """Load the built graph (exports/amurkg.ttl) into a SPARQL server with the SPARQL 1.1 Graph Store
    Protocol; with --shards, one named graph per document (and the ontology, catalog, relations and
    co-mentions) from .cache/shards/. Credentials, if the server needs them, come from $AMURKG_USER
    and $AMURKG_PASSWORD (HTTP Basic), never from the command line."""
    from amurkg.store.remote import checked_url, push

    layout = layout_of(root)
    if shards:
        _push_shards(layout, endpoint, graph, timeout)
        return
    with reported():
        checked_url(endpoint)
        if not layout.turtle.is_file():
            raise InputError.one(layout.shown(layout.turtle), "no built graph; run `amurkg build` first")
        data = layout.turtle.read_bytes()
        target = f"graph <{graph}>" if graph else "the default graph"
        err.print(
            f"[dim]{'replacing' if replace else 'adding to'} {target} at {endpoint}: "
            f"{layout.shown(layout.turtle)}, {len(data):,} bytes[/dim]",
            highlight=False,
            soft_wrap=True,
        )
        try:
            status = push(endpoint, data, graph, replace, timeout)
        except QueryFailed as exc:
            fail([str(exc)], EXIT_FAILED)
    out.print(
        f"Pushed {layout.shown(layout.turtle)} to {target} at {endpoint} (HTTP {status})",
        highlight=False,
        soft_wrap=True,
    )


def _push_shards(layout: Layout, endpoint: str, graph: str | None, timeout: float) -> None:
    from amurkg.pipeline.shards import ShardFolder
    from amurkg.store.remote import checked_url, push_shards

    folder = ShardFolder(layout.cache / "shards")
    with reported():
        checked_url(endpoint)
        if graph:
            raise InputError.one("--graph", "--shards puts each shard into its own named graph; leave --graph out")
        files = list(folder.files())
        missing = [path for _, path in files if not path.is_file()]
        if not files or missing:
            raise InputError.one(
                layout.shown(missing[0] if missing else folder.folder), "no shards of a build; run `amurkg build` first"
            )
        err.print(f"[dim]putting {len(files)} shards into named graphs at {endpoint}[/dim]", highlight=False)
        try:
            sent = push_shards(endpoint, files, timeout, lambda line: err.print(f"[dim]{line}[/dim]", highlight=False))
        except QueryFailed as exc:
            fail([str(exc)], EXIT_FAILED)
    out.print(f"Pushed {len(files)} shards ({sent:,} triples) to {endpoint}", highlight=False, soft_wrap=True)
