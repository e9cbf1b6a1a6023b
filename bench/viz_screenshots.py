"""The README's pictures of `amurkg viz` and `amurkg map`, taken in headless Chromium from the
committed graph (exports/amurkg.ttl): the default network, a search (哈尔滨), a neighbourhood
(a click on Heihe) and the map without the network. Run: .venv/bin/python bench/viz_screenshots.py
[--out docs/screenshots] [--format jpg|png]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from headless import Chromium, file_url  # noqa: E402

SEARCH = """(function (text) {
  var input = document.getElementById("search");
  input.focus(); input.value = text; input.dispatchEvent(new Event("input"));
})(%r)"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--format", choices=("jpg", "png"), default="jpg")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    amurkg = str(REPO / ".venv" / "bin" / "amurkg")
    with tempfile.TemporaryDirectory() as folder, Chromium(1600, 1000) as chromium:
        network, geo = Path(folder) / "net.html", Path(folder) / "map.html"
        subprocess.run([amurkg, "viz", "--root", str(REPO), "--out", str(network)], check=True)
        subprocess.run([amurkg, "map", "--root", str(REPO), "--out", str(geo)], check=True)
        page = chromium.page()
        page.goto(file_url(network))
        page.wait_for("window.amurkg && window.amurkg.drawnAt")
        page.pump(0.5)
        page.screenshot(args.out / f"network.{args.format}")
        page.evaluate(SEARCH % "哈尔滨")
        page.pump(0.3)
        page.screenshot(args.out / f"network-search-suggestions.{args.format}")
        page.evaluate("document.getElementById('search').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))")
        page.pump(0.5)
        page.screenshot(args.out / f"network-search.{args.format}")
        page.evaluate("document.getElementById('clear').click(); document.getElementById('search').value = ''")
        page.evaluate("amurkg.choose('heihe')")
        page.evaluate("amurkg.network.focus('heihe', {scale: 1.6, animation: false})")
        page.pump(0.5)
        page.screenshot(args.out / f"network-neighbourhood.{args.format}")
        page.goto(file_url(geo))
        page.wait_for("window.amurkgMap && amurkgMap.labels > 0")
        page.pump(1.5)
        page.screenshot(args.out / f"map-offline.{args.format}")
        page.close()
    for path in sorted(args.out.glob(f"*.{args.format}")):
        print(f"{path}: {path.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
