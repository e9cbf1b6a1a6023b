"""`amurkg export` (the graph in formats other tools read) and `amurkg ontology` (its documentation)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from amurkg.pipeline.serialize import write_atomically

from .common import RootOption, err, fail, layout_of, out, reported

FORMAT_HELP = (
    "turtle (default), nt, jsonld, rdfxml, trig, nquads (one named graph per source document, plus "
    "graph/catalog, graph/co-mentions and graph/ontology), graphml, gexf, csv (a folder for "
    "neo4j-admin database import), cytoscape (Cytoscape.js JSON)."
)


def export_command(
    format: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "turtle",
    out_path: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="File (or folder, for csv) to write; '-' writes to standard output. "
            "Default: exports/export/amurkg.<ext> (exports/export/neo4j/ for csv). A folder is "
            "replaced only if it is new, empty or an earlier amurkg export; any other is refused.",
        ),
    ] = None,
    classes: Annotated[
        list[str] | None,
        typer.Option("--class", help="Keep only entities of this class (repeatable), e.g. Park, City."),
    ] = None,
    predicates: Annotated[
        list[str] | None,
        typer.Option(
            "--predicate", help="Keep only these links (repeatable), e.g. targetsIndustry, locatedIn, mentionedIn."
        ),
    ] = None,
    no_mentions: Annotated[
        bool,
        typer.Option(
            "--no-mentions", help="Leave out where names occur: ak:Mention nodes, ak:mentionedIn, co-mentions."
        ),
    ] = False,
    no_evidence: Annotated[
        bool,
        typer.Option(
            "--no-evidence",
            help="Leave out the ak:Evidence nodes (reification) — a lean graph; "
            "property graphs keep evidence counts but drop the quotes.",
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    """Export the built graph (exports/amurkg.ttl) for GraphDB, Fuseki, Protégé, Gephi, yEd,
    Cytoscape, Neo4j or networkx. Output is deterministic: the same graph gives the same bytes."""
    from amurkg.exports.rdf import FOLDER_FILES, FOLDER_FORMATS, FORMATS, export
    from amurkg.exports.selection import CLASSES, EDGE_PREDICATES, Selection, parse_names
    from amurkg.pipeline.serialize import check_folder_replaceable, write_folder_atomically
    from amurkg.store.loading import load_built_graph

    layout = layout_of(root)
    with reported():
        fmt = format.strip().lower()
        if fmt not in FORMATS:
            fail([f"--format: unknown format {format!r}; expected one of {', '.join(FORMATS)}"])
        selection = Selection(
            parse_names(classes or [], CLASSES, "class"),
            parse_names(predicates or [], EDGE_PREDICATES, "predicate"),
            mentions=not no_mentions,
            evidence=not no_evidence,
        )
        target = Path(out_path) if out_path and out_path != "-" else layout.exports / "export" / FORMATS[fmt]
        if out_path == "-" and fmt in FOLDER_FORMATS:
            fail(["--out -: csv writes a folder (nodes.csv, relationships.csv); give a folder path"])
        if out_path != "-" and target.resolve() == layout.turtle.resolve():
            fail([f"--out: refusing to overwrite the build's {layout.shown(layout.turtle)}; choose another path"])
        if fmt in FOLDER_FORMATS:
            check_folder_replaceable(target, set(FOLDER_FILES[fmt]))  # before the work: never a user's folder
        err.print(f"[dim]reading {layout.shown(layout.turtle)}[/dim]", highlight=False)
        graph = load_built_graph(layout)
        err.print(f"[dim]exporting as {fmt}[/dim]", highlight=False)
        data = export(graph, fmt, selection)
    if out_path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with reported():
        if isinstance(data, dict):
            write_folder_atomically(target, data)
            size = sum(len(b) for b in data.values())
        else:
            write_atomically(target, data)
            size = len(data)
    out.print(f"Wrote {layout.shown(target)} ({fmt}): {size:,} bytes", highlight=False)


def ontology_command(
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Folder to write index.html into (default: exports/ontology/).", file_okay=False
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    """Write human-readable HTML documentation of the ontology (ontology/amurkg.ttl): classes,
    properties and concept schemes with definitions and labels in English, Chinese, Japanese and
    Russian, and the alignments to schema.org, GeoSPARQL, PROV, SKOS and Dublin Core."""
    from amurkg.exports.ontology_doc import ontology_html
    from amurkg.pipeline.build import load_ontology

    layout = layout_of(root)
    folder = out_dir if out_dir is not None else layout.exports / "ontology"
    with reported():
        ontology, _ = load_ontology(layout)
        page = ontology_html(ontology).encode("utf-8")
    target = folder / "index.html"
    try:
        write_atomically(target, page)
    except OSError as exc:
        fail([f"{target}: cannot write: {exc.strerror or exc}"])
    out.print(f"Wrote {layout.shown(target)}: {len(page):,} bytes", highlight=False)
