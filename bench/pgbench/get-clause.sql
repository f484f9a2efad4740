-- The ceiling for this scenario: the plain SQL the request needs, exactly as the service sends it
-- (dev.accords.clause.ClauseReads: one statement), with no BEGIN/COMMIT around it: the best
-- PostgreSQL can do for this read. Parameters are drawn at random: md5(...)::uuid rebuilds the ids
-- bench/sql/load.sql made.
\set n random(1, :agreements)
\set c random(1, 5)
select pc.party_codes, c.id, c.reference, c.title, c.text, c.topic, c.status, c.status_reason, c.priority, c.proposed_by, c.open_since, c.created_at, c.updated_at, c.version, p.party_code, p.stance, p.note, p.updated_at as position_updated_at from agreements a cross join lateral (select string_agg(ap.code, ',' order by ap.ordinal) as party_codes from agreement_parties ap where ap.agreement_id = a.id) pc left join clauses c on c.agreement_id = a.id and c.id = md5('c' || :n || '.' || :c)::uuid left join clause_positions p on p.clause_id = c.id where a.id = md5('a' || :n)::uuid;
