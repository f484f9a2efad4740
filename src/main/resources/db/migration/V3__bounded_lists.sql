-- Issue 5, item 7: every string and list the database holds has a bound. Strings already do
-- (varchar(n)); this bounds what V1 and V2 left open: arrays, JSON documents and the number of
-- parties of an agreement. The bounds match openapi.yaml, or sit above what the service can write.

-- A revision names at most a handful of changed fields ('created', 'title', 'text', 'status',
-- 'statusReason', 'positions.<party>'), and holds one position per party (at most 20 parties).
create function accords_valid_revision_changes(changes text[]) returns boolean
    language sql immutable strict as
$$
select coalesce(bool_and(char_length(c) between 1 and 20), true)
from unnest(changes) as c
$$;

alter table clause_revisions
    add constraint clause_revisions_changes_bounded
        check (cardinality(changes) between 1 and 10 and accords_valid_revision_changes(changes)),
    -- jsonb_array_length fails on a non-array, so the type is checked first, inside the CASE.
    add constraint clause_revisions_positions_bounded
        check (case when jsonb_typeof(positions) = 'array'
                    then jsonb_array_length(positions) <= 20 and octet_length(positions::text) <= 262144
                    else false end);

-- An event holds the changed fields of one resource with their new values; every one of those
-- values is bounded by its own column, so the document as a whole stays far below 1 MiB.
alter table agreement_events
    add constraint agreement_events_changes_bounded
        check (jsonb_typeof(changes) = 'object' and octet_length(changes::text) <= 1048576);

-- A replayed response is one created resource; the request that made it was at most 1 MiB.
alter table idempotency_keys
    add constraint idempotency_keys_response_bounded
        check (response_body is null or octet_length(response_body) <= 1048576);

-- At most 20 parties per agreement (AgreementCreate.parties maxItems): ordinals 0..19, each once.
-- Deferred, because replacing the parties renumbers them row by row within one transaction.
alter table agreement_parties
    add constraint agreement_parties_ordinal_bounded check (ordinal between 0 and 19),
    add constraint agreement_parties_ordinal_unique unique (agreement_id, ordinal) deferrable initially deferred;
