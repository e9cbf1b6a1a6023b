"""Time every named query on a synthetic graph of ≥ 1,000,000 triples shaped like ours, on the
embedded store (rdflib) and on Oxigraph; print medians and their ratio.

The synthetic graph is the built graph (exports/amurkg.ttl) copied N times: in copy k every entity,
document, mention and evidence IRI gets the suffix `-k` (so Harbin has 30 namesakes, each with its
own parks, documents and mentions), while the shared vocabularies — countries, industries and
cooperation models — and the ontology stay one, so their fan-in grows with the corpus as it would in
a larger one. Parameters are the named queries' defaults (copy 0), bound as RDF terms.

    .venv/bin/python bench/query_bench.py                 # ≥ 1M triples, both stores
    .venv/bin/python bench/query_bench.py --copies 5 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from amurkg.layout import find_layout
from amurkg.namespaces import AK, ID, bind_prefixes
from amurkg.store.loading import load_built_graph
from amurkg.store.named_queries import bind, library
from amurkg.store.sparql import check, prologue_for, used_bindings, with_labels
from amurkg.store.stores import OxigraphStore, RdflibStore

SHARED = {AK.Country, AK.Industry, AK.CooperationModel}


def synthetic(seed: Graph, copies: int) -> Graph:
    """`copies` renamed copies of the seed data sharing countries, industries, models and ontology."""
    shared = {node for node, cls in seed.subject_objects(RDF.type) if cls in SHARED}
    shared |= {URIRef(f"{node}/geometry") for node in shared}
    prefix = str(ID)

    def rename(term, k: int):
        if k == 0 or not isinstance(term, URIRef) or not str(term).startswith(prefix) or term in shared:
            return term
        return URIRef(f"{term}-{k}")

    graph = Graph()
    bind_prefixes(graph)
    triples = list(seed)
    for k in range(copies):
        for s, p, o in triples:
            copy = (rename(s, k), p, rename(o, k))
            if k == 0 or copy != (s, p, o):  # shared and ontology triples once
                graph.add(copy)
    return graph


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=36, help="copies of the seed data (default 36: > 1M triples)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and store (median reported)")
    parser.add_argument("--skip-embedded", action="store_true", help="time Oxigraph only")
    args = parser.parse_args()

    layout = find_layout()
    seed = load_built_graph(layout)
    start = time.perf_counter()
    graph = synthetic(seed, args.copies)
    print(
        f"synthetic graph: {len(graph):,} triples ({args.copies} copies of {len(seed):,}) "
        f"in {time.perf_counter() - start:.1f} s",
        flush=True,
    )

    with tempfile.TemporaryDirectory(prefix="amurkg-bench-") as folder:
        data = Path(folder) / "exports" / "amurkg.ttl"
        data.parent.mkdir()
        start = time.perf_counter()
        graph.serialize(data, format="nt", encoding="utf-8")
        oxigraph_layout = type(layout)(Path(folder))
        import pyoxigraph as ox

        store = ox.Store(str(Path(folder) / "oxigraph"))
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        (Path(folder) / "oxigraph" / OxigraphStore.MARKER).write_text("bench\n")
        del store
        oxigraph = OxigraphStore(Path(folder) / "oxigraph", oxigraph_layout)
        print(f"oxigraph store loaded in {time.perf_counter() - start:.1f} s", flush=True)
        embedded = RdflibStore(graph)

        print(f"\n{'query':24} {'rows':>6} {'embedded ms':>12} {'oxigraph ms':>12} {'ratio':>7}")
        oxigraph_medians = []
        for name, query in library().items():
            checked = check(query.text, name)
            text = prologue_for(query.text) + with_labels(query.text, "en")
            bindings = used_bindings(text, bind(query, {}, lambda: seed), "en")
            rows = len(oxigraph.run(text, checked.form, bindings).rows)
            ox_ms = median_ms(lambda: oxigraph.run(text, checked.form, bindings), args.repeat)
            oxigraph_medians.append(ox_ms)
            if args.skip_embedded:
                print(f"{name:24} {rows:>6} {'—':>12} {ox_ms:>12.1f} {'—':>7}", flush=True)
                continue
            em_rows = len(embedded.run(text, checked.form, bindings).rows)
            em_ms = median_ms(lambda: embedded.run(text, checked.form, bindings), args.repeat)
            same = "" if em_rows == rows else f"  (embedded: {em_rows} rows)"
            print(f"{name:24} {rows:>6} {em_ms:>12.1f} {ox_ms:>12.1f} {em_ms / ox_ms:>6.0f}×{same}", flush=True)
        slow = [m for m in oxigraph_medians if m > 50]
        print(
            f"\noxigraph: median of medians {statistics.median(oxigraph_medians):.1f} ms, "
            f"{len(slow)} of {len(oxigraph_medians)} queries above 50 ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
