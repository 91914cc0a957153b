#!/usr/bin/env bash
# The crash and concurrency scenarios of the reliability suite, run longer than `mvn verify` runs them:
# more SIGKILLs of a larger paged sync, more syncs per writer process. The tests read the sizes from
# system properties; the defaults below are the soak's, `mvn verify` uses 20 kills, 6000 orders, 4 syncs.
#
#   cli/soak.sh                            # 200 kills of a 20k-order sync, 40 syncs per writer
#   KILLS=1000 ORDERS=50000 cli/soak.sh
#
# Figures land in cli/target/reliability-figures.txt; surefire's reports say what failed.
set -euo pipefail

KILLS="${KILLS:-200}"
ORDERS="${ORDERS:-20000}"
ITERATIONS="${ITERATIONS:-40}"

cd "$(dirname "$0")/.."
rm -f cli/target/reliability-figures.txt

mvn -B -pl cli -am verify \
    -Dtest='CrashSafetyReliabilityTest,ConcurrencyReliabilityTest' \
    -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsurefire.timeout=0 \
    -Dpc-orders.reliability.kills="$KILLS" \
    -Dpc-orders.reliability.orders="$ORDERS" \
    -Dpc-orders.reliability.iterations="$ITERATIONS" \
    "$@"

cat cli/target/reliability-figures.txt
