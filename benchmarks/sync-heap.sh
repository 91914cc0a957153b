#!/usr/bin/env bash
# The sync heap probes of docs/PERFORMANCE.md: one customer of ORDERS orders x 5 line items synced over HTTP
# (loopback) into a SQLite file in a -Xmx256m JVM, (1) served in responses of 1,000 orders and (2) served in ONE
# response. The sandbox runs in a JVM of its own (ProbeSandbox), so the heap figures are the client's alone.
# About 3 minutes on 2 cores, build excluded.
#
#   benchmarks/sync-heap.sh                   build (reactor, -am) and run both probes
#   BUILD=no benchmarks/sync-heap.sh          reuse benchmarks/target/benchmarks.jar
#   PROBES=one benchmarks/sync-heap.sh        only the one-response probe (paged, one, or both: the default)
#
# Environment: ORDERS (default 200000), HEAP (MiB, default 256), JAR, OUT (default benchmarks/target/sync-heap),
# PROBE_TIMEOUT (seconds per probe, default 900). Sourced by run.sh, which passes its own OUT.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORDERS="${ORDERS:-200000}"
HEAP="${HEAP:-256}"
PROBES="${PROBES:-both}"
PROBE_TIMEOUT="${PROBE_TIMEOUT:-900}"
jar="${JAR:-$repo/benchmarks/target/benchmarks.jar}"
OUT="${OUT:-$repo/benchmarks/target/sync-heap}"

# run_sync_probe NAME PAGE_SIZE: appends the probe's result and GC log to heap_args
run_sync_probe() {
    local name=$1 page_size=$2
    local info="$OUT/$name-sandbox.properties" status=0 sandbox
    rm -f "$info"
    java -cp "$jar" dev.pcorders.benchmarks.ProbeSandbox "$ORDERS" "$page_size" "$info" >"$OUT/$name-sandbox.log" 2>&1 &
    sandbox=$!
    for _ in $(seq 1 600); do
        [[ -f "$info" ]] && break
        kill -0 "$sandbox" 2>/dev/null || break
        sleep 0.1
    done
    if [[ ! -f "$info" ]]; then
        echo "the $name sandbox did not start; see $OUT/$name-sandbox.log" >&2
        kill "$sandbox" 2>/dev/null || true
        return 0
    fi
    timeout "$PROBE_TIMEOUT" java -Xmx"${HEAP}"m -Xlog:gc:file="$OUT/gc-$name.log" -cp "$jar" \
        dev.pcorders.benchmarks.SyncHeapProbe "$ORDERS" "$OUT/$name.properties" "$info" >"$OUT/$name.log" 2>&1 || status=$?
    kill "$sandbox" 2>/dev/null || true
    wait "$sandbox" 2>/dev/null || true
    [[ $status == 0 ]] || echo "the $name failed (exit $status); see $OUT/$name.log" >&2
    heap_args+=("$OUT/$name.properties" "$OUT/gc-$name.log")
}

run_sync_probes() {
    mkdir -p "$OUT"
    [[ "$PROBES" == one ]] || run_sync_probe heap-probe 1000
    [[ "$PROBES" == paged ]] || run_sync_probe heap-probe-one-response 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    # shellcheck source=build-jar.sh
    source "$repo/benchmarks/build-jar.sh"
    cd "$repo"
    build_benchmarks_jar
    heap_args=()
    run_sync_probes
    java -cp "$jar" dev.pcorders.benchmarks.ResultsTable --heap-only "${heap_args[@]}" | tee "$OUT/table.md"
fi
