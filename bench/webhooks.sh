#!/usr/bin/env bash
# Issue 13: what webhooks cost the API, and how fast events become deliveries. Runs the create-clause
# scenario (each request writes one event) against the packaged jar on the machine's PostgreSQL twice:
# without any endpoint, then with one endpoint following every event type on a local sink
# (bench/WebhookSink.java, which answers 204 at once). Each phase warms up, then measures one window.
# Prints req/s, p50/p99 and the service's CPU per request for both, and for the second the deliveries
# per second during the window, the backlog at its end and how long the backlog took to drain. The
# ceiling is PostgreSQL's own: pgbench -M prepared running the SQL a clause create sends
# (bench/pgbench/create-clause.sql, 8 clients, the service's pool size), in the same run.
#   bench/webhooks.sh            BENCH_WARMUP=60 BENCH_WINDOW=60 BENCH_CONNECTIONS=32 by default
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
OUT=${BENCH_OUT:-$BENCH/out-webhooks}
WARMUP=${BENCH_WARMUP:-60}
WINDOW=${BENCH_WINDOW:-60}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
JAR=${BENCH_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
JAVA_BIN=${BENCH_JAVA:-java}
JAVA_OPTS_=${BENCH_JAVA_OPTS:-"-XX:+UseParallelGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"}
export PGHOST=127.0.0.1 PGPORT=${BENCH_PGPORT:-5432} PGUSER=accords_bench PGPASSWORD=accords_bench
DB=accords_webhooks
PORT=18190
SINK_PORT=18191

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
[[ -f $JAR ]] || die "no jar at $JAR: ./mvnw -B package -DskipTests"
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"

# Starts the machine's cluster when it is down, and stops it again at the end (BENCH_KEEP_PG=1 keeps it).
PG_STARTED=0
pg_isready -q || { pg_ctlcluster --skip-systemctl-redirect 15 main start; PG_STARTED=1; sleep 2; }
env -u PGHOST -u PGUSER -u PGPASSWORD runuser -u postgres -- psql -qAt -v ON_ERROR_STOP=1 -d postgres <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = 'accords_bench') then
    create role accords_bench login password 'accords_bench';
  end if;
end \$\$;
SQL
env -u PGHOST -u PGUSER -u PGPASSWORD runuser -u postgres -- psql -qAt -c "drop database if exists $DB" -c "create database $DB owner accords_bench" -d postgres

mkdir -p "$OUT"
# shellcheck source=bench/identity.sh
. "$BENCH/identity.sh"
make_identity "$OUT/keys"
ADMIN_TOKEN=$(mint_token admin bench-admin 12)

APP_PID="" SINK_PID=""
stop_pg() {
  if [[ $PG_STARTED == 1 && ${BENCH_KEEP_PG:-0} != 1 ]]; then pg_ctlcluster --skip-systemctl-redirect 15 main stop || true; fi
}
trap 'kill $APP_PID $SINK_PID 2>/dev/null; forget_identity; stop_pg; true' EXIT
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" \
QUARKUS_DATASOURCE_USERNAME=accords_bench QUARKUS_DATASOURCE_PASSWORD=accords_bench \
ACCORDS_JWT_PUBLIC_KEY_LOCATION="$JWT_PUBLIC_KEY" ACCORDS_JWT_ISSUER="$ISSUER" \
ACCORDS_WEBHOOKS_ALLOW_LOOPBACK=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
  "$JAVA_BIN" $JAVA_OPTS_ -jar "$JAR" >"$OUT/service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || die "the service did not start: $OUT/service.log"
"$JAVA_BIN" "$BENCH/WebhookSink.java" "$SINK_PORT" >"$OUT/sink.log" 2>&1 &
SINK_PID=$!

# The data set of bench/run.sh (bench/sql/load.sql), and the open agreements clauses are created in.
log "loading ${BENCH_CLAUSES:-10000} clauses"
psql -d "$DB" -q -v clauses="${BENCH_CLAUSES:-10000}" -f "$BENCH/sql/load.sql" >"$OUT/load.txt"
psql -d "$DB" -qAt -v scenario=create-clause -f "$BENCH/sql/paths.sql" >"$OUT/agreements.txt"
AGREEMENTS=$(psql -d "$DB" -qAt -c "select count(*) from agreements")
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$SINK_PORT/count" && break; sleep 0.2; done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
sink_count() { curl -sf "http://127.0.0.1:$SINK_PORT/count"; }
pending() { psql -qAt -d "$DB" -c "select count(*) from webhook_deliveries where status = 'PENDING'"; }

