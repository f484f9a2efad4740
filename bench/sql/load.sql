-- Loads a realistic Accords data set straight into PostgreSQL, in a handful of set-based statements.
-- Run with psql -v clauses=N against a database whose schema Flyway has already created.
--
-- Shape (issue 6): agreements with 2-6 parties, 5-200 clauses each (mean 102.5), about a third of
-- the clauses open, positions, one creation revision per clause, one signatory per party.
-- Ids are md5 of a name ('a42', 'c42.7', 's42.1') cast to uuid: uniformly spread over the index
-- like the service's random UUIDs, yet computable from a number, so pgbench picks random rows
-- with \set and the same SQL the service sends, without a lookup table.
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';
select setseed(0.42) as seeded \gset

begin;

-- Bulk-load the way pg_restore does: foreign keys and secondary indexes go while the rows go in and
-- come back at the end, so each is checked or built once over the whole table (a set-based
-- validation, a sorted build) instead of row by row. All in this one transaction.
create temporary table bench_ddl on commit drop as
select 1 as step, format('alter table %s add constraint %I %s', conrelid::regclass, conname,
                         pg_get_constraintdef(oid)) as restore,
       format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop_it
from pg_constraint
where contype = 'f' and connamespace = 'public'::regnamespace
union all
select 0, pg_get_indexdef(i.indexrelid), format('drop index %s', i.indexrelid::regclass)
from pg_index i
         join pg_class t on t.oid = i.indrelid
where t.relnamespace = 'public'::regnamespace
  and t.relname in ('agreements', 'agreement_parties', 'clauses', 'clause_positions', 'clause_revisions', 'signatories')
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
do $$
declare statement text;
begin
    for statement in select drop_it from bench_ddl order by step desc loop
        execute statement;
    end loop;
end
$$;

create temporary table bench_agreement on commit drop as
select n,
       md5('a' || n)::uuid                                   as id,
       2 + floor(random() * 5)::int                          as parties,
       5 + floor(random() * 196)::int                        as clause_count,
       (array['DRAFT','DRAFT','FINALIZED','SIGNED','SIGNED','WITHDRAWN',
              'NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING',
              'NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING','NEGOTIATING'])
           [1 + floor(random() * 20)::int]                   as status,
       floor(random() * 30)::int                             as first_party,
       now() - make_interval(secs => 86400 * 730 * random()) as created_at
from generate_series(1, ceil(:clauses / 102.5 * 1.2)::int + 2) as n;

-- Trim the last agreements so the clause total is exactly what was asked.
create temporary table bench_agreement_sized on commit drop as
select b.*, greatest(0, least(b.clause_count, :clauses - (sum(b.clause_count) over (order by n) - b.clause_count)))::int as clauses
from bench_agreement b;
delete from bench_agreement_sized where clauses < 5;
analyze bench_agreement_sized;

create temporary table bench_codes (i int primary key, code text, name text) on commit drop;
insert into bench_codes
select i, codes[2 * i + 1], codes[2 * i + 2]
from (select array['US','United States','UA','Ukraine','EU','European Union','GB','United Kingdom',
                   'FR','France','DE','Germany','PL','Poland','JP','Japan','CN','China','IN','India','BR','Brazil',
                   'CA','Canada','MX','Mexico','TR','Turkey','SA','Saudi Arabia','AE','United Arab Emirates',
                   'QA','Qatar','NO','Norway','SE','Sweden','FI','Finland','DK','Denmark','NL','Netherlands',
                   'BE','Belgium','IT','Italy','ES','Spain','PT','Portugal','KR','South Korea','AU','Australia',
                   'ZA','South Africa','NG','Nigeria'] as codes) c, generate_series(0, 29) as i;

insert into agreements (id, title, summary, status, tags, planned_signing_date, signing_place, created_at,
                        updated_at, finalized_at, signed_at, version)
select id,
       'Agreement ' || n || ' on ' || (array['natural resources','reconstruction','trade','security','energy','fisheries'])[1 + n % 6],
       'A negotiated agreement between ' || parties || ' parties, generated for the benchmark.',
       status,
       array[(array['natural-resources','reconstruction','trade','security','energy','fisheries'])[1 + n % 6], 'bench'],
       (created_at + interval '180 days')::date,
       'Geneva',
       created_at,
       created_at + interval '1 day',
       case when status in ('FINALIZED', 'SIGNED') then created_at + interval '20 days' end,
       case when status = 'SIGNED' then created_at + interval '30 days' end,
       0
from bench_agreement_sized;

insert into agreement_parties (agreement_id, code, name, ordinal)
select a.id, c.code, c.name, p
from bench_agreement_sized a
         cross join lateral generate_series(0, a.parties - 1) as p
         join bench_codes c on c.i = (a.first_party + 7 * p) % 30;

-- Clause status follows the agreement: FINALIZED and SIGNED agreements have no blocking clause.
insert into clauses (id, agreement_id, reference, title, text, topic, status, status_reason, priority, proposed_by,
                     open_since, created_at, updated_at, version, last_revision)
