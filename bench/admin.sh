#!/usr/bin/env bash
# The web admin's list and search pages against the JSON API's equivalent pages, over 100,000 movies
# (issue 12): each admin page may cost at most 2x its JSON counterpart.
#
#   bench/admin.sh                 # defaults: 10 s per run, 32 connections, 2 wrk threads
#   MOVIES=20000 DURATION=5s bench/admin.sh
#   SKIP_BUILD=1 bench/admin.sh    # reuse examples/target/catalog.jar
#
# 1. builds the launcher jar and generates 100,000 movies into a fresh SQLite file through the real store,
# 2. creates a viewer account with `catalog users add` (password on standard input) and starts
#    `catalog serve` on a loopback port with the response cache off, so both sides read the database,
# 3. signs in through the admin's form with curl and keeps the session cookie,
# 4. runs wrk on each admin page and on its JSON counterpart, one after the other, and prints
#    requests/s, p50, p99 and the admin/JSON cost ratio (the inverse of the throughput ratio).
# Loopback only; every process it starts is stopped on exit.
set -euo pipefail

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
MOVIES=${MOVIES:-100000}
PORT=${PORT:-18011}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

. "$ROOT/bench/lib.sh"
ensure_commands wrk

WORK=$(mktemp -d /tmp/catalog-admin-bench.XXXXXX)
SERVE_PID=""
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the launcher jar" >&2
  (cd "$ROOT" && ./mvnw -q -B -pl examples -am package -DskipTests)
fi
JAR="$ROOT/examples/target/catalog.jar"

echo "== generating $MOVIES movies" >&2
"$JAVA" "${JVM_FLAGS[@]}" -cp "$JAR:$ROOT/examples/target/test-classes" io.freecast.catalog.examples.bench.BenchmarkCatalog \
  --db "$WORK/catalog.db" --movies "$MOVIES" --shows 0 >&2

# A throwaway password for a throwaway database, generated here and never printed.
PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
echo "== creating the viewer account" >&2
printf '%s\n' "$PASSWORD" | "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" users add bench --role viewer \
  --db "$WORK/catalog.db" >&2

echo "== starting catalog serve on 127.0.0.1:$PORT (response cache off)" >&2
"$JAVA" "${JVM_FLAGS[@]}" -Xms512m -Xmx512m -jar "$JAR" serve --db "$WORK/catalog.db" \
  --host 127.0.0.1 --port "$PORT" --no-scheduler --response-cache 0 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }

echo "== signing in" >&2
# The password goes to curl on standard input (never as an argument, never with a trailing newline).
COOKIE=$(printf '%s' "$PASSWORD" | curl -s -o /dev/null -D - --data-urlencode "name=bench" --data-urlencode "password@-" \
  "http://127.0.0.1:$PORT/admin/sign-in" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(catalog_admin=[^;]*\).*/\1/p')
[ -n "$COOKIE" ] || { echo "signing in failed" >&2; exit 1; }
curl -fs -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/admin/movies" | grep -q 'data-testid="title-link"' \
  || { echo "the admin's movie list did not answer with movies" >&2; exit 1; }

# A word that occurs in generated titles, for the search.
WORD=$(curl -fs "http://127.0.0.1:$PORT/movies/?limit=1" | grep -o '"title":"[^" ]*' | head -1 | cut -d'"' -f4)
ADMIN=("/admin/movies" "/admin/movies?q=$WORD" "/admin/movies?sort=-imdb_rating")
JSON=("/movies/?limit=50" "/movies/?limit=50&q=$WORD" "/movies/?limit=50&sort=-imdb_rating")
NAMES=("list, 50 per page" "search q=$WORD" "sorted by -imdb_rating")

# measure URL DURATION [COOKIE] → "rps p50_ms p99_ms" (lib.sh's wrk_measure, with the session cookie if given)
measure() {
  WRK_HEADER=${3:+"Cookie: $3"} wrk_measure "$1" "$2" "$CONNECTIONS"
}

echo "== warming up the JVM ($WARMUP per page)" >&2
for i in "${!ADMIN[@]}"; do
  measure "http://127.0.0.1:$PORT${ADMIN[$i]}" "$WARMUP" "$COOKIE" >/dev/null
  measure "http://127.0.0.1:$PORT${JSON[$i]}" "$WARMUP" >/dev/null
done

printf "\n%s movies, wrk -t%s -c%s -d%s, loopback, %s CPUs, load average %s, response cache off\n\n" "$MOVIES" \
  "$THREADS" "$CONNECTIONS" "$DURATION" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-26s | %9s %7s %7s %7s | %9s %7s %7s %7s | %s\n" page "admin/s" "p50 ms" "p99 ms" bytes "json/s" "p50 ms" \
  "p99 ms" bytes "cost ratio (goal ≤ 2.0)"
FAILED=0
for i in "${!ADMIN[@]}"; do
  admin_bytes=$(curl -fs -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT${ADMIN[$i]}" | wc -c)
  json_bytes=$(curl -fs "http://127.0.0.1:$PORT${JSON[$i]}" | wc -c)
  read -r a a50 a99 < <(measure "http://127.0.0.1:$PORT${ADMIN[$i]}" "$DURATION" "$COOKIE")
  read -r j j50 j99 < <(measure "http://127.0.0.1:$PORT${JSON[$i]}" "$DURATION")
  ratio=$(awk -v a="$a" -v j="$j" 'BEGIN { printf "%.2f", j/a }')
  ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0) ? "met" : "MISSED" }')
  [ "$ok" = met ] || FAILED=1
  printf "%-26s | %9s %7s %7s %7s | %9s %7s %7s %7s | %s %s\n" "${NAMES[$i]}" "$a" "$a50" "$a99" "$admin_bytes" \
    "$j" "$j50" "$j99" "$json_bytes" "$ratio" "$ok"
done
printf "\ncost ratio = JSON requests/s ÷ admin requests/s (each admin page signed in, each JSON page public)\n"
exit $FAILED
