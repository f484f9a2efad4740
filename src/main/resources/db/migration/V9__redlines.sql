-- Issue 14, part 3: redlines. A party proposes new text for a clause; the proposal stays on the
-- record whatever becomes of it (accepted, rejected, withdrawn), and accepting it makes its text the
-- clause's next revision.

create table clause_proposals
(
    id                uuid primary key,
    clause_id         uuid           not null references clauses (id) on delete cascade,
    agreement_id      uuid           not null,
    party_code        varchar(10)    not null,
    text              varchar(20000) not null,
    based_on_revision integer        not null check (based_on_revision >= 1),
    status            varchar(20)    not null check (status in ('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
    author            varchar(200)   not null,
    created_at        timestamptz    not null,
    decided_at        timestamptz,
    decided_by        varchar(200),
    reason            varchar(2000),
    accepted_revision integer check (accepted_revision >= 2),
    version           bigint         not null,
    -- Checked at commit, like the clauses' own party references (V1): deleting an agreement cascades
    -- to its parties and to the rows referring to them in no fixed order.
    constraint clause_proposals_party foreign key (agreement_id, party_code)
        references agreement_parties (agreement_id, code) deferrable initially deferred,
    constraint clause_proposals_decided_iff_not_open
        check ((status = 'OPEN') = (decided_at is null) and (decided_at is null) = (decided_by is null)),
    constraint clause_proposals_accepted_revision_iff_accepted
        check ((status = 'ACCEPTED') = (accepted_revision is not null)),
    constraint clause_proposals_reason_when_decided check (reason is null or status in ('REJECTED', 'WITHDRAWN'))
);
-- The list: a clause's proposals in creation order (optionally of one status), keyset-paged.
create index clause_proposals_by_clause on clause_proposals (clause_id, created_at, id);
-- The open-clauses reports count a clause's open proposals; this keeps the count to its open ones.
create index clause_proposals_open on clause_proposals (clause_id) where status = 'OPEN';
-- An accepted proposal names the revision it made, at most one per revision: compare finds it by it.
create unique index clause_proposals_by_accepted_revision on clause_proposals (clause_id, accepted_revision)
    where accepted_revision is not null;
-- A party cannot be dropped from the agreement while a proposal speaks for it.
create index clause_proposals_by_party on clause_proposals (agreement_id, party_code);

-- Who wrote a revision's values, for the word-level comparison's attribution: the token subject of
-- the change, and the party it spoke for when that is known (the proposing party for an accepted
-- proposal). Revisions recorded before this migration have neither.
alter table clause_revisions add column author varchar(200);
alter table clause_revisions add column party_code varchar(10);

alter table agreement_events drop constraint agreement_events_kind_check;
alter table agreement_events add constraint agreement_events_kind_check check (kind in (
    'AGREEMENT_CREATED', 'AGREEMENT_UPDATED', 'AGREEMENT_STATUS_CHANGED', 'AGREEMENT_DELETED',
    'CLAUSE_CREATED', 'CLAUSE_UPDATED', 'CLAUSE_STATUS_CHANGED', 'CLAUSE_DELETED', 'CLAUSE_POSITION_CHANGED',
    'SIGNATORY_CREATED', 'SIGNATORY_UPDATED', 'SIGNATORY_DELETED', 'SIGNATORY_SIGNED', 'SIGNATORY_DECLINED',
    'AGREEMENT_INSTRUMENT_RECORDED',
    'CLAUSE_PROPOSAL_SUBMITTED', 'CLAUSE_PROPOSAL_ACCEPTED', 'CLAUSE_PROPOSAL_REJECTED', 'CLAUSE_PROPOSAL_WITHDRAWN'));
