#!/usr/bin/env bash
# The Accords benchmark in one command (issue 6): loads 10,000 and 1,000,000 clauses into the
# machine's PostgreSQL, starts the packaged jar against each, runs wrk on every scenario at 8 and 32
# connections, runs pgbench -M prepared with the service's own SQL as the ceiling, and prints one
# table. Everything stays on loopback. See bench/README.md for prerequisites and knobs.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
OUT=${BENCH_OUT:-$BENCH/out}
SCALES=${BENCH_SCALES:-"10000 1000000"}
DURATION=${BENCH_DURATION:-10}          # seconds per measured cell (wrk and pgbench alike)
WARMUP=${BENCH_WARMUP:-5}               # seconds of wrk per scenario before measuring it
CONNECTIONS=${BENCH_CONNECTIONS:-"8 32"}
THREADS=${BENCH_THREADS:-2}             # wrk and pgbench threads: one per core here
READS="get-agreement list-agreements list-agreements-deep get-clause list-clauses report global global-deep global-party"
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
# BENCH_NICE=-10 (root only) runs the service, wrk, pgbench and the bench role's PostgreSQL
# backends ahead of everything else on the machine: the three still share the cores among
# themselves, other work (builds) waits. For a shared machine that cannot be made quiet; the
# table says when it was used.
NICE=${BENCH_NICE:-0}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- prerequisites ----------------------------------------------------------------------------
for tool in wrk psql pgbench java curl pg_isready; do
  command -v "$tool" >/dev/null || die "$tool not found: see bench/README.md (apt-get install -y wrk postgresql)"
done
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

if ! pg_isready -q -h "$PGHOST_" -p "$PGPORT_"; then
  log "starting PostgreSQL cluster $PG_CLUSTER"
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER start
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST_" -p "$PGPORT_" && break; sleep 1; done
fi

if [[ ! -f $JAR || ${BENCH_BUILD:-0} == 1 ]]; then
  log "building the jar (./mvnw -B package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2
fi

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
trap 'stop_app; [[ -n $RENICE_PID ]] && kill "$RENICE_PID" 2>/dev/null; true' EXIT

free_port() {
  local port
  for port in $(seq 18080 18180); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "no free port in 18080-18180"
}

load_average() { cut -d' ' -f1 /proc/loadavg; }
CLK_TCK=$(getconf CLK_TCK)
# CPU time of the service so far (user + system), in clock ticks: its cost per request holds up
# better than requests/s when other work shares the machine.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

