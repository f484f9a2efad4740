package dev.accords.signatory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who signs an agreement for one of its parties. Never leaves the service layer: see
 * {@link SignatoryView}. The agreement is held by id, not as an association: every operation has
 * already locked the agreement row itself, and a signatory never needs the agreement's graph.
 */
@Entity
@Table(name = "signatories")
public class Signatory {

    @Id
    public UUID id;

    @Column(updatable = false)
    public UUID agreementId;

    public String name;

    public String role;

    public String partyCode;

    public Integer signingOrder;

    @Enumerated(EnumType.STRING)
    public SignatoryStatus status;

    public Instant signedAt;

    public String signedPlace;

    public String declineReason;

    /** When set, the token subject that alone (besides an admin) may sign or decline for this signatory. */
    public String principal;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** How problems name a signatory: {@code Donald Trump (US, order 2)}. */
    public String label() {
        return name + " (" + partyCode + (signingOrder == null ? "" : ", order " + signingOrder) + ")";
    }

    /** The label with the status, for lists of others: {@code Volodymyr Zelensky (UA, order 1, PENDING)}. */
    public String labelWithStatus() {
        return name + " (" + partyCode + (signingOrder == null ? "" : ", order " + signingOrder) + ", " + status + ")";
    }
}
