#!/usr/bin/env bash
# Profiles one scenario with JDK Flight Recorder: starts the jar against a bench database that
# bench/run.sh already loaded, drives it with wrk, and summarises where the CPU samples fall.
#   bench/profile.sh SCENARIO [SCALE_LABEL] [CONNECTIONS] [SECONDS]
#   e.g. bench/profile.sh get-agreement 10k 32 20
# Output: bench/out/profile-SCENARIO.jfr and a summary on stdout (top self frames, top inclusive
# frames from dev.accords, org.hibernate, io.vertx, ...). async-profiler is not needed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
SCENARIO=${1:?scenario}
LABEL=${2:-10k}
CONNECTIONS=${3:-32}
SECONDS_=${4:-20}
THREADS=${BENCH_THREADS:-2}
# run.sh's database and request paths for this checkout's build ("after"; BENCH_BUILD=before for the
# BENCH_BEFORE jar's with BENCH_BUILD_NAME=before and BENCH_JAR=bench/out/before-src/target/...).
BUILD=${BENCH_BUILD_NAME:-after}
OUT_DIR=${BENCH_OUT:-$BENCH/out}
DB="accords_bench_${LABEL,,}_$BUILD"
DATA="$OUT_DIR/$LABEL/$BUILD"
JAR=${BENCH_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
OUT="$BENCH/out/profile-$SCENARIO.jfr"
JAVA_OPTS_=${BENCH_JAVA_OPTS:-"-XX:+UseParallelGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"}
export PGHOST=${BENCH_PGHOST:-127.0.0.1} PGPORT=${BENCH_PGPORT:-5432} PGUSER=${BENCH_PGUSER:-accords_bench}
export PGPASSWORD=${BENCH_PGPASSWORD:-accords_bench}
[[ -d $DATA ]] || { echo "run bench/run.sh first (no $DATA)" >&2; exit 1; }
PG_STARTED=0
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  pg_ctlcluster --skip-systemctl-redirect ${BENCH_PG_CLUSTER:-15 main} start
  PG_STARTED=1
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi
PORT=${BENCH_PORT:-18190}
# The jar verifies bearer tokens: a key pair, an issuer and a token of this run's own.
# shellcheck source=bench/identity.sh
. "$BENCH/identity.sh"
make_identity "$BENCH/out/profile-keys"

# shellcheck disable=SC2086
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
ACCORDS_JWT_PUBLIC_KEY_LOCATION="$JWT_PUBLIC_KEY" ACCORDS_JWT_ISSUER="$ISSUER" \
  ${BENCH_JAVA:-java} $JAVA_OPTS_ -XX:+FlightRecorder -jar "$JAR" >"$BENCH/out/profile.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; forget_identity
      [[ $PG_STARTED == 1 ]] && pg_ctlcluster --skip-systemctl-redirect ${BENCH_PG_CLUSTER:-15 main} stop; true' EXIT
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.1; done

case $SCENARIO in
  create-clause) script=create-clause.lua; args=("$DATA/create-clause.txt" "p$(date +%s%N | cut -c6-14)") ;;
  patch-clause) psql -d "$DB" -qAt -v scenario=patch-clause -f "$BENCH/sql/paths.sql" >"$DATA/patch-clause.txt"
                script=patch-clause.lua; args=("$DATA/patch-clause.txt" "$THREADS") ;;
  *) script=read.lua; args=("$DATA/$SCENARIO.txt") ;;
esac
wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -s "$BENCH/lua/$script" "http://127.0.0.1:$PORT" -- "${args[@]}" >/dev/null
[[ $SCENARIO == patch-clause ]] && psql -d "$DB" -qAt -v scenario=patch-clause -f "$BENCH/sql/paths.sql" >"$DATA/patch-clause.txt"
jcmd "$PID" JFR.start name=bench settings=profile filename="$OUT" >/dev/null
# A fresh reference prefix for the profiled run: the warm-up's references are taken now.
[[ $SCENARIO == create-clause ]] && args[1]="q$(date +%s%N | cut -c6-14)"
wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_}s" -s "$BENCH/lua/$script" "http://127.0.0.1:$PORT" -- "${args[@]}" \
  | grep -E 'Requests/sec|BENCH-RESULT'
jcmd "$PID" JFR.stop name=bench >/dev/null

jfr print --events jdk.ExecutionSample --stack-depth 96 "$OUT" | awk '
  /jdk.ExecutionSample/ { inStack = 0; depth = 0; split("", seen); samples++ }
  /stackTrace = \[/ { inStack = 1; next }
  inStack && /^[[:space:]]*\]/ { inStack = 0 }
  inStack {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*/, "", frame); sub(/\(.*$/, "", frame)
    if (depth == 0) self[frame]++
    if (!(frame in seen)) { seen[frame] = 1; total[frame]++ }
    depth++
  }
  END {
    print "samples", samples
    for (f in self) printf "self %.1f %s\n", 100 * self[f] / samples, f
    for (f in total) printf "total %.1f %s\n", 100 * total[f] / samples, f
  }' >"$OUT.txt"
echo "$(sed -n 's/^samples //p' "$OUT.txt") samples"
echo; echo "top self frames (% of samples):"
grep '^self ' "$OUT.txt" | sort -k2,2 -rn | head -25 | awk '{ printf "  %5.1f%%  %s\n", $2, $3 }'
echo; echo "top inclusive frames of the service and its libraries:"
grep '^total ' "$OUT.txt" \
  | grep -E ' (dev\.accords|org\.hibernate|org\.postgresql|com\.fasterxml|io\.vertx|org\.jboss\.resteasy|io\.quarkus|com\.arjuna|io\.agroal|io\.netty|io\.smallrye|io\.micrometer)' \
  | sort -k2,2 -rn | head -45 | awk '{ printf "  %5.1f%%  %s\n", $2, $3 }'
