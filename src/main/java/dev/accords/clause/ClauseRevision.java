package dev.accords.clause;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An immutable snapshot of a clause after a change (a database trigger refuses updates too). */
@Entity
@Immutable
@Table(name = "clause_revisions")
public class ClauseRevision {

    @EmbeddedId
    public Key id;

    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> changes;

    public String title;

    public String text;

    @Enumerated(EnumType.STRING)
    public ClauseStatus status;

    public String statusReason;

    /** The positions after the change, as the JSON the API shows. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String positions;

    /** The source the change that made this revision cited; null when it cited none (JSON, see SourceJson). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String source;

    /** The token subject whose change this revision records (the proposal's author for an accepted proposal); null before V9. */
    public String author;

    /** The party that change spoke for, when known (the proposing party for an accepted proposal). */
    public String partyCode;

    @Embeddable
    public static class Key implements Serializable {
        public UUID clauseId;
        public int number;

        protected Key() {
        }

        public Key(UUID clauseId, int number) {
            this.clauseId = clauseId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(clauseId, that.clauseId) && number == that.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(clauseId, number);
        }
    }
}