# One wrk run of create-clause; prints "req/s p50_ms p99_ms errors cpu_us_per_request".
run_wrk() {
  local seconds=$1 tag=$2 before after out
  before=$(cpu_ticks)
  out=$(wrk -t 2 -c "$CONNECTIONS" -d "${seconds}s" --timeout 5s -s "$BENCH/lua/create-clause.lua" \
    "http://127.0.0.1:$PORT" -- "$OUT/agreements.txt" "$tag" | grep '^BENCH-RESULT' | sed 's/^BENCH-RESULT //')
  after=$(cpu_ticks)
  python3 - "$out" "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); ticks = int(sys.argv[3]) - int(sys.argv[2]); hz = int(sys.argv[4])
rps = r["requests"] / (r["duration_us"] / 1e6)
print(f'{rps:.0f} {r["p50_us"]/1000:.1f} {r["p99_us"]/1000:.1f} {r["errors"]} {ticks / hz * 1e6 / max(r["requests"], 1):.0f}')
PY
}

log "ceiling: pgbench create-clause, 8 clients, ${WINDOW}s"
CEILING=$(pgbench -n -M prepared -c 8 -j 2 -T "$WINDOW" -D agreements="$AGREEMENTS" -f "$BENCH/pgbench/create-clause.sql" "$DB" 2>&1 \
  | sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' | awk '{ printf "%.0f\n", $1 }')
log "without webhooks: warm-up ${WARMUP}s, window ${WINDOW}s"
run_wrk "$WARMUP" w0 >/dev/null
read -r RPS0 P50_0 P99_0 ERR0 CPU0 < <(run_wrk "$WINDOW" w1)

curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$SINK_PORT/hooks\",\"types\":[\"*\"]}" "http://127.0.0.1:$PORT/v1/webhook-endpoints" \
  || die "could not create the endpoint"
log "with one endpoint following every event: warm-up ${WARMUP}s, window ${WINDOW}s"
run_wrk "$WARMUP" w2 >/dev/null
# Let the warm-up's backlog drain first, so the window's deliveries are its own events'.
for _ in $(seq 600); do [[ $(pending) == 0 ]] && break; sleep 1; done
SENT_BEFORE=$(sink_count)
read -r RPS1 P50_1 P99_1 ERR1 CPU1 < <(run_wrk "$WINDOW" w3)
SENT_AFTER=$(sink_count)
BACKLOG=$(pending)
DRAIN_START=$(date +%s%N)
for _ in $(seq 1200); do [[ $(pending) == 0 ]] && break; sleep 0.5; done
DRAIN=$(awk -v b="$DRAIN_START" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - b) / 1e9 }')
DELIVERED=$((SENT_AFTER - SENT_BEFORE))
FAILED=$(psql -qAt -d "$DB" -c "select count(*) from webhook_deliveries where status <> 'DELIVERED'")
TOTAL_EVENTS=$(psql -qAt -d "$DB" -c "select count(*) from agreement_events e join webhook_deliveries d on d.event_id = e.id")

{
  echo "create-clause, $CONNECTIONS connections, warm-up ${WARMUP}s, window ${WINDOW}s, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  echo "| webhooks | req/s | % of ceiling ($CEILING tps) | p50 ms | p99 ms | errors | service CPU µs/req | deliveries/s in the window | backlog at its end | drained in |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| none | $RPS0 | $((100 * RPS0 / CEILING))% | $P50_0 | $P99_0 | $ERR0 | $CPU0 | | | |"
  echo "| one endpoint, every event | $RPS1 | $((100 * RPS1 / CEILING))% | $P50_1 | $P99_1 | $ERR1 | $CPU1 | $((DELIVERED / WINDOW)) | $BACKLOG | ${DRAIN} s |"
  echo "deliveries not DELIVERED at the end: $FAILED (of $TOTAL_EVENTS)"
} | tee "$OUT/results.md"
