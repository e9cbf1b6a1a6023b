"""The `amurkg` command: a thin typer shell over the pipeline in `amurkg.graph`."""

from __future__ import annotations

from collections import Counter
from enum import Enum
from typing import Annotated

import typer

from .common import RootOption, err, fail, guarded, layout_of, out, reported


class Validation(str, Enum):
    fast = "fast"
    full = "full"


class Executor(str, Enum):
    local = "local"
    dask = "dask"


class ProgressMode(str, Enum):
    auto = "auto"
    bar = "bar"
    lines = "lines"
    none = "none"


app = typer.Typer(
    help="amurkg — a multilingual knowledge graph of China–Russia regional cooperation.\n\n"
    "Builds an RDF graph from the documents and catalog in seeds/ and the ontology in ontology/, "
    "and writes it to exports/.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"amurkg {version('amurkg')}")
        raise typer.Exit()


@app.callback()
def root_callback(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """amurkg — a multilingual knowledge graph of China–Russia regional cooperation."""


def _meter(mode: ProgressMode, quiet: bool):
    """The progress meter factory of `build --progress`, or None."""
    import sys

    from amurkg.pipeline.progress import ProgressMeter

    if mode is ProgressMode.auto:
        mode = ProgressMode.bar if sys.stderr.isatty() and not quiet else ProgressMode.none
    if mode is ProgressMode.none:
        return None

    def make(documents: int, total_bytes: int) -> ProgressMeter:
        return ProgressMeter(documents, total_bytes, sys.stderr, "bar" if mode is ProgressMode.bar else "lines")

    return make


@app.command("build")
def build_command(
    root: RootOption = None,
    no_validate: Annotated[
        bool, typer.Option("--no-validate", help="Skip SHACL validation (bulk loads; not recommended).")
    ] = False,
    engine: Annotated[
        Validation,
        typer.Option(
            "--validate", help="SHACL engine: fast (SHACL Core, the default) or full (pySHACL, the reference)."
        ),
    ] = Validation.fast,
    executor: Annotated[
        Executor,
        typer.Option("--executor", help="Where documents are linked and extracted: local (-j processes) or dask."),
    ] = Executor.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="With --executor dask: the scheduler, tcp://HOST:PORT (default: a local cluster)."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Documents processed in parallel (processes); same output as 1.")
    ] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild even when nothing changed since the last build.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Process every document again (ignore .cache/).")
    ] = False,
    clear: Annotated[
        bool, typer.Option("--clear-cache", help="Delete .cache/ (per-document outcomes) and exit.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    show_progress: Annotated[
        ProgressMode,
        typer.Option(
            "--progress",
            help="Documents done, MB/s and time left on stderr: bar (one line rewritten), lines (plain), "
            "none; auto = a bar on a terminal, none otherwise.",
        ),
    ] = ProgressMode.auto,
) -> None:
    """Build the graph: link and extract the documents, validate with SHACL, write exports/amurkg.ttl.

    Unchanged documents are taken from the cache in .cache/; when no input changed at all since the
    last build, the build says so and stops (use --force to rebuild). One build at a time: a build
    holds .cache/build.lock, and a second build of the same project meanwhile stops at once with
    exit status 2. Bad input or a fault (read-only exports/, full disk) is one line, exit status 2,
    and the previous exports/amurkg.ttl stays whole.
    """
    from rich.table import Table

    from amurkg.pipeline.build import (
        ValidationFailed,
        build,
        build_lock,
        check_writable,
        clear_cache,
        write_build,
    )
    from amurkg.pipeline.fingerprint import input_fingerprint, is_up_to_date

    layout = layout_of(root)
    progress = (lambda _: None) if quiet else (lambda message: err.print(f"[dim]{message}[/dim]", highlight=False))
    with reported(), build_lock(layout):
        if clear:
            out.print(f"Removed {clear_cache(layout)} cached files from {layout.shown(layout.cache)}")
            return
        fingerprint = input_fingerprint(layout)
        if not force and not no_cache and is_up_to_date(layout, fingerprint, validated=not no_validate):
            if not quiet:
                out.print(f"{layout.shown(layout.turtle)} is up to date (nothing changed; --force rebuilds).")
            return
        check_writable(layout.exports)  # a read-only or full exports/ is told before the work, not after
        try:
            result = build(
                layout,
                validate=not no_validate,
                progress=progress,
                jobs=jobs,
                use_cache=not no_cache,
                engine=engine.value,
                executor=executor.value,
                scheduler=scheduler,
                meter=_meter(show_progress, quiet),
                keep_graph=False,  # written from the shards: memory does not grow with the corpus
                keep_relations=False,  # (only counted)
            )
        except ValidationFailed as exc:
            fail([f"SHACL: {v}" for v in exc.violations] + [f"{len(exc.violations)} violation(s); nothing written."])
        if no_validate and not quiet:
            err.print("[yellow]warning:[/yellow] SHACL validation skipped (--no-validate)")
        size = write_build(result, layout, fingerprint, validated=not no_validate, progress=progress)
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
    if result.proposed:
        proposed = Counter(e.subclass or e.cls for e in result.proposed)
        out.print(
            f"Proposed entities (discovered in the documents; `amurkg candidates` lists them): "
            f"{len(result.proposed)} — " + ", ".join(f"{c} {n}" for c, n in sorted(proposed.items()))
        )
    documents = Table(title="Documents", show_edge=False)
    for column in ("document", "lang", "mentions", "entities", "table", "pattern", "claim", "name"):
        documents.add_column(column, justify="left" if column in ("document", "lang") else "right", overflow="fold")
    for report in result.reports:
        documents.add_row(
            report.id,
            report.language,
            str(report.mentions),
            str(report.entities),
            *(str(report.relations.get(m, 0)) for m in ("table", "pattern", "claim", "name")),
        )
    out.print(documents)
    by_method = result.relations_by_method()
    out.print("Relations: " + ", ".join(f"{m} {n}" for m, n in by_method.items()))
    out.print(f"Wrote {layout.shown(layout.turtle)}: {result.triples} triples, {size:,} bytes")


# Commands of the other modules register here, one line each.
from .corpus import candidates_command, ingest_command  # noqa: E402

app.command("ingest")(ingest_command)
app.command("candidates")(candidates_command)
from .query import push_command, query_command  # noqa: E402

app.command("query")(query_command)
app.command("push")(push_command)
from .export import export_command  # noqa: E402

app.command("export")(export_command)
from .viz import map_command, viz_command  # noqa: E402

app.command("viz")(viz_command)
app.command("map")(map_command)
from .network import central_command, neighbors_command, path_command, stats_command  # noqa: E402

app.command("stats")(stats_command)
app.command("central")(central_command)
app.command("path")(path_command)
app.command("neighbors")(neighbors_command)
from .bench import bench_command  # noqa: E402

app.command("bench")(bench_command)
from .evaluate import evaluate_command  # noqa: E402
from .export import ontology_command  # noqa: E402

app.command("ontology")(ontology_command)
app.command("evaluate")(evaluate_command)
from .serve import serve_command  # noqa: E402

app.command("serve")(serve_command)

# Every command runs inside the one error boundary (see common.guarded): no traceback, ever.
for _info in app.registered_commands:
    if _info.callback is not None:
        _info.callback = guarded(_info.callback)
