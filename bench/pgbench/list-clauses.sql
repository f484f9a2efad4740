-- The ceiling for this scenario: the plain SQL the request needs, exactly as the service sends it
-- (dev.accords.clause.ClauseReads: one statement), with no BEGIN/COMMIT around it: the best
-- PostgreSQL can do for this read. Parameters are drawn at random: md5(...)::uuid rebuilds the ids
-- bench/sql/load.sql made.
-- The page: open clauses (PROPOSED, UNDER_NEGOTIATION, DEFERRED), 20 shown plus the one that tells
-- whether a next page exists, as GET /v1/agreements/{id}/clauses?open=true&limit=20 reads it.
\set n random(1, :agreements)
select pc.party_codes, c.id, c.reference, c.title, c.text, c.topic, c.status, c.status_reason, c.priority, c.proposed_by, c.open_since, c.created_at, c.updated_at, c.version, p.party_code, p.stance, p.note, p.updated_at as position_updated_at from agreements a cross join lateral (select string_agg(ap.code, ',' order by ap.ordinal) as party_codes from agreement_parties ap where ap.agreement_id = a.id) pc left join lateral (select c.* from clauses c where c.agreement_id = a.id and c.status = any('{PROPOSED,UNDER_NEGOTIATION,DEFERRED}'::text[]) order by c.created_at, c.id limit 21) c on true left join clause_positions p on p.clause_id = c.id where a.id = md5('a' || :n)::uuid order by c.created_at, c.id;
