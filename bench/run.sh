#!/usr/bin/env bash
# The Accords benchmark in one command (issues 6 and 10): loads clauses into the machine's PostgreSQL,
# starts the packaged jar with a throw-away key pair (bearer tokens on, as in production), runs wrk on
# every scenario with a token on every request, measures pgbench -M prepared running the plain SQL each
# read needs as its ceiling, and prints one table. A cell counts only once its throughput is stable:
# two consecutive windows within 5%. Everything stays on loopback. See bench/README.md.
#   bench/run.sh                 the full run
#   BENCH_QUICK=1 bench/run.sh   a smoke run (small data, short windows) that proves the chain works
#   BENCH_BEFORE=<git ref> bench/run.sh   also measures the jar built from that commit, in the same run,
#                                on a database of its own (its schema and its bench/sql/load.sql)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
OUT=${BENCH_OUT:-$BENCH/out}
QUICK=${BENCH_QUICK:-0}
if [[ $QUICK == 1 ]]; then
  # Proves the whole chain end to end in a few minutes; its figures mean nothing.
  : "${BENCH_SCALES:=10000}" "${BENCH_CONNECTIONS:=8}" "${BENCH_WINDOW:=2}" "${BENCH_MAX_WINDOWS:=3}" "${BENCH_WARMUP:=1}"
fi
SCALES=${BENCH_SCALES:-"10000 1000000"}
WINDOW=${BENCH_WINDOW:-10}              # seconds per measurement window (wrk and pgbench alike)
MAX_WINDOWS=${BENCH_MAX_WINDOWS:-12}    # gives up on stability after this many windows, and says so
STABLE_PERCENT=${BENCH_STABLE_PERCENT:-5}
WARMUP=${BENCH_WARMUP:-5}               # seconds of wrk per scenario in the warm-up pass
CONNECTIONS=${BENCH_CONNECTIONS:-"8 32"}
THREADS=${BENCH_THREADS:-2}             # wrk and pgbench threads: one per core here
# pgbench clients for a ceiling: at most the service's pool size (8), since the service never has more
# statements running at once; 32 backends queueing for 2 cores only lower PostgreSQL's own best.
CEILING_CLIENTS=${BENCH_CEILING_CLIENTS:-8}
READS="get-agreement list-agreements list-agreements-deep get-clause list-clauses report report-confirmed global global-confirmed global-deep global-party"
WRITES="create-clause patch-clause"
SCENARIOS=${BENCH_SCENARIOS:-"$READS $WRITES"}
PGHOST_=${BENCH_PGHOST:-127.0.0.1}
PGPORT_=${BENCH_PGPORT:-5432}
PGUSER_=${BENCH_PGUSER:-accords_bench}
PGPASSWORD_=${BENCH_PGPASSWORD:-accords_bench}
PG_CLUSTER=${BENCH_PG_CLUSTER:-"15 main"}
# The JVM flags bench/README.md recommends for a 2-core box; override to compare.
JAVA_OPTS_=${BENCH_JAVA_OPTS:-"-XX:+UseParallelGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"}
JAR=${BENCH_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
# The java that runs the service, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java to compare runtimes.
JAVA_BIN=${BENCH_JAVA:-java}
BEFORE_REF=${BENCH_BEFORE:-}
# BENCH_NICE=-10 (root only) runs the service, wrk, pgbench and the bench role's PostgreSQL
# backends ahead of everything else on the machine: the three still share the cores among
# themselves, other work (builds) waits. For a shared machine that cannot be made quiet; the
# table says when it was used.
NICE=${BENCH_NICE:-0}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $PGHOST_ == 127.* || $PGHOST_ == localhost || $PGHOST_ == ::1 ]] || die "BENCH_PGHOST must be a loopback address"

