#!/usr/bin/env bash
# Export profiling against quicktype on the same items (docs/PERFORMANCE.md), whole process,
# runs interleaved (veil, quicktype, veil, quicktype, ...) so both see the same machine load.
# Usage, from the repository root, after `mvn -q package -DskipTests` and
# `(cd src/test/bench/quicktype && npm ci)`:
#   bash src/test/bench/export_bench.sh BENCH_DIR RUNS N...
# Writes the inputs with dev.veil.testing.ExportFixtures (test tree) when missing and prints one
# line per run: tool, items, wall seconds, CPU seconds (user+sys), peak RSS in MB (all from
# /usr/bin/time -v) and the 1-minute load average when the run ended, then the median of each.
# VEIL names the command to measure (default: the jar with the options the Linux launcher passes,
# packaging/linux/app-image.args); for the app image as installed, VEIL=target/jpackage/veil/bin/veil
# after `mvn -Ppackage package -Djpackage.installer=none`. VEIL_ARGS adds arguments to the sample
# command: VEIL_ARGS='--keys userId' names the key, so nothing asks the live table for it (without
# it Veil asks, and where no region or endpoint is configured the SDK's wait for the instance
# metadata endpoint comes first).
set -euo pipefail
dir=$1; runs=$2; shift 2
cp=$(mktemp)
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
qt=src/test/bench/quicktype/node_modules/quicktype/dist/index.js
# shellcheck source=src/test/bench/measure.sh
. "$(dirname "$0")/measure.sh"
for n in "$@"; do
  if [ ! -f "$dir/$n/items.json" ]; then
    java -cp "target/test-classes:target/classes:$(cat "$cp")" dev.veil.testing.ExportFixtures "$dir/$n" "$n" >/dev/null
  fi
  for _ in $(seq "$runs"); do
    rm -rf "$dir/ws"
    # shellcheck disable=SC2086 # VEIL_ARGS is a list of arguments, split on purpose
    measure veil "$n" "${veil[@]}" sample users --from-export "$dir/$n/export" --workspace "$dir/ws" --json ${VEIL_ARGS:-}
    measure quicktype "$n" node "$qt" --src-lang json --lang schema "$dir/$n/items.json" -o "$dir/$n/schema.json"
  done
done
medians "$runs"
rm -f "$cp" "$results"
