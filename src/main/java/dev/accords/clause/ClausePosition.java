package dev.accords.clause;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One party's stance on one clause; the party is enforced by a foreign key to agreement_parties. */
@Entity
@Table(name = "clause_positions")
public class ClausePosition {

    @EmbeddedId
    public Key id;

    @MapsId("clauseId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "clause_id")
    public Clause clause;

    public UUID agreementId;

    @Enumerated(EnumType.STRING)
    public Stance stance;

    public String note;

    /** The source the change that set this position cited; null when it cited none (JSON, see SourceJson). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String source;

    public Instant updatedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "clause_id")
        public UUID clauseId;
        public String partyCode;

        protected Key() {
        }

        public Key(UUID clauseId, String partyCode) {
            this.clauseId = clauseId;
            this.partyCode = partyCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(clauseId, that.clauseId)
                    && Objects.equals(partyCode, that.partyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clauseId, partyCode);
        }
    }
}
