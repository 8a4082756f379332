#!/usr/bin/env bash
# Title search and deep pages of the read API on a large catalog, with the response cache off so every
# request reads the database (README, "Benchmarks").
#
#   bench/search.sh                      # 100,000 movies on SQLite, 10 s per request
#   MOVIES=1000000 DURATION=20s bench/search.sh
#   PG_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' bench/search.sh   # on PostgreSQL
#   SKIP_BUILD=1 bench/search.sh         # reuse examples/target/catalog.jar and its test classes
#   JAR_ROOT=/tmp/old bench/search.sh    # measure another build (e.g. the code before) with the same script
#
# 1. writes MOVIES movies (titles "Movie <n> <word>", 8 words in turn) and 1,000 shows through the real
#    store (BenchmarkCatalog) into a fresh SQLite file, or a fresh schema of PG_URL (dropped on exit),
# 2. starts `catalog serve` on loopback with --response-cache 0,
# 3. runs wrk against each request and prints requests/s, p50 and p99, and X-Total-Count where sent.
# Disk: about 60 MB per 100,000 movies on SQLite. Run as `flock /tmp/bench.lock bash bench/search.sh`.
set -euo pipefail

MOVIES=${MOVIES:-100000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
API_PORT=${API_PORT:-18011}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR_ROOT=${JAR_ROOT:-$ROOT}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
. "$ROOT/bench/lib.sh"
ensure_commands wrk

WORK=$(mktemp -d /tmp/catalog-search-bench.XXXXXX)
API_PID=""
SCHEMA=""
cleanup() {
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
  if [ -n "$SCHEMA" ]; then
    psql "$PSQL_URL" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the launcher jar in $JAR_ROOT" >&2
  (cd "$JAR_ROOT" && ./mvnw -o -q -B -pl examples -am package -DskipTests)
fi
JAR="$JAR_ROOT/examples/target/catalog.jar"

if [ -n "${PG_URL:-}" ]; then
  create_fresh_schema bench_search
  KIND=PostgreSQL
else
  DB="$WORK/catalog.db"
  KIND=SQLite
fi

echo "== writing $MOVIES movies and 1,000 shows ($KIND)" >&2
"$JAVA" "${JVM_FLAGS[@]}" -cp "$JAR:$JAR_ROOT/examples/target/test-classes" \
  io.freecast.catalog.examples.bench.BenchmarkCatalog --db "$DB" --movies "$MOVIES" --shows 1000 >&2
[ -z "$SCHEMA" ] && echo "database file: $(du -h "$WORK/catalog.db" | cut -f1)" >&2

"$JAVA" "${JVM_FLAGS[@]}" -Xms512m -Xmx512m -jar "$JAR" serve --db "$DB" \
  --host 127.0.0.1 --port "$API_PORT" --no-scheduler --response-cache 0 >"$WORK/serve.log" 2>&1 &
API_PID=$!
wait_until_healthy "$API_PORT" "$API_PID" "$WORK/serve.log"

# A cursor as the API writes them (Cursor.encode): direction, sort, id, sort value.
cursor() { printf 'a\n%s\n%s\n%s' "$1" "$2" "$3" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
HALF=$((MOVIES / 2))
WORDS=(river night storm harbor delta mirror quiet valley)
DEEP_TITLE="+movie $HALF ${WORDS[$((HALF % 8))]}"
RARE=$((MOVIES - 7))
NAMES=("q, common word (1 in 8)" "q, rare word (1 title)" "q, accented (Hárbor)" "q, no match" "q, 2 letters"
  "list page 1 (sort=id)" "list deep page (sort=id)" "list page 1 (sort=title)" "list deep page (sort=title)"
  "q common, deep page")
PATHS=("/movies/?q=harbor" "/movies/?q=movie+$RARE+" "/movies/?q=h%C3%A1rbor" "/movies/?q=zebra" "/movies/?q=zq"
  "/movies/?limit=50" "/movies/?limit=50&cursor=$(cursor id "$HALF" -)"
  "/movies/?limit=50&sort=title" "/movies/?limit=50&sort=title&cursor=$(cursor title "$HALF" "$DEEP_TITLE")"
  "/movies/?q=harbor&sort=title&cursor=$(cursor title "$HALF" "$DEEP_TITLE")")

measure() { wrk_measure "$1" "$2" "$CONNECTIONS"; }

# Page 2 of a common search as a client gets it: the Link rel="next" cursor, which carries the total.
NEXT=$(next_link "http://127.0.0.1:$API_PORT/movies/?q=harbor&sort=title")
NAMES+=("q common, page 2 (Link)")
PATHS+=("$NEXT")

printf "\n%s, %s movies, wrk -t%s -c%s -d%s, response cache off, %s CPUs, load average %s\n\n" "$KIND" "$MOVIES" \
  "$THREADS" "$CONNECTIONS" "$DURATION" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-30s | %8s %8s %8s | %8s %6s\n" request "req/s" "p50 ms" "p99 ms" total items
for i in "${!PATHS[@]}"; do
  url="http://127.0.0.1:$API_PORT${PATHS[$i]}"
  headers=$(curl -fsS -D - -o "$WORK/body" "$url" | tr -d '\r')
  total=$(echo "$headers" | sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: //p')
  items=$(grep -o '"release_year"' "$WORK/body" | wc -l || true)
  measure "$url" "$WARMUP" >/dev/null
  read -r rps p50 p99 < <(measure "$url" "$DURATION")
  printf "%-30s | %8s %8s %8s | %8s %6s\n" "${NAMES[$i]}" "$rps" "$p50" "$p99" "${total:--}" "$items"
done