# --- prerequisites ----------------------------------------------------------------------------
# On a fresh Debian machine (root): installs what is missing from Debian's packages.
missing_packages=()
command -v wrk >/dev/null || missing_packages+=(wrk)
command -v pgbench >/dev/null && command -v pg_ctlcluster >/dev/null || missing_packages+=(postgresql-15)
command -v psql >/dev/null && command -v pg_isready >/dev/null || missing_packages+=(postgresql-client-15)
command -v openssl >/dev/null || missing_packages+=(openssl)
command -v curl >/dev/null || missing_packages+=(curl)
command -v java >/dev/null || missing_packages+=(openjdk-17-jdk-headless)
if ((${#missing_packages[@]})); then
  [[ $(id -u) == 0 ]] || die "missing ${missing_packages[*]}: install them (see bench/README.md)"
  log "installing ${missing_packages[*]}"
  apt_log=$(mktemp)
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_packages[@]}"; } >"$apt_log" 2>&1 \
    || { tail -20 "$apt_log" >&2; die "could not install ${missing_packages[*]}"; }
  rm -f "$apt_log"
fi

# Superuser psql, only to create the bench role and databases: as root, the postgres account over the
# local socket (peer authentication); otherwise BENCH_PG_ADMIN, a command prefix such as
# "env PGUSER=postgres PGPASSWORD=secret" (empty: the current user, who must be allowed to).
admin_psql() {
  if [[ -z ${BENCH_PG_ADMIN+set} && $(id -u) == 0 ]]; then
    env -u PGHOST -u PGUSER -u PGPASSWORD runuser -u postgres -- psql -p "$PGPORT_" -v ON_ERROR_STOP=1 -qAt -d postgres "$@"
  else
    # shellcheck disable=SC2086
    ${BENCH_PG_ADMIN:-} psql -h "$PGHOST_" -p "$PGPORT_" -v ON_ERROR_STOP=1 -qAt -d postgres "$@"
  fi
}

# Starts the machine's cluster when it is down, and stops it again at the end (BENCH_KEEP_PG=1 leaves
# it running, e.g. for bench/profile.sh).
PG_STARTED=0
if ! pg_isready -q -h "$PGHOST_" -p "$PGPORT_"; then
  log "starting PostgreSQL cluster $PG_CLUSTER"
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER start
  PG_STARTED=1
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST_" -p "$PGPORT_" && break; sleep 1; done
  pg_isready -q -h "$PGHOST_" -p "$PGPORT_" || die "PostgreSQL did not start on $PGHOST_:$PGPORT_"
fi
stop_pg() {
  if [[ $PG_STARTED == 1 && ${BENCH_KEEP_PG:-0} != 1 ]]; then
    log "stopping PostgreSQL cluster $PG_CLUSTER (started by this run)"
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER stop || true
  fi
}

if [[ ! -f $JAR || ${BENCH_BUILD:-0} == 1 ]]; then
  log "building the jar (./mvnw -B package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2
fi

# The "before" build: the jar of BENCH_BEFORE, built in a throw-away worktree, with that commit's own
# data loader (its schema may differ). Measured in the same run and on the same machine as this one.
BUILDS="after"
if [[ -n $BEFORE_REF ]]; then
  BEFORE_SRC="$OUT/before-src"
  BEFORE_SHA=$(git -C "$ROOT" rev-parse --short "$BEFORE_REF^{commit}") || die "BENCH_BEFORE: no commit $BEFORE_REF"
  if [[ ! -f $BEFORE_SRC/target/quarkus-app/quarkus-run.jar || $(cat "$BEFORE_SRC/.bench-sha" 2>/dev/null) != "$BEFORE_SHA" ]]; then
    log "building the before jar from $BEFORE_REF ($BEFORE_SHA)"
    rm -rf "$BEFORE_SRC"; mkdir -p "$BEFORE_SRC"
    git -C "$ROOT" archive "$BEFORE_SHA" | tar -x -C "$BEFORE_SRC"
    (cd "$BEFORE_SRC" && ./mvnw -B -q package -DskipTests) >&2
    echo "$BEFORE_SHA" >"$BEFORE_SRC/.bench-sha"
  fi
  BUILDS="after before"
fi
AFTER_SHA=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "working tree")
build_jar() { if [[ $1 == before ]]; then echo "$BEFORE_SRC/target/quarkus-app/quarkus-run.jar"; else echo "$JAR"; fi; }
build_loader() { if [[ $1 == before ]]; then echo "$BEFORE_SRC/bench/sql/load.sql"; else echo "$BENCH/sql/load.sql"; fi; }
build_label() { if [[ $1 == before ]]; then echo "before ($BEFORE_SHA)"; else echo "after ($AFTER_SHA)"; fi; }

admin_psql <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = '$PGUSER_') then
    create role $PGUSER_ login password '$PGPASSWORD_';
  end if;
