"""Time every named query on a synthetic graph of ≥ 1,000,000 triples shaped like ours, on Oxigraph
(and, unless --skip-embedded, on the embedded rdflib store); print medians, optionally as JSON.

The synthetic graph is the built graph (exports/amurkg.ttl) copied N times: in copy k every entity,
document, mention and evidence IRI gets the suffix `-k` (so Harbin has N namesakes, each with its
own parks, documents and mentions), while the shared vocabularies — countries, industries and
cooperation models — and the ontology stay one, so their fan-in grows with the corpus as it would in
a larger one. Parameters are the named queries' defaults (copy 0), bound as RDF terms.

Two figures per query: `engine_ms`, the store evaluating the query and handing over every solution
(what `oxigraph query` does), and `answer_ms`, the same plus the terms converted to the Answer that
amurkg prints (proportional to the number of rows).

    .venv/bin/python bench/query_bench.py --skip-embedded                      # ≥ 1M triples
    .venv/bin/python bench/query_bench.py --store /tmp/bench-store --skip-embedded   # keep the store
    .venv/bin/python bench/query_bench.py --store /tmp/bench-store --queries OLD/ --json out.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from amurkg.layout import find_layout
from amurkg.namespaces import AK, ID
from amurkg.store.loading import load_built_graph
from amurkg.store.named_queries import bind, library
from amurkg.store.sparql import check, prologue_for, used_bindings, with_labels, with_values
from amurkg.store.stores import OxigraphStore, RdflibStore

SHARED = {AK.Country, AK.Industry, AK.CooperationModel}
READY = "bench-ready"  # written into the store folder once the synthetic graph is loaded


def copies_for(seed: Graph, triples: int) -> int:
    """How many copies of the seed data make at least `triples` triples (a copy after the first adds
    only the triples with something to rename)."""
    shared = {node for node, cls in seed.subject_objects(RDF.type) if cls in SHARED}
    per_copy = sum(
        1
        for s, _, o in seed
        if (s not in shared and str(s).startswith(str(ID)))
        or (isinstance(o, URIRef) and o not in shared and str(o).startswith(str(ID)))
    )
    return 1 + max(0, math.ceil((triples - len(seed)) / max(per_copy, 1)))


def synthetic_lines(turtle: Path, copies: int) -> Iterator[str]:
    """N-Triples lines of `copies` renamed copies of the built graph, sharing countries, industries,
    models and the ontology (a triple with nothing to rename is written once)."""
    import pyoxigraph as ox

    triples = [(q.subject, q.predicate, q.object) for q in ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)]
    shared_classes = {str(c) for c in SHARED}
    shared = {s.value for s, p, o in triples if p.value == str(RDF.type) and o.value in shared_classes}
    shared |= {f"{node}/geometry" for node in shared}
    prefix = str(ID)

    def renamed(term) -> str | None:
        if isinstance(term, ox.NamedNode) and term.value.startswith(prefix) and term.value not in shared:
            return term.value
        return None

    parts = sorted((str(s), str(p), str(o), renamed(s), renamed(o)) for s, p, o in triples)
    for k in range(copies):
        for s, p, o, s_iri, o_iri in parts:
            if k and s_iri is None and o_iri is None:
                continue
            subject = f"<{s_iri}-{k}>" if k and s_iri is not None else s
            obj = f"<{o_iri}-{k}>" if k and o_iri is not None else o
            yield f"{subject} {p} {obj} .\n"


def loaded_store(seed: Graph, turtle: Path, copies: int, folder: Path) -> Path:
    """The synthetic graph bulk-loaded into the Oxigraph store at `folder` (reused when a previous run
    loaded the same number of copies)."""
    import pyoxigraph as ox

    ready = folder / READY
    if ready.is_file() and ready.read_text().strip() == f"{copies} {len(seed)}":
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    data = folder.parent / f"{folder.name}.nt"
    with data.open("w", encoding="utf-8") as handle:
        handle.writelines(synthetic_lines(turtle, copies))
    store = ox.Store(str(folder))
    store.clear()
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    data.unlink()
    (folder / OxigraphStore.MARKER).unlink(missing_ok=True)  # no marker: filled by other means, queried as it is
    ready.write_text(f"{copies} {len(seed)}\n")
    return folder


def median_ms(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of `repeat` runs (pyoxigraph evaluates in the calling thread,
    so CPU time is the query's own work even on a busy machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return round(statistics.median(walls), 1), round(statistics.median(cpus), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples (default 1M)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and store (median reported)")
    parser.add_argument("--skip-embedded", action="store_true", help="time Oxigraph only")
    parser.add_argument("--store", type=Path, help="keep the loaded Oxigraph store in this folder (reused)")
    parser.add_argument("--queries", type=Path, help="time the .rq files of this folder instead of the library")
    parser.add_argument("--only", nargs="*", help="time only these named queries")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    args = parser.parse_args()

    import pyoxigraph as ox

    layout = find_layout()
    seed = load_built_graph(layout)
    copies = copies_for(seed, args.triples)
    folder = args.store or Path(layout.cache / "query-bench")
    start = time.perf_counter()
    loaded_store(seed, layout.turtle, copies, folder)
    oxigraph = OxigraphStore(folder, layout)
    size = len(oxigraph.store)
    print(f"oxigraph: {size:,} triples ({copies} copies of {len(seed):,}) ready in {time.perf_counter() - start:.1f} s")
    embedded = None
    if not args.skip_embedded:
        graph = Graph()
        for quad in oxigraph.store.quads_for_pattern(None, None, None):
            graph.add(tuple(URIRef(t.value) if isinstance(t, ox.NamedNode) else _literal(t) for t in quad[:3]))
        embedded = RdflibStore(graph)

    queries = library(args.queries.resolve()) if args.queries else library()
    report: dict = {
        "triples": size,
        "copies": copies,
        "seed_triples": len(seed),
        "repeat": args.repeat,
        "pyoxigraph": ox.__version__ if hasattr(ox, "__version__") else "?",
        "machine": {"cores": _cores(), "python": platform.python_version(), "system": platform.platform()},
        "queries": {},
    }
    print(f"\n{'query':24} {'rows':>6} {'engine ms':>10} {'cpu ms':>8} {'answer ms':>10} {'embedded ms':>12}")
    for name, query in queries.items():
        if args.only and name not in args.only:
            continue
        checked = check(query.text, name)
        text = prologue_for(query.text) + with_labels(query.text, "en")
        bindings = used_bindings(text, bind(query, {}, lambda: seed), "en")
        prepared = with_values(text, bindings)
        rows = len(oxigraph.run(text, checked.form, bindings).rows)
        engine, engine_cpu = median_ms(lambda: _drain(oxigraph.store.query(prepared)), args.repeat)
        answer, answer_cpu = median_ms(lambda: oxigraph.run(text, checked.form, bindings), args.repeat)
        entry = {
            "rows": rows,
            "engine_ms": engine,
            "engine_cpu_ms": engine_cpu,
            "answer_ms": answer,
            "answer_cpu_ms": answer_cpu,
            "params": {k: str(v) for k, v in bindings.items()},
        }
        em = "—"
        if embedded is not None:
            entry["embedded_ms"] = median_ms(lambda: embedded.run(text, checked.form, bindings), args.repeat)[0]
            em = f"{entry['embedded_ms']:.1f}"
        report["queries"][name] = entry
        print(f"{name:24} {rows:>6} {engine:>10.1f} {engine_cpu:>8.1f} {answer:>10.1f} {em:>12}", flush=True)
    engines = [q["engine_cpu_ms"] for q in report["queries"].values()]
    slow = sorted(n for n, q in report["queries"].items() if q["engine_cpu_ms"] > 50)
    report["slow"] = slow
    load = os.getloadavg()[0]
    report["load_average"] = round(load, 2)
    print(
        f"\noxigraph CPU: median {statistics.median(engines):.1f} ms, {len(slow)} of {len(engines)} above 50 ms {slow}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _drain(result) -> int:
    """Every solution (or triple) of a pyoxigraph answer, counted; a boolean as 1."""
    if isinstance(result, bool):
        return int(result)
    return sum(1 for _ in result)


def _literal(term):
    from rdflib import Literal

    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _cores() -> int:
    return os.cpu_count() or 0


if __name__ == "__main__":
    sys.exit(main())
