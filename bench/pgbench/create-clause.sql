-- The ceiling for a clause create: the minimal SQL the write must send (issue 10, item 5), in one
-- transaction, as pgbench -M prepared: the agreement with its parties under a shared row lock (the
-- rules need its status and party codes), then the clause, its first revision and its event.
-- Ids and references are random (two 31-bit draws: no collisions at benchmark volumes).
\set n random(1, :agreements)
\set r1 random(1, 2000000000)
\set r2 random(1, 2000000000)
begin;
select a.id, a.status, a.version, p.code, p.name from agreements a left join agreement_parties p on p.agreement_id = a.id where a.id = md5('a' || :n)::uuid order by p.ordinal for share of a;
insert into clauses (id, agreement_id, reference, title, text, topic, status, status_reason, priority, proposed_by, open_since, created_at, updated_at, version, last_revision) values (md5('pg' || :r1 || '.' || :r2)::uuid, md5('a' || :n)::uuid, 'p' || :r1, 'Benchmark clause', repeat('The parties shall cooperate in good faith on the matters set out in this clause. ', 5), 'security', 'PROPOSED', null, 'HIGH', null, now(), now(), now(), 0, 1);
insert into clause_revisions (clause_id, number, created_at, changes, title, text, status, status_reason, positions) values (md5('pg' || :r1 || '.' || :r2)::uuid, 1, now(), array['created'], 'Benchmark clause', repeat('The parties shall cooperate in good faith on the matters set out in this clause. ', 5), 'PROPOSED', null, '[{"partyCode":"US","stance":"NO_POSITION","note": null, "updatedAt": null},{"partyCode":"UA","stance":"NO_POSITION","note": null, "updatedAt": null}]');
insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes) values (md5('a' || :n)::uuid, now(), 'bench', 'CLAUSE_CREATED', 'CLAUSE', md5('pg' || :r1 || '.' || :r2)::uuid, '{"reference":"p","title":"Benchmark clause","status":"PROPOSED","priority":"HIGH","topic":"security"}');
commit;
