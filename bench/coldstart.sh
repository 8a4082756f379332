#!/usr/bin/env bash
# Cold start of the runnable server: `java -jar examples/target/catalog.jar serve` in a fresh, empty
# directory (it creates ./catalog.db, migrates, starts the API, then the scheduler, whose start-up runs
# import the bundled feeds). Measured from just before `java` is launched — JVM start included — to
#   1. the first 200 from /health, and
#   2. the first non-empty page from /movies/ (the start-up import has landed).
# Two ways of starting side by side, runs interleaved so both see the same machine load:
#   plain  java -jar catalog.jar serve
#   aot    java -XX:AOTCache=catalog.aot -jar catalog.jar serve   (JDK 25 ahead-of-time class cache,
#          trained once by this script with one serve run; JDK 24+ only)
# Prints every run, the median of each, and the ratio aot/plain. The server gets SIGTERM after each run.
#
#   bench/coldstart.sh                      # builds the jar once, then 5 runs of each
#   RUNS=9 SKIP_BUILD=1 bench/coldstart.sh
#
# Goal: healthy within 1.5 s.
set -euo pipefail

RUNS=${RUNS:-5}
TIMEOUT_MS=${TIMEOUT_MS:-60000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$ROOT/examples/target/catalog.jar
AOT=$ROOT/examples/target/catalog.aot

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building $JAR …" >&2
  (cd "$ROOT" && ./mvnw -q -B -pl examples -am package -DskipTests)
  rm -f "$AOT"
fi
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -q -B -pl examples -am package -DskipTests)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# One serve in a fresh directory; prints "<health ms> <movies ms>" ("-" for a time not reached).
# Extra JVM options come first; the AOT training run passes its own and stops once /movies/ answers.
serve_once() {
  local dir port start pid health="" movies="" code body
  dir=$(mktemp -d)
  port=$(free_port)
  start=$(now_ms)
  (cd "$dir" && exec env -u CATALOG_DB -u CATALOG_ADMIN_TOKEN "$JAVA" "$@" -jar "$JAR" serve --port "$port" \
      > "$dir/server.log" 2>&1) &
  pid=$!
  while [ -z "$movies" ]; do
    if [ $(( $(now_ms) - start )) -gt "$TIMEOUT_MS" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "serve did not answer as expected; its log:" >&2
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
  echo "${health:--} ${movies:--}"
}

aot_supported=1
# A cache is only valid for the jar it was trained with.
if [ -f "$AOT" ] && [ "$JAR" -nt "$AOT" ]; then rm -f "$AOT"; fi
if [ ! -s "$AOT" ]; then
  if "$JAVA" -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1; then
    echo "training the AOT cache with one serve run …" >&2
    serve_once -XX:AOTCacheOutput="$AOT" >/dev/null
    # The JVM assembles the cache in a child process after the training run exits: the file appears
    # at once and fills later, so wait until it has content and has stopped growing.
    last=-1
    for _ in $(seq 1 120); do
      size=$(stat -c %s "$AOT" 2>/dev/null || echo 0)
      [ "$size" -gt 0 ] && [ "$size" = "$last" ] && break
      last=$size
      sleep 1
    done
  fi
  [ -s "$AOT" ] || { echo "no AOT cache (needs JDK 25, and the JVM must manage to write it): measuring plain starts only" >&2; rm -f "$AOT"; aot_supported=0; }
fi

declare -a plain_h plain_m aot_h aot_m
for run in $(seq 1 "$RUNS"); do
  read -r h m < <(serve_once)
  echo "run $run plain: /health 200 after $h ms, first non-empty /movies/ after $m ms"
  [ "$h" != - ] && plain_h+=("$h"); [ "$m" != - ] && plain_m+=("$m")
  if [ "$aot_supported" = 1 ]; then
    read -r h m < <(serve_once -XX:AOTCache="$AOT")
    echo "run $run aot:   /health 200 after $h ms, first non-empty /movies/ after $m ms"
    [ "$h" != - ] && aot_h+=("$h"); [ "$m" != - ] && aot_m+=("$m")
  fi
done

med() { printf '%s\n' "$@" | grep -v '^$' | median; }
ph=$(med "${plain_h[@]:-}"); pm=$(med "${plain_m[@]:-}")
echo "median of $RUNS, plain: /health 200 after $ph ms, non-empty /movies/ after $pm ms"
if [ "$aot_supported" = 1 ]; then
  ah=$(med "${aot_h[@]:-}"); am=$(med "${aot_m[@]:-}")
  echo "median of $RUNS, aot:   /health 200 after $ah ms, non-empty /movies/ after $am ms"
  awk -v ph="$ph" -v ah="$ah" -v pm="$pm" -v am="$am" 'BEGIN {
    if (ph > 0 && pm > 0) printf "ratio aot/plain: /health %.2f, /movies/ %.2f\n", ah / ph, am / pm }'
fi
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (goal: healthy within 1500 ms)"
