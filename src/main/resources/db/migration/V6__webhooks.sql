-- Issue 13: webhooks. Endpoints registered by admins; every event an endpoint follows becomes a
-- delivery row in the same transaction as the change (a transactional outbox, filled by a trigger
-- so no write path can forget it); workers on every instance claim due deliveries with
-- FOR UPDATE SKIP LOCKED, send them with no transaction open, and record each attempt.

create table webhook_endpoints
(
    id                         uuid primary key,
    url                        varchar(2048) not null,
    description                varchar(500),
    -- Event types in their wire form ('clause.status_changed'), or '*' for every type.
    types                      text[]        not null check (cardinality(types) between 1 and 15),
    agreement_id               uuid,
    ordered                    boolean       not null,
    enabled                    boolean       not null,
    disabled_reason            varchar(20) check (disabled_reason in ('GONE', 'FAILING')),
    disabled_at                timestamptz,
    -- The first failure of the current run of failures; cleared by any success.
    failing_since              timestamptz,
    -- The signing secrets ('whsec_' + base64). HMAC needs the key itself, so it cannot be hashed;
    -- the API shows it once, on create or rotation, and never logs it.
    secret                     varchar(100)  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null
);
create index webhook_endpoints_listing on webhook_endpoints (created_at, id);

create table webhook_deliveries
(
    -- Also the webhook-id header: the same on every attempt, so receivers can de-duplicate.
    id              uuid primary key default gen_random_uuid(),
    endpoint_id     uuid        not null references webhook_endpoints (id) on delete cascade,
    type            varchar(40) not null,
    -- The event delivered (agreement_events.id and its transaction, for ordered delivery); null for a ping.
    event_id        bigint,
    event_tx        xid8,
    agreement_id    uuid,
    status          varchar(20) not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempt_count   integer     not null default 0,
    -- When a worker may next claim it. A claim moves it a lease ahead, so an instance that dies while
    -- sending leaves the delivery to be claimed again once the lease has run out: at-least-once.
    next_attempt_at timestamptz,
    created_at      timestamptz not null default now(),
    -- The retry window runs from here: the creation, or the last redelivery.
    retry_from      timestamptz not null default now(),
    completed_at    timestamptz,
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_listing on webhook_deliveries (endpoint_id, created_at desc, id desc);
-- What an ordered endpoint's next delivery for an agreement waits for.
create index webhook_deliveries_in_order on webhook_deliveries (endpoint_id, agreement_id, event_tx, event_id)
    where status = 'PENDING';

create table webhook_attempts
(
    delivery_id   uuid        not null references webhook_deliveries (id) on delete cascade,
    number        integer     not null,
    attempted_at  timestamptz not null,
    status_code   integer,
    duration_ms   bigint      not null,
    response_body varchar(1024),
    error         varchar(500),
    primary key (delivery_id, number)
);

-- The outbox: one delivery per event and enabled endpoint that follows it, in the event's own
-- transaction. One statement per inserting statement (a transition table), so a change that
-- writes several events costs one insert here, and nothing at all while no endpoint exists.
create function accords_webhook_outbox() returns trigger
    language plpgsql as
$$
begin
    insert into webhook_deliveries (endpoint_id, type, event_id, event_tx, agreement_id, next_attempt_at)
    select w.id, t.type, e.id, e.tx_id, e.agreement_id, now()
    from new_events e
             cross join lateral (select lower(regexp_replace(e.kind, '^(AGREEMENT|CLAUSE|SIGNATORY)_', '\1.')) as type) t
             join webhook_endpoints w on w.enabled
        and (w.agreement_id is null or w.agreement_id = e.agreement_id)
        and (t.type = any (w.types) or '*' = any (w.types));
    return null;
end
$$;
create trigger agreement_events_webhooks
    after insert on agreement_events
    referencing new table as new_events
    for each statement execute function accords_webhook_outbox();
