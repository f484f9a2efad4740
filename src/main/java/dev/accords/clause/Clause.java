package dev.accords.clause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A clause of an agreement. Never leaves the service layer: see {@link ClauseView}. */
@Entity
@Table(name = "clauses")
public class Clause {

    @Id
    public UUID id;

    public UUID agreementId;

    public String reference;

    public String title;

    public String text;

    public String topic;

    @Enumerated(EnumType.STRING)
    public ClauseStatus status;

    public String statusReason;

    /** The source the change that set the current status cited; null when it cited none (JSON, see SourceJson). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String statusSource;

    @Enumerated(EnumType.STRING)
    public ClausePriority priority;

    /** Computed by the database from priority (CRITICAL = 0); orders the open-clauses report. */
    @Column(insertable = false, updatable = false)
    public Short priorityRank;

    public String proposedBy;

    public Instant openSince;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** The number of the clause's latest revision (0 before the first): see {@link #advanceRevision}. */
    public int lastRevision;

    /** Only the parties that took a stance have a row; the others hold NO_POSITION. */
    @OneToMany(mappedBy = "clause", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ClausePosition> positions = new ArrayList<>();

    public Optional<ClausePosition> position(String partyCode) {
        return positions.stream().filter(p -> p.id.partyCode.equals(partyCode)).findFirst();
    }

    /**
     * Numbers the revision a change is about to record. Call it before the change is flushed, so the
     * clause's one UPDATE (or INSERT) carries the new number: recording then needs no max() query.
     */
    int advanceRevision() {
        return ++lastRevision;
    }

    /** Moves to a status, keeping openSince as "when it last became open". */
    void moveTo(ClauseStatus next, Instant now) {
        if (next.isOpen() && (status == null || !status.isOpen())) {
            openSince = now;
        } else if (!next.isOpen()) {
            openSince = null;
        }
        status = next;
    }
}