end \$\$;
SQL

mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
: >"$OUT/service.tsv.tmp"
export PGHOST=$PGHOST_ PGPORT=$PGPORT_ PGUSER=$PGUSER_ PGPASSWORD=$PGPASSWORD_
APP_PID=""
RENICE_PID=""
trap 'stop_app; [[ -n $RENICE_PID ]] && kill "$RENICE_PID" 2>/dev/null; declare -F forget_identity >/dev/null && forget_identity; stop_pg; true' EXIT

# --- a throw-away identity provider (bench/identity.sh) --------------------------------------
# shellcheck source=bench/identity.sh
. "$BENCH/identity.sh"
make_identity "$OUT/keys"

free_port() {
  local port
  for port in $(seq 18080 18180); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "no free port in 18080-18180"
}

load_average() { cut -d' ' -f1 /proc/loadavg; }
CLK_TCK=$(getconf CLK_TCK)
# CPU time of the service so far (user + system, all its threads), in clock ticks: its cost per
# request holds up better than requests/s when other work shares the machine.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

# Starts the jar on loopback against database $1; sets APP_PID, PORT and STARTUP (seconds to ready).
start_app() {
  local db=$1 logfile=$2 begin
  PORT=$(free_port)
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$db" \
  QUARKUS_DATASOURCE_USERNAME=$PGUSER_ QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD_ \
  ACCORDS_JWT_PUBLIC_KEY_LOCATION="$JWT_PUBLIC_KEY" ACCORDS_JWT_ISSUER="$ISSUER" \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    nice -n "$NICE" "$JAVA_BIN" $JAVA_OPTS_ -jar "$RUN_JAR" >"$logfile" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then
      STARTUP=$(awk -v b="$begin" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - b) / 1e9 }')
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$logfile" >&2; die "the service died while starting"; }
    sleep 0.1
  done
  die "the service did not become ready in 120 s"
}

# The service must refuse a request without a token and serve one with the run's token: otherwise the
# figures would not be those of a production configuration.
check_auth() {
  local without with
  without=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/agreements?limit=1")
  with=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/v1/agreements?limit=1")
  [[ $without == 401 && $with == 200 ]] || die "auth check failed: $without without a token (expected 401), $with with one (expected 200)"
}

stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# With BENCH_NICE, keeps the bench role's PostgreSQL backends (pool and pgbench) at that priority.
renice_backends() {
  [[ $NICE == 0 ]] && return
  while sleep 0.5; do
    pgrep -f "postgres: [0-9]+/[a-z]+: $PGUSER_ " | xargs -r renice -n "$NICE" -p >/dev/null 2>&1 || true
  done
}

# True when two throughputs differ by at most STABLE_PERCENT of the larger.
within() { awk -v a="$1" -v b="$2" -v p="$STABLE_PERCENT" 'BEGIN { m = (a > b ? a : b); exit !(m > 0 && (a > b ? a - b : b - a) <= m * p / 100) }'; }

