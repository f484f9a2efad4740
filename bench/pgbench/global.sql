-- The ceiling for this scenario: the plain SELECTs the request needs, as the service sends them
-- (captured with log_statement=all; see bench/README.md), with no BEGIN/COMMIT around them: the
-- best PostgreSQL can do for this read, not the service's transaction. Parameters are drawn at
-- random: md5(...)::uuid rebuilds the ids bench/sql/load.sql made, and bench.* tables hold the same
-- deep-page cursors wrk uses.
\set lim 21
select a.id as agreement_id, a.title as agreement_title, c.id as id, c.reference as reference, c.title as title, c.topic as topic, c.status as status, c.priority as priority, c.proposed_by as proposed_by, c.open_since as open_since, floor(extract(epoch from (statement_timestamp() - c.open_since)) / 86400)::int as days_open, array_to_string(array(
  select p.code from agreement_parties p
  where p.agreement_id = c.agreement_id
    and not exists (select 1 from clause_positions cp
                    where cp.clause_id = c.id and cp.party_code = p.code and cp.stance = 'ACCEPTS')
  order by p.ordinal), ',') as awaiting, c.priority_rank as priority_rank, (select count(*) from clause_proposals pr where pr.clause_id = c.id and pr.status = 'OPEN') as open_proposals, (select case when bool_or(f.confidence is null) then null
             when bool_or(f.confidence = 'REPORTED') then 'REPORTED' else 'CONFIRMED' end
 from (select c.status_source ->> 'confidence' as confidence
       union all
       select cp.source ->> 'confidence' from clause_positions cp where cp.clause_id = c.id) f) as weakest_confidence from clauses c join agreements a on a.id = c.agreement_id where c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED') and a.status not in ('SIGNED', 'IN_FORCE', 'WITHDRAWN') and true order by c.priority_rank, c.open_since, c.id limit :lim;
