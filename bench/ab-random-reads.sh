#!/usr/bin/env bash
# Two (or more) builds' random single-item reads back to back, on one catalog (issue 13): a change to the read
# path measured against the jar before it in one sitting, since a shared machine's load moves more between
# sittings than most changes do.
#
#   flock /tmp/bench.lock bench/ab-random-reads.sh DB LAST_ID JAR_A JAR_B [JAR_A JAR_B …]
#   TEMPLATE='/movies/{id}' bench/ab-random-reads.sh /tmp/kept/catalog.db 1000000 /tmp/a.jar /tmp/b.jar
#
# For each jar in turn: `serve --db DB` with the response cache at 1 s (as bench/scale.sh's random reads), 3 s of
# warm-up, then 10 s of wrk -t2 -c32 over uniformly random ids 1..LAST_ID (bench/random-ids.lua), printing
# requests/s, p50, p99 and the server process's own CPU time per request (user + system, from /proc: less moved
# by other processes' load than requests/s). DB is a SQLite file or a PostgreSQL JDBC URL, used as it is.
set -uo pipefail
DB=$1
LAST_ID=$2
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
API_PORT=${API_PORT:-18031}
TEMPLATE=${TEMPLATE:-'/shows/{id}/episodes'}
. "$ROOT/bench/lib.sh"
ensure_commands wrk curl
for JAR in "$@"; do
  LOG=$(mktemp)
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xms512m -Xmx512m \
    -jar "$JAR" serve --db "$DB" --host 127.0.0.1 --port "$API_PORT" --no-scheduler --response-cache 1s >"$LOG" 2>&1 &
  PID=$!
  wait_until_healthy "$API_PORT" "$PID" "$LOG" || exit 1
  wrk -t2 -c32 -d3s -s "$ROOT/bench/random-ids.lua" "http://127.0.0.1:$API_PORT" -- "$TEMPLATE" 1 "$LAST_ID" >/dev/null
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  CPU_BEFORE=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
  OUT=$(wrk -t2 -c32 -d10s --latency -s "$ROOT/bench/random-ids.lua" "http://127.0.0.1:$API_PORT" -- "$TEMPLATE" 1 "$LAST_ID")
  CPU_AFTER=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
  kill "$PID"
  wait "$PID" 2>/dev/null
  rm -f "$LOG"
  echo "$OUT" | grep -q 'Non-2xx' && { echo "$JAR: non-2xx responses" >&2; exit 1; }
  echo "$OUT" | awk -v now="$(date -u +%H:%M:%S)" -v jar="$JAR" -v loadavg="$LOAD" -v ticks=$((CPU_AFTER - CPU_BEFORE)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /requests in/ { n = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%s %s (load %s): %.0f req/s, p50 %.2f ms, p99 %.2f ms, server CPU %.0f us/request\n",
          now, jar, loadavg, rps, p50, p99, ticks / hz * 1e6 / n }'
done
