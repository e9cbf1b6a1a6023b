"""CPU and wall time of the two output stages, new against old, on the seed graph or a synthetic corpus:
Turtle (amurkg's writer against rdflib's) and SHACL (the fast engine against pySHACL).

    .venv/bin/python bench/stages_bench.py                # the seed graph
    .venv/bin/python bench/stages_bench.py --scale 10     # a 10× synthetic corpus (built without validation)
    .venv/bin/python bench/stages_bench.py --scale 10 --no-reference   # skip pySHACL (slow at scale)

CPU time (process time) is the figure to compare on a shared machine; wall time is printed beside it.
Both engines must find the same violations (none on a built graph) and the Turtle must parse back to
the same number of triples, or the script stops.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from amurkg.bench.synthetic import generate_project
from amurkg.layout import Layout
from amurkg.pipeline.build import build, load_ontology
from amurkg.pipeline.serialize import HEADER, turtle_bytes
from amurkg.pipeline.validate import pyshacl_violations, shacl_violations

ROOT = Path(__file__).resolve().parent.parent


def timed(work: Callable[[], object], repeats: int = 1) -> tuple[object, float, float]:
    """The result of the last run, and the best CPU and wall seconds over `repeats` runs."""
    best_cpu = best_wall = float("inf")
    result: object = None
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        result = work()
        best_cpu, best_wall = min(best_cpu, time.process_time() - cpu), min(best_wall, time.perf_counter() - wall)
    return result, round(best_cpu, 3), round(best_wall, 3)


def measure(layout: Layout, reference: bool, repeats: int) -> dict:
    result = build(layout, validate=False)
    graph = result.graph
    ontology, shapes = load_ontology(layout)
    report: dict = {"triples": len(graph)}
    new, cpu, wall = timed(lambda: turtle_bytes(graph), repeats)
    report["turtle_new"] = {"cpu_s": cpu, "wall_s": wall, "bytes": len(new)}  # type: ignore[arg-type]
    old, cpu, wall = timed(lambda: HEADER.encode() + graph.serialize(format="turtle", encoding="utf-8"), repeats)
    report["turtle_rdflib"] = {"cpu_s": cpu, "wall_s": wall, "bytes": len(old)}  # type: ignore[arg-type]
    fast, cpu, wall = timed(lambda: shacl_violations(graph, shapes, ontology, "fast"), repeats)
    report["shacl_fast"] = {"cpu_s": cpu, "wall_s": wall, "violations": len(fast)}  # type: ignore[arg-type]
    if reference:
        full, cpu, wall = timed(lambda: pyshacl_violations(graph, shapes, ontology))
        report["shacl_pyshacl"] = {"cpu_s": cpu, "wall_s": wall, "violations": len(full)}  # type: ignore[arg-type]
        if fast != full:
            raise SystemExit("the engines disagree: " + json.dumps({"fast": fast[:5], "full": full[:5]}, default=str))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0, help="synthetic corpus N× the seeds (default: the seeds)")
    parser.add_argument("--no-reference", action="store_true", help="do not run pySHACL")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each fast stage (best is kept)")
    args = parser.parse_args()
    if args.scale:
        with tempfile.TemporaryDirectory(prefix="amurkg-stages-") as folder:
            generate_project(Layout(ROOT), Path(folder) / "project", args.scale)
            report = measure(Layout(Path(folder) / "project"), not args.no_reference, args.repeats)
    else:
        report = measure(Layout(ROOT), not args.no_reference, args.repeats)
    report["scale"] = args.scale or 1
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