# Starts the jar on loopback against database $1; sets APP_PID, PORT and STARTUP (seconds to ready).
start_app() {
  local db=$1 logfile=$2 begin
  PORT=$(free_port)
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$db" \
  QUARKUS_DATASOURCE_USERNAME=$PGUSER_ QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD_ \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    nice -n "$NICE" java $JAVA_OPTS_ -jar "$JAR" >"$logfile" 2>&1 &
  APP_PID=$!
  for _ in $(seq 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then
      STARTUP=$(awk -v b="$begin" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - b) / 1e9 }')
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$logfile" >&2; die "the service died while starting"; }
    sleep 0.1
  done
  die "the service did not become ready in 60 s"
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

# wrk for one scenario; prints "requests/s p50_ms p99_ms errors".
run_wrk() {
  local scenario=$1 connections=$2 seconds=$3 data=$4 script args out
  case $scenario in
    create-clause) script=create-clause.lua; args=("$data/create-clause.txt" "b$(date +%s | tail -c 6)c$connections") ;;
    patch-clause)
      psql -d "$DB" -qAt -v scenario=patch-clause -f "$BENCH/sql/paths.sql" >"$data/patch-clause.txt"
      script=patch-clause.lua; args=("$data/patch-clause.txt" "$THREADS") ;;
    *) script=read.lua; args=("$data/$scenario.txt") ;;
  esac
  local attempt
  for attempt in 1 2; do
    if out=$(nice -n "$NICE" wrk -t "$THREADS" -c "$connections" -d "${seconds}s" --timeout 5s -s "$BENCH/lua/$script" \
          "http://127.0.0.1:$PORT" -- "${args[@]}" 2>"$data/wrk-$scenario-$connections.err"); then
      break
    fi
    log "wrk exited with $? on $scenario (attempt $attempt): $(head -c 300 "$data/wrk-$scenario-$connections.err")"
    out="BENCH-RESULT {\"requests\":0,\"duration_us\":1,\"errors\":-1,\"p50_us\":0,\"p99_us\":0}"
  done
  echo "$out" >"$data/wrk-$scenario-$connections.txt"
  echo "$out" | sed -n 's/^BENCH-RESULT //p' | awk -F'[:,}]' '{
      for (i = 1; i < NF; i++) { gsub(/[{" ]/, "", $i); v[$i] = $(i + 1) }
      printf "%.0f %.2f %.2f %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["errors"] }'
}

# pgbench with the service's SQL for one read scenario; prints transactions/s (0 on failure).
run_pgbench() {
  local scenario=$1 connections=$2 data=$3 out
  out=$(nice -n "$NICE" pgbench -n -M prepared -h "$PGHOST_" -p "$PGPORT_" -c "$connections" -j "$THREADS" -T "$DURATION" \
        -D agreements="$AGREEMENTS" -D agreement_cursors="$AGREEMENT_CURSORS" \
        -D open_clause_cursors="$OPEN_CLAUSE_CURSORS" -D party=US \
        -f "$BENCH/pgbench/$scenario.sql" "$DB" 2>&1) || true
  echo "$out" >"$data/pgbench-$scenario-$connections.txt"
  if grep -q 'number of failed transactions: [1-9]\|aborted\|error' <<<"$out"; then
    log "pgbench $scenario failed: see $data/pgbench-$scenario-$connections.txt"
    echo 0
  else
    sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' <<<"$out" | awk '{ printf "%.0f\n", $1 }'
  fi
}

if [[ $NICE != 0 ]]; then renice_backends & RENICE_PID=$!; fi

for SCALE in $SCALES; do
  case $SCALE in
    *000000) LABEL="$((SCALE / 1000000))M" ;;
    *000) LABEL="$((SCALE / 1000))k" ;;
    *) LABEL=$SCALE ;;
  esac
  DB="accords_bench_${LABEL,,}"
  DATA="$OUT/$LABEL"
  rm -rf "$DATA"; mkdir -p "$DATA"
  log "[$LABEL] fresh database $DB; the service creates the schema (Flyway)"
  admin_psql -c "drop database if exists $DB" -c "create database $DB owner $PGUSER_"
  start_app "$DB" "$DATA/service-migrate.log"
  stop_app

  log "[$LABEL] loading $SCALE clauses"
  begin=$(date +%s)
  psql -d "$DB" -q -v clauses="$SCALE" -f "$BENCH/sql/load.sql" >"$DATA/load.txt"
  psql -d "$DB" -q -f "$BENCH/sql/cursors.sql" >>"$DATA/load.txt" 2>&1
  LOAD_SECONDS=$(($(date +%s) - begin))
  log "[$LABEL] loaded in ${LOAD_SECONDS}s: $(awk '/agreements \| clauses/ { getline; getline; print }' "$DATA/load.txt" | tr -s ' ') (agreements | clauses | open | positions | signatories)"
  for scenario in $READS create-clause; do
    psql -d "$DB" -qAt -v scenario="$scenario" -f "$BENCH/sql/paths.sql" >"$DATA/$scenario.txt"
  done
  log "[$LABEL] buffers per request (EXPLAIN ANALYZE of the pgbench SQL)"
  "$BENCH/explain.sh" "$DB" $READS >"$DATA/buffers.tsv"
  AGREEMENTS=$(psql -d "$DB" -qAt -c "select count(*) from agreements")
  AGREEMENT_CURSORS=$(psql -d "$DB" -qAt -c "select count(*) from bench.agreement_cursors")
  OPEN_CLAUSE_CURSORS=$(psql -d "$DB" -qAt -c "select count(*) from bench.open_clause_cursors")

  start_app "$DB" "$DATA/service.log"
  log "[$LABEL] service ready in ${STARTUP}s on 127.0.0.1:$PORT (pid $APP_PID)"
  STARTED_IN=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$DATA/service.log" | head -1)

  # One pass over every scenario first: the JIT compiles the shared paths (HTTP, JSON, Hibernate,
  # pgjdbc) before the first cell is measured, not during it.
  log "[$LABEL] warm-up pass over all scenarios, ${WARMUP}s each"
  for scenario in $SCENARIOS; do run_wrk "$scenario" 8 "$WARMUP" "$DATA" >/dev/null; done
  for scenario in $SCENARIOS; do
    log "[$LABEL] $scenario: warm-up ${WARMUP}s"
    run_wrk "$scenario" 8 "$WARMUP" "$DATA" >/dev/null
    for connections in $CONNECTIONS; do
      load=$(load_average); rps=""; ticks=$(cpu_ticks)
      read -r rps p50 p99 errors < <(run_wrk "$scenario" "$connections" "$DURATION" "$DATA") || true
      [[ -n ${rps:-} ]] || die "no result from wrk for $scenario: see $DATA/wrk-$scenario-$connections.err"
      cpu=$(awk -v t=$(($(cpu_ticks) - ticks)) -v hz="$CLK_TCK" -v r="$rps" -v d="$DURATION" \
            'BEGIN { printf "%.0f", (r > 0 ? 1e6 * t / hz / (r * d) : 0) }')
      ceiling="-"; ratio="-"; buffers="-"
      if [[ " $READS " == *" $scenario "* ]]; then
        buffers=$(awk -F'\t' -v s="$scenario" '$1 == s { print $2 }' "$DATA/buffers.tsv")
        ceiling=$(run_pgbench "$scenario" "$connections" "$DATA")
        [[ $ceiling != 0 ]] && ratio=$(awk -v r="$rps" -v c="$ceiling" 'BEGIN { printf "%.0f%%", 100 * r / c }')
      fi
      log "[$LABEL] $scenario c=$connections: $rps req/s p50 ${p50}ms p99 ${p99}ms errors $errors ceiling $ceiling ($ratio) service ${cpu}us/req load $load"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$LABEL" "$connections" "$rps" "$p50" "$p99" \
        "$errors" "$ceiling" "$ratio" "$cpu" "$buffers" "$load" >>"$RESULTS"
    done
  done
  RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  printf 'service\t%s\tstartup %ss to ready (Quarkus: started in %ss), RSS after the run %s MiB, data load %ss\n' \
    "$LABEL" "$STARTUP" "${STARTED_IN:-?}" "$RSS_MB" "$LOAD_SECONDS" >>"$OUT/service.tsv.tmp"
  stop_app
done
mv "$OUT/service.tsv.tmp" "$OUT/service.tsv"

# --- the table --------------------------------------------------------------------------------
{
  echo "| scenario | scale | conns | req/s | p50 ms | p99 ms | errors | ceiling tps | ratio | service CPU µs/req | PG buffers/req | load avg |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$RESULTS"
  echo
  awk -F'\t' '{ printf "- %s %s: %s\n", $1, $2, $3 }' "$OUT/service.tsv"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)," \
       "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); JVM flags: $JAVA_OPTS_;" \
       "${DURATION}s per cell, ${WARMUP}s warm-up per scenario, $THREADS wrk/pgbench threads," \
       "priority nice $NICE for the service, wrk, pgbench and their backends."
} | tee "$OUT/table.md"
