# Sourced by run.sh and reconcile-heap.sh: builds benchmarks/target/benchmarks.jar as BUILD says, with
# MVN and MVN_ARGS. reactor: benchmarks and the modules it needs, from these sources (-am); module: only
# this module, its siblings taken from ~/.m2; no: reuse the jar as it is.
MVN="${MVN:-mvn}"
MVN_ARGS="${MVN_ARGS:-}"
BUILD="${BUILD:-reactor}"

build_benchmarks_jar() {
    case "$BUILD" in
        reactor)
            # shellcheck disable=SC2086
            "$MVN" -B -q $MVN_ARGS -DskipTests package -pl benchmarks -am ;;
        module)
            # shellcheck disable=SC2086
            "$MVN" -B -q $MVN_ARGS -DskipTests package -pl benchmarks ;;
        no) ;;
        *) echo "BUILD must be reactor, module or no, got $BUILD" >&2; exit 2 ;;
    esac
}
