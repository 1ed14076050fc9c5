#!/usr/bin/env bash
# The fixed cost under an export's profile (docs/PERFORMANCE.md, "The 5× goal at 100,000 items
# and the floor under it"): whole processes that do less and less of what `veil sample
# --from-export` does, each RUNS times, interleaved, then the median of each. Usage, from the
# repository root, after `mvn -q package -DskipTests`, `(cd src/test/bench/quicktype && npm ci)`
# and export_bench.sh has written BENCH_DIR/10 (or any run of it with N=10):
#   bash src/test/bench/floor_bench.sh BENCH_DIR RUNS [N]
# Beside them, in the same rounds, Veil (asking the table for its keys, and with --keys) and
# quicktype on N items (default 100000; BENCH_DIR/N must exist), the size the goal is set at.
# The second column is the number of items read, 0 for runs that read none. VEIL as in
# export_bench.sh.
set -euo pipefail
dir=$1; runs=$2; n=${3:-100000}
qt=src/test/bench/quicktype/node_modules/quicktype/dist/index.js
# shellcheck source=src/test/bench/measure.sh
. "$(dirname "$0")/measure.sh"
for _ in $(seq "$runs"); do
  measure node-noop 0 node -e 0
  measure quicktype 10 node "$qt" --src-lang json --lang schema "$dir/10/items.json" -o "$dir/10/schema.json"
  measure veil-version 0 "${veil[@]}" --version
  rm -rf "$dir/ws"
  measure veil-open-fresh 0 "${veil[@]}" audit-log --workspace "$dir/ws"
  measure veil-open 0 "${veil[@]}" audit-log --workspace "$dir/ws"
  rm -rf "$dir/ws"
  measure veil-keys 10 "${veil[@]}" sample users --from-export "$dir/10/export" --workspace "$dir/ws" --json --keys userId
  rm -rf "$dir/ws"
  measure veil-asks 10 "${veil[@]}" sample users --from-export "$dir/10/export" --workspace "$dir/ws" --json
  measure quicktype "$n" node "$qt" --src-lang json --lang schema "$dir/$n/items.json" -o "$dir/$n/schema.json"
  rm -rf "$dir/ws"
  measure veil-asks "$n" "${veil[@]}" sample users --from-export "$dir/$n/export" --workspace "$dir/ws" --json
  rm -rf "$dir/ws"
  measure veil-keys "$n" "${veil[@]}" sample users --from-export "$dir/$n/export" --workspace "$dir/ws" --json --keys userId
done
medians "$runs"
rm -f "$results"
