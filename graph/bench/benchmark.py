"""The scale benchmark: generate a synthetic corpus, build it as `amurkg build` does, and measure.

Every build, the query timings and the `viz` timings run in a fresh subprocess
(`python -m amurkg.bench.benchmark <mode> …`, printing one JSON line), so each one's wall time
includes what a user waits for (start-up, catalog, automaton) and its peak memory is its own.

Sequence: a serial cold build (fills the per-document cache), a cold parallel build without the
cache (its Turtle must equal the serial one byte for byte), an unchanged rebuild (the up-to-date
check of `amurkg build`), a rebuild with one document changed (per-document cache), then the
named queries on the embedded store and on Oxigraph, then `viz` pages of growing size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from amurkg.bench import VALIDATE_UP_TO
from amurkg.bench.synthetic import generate_project
from amurkg.layout import Layout

REQUIRED_KEYS = (
    "corpus_mb",
    "build_s",
    "build_mb_per_s",
    "peak_rss_mb",
    "rebuild_s",
    "parallel_identical",
    "query_ms_median",
)
QUERY_REPEATS = 3
QUERY_TIMEOUT = 120.0
VIZ_LIMITS = (100, 500, 2000)
# Named-query parameters that name documents: the seed ids do not exist in a synthetic corpus.
DOCUMENT_PARAMS = ("bench-000000", "bench-000001")

Progress = Callable[[str], None]


class StepFailed(Exception):
    """A measured step did not finish (time limit, out of memory, crash): one line for the user."""


@dataclass(frozen=True)
class Options:
    scale: float
    jobs: int = 2
    seed: int = 0
    validate: bool | None = None  # None: validate when scale <= VALIDATE_UP_TO
    queries: bool = True
    viz: bool = True
    time_limit: float | None = None  # seconds per step
    single_document_mb: float | None = None  # also build one document of this size (and of a quarter of it)
    single_language: str = "ja"

    @property
    def validating(self) -> bool:
        return self.scale <= VALIDATE_UP_TO if self.validate is None else self.validate


def machine() -> dict:
    """The machine the figures were taken on."""
    memory = None
    try:
        memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_average": _load(),
    }


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def run_step(args: list[str], time_limit: float | None) -> dict:
    """Run one worker mode in a subprocess (its own process group, killed whole on the time limit);
    its JSON report with the wall time seen from outside added as `wall_s`."""
    command = [sys.executable, "-m", "amurkg.bench.benchmark", *args]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=time_limit)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        raise StepFailed(f"{args[0]} did not finish within {time_limit:g} s") from None
    wall = time.perf_counter() - start
    if child.returncode != 0:
        last = (stderr.strip().splitlines() or ["no message"])[-1]
        reason = "killed (out of memory?)" if child.returncode < 0 else f"exit {child.returncode}"
        raise StepFailed(f"{args[0]} failed ({reason}): {last}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report["wall_s"] = round(wall, 3)
    return report


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _build_args(root: Path, jobs: int, validate: bool, cache: bool = True, check: bool = False) -> list[str]:
    return (
        ["build", str(root), "--jobs", str(jobs)]
        + ([] if validate else ["--no-validate"])
        + ([] if cache else ["--no-cache"])
        + (["--check"] if check else [])
    )


def touch_one_document(layout: Layout) -> str:
    """Change the middle document of the corpus (one sentence appended); returns its file name."""
    files = sorted(layout.documents.glob("*.txt"))
    target = files[len(files) // 2]
    text = target.read_text(encoding="utf-8")
    sentence = "\n\nHarbin and Khabarovsk signed a new agreement.\n" if not text.endswith("。\n") else "哈尔滨。\n"
    target.write_text(text + sentence, encoding="utf-8")
    return target.name


def run_benchmark(
    source: Layout, options: Options, workdir: Path | None = None, progress: Progress = lambda _: None
) -> dict:
    """Generate, build, rebuild, query and draw; the figures as a JSON-ready dict."""
    keep = workdir is not None
    root = workdir if workdir is not None else Path(tempfile.mkdtemp(prefix="amurkg-bench-"))
    try:
        return _measure(source, root, options, progress)
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def _measure(source: Layout, root: Path, options: Options, progress: Progress) -> dict:
    validate = options.validating
    limit = options.time_limit
    report: dict = {
        "scale": options.scale,
        "seed": options.seed,
        "jobs": options.jobs,
        "machine": machine(),
        "validated": validate,
        "warnings": [],
        "failures": [],
    }
    if not validate:
        report["warnings"].append(
            "SHACL validation skipped (--no-validate) for the builds: it would dominate "
            "at this scale; run a smaller scale to see its cost"
        )

    progress(f"generating a corpus at {options.scale:g}× the seeds in {root}")
    start = time.perf_counter()
    stats = generate_project(source, root, options.scale, options.seed, progress)
    report["generate_s"] = round(time.perf_counter() - start, 3)
    report["corpus_mb"] = round(stats.megabytes, 3)
    report["corpus"] = {
        "documents": stats.documents,
        "by_language": dict(sorted(stats.by_language.items())),
        "invented_names": stats.invented_names,
        "replaced_names": stats.replaced_names,
    }
    layout = Layout(root)
    for key in REQUIRED_KEYS:
        report.setdefault(key, None)

    try:
        progress(f"serial build of {stats.documents:,} documents ({stats.megabytes:.1f} MB)")
        serial = run_step(_build_args(root, 1, validate), limit)
        serial_hash = _sha256(layout.turtle)
        report["serial"] = serial
        report["triples"] = serial["triples"]
        report["turtle_mb"] = round(serial["turtle_bytes"] / 1e6, 3)
        report["build_serial_s"] = serial["wall_s"]
        report["stages"] = serial["stages"]
        report["build_s"] = serial["wall_s"]

        progress(f"parallel build, {options.jobs} processes, without the cache")
        parallel = run_step(_build_args(root, options.jobs, validate, cache=False), limit)
        report["parallel"] = parallel
        report["parallel_identical"] = _sha256(layout.turtle) == serial_hash
        report["build_parallel_s"] = parallel["wall_s"]
        report["build_s"] = min(serial["wall_s"], parallel["wall_s"])
        report["build_mb_per_s"] = round(stats.megabytes / report["build_s"], 3)
        report["peak_rss_mb"] = max(serial["peak_rss_mb"], parallel["peak_rss_mb"])

        progress("rebuild, nothing changed")
        again = run_step(_build_args(root, options.jobs, validate, check=True), limit)
        report["rebuild"] = again
        report["rebuild_s"] = again["wall_s"]
        report["rebuild_skipped"] = again["skipped"]
        report["uptodate_check_s"] = again["stages"]["fingerprint"]
        report["rebuild_speedup"] = round(report["build_s"] / again["wall_s"], 1)
        if not again["skipped"]:
            report["warnings"].append(
                "the unchanged rebuild was not skipped: a --no-validate build writes no "
                "up-to-date stamp, so it assembled the graph again from the cache"
            )

        changed = touch_one_document(layout)
        progress(f"rebuild, one document changed ({changed})")
        one = run_step(_build_args(root, options.jobs, validate, check=True), limit)
        report["rebuild_one_changed"] = one
        report["rebuild_one_changed_s"] = one["wall_s"]
    except StepFailed as exc:
        report["failures"].append(str(exc))
        progress(f"stopped: {exc}")
        return report

    queries = _optional_step("queries", ["queries", str(root)], limit, report, progress) if options.queries else None
    report["queries"] = queries
    if queries and queries.get("available"):
        report["query_ms_median"] = {store: data["median_ms"] for store, data in queries["stores"].items()}
    report["viz"] = _optional_step("viz", ["viz", str(root)], limit, report, progress) if options.viz else None
    if options.single_document_mb:
        report["single_document"] = _single_document(source, root, options, report, progress)
    return report


def _single_document(source: Layout, root: Path, options: Options, report: dict, progress: Progress) -> dict:
    """One synthetic document of a quarter of the size asked and one of the full size, each built
    alone (serial, no cache, no validation): time proportional to size means a time ratio near 4."""
    assert options.single_document_mb is not None
    runs = []
    for megabytes in (options.single_document_mb / 4, options.single_document_mb):
        folder = root / f"single-{megabytes:g}mb"
        single = (options.single_language, round(megabytes * 1e6))
        stats = generate_project(source, folder, 1, options.seed, single=single)
        progress(f"one {options.single_language} document of {stats.megabytes:.1f} MB")
        try:
            step = run_step(_build_args(folder, 1, False, cache=False), options.time_limit)
        except StepFailed as exc:
            report["failures"].append(f"single document of {megabytes:g} MB: {exc}")
            break
        runs.append(
            {
                "mb": round(stats.megabytes, 3),
                "wall_s": step["wall_s"],
                "cpu_s": step["cpu_s"],
                "peak_rss_mb": step["peak_rss_mb"],
                "mb_per_s": round(stats.megabytes / step["wall_s"], 3),
                "stages": step["stages"],
            }
        )
        shutil.rmtree(folder, ignore_errors=True)
    result: dict = {"language": options.single_language, "runs": runs}
    if len(runs) == 2:
        result["size_ratio"] = round(runs[1]["mb"] / runs[0]["mb"], 2)
        result["cpu_ratio"] = round(runs[1]["cpu_s"] / runs[0]["cpu_s"], 2)
        result["wall_ratio"] = round(runs[1]["wall_s"] / runs[0]["wall_s"], 2)
    return result


def _optional_step(name: str, args: list[str], limit: float | None, report: dict, progress: Progress) -> dict | None:
    progress(f"timing {name}")
    try:
        result = run_step(args, limit)
    except StepFailed as exc:
        report["failures"].append(str(exc))
        return None
    if not result.get("available", True):
        report["warnings"].append(f"{name}: {result.get('reason')}")
    return result


# ---------------------------------------------------------------------------------------------
# Worker modes (run in a subprocess by run_step)


def _peak_rss() -> dict:
    """Peak resident memory of this process and of its largest child, and the CPU time of both."""
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cpu = sum(
        getattr(resource.getrusage(who), field)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for field in ("ru_utime", "ru_stime")
    )
    return {
        "rss_main_mb": round(self_mb, 1),
        "rss_workers_mb": round(children_mb, 1),
        "peak_rss_mb": round(self_mb + children_mb, 1),
        "cpu_s": round(cpu, 2),
    }


def _worker_build(root: Path, jobs: int, validate: bool, cache: bool, check: bool) -> dict:
    """What `amurkg build [--no-validate] [-j N] [--no-cache]` does, with the time of each stage."""
    from amurkg.pipeline.build import build, write_build
    from amurkg.pipeline.fingerprint import input_fingerprint, is_up_to_date

    layout = Layout(root)
    start = time.perf_counter()
    fingerprint = input_fingerprint(layout)
    skipped = check and validate and cache and is_up_to_date(layout, fingerprint)
    stages = {"fingerprint": round(time.perf_counter() - start, 4)}
    if skipped:
        return {"skipped": True, "stages": stages, **_peak_rss()}
    result = build(layout, validate=validate, jobs=jobs, use_cache=cache, keep_graph=False, keep_relations=False)
    timings = result.timings
    start = time.perf_counter()
    size = write_build(result, layout, fingerprint if validate else None)
    stages.update(
        {
            "read": timings.get("read"),
            "normalize_link_extract": timings.get("link_extract"),
            "assemble": timings.get("assemble"),
            "validate": timings.get("validate"),
            "serialize": round(time.perf_counter() - start, 4),
        }
    )
    return {
        "skipped": False,
        "stages": stages,
        "triples": result.triples,
        "turtle_bytes": size,
        "documents": len(result.documents),
        "cached_documents": result.cached_documents,
        **_peak_rss(),
    }


def _worker_queries(root: Path) -> dict:
    """Each named query (document parameters pointed at the synthetic documents), on both stores."""
    try:
        from amurkg.store.named_queries import library
        from amurkg.store.querying import open_store, run_query
    except ImportError as exc:
        return {"available": False, "reason": f"the query module is not available ({exc})"}
    layout = Layout(root)
    queries = library()
    stores: dict[str, dict] = {}
    for store_name, spec in (("embedded", "embedded"), ("oxigraph", f"oxigraph:{root / '.cache' / 'bench-oxigraph'}")):
        start = time.perf_counter()
        store = open_store(layout, spec)
        load_s = round(time.perf_counter() - start, 3)
        per_query: dict[str, float | str] = {}
        runs: list[float] = []
        for name, query in sorted(queries.items()):
            documents = iter(DOCUMENT_PARAMS)
            params = {p.name: next(documents, DOCUMENT_PARAMS[0]) for p in query.parameters if p.kind == "document"}
            times = []
            try:
                for _ in range(QUERY_REPEATS):
                    start = time.perf_counter()
                    run_query(store, query.text, named=query, params=params, timeout=QUERY_TIMEOUT, source=name)
                    times.append((time.perf_counter() - start) * 1000)
            except Exception as exc:  # noqa: BLE001 - a failed query is reported, the others still run
                per_query[name] = f"failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                continue
            per_query[name] = round(statistics.median(times), 2)
            runs += times
        stores[store_name] = {
            "load_s": load_s,
            "median_ms": round(statistics.median(runs), 2) if runs else None,
            "queries": per_query,
        }
        del store
    return {"available": True, "stores": stores, "repeats": QUERY_REPEATS, **_peak_rss()}


def _worker_viz(root: Path) -> dict:
    """`amurkg viz` pages of growing size: generation time and HTML size by node count."""
    try:
        from amurkg.store.loading import load_built_graph
        from amurkg.views.model import read_network
        from amurkg.views.page import Source, render_page
        from amurkg.views.select import Filters, select
    except ImportError as exc:
        return {"available": False, "reason": f"the viz module is not available ({exc})"}
    layout = Layout(root)
    start = time.perf_counter()
    graph = load_built_graph(layout)
    load_s = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    network = read_network(graph)
    network_s = round(time.perf_counter() - start, 3)
    pages = []
    for limit in VIZ_LIMITS:
        filters = Filters(limit=limit)
        start = time.perf_counter()
        selection = select(network, filters)
        page = render_page(selection, filters, "en", Source.of(layout.turtle, layout.shown(layout.turtle)))
        pages.append(
            {
                "limit": limit,
                "nodes": len(selection.nodes),
                "links": len(selection.links),
                "render_s": round(time.perf_counter() - start, 3),
                "html_mb": round(len(page.encode("utf-8")) / 1e6, 3),
            }
        )
        if len(selection.nodes) < limit:
            break
    return {"available": True, "load_s": load_s, "network_s": network_s, "pages": pages, **_peak_rss()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m amurkg.bench.benchmark", description=__doc__)
    modes = parser.add_subparsers(dest="mode", required=True)
    build_mode = modes.add_parser("build")
    build_mode.add_argument("root", type=Path)
    build_mode.add_argument("--jobs", type=int, default=1)
    build_mode.add_argument("--no-validate", action="store_true")
    build_mode.add_argument("--no-cache", action="store_true")
    build_mode.add_argument("--check", action="store_true", help="skip when up to date, as `amurkg build` does")
    for name in ("queries", "viz"):
        modes.add_parser(name).add_argument("root", type=Path)
    args = parser.parse_args(argv)
    if args.mode == "build":
        result = _worker_build(args.root, args.jobs, not args.no_validate, not args.no_cache, args.check)
    elif args.mode == "queries":
        result = _worker_queries(args.root)
    else:
        result = _worker_viz(args.root)
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # abandoned query threads (time limit) must not keep the process alive


if __name__ == "__main__":
    main()
