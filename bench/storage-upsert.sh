#!/usr/bin/env bash
# Storage side of the import benchmark: JdbcCatalogStore.upsertAll against plain JDBC batch inserts of the
# same rows into the same schema, on fresh databases, side by side in one run; prints times and ratios.
#
#   bench/storage-upsert.sh [sqlite|postgresql] [movies] [shows]      (defaults: sqlite 100000 20000)
#
# PostgreSQL uses CATALOG_TEST_POSTGRES_URL (a fresh schema per run, dropped afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
cp_file=catalog-jdbc/target/bench.classpath
# One reactor run compiles and writes the classpath (each module writes its own; catalog-jdbc's comes last).
./mvnw -q -B -pl catalog-jdbc -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
classpath="catalog-jdbc/target/test-classes:catalog-jdbc/target/classes:$(cat "$cp_file")"
exec "$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$classpath" \
  io.freecast.catalog.jdbc.bench.UpsertBenchmark "${1:-sqlite}" "${2:-100000}" "${3:-20000}"
