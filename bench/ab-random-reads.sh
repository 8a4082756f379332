#!/usr/bin/env bash
# Two (or more) builds' random single-item reads back to back, on one catalog (issue 13): a change to the read
# path measured against the jar before it in one sitting, since a shared machine's load moves more between
# sittings than most changes do.
#
#   flock /tmp/bench.lock bench/ab-random-reads.sh DB LAST_ID JAR_A JAR_B [JAR_A JAR_B …]
#   TEMPLATE='/movies/{id}' bench/ab-random-reads.sh /tmp/kept/catalog.db 1000000 /tmp/a.jar /tmp/b.jar
#   DUEL=1 ROUNDS=7 bench/ab-random-reads.sh DB LAST_ID JAR_A JAR_B   # both jars at once (see below)
#
# For each jar in turn: `serve --db DB` with the response cache at 1 s (as bench/scale.sh's random reads), 3 s of
# warm-up, then 10 s of wrk -t2 -c32 over uniformly random ids 1..LAST_ID (bench/random-ids.lua), printing
# requests/s, p50, p99 and the server process's own CPU time per request (user + system, from /proc: less moved
# by other processes' load than requests/s). DB is a SQLite file or a PostgreSQL JDBC URL, used as it is.
#
# DUEL=1: the two jars serve at the same time (ports API_PORT and API_PORT+1), each driven by its own
# wrk -t1 -c16, for ROUNDS rounds of 10 s after 5 s of warm-up; each round prints both servers' requests/s and CPU
# time per request. The host's swings (here ±30% between consecutive 10 s runs) then hit both alike, so a change of
# a few percent in CPU per request shows; read the rounds after the JIT has settled (the first 20–30 s are
# compilation: a fresh JVM's throughput climbs several-fold).
set -uo pipefail
DB=$1
LAST_ID=$2
shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
API_PORT=${API_PORT:-18031}
TEMPLATE=${TEMPLATE:-'/shows/{id}/episodes'}
ROUNDS=${ROUNDS:-6}
. "$ROOT/bench/lib.sh"
ensure_commands wrk curl

# start_serve JAR PORT LOG: prints the server's pid once it answers /health.
start_serve() {
  "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -Xms512m -Xmx512m -jar "$1" serve --db "$DB" --host 127.0.0.1 --port "$2" --no-scheduler --response-cache 1s >"$3" 2>&1 &
  local pid=$!
  wait_until_healthy "$2" "$pid" "$3" >&2 || return 1
  echo "$pid"
}

# stop_serve PID…: stops the servers and waits until they are gone (started in a subshell, they are not this
# shell's children to `wait` for), so the next one can take the port.
stop_serve() {
  kill "$@" 2>/dev/null
  for _ in $(seq 1 150); do
    local alive=""
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && return 0
    sleep 0.2
  done
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

random_reads() { # PORT SECONDS THREADS CONNECTIONS: wrk's report
  wrk -t"$3" -c"$4" -d"$2" --latency -s "$ROOT/bench/random-ids.lua" "http://127.0.0.1:$1" -- "$TEMPLATE" 1 "$LAST_ID"
}

requests() { awk '/requests in/ { print $1 }' <<<"$1"; }
per_second() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$1"; }
us_per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }'; }

# The duel's servers and logs, global so that the EXIT trap still sees them.
PID_A="" PID_B="" LOG_A="" LOG_B=""

duel() {
  local a=$1 b=$2 pid_a pid_b round out_a out_b a0 b0 wrk_a
  LOG_A=$(mktemp) LOG_B=$(mktemp)
  trap 'stop_serve $PID_A $PID_B; rm -f "$LOG_A" "$LOG_B"' EXIT
  PID_A=$(start_serve "$a" "$API_PORT" "$LOG_A") || exit 1
  PID_B=$(start_serve "$b" "$((API_PORT + 1))" "$LOG_B") || exit 1
  pid_a=$PID_A pid_b=$PID_B
  random_reads "$API_PORT" 5s 1 16 >/dev/null & wrk_a=$!
  random_reads "$((API_PORT + 1))" 5s 1 16 >/dev/null
  wait "$wrk_a"
  for round in $(seq 1 "$ROUNDS"); do
    a0=$(cpu_ticks "$pid_a") b0=$(cpu_ticks "$pid_b")
    out_a=$(mktemp)
    random_reads "$API_PORT" 10s 1 16 >"$out_a" & wrk_a=$!
    out_b=$(random_reads "$((API_PORT + 1))" 10s 1 16)
    wait "$wrk_a"
    local report_a
    report_a=$(cat "$out_a"); rm -f "$out_a"
    if grep -q 'Non-2xx' <<<"$report_a$out_b"; then echo "non-2xx responses in round $round" >&2; exit 1; fi
    printf '%s round %s (load %s): A %s req/s, %s us/request | B %s req/s, %s us/request\n' "$(date -u +%H:%M:%S)" \
      "$round" "$(cut -d' ' -f1 /proc/loadavg)" \
      "$(per_second "$report_a")" "$(us_per_request $(($(cpu_ticks "$pid_a") - a0)) "$(requests "$report_a")")" \
      "$(per_second "$out_b")" "$(us_per_request $(($(cpu_ticks "$pid_b") - b0)) "$(requests "$out_b")")"
  done
}

if [ -n "${DUEL:-}" ]; then
  [ $# -eq 2 ] || { echo "DUEL=1 takes two jars (A and B), got $#" >&2; exit 2; }
  echo "A = $1, B = $2"
  duel "$1" "$2"
  exit 0
fi

for JAR in "$@"; do
  LOG=$(mktemp)
  PID=$(start_serve "$JAR" "$API_PORT" "$LOG") || exit 1
  random_reads "$API_PORT" 3s 2 32 >/dev/null
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  CPU_BEFORE=$(cpu_ticks "$PID")
  OUT=$(random_reads "$API_PORT" 10s 2 32)
  CPU_AFTER=$(cpu_ticks "$PID")
  stop_serve "$PID"
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
