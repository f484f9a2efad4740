-- The ceiling for this scenario: the plain SELECTs the request needs, as the service sends them
-- (captured with log_statement=all; see bench/README.md), with no BEGIN/COMMIT around them: the
-- best PostgreSQL can do for this read, not the service's transaction. Parameters are drawn at
-- random: md5(...)::uuid rebuilds the ids bench/sql/load.sql made, and bench.* tables hold the same
-- deep-page cursors wrk uses.
-- The page query that yields the ids runs wrapped in array_agg so that \gset can keep the ids for
-- the next query (one row back instead of 21): the same statements and round trips as the service.
\set k random(1, :agreement_cursors)
\set off 0
\set lim 21
select array_agg(id) as ids from (select a1_0.id,a1_0.created_at,a1_0.finalized_at,a1_0.planned_signing_date,a1_0.signed_at,a1_0.signing_place,a1_0.status,a1_0.summary,a1_0.tags,a1_0.title,a1_0.updated_at,a1_0.version from agreements a1_0 where 1=1 and (a1_0.created_at,a1_0.id)>((select created_at from bench.agreement_cursors where k = :k),(select id from bench.agreement_cursors where k = :k)) order by a1_0.created_at,a1_0.id offset :off rows fetch first :lim rows only) q \gset
select p1_0.agreement_id,p1_0.code,p1_0.name,p1_0.ordinal from agreement_parties p1_0 where p1_0.agreement_id = any (:ids) order by p1_0.ordinal;
