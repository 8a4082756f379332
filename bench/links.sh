#!/usr/bin/env bash
# validate-sources over 10,000 sources on a loopback server that answers each request after 100 ms,
# spread over 250 loopback addresses, against the ideal ceil(N / concurrency) x 100 ms and the
# reference's sequential N x 100 ms; then update-ratings over 10,000 titles against a loopback
# kinopoisk-style stub with the rate limit lifted.
#
# Usage: bench/links.sh [sources=10000] [concurrency=64] [perHost=4] [delayMs=100] [hosts=250]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar=examples/target/catalog.jar
if [ ! -f "$jar" ] || [ -n "$(find catalog-*/src examples/src -newer "$jar" -name '*.java' -print -quit)" ]; then
  ./mvnw -q -B -pl examples -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$jar:examples/target/test-classes" io.freecast.catalog.examples.bench.LinkCheckBenchmark "$@"
