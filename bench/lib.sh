# Shell functions shared by the benchmark scripts (source it: `. "$(dirname "$0")/lib.sh"`).
# Nothing here starts a process that outlives the caller: each script stops what it starts in its own trap.

# The JVM options every benchmark runs the launcher with: sqlite-jdbc loads a native library and a library may still
# touch sun.misc.Unsafe's memory access; both are allowed so that JDK 24+ prints no warnings (as the tests' own).
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

# Installs the Debian packages for the commands that are missing, e.g. `ensure_commands wrk nginx`.
ensure_commands() {
  local missing=() cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 && continue
    case "$cmd" in
      nginx) missing+=(nginx-light) ;;
      psql) missing+=(postgresql-client) ;;
      *) missing+=("$cmd") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]} (Debian packages)…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Waits until http://127.0.0.1:PORT/health answers (up to 60 s) while PID lives; prints LOG and fails otherwise.
wait_until_healthy() {
  local port=$1 pid=$2 log=$3
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "the server on port $port did not become healthy:" >&2
  cat "$log" >&2
  return 1
}

# wrk_measure URL DURATION CONNECTIONS [LUA_SCRIPT [SCRIPT_ARGS…]] → "requests/s p50_ms p99_ms" on stdout.
# Uses THREADS (default 2) wrk threads, and sends WRK_HEADER ("Name: value") with every request when it is set.
# Any non-2xx/3xx response fails the measurement: a benchmark of errors is not a figure.
wrk_measure() {
  local url=$1 duration=$2 connections=$3 script=()
  shift 3
  if [ $# -gt 0 ]; then
    script=(-s "$1" "$url" --)
    shift
  else
    script=("$url")
  fi
  wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --latency ${WRK_HEADER:+-H "$WRK_HEADER"} "${script[@]}" "$@" \
    | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# The path and query of a list URL's Link rel="next" (empty on the last page).
next_link() {
  curl -fsI "$1" | tr -d '\r' | sed -n 's/.*<\([^>]*\)>; rel="next".*/\1/p'
}

# psql's URL for a JDBC one: jdbc:postgresql://host:port/db?user=u → postgresql://u@host:port/db.
psql_url_of() {
  echo "${1#jdbc:}" | sed -E 's#postgresql://([^/?]+)/([^?]*)\?user=([^&]+)#postgresql://\3@\1/\2#'
}

# The JDBC URL of one schema of a PostgreSQL database.
jdbc_url_with_schema() {
  echo "$1$([[ $1 == *\?* ]] && echo '&' || echo '?')currentSchema=$2"
}

# A schema name no other run uses: PREFIX_ and 8 random hex digits.
fresh_schema_name() {
  echo "$1_$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
}

# create_fresh_schema PREFIX: creates a schema of PG_URL that no other run uses, and sets SCHEMA (its name, for
# the caller to drop), PSQL_URL and DB (its JDBC URL).
create_fresh_schema() {
  SCHEMA=$(fresh_schema_name "$1")
  PSQL_URL=$(psql_url_of "$PG_URL")
  psql "$PSQL_URL" -qc "CREATE SCHEMA $SCHEMA" >/dev/null
  DB=$(jdbc_url_with_schema "$PG_URL" "$SCHEMA")
}

# Writes DIR/nginx.conf: nginx on 127.0.0.1:PORT serving the files under DIR/static as application/json,
# with open files cached (up to OPEN_FILES of them) so that it is the ceiling: no open()/fstat() per request.
# A cached file holds a descriptor in each worker, so the cache stays 2,048 below the workers' limit (inherited
# from this shell: `ulimit -n`), or requests turn into 500s once it fills; the least recently used file leaves it.
# Start it with `nginx -c DIR/nginx.conf -p DIR -g 'daemon on;'`, stop it with `… -s stop`.
write_static_nginx_conf() {
  local dir=$1 port=$2 open_files=${3:-64} limit
  limit=$(ulimit -n)
  if [ "$limit" != unlimited ] && [ "$open_files" -gt $((limit > 4096 ? limit - 2048 : limit / 2)) ]; then
    open_files=$((limit > 4096 ? limit - 2048 : limit / 2))
  fi
  mkdir -p "$dir/static" "$dir/logs" "$dir/tmp"
  cat >"$dir/nginx.conf" <<NGINX
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=$open_files inactive=60s;
  open_file_cache_valid 60s;
  client_body_temp_path $dir/tmp;
  proxy_temp_path $dir/tmp;
  fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp;
  scgi_temp_path $dir/tmp;
  server {
    listen 127.0.0.1:$port;
    default_type application/json;
    root $dir/static;
  }
}
NGINX
  # nginx workers run as www-data: they need to read the files and walk the directories.
  chmod -R a+rX "$dir"
}