# One wrk window; prints "requests duration_us p50_ms p99_ms errors".
wrk_window() {
  local scenario=$1 connections=$2 seconds=$3 data=$4 script args out attempt
  case $scenario in
    create-clause) script=create-clause.lua; args=("$data/create-clause.txt" "b$(date +%s%N | cut -c6-14)c$connections") ;;
    patch-clause)
      # Fresh versions each window: every PATCH carries the clause's current ETag.
      psql -d "$DB" -qAt -v scenario=patch-clause -f "$BENCH/sql/paths.sql" >"$data/patch-clause.txt"
      script=patch-clause.lua; args=("$data/patch-clause.txt" "$THREADS") ;;
    *) script=read.lua; args=("$data/$scenario.txt") ;;
  esac
  for attempt in 1 2; do
    if out=$(nice -n "$NICE" wrk -t "$THREADS" -c "$connections" -d "${seconds}s" --timeout 5s -s "$BENCH/lua/$script" \
          "http://127.0.0.1:$PORT" -- "${args[@]}" 2>"$data/wrk-$scenario-$connections.err"); then
      break
    fi
    log "wrk exited with $? on $scenario (attempt $attempt): $(head -c 300 "$data/wrk-$scenario-$connections.err")"
    out="BENCH-RESULT {\"requests\":0,\"duration_us\":1,\"errors\":-1,\"p50_us\":0,\"p99_us\":0}"
  done
  echo "$out" >>"$data/wrk-$scenario-$connections.txt"
  echo "$out" | sed -n 's/^BENCH-RESULT //p' | awk -F'[:,}]' '{
      for (i = 1; i < NF; i++) { gsub(/[{" ]/, "", $i); v[$i] = $(i + 1) }
      printf "%d %d %.2f %.2f %d\n", v["requests"], v["duration_us"], v["p50_us"] / 1000, v["p99_us"] / 1000, v["errors"] }'
}

# Runs wrk windows until two consecutive ones agree within STABLE_PERCENT (at most MAX_WINDOWS) and
# reports the last: sets RPS P50 P99 ERRORS CPU_US (service CPU per request over that window) and
# WRK_WINDOWS ("N", or "N, unstable" when it never settled).
measure_wrk() {
  local scenario=$1 connections=$2 data=$3 previous="" windows=0 requests duration ticks spent
  : >"$data/wrk-$scenario-$connections.txt"
  while ((windows < MAX_WINDOWS)); do
    windows=$((windows + 1))
    ticks=$(cpu_ticks)
    read -r requests duration P50 P99 ERRORS < <(wrk_window "$scenario" "$connections" "$WINDOW" "$data") \
      || die "no result from wrk for $scenario: see $data/wrk-$scenario-$connections.err"
    spent=$(($(cpu_ticks) - ticks))
    RPS=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
    CPU_US=$(awk -v t="$spent" -v hz="$CLK_TCK" -v r="$requests" 'BEGIN { printf "%.0f", (r > 0 ? 1e6 * t / hz / r : 0) }')
    if [[ -n $previous ]] && within "$previous" "$RPS"; then
      WRK_WINDOWS=$windows
      return
    fi
    previous=$RPS
  done
  WRK_WINDOWS="$windows, unstable"
}

# pgbench windows with the plain SQL a read needs, until stable like measure_wrk: sets CEILING and
# PG_WINDOWS (CEILING is 0 when pgbench failed).
measure_pgbench() {
  local scenario=$1 connections=$2 data=$3 previous="" windows=0 out tps clients
  clients=$((connections < CEILING_CLIENTS ? connections : CEILING_CLIENTS))
  : >"$data/pgbench-$scenario-$connections.txt"
  while ((windows < MAX_WINDOWS)); do
    windows=$((windows + 1))
    out=$(nice -n "$NICE" pgbench -n -M prepared -h "$PGHOST_" -p "$PGPORT_" -c "$clients" -j "$THREADS" -T "$WINDOW" \
          -D agreements="$AGREEMENTS" -D agreement_cursors="$AGREEMENT_CURSORS" \
          -D open_clause_cursors="$OPEN_CLAUSE_CURSORS" -D party=US \
          -f "$BENCH/pgbench/$scenario.sql" "$DB" 2>&1) || true
    echo "$out" >>"$data/pgbench-$scenario-$connections.txt"
    if grep -q 'number of failed transactions: [1-9]\|aborted\|error' <<<"$out"; then
      log "pgbench $scenario failed: see $data/pgbench-$scenario-$connections.txt"
      CEILING=0; PG_WINDOWS=$windows
      return
    fi
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$out" | awk '{ printf "%.0f\n", $1 }')
    CEILING=${tps:-0}
    if [[ -n $previous ]] && within "$previous" "$CEILING"; then
      PG_WINDOWS=$windows
      return
    fi
    previous=$CEILING
  done
  PG_WINDOWS="$windows, unstable"
}

if [[ $NICE != 0 ]]; then renice_backends & RENICE_PID=$!; fi

declare -A CEILINGS=() CEILING_WINDOWS=()
for SCALE in $SCALES; do
  case $SCALE in
    *000000) LABEL="$((SCALE / 1000000))M" ;;
    *000) LABEL="$((SCALE / 1000))k" ;;
    *) LABEL=$SCALE ;;
  esac
  # "after" first: its database holds the schema the write ceilings are written for, and the
  # ceilings measured there are the ones both builds are compared with.
  for BUILD in $BUILDS; do
  RUN_JAR=$(build_jar "$BUILD")
  BUILD_LABEL=$(build_label "$BUILD")
  DB="accords_bench_${LABEL,,}_$BUILD"
  DATA="$OUT/$LABEL/$BUILD"
  rm -rf "$DATA"; mkdir -p "$DATA"
  log "[$LABEL $BUILD] fresh database $DB; the service creates the schema (Flyway)"
  admin_psql -c "set client_min_messages to warning" -c "drop database if exists $DB" -c "create database $DB owner $PGUSER_"
  start_app "$DB" "$DATA/service-migrate.log"
  stop_app

  log "[$LABEL $BUILD] loading $SCALE clauses"
  begin=$(date +%s)
  psql -d "$DB" -q -v clauses="$SCALE" -f "$(build_loader "$BUILD")" >"$DATA/load.txt"
  psql -d "$DB" -q -f "$BENCH/sql/cursors.sql" >>"$DATA/load.txt" 2>&1
  LOAD_SECONDS=$(($(date +%s) - begin))
  log "[$LABEL $BUILD] loaded in ${LOAD_SECONDS}s: $(awk '/agreements \| clauses/ { getline; getline; print }' "$DATA/load.txt" | tr -s ' ') (agreements | clauses | open | positions | signatories)"
  for scenario in $READS create-clause; do
    psql -d "$DB" -qAt -v scenario="$scenario" -f "$BENCH/sql/paths.sql" >"$DATA/$scenario.txt"
  done
  if [[ $BUILD == after ]]; then
    log "[$LABEL] buffers per request (EXPLAIN ANALYZE of the pgbench SQL)"
    # shellcheck disable=SC2086
    "$BENCH/explain.sh" "$DB" $READS >"$DATA/buffers.tsv"
  fi
  AGREEMENTS=$(psql -d "$DB" -qAt -c "select count(*) from agreements")
  AGREEMENT_CURSORS=$(psql -d "$DB" -qAt -c "select count(*) from bench.agreement_cursors")
  OPEN_CLAUSE_CURSORS=$(psql -d "$DB" -qAt -c "select count(*) from bench.open_clause_cursors")

  start_app "$DB" "$DATA/service.log"
  check_auth
  log "[$LABEL $BUILD] service ready in ${STARTUP}s on 127.0.0.1:$PORT (pid $APP_PID); tokens verified"
  STARTED_IN=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$DATA/service.log" | head -1)

  # One pass over every scenario first: the JIT compiles the shared paths (HTTP, JSON, Hibernate,
  # pgjdbc) before the first cell is measured, not during it. Each cell then waits for stability.
  log "[$LABEL $BUILD] warm-up pass over all scenarios, ${WARMUP}s each"
  for scenario in $SCENARIOS; do wrk_window "$scenario" 8 "$WARMUP" "$DATA" >/dev/null; done
  for scenario in $SCENARIOS; do
    for connections in $CONNECTIONS; do
      load=$(load_average)
      measure_wrk "$scenario" "$connections" "$DATA"
      CEILING="-"; ratio="-"; buffers="-"; PG_WINDOWS="-"
      key="$LABEL $scenario $connections"
      if [[ -f $BENCH/pgbench/$scenario.sql ]]; then
        if [[ $BUILD == after ]]; then
          buffers=$(awk -F'\t' -v s="$scenario" '$1 == s { print $2 }' "$DATA/buffers.tsv")
          [[ -n $buffers ]] || buffers="-"
          measure_pgbench "$scenario" "$connections" "$DATA"
          CEILINGS[$key]=$CEILING; CEILING_WINDOWS[$key]=$PG_WINDOWS
        else
          CEILING=${CEILINGS[$key]:-0}; PG_WINDOWS="(after's)"
        fi
        [[ $CEILING != 0 ]] && ratio=$(awk -v r="$RPS" -v c="$CEILING" 'BEGIN { printf "%.0f%%", 100 * r / c }')
      fi
      log "[$LABEL $BUILD] $scenario c=$connections: $RPS req/s p50 ${P50}ms p99 ${P99}ms errors $ERRORS ceiling $CEILING ($ratio)" \
          "service ${CPU_US}us/req windows wrk $WRK_WINDOWS pg $PG_WINDOWS load $load"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$BUILD_LABEL" "$LABEL" "$connections" "$RPS" "$P50" "$P99" \
        "$ERRORS" "$CEILING" "$ratio" "$CPU_US" "$WRK_WINDOWS" "$PG_WINDOWS" "$buffers" "$load" >>"$RESULTS"
    done
  done
  RSS_MB=$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status") / 1024 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$BUILD_LABEL" "$LABEL" "$STARTUP" "${STARTED_IN:-?}" "$RSS_MB" "$LOAD_SECONDS" >>"$OUT/service.tsv.tmp"
  stop_app
  done
