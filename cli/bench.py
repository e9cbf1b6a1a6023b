"""`amurkg bench`: build a synthetic corpus N times the seeds and measure the build, rebuilds,
queries and viz (library code in amurkg.bench.synthetic and amurkg.bench.benchmark)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from amurkg.bench import VALIDATE_UP_TO
from amurkg.pipeline.serialize import write_atomically

from .common import RootOption, err, fail, layout_of, out


def bench_command(
    scale: Annotated[
        float,
        typer.Option(
            "--scale",
            "-s",
            help="Corpus size as a multiple of the seed corpus (~110 kB): 10, 100, 1000; fractions such as 0.2 for a quick run.",
        ),
    ] = 10,
    json_path: Annotated[
        Path | None,
        typer.Option(
            "--json", help="Where to write the figures as JSON (default exports/bench-<scale>.json).", dir_okay=False
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=2, help="Processes of the parallel build (compared byte for byte with the serial one)."
        ),
    ] = 2,
    keep: Annotated[
        Path | None,
        typer.Option(
            "--keep",
            help="Generate the project in this (empty or new) folder and keep it, instead of a temporary folder.",
            file_okay=False,
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the generator (same seed, same corpus).")] = 0,
    validate: Annotated[
        bool | None,
        typer.Option(
            "--validate/--no-validate",
            help=f"SHACL-validate the builds (default: only up to scale {VALIDATE_UP_TO}; above, validation would dominate).",
            show_default=False,
        ),
    ] = None,
    queries: Annotated[
        bool, typer.Option("--queries/--no-queries", help="Time the named queries on the embedded and Oxigraph stores.")
    ] = True,
    viz: Annotated[bool, typer.Option("--viz/--no-viz", help="Time `viz` pages of 100, 500 and 2,000 nodes.")] = True,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit", min=1, help="Give up on a step (one build, the queries, viz) after this many seconds."
        ),
    ] = None,
    single_document_mb: Annotated[
        float | None,
        typer.Option(
            "--single-document-mb",
            min=0.01,
            help="Also build one synthetic document of this many MB and one of a quarter of it (time ∝ size?).",
        ),
    ] = None,
    single_language: Annotated[
        str, typer.Option("--single-document-language", help="Language of that document: ja, zh, ru or en.")
    ] = "ja",
    root: RootOption = None,
) -> None:
    """Benchmark the pipeline on a synthetic corpus SCALE times the seed corpus.

    The corpus recombines the seed documents' sentences in all four languages and mixes in invented
    city names (added to the catalog). Then: a serial build, a parallel build (-j JOBS, must give the
    same bytes), an unchanged rebuild, a rebuild with one document changed, the named queries on both
    stores and `viz` pages. Prints a table and writes the figures as JSON. The generated project is
    deleted afterwards unless --keep is given. Timings are wall clock on this machine: run it on an
    otherwise idle machine.
    """
    layout = layout_of(root)
    if scale <= 0:
        fail(["--scale: must be positive"])
    if keep is not None and keep.exists() and any(keep.iterdir()):
        fail([f"--keep: {keep} is not empty"])
    target = json_path or layout.exports / f"bench-{scale:g}.json"
    from amurkg.bench.benchmark import Options, run_benchmark

    if single_language not in ("ja", "zh", "ru", "en"):
        fail([f"--single-document-language: {single_language!r} is not one of ja, zh, ru, en"])
    options = Options(
        scale=scale,
        jobs=jobs,
        seed=seed,
        validate=validate,
        queries=queries,
        viz=viz,
        time_limit=time_limit,
        single_document_mb=single_document_mb,
        single_language=single_language,
    )
    if not options.validating:
        err.print(
            "[yellow]warning:[/yellow] builds run with --no-validate at this scale (SHACL would dominate); "
            "its cost is measured at smaller scales",
            highlight=False,
        )
    try:
        report = run_benchmark(
            layout, options, keep, progress=lambda message: err.print(f"[dim]{message}[/dim]", highlight=False)
        )
    except (OSError, ValueError) as exc:
        fail([f"benchmark: {exc}"])
    try:
        write_atomically(target, (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode())
    except OSError as exc:
        fail([f"{target}: cannot write: {exc.strerror or exc}"])
    out.print(summary_table(report))
    for line in detail_lines(report):
        out.print(line, highlight=False)
    for warning in report["warnings"]:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)
    out.print(f"Wrote {target}", highlight=False)
    if report["failures"]:
        fail(report["failures"], code=1)


def _fmt(value, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return str(value)


def summary_table(report: dict) -> Table:
    machine = report["machine"]
    table = Table(
        title=f"amurkg bench --scale {report['scale']:g} ({machine['cores']} cores, {machine['memory_gib']} GiB)",
        show_edge=False,
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    stages = report.get("stages") or {}
    rows = [
        ("corpus", f"{_fmt(report['corpus_mb'], ' MB')} in {report['corpus']['documents']:,} documents"),
        ("triples", _fmt(report.get("triples"))),
        ("Turtle", _fmt(report.get("turtle_mb"), " MB")),
        ("SHACL validation", "yes" if report["validated"] else "skipped (--no-validate)"),
        ("build, serial", _fmt(report.get("build_serial_s"), " s")),
        (f"build, -j {report['jobs']}", _fmt(report.get("build_parallel_s"), " s")),
        ("throughput (best build)", _fmt(report.get("build_mb_per_s"), " MB/s", 3)),
        ("peak memory", _fmt(report.get("peak_rss_mb"), " MB", 0)),
        ("  read", _fmt(stages.get("read"), " s")),
        ("  normalize + link + extract", _fmt(stages.get("normalize_link_extract"), " s")),
        ("  assemble", _fmt(stages.get("assemble"), " s")),
        ("  validate", _fmt(stages.get("validate"), " s")),
        ("  serialize", _fmt(stages.get("serialize"), " s")),
        (
            "rebuild, unchanged",
            _fmt(report.get("rebuild_s"), " s")
            + (f" ({report['rebuild_speedup']}× faster)" if report.get("rebuild_speedup") else ""),
        ),
        ("rebuild, one document changed", _fmt(report.get("rebuild_one_changed_s"), " s")),
        (f"serial = -j {report['jobs']}, byte for byte", _fmt(report.get("parallel_identical"))),
    ]
    medians = report.get("query_ms_median") or {}
    for store in ("embedded", "oxigraph"):
        rows.append((f"query median, {store}", _fmt(medians.get(store), " ms")))
    for name, value in rows:
        table.add_row(name, value)
    return table


def detail_lines(report: dict) -> list[str]:
    lines = []
    queries = report.get("queries") or {}
    for store, data in (queries.get("stores") or {}).items():
        slowest = sorted(((v, k) for k, v in data["queries"].items() if isinstance(v, float)), reverse=True)[:3]
        failed = [k for k, v in data["queries"].items() if not isinstance(v, float)]
        lines.append(
            f"{store}: loaded in {data['load_s']} s; slowest queries "
            + ", ".join(f"{k} {v:,.0f} ms" for v, k in slowest)
            + (f"; failed: {', '.join(failed)}" if failed else "")
        )
    viz = report.get("viz") or {}
    for page in viz.get("pages", []):
        lines.append(
            f"viz: {page['nodes']:,} nodes, {page['links']:,} links → {page['html_mb']} MB HTML "
            f"in {page['render_s']} s (graph read in {viz['load_s']} s)"
        )
    single = report.get("single_document") or {}
    for run in single.get("runs", []):
        lines.append(
            f"one {single['language']} document of {run['mb']} MB: {run['wall_s']} s wall, {run['cpu_s']} s CPU, "
            f"{run['peak_rss_mb']:,.0f} MB peak ({run['mb_per_s']} MB/s)"
        )
    if "cpu_ratio" in single:
        lines.append(f"  {single['size_ratio']}× the size took {single['cpu_ratio']}× the CPU time")
    return lines
