# Shared by the whole-process benchmarks (export_bench.sh, floor_bench.sh); sourced, not run.
# measure LABEL N COMMAND... runs COMMAND once under /usr/bin/time -v and appends one line to
# $results: label, N, wall seconds, CPU seconds (user+sys), peak RSS in MB and the 1-minute load
# average when the run ended. medians RUNS prints the median of each (label, N). veil is the
# command line measured as Veil: $VEIL, else the jar with the options the Linux launcher passes
# (packaging/linux/app-image.args).
results=$(mktemp)
# shellcheck disable=SC2206 # VEIL is a command line, split on purpose
veil=(${VEIL:-java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -jar target/veil.jar})
measure() { # label n command...
  local label=$1 n=$2 report; shift 2
  report=$(mktemp)
  /usr/bin/time -v -o "$report" "$@" >/dev/null 2>&1 || { echo "$label failed:"; cat "$report"; exit 1; }
  awk -v label="$label" -v n="$n" -v load="$(cut -d' ' -f1 /proc/loadavg)" -F': ' '
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    /Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = t[k] + (k > 1 ? 60 * t[k - 1] : 0) + (k > 2 ? 3600 * t[k - 2] : 0) }
    END { printf "%-15s %8d %8.2f s wall %8.2f s cpu %6.0f MB  load %s\n", label, n, wall, user + sys, rss / 1024, load }
  ' "$report" | tee -a "$results"
  rm -f "$report"
}
medians() { # runs
  echo "median of $1:"
  sort -k1,1 -k2,2n "$results" | awk '
    function median(a, c,   i, j, x) { # insertion sort, then the middle one
      for (i = 2; i <= c; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
      return a[int((c + 1) / 2)] }
    function flush() { if (c) printf "%-15s %8d %8.2f s wall %8.2f s cpu %6.0f MB\n", k1, k2, median(w, c), median(u, c), median(r, c) }
    { if ($1 != k1 || $2 != k2) { flush(); k1 = $1; k2 = $2; c = 0 }
      c++; w[c] = $3 + 0; u[c] = $6 + 0; r[c] = $9 + 0 }
    END { flush() }'
}