done
mv "$OUT/service.tsv.tmp" "$OUT/service.tsv"
forget_identity

# --- the table --------------------------------------------------------------------------------
{
  echo "| scenario | build | scale | conns | req/s | p50 ms | p99 ms | errors | ceiling tps | ratio | service CPU µs/req | wrk windows | pgbench windows | PG buffers/req | load avg |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  sort -t$'\t' -s -k1,1 "$RESULTS" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 }'
  echo
  echo "| build | scale | startup to ready s | Quarkus \"started in\" s | RSS after the run MiB | data load s |"
  echo "|---|---|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$OUT/service.tsv"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)," \
       "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); Java $("$JAVA_BIN" -version 2>&1 | head -1 | cut -d'"' -f2); JVM flags: $JAVA_OPTS_;" \
       "${WINDOW}s windows, a cell counts once two consecutive windows agree within ${STABLE_PERCENT}% (at most $MAX_WINDOWS windows;" \
       "\"unstable\" means it never did and the last window is shown); ${WARMUP}s warm-up per scenario; $THREADS wrk/pgbench threads;" \
       "every request carries a bearer token (RS256); priority nice $NICE for the service, wrk, pgbench and their backends." \
       "Ceilings: pgbench -M prepared with min(connections, $CEILING_CLIENTS) clients on the plain SQL each request needs (bench/pgbench/), measured once per cell on the after build's database; the before build is compared with the same figures." \
       "$([[ $QUICK == 1 ]] && echo "SMOKE RUN (BENCH_QUICK=1): these figures only show that the benchmark works.")"
} | tee "$OUT/table.md"
