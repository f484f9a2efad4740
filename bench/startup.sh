#!/usr/bin/env bash
# Startup to ready, measured the same way run.sh does (from `java -jar` to the first 200 from
# /q/health/ready), several times per variant, for choosing the runtime and its flags (issue 10,
# item 6). Runs against a database run.sh loaded (BENCH_KEEP_PG=1 leaves the cluster running).
#   bench/startup.sh DATABASE RUNS 'LABEL|JAVA|JAR|FLAGS' ['LABEL|JAVA|JAR|FLAGS' ...]
# e.g. bench/startup.sh accords_bench_100k_after 5 \
#        'java 17|java|target/quarkus-app/quarkus-run.jar|-XX:+UseParallelGC' \
#        'java 17 + AppCDS|java|target/quarkus-app/quarkus-run.jar|-XX:+UseParallelGC -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa'
# Prints one line per variant: the median and the range of the runs, and the RSS once ready.
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DB=$1; RUNS=$2; shift 2
PGHOST_=${BENCH_PGHOST:-127.0.0.1}; PGPORT_=${BENCH_PGPORT:-5432}
PGUSER_=${BENCH_PGUSER:-accords_bench}; PGPASSWORD_=${BENCH_PGPASSWORD:-accords_bench}
# shellcheck source=bench/identity.sh
. "$BENCH/identity.sh"
make_identity "$(mktemp -d)"
trap 'forget_identity' EXIT
PORT=18190

for variant in "$@"; do
  IFS='|' read -r label java jar flags <<<"$variant"
  times=()
  for _ in $(seq "$RUNS"); do
    begin=$(date +%s%N)
    # shellcheck disable=SC2086
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" \
    QUARKUS_DATASOURCE_USERNAME=$PGUSER_ QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD_ \
    ACCORDS_JWT_PUBLIC_KEY_LOCATION="$JWT_PUBLIC_KEY" ACCORDS_JWT_ISSUER="$ISSUER" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
      "$java" $flags -jar "$jar" >/tmp/accords-startup.log 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
      kill -0 "$pid" 2>/dev/null || { tail -5 /tmp/accords-startup.log >&2; exit 1; }
      sleep 0.02
    done
    times+=("$(awk -v b="$begin" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - b) / 1e9 }')")
    rss=$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%s\tmedian %s s\trange %s-%s s\tRSS when ready %s MiB\t(%s runs)\n' "$label" \
    "$(sed -n "$(( (RUNS + 1) / 2 ))p" <<<"$sorted")" "$(head -1 <<<"$sorted")" "$(tail -1 <<<"$sorted")" "$rss" "$RUNS"
done
