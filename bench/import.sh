#!/usr/bin/env bash
# Import benchmark (issue 3): 100,000 movies and 20,000 shows (placeholders on: 40,000 seasons, 80,000
# episodes) imported into a fresh SQLite file through the launcher, then re-imported; side by side with a
# baseline of plain JDBC batch inserts of the same rows into the same migrated schema; and the same import
# of feeds 4x smaller, to show the live heap does not grow with the feed. Every JVM runs with -Xmx256m.
#
#   bench/import.sh            # from the repository root; ~2-4 minutes on 2 cores
#   MOVIES=20000 SHOWS=4000 bench/import.sh   # a quicker run
#   SKIP_BUILD=1 bench/import.sh              # reuse examples/target/catalog.jar and its test classes
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
MOVIES="${MOVIES:-100000}"
SHOWS="${SHOWS:-20000}"
HEAP="${HEAP:--Xmx256m}"

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building examples/target/catalog.jar and the benchmark classes…"
  ./mvnw -o -q -B -pl examples -am package -DskipTests
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/catalog-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
CP="examples/target/catalog.jar:examples/target/test-classes"
JAVA=("$JAVA_HOME/bin/java" "$HEAP" --enable-native-access=ALL-UNNAMED -cp "$CP" io.freecast.catalog.examples.bench.ImportBenchmark)
RESULTS="$WORK/results.properties"

"${JAVA[@]}" generate "$WORK/large" "$MOVIES" "$SHOWS"
"${JAVA[@]}" generate "$WORK/small" "$((MOVIES / 4))" "$((SHOWS / 4))"

echo "baseline: plain JDBC batch inserts of the same rows into a freshly migrated schema"
"${JAVA[@]}" baseline "$WORK/baseline.db" "$MOVIES" "$SHOWS" "$RESULTS"

echo "import through the launcher ($HEAP), fresh then again"
"${JAVA[@]}" import "$WORK/large.db" "$WORK/large/movies.json" "$WORK/large/shows.json" "$RESULTS" large
echo "the same with feeds 4x smaller ($HEAP)"
"${JAVA[@]}" import "$WORK/small.db" "$WORK/small/movies.json" "$WORK/small/shows.json" "$RESULTS" small

"${JAVA[@]}" report "$RESULTS"
