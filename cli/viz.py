"""`amurkg viz` and `amurkg map`: the built graph as an interactive network and as a map, each one
self-contained HTML file that works offline (map tiles excepted)."""

from __future__ import annotations

import webbrowser
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from amurkg.errors import InputError
from amurkg.pipeline.serialize import write_atomically
from amurkg.views import DEFAULT_LIMIT

from .common import RootOption, err, layout_of, out, reported


class Lang(str, Enum):
    en = "en"
    zh = "zh"
    ja = "ja"
    ru = "ru"


OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Where to write the HTML file.", dir_okay=False)]
OpenOption = Annotated[bool, typer.Option("--open", help="Open the page in the default web browser.")]
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of the labels drawn (English where missing).")]


def viz_command(
    out_path: OutOption = None,
    open_page: OpenOption = False,
    lang: LangOption = Lang.en,
    classes: Annotated[
        list[str] | None,
        typer.Option("--class", help="Show only entities of this class (repeatable): Park, City, Industry, …"),
    ] = None,
    predicates: Annotated[
        list[str] | None,
        typer.Option("--predicate", help="Show only links of this predicate (repeatable), and the entities they join."),
    ] = None,
    document: Annotated[
        str | None, typer.Option("--document", help="Show only entities named in this document (its id).")
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option("--focus", help="Show the neighbourhood of this entity (slug or any label, any language)."),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", help="With --focus: how many links away to go.", min=0)] = 1,
    through_hubs: Annotated[
        bool,
        typer.Option(
            "--through-hubs",
            help="With --focus: also walk on through countries and regions (by default they are shown but not expanded).",
        ),
    ] = False,
    min_degree: Annotated[
        int,
        typer.Option(
            "--min-degree", help="Show only entities with at least this many links (counted before this filter).", min=0
        ),
    ] = 0,
    comentions: Annotated[
        bool, typer.Option("--comentions", help="Also draw co-mention links (faint; not stated relations).")
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", help="Without filters, show at most this many nodes (those with the most links).", min=1
        ),
    ] = DEFAULT_LIMIT,
    root: RootOption = None,
) -> None:
    """Write an interactive network of the built graph: one offline HTML file (default exports/amurkg.html).

    Entities are nodes, coloured and shaped by class and sized by their number of links in the view; stated relations are links, styled by predicate. Communities are laid out as clusters; labels are drawn by importance where they fit (zoom in for more). Search any label in any language; click an entity to highlight its neighbours. Hover or click for labels in four languages, the Wikidata link, the documents naming an entity, and the quotes backing a relation. --lang also sets the language of the interface.
    """
    from amurkg.store.loading import load_built_graph
    from amurkg.store.resolve import EntityIndex
    from amurkg.views.model import read_network
    from amurkg.views.page import Source, render_page
    from amurkg.views.select import Filters, select

    layout = layout_of(root)
    target = out_path or layout.exports / "amurkg.html"
    with reported():
        err.print("[dim]reading the graph…[/dim]", highlight=False)
        graph = load_built_graph(layout)
        network = read_network(graph)
        focus_slug = EntityIndex.slug(EntityIndex(graph).resolve(focus)) if focus else ""
        filters = Filters(
            tuple(classes or ()),
            tuple(predicates or ()),
            _document_id(document or ""),
            focus_slug,
            depth,
            min_degree,
            comentions,
            limit,
            through_hubs,
        )
        selection = select(network, filters)
        if len(selection.nodes) > 500:
            err.print(f"[dim]laying out {len(selection.nodes):,} nodes…[/dim]", highlight=False)
        page = render_page(selection, filters, lang.value, Source.of(layout.turtle, layout.shown(layout.turtle)))
        _write(target, page)
    for note in selection.notes:
        err.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    out.print(
        f"Wrote {layout.shown(target)}: {len(selection.nodes):,} nodes, {len(selection.links):,} links"
        + (f" ({'; '.join(filters.describe())})" if filters.describe() else ""),
        highlight=False,
    )
    if open_page:
        webbrowser.open(target.resolve().as_uri())


def map_command(
    out_path: OutOption = None,
    open_page: OpenOption = False,
    lang: LangOption = Lang.en,
    root: RootOption = None,
) -> None:
    """Write a map of every entity with coordinates (default exports/amurkg-map.html).

    Markers are coloured by class as in `amurkg viz`; lines join cross-border pairs (counterpartOf) and border zones with their hinterland (hinterlandOf). Leaflet is inside the file. Offline the map shows a plain base with a grid of degrees and the names of the main places; OpenStreetMap tiles are drawn over it when the network is there.
    """
    from amurkg.store.loading import load_built_graph
    from amurkg.views.model import read_network
    from amurkg.views.page import Source

    layout = layout_of(root)
    target = out_path or layout.exports / "amurkg-map.html"
    with reported():
        network = read_network(load_built_graph(layout))
        source = Source.of(layout.turtle, layout.shown(layout.turtle))
        from amurkg.views.geomap import render_map  # folium is slow to import: only `map` pays for it

        page, placed, lines = render_map(
            network, lang.value, f"Graph {source.name} built {source.built} (sha256 {source.digest})."
        )
        _write(target, page)
    out.print(f"Wrote {layout.shown(target)}: {placed:,} places, {lines:,} lines", highlight=False)
    if open_page:
        webbrowser.open(target.resolve().as_uri())


def _document_id(name: str) -> str:
    return name[len("document/") :] if name.startswith("document/") else name


def _write(target: Path, page: str) -> None:
    try:
        write_atomically(target, page.encode("utf-8"))
    except OSError as exc:
        raise InputError.one(str(target), f"cannot write: {exc.strerror or exc}") from None
