-- Issue 14: a position's note is private to its party (the party's members and admins read it).
-- An event keeps what everyone may read in `changes`, and what only one party's members may read in
-- `private_changes`, for the party `private_party`. Readers of the trail, the feed and the streams
-- get the private part merged in when they may read it; webhook payloads never carry it.

alter table agreement_events
    add column private_party   varchar(10),
    add column private_changes jsonb,
    add constraint agreement_events_private_whole
        check ((private_party is null) = (private_changes is null)),
    add constraint agreement_events_private_bounded
        check (private_changes is null or octet_length(private_changes::text) <= 16384);

-- Notes already written were visible to every reader; from now on they are their party's. The
-- events that carry them are moved over once, here: the append-only guard is lifted for this one
-- statement of the migration and restored in the same transaction.
alter table agreement_events disable trigger agreement_events_append_only;
update agreement_events
set private_party   = changes ->> 'partyCode',
    private_changes = jsonb_build_object('note', changes -> 'note'),
    changes         = changes - 'note'
where kind = 'CLAUSE_POSITION_CHANGED'
  and changes ? 'note'
  and changes ? 'partyCode';
alter table agreement_events enable trigger agreement_events_append_only;
