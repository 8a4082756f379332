#!/usr/bin/env bash
# The read API on a large catalog, on SQLite and on PostgreSQL (issue 13; README, "Benchmarks": "Scale: a million
# titles").
#
#   flock /tmp/bench.lock bash bench/scale.sh                     # 1,000,000 movies, 100,000 shows, both databases
#   MOVIES=50000 SHOWS=5000 bench/scale.sh                        # a quick run while developing (≈5 min)
#   DATABASES=sqlite bench/scale.sh                               # one database only (sqlite, postgresql)
#   PG_URL='jdbc:postgresql://host:5432/db?user=u' bench/scale.sh # default: 127.0.0.1:5432/test as postgres
#   SKIP_BUILD=1 DURATION=20s bench/scale.sh                      # reuse the jar; measure each request longer
#   JAR_ROOT=/tmp/old bench/scale.sh   # measure another checkout's build (its examples/target) with this script
#   KEEP=1 bench/scale.sh              # keep the work directory and the SQLite catalog in it (2.3 GB)
#   SQLITE_DB=/tmp/kept/catalog.db PG_SCHEMA=bench_kept bench/scale.sh
#                                     # measure catalogs imported before (from the same feeds: a kept SQLite file,
#                                     # an existing schema of PG_URL) without importing again; they are migrated
#                                     # to this build's schema first, analysed (PostgreSQL), read into memory,
#                                     # and left in place
#
# What it does:
# 1. generates the catalog as FreeCast feeds with LargeCatalogFeeds (deterministic; cached under FEEDS_ROOT by
#    size, seed and generator version, so a second run reuses them),
# 2. for each database: imports the feeds with the real launcher (`migrate`, `import-movies`, `import-shows`),
#    each in a JVM of its own with a fixed -Xmx, timing it and reading its peak heap from its GC log,
# 3. starts `serve` with the response cache off and measures with wrk the title searches (common word, rare word,
#    accented, no match, two letters matching nothing: each X-Total-Count checked against the generator's count,
#    or absent beyond the API's count cap of 1,000) and the list at page 1 and at page 10,000 (a keyset cursor
#    made like the API's own),
# 4. restarts `serve` with the response cache on (1 s) and measures GET /movies/{id} and /shows/{id}/episodes
#    over uniformly random ids of the whole catalog (bench/random-ids.lua), so almost every request misses it,
#    then GET /health (one `select 1` through the pool, never cached): the fastest a database request can be here,
# 5. once, saves the exact response bytes of SAMPLE random ids of each kind as files and measures nginx serving
#    them to random requests among them — the ceiling for a single-item read,
# 6. prints a table per database, then the ratios and each goal met or missed.
#
# Time: about 30 minutes at the full size on 2 shared cores (22 on 2026-12-06, load 7–15: SQLite 7, PostgreSQL 15,
# of which its import 12.5; since then the warm-ups are longer: about 4 minutes more); ~8 min with
# MOVIES=50000 SHOWS=5000; about 9 min measuring catalogs imported before (SQLITE_DB, PG_SCHEMA).
# Disk, at the full size: feeds ≈ 0.9 GB (kept in FEEDS_ROOT, default /tmp/catalog-scale-feeds; delete it when
# done), the SQLite file ≈ 2.3 GB plus its WAL while importing (up to ≈ 2 GB more: an import is one
# transaction), PostgreSQL ≈ 3.6 GB in its data directory (the schema is dropped on exit), nginx's sample ≈ 0.2 GB.
# Plan for 8 GB free under /tmp and 4 GB for PostgreSQL.
# Memory: the import JVMs run with IMPORT_HEAP (default 256m), `serve` with 512m.
# Loopback only; every process it starts is stopped on exit, and the PostgreSQL schema is dropped.
set -euo pipefail

