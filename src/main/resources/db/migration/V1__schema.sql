-- The whole Accords model (DOMAIN.md) in one migration: agreements with parties and tags,
-- clauses with positions and revisions, signatories, and the idempotency-key store.
-- Rules that the database can hold are held here too, so no code path can break them.

create function accords_valid_tags(tags text[]) returns boolean
    language sql immutable strict as
$$
select coalesce(bool_and(t ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(t) <= 40), true)
from unnest(tags) as t
$$;

create table agreements
(
    id                   uuid primary key,
    title                varchar(200)  not null check (char_length(btrim(title)) >= 1),
    summary              varchar(4000),
    status               varchar(20)   not null
        check (status in ('DRAFT', 'NEGOTIATING', 'FINALIZED', 'SIGNED', 'WITHDRAWN')),
    tags                 text[]        not null default '{}'
        check (cardinality(tags) <= 20 and accords_valid_tags(tags)),
    planned_signing_date date,
    signing_place        varchar(200),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    finalized_at         timestamptz,
    signed_at            timestamptz,
    version              bigint        not null,
    constraint agreements_signed_at_iff_signed check ((status = 'SIGNED') = (signed_at is not null))
);
-- Keyset pagination: one index per sort key, id as the tie-breaker.
create index agreements_created_keyset on agreements (created_at, id);
create index agreements_updated_keyset on agreements (updated_at, id);
create index agreements_tags on agreements using gin (tags);

create table agreement_parties
(
    agreement_id uuid         not null references agreements (id) on delete cascade,
    code         varchar(10)  not null check (code ~ '^[A-Z0-9-]{2,10}$'),
    name         varchar(200) not null check (char_length(btrim(name)) >= 1),
    ordinal      smallint     not null check (ordinal >= 0),
    primary key (agreement_id, code)
);
create index agreement_parties_by_code on agreement_parties (code, agreement_id);

create table clauses
(
    id            uuid primary key,
    agreement_id  uuid          not null references agreements (id) on delete cascade,
    reference     varchar(20)   not null check (char_length(btrim(reference)) >= 1),
    title         varchar(200)  not null check (char_length(btrim(title)) >= 1),
    text          varchar(20000),
    topic         varchar(40) check (topic ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status        varchar(20)   not null
        check (status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED', 'AGREED', 'REJECTED', 'WITHDRAWN')),
    status_reason varchar(2000),
    priority      varchar(10)   not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    -- Most urgent first is ascending rank, so the report can walk an index in order.
    priority_rank smallint generated always as (
        case priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end) stored,
    proposed_by   varchar(10),
    open_since    timestamptz,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null,
    constraint clauses_reference_unique unique (agreement_id, reference),
    -- Checked at commit: deleting an agreement cascades to its parties and to the rows that refer
    -- to them in no fixed order, so an immediate check could fire between the two.
    constraint clauses_proposed_by_party foreign key (agreement_id, proposed_by)
        references agreement_parties (agreement_id, code) deferrable initially deferred,
    constraint clauses_open_since_iff_open
        check ((status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED')) = (open_since is not null))
);
create index clauses_by_agreement_keyset on clauses (agreement_id, created_at, id);
-- The open-clauses reports read only these partial indexes: their cost follows the open clauses.
create index clauses_open_by_agreement on clauses (agreement_id, priority_rank, open_since, id)
    where status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED');
create index clauses_open_global on clauses (priority_rank, open_since, id)
    where status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED');

-- A party with no row here holds NO_POSITION on the clause.
create table clause_positions
(
    clause_id    uuid        not null references clauses (id) on delete cascade,
    agreement_id uuid        not null,
    party_code   varchar(10) not null,
    stance       varchar(20) not null check (stance in ('NO_POSITION', 'ACCEPTS', 'RESERVES', 'REJECTS')),
    note         varchar(2000),
    updated_at   timestamptz not null,
    primary key (clause_id, party_code),
    constraint clause_positions_party foreign key (agreement_id, party_code)
        references agreement_parties (agreement_id, code) deferrable initially deferred
);
create index clause_positions_by_party on clause_positions (agreement_id, party_code);

create table clause_revisions
(
    clause_id     uuid         not null references clauses (id) on delete cascade,
    number        integer      not null check (number >= 1),
    created_at    timestamptz  not null,
    changes       text[]       not null,
    title         varchar(200) not null,
    text          varchar(20000),
    status        varchar(20)  not null,
    status_reason varchar(2000),
    positions     jsonb        not null,
    primary key (clause_id, number)
);

-- Revisions are history: once written they never change.
create function accords_refuse_revision_update() returns trigger
    language plpgsql as
$$
begin
    raise exception 'clause revisions are immutable';
end
$$;
create trigger clause_revisions_immutable
    before update on clause_revisions
    for each row execute function accords_refuse_revision_update();

create table signatories
(
    id             uuid primary key,
    agreement_id   uuid         not null references agreements (id) on delete cascade,
    name           varchar(200) not null check (char_length(btrim(name)) >= 1),
    role           varchar(200),
    party_code     varchar(10)  not null,
    signing_order  integer check (signing_order >= 1),
    status         varchar(10)  not null check (status in ('PENDING', 'SIGNED', 'DECLINED')),
    signed_at      timestamptz,
    signed_place   varchar(200),
    decline_reason varchar(2000),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null,
    constraint signatories_party foreign key (agreement_id, party_code)
        references agreement_parties (agreement_id, code) deferrable initially deferred,
    constraint signatories_signed_at_iff_signed check ((status = 'SIGNED') = (signed_at is not null)),
    constraint signatories_declined_has_reason check (status <> 'DECLINED' or decline_reason is not null)
);
create index signatories_by_agreement_keyset on signatories (agreement_id, created_at, id);

-- Idempotency keys live in the database so they hold across restarts and across instances.
create table idempotency_keys
(
    operation       varchar(200) not null,
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null,
    state           varchar(12)  not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    response_status integer,
    response_body   text,
    location        varchar(2000),
    etag            varchar(100),
    created_at      timestamptz  not null,
    primary key (operation, idempotency_key)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);
