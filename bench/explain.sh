#!/usr/bin/env bash
# The work PostgreSQL does for one request of each read scenario, counted in buffers (8 KiB pages
# touched): EXPLAIN (ANALYZE, BUFFERS) of the very statements in pgbench/, for ten fixed picks.
# Unlike requests/s it does not move when other work shares the machine, so it shows whether a deep
# page or a report costs the same at 1,000,000 clauses as at 10,000.
#   bench/explain.sh DATABASE [SCENARIO...]      (PG* environment as in run.sh)
# Prints: scenario and the mean shared buffers (hit + read) one request touches.
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DB=$1; shift
SCENARIOS=${*:-"get-agreement list-agreements list-agreements-deep get-clause list-clauses report report-confirmed global global-confirmed global-deep global-party"}
AGREEMENTS=$(psql -d "$DB" -qAt -c "select count(*) from agreements")
CURSORS=$(psql -d "$DB" -qAt -c "select least((select count(*) from bench.agreement_cursors), (select count(*) from bench.open_clause_cursors))")

for scenario in $SCENARIOS; do
  total=0; picks=0
  for pick in 1 2 3 4 5 6 7 8 9 10; do
    # The first agreements draw their sizes from the same start of the loader's seeded sequence,
    # so they have about the same number of clauses at every scale: like is compared with like.
    n=$(( (pick * 9) % (AGREEMENTS < 90 ? AGREEMENTS : 90) + 1 )); k=$(( (pick * 104729) % CURSORS + 1 ))
    # pgbench script -> psql: drop meta-commands and transaction control, quote string variables,
    # and run each statement under EXPLAIN before running it as is (a \gset then sets :ids).
    sql=$(awk '
      /^--/ || /^\\(set|startpipeline|endpipeline)/ { next }
      { buffer = buffer $0 "\n" }
      /;[[:space:]]*$/ || /\\gset[[:space:]]*$/ {
        statement = buffer; buffer = ""
        if (toupper(statement) ~ /^(BEGIN|COMMIT|SET TRANSACTION)/) next
        gset = statement ~ /\\gset/
        plain = statement; sub(/[[:space:]]*\\gset[[:space:]]*\n$/, ";\n", plain)
        printf "explain (analyze, buffers, costs off, timing off) %s", plain
        if (gset) printf "%s", statement
      }' "$BENCH/pgbench/$scenario.sql" | sed -e "s/:ids/:'ids'/g" -e "s/:party/:'party'/g")
    out=$(psql -d "$DB" -qAt -v n="$n" -v c=3 -v k="$k" -v off=0 -v lim=21 -v party=US -v agreements="$AGREEMENTS" \
          -v ON_ERROR_STOP=1 <<<"$sql")
    # The first Buffers line of each plan is its top node, which includes its children and subplans.
    buffers=$(awk '/^Planning/ { top = 0; next }
                   /^[A-Z]/ && !/^(Execution|Buffers)/ { top = 1 }
                   top && /Buffers: shared/ { for (i = 1; i <= NF; i++) if ($i ~ /^(hit|read)=/) { split($i, kv, "="); sum += kv[2] } top = 0 }
                   END { print sum + 0 }' <<<"$out")
    total=$((total + buffers)); picks=$((picks + 1))
  done
  printf '%s\t%s\n' "$scenario" "$((total / picks))"
done