MOVIES=${MOVIES:-1000000}
SHOWS=${SHOWS:-100000}
SEED=${SEED:-13}
DATABASES=${DATABASES:-sqlite postgresql}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
# A freshly started `serve` runs its first requests through the JVM's interpreter and first compilations: random
# movies went from 6,300 req/s in its first 4 s to 16,600 in seconds 12–16 and about 39,000 after 20–30 s
# (2026-12-06; 33,000 at once after 24 s of warming on other ids, so it is the JIT, not the file's pages). So the
# first request measured after each start is warmed this long, the others for WARMUP.
SERVER_WARMUP=${SERVER_WARMUP:-30s}
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-8}   # as bench/search.sh: a handful of clients searching
READ_CONNECTIONS=${READ_CONNECTIONS:-32}      # as bench/http.sh: many clients reading items
THREADS=${THREADS:-2}
SAMPLE=${SAMPLE:-10000}
IMPORT_HEAP=${IMPORT_HEAP:-256m}
API_PORT=${API_PORT:-18031}
NGINX_PORT=${NGINX_PORT:-18032}
FEEDS_ROOT=${FEEDS_ROOT:-/tmp/catalog-scale-feeds}
PAGE_SIZE=50
DEEP_PAGE=10000
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR_ROOT=${JAR_ROOT:-$ROOT}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
. "$ROOT/bench/lib.sh"
ensure_commands wrk nginx curl
case " $DATABASES " in *" postgresql "*) ensure_commands psql ;; esac

