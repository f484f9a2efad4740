-- The SQL the service sends for this scenario (captured with log_statement=all; see bench/README.md),
-- with its parameters drawn at random: md5(...)::uuid rebuilds the ids bench/sql/load.sql made, and
-- bench.* tables hold the same deep-page cursors wrk uses. BEGIN rides in one round trip with the
-- first query, as pgjdbc sends it.
-- pgbench cannot \gset inside a pipeline: the page query that yields the ids runs first on its own
-- (same SQL, wrapped in array_agg so \gset can keep the ids), then BEGIN rides with the next query.
-- Round trips and statements match the service; only the transaction boundary moves.
\set k random(1, :agreement_cursors)
\set off 0
\set lim 21
select array_agg(id) as ids from (select a1_0.id,a1_0.created_at,a1_0.finalized_at,a1_0.planned_signing_date,a1_0.signed_at,a1_0.signing_place,a1_0.status,a1_0.summary,a1_0.tags,a1_0.title,a1_0.updated_at,a1_0.version from agreements a1_0 where 1=1 and (a1_0.created_at,a1_0.id)>((select created_at from bench.agreement_cursors where k = :k),(select id from bench.agreement_cursors where k = :k)) order by a1_0.created_at,a1_0.id offset :off rows fetch first :lim rows only) q \gset
\startpipeline
BEGIN;
select p1_0.agreement_id,p1_0.code,p1_0.name,p1_0.ordinal from agreement_parties p1_0 where p1_0.agreement_id = any (:ids) order by p1_0.ordinal;
\endpipeline
COMMIT;
