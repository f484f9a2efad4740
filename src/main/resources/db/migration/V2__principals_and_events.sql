-- Issue 5: a signatory can be bound to the token subject that alone may sign for them, and every
-- change leaves an append-only event, written in the same transaction as the change.

alter table signatories add column principal varchar(200);

create table agreement_events
(
    id           bigint generated always as identity primary key,
    -- No foreign key: the record of what happened outlives a deleted agreement.
    agreement_id uuid         not null,
    occurred_at  timestamptz  not null,
    actor        varchar(200) not null,
    kind         varchar(40)  not null check (kind in (
        'AGREEMENT_CREATED', 'AGREEMENT_UPDATED', 'AGREEMENT_STATUS_CHANGED', 'AGREEMENT_DELETED',
        'CLAUSE_CREATED', 'CLAUSE_UPDATED', 'CLAUSE_STATUS_CHANGED', 'CLAUSE_DELETED', 'CLAUSE_POSITION_CHANGED',
        'SIGNATORY_CREATED', 'SIGNATORY_UPDATED', 'SIGNATORY_DELETED', 'SIGNATORY_SIGNED', 'SIGNATORY_DECLINED')),
    target_type  varchar(20)  not null check (target_type in ('AGREEMENT', 'CLAUSE', 'SIGNATORY')),
    target_id    uuid         not null,
    changes      jsonb        not null
);
create index agreement_events_by_agreement on agreement_events (agreement_id, id);

create function accords_refuse_event_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'agreement events are append-only';
end
$$;
create trigger agreement_events_append_only
    before update or delete on agreement_events
    for each row execute function accords_refuse_event_change();
