-- The ceiling for report?confidence=CONFIRMED: as the service sends it (OpenClauseReportService#forAgreement).
-- A filtered list does not hold every open clause, so the totals and counts are read by a second
-- statement, in one REPEATABLE READ read-only transaction with the list. (The service first reads the
-- list once without a transaction, then both in the transaction: three statements; this ceiling runs
-- the two that must share a snapshot.)
\set n random(1, :agreements)
begin;
set transaction isolation level repeatable read, read only;
select a.title as agreement_title, a.status as agreement_status, (select count(*) from signatories s where s.agreement_id = md5('a' || :n)::uuid) as signatories, listed.* from agreements a left join lateral (select c.id as id, c.reference as reference, c.title as title, c.topic as topic, c.status as status, c.priority as priority, c.proposed_by as proposed_by, c.open_since as open_since, floor(extract(epoch from (statement_timestamp() - c.open_since)) / 86400)::int as days_open, array_to_string(array(
  select p.code from agreement_parties p
  where p.agreement_id = c.agreement_id
    and not exists (select 1 from clause_positions cp
                    where cp.clause_id = c.id and cp.party_code = p.code and cp.stance = 'ACCEPTS')
  order by p.ordinal), ',') as awaiting, c.priority_rank as priority_rank, (select count(*) from clause_proposals pr where pr.clause_id = c.id and pr.status = 'OPEN') as open_proposals, (select case when bool_or(f.confidence is null) then null
             when bool_or(f.confidence = 'REPORTED') then 'REPORTED' else 'CONFIRMED' end
 from (select c.status_source ->> 'confidence' as confidence
       union all
       select cp.source ->> 'confidence' from clause_positions cp where cp.clause_id = c.id) f) as weakest_confidence from clauses c where c.agreement_id = a.id and c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED') and (select case when bool_or(f.confidence is null) then null
             when bool_or(f.confidence = 'REPORTED') then 'REPORTED' else 'CONFIRMED' end
 from (select c.status_source ->> 'confidence' as confidence
       union all
       select cp.source ->> 'confidence' from clause_positions cp where cp.clause_id = c.id) f) = 'CONFIRMED' order by c.priority_rank, c.open_since, c.id limit 1000) listed on true where a.id = md5('a' || :n)::uuid order by listed.priority_rank, listed.open_since, listed.id;
with open_clause as (select c.topic, c.priority, c.status, array_to_string(array(
  select p.code from agreement_parties p
  where p.agreement_id = c.agreement_id
    and not exists (select 1 from clause_positions cp
                    where cp.clause_id = c.id and cp.party_code = p.code and cp.stance = 'ACCEPTS')
  order by p.ordinal), ',') as awaiting from clauses c where c.agreement_id = md5('a' || :n)::uuid and c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED')) select 'status' as dimension, status as bucket, count(*) as clauses from open_clause group by status union all select 'topic', topic, count(*) from open_clause where topic is not null group by topic union all select 'priority', priority, count(*) from open_clause group by priority union all select 'party', party, count(*) from open_clause, unnest(string_to_array(nullif(awaiting, ''), ',')) as party group by party;
commit;