WORK=$(mktemp -d /tmp/catalog-scale.XXXXXX)
API_PID=""
NGINX_STARTED=""
SCHEMA=""
FINISHED=""
PSQL_URL=$(psql_url_of "$PG_URL")
cleanup() {
  # A run that stops half-way still shows what it measured.
  [ -n "$FINISHED" ] || [ ! -s "$WORK/results" ] || { echo "measured before the failure:" >&2; cat "$WORK/results" >&2; }
  stop_serve
  [ -n "$NGINX_STARTED" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
  [ -n "$SCHEMA" ] && drop_schema || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
drop_schema() {
  PGOPTIONS='-c client_min_messages=warning' psql "$PSQL_URL" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null
}
stop_serve() {
  if [ -n "$API_PID" ]; then
    kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
    API_PID=""
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  log "building the launcher jar and the benchmark classes in $JAR_ROOT"
  (cd "$JAR_ROOT" && ./mvnw -o -q -B -pl examples -am package -DskipTests)
fi
JAR="$JAR_ROOT/examples/target/catalog.jar"
CLASSES="$JAR_ROOT/examples/target/test-classes"

# --- 1. the feeds ---------------------------------------------------------------------------------------------

# The feeds depend only on the sizes, the seed and the generator's code: a directory named after all four is
# reused as it is (catalog.properties is written last, so its presence means both feeds are whole).
generate_feeds() {
  local version
  version=$(cat "$CLASSES"/io/freecast/catalog/examples/bench/{LargeCatalogFeeds,GeneratedTitles,SearchTerms,CatalogSummary}.class \
    | md5sum | cut -c1-8)
  FEEDS="$FEEDS_ROOT/${MOVIES}m-${SHOWS}s-seed$SEED-$version"
  if [ -f "$FEEDS/catalog.properties" ]; then
    log "reusing the feeds in $FEEDS"
  else
    log "generating $MOVIES movies and $SHOWS shows into $FEEDS"
    "$JAVA" -cp "$JAR:$CLASSES" io.freecast.catalog.examples.bench.LargeCatalogFeeds --dir "$FEEDS" \
      --movies "$MOVIES" --shows "$SHOWS" --seed "$SEED" >&2
  fi
}

# A value of the generator's catalog.properties.
written() { sed -n "s/^$1=//p" "$FEEDS/catalog.properties"; }

# --- 2. the import --------------------------------------------------------------------------------------------

# Results are kept as KEY=VALUE in $WORK/results (keys like sqlite.import-movies.wall) and read back by `result`.
record() { echo "$1=$2" >>"$WORK/results"; }
result() { sed -n "s/^$1=//p" "$WORK/results" | tail -1; }

# run_import DB_LABEL DB COMMAND FEED EXPECTED_CREATED: one import in a JVM of its own (-Xmx$IMPORT_HEAP), timed
# from the command line; its peak heap is the largest heap in use when a collection started (the heap only grows
# between collections), its live heap the largest left after one, both read from its GC log.
run_import() {
  local label=$1 db=$2 command=$3 feed=$4 expected=$5 gclog="$WORK/gc-$1-$3.log" report="$WORK/report-$1-$3.json"
  local started finished created rejected peak live
  log "$label: $command ($(du -h "$feed" | cut -f1) feed, -Xmx$IMPORT_HEAP)"
  started=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$WORK/rss" "$JAVA" "${JVM_FLAGS[@]}" -Xmx"$IMPORT_HEAP" -Xlog:gc:file="$gclog" \
    -jar "$JAR" "$command" --db "$db" --feed "$feed" --json >"$report" 2>"$WORK/import.err" \
    || { cat "$WORK/import.err" "$report" >&2; return 1; }
  finished=$(date +%s%N)
  created=$(sed -n 's/^ *"created" : \([0-9]*\).*/\1/p' "$report")
  rejected=$(sed -n 's/^ *"rejected" : \([0-9]*\).*/\1/p' "$report")
  [ "$created" = "$expected" ] && [ "$rejected" = 0 ] \
    || { echo "$command created $created items (expected $expected), rejected $rejected" >&2; return 1; }
  record "$label.$command.wall" "$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
  record "$label.$command.task" "$(sed -n 's/^ *"duration_ms" : \([0-9]*\).*/\1/p' "$report" | awk '{ printf "%.1f", $1 / 1000 }')"
  record "$label.$command.items" "$created"
  record "$label.$command.rss" "$(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/rss")"
  awk '
    function mb(v) { u = substr(v, length(v)); v += 0; return u == "G" ? v * 1024 : u == "K" ? v / 1024 : v }
    /Pause/ && match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/) {
      split(substr($0, RSTART, RLENGTH - 1), h, "->")
      if (mb(h[1]) > peak) peak = mb(h[1])
      if ($0 ~ /Pause (Young|Full)/ && mb(h[2]) > live) live = mb(h[2])
    }
    END { printf "%.0f %.0f\n", peak, live }' "$gclog" >"$WORK/heap"
  read -r peak live <"$WORK/heap"
  record "$label.$command.heap" "$peak"
  record "$label.$command.live" "$live"
}

import_catalog() {
  local label=$1 db=$2
  "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" migrate --db "$db" >/dev/null 2>"$WORK/import.err" \
    || { cat "$WORK/import.err" >&2; return 1; }
  run_import "$label" "$db" import-movies "$FEEDS/movies.json" "$(written movies)"
  run_import "$label" "$db" import-shows "$FEEDS/shows.json" "$(written shows)"
}

# PostgreSQL plans from table statistics. A default server's autovacuum gathers them shortly after a large import;
# one with autovacuum off (as the test server here) had none for the new tables, their plans were guesses (200,000
# movies: list pages at 10 req/s), and this script ran ANALYZE on every table of the schema itself. The imports do
# it now: an import that changed a table beyond autovacuum's rule has it analysed once it has committed, and says so
# in its report (README, "Importing feeds") — here movie and source, then show, season, episode and source again.
# So the script no longer analyses anything: it checks that the tables the measured requests read were analysed
# (by the imports, or by autovacuum), and stops the run otherwise. (What it analysed before and an import may not:
# the run log, accounts and tombstones, which no measured request reads, and title_count — one row per kind, read
# by key — when an import updated it too few times.)
check_statistics() {
  local autovacuum missing
  autovacuum=$(psql "$PSQL_URL" -Atc "SHOW autovacuum")
  record postgresql.autovacuum "$autovacuum"
  missing=$(psql "$PSQL_URL" -Atc "SELECT string_agg(t.name, ', ') FROM unnest(ARRAY['movie', 'source', 'show',
    'season', 'episode']) AS t(name) LEFT JOIN pg_stat_user_tables s ON s.schemaname = '$SCHEMA' AND s.relname = t.name
    WHERE s.last_analyze IS NULL AND s.last_autoanalyze IS NULL")
  [ -z "$missing" ] || { echo "the imports left $missing without planner statistics" >&2; return 1; }
  log "PostgreSQL: the imports analysed what they wrote (autovacuum is $autovacuum on this server):"
  grep -ho '"PostgreSQL planner statistics[^"]*"' "$WORK"/report-postgresql-import-*.json | sed 's/^/  /' >&2
}

