#!/usr/bin/env bash
# HTTP benchmark of the read API against nginx serving the very same bytes (README, "Benchmarks").
#
#   bench/http.sh                 # defaults: 10 s per run, 32 connections, 2 wrk threads
#   DURATION=30s CONNECTIONS=64 bench/http.sh
#   RESPONSE_CACHE=0 bench/http.sh  # without the micro-cache: every request reads the database
#   SKIP_BUILD=1 bench/http.sh      # reuse examples/target/catalog.jar
#   PG_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' bench/http.sh  # on PostgreSQL (a fresh schema, dropped on exit)
#   MOVIES=100000 SHOWS=20000 bench/http.sh  # a larger catalog (defaults 5,000 and 1,000)
#   DB=/path/to/catalog.db bench/http.sh     # an existing catalog (a file or a JDBC URL): nothing generated
#   JAR_ROOT=/tmp/old bench/http.sh          # measure another build (e.g. the code before) with the same script
#
# 1. builds the launcher jar, generates a catalog (5,000 movies; 1,000 shows x 2 seasons x 2 episodes)
#    into a fresh SQLite file through the real store,
# 2. starts `catalog serve` on a loopback port,
# 3. saves the exact response bytes of the three measured requests as static files and serves them
#    from nginx on another loopback port,
# 4. runs wrk against both, one endpoint at a time, and prints requests/s, p50, p99 and our/nginx ratios.
# Loopback only; every process it starts is stopped on exit.
set -euo pipefail

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
API_PORT=${API_PORT:-18001}
NGINX_PORT=${NGINX_PORT:-18002}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR_ROOT=${JAR_ROOT:-$ROOT}
MOVIES=${MOVIES:-5000}
SHOWS=${SHOWS:-1000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

. "$ROOT/bench/lib.sh"
ensure_commands wrk nginx

WORK=$(mktemp -d /tmp/catalog-bench.XXXXXX)
API_PID=""
NGINX_STARTED=""
SCHEMA=""
cleanup() {
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
  if [ -n "$SCHEMA" ]; then
    psql "$PSQL_URL" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  [ -n "$NGINX_STARTED" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the launcher jar" >&2
  (cd "$JAR_ROOT" && ./mvnw -q -B -pl examples -am package -DskipTests)
fi
JAR="$JAR_ROOT/examples/target/catalog.jar"

KIND=SQLite
if [ -n "${DB:-}" ]; then
  echo "== using the catalog in $DB" >&2
  [[ $DB == jdbc:postgresql:* ]] && KIND=PostgreSQL
else
  if [ -n "${PG_URL:-}" ]; then
    create_fresh_schema bench_http
    KIND=PostgreSQL
  else
    DB="$WORK/catalog.db"
  fi
  echo "== generating the catalog ($MOVIES movies, $SHOWS shows, $KIND)" >&2
  "$JAVA" "${JVM_FLAGS[@]}" -cp "$JAR:$JAR_ROOT/examples/target/test-classes" io.freecast.catalog.examples.bench.BenchmarkCatalog \
    --db "$DB" --movies "$MOVIES" --shows "$SHOWS" >&2
fi

echo "== starting catalog serve on 127.0.0.1:$API_PORT" >&2
"$JAVA" "${JVM_FLAGS[@]}" -Xms512m -Xmx512m -jar "$JAR" serve --db "$DB" \
  --host 127.0.0.1 --port "$API_PORT" --no-scheduler --response-cache "${RESPONSE_CACHE:-1s}" >"$WORK/serve.log" 2>&1 &
API_PID=$!
wait_until_healthy "$API_PORT" "$API_PID" "$WORK/serve.log"

# The id of the n-th item of a list (1-based), found by following its Link rel="next" pages of 500.
nth_id() {
  local url="http://127.0.0.1:$API_PORT$1?limit=500" n=$2 headers body next
  while [ "$n" -gt 500 ]; do
    next=$(curl -fsI "$url" | tr -d '\r' | sed -n 's/.*<\([^>]*\)>; rel="next".*/\1/p')
    url="http://127.0.0.1:$API_PORT$next"
    n=$((n - 500))
  done
  curl -fs "$url" | grep -o '{"id":[0-9]*,"title"' | sed -n "${n}s/[^0-9]//gp"
}
MOVIE_ID=$(nth_id /movies/ 2500)
SHOW_ID=$(nth_id /shows/ 500)
[ -n "$MOVIE_ID" ] && [ -n "$SHOW_ID" ] || { echo "could not pick the ids to measure" >&2; exit 1; }
PATHS=("/movies/$MOVIE_ID" "/shows/$SHOW_ID/episodes" "/movies/?limit=50")
NAMES=("GET /movies/{id}" "GET /shows/{id}/episodes" "GET /movies/?limit=50")
KINDS=(single single page)

echo "== saving the response bytes for nginx" >&2
# Each response as the file nginx serves at the same path; nginx ignores the query, and serves a path ending in
# "/" from its index.html (with no types configured, every file is application/json).
saved_file() {
  local file=${1%%\?*}
  [[ $file == */ ]] && file+=index.html
  echo "$WORK/static$file"
}
for path in "${PATHS[@]}"; do
  curl -fs --create-dirs "http://127.0.0.1:$API_PORT$path" -o "$(saved_file "$path")"
done
write_static_nginx_conf "$WORK" "$NGINX_PORT"
nginx -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon on;'
NGINX_STARTED=1
for i in "${!PATHS[@]}"; do
  cmp -s <(curl -fs "http://127.0.0.1:$API_PORT${PATHS[$i]}") <(curl -fs "http://127.0.0.1:$NGINX_PORT${PATHS[$i]}") \
    || { echo "nginx does not serve the same bytes for ${PATHS[$i]}" >&2; exit 1; }
done

# wrk → "rps p50_ms p99_ms"
measure() { wrk_measure "$1" "$2" "$CONNECTIONS"; }

echo "== warming up the JVM ($WARMUP per endpoint)" >&2
for p in "${PATHS[@]}"; do measure "http://127.0.0.1:$API_PORT$p" "$WARMUP" >/dev/null; done

printf "\nwrk -t%s -c%s -d%s, loopback, %s CPUs, load average %s, response cache %s, %s\n\n" "$THREADS" "$CONNECTIONS" \
  "$DURATION" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${RESPONSE_CACHE:-1s}" "$KIND"
printf "%-26s %6s | %10s %7s %7s | %10s %7s %7s | %6s %-12s %s\n" endpoint bytes "catalog/s" "p50 ms" "p99 ms" \
  "nginx/s" "p50 ms" "p99 ms" ratio "ratio goal" "p99 ≤ 5 ms"
FAILED=0
for i in "${!PATHS[@]}"; do
  read -r ours ours50 ours99 < <(measure "http://127.0.0.1:$API_PORT${PATHS[$i]}" "$DURATION")
  read -r theirs theirs50 theirs99 < <(measure "http://127.0.0.1:$NGINX_PORT${PATHS[$i]}" "$DURATION")
  goal=$([ "${KINDS[$i]}" = single ] && echo 50 || echo 25)
  ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.0f", 100*a/b }')
  ratio_ok=$([ "$ratio" -ge "$goal" ] && echo met || echo MISSED)
  p99_ok=$(awk -v p="$ours99" 'BEGIN { print (p <= 5) ? "met" : "MISSED" }')
  [ "$ratio_ok" = met ] && [ "$p99_ok" = met ] || FAILED=1
  printf "%-26s %6s | %10s %7s %7s | %10s %7s %7s | %5s%% %-12s %s\n" "${NAMES[$i]}" \
    "$(stat -c %s "$(saved_file "${PATHS[$i]}")")" "$ours" "$ours50" "$ours99" "$theirs" "$theirs50" "$theirs99" \
    "$ratio" "≥$goal% $ratio_ok" "$p99_ok"
done
printf "\ngoals: single item ≥ 50%% of nginx, 50-item page ≥ 25%%, catalog p99 ≤ 5 ms\n"
exit $FAILED
