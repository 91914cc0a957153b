#!/usr/bin/env bash
# Issue 5's scale clause, measured: reconciles a large partner ledger against a large SQLite cache in
# JVMs with a small heap, from the largest -Xmx in HEAPS down until one fails, and prints one row per
# run (peaks from each run's -Xlog:gc file). The reconcile JVM opens the store and reads the ledger
# exactly as `pc-orders reconcile --ledger FILE` does. Every run also checks the report against the
# one the ledger was generated to produce, so a run that "fits" by reporting nonsense counts as failed.
#
#   benchmarks/reconcile-heap.sh                      build, prepare (once), measure
#   BUILD=no benchmarks/reconcile-heap.sh             reuse benchmarks/target/benchmarks.jar
#   HEAPS="128" ROWS=1000000 benchmarks/reconcile-heap.sh   one heap, one ledger
#
# Environment: ORDERS (cached orders of 5 line items, default 40000, i.e. 200k line items), ROWS (ledger
# sizes, default "1000000 20000"), HEAPS (MiB, default "256 192 160 128 96 80 64 56 48 40 32 24 16"),
# DATA (cache and ledgers, kept between runs, default benchmarks/target/reconcile-data; delete it after
# changing ORDERS), OUT (default benchmarks/target/reconcile-results), JAR (measure another build, e.g. a copy
# of benchmarks.jar made before a change, with BUILD=no), MVN, MVN_ARGS, BUILD as run.sh.
# Preparing (a sync of ORDERS orders from the sandbox, then the ledgers) takes a minute or two the first time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
ORDERS="${ORDERS:-40000}"
ROWS="${ROWS:-1000000 20000}"
HEAPS="${HEAPS:-256 192 160 128 96 80 64 56 48 40 32 24 16}"
DATA="${DATA:-$repo/benchmarks/target/reconcile-data}"
OUT="${OUT:-$repo/benchmarks/target/reconcile-results}"
jar="${JAR:-$repo/benchmarks/target/benchmarks.jar}"
probe=(-cp "$jar" dev.pcorders.benchmarks.ReconcileHeapProbe)

# shellcheck source=build-jar.sh
source "$repo/benchmarks/build-jar.sh"
build_benchmarks_jar
[[ -f "$jar" ]] || { echo "no $jar: build first" >&2; exit 1; }

mkdir -p "$DATA" "$OUT"
if [[ ! -f "$DATA/cache.db" ]]; then
    echo "preparing: sync of $ORDERS orders x 5 line items into $DATA/cache.db" >&2
    java -Xmx1g "${probe[@]}" prepare "$DATA" "$ORDERS" >&2
fi
for rows in $ROWS; do
    if [[ ! -f "$DATA/ledger-$rows.csv" ]]; then
        java -Xmx1g "${probe[@]}" ledger "$DATA" "$rows" >&2
    fi
done

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cores: $(nproc)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "git: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"
java "${probe[@]}" header | tee "$OUT/table.md"
for rows in $ROWS; do
    for heap in $HEAPS; do
        result="$OUT/result-$rows-${heap}m.properties"
        gc="$OUT/gc-$rows-${heap}m.log"
        rm -f "$result" "$gc"
        status=0
        # A heap just too small can keep G1 collecting for a long time before it gives up: that counts as a failure.
        timeout 600 java "-Xmx${heap}m" "-Xlog:gc:file=$gc" "${probe[@]}" reconcile "$DATA" "$rows" "$result" \
            >"$OUT/reconcile-$rows-${heap}m.log" 2>&1 || status=$?
        if [[ -f "$result" ]]; then
            java "${probe[@]}" summary "$result" "$gc" | tee -a "$OUT/table.md"
        else
            echo "| $rows | | ${heap}m | no: exit $status, no result (see $OUT/reconcile-$rows-${heap}m.log) | | | | | | |" \
                | tee -a "$OUT/table.md"
        fi
        [[ $status == 0 ]] || break   # the smallest heap that works is the row above
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
