#!/usr/bin/env bash
# Issue 21's Excel export at scale: `pc-orders --db CACHE orders list --format xlsx --output FILE` of a cache of
# ORDERS x 5 line items, run from the CLI's own jar in JVMs of a small heap, from the largest -Xmx in HEAPS down
# until one fails; one table row per run (peaks from each run's -Xlog:gc file). Each workbook's sheet is read back
# (its <row> elements counted as the zip is inflated) and must hold one row per line item plus the header.
#
#   benchmarks/xlsx-heap.sh                          build, prepare (once), measure
#   BUILD=no benchmarks/xlsx-heap.sh                 reuse cli/target/pc-orders.jar and benchmarks.jar
#   HEAPS="128" ORDERS=20000 benchmarks/xlsx-heap.sh
#
# Environment: ORDERS (default 200000, i.e. 1,000,000 line items), HEAPS (MiB, default "256 128 96 64 48 32"),
# DATA (the cache, kept between runs, default benchmarks/target/xlsx-data-$ORDERS), OUT (default
# benchmarks/target/xlsx-results), MVN, MVN_ARGS, BUILD (reactor, or no).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
ORDERS="${ORDERS:-200000}"
HEAPS="${HEAPS:-256 128 96 64 48 32}"
DATA="${DATA:-$repo/benchmarks/target/xlsx-data-$ORDERS}"
OUT="${OUT:-$repo/benchmarks/target/xlsx-results}"
MVN="${MVN:-mvn}"
MVN_ARGS="${MVN_ARGS:-}"
cli="$repo/cli/target/pc-orders.jar"
probe=(-cp "$repo/benchmarks/target/benchmarks.jar" dev.pcorders.benchmarks.XlsxHeapProbe)

if [[ "${BUILD:-reactor}" == reactor ]]; then
    # shellcheck disable=SC2086
    "$MVN" -B -q $MVN_ARGS -DskipTests package -pl cli,benchmarks -am
fi
[[ -f "$cli" ]] || { echo "no $cli: build first" >&2; exit 1; }

mkdir -p "$DATA" "$OUT"
if [[ ! -f "$DATA/cache.db" ]]; then
    echo "preparing: sync of $ORDERS orders x 5 line items into $DATA/cache.db" >&2
    java -Xmx1g "${probe[@]}" prepare "$DATA" "$ORDERS" >&2
fi
rows=$((ORDERS * 5 + 1))

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cores: $(nproc)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "git: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"
java "${probe[@]}" header | tee "$OUT/table.md"
for heap in $HEAPS; do
    xlsx="$OUT/orders-${heap}m.xlsx"
    gc="$OUT/gc-${heap}m.log"
    rm -f "$xlsx" "$gc"
    status=0
    start=$(date +%s.%N)
    # The CLI's temporary rows go to java.io.tmpdir: OUT, so that they are on the disk measured and removed with it.
    timeout 900 java "-Xmx${heap}m" "-Xlog:gc:file=$gc" "-Djava.io.tmpdir=$OUT" -jar "$cli" \
        --db "$DATA/cache.db" orders list --format xlsx --output "$xlsx" >"$OUT/cli-${heap}m.log" 2>&1 || status=$?
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    if [[ $status == 0 && -f "$xlsx" ]]; then
        java "${probe[@]}" summary "$xlsx" "$rows" "$heap" "$(printf '%.1f' "$seconds")" "$gc" | tee -a "$OUT/table.md" \
            || status=$?
        rm -f "$xlsx"
    else
        echo "| $((rows - 1)) | ${heap}m | no: exit $status (see $OUT/cli-${heap}m.log) | | | | | | |" | tee -a "$OUT/table.md"
    fi
    [[ $status == 0 ]] || break   # the smallest heap that works is the row above
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