select md5('c' || a.n || '.' || k)::uuid,
       a.id,
       (k / 10 + 1) || '.' || (k % 10),
       'Clause ' || k || ' of agreement ' || a.n,
       left(repeat('The parties shall cooperate in good faith on the matters set out in this clause. ', 25),
            100 + (k * 37 + a.n) % 400),
       (array['natural-resources','reconstruction','security','trade','energy','finance',
              'governance','dispute-resolution','environment','labour','transport','data'])[1 + (k * 7 + a.n) % 12],
       s.status,
       null,
       case when r.p < 0.05 then 'CRITICAL' when r.p < 0.25 then 'HIGH' when r.p < 0.80 then 'NORMAL' else 'LOW' end,
       c.code,
       case when s.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED')
            then a.created_at + (now() - a.created_at) * r.o end,
       a.created_at + make_interval(mins => k),
       a.created_at + make_interval(mins => k) + interval '1 hour',
       0,
       1 -- the 'created' revision inserted below
from bench_agreement_sized a
         cross join lateral (select k, random() as s, random() as p, random() as o
                             from generate_series(1, a.clauses) as k) as r
         cross join lateral (select case
              when a.status in ('FINALIZED', 'SIGNED') then
                  case when r.s < 0.10 then 'DEFERRED' when r.s < 0.85 then 'AGREED'
                       when r.s < 0.95 then 'REJECTED' else 'WITHDRAWN' end
              else
                  case when r.s < 0.15 then 'PROPOSED' when r.s < 0.30 then 'UNDER_NEGOTIATION'
                       when r.s < 0.36 then 'DEFERRED' when r.s < 0.86 then 'AGREED'
                       when r.s < 0.95 then 'REJECTED' else 'WITHDRAWN' end
              end as status) as s
         join bench_codes c on c.i = (a.first_party + 7 * (k % a.parties)) % 30;

-- One row per party that took a stance: AGREED means everyone accepts; WITHDRAWN clauses have none.
insert into clause_positions (clause_id, agreement_id, party_code, stance, note, updated_at)
select cl.id, cl.agreement_id, ap.code, st.stance, null, cl.updated_at
from clauses cl
         join agreement_parties ap on ap.agreement_id = cl.agreement_id
         cross join lateral (select case
              when cl.status = 'AGREED' then 'ACCEPTS'
              when cl.status = 'WITHDRAWN' then null
              when cl.status = 'REJECTED' and ap.ordinal = 0 then 'REJECTS'
              else (array['ACCEPTS','ACCEPTS','ACCEPTS','ACCEPTS','RESERVES','RESERVES','REJECTS',null,null,null])
                       [1 + abs(hashtext(cl.id::text || ap.code)) % 10]
              end as stance) as st
where st.stance is not null;

-- Revision 1 of every clause: its creation.
insert into clause_revisions (clause_id, number, created_at, changes, title, text, status, status_reason, positions)
select cl.id, 1, cl.created_at, array['created'], cl.title, cl.text, cl.status, null, pj.positions
from clauses cl
         join (select agreement_id,
                      jsonb_agg(jsonb_build_object('partyCode', code, 'stance', 'NO_POSITION', 'note', null,
                                                   'updatedAt', null) order by ordinal) as positions
               from agreement_parties group by agreement_id) pj on pj.agreement_id = cl.agreement_id;

-- One signatory per party; a SIGNED agreement has every signature.
insert into signatories (id, agreement_id, name, role, party_code, signing_order, status, signed_at, signed_place,
                         decline_reason, created_at, updated_at, version)
select md5('s' || a.n || '.' || ap.ordinal)::uuid, a.id, 'Signatory of ' || ap.name, 'Head of delegation', ap.code,
       ap.ordinal + 1,
       case when a.status = 'SIGNED' then 'SIGNED' else 'PENDING' end,
       case when a.status = 'SIGNED' then a.created_at + interval '30 days' end,
       case when a.status = 'SIGNED' then 'Geneva' end,
       null, a.created_at + interval '2 days', a.created_at + interval '2 days', 0
from bench_agreement_sized a
         join agreement_parties ap on ap.agreement_id = a.id;

do $$
declare statement text;
begin
    for statement in select restore from bench_ddl order by step loop
        execute statement;
    end loop;
end
$$;

commit;

-- Issue 14: where facts come from. About 60% of the facts (a clause's status, each position) cite a
-- confirmation, 30% a report and 10% nothing, so the reports' weakest confidence and their
-- confidence=CONFIRMED filter have real work to do.
create function pg_temp.bench_source(k text) returns jsonb
    language sql immutable as
$$
select case when abs(hashtext(k)) % 10 = 0 then null
            when abs(hashtext(k)) % 10 < 4 then
                '{"url": "https://news.example/minerals-deal", "title": "Deal terms agreed", "publisher": "Example News",
                  "publishedAt": "2025-02-25T12:00:00Z", "confidence": "REPORTED"}'::jsonb
            else '{"url": "https://gov.example/statement", "title": null, "publisher": "Government",
                   "publishedAt": "2025-02-27T15:00:00Z", "confidence": "CONFIRMED"}'::jsonb end
$$;
update clauses set status_source = pg_temp.bench_source(id::text);
update clause_positions set source = pg_temp.bench_source(clause_id::text || party_code);

vacuum (analyze) agreements, agreement_parties, clauses, clause_positions, clause_revisions, signatories, clause_proposals;

select (select count(*) from agreements) as agreements,
       (select count(*) from clauses) as clauses,
       (select count(*) from clauses where status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED')) as open_clauses,
       (select count(*) from clause_positions) as positions,
       (select count(*) from signatories) as signatories;
