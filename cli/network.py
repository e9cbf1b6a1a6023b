"""`amurkg stats`, `central`, `path`, `neighbors`: network questions over the entities and the relations
the documents and catalog state (networkx, see amurkg.analysis.network)."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from amurkg.errors import InputError

from .common import RootOption, err, fail, layout_of, out, reported, write_stdout

if TYPE_CHECKING:  # networkx and the analytics load only for the commands that use them
    import networkx as nx

    from amurkg.store.resolve import EntityIndex

OUTPUT_FORMATS = ("table", "json", "csv")
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table (default), json or csv.")]


def _check_format(fmt: str) -> str:
    fmt = fmt.strip().lower()
    if fmt not in OUTPUT_FORMATS:
        fail([f"--format: unknown output format {fmt!r}; expected one of {', '.join(OUTPUT_FORMATS)}"])
    return fmt


def _load(root) -> tuple[object, nx.MultiDiGraph]:
    from amurkg.analysis.network import build_network
    from amurkg.store.loading import load_built_graph

    layout = layout_of(root)
    err.print(f"[dim]reading {layout.shown(layout.turtle)}[/dim]", highlight=False)
    graph = load_built_graph(layout)
    return graph, build_network(graph)


def _node(network: nx.MultiDiGraph, index: EntityIndex, name: str) -> str:
    from amurkg.store.resolve import EntityIndex

    slug = EntityIndex.slug(index.resolve(name))
    if slug not in network:
        raise InputError.one("entity", f"{name!r} ({slug}) takes part in no stated relation")
    return slug


def _csv_text(columns: tuple[str, ...], rows: list[dict], section: str | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow((["section"] if section is not None else []) + list(columns))
    for row in rows:
        writer.writerow(([section] if section is not None else []) + [row.get(c, "") for c in columns])
    return buffer.getvalue()


def _table(title: str | None, columns: tuple[str, ...], rows: list[dict]) -> Table:
    table = Table(title=title, show_edge=False)
    for column in columns:
        numeric = bool(rows) and all(isinstance(r.get(column), (int, float)) for r in rows)
        table.add_column(column, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(escape(str(row.get(c, ""))) for c in columns))
    return table


def _emit(fmt: str, columns: tuple[str, ...], rows: list[dict], title: str | None = None) -> None:
    if fmt == "json":
        write_stdout(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        write_stdout(_csv_text(columns, rows))
    else:
        out.print(_table(title, columns, rows))


def stats_command(format: FormatOption = "table", root: RootOption = None) -> None:
    """Counts per class and predicate, label languages per entity, documents per entity, connected
    components and degree distribution of the network of stated relations."""
    from amurkg.analysis import analytics

    fmt = _check_format(format)
    with reported():
        _, network = _load(root)
        sections = analytics.stats(network)
    if fmt == "json":
        write_stdout(json.dumps({s.name: s.rows for s in sections}, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        for number, section in enumerate(sections):
            write_stdout(("\n" if number else "") + _csv_text(section.columns, section.rows, section.name))
    else:
        for section in sections:
            out.print(_table(section.name, section.columns, section.rows))


def central_command(
    classes: Annotated[
        list[str] | None,
        typer.Option(
            "--class", help="Show only nodes of this class (repeatable); centrality is computed on the whole network."
        ),
    ] = None,
    by: Annotated[str, typer.Option("--by", help="degree (default), betweenness or pagerank.")] = "degree",
    top: Annotated[int, typer.Option("--top", help="How many to show.", min=1)] = 10,
    format: FormatOption = "table",
    root: RootOption = None,
) -> None:
    """The most central actors of the network of stated relations."""
    from amurkg.analysis import analytics
    from amurkg.exports.selection import CLASSES, parse_names

    fmt = _check_format(format)
    if by not in analytics.MEASURES:
        fail([f"--by: unknown measure {by!r}; expected one of {', '.join(analytics.MEASURES)}"])
    with reported():
        chosen = parse_names(classes or [], CLASSES, "class")
        _, network = _load(root)
        rows = analytics.centrality(network, by, chosen, top)
    _emit(fmt, ("rank", "slug", "label", "class", by, "degree"), rows, f"Most central by {by}")


def path_command(
    source: Annotated[str, typer.Argument(help="An entity: slug or label in any language (harbin, 哈尔滨, Харбин).")],
    target: Annotated[str, typer.Argument(help="Another entity.")],
    format: FormatOption = "table",
    root: RootOption = None,
) -> None:
    """The shortest path between two entities over stated relations (either direction), each hop
    with its predicate and direction and the quote that backs it (document id and passage, or catalog)."""
    from amurkg.analysis import analytics
    from amurkg.store.resolve import EntityIndex

    fmt = _check_format(format)
    with reported():
        graph, network = _load(root)
        index = EntityIndex(graph)
        start, end = _node(network, index, source), _node(network, index, target)
        path = analytics.shortest_path(network, start, end)
        if path is None:
            raise InputError.one("path", f"{start} and {end} are not connected by stated relations")
        rows = analytics.hops(network, path)
    if fmt == "json":
        write_stdout(
            json.dumps({"from": start, "to": end, "path": path, "hops": rows}, ensure_ascii=False, indent=1) + "\n"
        )
        return
    columns = ("hop", "from", "relation", "to", "document", "quote", "evidence")
    if fmt == "csv":
        write_stdout(_csv_text(columns, rows))
        return
    labels = {n: network.nodes[n]["label"] for n in path}
    out.print(
        f"[bold]{escape(labels[start])}[/bold] → [bold]{escape(labels[end])}[/bold]: "
        f"{len(path) - 1} hop(s) via {' · '.join(escape(n) for n in path)}",
        highlight=False,
    )
    for row in rows:
        out.print(
            f"{row['hop']}. {escape(row['from'])} [cyan]{escape(row['relation'])}[/cyan] {escape(row['to'])}",
            highlight=False,
        )
        more = f" (+{row['evidence'] - 1} more)" if row["evidence"] > 1 else ""
        if row["quote"]:
            out.print(
                f"   [dim]{escape(row['document'])}:[/dim] “{escape(' '.join(row['quote'].split()))}”{more}",
                highlight=False,
            )
        else:
            out.print(f"   [dim]{escape(row['document'] or 'no evidence')}[/dim]{more}", highlight=False)


def neighbors_command(
    entity: Annotated[str, typer.Argument(help="An entity: slug or label in any language.")],
    depth: Annotated[int, typer.Option("--depth", help="How many links away.", min=1)] = 1,
    format: FormatOption = "table",
    root: RootOption = None,
) -> None:
    """The entities within --depth stated relations of an entity, with the relations that reach them."""
    from amurkg.analysis import analytics
    from amurkg.store.resolve import EntityIndex

    fmt = _check_format(format)
    with reported():
        graph, network = _load(root)
        centre = _node(network, EntityIndex(graph), entity)
        rows = analytics.neighbors(network, centre, depth)
    _emit(
        fmt,
        ("depth", "slug", "label", "class", "via", "relations"),
        rows,
        f"Neighbours of {network.nodes[centre]['label']} (depth {depth})",
    )
