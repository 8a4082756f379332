#!/usr/bin/env bash
# Cold start of the runnable server: `java -jar examples/target/catalog.jar serve` in a fresh, empty
# directory (it creates ./catalog.db, migrates, starts the API and the scheduler, imports the bundled
# feeds at start-up). Measured from just before `java` is launched — JVM start included — to
#   1. the first 200 from /health, and
#   2. the first non-empty page from /movies/ (the start-up import has landed).
# Prints every run and the median of each. The server is stopped (SIGTERM) after each run.
#
#   bench/coldstart.sh            # builds the jar once, then 5 runs
#   RUNS=9 SKIP_BUILD=1 bench/coldstart.sh
#
# Goal: healthy within 1.5 s.
set -euo pipefail

RUNS=${RUNS:-5}
TIMEOUT_MS=${TIMEOUT_MS:-60000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$ROOT/examples/target/catalog.jar

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building $JAR …" >&2
  (cd "$ROOT" && ./mvnw -q -B -pl examples -am package -DskipTests)
fi
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -q -B -pl examples -am package -DskipTests)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

health_times=()
movies_times=()
for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  port=$(free_port)
  start=$(now_ms)
  (cd "$dir" && exec env -u CATALOG_DB -u CATALOG_ADMIN_TOKEN "$JAVA" -jar "$JAR" serve --port "$port" \
      > "$dir/server.log" 2>&1) &
  pid=$!
  health=""
  movies=""
  while [ -z "$movies" ]; do
    if [ $(( $(now_ms) - start )) -gt "$TIMEOUT_MS" ]; then
      echo "run $run: no answer within ${TIMEOUT_MS} ms; server log:" >&2
      tail -20 "$dir/server.log" >&2
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: the server exited; its log:" >&2
      tail -20 "$dir/server.log" >&2
      break
    fi
    if [ -z "$health" ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
      [ "$code" = 200 ] && health=$(( $(now_ms) - start ))
    else
      body=$(curl -s "http://127.0.0.1:$port/movies/?limit=1" || true)
      [ "${body:0:2}" = "[{" ] && movies=$(( $(now_ms) - start ))
    fi
    [ -n "$movies" ] || sleep 0.005
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  echo "run $run: /health 200 after ${health:-n/a} ms, first non-empty /movies/ after ${movies:-n/a} ms"
  [ -n "$health" ] && health_times+=("$health")
  [ -n "$movies" ] && movies_times+=("$movies")
done

h=$(printf '%s\n' "${health_times[@]:-}" | grep -v '^$' | median)
m=$(printf '%s\n' "${movies_times[@]:-}" | grep -v '^$' | median)
echo "median of $RUNS runs: /health 200 after $h ms, non-empty /movies/ after $m ms (goal: healthy within 1500 ms)"
