#!/usr/bin/env bash
# Builds the benchmarks jar and runs the measurements of docs/PERFORMANCE.md, then prints their tables and, last,
# the document's one table (Scorecard: figure, baseline, value, ratio, target, met/missed), so that a run can be
# compared with the document line by line. In order: the JMH benchmarks (decode, decode breakdown, store on SQLite and
# on PostgreSQL (a server started from zonky's binaries inside the benchmark, nothing to install), sync; each with its
# baseline in the same run), the 1M line item sync heap probes in their own -Xmx256m JVMs (paged, and all in
# one response; see sync-heap.sh), the reconcile heap probe (a 1M-row ledger against 200k cached line items in
# -Xmx128m, see reconcile-heap.sh) and the reconcile speed probe (the same reconcile against FastCSV + raw JDBC reading
# the same files, in one -Xmx128m JVM: ReconcileHeapProbe speed). 674 s on 2 cores at load 2 (2026-12-04 18:35; 790 s at
# load 5 to 9, an earlier run); the reconcile probes' cache and ledger are made once (a minute or two more) and kept in
# benchmarks/target/reconcile-data.
# The partner-scale sync (PartnerScaleSyncRun 1000 300 1200 3, about 6 minutes more) runs only with PARTNER_SCALE=1;
# the xlsx export probe is never run here (benchmarks/xlsx-heap.sh, many minutes). A row not run prints "not run"
# and what runs it.
#
#   benchmarks/run.sh                 build (reactor, -am) and run everything but the partner-scale sync
#   PARTNER_SCALE=1 benchmarks/run.sh also the partner-scale sync
#   BUILD=no benchmarks/run.sh        reuse benchmarks/target/benchmarks.jar
#   BUILD=module benchmarks/run.sh    build only this module (siblings from ~/.m2)
#   PROFILE=1 benchmarks/run.sh       also record JFR per benchmark (JMH -prof jfr); slower
#   benchmarks/run.sh Decode          extra arguments go to JMH (here: only the decode benchmarks)
#   benchmarks/run.sh StoreBenchmark  only the store benchmarks, both stores (StoreBenchmark, PostgresStoreBenchmark)
#
# Environment: MVN (default mvn), MVN_ARGS (e.g. -o), HEAP_PROBE_ORDERS (default 200000; 0 skips it),
# RECONCILE_PROBE_ROWS (ledger rows, default 1000000; 0 skips both reconcile probes), RECONCILE_PROBE_HEAP (MiB,
# default 128, both reconcile probes), RECONCILE_SPEED_ROUNDS (default 5; 0 skips the speed probe),
# PARTNER_SCALE (1 runs the partner-scale sync), OUT (results directory, default benchmarks/target/bench-results).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
OUT="${OUT:-$repo/benchmarks/target/bench-results}"
HEAP_PROBE_ORDERS="${HEAP_PROBE_ORDERS:-200000}"
RECONCILE_PROBE_ROWS="${RECONCILE_PROBE_ROWS:-1000000}"
RECONCILE_PROBE_HEAP="${RECONCILE_PROBE_HEAP:-128}"
RECONCILE_SPEED_ROUNDS="${RECONCILE_SPEED_ROUNDS:-5}"
PARTNER_SCALE="${PARTNER_SCALE:-0}"
reconcile_data="$repo/benchmarks/target/reconcile-data"
jar="$repo/benchmarks/target/benchmarks.jar"
started=$(date +%s)

say() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