# A reused schema (PG_SCHEMA) may come from a build whose imports did not analyse: its tables are analysed here,
# the schema's only (a bare ANALYZE would go through every schema of the database).
analyze_reused_schema() {
  psql "$PSQL_URL" -Atc "SELECT format('ANALYZE %I.%I;', schemaname, tablename) FROM pg_tables
    WHERE schemaname = '$PG_SCHEMA'" | psql "$PSQL_URL" -q >/dev/null
}

# A reused catalog is read into memory before it is measured, as a fresh import leaves it: otherwise its first
# random reads wait on the disk for pages the kernel dropped since (seen: PostgreSQL's random movies at 2,954 req/s
# with a p99 of 505 ms on a schema imported 40 minutes before, against 5,018 and 31 ms right after an import).
# SQLite: the file, read through once. PostgreSQL: every table and index of the schema read into the kernel's cache
# (its own shared buffers are far smaller) by pg_prewarm, a contrib module of the server, whose extension is created
# for the run and dropped after when it was not there.
warm_reused_catalog() {
  local label=$1 db=$2 created=""
  if [ "$label" = sqlite ]; then
    cat "$db" >/dev/null
    return
  fi
  if [ -z "$(psql "$PSQL_URL" -Atc "SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'")" ]; then
    psql "$PSQL_URL" -qc "CREATE EXTENSION pg_prewarm" >/dev/null || { echo "pg_prewarm is not available: measuring a cold schema" >&2; return; }
    created=1
  fi
  psql "$PSQL_URL" -Atc "SELECT sum(pg_prewarm(c.oid, 'read')) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = '$PG_SCHEMA' AND c.relkind IN ('r', 'i', 't')" >/dev/null
  [ -z "$created" ] || psql "$PSQL_URL" -qc "DROP EXTENSION pg_prewarm" >/dev/null
}

database_size() {
  local label=$1 db=$2
  if [ "$label" = sqlite ]; then
    du -ch "$db"* | tail -1 | cut -f1
  else
    psql "$PSQL_URL" -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${SCHEMA:-$PG_SCHEMA}' AND c.relkind IN ('r', 'm')"
  fi
}

# --- 3.–5. the requests ---------------------------------------------------------------------------------------

start_serve() {
  local db=$1 cache=$2
  "$JAVA" "${JVM_FLAGS[@]}" -Xms512m -Xmx512m -jar "$JAR" serve --db "$db" --host 127.0.0.1 --port "$API_PORT" \
    --no-scheduler --response-cache "$cache" >"$WORK/serve.log" 2>&1 &
  API_PID=$!
  wait_until_healthy "$API_PORT" "$API_PID" "$WORK/serve.log"
  FRESH_SERVER=1
}

api() { echo "http://127.0.0.1:$API_PORT$1"; }

# measure LABEL KEY NAME URL CONNECTIONS [LUA_SCRIPT SCRIPT_ARGS…]: a warm-up, then the measured run; stored as LABEL.KEY.*
measure() {
  local label=$1 key=$2 name=$3 url=$4 connections=$5 rps p50 p99 warmup=$WARMUP
  shift 5
  if [ -n "${FRESH_SERVER:-}" ]; then
    warmup=$SERVER_WARMUP
    FRESH_SERVER=""
  fi
  wrk_measure "$url" "$warmup" "$connections" "$@" >/dev/null
  read -r rps p50 p99 < <(wrk_measure "$url" "$DURATION" "$connections" "$@")
  record "$label.$key.name" "$name"
  record "$label.$key.rps" "$rps"
  record "$label.$key.p50" "$p50"
  record "$label.$key.p99" "$p99"
}

total_count() { curl -fsS -D - -o /dev/null "$1" | tr -d '\r' | sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: //p'; }
first_id() { curl -fsS "$1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }

# The searches, each checked against the number of titles the generator says it matches.
measure_searches() {
  local label=$1 name query url total expected
  local -A what=([common]="common word" [rare]="rare word" [accented]=accented [nomatch]="no match"
    [short]="2 letters, no match")
  for name in common rare accented nomatch short; do
    query=$(written "search.$name")
    url=$(api "/movies/?q=$(written "search.$name.q")")
    total=$(total_count "$url")
    expected=$(written "search.$name.matches")
    # Beyond the count's cap (1,000, README "Title search and totals") the API sends no X-Total-Count at all.
    if [ -z "$total" ] && [ "$expected" -gt 1000 ]; then
      total="none"
    elif [ "$total" != "$expected" ]; then
      echo "q=$query: X-Total-Count '$total', the generator counted $expected" >&2
      return 1
    fi
    record "$label.search-$name.total" "$total"
    measure "$label" "search-$name" "?q=$query (${what[$name]}: $expected)" "$url" "$SEARCH_CONNECTIONS"
  done
}

# The cursor of the page after the N-th item of the list by id, made like the API's own: the API's cursor for
# page 2 (after item 50) with that item's id replaced by the N-th item's. Ids are consecutive in a freshly
# imported catalog (checked), so the N-th item's id is first id + N - 1.
deep_cursor() {
  local item=$1 first=$2 page2 plain boundary target
  page2=$(next_link "$(api "/movies/?limit=$PAGE_SIZE")" | sed -n 's/.*[?&]cursor=\([^&]*\).*/\1/p')
  plain=$(echo "$page2" | tr -- '-_' '+/' | awk '{ while (length($0) % 4) $0 = $0 "="; print }' | base64 -d)
  boundary=$((first + PAGE_SIZE - 1))
  target=$((first + item - 1))
  # Lines: direction[:memo], sort, id, sort value ("-" for none, "+value" otherwise).
  printf '%s' "$plain" | awk -v from="$boundary" -v to="$target" 'NR == 3 && $0 == from { $0 = to }
    NR == 4 && $0 == "+" from { $0 = "+" to } { printf "%s%s", (NR > 1 ? "\n" : ""), $0 }' \
    | base64 -w0 | tr '+/' '-_' | tr -d '='
}

measure_pages() {
  local label=$1 first last total deep_url
  first=$(first_id "$(api "/movies/?limit=1")")
  last=$(first_id "$(api "/movies/?limit=1&sort=-id")")
  total=$(total_count "$(api "/movies/?limit=1")")
  [ $((last - first + 1)) = "$total" ] && [ "$total" = "$MOVIES" ] \
    || { echo "movie ids $first..$last are not the $MOVIES consecutive ids expected (total $total)" >&2; return 1; }
  record "$label.movies.first" "$first"
  record "$label.movies.last" "$last"
  deep_url=$(api "/movies/?limit=$PAGE_SIZE&cursor=$(deep_cursor $((($(deep_page_number) - 1) * PAGE_SIZE)) "$first")")
  [ "$(curl -fsS "$deep_url" | grep -o '"release_year"' | wc -l)" = "$PAGE_SIZE" ] \
    || { echo "the deep page ($deep_url) does not hold $PAGE_SIZE movies" >&2; return 1; }
  measure "$label" page-1 "list page 1 (?limit=$PAGE_SIZE)" "$(api "/movies/?limit=$PAGE_SIZE")" "$SEARCH_CONNECTIONS"
  measure "$label" page-deep "list page $(deep_page_number) (keyset cursor)" "$deep_url" "$SEARCH_CONNECTIONS"
}

# Page 10,000, or in a catalog too small to have one, its last page.
deep_page_number() {
  if [ $((DEEP_PAGE * PAGE_SIZE)) -gt "$MOVIES" ]; then echo $((MOVIES / PAGE_SIZE)); else echo "$DEEP_PAGE"; fi
}

show_id_range() {
  SHOW_FIRST=$(first_id "$(api "/shows/?limit=1")")
  SHOW_LAST=$(first_id "$(api "/shows/?limit=1&sort=-id")")
  [ $((SHOW_LAST - SHOW_FIRST + 1)) = "$SHOWS" ] \
    || { echo "show ids $SHOW_FIRST..$SHOW_LAST are not the $SHOWS consecutive ids expected" >&2; return 1; }
}

measure_random_reads() {
  local label=$1 first last
  first=$(result "$label.movies.first")
  last=$(result "$label.movies.last")
  show_id_range
  measure "$label" movie-random "GET /movies/{id}, random of $MOVIES" "$(api /)" "$READ_CONNECTIONS" \
    "$ROOT/bench/random-ids.lua" '/movies/{id}' "$first" "$last"
  measure "$label" episodes-random "GET /shows/{id}/episodes, random of $SHOWS" "$(api /)" "$READ_CONNECTIONS" \
    "$ROOT/bench/random-ids.lua" '/shows/{id}/episodes' "$SHOW_FIRST" "$SHOW_LAST"
  # The floor of a database request on this machine: /health sends one `select 1` through the pool (never cached)
  # and writes 120 bytes, so no request that reads the catalog can be served faster than it.
  measure "$label" health "GET /health (one select 1: the floor)" "$(api /health)" "$READ_CONNECTIONS"
}

# SAMPLE distinct ids drawn uniformly from FIRST..LAST (fewer when the range is smaller), one a line.
sample_ids() {
  awk -v lo="$1" -v hi="$2" -v n="$SAMPLE" -v seed="$SEED" 'BEGIN {
    if (n > hi - lo + 1) n = hi - lo + 1
    srand(seed)
    while (count < n) { id = lo + int(rand() * (hi - lo + 1)); if (!(id in seen)) { seen[id] = 1; count++; print id } } }'
}

# Saves the response bytes of the sampled ids from the running `serve` (one curl, one connection) as the files
# nginx serves at the same paths, then measures nginx on random requests among them.
measure_nginx() {
  local label=$1 static="$WORK/static"
  mkdir -p "$static/movies"
  sample_ids "$(result "$label.movies.first")" "$(result "$label.movies.last")" >"$WORK/movie-ids"
  sample_ids "$SHOW_FIRST" "$SHOW_LAST" >"$WORK/show-ids"
  log "saving $(wc -l <"$WORK/movie-ids") movies and $(wc -l <"$WORK/show-ids") episode lists for nginx"
  {
    while read -r id; do printf 'url = "%s"\noutput = "%s"\n' "$(api "/movies/$id")" "$static/movies/$id"; done <"$WORK/movie-ids"
    while read -r id; do
      printf 'url = "%s"\noutput = "%s"\n' "$(api "/shows/$id/episodes")" "$static/shows/$id/episodes"
    done <"$WORK/show-ids"
  } >"$WORK/curl-sample"
  curl -fsS --create-dirs -K "$WORK/curl-sample"
  record nginx.sample.movies "$(wc -l <"$WORK/movie-ids")"
  record nginx.sample.shows "$(wc -l <"$WORK/show-ids")"
  record nginx.sample.bytes "$(du -sh "$static" | cut -f1)"
  write_static_nginx_conf "$WORK" "$NGINX_PORT" $((2 * SAMPLE + 100))
  nginx -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon on;'
  NGINX_STARTED=1
  local id
  id=$(head -1 "$WORK/show-ids")
  cmp -s <(curl -fs "$(api "/shows/$id/episodes")") <(curl -fs "http://127.0.0.1:$NGINX_PORT/shows/$id/episodes") \
    || { echo "nginx does not serve the same bytes for /shows/$id/episodes" >&2; return 1; }
  measure nginx movie-random "nginx: /movies/{id}, random of the files" "http://127.0.0.1:$NGINX_PORT/" \
    "$READ_CONNECTIONS" "$ROOT/bench/random-ids.lua" '/movies/{id}' "@$WORK/movie-ids"
  measure nginx episodes-random "nginx: /shows/{id}/episodes, random files" "http://127.0.0.1:$NGINX_PORT/" \
    "$READ_CONNECTIONS" "$ROOT/bench/random-ids.lua" '/shows/{id}/episodes' "@$WORK/show-ids"
  nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null
  NGINX_STARTED=""
}

# --- 6. the report --------------------------------------------------------------------------------------------

REQUESTS=(search-common search-rare search-accented search-nomatch search-short page-1 page-deep movie-random episodes-random)
# verdict OK → "PASS" or "MISS"; a miss is remembered in a file (verdicts run in subshells) for the exit code.
verdict() { if [ "$1" = 1 ]; then echo PASS; else touch "$WORK/missed"; echo MISS; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

print_database() {
  local label=$1 kind=$2 key goal
  printf '\n%s: %s movies (%s sources), %s shows (%s episodes, %s sources); database %s\n' "$kind" "$MOVIES" \
    "$(written movie.sources)" "$SHOWS" "$(written episodes)" "$(written episode.sources)" "$(result "$label.size")"
  printf '%-16s | %8s %8s %9s | %14s %15s %11s\n' import "wall s" "task s" "items/s" "peak heap MB" "live heap MB" \
    "max RSS MB"
  if [ -n "$(result "$label.reused")" ]; then
    printf '%-16s | imported before: %s\n' import "$(result "$label.reused")"
  fi
  for key in import-movies import-shows; do
    [ -n "$(result "$label.$key.wall")" ] || continue
    printf '%-16s | %8s %8s %9s | %14s %15s %11s\n' "$key" "$(result "$label.$key.wall")" "$(result "$label.$key.task")" \
      "$(awk -v n="$(result "$label.$key.items")" -v s="$(result "$label.$key.task")" 'BEGIN { printf "%.0f", n / s }')" \
      "$(result "$label.$key.heap") of $IMPORT_HEAP" "$(result "$label.$key.live")" "$(result "$label.$key.rss")"
  done
  printf '\n%-44s | %8s %8s %8s | %9s | %s\n' request "req/s" "p50 ms" "p99 ms" total goal
  for key in "${REQUESTS[@]}"; do
    goal=""
    case $key in
      search-*) [ "$label" = sqlite ] && goal="p99 ≤ 10 ms: $(verdict "$(awk -v p="$(result "$label.$key.p99")" 'BEGIN { print (p <= 10) }')")" ;;
      page-deep) goal="cost $(ratio "$(result "$label.page-1.rps")" "$(result "$label.page-deep.rps")")× page 1, ≤ 1.2×: $(verdict \
        "$(awk -v a="$(result "$label.page-1.rps")" -v b="$(result "$label.page-deep.rps")" 'BEGIN { print (a <= 1.2 * b) }')")" ;;
      *-random) [ -n "$(result "nginx.$key.rps")" ] && [ "$label" = sqlite ] \
        && goal="$(ratio "$(result "$label.$key.rps")" "$(result "nginx.$key.rps")" | awk '{ printf "%.0f%%", 100 * $1 }') of nginx, ≥ 40%: $(verdict \
        "$(awk -v a="$(result "$label.$key.rps")" -v b="$(result "nginx.$key.rps")" 'BEGIN { print (a >= 0.4 * b) }')")" ;;
    esac
    printf '%-44s | %8s %8s %8s | %9s | %s\n' "$(result "$label.$key.name")" "$(result "$label.$key.rps")" \
      "$(result "$label.$key.p50")" "$(result "$label.$key.p99")" "$(result "$label.$key.total")" "$goal"
  done
  printf '%-44s | %8s %8s %8s |\n' "$(result "$label.health.name")" "$(result "$label.health.rps")" \
    "$(result "$label.health.p50")" "$(result "$label.health.p99")"
}

