-- The ceiling for a clause patch (a new title): the minimal SQL the write must send (issue 10, item
-- 5), in one transaction, as pgbench -M prepared: the agreement with its parties under a shared
-- row lock, the clause with its positions under its row lock, the clause's UPDATE (which advances
-- its revision number), the revision (numbered from the row, no max() query) and the event.
\set n random(1, :agreements)
\set c random(1, 5)
\set t random(1, 1000000)
begin;
select a.id, a.status, a.version, p.code, p.name from agreements a left join agreement_parties p on p.agreement_id = a.id where a.id = md5('a' || :n)::uuid order by p.ordinal for share of a;
select c.id, c.agreement_id, c.reference, c.title, c.text, c.topic, c.status, c.status_reason, c.priority, c.proposed_by, c.open_since, c.created_at, c.updated_at, c.version, c.last_revision, p.party_code, p.stance, p.note, p.updated_at from clauses c left join clause_positions p on p.clause_id = c.id where c.id = md5('c' || :n || '.' || :c)::uuid for no key update of c;
update clauses set title = 'Benchmark title ' || :t, updated_at = now(), version = version + 1, last_revision = last_revision + 1 where id = md5('c' || :n || '.' || :c)::uuid;
insert into clause_revisions (clause_id, number, created_at, changes, title, text, status, status_reason, positions) select id, last_revision, now(), array['title'], title, text, status, status_reason, '[]' from clauses where id = md5('c' || :n || '.' || :c)::uuid;
insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes) values (md5('a' || :n)::uuid, now(), 'bench', 'CLAUSE_UPDATED', 'CLAUSE', md5('c' || :n || '.' || :c)::uuid, '{"title":"Benchmark title"}');
commit;
