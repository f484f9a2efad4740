-- The ceiling for this scenario: the plain SELECTs the request needs, as the service sends them
-- (captured with log_statement=all; see bench/README.md), with no BEGIN/COMMIT around them: the
-- best PostgreSQL can do for this read, not the service's transaction. Parameters are drawn at
-- random: md5(...)::uuid rebuilds the ids bench/sql/load.sql made, and bench.* tables hold the same
-- deep-page cursors wrk uses.
\set n random(1, :agreements)
select a1_0.id,a1_0.created_at,a1_0.finalized_at,p1_0.agreement_id,p1_0.code,p1_0.name,p1_0.ordinal,a1_0.planned_signing_date,a1_0.signed_at,a1_0.signing_place,a1_0.status,a1_0.summary,a1_0.tags,a1_0.title,a1_0.updated_at,a1_0.version from agreements a1_0 left join agreement_parties p1_0 on a1_0.id=p1_0.agreement_id where a1_0.id=md5('a' || :n)::uuid order by p1_0.ordinal;
