"""How fast `amurkg viz` pages appear: a synthetic network of N entities (default 2,000, the size
limit) and the seed graph, written as `amurkg viz` writes them and opened in headless Chromium.

Measures, per page: Python time (wall clock and CPU) to select, lay out and render; file size; time from navigation
start to the first frame drawn by vis-network; whether the picture is still one second later
(every node where it was); how many labels the first view draws and how many of them overlap.
Run: .venv/bin/python bench/viz_bench.py [--nodes 2000] [--runs 3] [--screenshots DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from headless import Chromium, file_url  # noqa: E402

from amurkg.layout import Layout  # noqa: E402
from amurkg.store.loading import load_built_graph  # noqa: E402
from amurkg.views.model import PREDICATES, Evidence, Link, Network, Node, read_network  # noqa: E402
from amurkg.views.page import Source, render_page  # noqa: E402
from amurkg.views.select import Filters, select  # noqa: E402
from amurkg.views.style import CLASS_STYLE  # noqa: E402

STILL = """(function () {
  var before = JSON.stringify(amurkg.network.getPositions());
  return new Promise(function (done) {
    setTimeout(function () { done(JSON.stringify(amurkg.network.getPositions()) === before); }, 1000);
  });
})()"""


def synthetic(nodes: int, seed: int = 1) -> Network:
    """A scale-free-ish network: each new entity links to 1–2 earlier ones, preferring busy ones."""
    rng = random.Random(seed)
    classes = [c for c in CLASS_STYLE if c != "Document"]
    made = {}
    for i in range(nodes):
        key = f"e{i:05d}"
        made[key] = Node(
            key,
            classes[i % len(classes)],
            {"en": f"Entity {i}", "zh": f"实体{i}", "ja": f"実体{i}", "ru": f"Сущность {i}"},
            documents=[("doc", "A document")],
        )
    links, ends = [], ["e00000"]
    for i in range(1, nodes):
        for target in sorted({rng.choice(ends) for _ in range(rng.choice((1, 2)))}):
            links.append(
                Link(
                    f"e{i:05d}",
                    target,
                    rng.choice(PREDICATES[:2] + PREDICATES[4:5]),
                    (Evidence("pattern", "doc", "A document", f"Entity {i} quote"),),
                )
            )
            ends += [target, f"e{i:05d}"]
    return Network(made, links, {"doc": "A document"})


OVERLAPS = """(function () {
  var b = amurkg.labels, clash = {};
  for (var i = 0; i < b.length; i++) for (var j = i + 1; j < b.length; j++) {
    if (b[i][1] < b[j][1] + b[j][3] && b[j][1] < b[i][1] + b[i][3] && b[i][2] < b[j][2] + b[j][4] && b[j][2] < b[i][2] + b[i][4]) {
      clash[b[i][0]] = clash[b[j][0]] = 1;
    }
  }
  return [b.length, Object.keys(clash).length];
})()"""


def measure(chromium: Chromium, path: Path, runs: int, shot: Path | None) -> tuple[list[float], bool, int, list[int]]:
    drawn, still, count, labels = [], True, 0, [0, 0]
    for run in range(runs):
        page = chromium.page()
        try:
            page.goto(file_url(path), timeout=120)
            drawn.append(page.wait_for("window.amurkg && window.amurkg.drawnAt", timeout=120) / 1000)
            still = still and bool(page.evaluate(STILL))
            count = page.evaluate("amurkg.nodes.length")
            labels = page.evaluate(OVERLAPS)
            if shot is not None and run == 0:
                page.screenshot(shot)
            if page.errors:
                raise SystemExit(f"JavaScript errors on {path.name}: {page.errors}")
        finally:
            page.close()
    return drawn, still, count, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshots", type=Path, help="write a PNG of each page's first view here")
    args = parser.parse_args()
    layout = Layout(REPO)
    source = Source("synthetic", "-", "-")
    cases = [(f"synthetic-{args.nodes}", synthetic(args.nodes), source)]
    if layout.turtle.is_file():
        cases.append(
            (
                "seed-graph",
                read_network(load_built_graph(layout)),
                Source.of(layout.turtle, layout.shown(layout.turtle)),
            )
        )
    with tempfile.TemporaryDirectory() as folder, Chromium() as chromium:
        for name, network, origin in cases:
            started, cpu = time.perf_counter(), time.process_time()
            selection = select(network, Filters())
            page = render_page(selection, Filters(), "en", origin)
            python, python_cpu = time.perf_counter() - started, time.process_time() - cpu
            path = Path(folder) / "page.html"
            path.write_text(page, encoding="utf-8")
            shot = args.screenshots / f"{name}.png" if args.screenshots else None
            if shot is not None:
                shot.parent.mkdir(parents=True, exist_ok=True)
            drawn, still, count, (labels, overlapping) = measure(chromium, path, args.runs, shot)
            print(
                f"{name}: {count:,} nodes, {len(selection.links):,} links, {path.stat().st_size / 1e6:.1f} MB; "
                f"python {python:.1f} s (CPU {python_cpu:.1f} s); first frame after {statistics.median(drawn):.2f} s "
                f"(median of {len(drawn)}, max {max(drawn):.2f} s); still after 1 s: {'yes' if still else 'NO'}; "
                f"labels drawn {labels}, overlapping {overlapping}"
            )


if __name__ == "__main__":
    main()
