-- Deep-page positions shared by wrk (as the service's opaque cursors) and pgbench (as parameters).
-- A deep page starts at a random row from the second tenth of the ordering on, and at least 25 rows
-- before its end, so every deep page is a full page far from page 1.
\set ON_ERROR_STOP on
create schema if not exists bench;
drop table if exists bench.agreement_cursors, bench.open_clause_cursors;

create table bench.agreement_cursors as
select row_number() over (order by random()) as k, created_at, id
from (select created_at, id, row_number() over w as pos, count(*) over () as total
      from agreements window w as (order by created_at, id)) t
where pos > total / 10 and pos <= total - 25
order by random()
limit 1000;
alter table bench.agreement_cursors add primary key (k);

create table bench.open_clause_cursors as
select row_number() over (order by random()) as k, priority_rank, open_since, id
from (select c.priority_rank, c.open_since, c.id, row_number() over w as pos, count(*) over () as total
      from clauses c join agreements a on a.id = c.agreement_id
      where c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED') and a.status not in ('SIGNED', 'WITHDRAWN')
      window w as (order by c.priority_rank, c.open_since, c.id)) t
where pos > total / 10 and pos <= total - 25
order by random()
limit 1000;
alter table bench.open_clause_cursors add primary key (k);
analyze bench.agreement_cursors, bench.open_clause_cursors;
