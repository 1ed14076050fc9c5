#!/usr/bin/env bash
# Export profiling against quicktype on the same items (docs/PERFORMANCE.md), whole process,
# runs interleaved (veil, quicktype, veil, quicktype, ...) so both see the same machine load.
# Usage, from the repository root, after `mvn -q package -DskipTests` and
# `(cd src/test/bench/quicktype && npm ci)`:
#   bash src/test/bench/export_bench.sh BENCH_DIR RUNS N...
# Writes the inputs with dev.veil.app.ExportBenchmarkData (test tree) when missing and prints one
# line per run: tool, items, wall seconds, CPU seconds (user+sys), peak RSS in MB.
# VEIL names the command to measure (default: java -jar target/veil.jar); for the app image as
# installed, VEIL=target/jpackage/veil/bin/veil after `mvn -Ppackage package -Djpackage.installer=none`.
set -euo pipefail
dir=$1; runs=$2; shift 2
cp=$(mktemp)
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
qt=src/test/bench/quicktype/node_modules/quicktype/dist/index.js
measure() { # label n command...
  local label=$1 n=$2; shift 2
  /usr/bin/time -f "$label $n %e %U %S %M" "$@" 2>&1 >/dev/null | tail -n 1 \
    | awk '{printf "%-9s %8d %7.2f s wall %7.2f s cpu %6.0f MB\n", $1, $2, $3, $4 + $5, $6 / 1024}'
}
for n in "$@"; do
  if [ ! -f "$dir/$n/items.json" ]; then
    java -cp "target/test-classes:target/classes:$(cat "$cp")" dev.veil.app.ExportBenchmarkData "$dir/$n" "$n" >/dev/null
  fi
  for _ in $(seq "$runs"); do
    rm -rf "$dir/ws"
    # shellcheck disable=SC2086 # VEIL is a command line, split on purpose
    measure veil "$n" ${VEIL:-java -jar target/veil.jar} sample users --from-export "$dir/$n/export" --workspace "$dir/ws" --json
    measure quicktype "$n" node "$qt" --src-lang json --lang schema "$dir/$n/items.json" -o "$dir/$n/schema.json"
  done
done
rm -f "$cp"
