-- Issue 12: one change feed across all agreements, gap-free, and live streams woken by NOTIFY.
--
-- An identity id is assigned at insert, so ids do not commit in order: a follower that read up to
-- id 7 while the transaction holding id 6 was still open would never see 6. Each event therefore
-- records the transaction that wrote it, and the feed only shows events of transactions older than
-- the oldest one still running (pg_snapshot_xmin): nothing can ever appear behind that line, so a
-- cursor over (tx_id, id) never skips an event and never repeats one.
-- Existing events all get this migration's transaction, which keeps their id order.
alter table agreement_events add column tx_id xid8 not null default pg_current_xact_id();
create index agreement_events_feed on agreement_events (tx_id, id);

-- Wakes the live streams of every instance when a transaction that wrote events commits
-- (NOTIFY is delivered on commit, never for a rollback). One notification per statement, without
-- a payload: the streams read the events from the table, so a lost notification delays, never loses.
create function accords_notify_events() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('accords_events', '');
    return null;
end
$$;
create trigger agreement_events_notify
    after insert on agreement_events
    for each statement execute function accords_notify_events();
