"""Time a warm named query from the command line against `oxigraph query` on the same store: the
wall time and the CPU (user + sys of the child, from getrusage) of each command, median of N runs,
the commands interleaved, after one warm-up run each.

    .venv/bin/python bench/cli_bench.py                       # this checkout's `amurkg`
    .venv/bin/python bench/cli_bench.py --before OTHER/.venv/bin/amurkg   # and another checkout's

The query is `amurkg query --name parks-of-city --param city=harbin` on the default store and on
`--store oxigraph` (table and csv); `oxigraph query` gets the same SPARQL, as amurkg prepares it, on
the build's store `.cache/oxigraph` (union default graph). Needs a build (`amurkg build`).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def prepared_sparql() -> str:
    from amurkg.namespaces import ID
    from amurkg.store.named_queries import named
    from amurkg.store.sparql import prologue_for, with_labels, with_values

    query = named("parks-of-city")
    return with_values(prologue_for(query.text) + with_labels(query.text, "en"), {"city": ID["harbin"]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", help="another `amurkg` executable to time on this checkout's store")
    options = parser.parse_args()
    query = ["query", "--name", "parks-of-city", "--param", "city=harbin", "--root", str(ROOT)]
    with tempfile.NamedTemporaryFile("w", suffix=".rq", delete=False) as handle:
        handle.write(prepared_sparql())
    store = ROOT / ".cache" / "oxigraph"
    commands = {
        "oxigraph query": [str(BIN / "oxigraph"), "query", "--location", str(store), "--union-default-graph"]
        + ["--query-file", handle.name, "--results-format", "csv"],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    for label, amurkg in (("before", options.before), ("after", str(BIN / "amurkg"))):
        if amurkg:
            for store_args, name in (([], "default store"), (["--store", "oxigraph"], "--store oxigraph")):
                for format_args in ([], ["--format", "csv"]):
                    commands[f"{label} {name} {' '.join(format_args)}".strip()] = [
                        amurkg,
                        *query,
                        *store_args,
                        *format_args,
                    ]
    times: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label in commands}
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=True)
    for _ in range(options.repeat):
        for label, command in commands.items():
            before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
            times[label][0].append(wall)
            times[label][1].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    os.unlink(handle.name)
    print(f"load average {os.getloadavg()[0]:.1f}; median of {options.repeat}")
    for label, (walls, cpus) in times.items():
        print(
            f"{label:36} wall {statistics.median(walls) * 1000:6.0f} ms   CPU {statistics.median(cpus) * 1000:5.0f} ms"
        )


if __name__ == "__main__":
    main()
