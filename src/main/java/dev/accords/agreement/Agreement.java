package dev.accords.agreement;

import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/** An agreement under negotiation. Never leaves the service layer: see {@link AgreementView}. */
@Entity
@Table(name = "agreements")
public class Agreement {

    @Id
    public UUID id;

    public String title;

    public String summary;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    public List<AgreementParty> parties = new ArrayList<>();

    public LocalDate plannedSigningDate;

    public String signingPlace;

    public Instant createdAt;

    public Instant updatedAt;

    public Instant finalizedAt;

    public Instant signedAt;

    /** Null reads as ON_LAST_NOTIFICATION (docs/RATIFICATION.md). */
    @Enumerated(EnumType.STRING)
    public EntryIntoForceRule entryIntoForceRule;

    /** Only with DAYS_AFTER_LAST_NOTIFICATION, 1 to 3,650. */
    public Integer entryIntoForceDays;

    /** Set once every party has notified; the agreement is IN_FORCE from this date. */
    public LocalDate entryIntoForceDate;

    @Version
    public long version;

    public Optional<AgreementParty> party(String code) {
        return parties.stream().filter(p -> p.id.code.equals(code)).findFirst();
    }

    public boolean hasParty(String code) {
        return party(code).isPresent();
    }

    public List<String> partyCodes() {
        return parties.stream().map(p -> p.id.code).toList();
    }

    /** SIGNED, IN_FORCE and WITHDRAWN agreements, with their clauses and signatories, can be read, not changed. */
    public void requireChangeable() {
        if (status.isFinal()) {
            throw new ApiException(ProblemCode.AGREEMENT_READ_ONLY,
                    "the agreement is " + status + "; it, its clauses and its signatories can be read, not changed");
        }
    }

    /** Refuses a request field that names none of this agreement's parties; null names nothing and passes. */
    public void requireParty(String field, String code) {
        if (code != null && !hasParty(code)) {
            throw ApiException.invalid(field, notAParty(code));
        }
    }

    /** How every refusal words a code that names none of this agreement's parties. */
    public String notAParty(String code) {
        return code + " is not a party of this agreement (parties: " + String.join(", ", partyCodes()) + ")";
    }
}
