"""`amurkg serve`: the built graph as a read-only SPARQL 1.1 endpoint with a query page."""

from __future__ import annotations

from typing import Annotated

import typer

from amurkg.store import DEFAULT_MAX_ROWS, DEFAULT_PORT, DEFAULT_TIMEOUT

from .common import RootOption, err, layout_of, out, reported


def serve_command(
    port: Annotated[int, typer.Option("--port", help="TCP port (0: any free port).", min=0, max=65535)] = DEFAULT_PORT,
    bind: Annotated[
        str,
        typer.Option(
            "--bind", help="Address to listen on. The default answers this machine only; another address warns."
        ),
    ] = "127.0.0.1",
    cors: Annotated[
        str | None,
        typer.Option(
            "--cors", help="Let pages from this origin (e.g. http://localhost:3000, or *) query the endpoint."
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Give up on a query after this many seconds.", min=0.001)
    ] = DEFAULT_TIMEOUT,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Refuse answers with more rows (or triples) than this.", min=1)
    ] = DEFAULT_MAX_ROWS,
    log: Annotated[bool, typer.Option("--log", help="Print one line per request.")] = False,
    root: RootOption = None,
) -> None:
    """Serve the built graph (exports/amurkg.ttl) over HTTP, read-only, until Ctrl+C.

    \b
    /sparql    SPARQL 1.1 Protocol: GET ?query=…, POST form or application/sparql-query;
               JSON, XML, CSV, TSV results, Turtle or N-Triples graphs (by Accept, or format=)
    /          a query page (works offline) with the named queries
    /viz /map /ontology   the pages of amurkg viz, map and ontology

    Queries are checked and prepared as `amurkg query` does them (project prefixes declared, ?x_label
    filled in, lang= picks the label language); updates are refused. The graph is read once at
    start: restart after `amurkg build`.
    """
    from amurkg.store.serve import is_loopback, start

    layout = layout_of(root)
    with reported():
        err.print(f"[dim]loading {layout.shown(layout.turtle)}…[/dim]", highlight=False)
        logger = (lambda line: err.print(line, highlight=False, markup=False)) if log else (lambda _: None)
        server = start(layout, bind=bind, port=port, cors=cors, timeout=timeout, max_rows=max_rows, log=logger)
    if not is_loopback(bind):
        err.print(
            f"[yellow]warning:[/yellow] listening on {bind}: other machines can query this graph "
            "(read-only; no authentication)",
            highlight=False,
        )
    out.print(
        f"Serving SPARQL at {server.url}/sparql — query page {server.url}/ (Ctrl+C stops)",
        highlight=False,
        soft_wrap=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    out.print("Stopped.", highlight=False)
