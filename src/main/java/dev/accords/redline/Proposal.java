package dev.accords.redline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A party's proposed text for a clause (a redline). Never leaves the service layer: see {@link ProposalView}. */
@Entity
@Table(name = "clause_proposals")
public class Proposal {

    @Id
    public UUID id;

    public UUID clauseId;

    public UUID agreementId;

    public String partyCode;

    public String text;

    /** The clause revision the author saw; the proposal can be accepted only while it is still the current one. */
    public int basedOnRevision;

    @Enumerated(EnumType.STRING)
    public ProposalStatus status;

    public String author;

    public Instant createdAt;

    public Instant decidedAt;

    public String decidedBy;

    public String reason;

    /** The clause revision accepting the proposal made. */
    public Integer acceptedRevision;

    @Version
    public long version;
}
