"""The `amurkg` command: a thin typer shell over the pipeline in `amurkg.graph`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from amurkg.graph.build import ValidationFailed, build, write_build
from amurkg.graph.errors import InputError

from .common import RootOption, err, fail, layout_of, out

app = typer.Typer(
    help="amurkg — a multilingual knowledge graph of China–Russia regional cooperation.\n\n"
         "Builds an RDF graph from the documents and catalog in seeds/ and the ontology in ontology/, "
         "and writes it to exports/.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def root_callback() -> None:
    """amurkg — a multilingual knowledge graph of China–Russia regional cooperation."""


@app.command("build")
def build_command(
    root: RootOption = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation (bulk loads; not recommended).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Build the graph: link and extract the documents, validate with SHACL, write exports/amurkg.ttl."""
    layout = layout_of(root)
    progress = (lambda _: None) if quiet else (lambda message: err.print(f"[dim]{message}[/dim]", highlight=False))
    try:
        result = build(layout, validate=not no_validate, progress=progress)
    except InputError as exc:
        fail([str(p) for p in exc.problems])
    except ValidationFailed as exc:
        fail([f"SHACL: {v}" for v in exc.violations] + [f"{len(exc.violations)} violation(s); nothing written."])
    if no_validate and not quiet:
        err.print("[yellow]warning:[/yellow] SHACL validation skipped (--no-validate)")
    size = write_build(result, layout)
    if quiet:
        return
    classes = Table(title="Entities per class", show_edge=False)
    classes.add_column("class")
    classes.add_column("entities", justify="right")
    for cls, count in result.entities_per_class().items():
        classes.add_row(cls, str(count))
    out.print(classes)
    coverage = result.label_coverage()
    total = len(result.catalog)
    out.print("Label coverage: " + ", ".join(f"{lang} {n}/{total}" for lang, n in coverage.items()))
    documents = Table(title="Documents", show_edge=False)
    for column in ("document", "lang", "mentions", "entities", "table", "pattern", "claim"):
        documents.add_column(column, justify="left" if column in ("document", "lang") else "right")
    for report in result.reports:
        documents.add_row(report.id, report.language, str(report.mentions), str(report.entities),
                          *(str(report.relations.get(m, 0)) for m in ("table", "pattern", "claim")))
    out.print(documents)
    by_method = result.relations_by_method()
    out.print("Relations: " + ", ".join(f"{m} {n}" for m, n in by_method.items()))
    out.print(f"Wrote {layout.shown(layout.turtle)}: {len(result.graph)} triples, {size:,} bytes")


# Commands of the other modules register here, one line each.
from .corpus import candidates_command, ingest_command  # noqa: E402

app.command("ingest")(ingest_command)
app.command("candidates")(candidates_command)
