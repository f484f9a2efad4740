-- A clause carries the number of its latest revision, so recording the next one needs no
-- max(number) query first: the change's UPDATE of the clause row advances it, under the row lock
-- the change already holds. No default: whatever inserts clauses must say which revision it is at.
alter table clauses add column last_revision integer not null default 0;
update clauses c
set last_revision = coalesce((select max(r.number) from clause_revisions r where r.clause_id = c.id), 0);
alter table clauses alter column last_revision drop default;
alter table clauses add constraint clauses_last_revision_not_negative check (last_revision >= 0);