print_nginx() {
  [ -n "$(result nginx.movie-random.rps)" ] || return 0
  printf '\nnginx, the same bytes as files (%s movies, %s episode lists, %s):\n' "$(result nginx.sample.movies)" \
    "$(result nginx.sample.shows)" "$(result nginx.sample.bytes)"
  local key
  for key in movie-random episodes-random; do
    printf '%-44s | %8s %8s %8s |\n' "$(result "nginx.$key.name")" "$(result "nginx.$key.rps")" \
      "$(result "nginx.$key.p50")" "$(result "nginx.$key.p99")"
  done
}

print_postgresql_against_sqlite() {
  [ -n "$(result postgresql.page-1.rps)" ] && [ -n "$(result sqlite.page-1.rps)" ] || return 0
  printf '\nPostgreSQL against SQLite, the same requests (goal: PostgreSQL ≥ 50%% of SQLite'"'"'s req/s):\n'
  local key share
  for key in "${REQUESTS[@]}"; do
    share=$(ratio "$(result "postgresql.$key.rps")" "$(result "sqlite.$key.rps")")
    printf '%-44s | %8s vs %8s req/s | %4.0f%% %s\n' "$(result "sqlite.$key.name")" "$(result "postgresql.$key.rps")" \
      "$(result "sqlite.$key.rps")" "$(awk -v s="$share" 'BEGIN { print 100 * s }')" \
      "$(verdict "$(awk -v s="$share" 'BEGIN { print (s >= 0.5) }')")"
  done
  # What no change to the queries could pass: a request that reads the catalog costs at least one round trip, so
  # PostgreSQL cannot reach half of SQLite's rate where SQLite answers faster than twice PostgreSQL's /health.
  local floor=$(result postgresql.health.rps) beyond=""
  for key in "${REQUESTS[@]}"; do
    awk -v s="$(result "sqlite.$key.rps")" -v f="$floor" 'BEGIN { exit !(s > 2 * f) }' \
      && beyond="$beyond; $(result "sqlite.$key.name" | sed 's/ (.*//')"
  done
  printf '%-44s | %8s vs %8s req/s | the floor: no request reading the catalog is faster\n' \
    "GET /health (one select 1)" "$floor" "$(result sqlite.health.rps)"
  printf 'out of PostgreSQL'"'"'s reach here (SQLite faster than twice its floor): %s\n' \
    "$([ -n "$beyond" ] && echo "${beyond#; }" || echo none)"
}

# --- the run --------------------------------------------------------------------------------------------------

benchmark_database() {
  local label=$1 kind db reused=""
  if [ "$label" = sqlite ]; then
    kind=SQLite
    db=${SQLITE_DB:-"$WORK/catalog.db"}
    reused=${SQLITE_DB:-}
  elif [ -n "${PG_SCHEMA:-}" ]; then
    kind=PostgreSQL
    db=$(jdbc_url_with_schema "$PG_URL" "$PG_SCHEMA")
    reused="schema $PG_SCHEMA"
  else
    kind=PostgreSQL
    SCHEMA=$(fresh_schema_name bench_scale)
    psql "$PSQL_URL" -qc "CREATE SCHEMA $SCHEMA" >/dev/null
    db=$(jdbc_url_with_schema "$PG_URL" "$SCHEMA")
  fi
  log "$kind: load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "$reused" ]; then
    log "$kind: measuring the catalog imported before in $reused (migrating it to this build's schema first)"
    "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" migrate --db "$db" >/dev/null 2>"$WORK/import.err" \
      || { cat "$WORK/import.err" >&2; return 1; }
    record "$label.reused" "$reused"
    [ "$label" = sqlite ] || analyze_reused_schema
    warm_reused_catalog "$label" "$db"
  else
    import_catalog "$label" "$db"
    [ "$label" = sqlite ] || check_statistics
  fi
  record "$label.size" "$(database_size "$label" "$db")"
  log "$kind: searches and pages, response cache off"
  start_serve "$db" 0
  measure_searches "$label"
  measure_pages "$label"
  stop_serve
  log "$kind: random single-item reads, response cache 1s"
  start_serve "$db" 1s
  measure_random_reads "$label"
  # nginx once, with the bytes of the first database measured.
  local nginx_now=""
  if [ -z "$(result nginx.movie-random.rps)" ]; then
    measure_nginx "$label"
    nginx_now=1
  fi
  stop_serve
  print_database "$label" "$kind"
  [ -z "$nginx_now" ] || print_nginx
  if [ "$label" = postgresql ]; then
    [ -z "$SCHEMA" ] || drop_schema   # a reused PG_SCHEMA is left in place
    SCHEMA=""
  elif [ -n "${KEEP:-}" ] || [ -n "$reused" ]; then
    echo "kept the SQLite catalog: $db" >&2
  else
    rm -f "$db"*
  fi
}

log "scale benchmark: $MOVIES movies, $SHOWS shows, databases: $DATABASES; work directory $WORK"
generate_feeds
printf 'catalog: %s movies, %s shows (seed %s); wrk -t%s, %s per request after %s of warm-up (%s after a start), %s connections for\n' \
  "$MOVIES" "$SHOWS" "$SEED" "$THREADS" "$DURATION" "$WARMUP" "$SERVER_WARMUP" "$SEARCH_CONNECTIONS"
printf 'searches and pages (response cache off), %s for random reads (response cache 1s); %s CPUs, load average %s\n' \
  "$READ_CONNECTIONS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
for database in $DATABASES; do
  benchmark_database "$database"
done
print_postgresql_against_sqlite
printf '\nload average at the end: %s; goals are for 1,000,000 titles%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$([ "$MOVIES" -lt 1000000 ] && echo " (this run: $MOVIES, so they are indicative only)")"
FINISHED=1
[ ! -e "$WORK/missed" ]   # the exit code: 0 when every goal was met
