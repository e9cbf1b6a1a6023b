#!/usr/bin/env bash
# The scale benchmark at the documented scales (default 10 and 100); figures go to bench/results/.
#   bench/run.sh            # 10× and 100×
#   bench/run.sh 1000       # 1,000× (~110 MB of text; see bench/README.md for what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(10 100)
mkdir -p bench/results
for scale in "${scales[@]}"; do
  .venv/bin/amurkg bench --scale "$scale" --json "bench/results/scale-$scale.json" --time-limit "${BENCH_TIME_LIMIT:-3600}"
done
