-- Issue 14, part 4: ratification and entry into force. After signature each party records its
-- domestic steps as instruments (ratification, approval, acceptance, notification); once every party
-- has notified, the agreement enters into force on the date its rule gives (IN_FORCE).

-- The rule is declared on the agreement (null reads as ON_LAST_NOTIFICATION); days go with the
-- DAYS rule and only with it. The date is set once every party has notified.
alter table agreements
    add column entry_into_force_rule varchar(40)
        check (entry_into_force_rule in ('ON_LAST_NOTIFICATION', 'DAYS_AFTER_LAST_NOTIFICATION')),
    add column entry_into_force_days integer check (entry_into_force_days between 1 and 3650),
    add column entry_into_force_date date,
    add constraint agreements_entry_into_force_days_iff_days_rule
        check ((entry_into_force_days is not null)
            = (entry_into_force_rule is not distinct from 'DAYS_AFTER_LAST_NOTIFICATION')),
    add constraint agreements_in_force_has_date check (status <> 'IN_FORCE' or entry_into_force_date is not null),
    drop constraint agreements_status_check,
    add constraint agreements_status_check
        check (status in ('DRAFT', 'NEGOTIATING', 'FINALIZED', 'SIGNED', 'IN_FORCE', 'WITHDRAWN')),
    -- An agreement in force stays signed: it keeps its signedAt.
    drop constraint agreements_signed_at_iff_signed,
    add constraint agreements_signed_at_iff_signed
        check ((status in ('SIGNED', 'IN_FORCE')) = (signed_at is not null));
-- What the sweeper looks for every interval: signed agreements whose date has come.
create index agreements_entry_into_force_due on agreements (entry_into_force_date)
    where status = 'SIGNED' and entry_into_force_date is not null;

create table agreement_instruments
(
    id              uuid primary key,
    agreement_id    uuid         not null references agreements (id) on delete cascade,
    party_code      varchar(10)  not null,
    kind            varchar(20)  not null
        check (kind in ('RATIFICATION', 'APPROVAL', 'ACCEPTANCE', 'NOTIFICATION')),
    instrument_date date         not null,
    body            varchar(200) not null check (char_length(btrim(body)) >= 1),
    reference       varchar(200) not null check (char_length(btrim(reference)) >= 1),
    -- Reservations and declarations: [{kind, text, clauseIds}], at most 20 of at most 4,000 characters
    -- and 20 clause ids each (the service checks each; this holds the whole to a bound).
    statements      jsonb        not null default '[]'
        check (case when jsonb_typeof(statements) = 'array'
                    then jsonb_array_length(statements) <= 20 and octet_length(statements::text) <= 400000
                    else false end),
    created_at      timestamptz  not null,
    version         bigint       not null,
    constraint agreement_instruments_party foreign key (agreement_id, party_code)
        references agreement_parties (agreement_id, code) deferrable initially deferred
);
create index agreement_instruments_keyset on agreement_instruments (agreement_id, created_at, id);
-- A party notifies once: its notification's date is what entry into force counts from.
create unique index agreement_instruments_one_notification on agreement_instruments (agreement_id, party_code)
    where kind = 'NOTIFICATION';

alter table agreement_events
    drop constraint agreement_events_kind_check,
    add constraint agreement_events_kind_check check (kind in (
        'AGREEMENT_CREATED', 'AGREEMENT_UPDATED', 'AGREEMENT_STATUS_CHANGED', 'AGREEMENT_DELETED',
        'CLAUSE_CREATED', 'CLAUSE_UPDATED', 'CLAUSE_STATUS_CHANGED', 'CLAUSE_DELETED', 'CLAUSE_POSITION_CHANGED',
        'SIGNATORY_CREATED', 'SIGNATORY_UPDATED', 'SIGNATORY_DELETED', 'SIGNATORY_SIGNED', 'SIGNATORY_DECLINED',
        'AGREEMENT_INSTRUMENT_RECORDED'));
