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
# after `mvn -Ppackage package -Djpackage.installer=none`.
set -euo pipefail
dir=$1; runs=$2; shift 2
cp=$(mktemp)
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
qt=src/test/bench/quicktype/node_modules/quicktype/dist/index.js
results=$(mktemp)
measure() { # label n command...
  local label=$1 n=$2 report; shift 2
  report=$(mktemp)
  /usr/bin/time -v -o "$report" "$@" >/dev/null 2>&1 || { echo "$label failed:"; cat "$report"; exit 1; }
  awk -v label="$label" -v n="$n" -v load="$(cut -d' ' -f1 /proc/loadavg)" -F': ' '
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    /Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = t[k] + (k > 1 ? 60 * t[k - 1] : 0) + (k > 2 ? 3600 * t[k - 2] : 0) }
    END { printf "%-9s %8d %8.2f s wall %8.2f s cpu %6.0f MB  load %s\n", label, n, wall, user + sys, rss / 1024, load }
  ' "$report" | tee -a "$results"
  rm -f "$report"
}
for n in "$@"; do
  if [ ! -f "$dir/$n/items.json" ]; then
    java -cp "target/test-classes:target/classes:$(cat "$cp")" dev.veil.testing.ExportFixtures "$dir/$n" "$n" >/dev/null
  fi
  for _ in $(seq "$runs"); do
    rm -rf "$dir/ws"
    # shellcheck disable=SC2086 # VEIL is a command line, split on purpose
    measure veil "$n" ${VEIL:-java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -jar target/veil.jar} sample users --from-export "$dir/$n/export" --workspace "$dir/ws" --json
    measure quicktype "$n" node "$qt" --src-lang json --lang schema "$dir/$n/items.json" -o "$dir/$n/schema.json"
  done
done
echo "median of $runs:"
sort -k1,1 -k2,2n "$results" | awk '
  function median(a, c,   i, j, x) { # insertion sort, then the middle one
    for (i = 2; i <= c; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return a[int((c + 1) / 2)] }
  function flush() { if (c) printf "%-9s %8d %8.2f s wall %8.2f s cpu %6.0f MB\n", k1, k2, median(w, c), median(u, c), median(r, c) }
  { if ($1 != k1 || $2 != k2) { flush(); k1 = $1; k2 = $2; c = 0 }
    c++; w[c] = $3 + 0; u[c] = $6 + 0; r[c] = $9 + 0 }
  END { flush() }'
rm -f "$cp" "$results"
