-- Issue 14: provenance. A write may cite a source ({url, title, publisher, publishedAt, confidence});
-- its events and its revision carry it, and the clause's status and each position keep the source of
-- the change that set them. Stored as the JSON the API shows (bounded: a source's fields are).

alter table agreement_events
    add column source jsonb,
    add constraint agreement_events_source_bounded check (source is null or octet_length(source::text) <= 8192);
alter table clauses
    add column status_source jsonb,
    add constraint clauses_status_source_bounded check (status_source is null or octet_length(status_source::text) <= 8192);
alter table clause_positions
    add column source jsonb,
    add constraint clause_positions_source_bounded check (source is null or octet_length(source::text) <= 8192);
alter table clause_revisions
    add column source jsonb,
    add constraint clause_revisions_source_bounded check (source is null or octet_length(source::text) <= 8192);

-- A change of a source alone (a report later confirmed by an official) is an event of its own.
alter table agreement_events drop constraint agreement_events_kind_check;
alter table agreement_events add constraint agreement_events_kind_check check (kind in (
    'AGREEMENT_CREATED', 'AGREEMENT_UPDATED', 'AGREEMENT_STATUS_CHANGED', 'AGREEMENT_DELETED',
    'AGREEMENT_INSTRUMENT_RECORDED',
    'CLAUSE_CREATED', 'CLAUSE_UPDATED', 'CLAUSE_STATUS_CHANGED', 'CLAUSE_DELETED', 'CLAUSE_POSITION_CHANGED',
    'CLAUSE_SOURCE_CHANGED',
    'CLAUSE_PROPOSAL_SUBMITTED', 'CLAUSE_PROPOSAL_ACCEPTED', 'CLAUSE_PROPOSAL_REJECTED', 'CLAUSE_PROPOSAL_WITHDRAWN',
    'SIGNATORY_CREATED', 'SIGNATORY_UPDATED', 'SIGNATORY_DELETED', 'SIGNATORY_SIGNED', 'SIGNATORY_DECLINED'));

-- An endpoint may follow each event type one by one: there are more than the 15 V6 allowed now.
alter table webhook_endpoints drop constraint webhook_endpoints_types_check;
alter table webhook_endpoints add constraint webhook_endpoints_types_check check (cardinality(types) between 1 and 30);
