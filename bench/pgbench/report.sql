-- The ceiling for this scenario: the plain SQL the request needs, exactly as the service sends it
-- (dev.accords.report.OpenClauseQueries#agreementWithOpenClauses: the header and the open clauses in
-- one statement, read without a transaction; only a list cut at 1,000 needs a second, counting
-- statement, and no bench agreement has that many open clauses), with no BEGIN/COMMIT around it.
\set n random(1, :agreements)
select a.title as agreement_title, a.status as agreement_status, (select count(*) from signatories s where s.agreement_id = md5('a' || :n)::uuid) as signatories, listed.* from agreements a left join lateral (select c.id as id, c.reference as reference, c.title as title, c.topic as topic, c.status as status, c.priority as priority, c.proposed_by as proposed_by, c.open_since as open_since, floor(extract(epoch from (statement_timestamp() - c.open_since)) / 86400)::int as days_open, array_to_string(array(
  select p.code from agreement_parties p
  where p.agreement_id = c.agreement_id
    and not exists (select 1 from clause_positions cp
                    where cp.clause_id = c.id and cp.party_code = p.code and cp.stance = 'ACCEPTS')
  order by p.ordinal), ',') as awaiting, c.priority_rank as priority_rank, (select count(*) from clause_proposals pr where pr.clause_id = c.id and pr.status = 'OPEN') as open_proposals, (select case when bool_or(f.confidence is null) then null
             when bool_or(f.confidence = 'REPORTED') then 'REPORTED' else 'CONFIRMED' end
 from (select c.status_source ->> 'confidence' as confidence
       union all
       select cp.source ->> 'confidence' from clause_positions cp where cp.clause_id = c.id) f) as weakest_confidence from clauses c where c.agreement_id = a.id and c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED') and true order by c.priority_rank, c.open_since, c.id limit 1000) listed on true where a.id = md5('a' || :n)::uuid order by listed.priority_rank, listed.open_since, listed.id;