# shellcheck source=build-jar.sh
source "$repo/benchmarks/build-jar.sh"
[[ "$BUILD" == no ]] || say "building the benchmarks jar (BUILD=$BUILD)"
build_benchmarks_jar
[[ -f "$jar" ]] || { echo "no $jar: build first" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cores: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
    echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "vm: $(java -version 2>&1 | tail -1)"
    echo "git: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo " (with uncommitted changes)")"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

profile=()
if [[ "${PROFILE:-0}" == 1 ]]; then
    profile=(-prof "jfr:dir=$OUT/jfr")
fi

say "JMH: decode, store (SQLite, PostgreSQL), sync"
# Forks, warm-up and measurement counts are on each benchmark class; JSON is what the table reads.
java -jar "$jar" -rf json -rff "$OUT/jmh-result.json" "${profile[@]}" "$@" 2>&1 | tee "$OUT/jmh.log" \
    | grep --line-buffered -E '^(# Benchmark:|# Parameters|Iteration|Benchmark |[A-Z][A-Za-z]+Benchmark\.)' || true
[[ -s "$OUT/jmh-result.json" ]] || { echo "JMH wrote no results; see $OUT/jmh.log" >&2; exit 1; }

heap_args=()
if [[ "$HEAP_PROBE_ORDERS" != 0 ]]; then
    say "heap probes: sync of $HEAP_PROBE_ORDERS orders x 5 line items in -Xmx256m, paged and in one response"
    # shellcheck source=sync-heap.sh
    ORDERS="$HEAP_PROBE_ORDERS"
    JAR="$jar"
    source "$repo/benchmarks/sync-heap.sh"
    run_sync_probes
fi

if [[ "$RECONCILE_PROBE_ROWS" != 0 ]]; then
    say "reconcile heap probe: $RECONCILE_PROBE_ROWS ledger rows against 200k cached line items in -Xmx${RECONCILE_PROBE_HEAP}m"
    BUILD=no JAR="$jar" ROWS="$RECONCILE_PROBE_ROWS" HEAPS="$RECONCILE_PROBE_HEAP" OUT="$OUT/reconcile" \
        "$repo/benchmarks/reconcile-heap.sh" >"$OUT/reconcile-probe.log" 2>&1 \
        || echo "the reconcile heap probe failed; see $OUT/reconcile-probe.log" >&2
    if [[ "$RECONCILE_SPEED_ROUNDS" != 0 ]]; then
        say "reconcile speed probe: the same reconcile against FastCSV + raw JDBC, $RECONCILE_SPEED_ROUNDS rounds in -Xmx${RECONCILE_PROBE_HEAP}m"
        # Uses the cache and ledger reconcile-heap.sh made just above (DATA's default).
        timeout 900 java "-Xmx${RECONCILE_PROBE_HEAP}m" -cp "$jar" dev.pcorders.benchmarks.ReconcileHeapProbe speed \
            "$reconcile_data" "$RECONCILE_PROBE_ROWS" "$RECONCILE_SPEED_ROUNDS" 2>&1 | tee "$OUT/reconcile-speed.log" \
            || echo "the reconcile speed probe failed; see $OUT/reconcile-speed.log" >&2
    fi
fi

if [[ "$PARTNER_SCALE" == 1 ]]; then
    say "partner-scale sync: 1,000 customers, 300 ms latency, 1,200 requests a minute (about 6 minutes)"
    timeout 1200 java -Xmx512m -cp "$jar" dev.pcorders.benchmarks.PartnerScaleSyncRun 1000 300 1200 3 2>&1 \
        | tee "$OUT/partner-scale.log" || echo "the partner-scale sync failed; see $OUT/partner-scale.log" >&2
fi

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
say "results"
java -cp "$jar" dev.pcorders.benchmarks.ResultsTable "$OUT/jmh-result.json" "${heap_args[@]}" | tee "$OUT/table.md"
if [[ -f "$OUT/reconcile/table.md" ]]; then
    echo
    tee -a "$OUT/table.md" <"$OUT/reconcile/table.md"
fi
echo
say "the table of docs/PERFORMANCE.md"
java -cp "$jar" dev.pcorders.benchmarks.Scorecard "$OUT" | tee "$OUT/scorecard.md"
echo
cat "$OUT/machine.txt"
echo "total: $(( $(date +%s) - started )) s; raw results in $OUT"
